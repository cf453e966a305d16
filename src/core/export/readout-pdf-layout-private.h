// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pango/pango.h>

#include "readout-pdf-layout.h"

G_BEGIN_DECLS

/* Shared by readout-pdf-layout.c (measuring, paginating, drawing and writing pages) and
 * readout-pdf-documents.c (what goes on them: a comparison, a call, a topic's history). */

/* The document is a list of groups (the header, a comparison row, a source...), each a
 * list of bands; a band is one full-width cell or two cells side by side, and a cell is
 * a stack of paragraphs. Pagination measures every paragraph once, then places bands on
 * pages; a band that does not fit is cut between two lines of each of its cells, never
 * through a line, and the two columns of a band may be cut at different heights. */

#define FONT_FAMILY   "Cantarell, DejaVu Sans"
#define MARGIN        54.0  /* 3/4 inch */
#define FOOTER_HEIGHT 24.0
#define GUTTER        18.0
#define GROUP_GAP     10.0
/* A group taller than what is left of a page starts on the next page unless at least
 * this much room is left: a topic header followed by a line or two looks orphaned. */
#define MIN_START     64.0

typedef enum {
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_BODY,
  STYLE_META,
  STYLE_NOTE,
  STYLE_HEADING,
  STYLE_TOPIC,
  STYLE_STATUS,
  STYLE_COLUMN_LABEL,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef struct {
  char          *text;
  PangoAttrList *attrs;         /* nullable */
  Style          style;
  PangoAlignment alignment;
  double         space_before;
  char          *link;          /* nullable: a URL the paragraph links to in the PDF */
  PangoLayout   *layout;        /* made by paginate () */
  double         y;             /* top, in its cell */
  double         height;
} Para;

typedef struct {
  GPtrArray *paras;   /* Para */
  double     height;  /* set by paginate () */
  GArray    *breaks;  /* double: the bottom of every line, ascending */
} Cell;

typedef enum {
  BAND_FULL,     /* one cell across the page */
  BAND_COLUMNS,  /* side A and side B */
  BAND_TOPIC,    /* topic on the left, its status on the right, shaded */
} BandKind;

typedef struct {
  BandKind kind;
  Cell     cells[2];
  double   pad_top;
  double   pad_bottom;
} Band;

typedef struct {
  GPtrArray *bands;          /* Band */
  Band      *continuation;   /* nullable: repeated atop a page the group goes on to */
  gboolean   in_rows;        /* pages in the rows repeat the column labels */
} Group;

typedef struct {
  Band   *band;
  double  y;
  double  from[2];
  double  to[2];
  gboolean first;
  gboolean last;
} Placement;

struct _ReadoutPdfLayout
{
  GObject parent_instance;

  char         *title;
  char         *subject;
  GPtrArray    *groups;          /* Group */
  Band         *column_labels;   /* nullable */
  GDateTime    *export_date;
  double        page_width;
  double        page_height;

  PangoContext *context;
  GPtrArray    *pages;           /* GArray of Placement */
};

/* For the object's finalize: a document's groups and bands belong to it. */
void _readout_pdf_group_free (gpointer data);
void _readout_pdf_band_free  (gpointer data);

G_END_DECLS

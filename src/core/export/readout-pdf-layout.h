// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "readout-comparison.h"
#include "readout-store.h"

G_BEGIN_DECLS

/* Lays out a comparison (or a whole call) on pages with cairo and Pango, for a PDF file
 * and for a printout alike: the same code measures and draws both, so the two are the
 * same page for page.
 *
 * Everything the pages show is read from the store when the layout is made; measuring
 * and drawing need no store afterwards. Text is always set as text, never as markup.
 *
 * Printing with GtkPrintOperation: set the unit to GTK_UNIT_POINTS and use_full_page to
 * TRUE; in ::begin-print call readout_pdf_layout_set_page_size() with the paper's size in
 * points and readout_pdf_layout_paginate(), then gtk_print_operation_set_n_pages(); in
 * ::draw-page call readout_pdf_layout_draw_page() with the print context's cairo_t. */

typedef enum {
  READOUT_PAPER_A4,
  READOUT_PAPER_LETTER,
} ReadoutPaper;

/* The paper of the user's locale (LC_PAPER): US Letter in the Americas' Letter
 * countries, A4 elsewhere. */
ReadoutPaper      readout_paper_from_locale              (void);
/* "a4" or "letter" (case-insensitive); FALSE for anything else. */
gboolean          readout_paper_from_string              (const char        *name,
                                                          ReadoutPaper      *paper);
/* Width and height in points (1/72 inch). */
void              readout_paper_get_size                 (ReadoutPaper       paper,
                                                          double            *width,
                                                          double            *height);

#define READOUT_TYPE_PDF_LAYOUT (readout_pdf_layout_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutPdfLayout, readout_pdf_layout, READOUT, PDF_LAYOUT, GObject)

/* A comparison of a call: header, one row per topic in two columns, summary, sources.
 * READOUT_ERROR_NOT_FOUND if the comparison's call is not in @store. */
ReadoutPdfLayout *readout_pdf_layout_new_for_comparison  (ReadoutStore      *store,
                                                          ReadoutComparison *comparison,
                                                          GError           **error);
/* A whole call for the archive: header, conflicts, every statement by side, every
 * source with its text. */
ReadoutPdfLayout *readout_pdf_layout_new_for_call        (ReadoutStore      *store,
                                                          gint64             call_id,
                                                          GError           **error);

/* The document's title ("Call between Donald Trump and Vladimir Putin, …"). */
const char       *readout_pdf_layout_get_title           (ReadoutPdfLayout  *self);
/* The page size in points; A4 until set. Invalidates the pagination. */
void              readout_pdf_layout_set_page_size       (ReadoutPdfLayout  *self,
                                                          double             width,
                                                          double             height);
void              readout_pdf_layout_set_paper           (ReadoutPdfLayout  *self,
                                                          ReadoutPaper       paper);
/* The date printed in the footer and stored in the PDF; now until set. */
void              readout_pdf_layout_set_export_date     (ReadoutPdfLayout  *self,
                                                          GDateTime         *date);
/* Measures the text and cuts it into pages; returns the number of pages (at least 1). */
guint             readout_pdf_layout_paginate            (ReadoutPdfLayout  *self);
/* Paginates if needed. */
guint             readout_pdf_layout_get_n_pages         (ReadoutPdfLayout  *self);
/* Draws page @page (from 0) with its top-left corner at the origin of @cr, in points. */
void              readout_pdf_layout_draw_page           (ReadoutPdfLayout  *self,
                                                          cairo_t           *cr,
                                                          guint              page);
/* Writes a PDF to a temporary file next to @path and renames it into place, so a
 * failure never leaves a half-written file. READOUT_ERROR_IO when it cannot. */
gboolean          readout_pdf_layout_write_pdf           (ReadoutPdfLayout  *self,
                                                          const char        *path,
                                                          GError           **error);

/* The same off the main loop, for the window. The layout is measured again in the
 * worker thread, with that thread's fonts (Pango's font maps are per thread); do not use
 * @self until @callback runs. */
void              readout_pdf_layout_write_pdf_async     (ReadoutPdfLayout    *self,
                                                          const char          *path,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean          readout_pdf_layout_write_pdf_finish    (ReadoutPdfLayout    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Shortcuts: lay out, paginate and write in one go. */
gboolean          readout_pdf_export_comparison          (ReadoutStore      *store,
                                                          ReadoutComparison *comparison,
                                                          ReadoutPaper       paper,
                                                          const char        *path,
                                                          GError           **error);
gboolean          readout_pdf_export_call                (ReadoutStore      *store,
                                                          gint64             call_id,
                                                          ReadoutPaper       paper,
                                                          const char        *path,
                                                          GError           **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-pdf-layout"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "readout-error.h"
#include "readout-format.h"
#include "readout-pdf-layout-private.h"
#include "readout-safe-file.h"

/* How pages are made from a document: its paragraphs measured with Pango, its bands
 * placed on pages, the pages drawn with cairo and written. What goes into a document is
 * in readout-pdf-documents.c. */

G_DEFINE_FINAL_TYPE (ReadoutPdfLayout, readout_pdf_layout, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------- */
/* Paper                                                                              */

void
readout_paper_get_size (ReadoutPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == READOUT_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

gboolean
readout_paper_from_string (const char   *name,
                           ReadoutPaper *paper)
{
  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = READOUT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0 || g_ascii_strcasecmp (name, "us-letter") == 0)
    *paper = READOUT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

ReadoutPaper
readout_paper_from_locale (void)
{
  /* Territories whose glibc locales use Letter. */
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "NI", "PA", "PR", "DO",
    "BZ", NULL
  };
  const char *name;
  const char *territory;

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  {
    /* glibc knows the paper of the locale itself; 216 mm wide is Letter. The C locale
     * says A4. */
    int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

    if (width_mm == 216)
      return READOUT_PAPER_LETTER;
    if (width_mm == 210)
      return READOUT_PAPER_A4;
  }
#endif

  name = setlocale (LC_PAPER, NULL);
  if (name == NULL)
    return READOUT_PAPER_A4;
  territory = strchr (name, '_');
  if (territory == NULL || strlen (territory) < 3)
    return READOUT_PAPER_A4;
  for (guint i = 0; letter_territories[i] != NULL; i++)
    if (strncmp (territory + 1, letter_territories[i], 2) == 0)
      return READOUT_PAPER_LETTER;
  return READOUT_PAPER_A4;
}

static void
readout_pdf_layout_finalize (GObject *object)
{
  ReadoutPdfLayout *self = (ReadoutPdfLayout *) object;

  g_free (self->title);
  g_free (self->subject);
  g_ptr_array_unref (self->groups);
  _readout_pdf_band_free (self->column_labels);
  g_clear_pointer (&self->export_date, g_date_time_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (readout_pdf_layout_parent_class)->finalize (object);
}

static void
readout_pdf_layout_class_init (ReadoutPdfLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_pdf_layout_finalize;
}

static void
readout_pdf_layout_init (ReadoutPdfLayout *self)
{
  self->groups = g_ptr_array_new_with_free_func (_readout_pdf_group_free);
  readout_paper_get_size (READOUT_PAPER_A4, &self->page_width, &self->page_height);
}

const char *
readout_pdf_layout_get_title (ReadoutPdfLayout *self)
{
  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), NULL);

  return self->title;
}

void
readout_pdf_layout_set_page_size (ReadoutPdfLayout *self,
                                  double            width,
                                  double            height)
{
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (width > 4 * MARGIN && height > 4 * MARGIN);

  if (width == self->page_width && height == self->page_height)
    return;
  self->page_width = width;
  self->page_height = height;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

void
readout_pdf_layout_set_paper (ReadoutPdfLayout *self,
                              ReadoutPaper      paper)
{
  double width, height;

  readout_paper_get_size (paper, &width, &height);
  readout_pdf_layout_set_page_size (self, width, height);
}

void
readout_pdf_layout_set_export_date (ReadoutPdfLayout *self,
                                    GDateTime        *date)
{
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));

  g_clear_pointer (&self->export_date, g_date_time_unref);
  if (date != NULL)
    self->export_date = g_date_time_ref (date);
}

/* ---------------------------------------------------------------------------------- */
/* Measuring                                                                          */

static PangoFontDescription *
style_font (Style style)
{
  static const struct {
    double      size;
    PangoWeight weight;
    PangoStyle  slant;
  } styles[N_STYLES] = {
    [STYLE_TITLE]        = { 17.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_SUBTITLE]     = { 11.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
    [STYLE_BODY]         = { 10.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
    [STYLE_META]         = {  8.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_NOTE]         = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_HEADING]      = { 13.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_TOPIC]        = { 11.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_STATUS]       = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_COLUMN_LABEL] = {  9.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_FOOTER]       = {  8.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
  };
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  return font;
}

/* Grey for the meta lines, black for the rest: readable when printed in grey scale. */
static void
style_colour (Style   style,
              double *rgb)
{
  double grey = style == STYLE_META || style == STYLE_NOTE || style == STYLE_STATUS
                || style == STYLE_FOOTER ? 0.33 : 0.0;

  rgb[0] = rgb[1] = rgb[2] = grey;
}

static PangoContext *
get_context (ReadoutPdfLayout *self)
{
  cairo_font_options_t *options;

  if (self->context != NULL)
    return self->context;

  /* Points as units and no hinting: the metrics are then the same on a PDF surface and
   * on a printer's, so the pages break in the same places. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  return self->context;
}

static PangoLayout *
make_layout (ReadoutPdfLayout *self,
             Style             style,
             const char       *text,
             PangoAttrList    *attrs,
             double            width,
             PangoAlignment    alignment)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  g_autoptr(PangoFontDescription) font = style_font (style);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);
  return layout;
}

static void
cell_geometry (ReadoutPdfLayout *self,
               Band             *band,
               guint             cell,
               double           *x,
               double           *width)
{
  double content = self->page_width - 2 * MARGIN;

  switch (band->kind)
    {
    case BAND_FULL:
      *x = MARGIN;
      *width = content;
      break;
    case BAND_COLUMNS:
      *width = (content - GUTTER) / 2;
      *x = MARGIN + (cell == 0 ? 0 : *width + GUTTER);
      break;
    case BAND_TOPIC:
    default:
      /* Inset so the text does not touch the edge of the shading. */
      *width = cell == 0 ? (content - 12) * 0.62 : (content - 12) * 0.38;
      *x = MARGIN + 6 + (cell == 0 ? 0 : (content - 12) * 0.62);
      break;
    }
}

static void
measure_band (ReadoutPdfLayout *self,
              Band             *band)
{
  for (guint c = 0; c < 2; c++)
    {
      Cell *cell = &band->cells[c];
      double x, width, y = 0;

      cell_geometry (self, band, c, &x, &width);
      g_array_set_size (cell->breaks, 0);
      for (guint p = 0; p < cell->paras->len; p++)
        {
          Para *para = g_ptr_array_index (cell->paras, p);
          PangoLayoutIter *iter;
          int logical_height;

          g_clear_object (&para->layout);
          para->layout = make_layout (self, para->style, para->text, para->attrs, width,
                                      para->alignment);
          y += para->space_before;
          para->y = y;

          iter = pango_layout_get_iter (para->layout);
          do
            {
              int y0, y1;
              double bottom;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              bottom = y + (double) y1 / PANGO_SCALE;
              g_array_append_val (cell->breaks, bottom);
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);

          pango_layout_get_size (para->layout, NULL, &logical_height);
          para->height = (double) logical_height / PANGO_SCALE;
          y += para->height;
        }
      cell->height = y;
    }
}

static double
band_content_height (Band *band)
{
  return MAX (band->cells[0].height, band->cells[1].height);
}

static double
band_height (Band *band)
{
  return band->pad_top + band_content_height (band) + band->pad_bottom;
}

/* How far a cell can go from @from within @room without cutting a line. */
static double
cell_break (Cell   *cell,
            double  from,
            double  room)
{
  const double slack = 0.01;
  double best = from;

  if (cell->height - from <= room + slack)
    return cell->height;
  for (guint i = 0; i < cell->breaks->len; i++)
    {
      double bottom = g_array_index (cell->breaks, double, i);

      if (bottom - from > room + slack)
        break;
      if (bottom > from + slack)
        best = bottom;
    }
  return best;
}

/* ---------------------------------------------------------------------------------- */
/* Paginating                                                                         */

typedef struct {
  ReadoutPdfLayout *self;
  GArray           *page;    /* Placement, of the page being filled */
  double            y;
  double            top;     /* where content starts on this page */
  double            bottom;
} Paginator;

static void
paginator_new_page (Paginator *pg)
{
  pg->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (pg->self->pages, pg->page);
  pg->y = MARGIN;
  pg->top = MARGIN;
}

static void
paginator_place_whole (Paginator *pg,
                       Band      *band)
{
  Placement placement = { 0, };

  placement.band = band;
  placement.y = pg->y;
  placement.to[0] = band->cells[0].height;
  placement.to[1] = band->cells[1].height;
  placement.first = placement.last = TRUE;
  g_array_append_val (pg->page, placement);
  pg->y += band_height (band);
}

/* Starts a page, with the column labels and the group's header repeated if it goes on
 * from the page before. */
static void
paginator_break (Paginator *pg,
                 Group     *group,
                 gboolean   continuing)
{
  paginator_new_page (pg);
  if (group != NULL && group->in_rows && pg->self->column_labels != NULL)
    paginator_place_whole (pg, pg->self->column_labels);
  if (continuing && group != NULL && group->continuation != NULL)
    paginator_place_whole (pg, group->continuation);
  pg->top = pg->y;
}

static void
paginator_place_band (Paginator *pg,
                      Group     *group,
                      Band      *band)
{
  double from[2] = { 0, 0 };
  gboolean first = TRUE;

  for (;;)
    {
      double pad_top = first ? band->pad_top : 0;
      double room = pg->bottom - pg->y - pad_top;
      double to[2];
      double used = 0;
      gboolean done = TRUE;
      gboolean progress = FALSE;
      Placement placement = { 0, };

      for (guint c = 0; c < 2; c++)
        {
          Cell *cell = &band->cells[c];

          to[c] = cell_break (cell, from[c], room);
          if (to[c] < cell->height)
            done = FALSE;
          if (to[c] > from[c])
            progress = TRUE;
          used = MAX (used, to[c] - from[c]);
        }

      if (done && pg->y + pad_top + used + band->pad_bottom > pg->bottom + 0.01 && pg->y > pg->top)
        {
          /* The text fits but its padding does not: keep the band whole on the next
           * page rather than leave its last line alone. */
          done = FALSE;
          progress = FALSE;
        }

      if (!progress)
        {
          if (pg->y > pg->top)
            {
              paginator_break (pg, group, TRUE);
              continue;
            }
          /* Not even one line fits on an empty page (a huge font or a tiny page): put
           * the next line of each cell anyway so that pagination always ends. */
          for (guint c = 0; c < 2; c++)
            {
              Cell *cell = &band->cells[c];

              to[c] = cell->height;
              for (guint i = 0; i < cell->breaks->len; i++)
                if (g_array_index (cell->breaks, double, i) > from[c] + 0.01)
                  {
                    to[c] = g_array_index (cell->breaks, double, i);
                    break;
                  }
              used = MAX (used, to[c] - from[c]);
            }
          done = to[0] >= band->cells[0].height && to[1] >= band->cells[1].height;
        }

      placement.band = band;
      placement.y = pg->y;
      placement.from[0] = from[0];
      placement.from[1] = from[1];
      placement.to[0] = to[0];
      placement.to[1] = to[1];
      placement.first = first;
      placement.last = done;
      g_array_append_val (pg->page, placement);

      pg->y += pad_top + used + (done ? band->pad_bottom : 0);
      if (done)
        return;

      from[0] = to[0];
      from[1] = to[1];
      first = FALSE;
      paginator_break (pg, group, TRUE);
    }
}

static double
group_height (Group *group)
{
  double height = 0;

  for (guint i = 0; i < group->bands->len; i++)
    height += band_height (g_ptr_array_index (group->bands, i));
  return height;
}

guint
readout_pdf_layout_paginate (ReadoutPdfLayout *self)
{
  Paginator pg = { 0, };
  gboolean in_rows = FALSE;

  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), 0);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (self->column_labels != NULL)
    measure_band (self, self->column_labels);
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);

      for (guint b = 0; b < group->bands->len; b++)
        measure_band (self, g_ptr_array_index (group->bands, b));
      if (group->continuation != NULL)
        measure_band (self, group->continuation);
    }

  pg.self = self;
  pg.bottom = self->page_height - MARGIN - FOOTER_HEIGHT;
  paginator_new_page (&pg);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);
      double height = group_height (group);
      gboolean starts_rows = group->in_rows && !in_rows && self->column_labels != NULL;
      double extra = starts_rows ? band_height (self->column_labels) : 0;
      double room;

      if (g > 0)
        pg.y += GROUP_GAP;
      room = pg.bottom - pg.y - extra;

      /* Keep a group on one page when it fits on one; a taller one starts here only if
       * a fair part of it fits. A new page in the rows brings its column labels. */
      if (pg.y > pg.top && height > room
          && (height <= pg.bottom - MARGIN - extra - 60 || room < MIN_START))
        paginator_break (&pg, group, FALSE);
      else if (starts_rows)
        paginator_place_whole (&pg, self->column_labels);
      in_rows = group->in_rows;

      for (guint b = 0; b < group->bands->len; b++)
        paginator_place_band (&pg, group, g_ptr_array_index (group->bands, b));
    }

  return self->pages->len;
}

guint
readout_pdf_layout_get_n_pages (ReadoutPdfLayout *self)
{
  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), 0);

  if (self->pages == NULL)
    readout_pdf_layout_paginate (self);
  return self->pages->len;
}

/* ---------------------------------------------------------------------------------- */
/* Drawing                                                                            */

/* Draws the lines of @para that lie between @from and @to (cell coordinates) with the
 * cell's top at @y. Only those lines are drawn, rather than the whole paragraph under a
 * clip, so that a paragraph cut across pages has each line once in the PDF's text. */
static void
draw_para_lines (cairo_t *cr,
                 Para    *para,
                 double   x,
                 double   y,
                 double   from,
                 double   to)
{
  const double slack = 0.01;
  PangoLayoutIter *iter;

  if (para->y >= from - slack && para->y + para->height <= to + slack)
    {
      cairo_move_to (cr, x, y - from + para->y);
      pango_cairo_show_layout (cr, para->layout);
      return;
    }

  iter = pango_layout_get_iter (para->layout);
  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = para->y + (double) y0 / PANGO_SCALE;
      bottom = para->y + (double) y1 / PANGO_SCALE;
      if (top < from - slack || bottom > to + slack)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = para->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y - from + baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* "uri='…'" with the quotes and backslashes of the URL escaped, as cairo's tag
 * attribute syntax wants. */
static char *
link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (attributes, FALSE);
}

static void
draw_cell (ReadoutPdfLayout *self,
           cairo_t          *cr,
           Band             *band,
           guint             c,
           double            y,
           double            from,
           double            to)
{
  Cell *cell = &band->cells[c];
  double x, width;

  if (to <= from)
    return;
  cell_geometry (self, band, c, &x, &width);

  for (guint p = 0; p < cell->paras->len; p++)
    {
      Para *para = g_ptr_array_index (cell->paras, p);
      double rgb[3];

      if (para->y + para->height <= from || para->y >= to)
        continue;
      style_colour (para->style, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      if (para->link != NULL)
        {
          /* A link annotation in a PDF; other surfaces ignore tags. */
          g_autofree char *attributes = link_attributes (para->link);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
          draw_para_lines (cr, para, x, y, from, to);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      else
        draw_para_lines (cr, para, x, y, from, to);
    }
}

static void
draw_placement (ReadoutPdfLayout *self,
                cairo_t          *cr,
                const Placement  *placement)
{
  Band *band = placement->band;
  double pad_top = placement->first ? band->pad_top : 0;
  double used = MAX (placement->to[0] - placement->from[0], placement->to[1] - placement->from[1]);
  double content = self->page_width - 2 * MARGIN;

  if (band->kind == BAND_TOPIC)
    {
      /* Light shading plus a rule: the rule still separates rows when a printer drops
       * the grey. */
      cairo_save (cr);
      cairo_rectangle (cr, MARGIN, placement->y, content, pad_top + used + band->pad_bottom);
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_fill (cr);
      cairo_move_to (cr, MARGIN, placement->y);
      cairo_line_to (cr, MARGIN + content, placement->y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else if (band == self->column_labels)
    {
      double rule_y = placement->y + band_content_height (band) + 1.5;

      cairo_save (cr);
      cairo_move_to (cr, MARGIN, rule_y);
      cairo_line_to (cr, MARGIN + content, rule_y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Side A first, then side B, so text comes out of the PDF in reading order. */
  for (guint c = 0; c < 2; c++)
    draw_cell (self, cr, band, c, placement->y + pad_top, placement->from[c], placement->to[c]);
}

static char *
export_date_text (ReadoutPdfLayout *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *date = self->export_date;
  g_autofree char *iso = NULL;

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  iso = g_date_time_format (date, "%Y-%m-%d");
  return readout_format_date (iso, READOUT_DATE_PRECISION_DAY);
}

static void
draw_footer (ReadoutPdfLayout *self,
             cairo_t          *cr,
             guint             page)
{
  double content = self->page_width - 2 * MARGIN;
  double y = self->page_height - MARGIN - 10;
  g_autofree char *date = export_date_text (self);
  /* Translators: the footer of an exported page */
  g_autofree char *exported = g_strdup_printf (_("Exported by Readout on %s"), date);
  /* Translators: page numbers in the footer of an exported document */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) left = make_layout (self, STYLE_FOOTER, exported, NULL, content * 0.7,
                                             PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) right = make_layout (self, STYLE_FOOTER, number, NULL, content * 0.3,
                                              PANGO_ALIGN_RIGHT);
  double rgb[3];

  cairo_save (cr);
  cairo_move_to (cr, MARGIN, y - 4);
  cairo_line_to (cr, MARGIN + content, y - 4);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);

  style_colour (STYLE_FOOTER, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN + content * 0.7, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

void
readout_pdf_layout_draw_page (ReadoutPdfLayout *self,
                              cairo_t          *cr,
                              guint             page)
{
  GArray *placements;

  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    readout_pdf_layout_paginate (self);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------------- */
/* Writing                                                                            */

typedef struct {
  GOutputStream *stream;
  GError *error;
} PdfSink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page onto a PDF surface that writes to @sink. */
static cairo_status_t
draw_pdf (ReadoutPdfLayout *self,
          PdfSink          *sink)
{
  g_autofree char *create_date = NULL;
  g_autoptr(GDateTime) now = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = readout_pdf_layout_get_n_pages (self);
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, sink, self->page_width,
                                                 self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title != NULL ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  self->subject != NULL ? self->subject : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Readout");
  now = self->export_date != NULL ? g_date_time_ref (self->export_date) : g_date_time_new_now_local ();
  create_date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      readout_pdf_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Written through a ReadoutSafeFile: whole or not at all, never over the open store,
 * through a symbolic link to its target. */
gboolean
readout_pdf_layout_write_pdf (ReadoutPdfLayout  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = readout_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;
  sink.stream = readout_safe_file_get_stream (file, error);
  if (sink.stream == NULL)
    return FALSE;

  status = draw_pdf (self, &sink);
  if (sink.error != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Cannot write the PDF to “%s”: %s."), display, sink.error->message);
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Cannot draw the PDF: %s."), cairo_status_to_string (status));
      return FALSE;
    }
  return readout_safe_file_commit (file, error);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadoutPdfLayout *self = source_object;
  const char *path = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* Measure with this thread's font map: the main thread's is not ours to use here. */
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (readout_pdf_layout_write_pdf (self, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  /* Leave nothing of this thread's font map behind for the main thread to draw with. */
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

void
readout_pdf_layout_write_pdf_async (ReadoutPdfLayout    *self,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_pdf_layout_write_pdf_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
readout_pdf_layout_write_pdf_finish (ReadoutPdfLayout  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
readout_pdf_export_comparison (ReadoutStore       *store,
                               ReadoutComparison  *comparison,
                               ReadoutPaper        paper,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(ReadoutPdfLayout) layout = readout_pdf_layout_new_for_comparison (store, comparison, error);

  if (layout == NULL)
    return FALSE;
  readout_pdf_layout_set_paper (layout, paper);
  return readout_pdf_layout_write_pdf (layout, path, error);
}

gboolean
readout_pdf_export_call (ReadoutStore  *store,
                         gint64         call_id,
                         ReadoutPaper   paper,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(ReadoutPdfLayout) layout = readout_pdf_layout_new_for_call (store, call_id, error);

  if (layout == NULL)
    return FALSE;
  readout_pdf_layout_set_paper (layout, paper);
  return readout_pdf_layout_write_pdf (layout, path, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-relations-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "readout-relations-chart.h"

#define ROW_HEIGHT 26.0
#define MARGIN     8.0

void
readout_relations_year_span (GPtrArray *relations,
                             guint      n_rows,
                             guint     *first,
                             guint     *last,
                             guint     *most)
{
  *first = G_MAXUINT;
  *last = 0;
  *most = 1;
  for (guint i = 0; i < n_rows; i++)
    {
      ReadoutRelation *relation = g_ptr_array_index (relations, i);

      if (relation->n_years == 0)
        continue;
      *first = MIN (*first, relation->first_year);
      *last = MAX (*last, relation->first_year + relation->n_years - 1);
      for (guint y = 0; y < relation->n_years; y++)
        *most = MAX (*most, relation->per_year[y]);
    }
  if (*first > *last)
    *first = *last;
}

/* The years along the top, as many labels as have room. */
static void
draw_years (cairo_t                   *cr,
            double                     left,
            double                     year_width,
            guint                      first,
            guint                      last,
            double                     bottom,
            const ReadoutChartPalette *palette)
{
  guint step = (guint) MAX (1, ceil (40 / year_width));

  for (guint year = first; year <= last; year++)
    {
      char label[16];
      double x = left + (year - first) * year_width;

      if ((year - first) % step != 0)
        continue;
      readout_chart_set_color (cr, palette->grid);
      cairo_rectangle (cr, floor (x), ROW_HEIGHT, 1, bottom - ROW_HEIGHT);
      cairo_fill (cr);
      g_snprintf (label, sizeof label, "%u", year);
      readout_chart_set_color (cr, palette->dim);
      readout_chart_draw_text (cr, label, x + 2, ROW_HEIGHT / 2, 60, FALSE);
    }
}

void
readout_relations_chart_draw_bars (cairo_t               *cr,
                                   const ReadoutRelation *relation,
                                   guint                  first,
                                   guint                  last,
                                   guint                  most,
                                   double                 x,
                                   double                 y,
                                   double                 width,
                                   double                 height)
{
  double year_width = width / MAX (1, last - first + 1);

  g_return_if_fail (cr != NULL && relation != NULL);

  for (guint i = 0; i < relation->n_years; i++)
    {
      /* A year with calls is at least 2 px, so that it reads apart from none. */
      double h = relation->per_year[i] == 0 ? 0 : MAX (2, relation->per_year[i] * height / MAX (most, 1));
      double left = x + ((double) relation->first_year + i - first) * year_width;

      cairo_rectangle (cr, left + 1, y + height - h, MAX (1, year_width - 2), h);
    }
  cairo_fill (cr);
}

static void
draw_row (cairo_t                   *cr,
          ReadoutRelation           *relation,
          double                     y,
          double                     label_width,
          double                     right,
          double                     year_width,
          guint                      first,
          guint                      last,
          guint                      most,
          const ReadoutChartPalette *palette)
{
  g_autofree char *names = g_strdup_printf ("%s – %s", relation->name_a, relation->name_b);
  g_autofree char *count = g_strdup_printf ("%u", relation->n_calls);

  readout_chart_set_color (cr, palette->foreground);
  readout_chart_draw_text (cr, names, MARGIN, y + ROW_HEIGHT / 2, label_width - 50, FALSE);
  readout_chart_draw_text (cr, count, label_width - 8, y + ROW_HEIGHT / 2, 40, TRUE);
  readout_chart_set_color (cr, palette->series[0]);
  readout_relations_chart_draw_bars (cr, relation, first, last, most, label_width + MARGIN, y + 3,
                                     year_width * (last - first + 1), ROW_HEIGHT - 6);
  readout_chart_set_color (cr, palette->grid);
  cairo_rectangle (cr, MARGIN, y + ROW_HEIGHT - 1, right - MARGIN, 1);
  cairo_fill (cr);
}

void
readout_relations_chart_draw (GPtrArray                 *relations,
                              cairo_t                   *cr,
                              double                     width,
                              double                     height,
                              const ReadoutChartPalette *palette)
{
  guint room = (guint) MAX (0, floor (height / ROW_HEIGHT) - 1);
  /* When not every pair fits, the last row says how many are left out. */
  guint n_rows = relations->len <= room ? relations->len : room > 0 ? room - 1 : 0;
  double label_width = MIN (320, width * 0.4);
  double plot_width = width - label_width - 2 * MARGIN;
  guint first, last, most;
  double year_width;

  g_return_if_fail (relations != NULL && cr != NULL && palette != NULL);

  cairo_save (cr);
  readout_chart_set_color (cr, palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  readout_relations_year_span (relations, n_rows, &first, &last, &most);
  year_width = plot_width / (last - first + 1);
  draw_years (cr, label_width + MARGIN, year_width, first, last, ROW_HEIGHT * (n_rows + 1), palette);
  cairo_rectangle (cr, 0, 0, width - MARGIN, height);
  cairo_clip (cr);
  for (guint i = 0; i < n_rows; i++)
    draw_row (cr, g_ptr_array_index (relations, i), ROW_HEIGHT * (i + 1), label_width, width - MARGIN,
              year_width, first, last, most, palette);
  if (n_rows < relations->len)
    {
      guint rest = relations->len - n_rows;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more pair",
                                                            "… and %u more pairs", rest), rest);

      readout_chart_set_color (cr, palette->dim);
      readout_chart_draw_text (cr, more, MARGIN, ROW_HEIGHT * (n_rows + 1.5), label_width, FALSE);
    }
  cairo_restore (cr);
}

static void
draw_for_file (cairo_t                   *cr,
               double                     width,
               double                     height,
               const ReadoutChartPalette *palette,
               gpointer                   data)
{
  readout_relations_chart_draw (data, cr, width, height, palette);
}

gboolean
readout_relations_chart_export (GPtrArray   *relations,
                                const char  *path,
                                double       width,
                                double       height,
                                const char  *title,
                                const char  *subtitle,
                                gboolean     dark,
                                GError     **error)
{
  g_return_val_if_fail (relations != NULL, FALSE);

  return readout_chart_write (path, width, height, title, subtitle, dark, draw_for_file, relations, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define READOUT_CHART_N_SERIES 5

/* What the charts (the timeline, the relations) share: the palette, text, and writing a
 * chart with its title to a PNG, SVG or PDF file. */

typedef struct {
  double red, green, blue;
} ReadoutRgb;

/* Colours from the libadwaita palette, for a light or a dark background. */
typedef struct {
  ReadoutRgb background;
  ReadoutRgb foreground;
  ReadoutRgb dim;          /* labels, axis */
  ReadoutRgb grid;
  ReadoutRgb accent;       /* the selected mark */
  ReadoutRgb series[READOUT_CHART_N_SERIES]; /* the countries with most calls, in order */
  ReadoutRgb other;        /* every other country */
} ReadoutChartPalette;

void readout_chart_palette_init (ReadoutChartPalette *palette,
                                 gboolean             dark);

/* Sets @color as @cr's source. */
void     readout_chart_set_color (cairo_t                   *cr,
                                  ReadoutRgb                 color);
/* Draws @text (never markup) in the chart font with its vertical middle at @y, from @x or
 * (@right_aligned) ending at @x, ellipsized to @max_width. */
void     readout_chart_draw_text (cairo_t                   *cr,
                                  const char                *text,
                                  double                     x,
                                  double                     y,
                                  double                     max_width,
                                  gboolean                   right_aligned);

/* Draws a chart below its header. */
typedef void (*ReadoutChartDrawFunc) (cairo_t                   *cr,
                                      double                     width,
                                      double                     height,
                                      const ReadoutChartPalette *palette,
                                      gpointer                   data);

/* Writes @title and @subtitle (nullable) above what @draw draws to @path, as PNG, SVG or
 * PDF after the name's extension, whole or not at all. READOUT_ERROR_INVALID for another
 * extension or a size outside 200–10000. */
gboolean readout_chart_write     (const char                *path,
                                  double                     width,
                                  double                     height,
                                  const char                *title,
                                  const char                *subtitle,
                                  gboolean                   dark,
                                  ReadoutChartDrawFunc       draw,
                                  gpointer                   data,
                                  GError                   **error);

G_END_DECLS

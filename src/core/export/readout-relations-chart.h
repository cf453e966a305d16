// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-chart.h"
#include "readout-store-timeline.h"

G_BEGIN_DECLS

/* The relations as a chart: one row per pair of leaders (ReadoutRelation items, most
 * calls first), its name and number of calls, then a bar per year on an axis of years
 * shared by every row; as many rows as fit. */
void     readout_relations_chart_draw   (GPtrArray                 *relations,
                                         cairo_t                   *cr,
                                         double                     width,
                                         double                     height,
                                         const ReadoutChartPalette *palette);
/* The years that the first @n_rows relations span, and the most calls of one pair in one
 * year: the shared axis and scale of their bars. */
void     readout_relations_year_span    (GPtrArray                 *relations,
                                         guint                      n_rows,
                                         guint                     *first,
                                         guint                     *last,
                                         guint                     *most);
/* One pair's calls per year as bars in the rectangle @x, @y, @width, @height, on the axis
 * @first to @last (years) and the scale @most that other rows share, in the source colour. */
void     readout_relations_chart_draw_bars (cairo_t               *cr,
                                            const ReadoutRelation *relation,
                                            guint                  first,
                                            guint                  last,
                                            guint                  most,
                                            double                 x,
                                            double                 y,
                                            double                 width,
                                            double                 height);
/* Writes the chart with @title and @subtitle (nullable) to @path (readout_chart_write()). */
gboolean readout_relations_chart_export (GPtrArray                 *relations,
                                         const char                *path,
                                         double                     width,
                                         double                     height,
                                         const char                *title,
                                         const char                *subtitle,
                                         gboolean                   dark,
                                         GError                   **error);

G_END_DECLS

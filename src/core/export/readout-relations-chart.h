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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-chart.h"
#include "readout-store.h"
#include "readout-store-timeline.h"

G_BEGIN_DECLS

/* The timeline of one leader's calls, drawn with cairo: a histogram of calls per month
 * (per week when the view spans less than a year) stacked by the counterpart's country,
 * then one lane per counterpart, most calls first, each call a mark whose shape says
 * its status (held: filled disc; announced: ring; cancelled: crossed ring) and whose
 * size says its duration. The window draws it on screen and the CLI into PNG, SVG and
 * PDF files, with the same code. */

typedef struct _ReadoutTimelineChart ReadoutTimelineChart;

/* Reads the leader's calls and counterparts (one read over the participants index),
 * counts them per month and week for the histogram, and views the whole span. */
ReadoutTimelineChart *readout_timeline_chart_new       (ReadoutStore          *store,
                                                        gint64                 leader_id,
                                                        GError               **error);
void                  readout_timeline_chart_free      (ReadoutTimelineChart  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTimelineChart, readout_timeline_chart_free)

/* The days shown, as g_date_get_julian() numbers (fractions allowed). */
void     readout_timeline_chart_get_span     (ReadoutTimelineChart *self,
                                              double               *first_day,
                                              double               *last_day);
void     readout_timeline_chart_get_view     (ReadoutTimelineChart *self,
                                              double               *first_day,
                                              double               *last_day);
/* Sets the view, kept within the calls' span (with a margin) and at least a week. */
void     readout_timeline_chart_set_view     (ReadoutTimelineChart *self,
                                              double                first_day,
                                              double                last_day);
/* Zooms by @factor (< 1 in, > 1 out) around the day at x = @anchor (0..1 of the plot). */
void     readout_timeline_chart_zoom         (ReadoutTimelineChart *self,
                                              double                factor,
                                              double                anchor);
/* Moves the view by @fraction of its width (negative: back in time). */
void     readout_timeline_chart_pan          (ReadoutTimelineChart *self,
                                              double                fraction);

guint                      readout_timeline_chart_get_n_marks (ReadoutTimelineChart *self);
const ReadoutTimelineMark *readout_timeline_chart_get_mark    (ReadoutTimelineChart *self,
                                                               guint                 index);
/* The name of a mark's counterpart, NULL for a call without one. */
const char *readout_timeline_chart_get_counterpart_name (ReadoutTimelineChart      *self,
                                                         const ReadoutTimelineMark *mark);

/* A bar of the histogram: the calls in a month or an ISO week, per series (the countries
 * of readout_timeline_chart_get_series_country(), the last every other country). A
 * call counts once for each counterpart; a call dated only to a coarser period is in
 * no bin. */
typedef struct {
  double start;                           /* julian day of the bin's first day */
  double end;                             /* and of the next bin's */
  guint  n[READOUT_CHART_N_SERIES + 1];
} ReadoutTimelineBin;

/* The bins with calls, oldest first. */
const ReadoutTimelineBin *readout_timeline_chart_get_bins (ReadoutTimelineChart *self,
                                                           gboolean              weeks,
                                                           guint                *n_bins);
/* The country code of a coloured series, NULL for the last ("other") or an unused one. */
const char *readout_timeline_chart_get_series_country (ReadoutTimelineChart *self,
                                                       guint                 series);
/* The first mark at or after @index inside the view, or -1. */
int      readout_timeline_chart_visible_mark (ReadoutTimelineChart *self,
                                              int                   index,
                                              int                   step);

/* Draws at @width × @height; @selected (-1: none) is ringed in the accent colour. */
void     readout_timeline_chart_draw         (ReadoutTimelineChart      *self,
                                              cairo_t                   *cr,
                                              double                     width,
                                              double                     height,
                                              const ReadoutChartPalette *palette,
                                              int                        selected);
/* The mark drawn under (@x, @y) in a chart drawn at @width × @height, or -1. */
int      readout_timeline_chart_mark_at      (ReadoutTimelineChart *self,
                                              double                width,
                                              double                height,
                                              double                x,
                                              double                y);
/* The plot's left edge and width at a drawing width: for turning pointer positions
 * into the 0..1 anchors readout_timeline_chart_zoom() takes. */
void     readout_timeline_chart_get_plot     (ReadoutTimelineChart *self,
                                              double                width,
                                              double               *left,
                                              double               *plot_width);

/* Writes the chart with @title and the dates in view above it to @path, as PNG, SVG or
 * PDF after the name's extension, whole or not at all. */
gboolean readout_timeline_chart_export       (ReadoutTimelineChart *self,
                                              const char           *path,
                                              double                width,
                                              double                height,
                                              const char           *title,
                                              gboolean              dark,
                                              GError              **error);

G_END_DECLS

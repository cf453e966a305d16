// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-timeline-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "readout-enums.h"
#include "readout-sprite-cache.h"
#include "readout-timeline-chart.h"

#define N_SERIES     READOUT_CHART_N_SERIES
#define LANE_HEIGHT  24.0
#define AXIS_HEIGHT  22.0
#define MARGIN       8.0
#define WEEKS_BELOW  400.0   /* days in view under which the histogram counts weeks */
#define MARK_GAP     3.0     /* pixels between marks drawn in one row */

struct _ReadoutTimelineChart
{
  ReadoutTimelineCalls *calls;
  guint8     *lane_series;   /* per lane: 0..N_SERIES, N_SERIES = other */
  GArray     *months;        /* ReadoutTimelineBin */
  GArray     *weeks;         /* ReadoutTimelineBin */
  double      first_day, last_day;  /* the calls' span, with a margin */
  double      view_first, view_last;
  char       *series_country[N_SERIES];  /* country codes of the coloured series */
  ReadoutSpriteCache *sprites;           /* the marks' shapes, for drawing on screen */
};

static ReadoutRgb
series_color (const ReadoutChartPalette *palette,
              guint                      series)
{
  return series < N_SERIES ? palette->series[series] : palette->other;
}

static const ReadoutTimelineMark *
mark_at_index (ReadoutTimelineChart *self,
               guint                 index)
{
  return &g_array_index (self->calls->marks, ReadoutTimelineMark, index);
}

/* The series of a mark: its lane's, "other" for a call without a counterpart. */
static guint
mark_series (ReadoutTimelineChart      *self,
             const ReadoutTimelineMark *mark)
{
  return mark->lane == READOUT_TIMELINE_NO_LANE ? N_SERIES : self->lane_series[mark->lane];
}

/* ---------------------------------------------------------------------------------- */
/* Loading                                                                            */

/* The series of a country: its rank among the leader's counterparts' countries. */
static guint
series_of_country (ReadoutTimelineChart *self,
                   const char           *country)
{
  for (guint s = 0; s < N_SERIES; s++)
    if (country != NULL && g_strcmp0 (self->series_country[s], country) == 0)
      return s;
  return N_SERIES;
}

typedef struct {
  const char *country;
  guint       n_calls;
} CountryCalls;

static int
compare_country_calls (gconstpointer a,
                       gconstpointer b)
{
  const CountryCalls *x = a, *y = b;

  if (x->n_calls != y->n_calls)
    return x->n_calls > y->n_calls ? -1 : 1;
  return strcmp (x->country, y->country);
}

/* The countries with most calls (ties by code) are the coloured series; a lane takes
 * its country's. */
static void
assign_series (ReadoutTimelineChart *self)
{
  GPtrArray *lanes = self->calls->lanes;
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (CountryCalls));

  for (guint i = 0; i < lanes->len; i++)
    {
      ReadoutTimelineLane *lane = g_ptr_array_index (lanes, i);
      gpointer found;

      if (lane->country == NULL)
        continue;
      if (g_hash_table_lookup_extended (index_of, lane->country, NULL, &found))
        g_array_index (countries, CountryCalls, GPOINTER_TO_UINT (found)).n_calls += lane->n_calls;
      else
        {
          CountryCalls added = { lane->country, lane->n_calls };

          g_hash_table_insert (index_of, lane->country, GUINT_TO_POINTER (countries->len));
          g_array_append_val (countries, added);
        }
    }
  g_array_sort (countries, compare_country_calls);
  for (guint s = 0; s < MIN (N_SERIES, countries->len); s++)
    self->series_country[s] = g_strdup (g_array_index (countries, CountryCalls, s).country);
  self->lane_series = g_new (guint8, MAX (lanes->len, 1));
  for (guint i = 0; i < lanes->len; i++)
    self->lane_series[i] = (guint8) series_of_country (self, ((ReadoutTimelineLane *) g_ptr_array_index (lanes, i))->country);
}

/* The first day of the bin (a month or an ISO week) that @mark falls in, and of the next;
 * FALSE for a date coarser than the bin, which is never guessed into a finer period. */
static gboolean
bin_bounds (const ReadoutTimelineMark *mark,
            gboolean                   weeks,
            double                    *start,
            double                    *end)
{
  GDate date;

  if (weeks)
    {
      if (mark->precision != READOUT_DATE_PRECISION_DAY)
        return FALSE;
      /* Julian day 1 (1 January of year 1) was a Monday. */
      *start = mark->julian_day - (mark->julian_day - 1) % 7;
      *end = *start + 7;
      return TRUE;
    }
  if (mark->precision == READOUT_DATE_PRECISION_YEAR)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, mark->julian_day);
  g_date_set_day (&date, 1);
  *start = g_date_get_julian (&date);
  g_date_add_months (&date, 1);
  *end = g_date_get_julian (&date);
  return TRUE;
}

/* The histogram's bins, counted from the calls read for the marks: each counterpart of a
 * call counts once under its country. The marks come in date order, so a bin is done
 * when the next mark starts another. */
static GArray *
count_bins (ReadoutTimelineChart *self,
            gboolean              weeks)
{
  GArray *bins = g_array_new (FALSE, TRUE, sizeof (ReadoutTimelineBin));
  GArray *links = self->calls->links;

  for (guint i = 0; i < links->len; i++)
    {
      const ReadoutTimelineLink *link = &g_array_index (links, ReadoutTimelineLink, i);
      ReadoutTimelineBin bin = { 0 };

      if (!bin_bounds (mark_at_index (self, link->mark), weeks, &bin.start, &bin.end))
        continue;
      if (bins->len == 0 || g_array_index (bins, ReadoutTimelineBin, bins->len - 1).start != bin.start)
        g_array_append_val (bins, bin);
      g_array_index (bins, ReadoutTimelineBin, bins->len - 1).n[self->lane_series[link->lane]]++;
    }
  return bins;
}

/* The calls' span with a margin, or the last year when there are none. */
static void
set_span (ReadoutTimelineChart *self)
{
  GArray *marks = self->calls->marks;

  if (marks->len > 0)
    {
      double first = mark_at_index (self, 0)->julian_day;
      double last = mark_at_index (self, marks->len - 1)->julian_day;
      double margin = MAX (15, (last - first) * 0.03);

      self->first_day = first - margin;
      self->last_day = last + margin;
    }
  else
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      self->last_day = g_date_get_julian (&today);
      self->first_day = self->last_day - 365;
    }
  self->view_first = self->first_day;
  self->view_last = self->last_day;
}

ReadoutTimelineChart *
readout_timeline_chart_new (ReadoutStore  *store,
                            gint64         leader_id,
                            GError       **error)
{
  g_autoptr(ReadoutTimelineChart) self = g_new0 (ReadoutTimelineChart, 1);

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self->calls = readout_store_read_timeline (store, leader_id, error);
  if (self->calls == NULL)
    return NULL;
  assign_series (self);
  self->months = count_bins (self, FALSE);
  self->weeks = count_bins (self, TRUE);
  set_span (self);
  self->sprites = readout_sprite_cache_new ();
  return g_steal_pointer (&self);
}

void
readout_timeline_chart_free (ReadoutTimelineChart *self)
{
  g_clear_pointer (&self->calls, readout_timeline_calls_free);
  g_clear_pointer (&self->lane_series, g_free);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->weeks, g_array_unref);
  g_clear_pointer (&self->sprites, readout_sprite_cache_free);
  for (guint i = 0; i < N_SERIES; i++)
    g_free (self->series_country[i]);
  g_free (self);
}

const ReadoutTimelineBin *
readout_timeline_chart_get_bins (ReadoutTimelineChart *self,
                                 gboolean              weeks,
                                 guint                *n_bins)
{
  GArray *bins = weeks ? self->weeks : self->months;

  *n_bins = bins->len;
  return (const ReadoutTimelineBin *) (gpointer) bins->data;
}

const char *
readout_timeline_chart_get_series_country (ReadoutTimelineChart *self,
                                           guint                 series)
{
  g_return_val_if_fail (series <= N_SERIES, NULL);

  return series < N_SERIES ? self->series_country[series] : NULL;
}

void
readout_timeline_chart_get_span (ReadoutTimelineChart *self,
                                 double               *first_day,
                                 double               *last_day)
{
  *first_day = self->first_day;
  *last_day = self->last_day;
}

void
readout_timeline_chart_get_view (ReadoutTimelineChart *self,
                                 double               *first_day,
                                 double               *last_day)
{
  *first_day = self->view_first;
  *last_day = self->view_last;
}

void
readout_timeline_chart_set_view (ReadoutTimelineChart *self,
                                 double                first_day,
                                 double                last_day)
{
  double width = CLAMP (last_day - first_day, 7, self->last_day - self->first_day);

  first_day = CLAMP (first_day, self->first_day, self->last_day - width);
  self->view_first = first_day;
  self->view_last = first_day + width;
}

void
readout_timeline_chart_zoom (ReadoutTimelineChart *self,
                             double                factor,
                             double                anchor)
{
  double width = self->view_last - self->view_first;
  double day = self->view_first + CLAMP (anchor, 0, 1) * width;
  double new_width = width * factor;

  readout_timeline_chart_set_view (self, day - CLAMP (anchor, 0, 1) * new_width,
                                   day + (1 - CLAMP (anchor, 0, 1)) * new_width);
}

void
readout_timeline_chart_pan (ReadoutTimelineChart *self,
                            double                fraction)
{
  double shift = (self->view_last - self->view_first) * fraction;

  readout_timeline_chart_set_view (self, self->view_first + shift, self->view_last + shift);
}

guint
readout_timeline_chart_get_n_marks (ReadoutTimelineChart *self)
{
  return self->calls->marks->len;
}

const ReadoutTimelineMark *
readout_timeline_chart_get_mark (ReadoutTimelineChart *self,
                                 guint                 index)
{
  g_return_val_if_fail (index < self->calls->marks->len, NULL);
  return mark_at_index (self, index);
}

const char *
readout_timeline_chart_get_counterpart_name (ReadoutTimelineChart      *self,
                                             const ReadoutTimelineMark *mark)
{
  if (mark->lane == READOUT_TIMELINE_NO_LANE)
    return NULL;
  return ((ReadoutTimelineLane *) g_ptr_array_index (self->calls->lanes, mark->lane))->name;
}

static gboolean
in_view (ReadoutTimelineChart *self,
         guint                 index)
{
  double day = mark_at_index (self, index)->julian_day;

  return day >= self->view_first && day <= self->view_last;
}

int
readout_timeline_chart_visible_mark (ReadoutTimelineChart *self,
                                     int                   index,
                                     int                   step)
{
  int n = (int) self->calls->marks->len;

  if (index < 0 || index >= n)
    index = step > 0 ? 0 : n - 1;
  for (; index >= 0 && index < n; index += step)
    if (in_view (self, (guint) index))
      return index;
  return -1;
}

/* ---------------------------------------------------------------------------------- */
/* Layout                                                                             */

typedef struct {
  double left, plot_width;      /* the plot's x extent */
  double hist_top, hist_height;
  double lanes_top;
  guint  n_rows;                /* lane rows shown, the last one "more" when folded */
  gboolean folded;
} Layout;

static Layout
compute_layout (ReadoutTimelineChart *self,
                double                width,
                double                height)
{
  Layout layout;
  guint fit;

  layout.left = width < 500 ? 96 : 160;
  layout.plot_width = MAX (10, width - layout.left - MARGIN * 2);
  layout.left += MARGIN;
  layout.hist_top = MARGIN;
  layout.hist_height = CLAMP (height * 0.2, 40, 90);
  layout.lanes_top = layout.hist_top + layout.hist_height + AXIS_HEIGHT;
  /* Narrow or short charts show fewer lanes, the rest folded into a "more" row. */
  fit = (guint) MAX (1, floor ((height - layout.lanes_top - MARGIN) / LANE_HEIGHT));
  layout.folded = self->calls->lanes->len > fit;
  layout.n_rows = MIN (self->calls->lanes->len, fit);
  return layout;
}

static double
x_of (ReadoutTimelineChart *self,
      const Layout         *layout,
      double                day)
{
  return layout->left + (day - self->view_first) / (self->view_last - self->view_first) * layout->plot_width;
}

/* The row of a mark's lane: the lanes beyond the last row share it. */
static guint
row_of (const Layout              *layout,
        const ReadoutTimelineMark *mark)
{
  return layout->n_rows == 0 ? 0 : MIN (mark->lane, layout->n_rows - 1);
}

/* The first mark on or after the view's first day: the marks are in date order. */
static guint
first_in_view (ReadoutTimelineChart *self)
{
  guint low = 0, high = self->calls->marks->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (mark_at_index (self, middle)->julian_day < self->view_first)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static double
mark_radius (const ReadoutTimelineMark *mark)
{
  /* Area grows with the minutes: an hour is about twice a short call's size. Half
   * pixels are fine enough, and keep the shapes few. */
  return mark->duration_minutes < 0 ? 4.5
         : round (2 * CLAMP (3 + sqrt (mark->duration_minutes) * 0.6, 3.5, 11)) / 2;
}

void
readout_timeline_chart_get_plot (ReadoutTimelineChart *self,
                                 double                width,
                                 double               *left,
                                 double               *plot_width)
{
  Layout layout = compute_layout (self, width, 1000);

  *left = layout.left;
  *plot_width = layout.plot_width;
}

int
readout_timeline_chart_mark_at (ReadoutTimelineChart *self,
                                double                width,
                                double                height,
                                double                x,
                                double                y)
{
  Layout layout = compute_layout (self, width, height);
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = first_in_view (self); i < self->calls->marks->len && in_view (self, i); i++)
    {
      const ReadoutTimelineMark *mark = mark_at_index (self, i);
      double mx, my, distance;

      mx = x_of (self, &layout, mark->julian_day);
      my = layout.lanes_top + (row_of (&layout, mark) + 0.5) * LANE_HEIGHT;
      distance = hypot (mx - x, my - y);
      if (distance <= mark_radius (mark) + 3 && distance < best)
        {
          best = distance;
          found = (int) i;
        }
    }
  return found;
}

/* ---------------------------------------------------------------------------------- */
/* Drawing                                                                            */

/* The axis step, in days, and the label format for the span in view. */
static void
pick_ticks (double       span,
            double       plot_width,
            int         *months,
            int         *days,
            const char **format)
{
  /* Translators: axis labels of the timeline, see g_date_strftime(): a year, a month
   * with its year, a day with its month. */
  double per_label = span / MAX (1, plot_width / 70);

  static const int month_steps[] = { 1, 2, 3, 6 };
  static const int day_steps[] = { 1, 2, 7, 14 };

  *months = 0;
  *days = 0;
  /* The smallest round step that leaves each label its room. */
  if (per_label > 14)
    {
      *months = 12 * (int) ceil (per_label / 365.25);
      for (guint i = G_N_ELEMENTS (month_steps); i > 0; i--)
        if (month_steps[i - 1] * 30.44 >= per_label)
          *months = month_steps[i - 1];
      *format = *months >= 12 ? C_("timeline axis", "%Y") : C_("timeline axis", "%b %Y");
      return;
    }
  *days = 14;
  for (guint i = G_N_ELEMENTS (day_steps); i > 0; i--)
    if (day_steps[i - 1] >= per_label)
      *days = day_steps[i - 1];
  *format = C_("timeline axis", "%e %b");
}

static void
draw_axis (ReadoutTimelineChart      *self,
           cairo_t                   *cr,
           const Layout              *layout,
           double                     bottom,
           const ReadoutChartPalette *palette)
{
  GDate date;
  int months, days;
  const char *format;
  double y = layout->hist_top + layout->hist_height + AXIS_HEIGHT / 2;

  pick_ticks (self->view_last - self->view_first, layout->plot_width, &months, &days, &format);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1, floor (self->view_first)));
  /* Start on a round date: the first of a month (of a year for yearly ticks), a Monday. */
  if (months > 0)
    {
      g_date_set_day (&date, 1);
      if (months >= 12)
        g_date_set_month (&date, G_DATE_JANUARY);
      else
        g_date_subtract_months (&date, (g_date_get_month (&date) - 1) % months);
    }
  else if (days >= 7)
    g_date_subtract_days (&date, g_date_get_weekday (&date) - 1);

  cairo_set_line_width (cr, 1);
  for (; g_date_get_julian (&date) <= self->view_last;
       months > 0 ? g_date_add_months (&date, months) : g_date_add_days (&date, days))
    {
      double x = x_of (self, layout, g_date_get_julian (&date));
      char label[64];

      /* A label that would run past the plot's right edge is left out. */
      if (x < layout->left || x > layout->left + layout->plot_width - 24)
        continue;
      readout_chart_set_color (cr, palette->grid);
      cairo_move_to (cr, floor (x) + 0.5, layout->hist_top);
      cairo_line_to (cr, floor (x) + 0.5, bottom);
      cairo_stroke (cr);
      if (g_date_strftime (label, sizeof label, format, &date) > 0)
        {
          readout_chart_set_color (cr, palette->dim);
          readout_chart_draw_text (cr, g_strstrip (label), x + 3, y, 80, FALSE);
        }
    }
}

static void
draw_histogram (ReadoutTimelineChart      *self,
                cairo_t                   *cr,
                const Layout              *layout,
                const ReadoutChartPalette *palette)
{
  GArray *bins = self->view_last - self->view_first < WEEKS_BELOW ? self->weeks : self->months;
  guint most = 1;
  double base = layout->hist_top + layout->hist_height;

  for (guint i = 0; i < bins->len; i++)
    {
      const ReadoutTimelineBin *bin = &g_array_index (bins, ReadoutTimelineBin, i);
      guint total = 0;

      if (bin->end < self->view_first || bin->start > self->view_last)
        continue;
      for (guint s = 0; s <= N_SERIES; s++)
        total += bin->n[s];
      most = MAX (most, total);
    }

  for (guint i = 0; i < bins->len; i++)
    {
      const ReadoutTimelineBin *bin = &g_array_index (bins, ReadoutTimelineBin, i);
      double x0 = MAX (layout->left, x_of (self, layout, bin->start));
      double x1 = MIN (layout->left + layout->plot_width, x_of (self, layout, bin->end));
      double y = base;

      if (x1 <= x0)
        continue;
      /* Each country's share is a segment, separated by a background line, so that the
       * stack reads without colour too. */
      for (guint s = 0; s <= N_SERIES; s++)
        {
          double h = bin->n[s] * layout->hist_height / most;

          if (bin->n[s] == 0)
            continue;
          readout_chart_set_color (cr, series_color (palette, s));
          cairo_rectangle (cr, x0, y - h, MAX (1, x1 - x0 - 1), h);
          cairo_fill (cr);
          y -= h;
          readout_chart_set_color (cr, palette->background);
          cairo_rectangle (cr, x0, y, MAX (1, x1 - x0 - 1), 1);
          cairo_fill (cr);
        }
    }
  readout_chart_set_color (cr, palette->dim);
  cairo_rectangle (cr, layout->left, base, layout->plot_width, 1);
  cairo_fill (cr);
}

/* Which colour is which country, beside the histogram, as many as fit. */
static void
draw_legend (ReadoutTimelineChart      *self,
             cairo_t                   *cr,
             const Layout              *layout,
             const ReadoutChartPalette *palette)
{
  double y = layout->hist_top + 6;

  for (guint s = 0; s <= N_SERIES && y + 6 <= layout->hist_top + layout->hist_height; s++)
    {
      const char *label = s < N_SERIES ? self->series_country[s] : C_("timeline legend", "Other");

      if (label == NULL)
        continue;
      readout_chart_set_color (cr, series_color (palette, s));
      cairo_rectangle (cr, layout->left - 22, y - 4, 9, 9);
      cairo_fill (cr);
      readout_chart_set_color (cr, palette->dim);
      readout_chart_draw_text (cr, label, layout->left - 28, y, layout->left - MARGIN - 30, TRUE);
      y += 13;
    }
}

static void
draw_lane_labels (ReadoutTimelineChart      *self,
                  cairo_t                   *cr,
                  const Layout              *layout,
                  const ReadoutChartPalette *palette)
{
  for (guint row = 0; row < layout->n_rows; row++)
    {
      double y = layout->lanes_top + row * LANE_HEIGHT;
      g_autofree char *more = NULL;
      const char *label;

      if (layout->folded && row == layout->n_rows - 1)
        {
          guint rest = self->calls->lanes->len - row;

          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", rest), rest);
          label = more;
        }
      else
        label = ((ReadoutTimelineLane *) g_ptr_array_index (self->calls->lanes, row))->name;

      readout_chart_set_color (cr, palette->grid);
      cairo_rectangle (cr, MARGIN, y + LANE_HEIGHT - 1, layout->left + layout->plot_width - MARGIN, 1);
      cairo_fill (cr);
      readout_chart_set_color (cr, more != NULL ? palette->dim : palette->foreground);
      readout_chart_draw_text (cr, label, layout->left - 6, y + LANE_HEIGHT / 2, layout->left - MARGIN - 8, TRUE);
    }
}

static void
draw_mark (cairo_t                   *cr,
           const ReadoutTimelineMark *mark,
           double                     x,
           double                     y,
           ReadoutRgb                 color,
           const ReadoutChartPalette *palette)
{
  double r = mark_radius (mark);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (mark->status == READOUT_CALL_STATUS_HELD)
    {
      readout_chart_set_color (cr, color);
      cairo_fill_preserve (cr);
      readout_chart_set_color (cr, palette->foreground);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      return;
    }
  /* Announced: a ring; cancelled: a ring crossed out. */
  readout_chart_set_color (cr, color);
  cairo_set_line_width (cr, 1.75);
  cairo_stroke (cr);
  if (mark->status == READOUT_CALL_STATUS_CANCELLED)
    {
      readout_chart_set_color (cr, palette->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x - r - 1, y - r - 1);
      cairo_line_to (cr, x + r + 1, y + r + 1);
      cairo_move_to (cr, x - r - 1, y + r + 1);
      cairo_line_to (cr, x + r + 1, y - r - 1);
      cairo_stroke (cr);
    }
}

typedef struct {
  const ReadoutTimelineMark *mark;
  ReadoutRgb                 color;
  const ReadoutChartPalette *palette;
} MarkStyle;

static void
draw_mark_sprite (cairo_t       *cr,
                  gconstpointer  data)
{
  const MarkStyle *style = data;

  draw_mark (cr, style->mark, 0, 0, style->color, style->palette);
}

/* A mark as a copy of the one drawn first with its shape, size and colour. */
static void
paint_mark (ReadoutTimelineChart      *self,
            cairo_t                   *cr,
            const ReadoutTimelineMark *mark,
            double                     x,
            double                     y,
            const ReadoutChartPalette *palette)
{
  guint series = mark_series (self, mark);
  MarkStyle style = { mark, series_color (palette, series), palette };
  double radius = mark_radius (mark);
  guint key = (guint) (radius * 2) << 8 | series << 2 | mark->status;

  /* A crossed ring's cross reaches a pixel past the ring, and its line half of one more. */
  readout_sprite_cache_paint (self->sprites, cr, key, radius + 2, x, y, draw_mark_sprite, &style);
}

/* The marks in view, oldest first, so that a later call lies over an earlier one. */
static void
draw_marks (ReadoutTimelineChart      *self,
            cairo_t                   *cr,
            const Layout              *layout,
            const ReadoutChartPalette *palette,
            int                        selected)
{
  g_autofree double *last_x = g_new (double, layout->n_rows);
  gboolean copy = readout_sprite_cache_begin (self->sprites, cr, palette, sizeof *palette);

  for (guint row = 0; row < layout->n_rows; row++)
    last_x[row] = -G_MAXDOUBLE;
  for (guint i = first_in_view (self); i < self->calls->marks->len && in_view (self, i); i++)
    {
      const ReadoutTimelineMark *mark = mark_at_index (self, i);
      guint row = row_of (layout, mark);
      double x = x_of (self, layout, mark->julian_day);
      double y = layout->lanes_top + (row + 0.5) * LANE_HEIGHT;

      /* A mark within MARK_GAP pixels of the one before in its row would only thicken
       * the same blot: the busiest leader's thousands of calls cost as many marks as
       * a row has room for. */
      if ((int) i != selected && x - last_x[row] < MARK_GAP)
        continue;
      last_x[row] = x;
      if (copy)
        paint_mark (self, cr, mark, x, y, palette);
      else
        draw_mark (cr, mark, x, y, series_color (palette, mark_series (self, mark)), palette);
      if ((int) i == selected)
        {
          readout_chart_set_color (cr, palette->accent);
          cairo_set_line_width (cr, 2.5);
          cairo_arc (cr, x, y, mark_radius (mark) + 3.5, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
}

void
readout_timeline_chart_draw (ReadoutTimelineChart      *self,
                             cairo_t                   *cr,
                             double                     width,
                             double                     height,
                             const ReadoutChartPalette *palette,
                             int                        selected)
{
  Layout layout = compute_layout (self, width, height);
  double bottom = layout.lanes_top + layout.n_rows * LANE_HEIGHT;

  g_return_if_fail (self != NULL && cr != NULL && palette != NULL);

  cairo_save (cr);
  readout_chart_set_color (cr, palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  draw_axis (self, cr, &layout, bottom, palette);
  draw_histogram (self, cr, &layout, palette);
  draw_legend (self, cr, &layout, palette);
  draw_lane_labels (self, cr, &layout, palette);

  if (layout.n_rows > 0)
    {
      cairo_rectangle (cr, layout.left - 12, layout.lanes_top, layout.plot_width + 24, bottom - layout.lanes_top);
      cairo_clip (cr);
      draw_marks (self, cr, &layout, palette, selected);
    }
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------------- */
/* Files                                                                              */

static char *
dup_day (double julian)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1, floor (julian)));
  /* Translators: the date range under an exported timeline's title, see g_date_strftime() */
  if (g_date_strftime (text, sizeof text, C_("timeline export", "%e %B %Y"), &date) == 0)
    return g_strdup ("");
  return g_strdup (g_strstrip (text));
}

static void
draw_for_file (cairo_t                   *cr,
               double                     width,
               double                     height,
               const ReadoutChartPalette *palette,
               gpointer                   data)
{
  readout_timeline_chart_draw (data, cr, width, height, palette, -1);
}

gboolean
readout_timeline_chart_export (ReadoutTimelineChart  *self,
                               const char            *path,
                               double                 width,
                               double                 height,
                               const char            *title,
                               gboolean               dark,
                               GError               **error)
{
  /* The dates of the first and last calls, or the edges of the view when it cuts them. */
  guint n_marks = self->calls->marks->len;
  double first_call = n_marks > 0 ? mark_at_index (self, 0)->julian_day : self->view_first;
  double last_call = n_marks > 0 ? mark_at_index (self, n_marks - 1)->julian_day : self->view_last;
  g_autofree char *first = dup_day (MAX (self->view_first, first_call));
  g_autofree char *last = dup_day (MIN (self->view_last, last_call));
  g_autofree char *range = g_strdup_printf ("%s – %s", first, last);

  g_return_val_if_fail (self != NULL && path != NULL && title != NULL, FALSE);

  return readout_chart_write (path, width, height, title, range, dark, draw_for_file, self, error);
}

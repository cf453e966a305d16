// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-timeline-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "readout-enums.h"
#include "readout-timeline-chart.h"

#define N_SERIES     READOUT_CHART_N_SERIES
#define LANE_HEIGHT  24.0
#define AXIS_HEIGHT  22.0
#define MARGIN       8.0
#define WEEKS_BELOW  400.0
#define MARK_GAP     3.0     /* pixels between marks drawn in one row */   /* days in view under which the histogram counts weeks */

typedef struct {
  double   start;            /* julian day of the bin's first day */
  double   end;              /* and of the next bin's */
  guint    n[N_SERIES + 1];  /* calls per series, the last for every other country */
} Bin;

typedef struct {
  gint64  leader_id;
  char   *name;
  guint   series;            /* 0..N_SERIES, N_SERIES = other */
} Lane;

struct _ReadoutTimelineChart
{
  GArray     *marks;         /* ReadoutTimelineMark, oldest first */
  GArray     *lanes;         /* Lane, most calls first */
  GHashTable *lane_of;       /* counterpart id -> lane index + 1 */
  GArray     *months;        /* Bin */
  GArray     *weeks;         /* Bin */
  double      first_day, last_day;  /* the calls' span, with a margin */
  double      view_first, view_last;
  char       *series_country[N_SERIES];  /* country codes of the coloured series */
  ReadoutStore *store;       /* for the weeks, read on first use */
  gint64      leader_id;
};

static ReadoutRgb
series_color (const ReadoutChartPalette *palette,
              guint                      series)
{
  return series < N_SERIES ? palette->series[series] : palette->other;
}


/* ---------------------------------------------------------------------------------- */
/* Loading                                                                            */

static double
julian_of_ymd (int year,
               int month,
               int day)
{
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  {
    GDate *date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
    double julian = g_date_get_julian (date);

    g_date_free (date);
    return julian;
  }
}

/* The first day and the next period's first day of "YYYY-MM" or "YYYY-Www"; FALSE for
 * a period of another form (a call dated only to a coarser period). */
static gboolean
period_bounds (const char *period,
               gboolean    weeks,
               double     *start,
               double     *end)
{
  int year = 0, number = 0;

  if (weeks)
    {
      double jan4, monday;

      if (strlen (period) != 8 || sscanf (period, "%4d-W%2d", &year, &number) != 2)
        return FALSE;
      /* ISO week 1 is the week with 4 January in it. */
      jan4 = julian_of_ymd (year, 1, 4);
      monday = jan4 - fmod (jan4 - 1, 7);  /* julian day 1 (1 Jan 1) was a Monday */
      *start = monday + 7 * (number - 1);
      *end = *start + 7;
      return jan4 > 0;
    }
  if (strlen (period) != 7 || sscanf (period, "%4d-%2d", &year, &number) != 2)
    return FALSE;
  *start = julian_of_ymd (year, number, 1);
  *end = number == 12 ? julian_of_ymd (year + 1, 1, 1) : julian_of_ymd (year, number + 1, 1);
  return *start > 0 && *end > 0;
}

static guint
series_of (ReadoutTimelineChart *self,
           gint64                counterpart_id)
{
  guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_of, &counterpart_id));

  return lane == 0 ? N_SERIES : g_array_index (self->lanes, Lane, lane - 1).series;
}

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

/* Bins of the store's counts per @period and country, one per period. */
static GArray *
load_bins (ReadoutTimelineChart   *self,
           ReadoutStore           *store,
           gint64                  leader_id,
           ReadoutTimelinePeriod   period,
           GError                **error)
{
  g_autoptr(GPtrArray) counts = readout_store_timeline_counts_by_country (store, leader_id, period, error);
  g_autoptr(GArray) bins = g_array_new (FALSE, TRUE, sizeof (Bin));
  const char *previous = NULL;

  if (counts == NULL)
    return NULL;
  for (guint i = 0; i < counts->len; i++)
    {
      ReadoutTimelineCount *count = g_ptr_array_index (counts, i);
      Bin bin = { 0 };

      if (!period_bounds (count->period, period == READOUT_TIMELINE_BY_WEEK, &bin.start, &bin.end))
        continue;
      /* The counts come ordered by period: a new period starts a new bin. */
      if (previous == NULL || !g_str_equal (previous, count->period))
        g_array_append_val (bins, bin);
      previous = count->period;
      g_array_index (bins, Bin, bins->len - 1).n[series_of_country (self, count->counterpart_country)] += count->n_calls;
    }
  return g_steal_pointer (&bins);
}

/* The lanes, and the countries with most calls as the coloured series. */
static gboolean
load_lanes (ReadoutTimelineChart  *self,
            ReadoutStore          *store,
            gint64                 leader_id,
            GError               **error)
{
  g_autoptr(GPtrArray) lanes = readout_store_timeline_lanes (store, leader_id, NULL, NULL, error);
  g_autoptr(GHashTable) country_calls = g_hash_table_new (g_str_hash, g_str_equal);

  if (lanes == NULL)
    return FALSE;
  for (guint i = 0; i < lanes->len; i++)
    {
      ReadoutTimelineLane *lane = g_ptr_array_index (lanes, i);
      const char *country = lane->country != NULL ? lane->country : "";
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup (country_calls, country));

      g_hash_table_insert (country_calls, (gpointer) country, GUINT_TO_POINTER (before + lane->n_calls));
    }
  /* A lane's series is its country's rank by calls (ties by code). */
  for (guint i = 0; i < lanes->len; i++)
    {
      ReadoutTimelineLane *lane = g_ptr_array_index (lanes, i);
      Lane copy = { lane->leader_id, g_strdup (lane->name), N_SERIES };
      guint rank = 0;
      guint mine = GPOINTER_TO_UINT (g_hash_table_lookup (country_calls, lane->country != NULL ? lane->country : ""));
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, country_calls);
      while (g_hash_table_iter_next (&iter, &key, &value))
        rank += GPOINTER_TO_UINT (value) > mine ||
                (GPOINTER_TO_UINT (value) == mine && strcmp (key, lane->country != NULL ? lane->country : "") < 0);
      if (lane->country != NULL && rank < N_SERIES)
        {
          copy.series = rank;
          if (self->series_country[rank] == NULL)
            self->series_country[rank] = g_strdup (lane->country);
        }
      g_array_append_val (self->lanes, copy);
      g_hash_table_insert (self->lane_of, g_memdup2 (&lane->leader_id, sizeof (gint64)),
                           GUINT_TO_POINTER (self->lanes->len));
    }
  return TRUE;
}

static void
clear_lane (Lane *lane)
{
  g_free (lane->name);
}

ReadoutTimelineChart *
readout_timeline_chart_new (ReadoutStore  *store,
                            gint64         leader_id,
                            GError       **error)
{
  g_autoptr(ReadoutTimelineChart) self = g_new0 (ReadoutTimelineChart, 1);

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, (GDestroyNotify) clear_lane);
  self->lane_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->marks = readout_store_timeline_marks (store, leader_id, NULL, NULL, error);
  if (self->marks == NULL || !load_lanes (self, store, leader_id, error) ||
      (self->months = load_bins (self, store, leader_id, READOUT_TIMELINE_BY_MONTH, error)) == NULL)
    return NULL;
  /* The weeks are read when the view first spans less than WEEKS_BELOW days. */
  self->store = g_object_ref (store);
  self->leader_id = leader_id;

  if (self->marks->len > 0)
    {
      double first = g_array_index (self->marks, ReadoutTimelineMark, 0).julian_day;
      double last = g_array_index (self->marks, ReadoutTimelineMark, self->marks->len - 1).julian_day;
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
  return g_steal_pointer (&self);
}

void
readout_timeline_chart_free (ReadoutTimelineChart *self)
{
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->lane_of, g_hash_table_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->weeks, g_array_unref);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_SERIES; i++)
    g_free (self->series_country[i]);
  g_free (self);
}

/* ---------------------------------------------------------------------------------- */
/* The view                                                                           */

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
  return self->marks->len;
}

const ReadoutTimelineMark *
readout_timeline_chart_get_mark (ReadoutTimelineChart *self,
                                 guint                 index)
{
  g_return_val_if_fail (index < self->marks->len, NULL);
  return &g_array_index (self->marks, ReadoutTimelineMark, index);
}

const char *
readout_timeline_chart_get_counterpart_name (ReadoutTimelineChart *self,
                                             gint64                leader_id)
{
  guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_of, &leader_id));

  return lane == 0 ? NULL : g_array_index (self->lanes, Lane, lane - 1).name;
}

static gboolean
in_view (ReadoutTimelineChart *self,
         guint                 index)
{
  double day = g_array_index (self->marks, ReadoutTimelineMark, index).julian_day;

  return day >= self->view_first && day <= self->view_last;
}

int
readout_timeline_chart_visible_mark (ReadoutTimelineChart *self,
                                     int                   index,
                                     int                   step)
{
  int n = (int) self->marks->len;

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
  layout.folded = self->lanes->len > fit;
  layout.n_rows = MIN (self->lanes->len, fit);
  return layout;
}

static double
x_of (ReadoutTimelineChart *self,
      const Layout         *layout,
      double                day)
{
  return layout->left + (day - self->view_first) / (self->view_last - self->view_first) * layout->plot_width;
}

/* The row of a counterpart's lane: the lanes beyond the last row share it. */
static guint
row_of (ReadoutTimelineChart *self,
        const Layout         *layout,
        gint64                counterpart_id)
{
  guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_of, &counterpart_id));

  lane = lane == 0 ? self->lanes->len : lane - 1;
  return MIN (lane, layout->n_rows - 1);
}

static double
mark_radius (const ReadoutTimelineMark *mark)
{
  /* Area grows with the minutes: an hour is about twice a short call's size. */
  return mark->duration_minutes < 0 ? 4.5 : CLAMP (3 + sqrt (mark->duration_minutes) * 0.6, 3.5, 11);
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

  for (guint i = 0; i < self->marks->len; i++)
    {
      const ReadoutTimelineMark *mark = &g_array_index (self->marks, ReadoutTimelineMark, i);
      double mx, my, distance;

      if (!in_view (self, i))
        continue;
      mx = x_of (self, &layout, mark->julian_day);
      my = layout.lanes_top + (row_of (self, &layout, mark->counterpart_id) + 0.5) * LANE_HEIGHT;
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
  GArray *bins = self->months;
  guint most = 1;
  double base = layout->hist_top + layout->hist_height;

  if (self->view_last - self->view_first < WEEKS_BELOW)
    {
      /* A store that cannot be read now keeps the months. */
      if (self->weeks == NULL)
        self->weeks = load_bins (self, self->store, self->leader_id, READOUT_TIMELINE_BY_WEEK, NULL);
      if (self->weeks != NULL)
        bins = self->weeks;
    }

  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      guint total = 0;

      if (bin->end < self->view_first || bin->start > self->view_last)
        continue;
      for (guint s = 0; s <= N_SERIES; s++)
        total += bin->n[s];
      most = MAX (most, total);
    }

  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
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
          guint rest = self->lanes->len - row;

          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", rest), rest);
          label = more;
        }
      else
        label = g_array_index (self->lanes, Lane, row).name;

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
  g_autofree double *last_x = NULL;

  g_return_if_fail (self != NULL && cr != NULL && palette != NULL);

  cairo_save (cr);
  readout_chart_set_color (cr, palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  draw_axis (self, cr, &layout, bottom, palette);
  draw_histogram (self, cr, &layout, palette);
  draw_legend (self, cr, &layout, palette);
  draw_lane_labels (self, cr, &layout, palette);

  cairo_rectangle (cr, layout.left - 12, layout.lanes_top, layout.plot_width + 24, bottom - layout.lanes_top);
  cairo_clip (cr);
  last_x = g_new (double, layout.n_rows);
  for (guint row = 0; row < layout.n_rows; row++)
    last_x[row] = -G_MAXDOUBLE;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const ReadoutTimelineMark *mark = &g_array_index (self->marks, ReadoutTimelineMark, i);
      guint row = row_of (self, &layout, mark->counterpart_id);
      double x = x_of (self, &layout, mark->julian_day);
      double y = layout.lanes_top + (row + 0.5) * LANE_HEIGHT;

      /* A mark within MARK_GAP pixels of the one before in its row would only thicken
       * the same blot: the busiest leader's thousands of calls cost as many marks as
       * a row has room for. */
      if (!in_view (self, i) || ((int) i != selected && x - last_x[row] < MARK_GAP))
        continue;
      last_x[row] = x;
      draw_mark (cr, mark, x, y, series_color (palette, series_of (self, mark->counterpart_id)), palette);
      if ((int) i == selected)
        {
          readout_chart_set_color (cr, palette->accent);
          cairo_set_line_width (cr, 2.5);
          cairo_arc (cr, x, y, mark_radius (mark) + 3.5, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
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
  double first_call = self->marks->len > 0 ? g_array_index (self->marks, ReadoutTimelineMark, 0).julian_day
                                           : self->view_first;
  double last_call = self->marks->len > 0
                     ? g_array_index (self->marks, ReadoutTimelineMark, self->marks->len - 1).julian_day
                     : self->view_last;
  g_autofree char *first = dup_day (MAX (self->view_first, first_call));
  g_autofree char *last = dup_day (MIN (self->view_last, last_call));
  g_autofree char *range = g_strdup_printf ("%s – %s", first, last);

  g_return_val_if_fail (self != NULL && path != NULL && title != NULL, FALSE);

  return readout_chart_write (path, width, height, title, range, dark, draw_for_file, self, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* Calls over time, timed on the bench store (issue 14): the busiest leader's timeline
 * from selection to its first frame (the chart read from the store and drawn at
 * 1280×800), a zoom or pan frame, the relations, and the counts behind
 * `readout-cli timeline`. Targets: 50 ms, 16 ms, 200 ms, 100 ms.
 *
 *   READOUT_BENCH_STORE=/tmp/bench.db bench-timeline
 *
 * Without READOUT_BENCH_STORE it generates the bench store first (2,000 leaders,
 * 100,000 calls, 1,000,000 statements), which takes a while. */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "readout-generator.h"
#include "readout-store-timeline.h"
#include "readout-timeline-chart.h"

#define ROUNDS 9

/* The machine the figures come from is shared: the processor time the work took is
 * printed beside the wall-clock time, which waits for other processes too. */
static double cpu_total;
static double pan_cpu;

static double
cpu_ms (void)
{
  return clock () * 1000.0 / CLOCKS_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static gint64
busiest_leader (ReadoutStore *store)
{
  ReadoutRelationsQuery query = { .limit = 1 };
  g_autoptr(GPtrArray) top = readout_store_relations (store, &query, NULL);
  g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  gint64 best = 0;
  guint most = 0;

  g_assert (top != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);

      if (readout_leader_get_call_count (leader) > most)
        {
          most = readout_leader_get_call_count (leader);
          best = readout_leader_get_id (leader);
        }
    }
  g_print ("# busiest leader: %" G_GINT64_FORMAT ", %u calls\n", best, most);
  return best;
}

static void
time_first_frame (ReadoutStore    *store,
                  gint64           leader_id,
                  cairo_surface_t *surface,
                  double          *first_frame,
                  double          *pan_frame)
{
  ReadoutChartPalette palette;
  double firsts[ROUNDS], pans[ROUNDS * 4], cpus[ROUNDS], pan_cpus[ROUNDS * 4];
  cairo_t *cr = cairo_create (surface);

  readout_chart_palette_init (&palette, FALSE);
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();
      g_autoptr(ReadoutTimelineChart) chart = readout_timeline_chart_new (store, leader_id, NULL);

      readout_timeline_chart_draw (chart, cr, 1280, 800, &palette, -1);
      cairo_surface_flush (surface);
      firsts[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu;

      for (guint f = 0; f < 4; f++)
        {
          start = g_get_monotonic_time ();
          cpu = cpu_ms ();
          if (f % 2 == 0)
            readout_timeline_chart_zoom (chart, 0.8, 0.4);
          else
            readout_timeline_chart_pan (chart, 0.1);
          readout_timeline_chart_draw (chart, cr, 1280, 800, &palette, -1);
          cairo_surface_flush (surface);
          pans[r * 4 + f] = (g_get_monotonic_time () - start) / 1000.0;
          pan_cpus[r * 4 + f] = cpu_ms () - cpu;
        }
    }
  cairo_destroy (cr);
  *first_frame = median (firsts, ROUNDS);
  cpu_total = median (cpus, ROUNDS);
  *pan_frame = median (pans, ROUNDS * 4);
  pan_cpu = median (pan_cpus, ROUNDS * 4);
}

static double
time_relations (ReadoutStore *store,
                guint         limit)
{
  double times[ROUNDS], cpus[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      ReadoutRelationsQuery query = { .limit = limit };
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();
      g_autoptr(GPtrArray) relations = readout_store_relations (store, &query, NULL);

      g_assert (relations != NULL);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu;
    }
  cpu_total = median (cpus, ROUNDS);
  return median (times, ROUNDS);
}

static double
time_counts (ReadoutStore *store,
             gint64        leader_id)
{
  double times[ROUNDS], cpus[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      ReadoutTimelineQuery query = { .leader_id = leader_id, .period = READOUT_TIMELINE_BY_MONTH };
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();
      g_autoptr(GPtrArray) counts = readout_store_timeline_counts (store, &query, NULL);

      g_assert (counts != NULL);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[r] = cpu_ms () - cpu;
    }
  cpu_total = median (cpus, ROUNDS);
  return median (times, ROUNDS);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = g_strdup (g_getenv ("READOUT_BENCH_STORE"));
  g_autoptr(ReadoutStore) store = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  double first_frame, pan_frame;
  gint64 leader;

  if (path == NULL)
    {
      ReadoutGeneratorOptions options = { 2000, 100000, 1000000, 1 };

      folder = g_dir_make_tmp ("readout-bench-timeline-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (folder, "bench.db", NULL);
      if (!readout_generator_run (path, &options, &error))
        g_error ("%s", error->message);
    }
  store = readout_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  leader = busiest_leader (store);
  time_first_frame (store, leader, surface, &first_frame, &pan_frame);
  g_print ("busiest leader's timeline, read and first frame at 1280x800: %.1f ms, CPU %.1f ms (target 50)\n",
           first_frame, cpu_total);
  g_print ("zoom or pan frame: %.1f ms, CPU %.1f ms (target 16)\n", pan_frame, pan_cpu);
  first_frame = time_relations (store, 150);
  g_print ("relations, the 150 pairs the window lists: %.1f ms, CPU %.1f ms (target 200)\n", first_frame, cpu_total);
  first_frame = time_relations (store, 0);
  g_print ("relations, every pair: %.1f ms, CPU %.1f ms\n", first_frame, cpu_total);
  first_frame = time_counts (store, leader);
  g_print ("counts per month and counterpart of the busiest leader: %.1f ms, CPU %.1f ms\n", first_frame, cpu_total);

  cairo_surface_destroy (surface);
  g_clear_object (&store);
  if (folder != NULL)
    {
      const char *argv_rm[] = { "rm", "-rf", folder, NULL };

      g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sys/resource.h>

#include "readout-cli.h"
#include "readout-store-bench.h"

/* bench: times the reads the window makes, on a given store, through the model layer,
 * and the same reads made directly in SQL (readout-store-bench.h) for comparison. */

#define RUNS 50

typedef struct {
  const char *name;
  double      milliseconds;   /* median through the model layer */
  double      direct;         /* median of the direct SQL, or 0 when not measured */
} Figure;

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
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Reads the first @n items of @model, as a list view showing its first screen would. */
static void
touch_items (GListModel *model,
             guint       n)
{
  n = MIN (n, g_list_model_get_n_items (model));
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));
}

int
readout_cli_bench (const ReadoutCliOptions *options,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  double samples[RUNS], direct_samples[RUNS];
  Figure figures[5];
  guint n_figures = 0;
  gint64 busiest, call_id, start;
  struct rusage usage;
  static const char * const queries[] = {
    "the", "и", "cooperation", "syria", "trade", "terrorism", "ukraine", "sanctions",
    "сотрудничество", "президент", "dialogue support", "nuclear", "энергетик", "climate",
    "meeting", "north korea", "minsk", "oil", "stressed importance", "discussed",
  };

  if (argc > 1)
    return readout_cli_usage_error ("bench takes no arguments (got “%s”); use --database FILE.", argv[1]);
  if (options->database == NULL && !options->sample)
    return readout_cli_usage_error ("bench needs --database FILE (make one with “readout-cli generate”).");

  /* 1. Open the store and read the first page of leaders, as the window does at start. */
  start = g_get_monotonic_time ();
  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  {
    g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
    touch_items (leaders, 50);
  }
  figures[n_figures++] = (Figure) { "open_and_first_leader_page", elapsed_ms (start), 0 };

  if (!readout_store_bench_pick_subjects (store, &busiest, &call_id, &error))
    return readout_cli_fail (error);

  /* 2. The busiest leader's first page of calls. */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GListModel) calls = NULL;

      start = g_get_monotonic_time ();
      calls = readout_store_list_calls (store, busiest, 0);
      touch_items (calls, 64);
      samples[r] = elapsed_ms (start);

      /* The same SQL the model runs, with no objects built. */
      start = g_get_monotonic_time ();
      readout_store_bench_read_call_page (store, busiest);
      direct_samples[r] = elapsed_ms (start);
    }
  figures[n_figures++] = (Figure) { "busiest_leader_first_call_page", median (samples, RUNS),
                                    median (direct_samples, RUNS) };

  /* 3. One call with all its statements. */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(ReadoutCall) call = NULL;
      g_autoptr(GListModel) statements = NULL;

      start = g_get_monotonic_time ();
      call = readout_store_get_call (store, call_id, NULL);
      statements = readout_store_list_statements (store, call_id);
      touch_items (statements, G_MAXUINT);
      samples[r] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      readout_store_bench_read_call (store, call_id);
      direct_samples[r] = elapsed_ms (start);
    }
  figures[n_figures++] = (Figure) { "one_call_with_statements", median (samples, RUNS),
                                    median (direct_samples, RUNS) };

  /* 4. Full-text search, first page of results, over common and rare words. */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GListModel) hits = NULL;

      start = g_get_monotonic_time ();
      hits = readout_store_search (store, queries[r % G_N_ELEMENTS (queries)], NULL);
      if (hits != NULL)
        touch_items (hits, 20);
      samples[r] = elapsed_ms (start);
    }
  figures[n_figures++] = (Figure) { "search_median", median (samples, RUNS), 0 };

  /* The slowest query shows what the commonest word costs. */
  {
    double worst = 0;
    for (guint r = 0; r < RUNS; r++)
      worst = MAX (worst, samples[r]);
    figures[n_figures++] = (Figure) { "search_slowest", worst, 0 };
  }

  getrusage (RUSAGE_SELF, &usage);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < n_figures; i++)
        {
          g_autofree char *direct_name = g_strconcat (figures[i].name, "_direct_sql", NULL);

          json_builder_set_member_name (builder, figures[i].name);
          json_builder_add_double_value (builder, figures[i].milliseconds);
          if (figures[i].direct > 0)
            {
              json_builder_set_member_name (builder, direct_name);
              json_builder_add_double_value (builder, figures[i].direct);
            }
        }
      json_builder_set_member_name (builder, "peak_rss_mb");
      json_builder_add_double_value (builder, usage.ru_maxrss / 1024.0);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return 0;
    }

  g_print ("%-34s %12s %12s %8s\n", _("Benchmark"), _("Model (ms)"), _("Direct (ms)"), _("Ratio"));
  for (guint i = 0; i < n_figures; i++)
    {
      if (figures[i].direct > 0)
        g_print ("%-34s %12.3f %12.3f %7.2f×\n", figures[i].name, figures[i].milliseconds,
                 figures[i].direct, figures[i].milliseconds / figures[i].direct);
      else
        g_print ("%-34s %12.3f %12s %8s\n", figures[i].name, figures[i].milliseconds, "—", "—");
    }
  g_print ("%-34s %12.1f\n", "peak_rss_mb", usage.ru_maxrss / 1024.0);
  return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-generator.h"
#include "readout-store-private.h"
#include "readout-store-retag.h"
#include "readout-test-util.h"

/* The background re-tag (issue 8): the same links as the synchronous path, progress
 * that reaches the total, a store that stays readable meanwhile, ::changed on the
 * calling thread before the callback, and a cancelled change that changes nothing.
 *
 * With READOUT_RETAG_STORE=FILE, /retag/timing times both paths on a copy-free store
 * of your own (the update is rolled back with a second update): a measurement, not a
 * test. */

#define N_STATEMENTS 50000

typedef struct {
  GMainLoop *loop;
  ReadoutStore *store;
  GAsyncResult *result;
  guint n_reports;
  guint64 last_done;
  guint64 last_total;
  gboolean went_backwards;
  guint n_reads_during;
  guint n_changed;
  gboolean changed_before_callback;
  gint64 started_us;
  gint64 first_report_us;
} Run;

/* Every statement -> topic link, as one checksum. */
static char *
links_checksum (ReadoutStore *store,
                guint        *n_links)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(ReadoutDbStatement) stmt = NULL;

  *n_links = 0;
  stmt = readout_db_prepare_uncached (readout_store_get_db (store),
                                      "SELECT statement_id, topic_id FROM statement_topics ORDER BY 1, 2",
                                      NULL);
  g_assert_nonnull (stmt);
  while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      gint64 pair[2] = { readout_db_statement_column_int64 (stmt, 0),
                         readout_db_statement_column_int64 (stmt, 1) };

      g_checksum_update (checksum, (const guchar *) pair, sizeof pair);
      (*n_links)++;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Run *run = user_data;

  if (run->n_reports == 0)
    run->first_report_us = g_get_monotonic_time ();
  if (done < run->last_done)
    run->went_backwards = TRUE;
  run->n_reports++;
  run->last_done = done;
  run->last_total = total;

  /* The window keeps reading while the worker writes. */
  if (done < total)
    {
      g_autoptr(GListModel) topics = readout_store_list_topics (run->store);
      g_autoptr(GListModel) calls = readout_store_list_calls (run->store, 0, 0);
      g_autoptr(GObject) call = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (topics), >, 0);
      call = g_list_model_get_item (calls, 0);
      g_assert_nonnull (call);
      run->n_reads_during++;
    }
}

static void
on_changed (ReadoutStore *store,
            guint         kinds,
            guint         primary,
            gint64        id,
            gpointer      user_data)
{
  Run *run = user_data;

  if (run->result == NULL)
    run->changed_before_callback = TRUE;
  g_assert_true (kinds & READOUT_CHANGE_STATEMENTS);
  run->n_changed++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static void
run_init (Run          *run,
          ReadoutStore *store)
{
  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);
  run->store = store;
  run->started_us = g_get_monotonic_time ();
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), run);
}

static gboolean
run_finish (Run     *run,
            GError **error)
{
  gboolean ok;

  g_main_loop_run (run->loop);
  g_signal_handlers_disconnect_by_data (run->store, run);
  ok = readout_store_topic_change_finish (run->store, run->result, error);
  g_clear_object (&run->result);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  return ok;
}

/* A topic of the generated store, with a common word added to its keywords, so that
 * the change re-tags many statements. */
static ReadoutTopic *
changed_topic (ReadoutStore *store,
               const char   *extra_keyword)
{
  g_autoptr(GListModel) topics = readout_store_list_topics (store);
  g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, 0);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  ReadoutTopic *copy = readout_topic_new ();

  g_assert_nonnull (topic);
  for (const char * const *k = readout_topic_get_keywords (topic, "en"); k != NULL && *k != NULL; k++)
    g_ptr_array_add (keywords, (gpointer) *k);
  g_ptr_array_add (keywords, (gpointer) extra_keyword);
  g_ptr_array_add (keywords, NULL);
  readout_topic_set_id (copy, readout_topic_get_id (topic));
  readout_topic_set_name (copy, readout_topic_get_name (topic));
  readout_topic_set_keywords (copy, "ru", readout_topic_get_keywords (topic, "ru"));
  readout_topic_set_keywords (copy, "en", (const char * const *) keywords->pdata);
  return copy;
}

static char *
generate (const char *folder,
          const char *name)
{
  ReadoutGeneratorOptions options = { .n_leaders = 60, .n_calls = 5000, .n_statements = N_STATEMENTS, .seed = 8 };
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_assert_true (readout_generator_run (path, &options, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_same_as_sync (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *sync_path = generate (folder, "sync.db");
  g_autofree char *async_path = generate (folder, "async.db");
  g_autoptr(ReadoutStore) sync_store = readout_store_open (sync_path, NULL);
  g_autoptr(ReadoutStore) async_store = readout_store_open (async_path, NULL);
  g_autoptr(ReadoutTopic) sync_topic = changed_topic (sync_store, "president");
  g_autoptr(ReadoutTopic) async_topic = changed_topic (async_store, "president");
  g_autoptr(ReadoutTopic) inserted = readout_topic_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sync_links = NULL;
  g_autofree char *async_links = NULL;
  const char *english[] = { "minister", NULL };
  guint n_before, n_sync, n_async;
  gint64 sync_us;
  Run run;

  g_assert_nonnull (sync_store);
  g_assert_nonnull (async_store);
  before = links_checksum (async_store, &n_before);

  sync_us = g_get_monotonic_time ();
  g_assert_true (readout_store_update_topic (sync_store, sync_topic, &error));
  g_assert_no_error (error);
  sync_us = g_get_monotonic_time () - sync_us;

  run_init (&run, async_store);
  readout_store_update_topic_async (async_store, async_topic, NULL, on_progress, &run, on_done, &run);
  g_assert_true (run_finish (&run, &error));
  g_assert_no_error (error);
  g_test_message ("re-tag of %u statements: %.2f s synchronous, %.2f s in the background (first report after %.0f ms)",
                  N_STATEMENTS, sync_us / 1e6, (g_get_monotonic_time () - run.started_us) / 1e6,
                  (run.first_report_us - run.started_us) / 1e3);

  /* Progress was reported, in order, and reached the total. */
  g_assert_cmpuint (run.n_reports, >=, 2);
  g_assert_false (run.went_backwards);
  g_assert_cmpuint (run.last_total, ==, N_STATEMENTS);
  g_assert_cmpuint (run.last_done, ==, N_STATEMENTS);
  g_assert_cmpuint (run.n_reads_during, >=, 1);
  g_assert_cmpuint (run.n_changed, ==, 1);
  g_assert_true (run.changed_before_callback);

  /* The same links as the synchronous path, and not the links from before. */
  sync_links = links_checksum (sync_store, &n_sync);
  async_links = links_checksum (async_store, &n_async);
  g_assert_cmpstr (async_links, ==, sync_links);
  g_assert_cmpuint (n_async, ==, n_sync);
  g_assert_cmpstr (async_links, !=, before);
  g_assert_cmpuint (n_async, >, n_before);

  /* Insert and delete too; the caller's topic gets its id. */
  readout_topic_set_name (inserted, "Ministers");
  readout_topic_set_keywords (inserted, "en", english);
  g_assert_true (readout_store_insert_topic (sync_store, inserted, &error));
  g_assert_no_error (error);
  readout_topic_set_id (inserted, 0);
  run_init (&run, async_store);
  readout_store_insert_topic_async (async_store, inserted, NULL, on_progress, &run, on_done, &run);
  g_assert_true (run_finish (&run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (readout_topic_get_id (inserted), >, 0);
  g_free (sync_links);
  g_free (async_links);
  sync_links = links_checksum (sync_store, &n_sync);
  async_links = links_checksum (async_store, &n_async);
  g_assert_cmpstr (async_links, ==, sync_links);

  g_assert_true (readout_store_delete_topic (sync_store, readout_topic_get_id (inserted), &error));
  run_init (&run, async_store);
  readout_store_delete_topic_async (async_store, readout_topic_get_id (inserted), NULL, NULL, NULL, on_done, &run);
  g_assert_true (run_finish (&run, &error));
  g_assert_no_error (error);
  g_free (sync_links);
  g_free (async_links);
  sync_links = links_checksum (sync_store, &n_sync);
  async_links = links_checksum (async_store, &n_async);
  g_assert_cmpstr (async_links, ==, sync_links);

  /* The store's own errors come back: a second topic of the same name. */
  readout_topic_set_id (inserted, 0);
  readout_topic_set_name (inserted, readout_topic_get_name (async_topic));
  run_init (&run, async_store);
  readout_store_insert_topic_async (async_store, inserted, NULL, NULL, NULL, on_done, &run);
  g_assert_false (run_finish (&run, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (run.n_changed, ==, 0);

  g_clear_object (&sync_store);
  g_clear_object (&async_store);
  readout_test_remove_folder (folder);
}

static void
on_progress_cancel (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (done > 0 && done < total)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = generate (folder, "cancel.db");
  g_autoptr(ReadoutStore) store = readout_store_open (path, NULL);
  g_autoptr(ReadoutTopic) topic = changed_topic (store, "president");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n;
  Run run;

  before = links_checksum (store, &n);
  run_init (&run, store);
  readout_store_update_topic_async (store, topic, cancellable, on_progress_cancel, cancellable, on_done, &run);
  g_assert_false (run_finish (&run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.n_changed, ==, 0);
  after = links_checksum (store, &n);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_timing (void)
{
  const char *path = g_getenv ("READOUT_RETAG_STORE");
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutTopic) topic = NULL;
  g_autoptr(ReadoutTopic) original = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  Run run;

  if (path == NULL)
    {
      g_test_skip ("set READOUT_RETAG_STORE to a store to time");
      return;
    }
  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  topics = readout_store_list_topics (store);
  original = g_list_model_get_item (topics, 0);
  topic = changed_topic (store, "president");

  run_init (&run, store);
  readout_store_update_topic_async (store, topic, NULL, on_progress, &run, on_done, &run);
  g_assert_true (run_finish (&run, &error));
  g_assert_no_error (error);
  g_test_message ("background re-tag of %" G_GUINT64_FORMAT " statements: %.1f s, %u progress reports",
                  run.last_total, (g_get_monotonic_time () - run.started_us) / 1e6, run.n_reports);

  start = g_get_monotonic_time ();
  g_assert_true (readout_store_update_topic (store, original, &error));
  g_assert_no_error (error);
  g_test_message ("synchronous re-tag back: %.1f s", (g_get_monotonic_time () - start) / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retag/same-as-sync", test_same_as_sync);
  g_test_add_func ("/retag/cancel", test_cancel);
  g_test_add_func ("/retag/timing", test_timing);

  return g_test_run ();
}

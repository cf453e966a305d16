// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-feed-watcher"

#include "config.h"

#include "readout-feed-check.h"
#include "readout-feed-watcher.h"

#define CHECK_INTERVAL_SECONDS 3600
/* How often it looks whether a feed is due; the first look comes soon after opening. */
#define TICK_SECONDS 300
#define FIRST_TICK_SECONDS 10

struct _ReadoutFeedWatcher
{
  GObject       parent_instance;

  char         *path;
  GCancellable *cancellable;
  guint         tick;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (ReadoutFeedWatcher, readout_feed_watcher, G_TYPE_OBJECT)

enum {
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Checks the feeds of @store that are due (or all of them); a failing feed keeps its
 * sentence in the store, for the Followed Feeds window. */
static gboolean
check_feeds (ReadoutStore  *store,
             gboolean       all,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) feeds = readout_store_list_feeds (store, error);
  g_autoptr(ReadoutImporter) importer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ReadoutFeedCheckOptions options = { 0 };

  if (feeds == NULL)
    return FALSE;
  importer = readout_importer_new (store);
  for (guint i = 0; i < feeds->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      ReadoutFeed *feed = g_ptr_array_index (feeds, i);
      ReadoutFeedCheckResult result = { 0 };
      g_autoptr(GError) feed_error = NULL;

      if ((all || readout_feed_is_due (feed, now, CHECK_INTERVAL_SECONDS)) &&
          !readout_feed_check (store, importer, feed, &options, cancellable, &result, &feed_error))
        g_debug ("%s", feed_error->message);
      readout_feed_check_result_clear (&result);
    }
  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReadoutFeedWatcher *self = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;

  /* Opening would create a store that was deleted meanwhile (or an in-memory one). */
  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  store = readout_store_open (self->path, &error);
  if (store == NULL || !check_feeds (store, GPOINTER_TO_INT (task_data), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReadoutFeedWatcher *self = READOUT_FEED_WATCHER (source);
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("The feeds could not be checked: %s", error->message);
    }
  g_signal_emit (self, signals[CHECKED], 0);
}

static void
start_check (ReadoutFeedWatcher *self,
             gboolean            all)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy)
    return;
  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, on_checked_cb, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (all), NULL);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  ReadoutFeedWatcher *self = user_data;

  if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    start_check (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_tick_cb (gpointer user_data)
{
  ReadoutFeedWatcher *self = user_data;

  on_tick_cb (self);
  self->tick = g_timeout_add_seconds (TICK_SECONDS, on_tick_cb, self);
  return G_SOURCE_REMOVE;
}

static void
on_network_changed_cb (GNetworkMonitor    *monitor,
                       gboolean            available,
                       ReadoutFeedWatcher *self)
{
  /* Back online: the feeds that became due meanwhile are checked at once. */
  if (available)
    on_tick_cb (self);
}

void
readout_feed_watcher_check_now (ReadoutFeedWatcher *self)
{
  g_return_if_fail (READOUT_IS_FEED_WATCHER (self));

  start_check (self, TRUE);
}

gboolean
readout_feed_watcher_is_busy (ReadoutFeedWatcher *self)
{
  g_return_val_if_fail (READOUT_IS_FEED_WATCHER (self), FALSE);

  return self->busy;
}

static void
readout_feed_watcher_dispose (GObject *object)
{
  ReadoutFeedWatcher *self = READOUT_FEED_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick, g_source_remove);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
  G_OBJECT_CLASS (readout_feed_watcher_parent_class)->dispose (object);
}

static void
readout_feed_watcher_finalize (GObject *object)
{
  ReadoutFeedWatcher *self = READOUT_FEED_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);
  G_OBJECT_CLASS (readout_feed_watcher_parent_class)->finalize (object);
}

static void
readout_feed_watcher_class_init (ReadoutFeedWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_feed_watcher_dispose;
  object_class->finalize = readout_feed_watcher_finalize;

  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
readout_feed_watcher_init (ReadoutFeedWatcher *self)
{
  self->cancellable = g_cancellable_new ();
}

ReadoutFeedWatcher *
readout_feed_watcher_new (ReadoutStore *store)
{
  ReadoutFeedWatcher *self;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_FEED_WATCHER, NULL);
  self->path = g_strdup (readout_store_get_path (store));
  self->tick = g_timeout_add_seconds (FIRST_TICK_SECONDS, on_first_tick_cb, self);
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, 0);
  return self;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-retag"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "readout-error.h"
#include "readout-store-private.h"
#include "readout-store-retag.h"

/* The worker opens a ReadoutStore of its own on the same file and makes the change
 * there with the store's ordinary (synchronous) functions, so that the checks, the
 * transaction and the re-tag are exactly those of the synchronous path. The caller's
 * store is only touched on its own thread: to hear of the change when it is
 * committed. */

typedef enum {
  CHANGE_INSERT,
  CHANGE_UPDATE,
  CHANGE_DELETE,
} Change;

typedef struct {
  Change                    change;
  char                     *path;
  ReadoutTopic             *topic;          /* a copy the worker owns */
  gint64                    topic_id;
  GCancellable             *cancellable;

  ReadoutRetagProgressFunc  progress;
  gpointer                  progress_data;
  GMainContext             *context;

  /* Progress crosses threads through these; at most one report waits at a time. */
  GMutex                    mutex;
  guint64                   done;
  guint64                   total;
  gboolean                  report_pending;
} RetagData;

static void
retag_data_free (RetagData *data)
{
  g_free (data->path);
  g_clear_object (&data->topic);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_mutex_clear (&data->mutex);
  g_free (data);
}

static ReadoutTopic *
copy_topic (ReadoutTopic *topic)
{
  ReadoutTopic *copy = readout_topic_new ();
  g_auto(GStrv) languages = readout_topic_dup_languages (topic);

  readout_topic_set_id (copy, readout_topic_get_id (topic));
  readout_topic_set_row_version (copy, readout_topic_get_row_version (topic));
  readout_topic_set_name (copy, readout_topic_get_name (topic));
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    readout_topic_set_keywords (copy, languages[i], readout_topic_get_keywords (topic, languages[i]));
  return copy;
}

/* On the caller's thread. */
static gboolean
report_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  RetagData *data = g_task_get_task_data (task);
  guint64 done, total;

  g_mutex_lock (&data->mutex);
  done = data->done;
  total = data->total;
  data->report_pending = FALSE;
  g_mutex_unlock (&data->mutex);

  if (data->progress != NULL)
    data->progress (done, total, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the worker thread, from readout_store_retag_all(). */
static gboolean
on_retag_progress (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  GTask *task = user_data;
  RetagData *data = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&data->mutex);
  data->done = done;
  data->total = total;
  schedule = !data->report_pending;
  data->report_pending = TRUE;
  g_mutex_unlock (&data->mutex);

  /* Reports are merged while the main loop is busy, rather than queued by the thousand. */
  if (schedule && data->progress != NULL)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress_cb,
                                g_object_ref (task), g_object_unref);
  return !g_cancellable_is_cancelled (data->cancellable);
}

static void
retag_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RetagData *data = task_data;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  store = readout_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  readout_store_set_retag_progress (store, on_retag_progress, task);

  switch (data->change)
    {
    case CHANGE_INSERT:
      ok = readout_store_insert_topic (store, data->topic, &error);
      break;
    case CHANGE_UPDATE:
      ok = readout_store_update_topic (store, data->topic, &error);
      break;
    case CHANGE_DELETE:
    default:
      ok = readout_store_delete_topic (store, data->topic_id, &error);
      break;
    }
  readout_store_set_retag_progress (store, NULL, NULL);

  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->topic != NULL)
    data->topic_id = readout_topic_get_id (data->topic);
  g_task_return_boolean (task, TRUE);
}

/* On the caller's thread, once the worker is done: tell the caller's store, then the
 * caller. */
static void
on_worker_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  ReadoutStore *store = g_task_get_source_object (outer);
  ReadoutTopic *caller_topic = g_task_get_task_data (outer);
  RetagData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  /* A last report that was merged away still has to say "all done". */
  g_mutex_lock (&data->mutex);
  data->done = data->total;
  data->report_pending = FALSE;
  g_mutex_unlock (&data->mutex);
  if (data->progress != NULL)
    data->progress (data->total, data->total, data->progress_data);

  if (caller_topic != NULL)
    readout_topic_set_id (caller_topic, data->topic_id);
  readout_store_topics_changed_elsewhere (store, data->topic_id);
  g_task_return_boolean (outer, TRUE);
}

static void
start (ReadoutStore             *store,
       Change                    change,
       ReadoutTopic             *topic,
       gint64                    topic_id,
       GCancellable             *cancellable,
       ReadoutRetagProgressFunc  progress,
       gpointer                  progress_data,
       GAsyncReadyCallback       callback,
       gpointer                  user_data)
{
  g_autoptr(GTask) outer = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GTask) worker = NULL;
  RetagData *data;

  g_task_set_source_tag (outer, readout_store_topic_change_finish);

  if (readout_store_is_read_only (store))
    {
      g_task_return_new_error (outer, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                               _("The store “%s” is read-only: it was opened from a file that cannot be "
                                 "written. Make a copy of it to change it."), readout_store_get_path (store));
      return;
    }

  data = g_new0 (RetagData, 1);
  data->change = change;
  data->path = g_strdup (readout_store_get_path (store));
  data->topic = topic != NULL ? copy_topic (topic) : NULL;
  data->topic_id = topic_id;
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_mutex_init (&data->mutex);

  /* The caller's objects stay with the caller's thread: the worker task, whose last
   * reference may go on the worker thread, holds none of them. */
  if (topic != NULL)
    g_task_set_task_data (outer, g_object_ref (topic), g_object_unref);
  worker = g_task_new (NULL, cancellable, on_worker_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (worker, data, (GDestroyNotify) retag_data_free);
  /* The worker reports a cancellation itself, after rolling back. */
  g_task_set_return_on_cancel (worker, FALSE);
  g_task_run_in_thread (worker, retag_thread);
}

void
readout_store_insert_topic_async (ReadoutStore             *store,
                                  ReadoutTopic             *topic,
                                  GCancellable             *cancellable,
                                  ReadoutRetagProgressFunc  progress,
                                  gpointer                  progress_data,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_return_if_fail (READOUT_IS_STORE (store));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  start (store, CHANGE_INSERT, topic, 0, cancellable, progress, progress_data, callback, user_data);
}

void
readout_store_update_topic_async (ReadoutStore             *store,
                                  ReadoutTopic             *topic,
                                  GCancellable             *cancellable,
                                  ReadoutRetagProgressFunc  progress,
                                  gpointer                  progress_data,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_return_if_fail (READOUT_IS_STORE (store));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  start (store, CHANGE_UPDATE, topic, readout_topic_get_id (topic), cancellable, progress, progress_data,
         callback, user_data);
}

void
readout_store_delete_topic_async (ReadoutStore             *store,
                                  gint64                    topic_id,
                                  GCancellable             *cancellable,
                                  ReadoutRetagProgressFunc  progress,
                                  gpointer                  progress_data,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_return_if_fail (READOUT_IS_STORE (store));

  start (store, CHANGE_DELETE, NULL, topic_id, cancellable, progress, progress_data, callback, user_data);
}

gboolean
readout_store_topic_change_finish (ReadoutStore  *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* Changing the topic list in the background. Each change and the re-tagging of every
 * stored statement that follows it run on a worker thread, through a connection of
 * their own to the same file, as one transaction: the store stays readable meanwhile
 * (WAL), and other writes wait for the end. @progress (nullable) runs on the thread
 * that started the change, now and then, with the statements done and in all; it is
 * last called with done == total before the change is finished. When the change is
 * committed the store emits ::changed on that thread, before @callback runs. A
 * cancelled or failed change leaves the store as it was. @progress_data must stay
 * valid until @callback has run. */
typedef void (*ReadoutRetagProgressFunc) (guint64  done,
                                          guint64  total,
                                          gpointer user_data);

/* @topic's id is set by readout_store_topic_change_finish(). */
void     readout_store_insert_topic_async  (ReadoutStore             *store,
                                            ReadoutTopic             *topic,
                                            GCancellable             *cancellable,
                                            ReadoutRetagProgressFunc  progress,
                                            gpointer                  progress_data,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
void     readout_store_update_topic_async  (ReadoutStore             *store,
                                            ReadoutTopic             *topic,
                                            GCancellable             *cancellable,
                                            ReadoutRetagProgressFunc  progress,
                                            gpointer                  progress_data,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
void     readout_store_delete_topic_async  (ReadoutStore             *store,
                                            gint64                    topic_id,
                                            GCancellable             *cancellable,
                                            ReadoutRetagProgressFunc  progress,
                                            gpointer                  progress_data,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
/* Finishes any of the three. */
gboolean readout_store_topic_change_finish (ReadoutStore             *store,
                                            GAsyncResult             *result,
                                            GError                  **error);

G_END_DECLS

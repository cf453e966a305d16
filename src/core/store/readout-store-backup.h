// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* A consistent copy of a store, taken with SQLite's online backup API while the store
 * stays in use: the copy is read through its own connection a few hundred pages at a
 * time, written to a temporary file beside @path, checked and renamed into place. The
 * copy is one self-contained file (not in WAL mode) that readout_store_open() takes. */

/* Called between steps with the pages left and the pages in all. */
typedef void (*ReadoutBackupProgressFunc) (int      remaining,
                                           int      total,
                                           gpointer user_data);

gboolean readout_store_backup        (ReadoutStore               *store,
                                      const char                 *path,
                                      GError                    **error);
/* @pages_per_step <= 0 means the default. @progress (nullable) runs in the calling thread. */
gboolean readout_store_backup_full   (ReadoutStore               *store,
                                      const char                 *path,
                                      int                         pages_per_step,
                                      ReadoutBackupProgressFunc   progress,
                                      gpointer                    user_data,
                                      GCancellable               *cancellable,
                                      GError                    **error);
/* Runs the copy on a worker thread with its own connection, so the window keeps
 * working (and writing) meanwhile. */
void     readout_store_backup_async  (ReadoutStore               *store,
                                      const char                 *path,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data);
gboolean readout_store_backup_finish (ReadoutStore               *store,
                                      GAsyncResult               *result,
                                      GError                    **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-db.h"

G_BEGIN_DECLS

/* ReadoutDbSqlite: the SQLite engine of ReadoutDb, for a store in one file. It opens
 * the file with a busy timeout, extended result codes and the casefold() SQL function
 * the store's queries use; see readout-db.h. */

#define READOUT_TYPE_DB_SQLITE (readout_db_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutDbSqlite, readout_db_sqlite, READOUT, DB_SQLITE, ReadoutDb)

/* Opens (or, unless @read_only, creates) the SQLite file at @path, never through a
 * symbolic link. */
ReadoutDb *readout_db_sqlite_open (const char  *path,
                                   gboolean     read_only,
                                   GError     **error);

/* Called between steps of readout_db_sqlite_copy() with the pages left and in all. */
typedef void (*ReadoutDbCopyProgress) (int      remaining,
                                       int      total,
                                       gpointer user_data);

/* Copies the SQLite file at @source_path into the new file @copy_path with SQLite's
 * online backup API, @pages_per_step pages at a time (0: a default), through
 * connections of its own, so it may run on any thread while the store is in use. The
 * copy has no journal; the caller checks it. */
gboolean readout_db_sqlite_copy (const char             *source_path,
                                 const char             *copy_path,
                                 int                     pages_per_step,
                                 ReadoutDbCopyProgress   progress,
                                 gpointer                user_data,
                                 GCancellable           *cancellable,
                                 GError                **error);

/* For tests that must reach into the file with the SQLite API itself. */
struct sqlite3 *readout_db_sqlite_get_handle (ReadoutDb *db);

G_END_DECLS

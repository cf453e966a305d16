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

/* For tests that must reach into the file with the SQLite API itself. */
struct sqlite3 *readout_db_sqlite_get_handle (ReadoutDb *db);

/* For the store's files that still call SQLite themselves (until each is converted):
 * the connection's error for result code @rc, in the READOUT_DB_ERROR domain. */
void readout_db_sqlite_take_error (ReadoutDb  *db,
                                   int         rc,
                                   GError    **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sqlite3.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* Shared by the core tests: scratch folders and small stores built through the API. */

/* A new empty folder under the test's temporary directory; removed by the caller. */
char          *readout_test_make_folder   (void);
void           readout_test_remove_folder (const char    *folder);
/* Which engine the stores of readout_test_open_store() use: SQLite files, or with
 * READOUT_TEST_ENGINE=postgresql a database of their own on the server that
 * READOUT_TEST_POSTGRESQL names (tests/run-on-postgresql.sh sets both, or skips). */
gboolean       readout_test_engine_is_postgresql (void);
/* Marks the test skipped with @reason and returns TRUE when the stores are on
 * PostgreSQL: for tests of what only a file has. */
gboolean       readout_test_skip_on_postgresql   (const char *reason);
/* Registers @func at @path; on PostgreSQL, a test there that skips with @reason instead
 * (a static string): for tests of what only an SQLite file has. */
void           readout_test_add_file_func        (const char *path,
                                                  GTestFunc   func,
                                                  const char *reason);
/* Where the store @name in @folder is: the file's path, or on PostgreSQL the connection
 * string of the database that stands for it (made on first use, the same one after,
 * dropped when readout_test_remove_folder() removes @folder or at exit). */
char          *readout_test_store_location (const char    *folder,
                                            const char    *name);
/* A new store in @folder named @name (or the same one again). */
ReadoutStore  *readout_test_open_store    (const char    *folder,
                                           const char    *name);
ReadoutLeader *readout_test_add_leader    (ReadoutStore  *store,
                                           const char    *name,
                                           const char    *country);
ReadoutCall   *readout_test_add_call      (ReadoutStore  *store,
                                           const char    *date,
                                           gint64         leader_a,
                                           gint64         leader_b);
ReadoutSource *readout_test_add_source    (ReadoutStore  *store,
                                           gint64         call_id,
                                           const char    *publisher,
                                           const char    *side);
ReadoutStatement *readout_test_add_statement (ReadoutStore *store,
                                              gint64        source_id,
                                              const char   *speaker,
                                              const char   *side,
                                              const char   *text);

/* For tests that look into the file with SQLite itself: the store's own connection, and
 * a statement on it for @sql, prepared once per store and reset by the caller. */
sqlite3       *readout_test_store_handle  (ReadoutStore  *store);
sqlite3_stmt  *readout_test_prepare       (ReadoutStore  *store,
                                           const char    *sql);

G_END_DECLS

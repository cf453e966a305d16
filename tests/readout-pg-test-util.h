// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Shared by the tests that need the PostgreSQL server READOUT_TEST_POSTGRESQL names
 * (build-aux/test starts a private one). Each test makes a database of its own. */

/* Marks the test skipped and returns TRUE when there is no server. */
gboolean  readout_pg_test_skip_without_server (void);
/* A new, empty database on the server; its name. */
char     *readout_pg_test_create_database     (void);
void      readout_pg_test_drop_database       (const char *dbname);
/* The connection string of @dbname on the server. */
char     *readout_pg_test_conninfo            (const char *dbname);
/* A connection to @dbname (the server's own when NULL) as @user (the URI's when NULL). */
PGconn   *readout_pg_test_connect             (const char *dbname,
                                               const char *user);

/* Runs @sql on @conn; a failure ends the test with the server's message. */
void      readout_pg_test_exec                (PGconn     *conn,
                                               const char *sql);

G_END_DECLS

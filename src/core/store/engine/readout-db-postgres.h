// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-db.h"

G_BEGIN_DECLS

/* ReadoutDbPostgres: the PostgreSQL engine of ReadoutDb, for a team store on a server,
 * through libpq; see readout-db.h. Statements are prepared on the server once per
 * connection, their `?`/`?N` parameters rewritten to `$N`; a step runs the statement
 * and keeps its whole result, stepping through its rows. Every connection listens on
 * the store's channel, and the change counter counts the notifications other sessions'
 * commits send (the schema's triggers, readout-store-pg-schema.c). */

#define READOUT_TYPE_DB_POSTGRES (readout_db_postgres_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutDbPostgres, readout_db_postgres, READOUT, DB_POSTGRES, ReadoutDb)

/* @conninfo: a libpq URI or key=value string. @read_only: every transaction is read-only
 * (default_transaction_read_only), whatever the role may do. */
ReadoutDb *readout_db_postgres_open (const char  *conninfo,
                                     gboolean     read_only,
                                     GError     **error);

/* Whether the server went away; reads what the server sent to find out. */
gboolean   readout_db_postgres_is_connection_lost (ReadoutDbPostgres *self);

/* @sql with SQLite's `?` and `?N` parameters as `$N`, outside string literals, quoted
 * identifiers, comments and dollar-quoted strings; a bare `?` is one more than the
 * highest number so far, as in SQLite. @n_params: the highest number. */
char      *readout_db_postgres_rewrite_parameters (const char *sql,
                                                   int        *n_params);

/* @conninfo (a URI or key=value string) without its password, if it has one: a
 * URI's "user:password@" and "password=" parameter go, a key=value string is rebuilt
 * from its other keywords (empty when libpq cannot read it, which no connection could
 * use either). */
char      *readout_db_postgres_strip_password (const char *conninfo);

G_END_DECLS

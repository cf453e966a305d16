// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-db-statement.h"

G_BEGIN_DECLS

/* ReadoutDb: one connection to the database that holds a store, whatever the engine.
 * The store (src/core/store/) talks to its database only through this type and
 * ReadoutDbStatement; only the engines (this folder) know a database library, and
 * only readout-db-sqlite.c includes sqlite3.h.
 *
 * What it covers: statements (prepared once and cached per connection), transactions
 * and savepoints, how many rows the last change touched, an opaque counter of commits
 * made by other connections (for the store's "another program changed the data"
 * watch: SQLite's PRAGMA data_version; on PostgreSQL LISTEN/NOTIFY), the busy timeout,
 * and errors in one domain (READOUT_DB_ERROR) that the store turns into its own
 * messages. SQL is written once with `?`/`?N` parameters and `INSERT … RETURNING id`
 * (SQLite 3.35+, PostgreSQL) rather than a last-insert-rowid call.
 *
 * Why this shape: the engine is a GObject (one per connection, few calls, needs a
 * finalizer and a type to test against), its statements a plain ref-counted struct with
 * a table of functions (millions of calls in a bulk load; no type checks on the hot
 * path). The statement cache belongs to the connection, not to an engine, because both
 * engines prepare once and reuse. Errors are the engine's, in READOUT_DB_ERROR; the
 * store alone words them for people (readout_store_set_db_error()).
 *
 * SQL that is still SQLite's own dialect and must be ported for PostgreSQL, by file
 * (the store's own files, all under src/core/store/):
 *   readout-store-schema.c   the schema and every migration: INTEGER PRIMARY KEY, FTS5
 *                            tables and their triggers, rowid, COLLATE NOCASE, INSERT OR
 *                            IGNORE, PRAGMA application_id / user_version
 *   readout-store.c          opening a file (only there): the header check, PRAGMA quick_check,
 *                            application_id, user_version, journal_mode, synchronous,
 *                            foreign_keys, cache_size, wal_checkpoint; sqlite_master;
 *                            VACUUM INTO for the copy before an upgrade; rowid
 *   readout-store-bulk.c     PRAGMAs for the fill, sqlite_master (indexes dropped and
 *                            rebuilt), INSERT OR IGNORE
 *   readout-search-model.c   FTS5: MATCH, bm25(), snippet(), rowid; group_concat
 *   readout-store-timeline.c strftime(), json_each(), group_concat, COLLATE NOCASE
 *   readout-store-json-import.c  julianday()
 *   readout-store-json.c, readout-store-write.c, readout-csv-export.c  group_concat,
 *                            char(31); INSERT OR IGNORE in readout-store-write.c
 *   readout-undo-stack.c     json_group_array
 *   readout-store-backup.c   PRAGMA journal_mode/quick_check on the copy, and
 *                            readout_db_sqlite_copy() (SQLite's backup API)
 * casefold() is an SQL function the SQLite engine registers (readout-db-sqlite.c); on
 * PostgreSQL the team store's schema defines it (readout-store-pg-schema.c).
 * readout_store_open() checks a file and calls readout_db_sqlite_open() itself, and
 * opens a team store through readout_db_open(), the entry point that tells the engines
 * apart by location. The store's column lists and list models (readout-store-private.h,
 * readout-store-lists.c) are one text for both engines: the team schema defines instr,
 * group_concat, json_array, json_group_array and the NOCASE collation.
 * readout_db_get_engine() tells the few places that must choose between dialects. */

#define READOUT_DB_ERROR (readout_db_error_quark ())

/* Codes of the READOUT_DB_ERROR domain: what went wrong, in terms the store can map to
 * a message for people without knowing the engine. */
typedef enum {
  READOUT_DB_ERROR_FAILED,           /* anything else */
  READOUT_DB_ERROR_BUSY,             /* another connection holds a lock */
  READOUT_DB_ERROR_READ_ONLY,        /* the file or the role may not be written */
  READOUT_DB_ERROR_CONSTRAINT,       /* a unique, foreign-key or check constraint */
  READOUT_DB_ERROR_CONNECTION_LOST,  /* the server went away */
  READOUT_DB_ERROR_CONFLICT,         /* a concurrent change (serialization failure) */
  READOUT_DB_ERROR_CORRUPT,          /* the database is damaged or not a database */
  READOUT_DB_ERROR_FULL,             /* the disk is full */
  READOUT_DB_ERROR_IO,               /* reading or writing a file failed */
  READOUT_DB_ERROR_NOT_SUPPORTED,    /* this build cannot reach such a database */
} ReadoutDbError;

typedef enum {
  READOUT_DB_ENGINE_SQLITE,
  READOUT_DB_ENGINE_POSTGRESQL,
} ReadoutDbEngine;

#define READOUT_TYPE_DB (readout_db_get_type ())
G_DECLARE_DERIVABLE_TYPE (ReadoutDb, readout_db, READOUT, DB, GObject)

struct _ReadoutDbClass
{
  GObjectClass parent_class;

  ReadoutDbEngine engine;

  /* A new statement (one reference), or NULL with @error set. */
  ReadoutDbStatement *(*prepare)      (ReadoutDb *self, const char *sql, GError **error);
  /* Runs @sql, which may hold several statements and returns no rows. */
  gboolean            (*exec)         (ReadoutDb *self, const char *sql, GError **error);
  /* @write: take the write lock now (SQLite BEGIN IMMEDIATE) rather than on the
   * first write; a read transaction is a consistent snapshot. */
  gboolean            (*begin)        (ReadoutDb *self, gboolean write, GError **error);
  gboolean            (*commit)       (ReadoutDb *self, GError **error);
  void                (*rollback)     (ReadoutDb *self);
  gboolean            (*in_transaction) (ReadoutDb *self);
  gint64              (*changes)      (ReadoutDb *self);
  gint64              (*change_counter) (ReadoutDb *self);
  void                (*set_busy_timeout) (ReadoutDb *self, guint milliseconds);
  /* A descriptor that becomes readable when another connection may have committed, or
   * NULL (the engine has none: poll the counter). */
  int                 (*change_fd)    (ReadoutDb *self);
};

GQuark              readout_db_error_quark    (void);

/* @location: a file path (SQLite), or a PostgreSQL URI (postgresql://…, postgres://…)
 * or libpq key=value string (host=… dbname=…). A SQLite file is created when it does
 * not exist, unless @read_only. */
ReadoutDb          *readout_db_open           (const char   *location,
                                               gboolean      read_only,
                                               GError      **error);
gboolean            readout_db_location_is_postgresql (const char *location);

ReadoutDbEngine     readout_db_get_engine     (ReadoutDb    *self);
/* Where the database is: a file's path, or the connection string without a password. */
const char         *readout_db_get_location   (ReadoutDb    *self);
gboolean            readout_db_is_read_only   (ReadoutDb    *self);

/* The connection's cached statement for @sql (prepared on first use, owned by the
 * connection), reset and with its bindings cleared; NULL with @error set. */
ReadoutDbStatement *readout_db_prepare        (ReadoutDb    *self,
                                               const char   *sql,
                                               GError      **error);
/* A statement of its own, not cached (one reference): for SQL that is built at run
 * time or used once. */
ReadoutDbStatement *readout_db_prepare_uncached (ReadoutDb  *self,
                                               const char   *sql,
                                               GError      **error);
gboolean            readout_db_exec           (ReadoutDb    *self,
                                               const char   *sql,
                                               GError      **error);

gboolean            readout_db_begin          (ReadoutDb    *self,
                                               gboolean      write,
                                               GError      **error);
gboolean            readout_db_commit         (ReadoutDb    *self,
                                               GError      **error);
void                readout_db_rollback       (ReadoutDb    *self);
/* Savepoints nest inside a transaction; @name is an SQL identifier. */
gboolean            readout_db_savepoint      (ReadoutDb    *self,
                                               const char   *name,
                                               GError      **error);
gboolean            readout_db_release        (ReadoutDb    *self,
                                               const char   *name,
                                               GError      **error);
void                readout_db_rollback_to    (ReadoutDb    *self,
                                               const char   *name);
gboolean            readout_db_in_transaction (ReadoutDb    *self);

/* Whether the server went away (a team store's connection broke); never for a file.
 * Nothing reconnects by itself: the user decides, and a new store opens the location. */
gboolean            readout_db_is_connection_lost (ReadoutDb *self);

/* Rows inserted, changed or deleted by the last statement. */
gint64              readout_db_changes        (ReadoutDb    *self);
/* Changes whenever another connection commits, never for this one's own commits;
 * -1 when it cannot be read. */
gint64              readout_db_get_change_counter (ReadoutDb *self);
void                readout_db_set_busy_timeout (ReadoutDb  *self,
                                               guint         milliseconds);
/* A file descriptor to watch for readability, after which the change counter may have
 * moved (PostgreSQL's socket, where notifications arrive); -1 when the engine has none. */
int                 readout_db_get_change_fd  (ReadoutDb    *self);

/* For engines: called by their open functions. */
void                readout_db_set_location   (ReadoutDb    *self,
                                               const char   *location,
                                               gboolean      read_only);

G_END_DECLS

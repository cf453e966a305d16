// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-db"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "readout-db-sqlite.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
/* 256 pages of 4 KiB: a step takes about a millisecond, so a writer waits at most that
 * long for a step's read lock in rollback mode, and not at all in WAL mode. */
#define DEFAULT_PAGES_PER_STEP 256
/* Every write by another connection restarts the copy from the first page. After this
 * many restarts the rest is copied in one step, which in WAL mode reads one snapshot
 * and still does not block writers, so a busy store cannot keep a backup from ending. */
#define MAX_RESTARTS 3

struct _ReadoutDbSqlite
{
  ReadoutDb parent_instance;

  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (ReadoutDbSqlite, readout_db_sqlite, READOUT_TYPE_DB)

typedef struct
{
  ReadoutDbStatement parent;
  sqlite3_stmt *stmt;
  gboolean returns_rowid;  /* an INSERT whose "RETURNING id" was dropped; see run() */
} SqliteStatement;

#define RETURNING_ID " RETURNING id"

#define STMT(s) (((SqliteStatement *) (s))->stmt)

/* ---------------------------------------------------------------------------------- */
/* Errors                                                                             */

static ReadoutDbError
error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return READOUT_DB_ERROR_BUSY;
    case SQLITE_READONLY:
      return READOUT_DB_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      return READOUT_DB_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return READOUT_DB_ERROR_CORRUPT;
    case SQLITE_FULL:
      return READOUT_DB_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return READOUT_DB_ERROR_IO;
    default:
      return READOUT_DB_ERROR_FAILED;
    }
}

/* The connection's own message (it names the table or constraint), or SQLite's text for
 * @rc when there is no connection. */
static void
set_error (sqlite3  *db,
           int       rc,
           GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error_literal (error, READOUT_DB_ERROR, error_code (rc), message);
}

/* ---------------------------------------------------------------------------------- */
/* Statements                                                                         */

static void
stmt_free (ReadoutDbStatement *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
stmt_bind_int64 (ReadoutDbStatement *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
stmt_bind_double (ReadoutDbStatement *stmt, int index, double value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
stmt_bind_text (ReadoutDbStatement *stmt, int index, const char *text, gssize length,
                gboolean copy)
{
  sqlite3_bind_text (STMT (stmt), index, text, (int) length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
stmt_bind_null (ReadoutDbStatement *stmt, int index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static ReadoutDbStep
stmt_step (ReadoutDbStatement *stmt, GError **error)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return READOUT_DB_ROW;
  if (rc == SQLITE_DONE)
    return READOUT_DB_DONE;
  set_error (sqlite3_db_handle (STMT (stmt)), rc, error);
  return READOUT_DB_FAILED;
}

static void
stmt_reset (ReadoutDbStatement *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
stmt_clear_bindings (ReadoutDbStatement *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static int
stmt_column_count (ReadoutDbStatement *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
stmt_column_name (ReadoutDbStatement *stmt, int column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static ReadoutDbType
stmt_column_type (ReadoutDbStatement *stmt, int column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_INTEGER:
      return READOUT_DB_TYPE_INTEGER;
    case SQLITE_FLOAT:
      return READOUT_DB_TYPE_FLOAT;
    case SQLITE_TEXT:
      return READOUT_DB_TYPE_TEXT;
    case SQLITE_BLOB:
      return READOUT_DB_TYPE_BLOB;
    default:
      return READOUT_DB_TYPE_NULL;
    }
}

static gint64
stmt_column_int64 (ReadoutDbStatement *stmt, int column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
stmt_column_double (ReadoutDbStatement *stmt, int column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
stmt_column_text (ReadoutDbStatement *stmt, int column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

/* For an INSERT prepared without its "RETURNING id": the rowid it made, when it made one
 * (an ON CONFLICT DO NOTHING may not). The generic loop otherwise. */
static ReadoutDbStep
stmt_run (ReadoutDbStatement *stmt, gint64 *new_id, GError **error)
{
  sqlite3 *db = sqlite3_db_handle (STMT (stmt));
  ReadoutDbStep step;

  while ((step = stmt_step (stmt, error)) == READOUT_DB_ROW)
    if (new_id != NULL)
      *new_id = sqlite3_column_int64 (STMT (stmt), 0);
  if (step == READOUT_DB_DONE && new_id != NULL && ((SqliteStatement *) stmt)->returns_rowid &&
      sqlite3_changes (db) > 0)
    *new_id = sqlite3_last_insert_rowid (db);
  return step;
}

static const ReadoutDbStatementClass statement_class = {
  .free = stmt_free,
  .bind_int64 = stmt_bind_int64,
  .bind_double = stmt_bind_double,
  .bind_text = stmt_bind_text,
  .bind_null = stmt_bind_null,
  .step = stmt_step,
  .reset = stmt_reset,
  .clear_bindings = stmt_clear_bindings,
  .column_count = stmt_column_count,
  .column_name = stmt_column_name,
  .column_type = stmt_column_type,
  .column_int64 = stmt_column_int64,
  .column_double = stmt_column_double,
  .column_text = stmt_column_text,
  .run = stmt_run,
};

/* ---------------------------------------------------------------------------------- */
/* The connection                                                                     */

static ReadoutDbStatement *
readout_db_sqlite_prepare (ReadoutDb   *db,
                           const char  *sql,
                           GError     **error)
{
  ReadoutDbSqlite *self = READOUT_DB_SQLITE (db);
  sqlite3_stmt *handle = NULL;
  SqliteStatement *stmt;
  gboolean returns_rowid = g_str_has_prefix (sql, "INSERT") && g_str_has_suffix (sql, RETURNING_ID);
  int length = (int) strlen (sql) - (returns_rowid ? (int) strlen (RETURNING_ID) : 0);
  int rc;

  /* PERSISTENT: most statements are cached for the connection's lifetime. */
  rc = sqlite3_prepare_v3 (self->db, sql, length, SQLITE_PREPARE_PERSISTENT, &handle, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self->db, rc, error);
      return NULL;
    }
  stmt = g_new0 (SqliteStatement, 1);
  readout_db_statement_init (&stmt->parent, &statement_class);
  stmt->stmt = handle;
  stmt->returns_rowid = returns_rowid;
  return &stmt->parent;
}

static gboolean
readout_db_sqlite_exec (ReadoutDb   *db,
                        const char  *sql,
                        GError     **error)
{
  ReadoutDbSqlite *self = READOUT_DB_SQLITE (db);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
readout_db_sqlite_begin (ReadoutDb  *db,
                         gboolean    write,
                         GError    **error)
{
  /* IMMEDIATE takes the write lock up front, so a busy store fails here, after the
   * busy timeout, rather than half way through a change. */
  return readout_db_sqlite_exec (db, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", error);
}

static gboolean
readout_db_sqlite_commit (ReadoutDb  *db,
                          GError    **error)
{
  return readout_db_sqlite_exec (db, "COMMIT", error);
}

static void
readout_db_sqlite_rollback (ReadoutDb *db)
{
  readout_db_sqlite_exec (db, "ROLLBACK", NULL);
}

static gboolean
readout_db_sqlite_in_transaction (ReadoutDb *db)
{
  return !sqlite3_get_autocommit (READOUT_DB_SQLITE (db)->db);
}

static gint64
readout_db_sqlite_changes (ReadoutDb *db)
{
  return sqlite3_changes (READOUT_DB_SQLITE (db)->db);
}

/* PRAGMA data_version changes whenever another connection commits. */
static gint64
readout_db_sqlite_change_counter (ReadoutDb *db)
{
  ReadoutDbStatement *stmt = readout_db_prepare (db, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    version = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return version;
}

static void
readout_db_sqlite_set_busy_timeout (ReadoutDb *db,
                                    guint      milliseconds)
{
  sqlite3_busy_timeout (READOUT_DB_SQLITE (db)->db, (int) milliseconds);
}

/* Case-insensitive, Unicode-aware folding for the store's name lookups, since SQLite's
 * LIKE and lower() only fold ASCII. */
static void
sql_casefold (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, g_utf8_casefold (text, -1), -1, g_free);
}

ReadoutDb *
readout_db_sqlite_open (const char  *path,
                        gboolean     read_only,
                        GError     **error)
{
  g_autoptr(ReadoutDbSqlite) self = g_object_new (READOUT_TYPE_DB_SQLITE, NULL);
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  readout_db_set_location (READOUT_DB (self), path, read_only);
  rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self->db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "casefold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_casefold, NULL, NULL);
  return READOUT_DB (g_steal_pointer (&self));
}

sqlite3 *
readout_db_sqlite_get_handle (ReadoutDb *db)
{
  g_return_val_if_fail (READOUT_IS_DB_SQLITE (db), NULL);

  return READOUT_DB_SQLITE (db)->db;
}

/* ---------------------------------------------------------------------------------- */
/* Copies                                                                             */

/* Steps @backup to its end; returns SQLite's last result. */
static int
copy_steps (sqlite3_backup         *backup,
            int                     pages_per_step,
            ReadoutDbCopyProgress   progress,
            gpointer                user_data,
            GCancellable           *cancellable)
{
  int previous_remaining = G_MAXINT;
  guint restarts = 0;
  guint busy_waits = 0;
  int rc = SQLITE_OK;

  while (!g_cancellable_is_cancelled (cancellable))
    {
      int remaining;

      rc = sqlite3_backup_step (backup, restarts >= MAX_RESTARTS ? -1 : pages_per_step);
      if (rc == SQLITE_DONE)
        break;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          /* A writer holds a lock (rollback mode only); wait for it a while. */
          if (++busy_waits > DEFAULT_BUSY_TIMEOUT_MS / 10)
            break;
          g_usleep (10 * 1000);
          continue;
        }
      if (rc != SQLITE_OK)
        break;

      remaining = sqlite3_backup_remaining (backup);
      if (remaining >= previous_remaining)
        restarts++;
      previous_remaining = remaining;
      if (progress != NULL)
        progress (remaining, sqlite3_backup_pagecount (backup), user_data);
    }
  return rc;
}

gboolean
readout_db_sqlite_copy (const char             *source_path,
                        const char             *copy_path,
                        int                     pages_per_step,
                        ReadoutDbCopyProgress   progress,
                        gpointer                user_data,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(ReadoutDb) source = readout_db_sqlite_open (source_path, TRUE, error);
  g_autoptr(ReadoutDb) copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (source == NULL)
    return FALSE;
  copy = readout_db_sqlite_open (copy_path, FALSE, error);
  /* No journal for the copy: it is a temporary file that an error or a kill leaves
   * useless anyway, and a journal would only be one more file to leave behind. */
  if (copy == NULL || !readout_db_sqlite_exec (copy, "PRAGMA journal_mode = OFF", error))
    return FALSE;

  backup = sqlite3_backup_init (READOUT_DB_SQLITE (copy)->db, "main",
                                READOUT_DB_SQLITE (source)->db, "main");
  if (backup == NULL)
    {
      set_error (READOUT_DB_SQLITE (copy)->db, sqlite3_errcode (READOUT_DB_SQLITE (copy)->db), error);
      return FALSE;
    }
  rc = copy_steps (backup, pages_per_step > 0 ? pages_per_step : DEFAULT_PAGES_PER_STEP,
                   progress, user_data, cancellable);
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      set_error (READOUT_DB_SQLITE (copy)->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
readout_db_sqlite_finalize (GObject *object)
{
  ReadoutDbSqlite *self = READOUT_DB_SQLITE (object);

  /* _v2: a statement someone still holds keeps the connection until it is freed. */
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (readout_db_sqlite_parent_class)->finalize (object);
}

static void
readout_db_sqlite_class_init (ReadoutDbSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ReadoutDbClass *db_class = READOUT_DB_CLASS (klass);

  object_class->finalize = readout_db_sqlite_finalize;

  db_class->engine = READOUT_DB_ENGINE_SQLITE;
  db_class->prepare = readout_db_sqlite_prepare;
  db_class->exec = readout_db_sqlite_exec;
  db_class->begin = readout_db_sqlite_begin;
  db_class->commit = readout_db_sqlite_commit;
  db_class->rollback = readout_db_sqlite_rollback;
  db_class->in_transaction = readout_db_sqlite_in_transaction;
  db_class->changes = readout_db_sqlite_changes;
  db_class->change_counter = readout_db_sqlite_change_counter;
  db_class->set_busy_timeout = readout_db_sqlite_set_busy_timeout;
}

static void
readout_db_sqlite_init (ReadoutDbSqlite *self)
{
}

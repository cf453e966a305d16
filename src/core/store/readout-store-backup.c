// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "readout-error.h"
#include "readout-safe-file.h"
#include "readout-store-backup.h"

/* 256 pages of 4 KiB: a step takes about a millisecond, so a writer waits at most that
 * long for a step's read lock in rollback mode, and not at all in WAL mode. */
#define DEFAULT_PAGES_PER_STEP 256
/* Every write by another connection restarts the copy from the first page. After this
 * many restarts the rest is copied in one step, which in WAL mode reads one snapshot
 * and still does not block writers, so a busy store cannot keep a backup from ending. */
#define MAX_RESTARTS 3
#define BUSY_TIMEOUT_MS 5000

static gboolean
set_sqlite_error (GError      **error,
                  sqlite3      *db,
                  int           rc,
                  const char   *path)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = READOUT_ERROR_LOCKED;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = READOUT_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      code = READOUT_ERROR_IO;
      break;
    default:
      code = READOUT_ERROR_FAILED;
    }
  g_set_error (error, READOUT_ERROR, code, _("Could not back up the store to “%s”: %s."),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
check_copy (sqlite3     *db,
            const char  *path,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  /* A self-contained file: the copy carries the store's WAL flag otherwise. */
  rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, path);

  /* quick_check reads every page and row; the full integrity_check also cross-checks
   * every index, which on a large store takes longer than the copy itself. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (result == NULL)
    return set_sqlite_error (error, db, rc, path);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                   _("Could not back up the store to “%s”: the copy failed its check (%s)."),
                   path, result);
      return FALSE;
    }
  return TRUE;
}

/* Copies the store at @store_path to @path. Uses only its own connections, so it may
 * run on any thread. */
static gboolean
backup_file (const char                 *store_path,
             const char                 *path,
             int                         pages_per_step,
             ReadoutBackupProgressFunc   progress,
             gpointer                    user_data,
             GCancellable               *cancellable,
             GError                    **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  sqlite3 *source = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int previous_remaining = G_MAXINT;
  guint restarts = 0;
  guint busy_waits = 0;
  gboolean ok = TRUE;
  int rc;

  file = readout_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (store_path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      ok = set_sqlite_error (error, source, rc, path);
      goto out;
    }
  sqlite3_busy_timeout (source, BUSY_TIMEOUT_MS);
  rc = sqlite3_open_v2 (readout_safe_file_get_temp_path (file), &copy, SQLITE_OPEN_READWRITE, NULL);
  /* No journal for the copy: it is a temporary file that an error or a kill leaves
   * useless anyway, and a journal would only be one more file to leave behind. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ok = set_sqlite_error (error, copy, rc, path);
      goto out;
    }

  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      ok = set_sqlite_error (error, copy, sqlite3_errcode (copy), path);
      goto out;
    }

  if (pages_per_step <= 0)
    pages_per_step = DEFAULT_PAGES_PER_STEP;
  for (;;)
    {
      int remaining;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, restarts >= MAX_RESTARTS ? -1 : pages_per_step);
      if (rc == SQLITE_DONE)
        break;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          /* A writer holds a lock (rollback mode only); wait for it a while. */
          if (++busy_waits > BUSY_TIMEOUT_MS / 10)
            break;
          sqlite3_sleep (10);
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
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else if (rc != SQLITE_DONE)
    ok = set_sqlite_error (error, copy, rc, path);
  else
    ok = check_copy (copy, path, error);

out:
  if (copy != NULL)
    sqlite3_close (copy);
  if (source != NULL)
    sqlite3_close (source);
  return ok && readout_safe_file_commit (file, error);
}

gboolean
readout_store_backup_full (ReadoutStore               *store,
                           const char                 *path,
                           int                         pages_per_step,
                           ReadoutBackupProgressFunc   progress,
                           gpointer                    user_data,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Through a connection of its own, the copy holds what is committed, never half of
   * a change the store is making. */
  return backup_file (readout_store_get_path (store), path, pages_per_step, progress, user_data,
                      cancellable, error);
}

/**
 * readout_store_backup:
 * @store: the store
 * @path: the file to write; replaced if it exists
 *
 * Returns: %TRUE when the copy was written whole and checked
 */
gboolean
readout_store_backup (ReadoutStore  *store,
                      const char    *path,
                      GError       **error)
{
  return readout_store_backup_full (store, path, 0, NULL, NULL, NULL, error);
}

typedef struct {
  char *store_path;
  char *path;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_free (data->store_path);
  g_free (data->path);
  g_free (data);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupData *data = task_data;
  GError *error = NULL;

  if (backup_file (data->store_path, data->path, 0, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
readout_store_backup_async (ReadoutStore         *store,
                            const char           *path,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupData *data;

  g_return_if_fail (READOUT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (BackupData, 1);
  data->store_path = g_strdup (readout_store_get_path (store));
  data->path = g_strdup (path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_store_backup_async);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_data_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
readout_store_backup_finish (ReadoutStore  *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

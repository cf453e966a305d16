// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include "readout-db-sqlite.h"
#include "readout-error.h"
#include "readout-safe-file.h"
#include "readout-store-backup.h"
#include "readout-store-private.h"

/* The engine's error (READOUT_DB_ERROR) as a backup's; a cancellation stays one. */
static gboolean
set_copy_error (GError      **error,
                GError       *db_error,
                const char   *path)
{
  int code;

  if (db_error->domain != READOUT_DB_ERROR)
    {
      g_propagate_error (error, db_error);
      return FALSE;
    }
  switch (db_error->code)
    {
    case READOUT_DB_ERROR_BUSY:
      code = READOUT_ERROR_LOCKED;
      break;
    case READOUT_DB_ERROR_CORRUPT:
      code = READOUT_ERROR_CORRUPT;
      break;
    case READOUT_DB_ERROR_READ_ONLY:
    case READOUT_DB_ERROR_IO:
    case READOUT_DB_ERROR_FULL:
      code = READOUT_ERROR_IO;
      break;
    default:
      code = READOUT_ERROR_FAILED;
    }
  g_set_error (error, READOUT_ERROR, code, _("Could not back up the store to “%s”: %s."),
               path, db_error->message);
  g_error_free (db_error);
  return FALSE;
}

/* Makes the copy one self-contained file and checks it. */
static gboolean
check_copy (const char  *copy_path,
            const char  *path,
            GError     **error)
{
  g_autoptr(ReadoutDb) db = NULL;
  g_autoptr(ReadoutDbStatement) stmt = NULL;
  g_autofree char *result = NULL;
  GError *db_error = NULL;

  /* A self-contained file: the copy carries the store's WAL flag otherwise.
   * quick_check reads every page and row; the full integrity_check also cross-checks
   * every index, which on a large store takes longer than the copy itself. */
  db = readout_db_sqlite_open (copy_path, FALSE, &db_error);
  if (db != NULL && readout_db_exec (db, "PRAGMA journal_mode = DELETE", &db_error))
    stmt = readout_db_prepare_uncached (db, "PRAGMA quick_check", &db_error);
  if (stmt != NULL && readout_db_statement_step (stmt, &db_error) == READOUT_DB_ROW)
    result = g_strdup (readout_db_statement_column_text (stmt, 0));
  if (result == NULL)
    return set_copy_error (error, db_error, path);
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
  const char *copy_path;
  GError *db_error = NULL;

  file = readout_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;
  copy_path = readout_safe_file_get_temp_path (file);
  if (!readout_db_sqlite_copy (store_path, copy_path, pages_per_step, progress, user_data,
                               cancellable, &db_error))
    return set_copy_error (error, db_error, path);
  return check_copy (copy_path, path, error) && readout_safe_file_commit (file, error);
}

/* A copy of a server's database is the server's business: its own tools copy it
 * consistently while the team goes on working, and a file copy would lose the roles. */
static gboolean
check_is_file (ReadoutStore  *store,
               GError       **error)
{
  if (readout_db_get_engine (readout_store_get_db (store)) == READOUT_DB_ENGINE_SQLITE)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               _("A team store on a database server is not backed up from Readout: use the "
                 "server’s own backup tools, such as pg_dump."));
  return FALSE;
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

  if (!check_is_file (store, error))
    return FALSE;
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
  GError *error = NULL;
  BackupData *data;

  g_return_if_fail (READOUT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_store_backup_async);
  if (!check_is_file (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (BackupData, 1);
  data->store_path = g_strdup (readout_store_get_path (store));
  data->path = g_strdup (path);
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

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-store-private.h"

/* ReadoutStore, continued: row versions, the team store's optimistic concurrency. */

/* On PostgreSQL every edited row carries a row_version that a trigger raises with each
 * update (readout-store-pg-schema.c). An edit names the version it read, and is refused
 * when the row has moved on: several people share the store, and a save must never
 * overwrite a colleague's change unseen. A SQLite file has no such column: one program
 * writes it at a time and the window reloads when another one did (the store's change
 * watch), so its objects carry version 0 and their saves are not checked. */

gint64
readout_store_read_row_version (ReadoutStore  *self,
                                const char    *table,
                                gint64         id)
{
  g_autofree char *sql = NULL;
  ReadoutDbStatement *stmt;
  gint64 version = 0;

  if (readout_db_get_engine (self->connection) != READOUT_DB_ENGINE_POSTGRESQL)
    return 0;
  sql = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?", table);
  stmt = readout_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  readout_db_statement_bind_int64 (stmt, 1, id);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    version = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return version;
}

/* The refusal of a save that found @id at another version than @read_version. */
static void
set_changed_error (ReadoutDbStatement  *stmt,
                   const char          *what,
                   GError             **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (readout_db_statement_column_int64 (stmt, 2));
  g_autofree char *when_text = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S") : NULL;

  /* Translators: the first %s is what was saved ("call", "leader"), the second the
   * database role of the person who changed it, the third a date and time. */
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_CHANGED,
               _("The %s was changed by %s at %s after you opened it, so your edit was not "
                 "saved: reload it to see that change, then edit it again."),
               what, readout_db_statement_column_text (stmt, 1), when_text != NULL ? when_text : "?");
}

gboolean
readout_store_check_row_version (ReadoutStore  *self,
                                 const char    *table,
                                 const char    *what,
                                 gint64         id,
                                 gint64         read_version,
                                 GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *sql = NULL;
  ReadoutDbStatement *stmt;
  ReadoutDbStep step;
  gboolean ok = TRUE;

  if (read_version <= 0 || readout_db_get_engine (self->connection) != READOUT_DB_ENGINE_POSTGRESQL)
    return TRUE;
  sql = g_strdup_printf ("SELECT row_version, changed_by, CAST (extract (epoch FROM changed_at) AS bigint)"
                         " FROM %s WHERE id = ? FOR UPDATE", table);
  stmt = readout_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, id);
  step = readout_db_statement_step (stmt, &db_error);
  if (step == READOUT_DB_FAILED)
    {
      readout_store_set_db_error (self, db_error, "Could not change the store", error);
      ok = FALSE;
    }
  else if (step == READOUT_DB_ROW && readout_db_statement_column_int64 (stmt, 0) != read_version)
    {
      set_changed_error (stmt, what, error);
      ok = FALSE;
    }
  readout_db_statement_reset (stmt);
  return ok;
}


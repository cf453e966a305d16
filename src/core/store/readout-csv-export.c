// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-csv-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-csv-export.h"
#include "readout-error.h"
#include "readout-safe-file.h"
#include "readout-store-private.h"

#define FLUSH_SIZE (64 * 1024)

static void
append_field (GString    *buffer,
              const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (buffer, field);
      return;
    }
  g_string_append_c (buffer, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '"');
}

void
readout_csv_append_row (GString             *buffer,
                        const char * const  *fields,
                        guint                n_fields)
{
  g_return_if_fail (buffer != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      append_field (buffer, fields[i]);
    }
  g_string_append (buffer, "\r\n");
}

static gboolean
flush (GOutputStream  *stream,
       GString        *buffer,
       gboolean        force,
       const char     *path,
       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!force && buffer->len < FLUSH_SIZE)
    return TRUE;
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, NULL, &local_error))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not write “%s”: %s."),
                   path, local_error->message);
      return FALSE;
    }
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Writes a header and one row per result of @stmt (already bound); every column is
 * read as text, so numbers keep SQLite's spelling and NULL is an empty field. */
static gboolean
export_rows (ReadoutStore        *store,
             ReadoutDbStatement        *stmt,
             const char * const  *header,
             const char          *path,
             GError             **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(ReadoutSafeFile) file = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  GOutputStream *stream;
  ReadoutDb *db = readout_store_get_db (store);
  gboolean own_transaction;
  gboolean ok = TRUE;
  int n_columns = (int) g_strv_length ((char **) header);
  int rc;

  g_assert (n_columns <= 16);

  file = readout_safe_file_new (path, error);
  if (file == NULL)
    {
      readout_db_statement_reset (stmt);
      return FALSE;
    }
  stream = readout_safe_file_get_stream (file, error);
  if (stream == NULL)
    {
      readout_db_statement_reset (stmt);
      return FALSE;
    }

  readout_csv_append_row (buffer, header, (guint) n_columns);

  /* A read transaction for one snapshot, as for the JSON export. */
  own_transaction = !readout_db_in_transaction (db);
  if (own_transaction)
    readout_db_begin (db, FALSE, NULL);
  while (ok && (rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      const char *fields[16];

      for (int i = 0; i < n_columns; i++)
        fields[i] = readout_db_statement_column_text (stmt, i);
      readout_csv_append_row (buffer, fields, (guint) n_columns);
      ok = flush (stream, buffer, FALSE, path, error);
    }
  readout_db_statement_reset (stmt);
  if (own_transaction)
    readout_db_commit (db, NULL);
  if (ok && rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (store, db_error, "Could not read the store", error);
      ok = FALSE;
    }
  return ok && flush (stream, buffer, TRUE, path, error) && readout_safe_file_commit (file, error);
}

gboolean
readout_csv_export_calls (ReadoutStore  *store,
                          const char    *path,
                          GError       **error)
{
  static const char * const header[] = {
    "id", "date", "date_precision", "participants", "countries", "status", "duration_minutes",
    "duration_qualifier", "initiator", "topics", NULL
  };
  ReadoutDbStatement *stmt;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stmt = readout_store_prepare (store,
    "SELECT c.id, c.date, c.date_precision,"
    " (SELECT group_concat (name, '; ') FROM (SELECT l.name FROM call_participants p"
    "   JOIN leaders l ON l.id = p.leader_id WHERE p.call_id = c.id ORDER BY p.position) AS n),"
    " (SELECT group_concat (country, '; ') FROM (SELECT coalesce (l.country, '') AS country"
    "   FROM call_participants p JOIN leaders l ON l.id = p.leader_id WHERE p.call_id = c.id"
    "   ORDER BY p.position) AS n),"
    " c.status, c.duration_minutes, c.duration_qualifier, i.name,"
    " (SELECT group_concat (name, '; ') FROM (SELECT DISTINCT t.name FROM statements s"
    "   JOIN statement_topics x ON x.statement_id = s.id JOIN topics t ON t.id = x.topic_id"
    "   WHERE s.call_id = c.id ORDER BY t.name) AS n)"
    " FROM calls c LEFT JOIN leaders i ON i.id = c.initiator_id ORDER BY c.date, c.id", error);
  if (stmt == NULL)
    return FALSE;
  return export_rows (store, stmt, header, path, error);
}

gboolean
readout_csv_export_statements (ReadoutStore  *store,
                               gint64         call_id,
                               const char    *path,
                               GError       **error)
{
  static const char * const header[] = {
    "id", "call_id", "date", "source_publisher", "speaker", "side", "kind", "topics", "text", NULL
  };
  ReadoutDbStatement *stmt;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (call_id != 0)
    {
      g_autoptr(ReadoutCall) call = readout_store_get_call (store, call_id, error);

      if (call == NULL)
        return FALSE;
    }

  stmt = readout_store_prepare (store,
    "SELECT st.id, st.call_id, c.date, so.publisher, st.speaker, st.side, st.kind,"
    " (SELECT group_concat (name, '; ') FROM (SELECT t.name FROM statement_topics x"
    "   JOIN topics t ON t.id = x.topic_id WHERE x.statement_id = st.id ORDER BY t.name) AS n),"
    " st.text"
    " FROM statements st JOIN sources so ON so.id = st.source_id JOIN calls c ON c.id = st.call_id"
    " WHERE ?1 = 0 OR st.call_id = ?1"
    " ORDER BY st.call_id, st.side IS NULL, st.side, st.source_id, st.position, st.id", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, call_id);
  return export_rows (store, stmt, header, path, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-json-document.h"
#include "readout-safe-file.h"
#include "readout-store-json.h"
#include "readout-store-private.h"

/* Export and import of a whole store as JSON.
 *
 * References inside the document (a call's participants, a claim's source) use the
 * store's own ids, and an import into a store that holds no leaders and no calls keeps
 * them. We chose ids over made-up keys because they are already stable, unique and
 * what the CSV export and the command line show, so a call keeps its number when a
 * store moves; and because keeping them makes export → import into an empty store →
 * export give the same bytes: every list is written in id order (topics, which have no
 * id in the document, by name; keywords and aliases sorted), each value has one
 * spelling, and absent values are left out rather than written as null. Into a store
 * that already holds data the ids are only keys: rows get new ids, or the ids of the
 * rows they are matched with.
 *
 * Which topics a statement has is derived from the topic list (the store tags every
 * statement it stores); the document lists them for its readers, and an import tags
 * the statements again from the imported topic list, which gives the same links.
 *
 * The document is written one topic, leader or call a line, so that a large store is
 * streamed out (never held in memory whole) and two exports compare well with diff. */

#define WRITE_BUFFER_SIZE (64 * 1024)

/* ---------------------------------------------------------------------------------- */
/* Export                                                                             */

typedef struct {
  ReadoutStore *store;
  GOutputStream *output;
  GCancellable *cancellable;
  JsonGenerator *generator;
  GString *buffer;
} Writer;

static gboolean
writer_flush (Writer    *writer,
              gboolean   force,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!force && writer->buffer->len < WRITE_BUFFER_SIZE)
    return TRUE;
  if (!g_output_stream_write_all (writer->output, writer->buffer->str, writer->buffer->len, NULL,
                                  writer->cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                     _("Could not write the export: %s."), local_error->message);
      return FALSE;
    }
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

/* Appends one array element, @first saying whether it needs a separating comma. */
static gboolean
writer_add_element (Writer       *writer,
                    JsonBuilder  *builder,
                    gboolean     *first,
                    GError      **error)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);

  g_string_append (writer->buffer, *first ? "\n" : ",\n");
  *first = FALSE;
  json_generator_set_root (writer->generator, node);
  json_generator_to_gstring (writer->generator, writer->buffer);
  return writer_flush (writer, FALSE, error);
}

/* The table's members from a row whose first columns are the table's, by what SQLite
 * holds: whole numbers as numbers, text as strings, NULL left out. */
static void
add_fields (JsonBuilder             *builder,
            const ReadoutJsonTable  *table,
            ReadoutDbStatement            *stmt)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      ReadoutDbType type = readout_db_statement_column_type (stmt, (int) i);

      if (type == READOUT_DB_TYPE_NULL)
        continue;
      json_builder_set_member_name (builder, table->fields[i].member);
      if (type == READOUT_DB_TYPE_INTEGER)
        json_builder_add_int_value (builder, readout_db_statement_column_int64 (stmt, (int) i));
      else
        json_builder_add_string_value (builder, readout_db_statement_column_text (stmt, (int) i));
    }
}

/* "SELECT <the table's columns>[, @extra] FROM …": the store keeps the statement. */
static ReadoutDbStatement *
prepare_table (Writer                  *writer,
               const ReadoutJsonTable  *table,
               const char              *extra,
               GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; i < table->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", table->fields[i].column);
  if (extra != NULL)
    g_string_append_printf (sql, ", %s", extra);
  g_string_append_printf (sql, " %s", table->from);
  return readout_store_prepare (writer->store, sql->str, error);
}

/* Runs @stmt (bound, with one text column) and adds its rows as an array of strings. */
static gboolean
add_string_rows (Writer        *writer,
                 JsonBuilder   *builder,
                 ReadoutDbStatement  *stmt,
                 GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  int rc;

  json_builder_begin_array (builder);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    json_builder_add_string_value (builder, readout_db_statement_column_text (stmt, 0));
  readout_db_statement_reset (stmt);
  json_builder_end_array (builder);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (writer->store, db_error, "Could not read the store", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_rows (Writer              *writer,
             ReadoutDbStatement  *stmt,
             int                  rc,
             const GError        *db_error,
             GError             **error)
{
  readout_db_statement_reset (stmt);
  if (rc == READOUT_DB_DONE)
    return TRUE;
  if (error == NULL || *error == NULL)
    readout_store_set_db_error (writer->store, db_error, "Could not read the store", error);
  return FALSE;
}

static gboolean
write_topics (Writer  *writer,
              GError **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *topics, *keywords;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  topics = readout_store_prepare (writer->store, "SELECT id, name FROM topics"
                                                 " ORDER BY casefold (name), id", error);
  if (topics == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"topics\":[");
  while (ok && (rc = readout_db_statement_step (topics, &db_error)) == READOUT_DB_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      const char *language = NULL;
      int krc;

      keywords = readout_store_prepare (writer->store, "SELECT language, keyword FROM topic_keywords"
                                                       " WHERE topic_id = ? ORDER BY language, keyword",
                                        error);
      if (keywords == NULL)
        {
          ok = FALSE;
          break;
        }
      readout_db_statement_bind_int64 (keywords, 1, readout_db_statement_column_int64 (topics, 0));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, readout_db_statement_column_text (topics, 1));
      json_builder_set_member_name (builder, "keywords");
      json_builder_begin_object (builder);
      while ((krc = readout_db_statement_step (keywords, &db_error)) == READOUT_DB_ROW)
        {
          const char *row_language = readout_db_statement_column_text (keywords, 0);

          if (language == NULL || strcmp (language, row_language) != 0)
            {
              if (language != NULL)
                json_builder_end_array (builder);
              json_builder_set_member_name (builder, row_language);
              json_builder_begin_array (builder);
            }
          json_builder_add_string_value (builder, readout_db_statement_column_text (keywords, 1));
          /* The row's text is gone after the next step; language codes are few. */
          language = g_intern_string (row_language);
        }
      if (language != NULL)
        json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      ok = finish_rows (writer, keywords, krc, db_error, error) &&
           writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, topics, ok ? rc : READOUT_DB_FAILED, db_error, error))
    return FALSE;
  g_string_append (writer->buffer, "\n],\n");
  return TRUE;
}

static gboolean
write_leaders (Writer  *writer,
               GError **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *leaders, *aliases;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  leaders = prepare_table (writer, &readout_json_leaders, NULL, error);
  if (leaders == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"leaders\":[");
  while (ok && (rc = readout_db_statement_step (leaders, &db_error)) == READOUT_DB_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

      aliases = readout_store_prepare (writer->store, "SELECT alias FROM leader_aliases"
                                                      " WHERE leader_id = ? ORDER BY alias", error);
      if (aliases == NULL)
        {
          ok = FALSE;
          break;
        }
      readout_db_statement_bind_int64 (aliases, 1, readout_db_statement_column_int64 (leaders, 0));

      json_builder_begin_object (builder);
      add_fields (builder, &readout_json_leaders, leaders);
      json_builder_set_member_name (builder, "aliases");
      ok = add_string_rows (writer, builder, aliases, error);
      json_builder_end_object (builder);
      ok = ok && writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, leaders, ok ? rc : READOUT_DB_FAILED, db_error, error))
    return FALSE;
  g_string_append (writer->buffer, "\n],\n");
  return TRUE;
}

static gboolean
write_statements (Writer       *writer,
                  JsonBuilder  *builder,
                  gint64        source_id,
                  GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = prepare_table (writer, &readout_json_statements, NULL, error);
  ReadoutDbStatement *topics;
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, source_id);

  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  while (ok && (rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      json_builder_begin_object (builder);
      add_fields (builder, &readout_json_statements, stmt);
      /* The topics, for the document's readers: an import tags the statements again. */
      topics = readout_store_prepare (writer->store, "SELECT t.name FROM statement_topics x"
                                                     " JOIN topics t ON t.id = x.topic_id"
                                                     " WHERE x.statement_id = ?"
                                                     " ORDER BY casefold (t.name), t.id", error);
      ok = topics != NULL;
      if (ok)
        {
          readout_db_statement_bind_int64 (topics, 1, readout_db_statement_column_int64 (stmt, 0));
          json_builder_set_member_name (builder, "topics");
          ok = add_string_rows (writer, builder, topics, error);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, stmt, ok ? rc : READOUT_DB_FAILED, db_error, error);
}

static gboolean
write_sources (Writer       *writer,
               JsonBuilder  *builder,
               gint64        call_id,
               GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = prepare_table (writer, &readout_json_sources, NULL, error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, call_id);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  while (ok && (rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      json_builder_begin_object (builder);
      add_fields (builder, &readout_json_sources, stmt);
      ok = write_statements (writer, builder, readout_db_statement_column_int64 (stmt, 0), error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, stmt, ok ? rc : READOUT_DB_FAILED, db_error, error);
}

static gboolean
write_conflicts (Writer       *writer,
                 JsonBuilder  *builder,
                 gint64        call_id,
                 GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *conflicts, *claims;
  gboolean ok = TRUE;
  int rc;

  conflicts = readout_store_prepare (writer->store, "SELECT id, field FROM conflicts"
                                                    " WHERE call_id = ? ORDER BY id", error);
  if (conflicts == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (conflicts, 1, call_id);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  while (ok && (rc = readout_db_statement_step (conflicts, &db_error)) == READOUT_DB_ROW)
    {
      int crc;

      claims = readout_store_prepare (writer->store, "SELECT value, source_id FROM conflict_claims"
                                                     " WHERE conflict_id = ? ORDER BY position", error);
      if (claims == NULL)
        {
          ok = FALSE;
          break;
        }
      readout_db_statement_bind_int64 (claims, 1, readout_db_statement_column_int64 (conflicts, 0));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, readout_db_statement_column_text (conflicts, 1));
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      while ((crc = readout_db_statement_step (claims, &db_error)) == READOUT_DB_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, readout_db_statement_column_text (claims, 0));
          if (!readout_db_statement_column_is_null (claims, 1))
            {
              json_builder_set_member_name (builder, "source");
              json_builder_add_int_value (builder, readout_db_statement_column_int64 (claims, 1));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      ok = finish_rows (writer, claims, crc, db_error, error);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, conflicts, ok ? rc : READOUT_DB_FAILED, db_error, error);
}

static gboolean
write_calls (Writer  *writer,
             GError **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *calls, *participants;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  calls = prepare_table (writer, &readout_json_calls, NULL, error);
  if (calls == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"calls\":[");
  while (ok && (rc = readout_db_statement_step (calls, &db_error)) == READOUT_DB_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      gint64 call_id = readout_db_statement_column_int64 (calls, 0);
      int prc;

      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        {
          ok = FALSE;
          break;
        }
      participants = readout_store_prepare (writer->store, "SELECT leader_id FROM call_participants"
                                                           " WHERE call_id = ? ORDER BY position",
                                            error);
      if (participants == NULL)
        {
          ok = FALSE;
          break;
        }
      readout_db_statement_bind_int64 (participants, 1, call_id);

      json_builder_begin_object (builder);
      add_fields (builder, &readout_json_calls, calls);
      json_builder_set_member_name (builder, "participants");
      json_builder_begin_array (builder);
      while ((prc = readout_db_statement_step (participants, &db_error)) == READOUT_DB_ROW)
        json_builder_add_int_value (builder, readout_db_statement_column_int64 (participants, 0));
      json_builder_end_array (builder);
      ok = finish_rows (writer, participants, prc, db_error, error) &&
           write_sources (writer, builder, call_id, error) &&
           write_conflicts (writer, builder, call_id, error);
      json_builder_end_object (builder);
      ok = ok && writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, calls, ok ? rc : READOUT_DB_FAILED, db_error, error))
    return FALSE;
  g_string_append (writer->buffer, "\n]}\n");
  return TRUE;
}

/**
 * readout_store_export_json:
 * @store: the store
 * @output: where to write the document
 * @cancellable: (nullable): stops the export between calls
 *
 * Writes the whole store as one JSON document, from one consistent snapshot of it.
 *
 * Returns: %TRUE on success
 */
gboolean
readout_store_export_json (ReadoutStore   *store,
                           GOutputStream  *output,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);
  g_autoptr(GError) db_error = NULL;
  ReadoutDb *db;
  gboolean own_transaction;
  gboolean ok;
  Writer writer;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  db = readout_store_get_db (store);
  writer.store = store;
  writer.output = output;
  writer.cancellable = cancellable;
  writer.generator = generator;
  writer.buffer = buffer;

  /* One read transaction, so that a writer elsewhere cannot slip a change in between
   * the leaders and the calls that name them. Inside the caller's transaction we
   * already read one snapshot. */
  own_transaction = !readout_db_in_transaction (db);
  if (own_transaction && !readout_db_begin (db, FALSE, &db_error))
    {
      readout_store_set_db_error (store, db_error, "Could not read the store", error);
      return FALSE;
    }

  g_string_append_printf (buffer, "{\"format\":\"%s\",\"version\":%d,\n",
                          READOUT_JSON_FORMAT, READOUT_JSON_VERSION);
  ok = write_topics (&writer, error) &&
       write_leaders (&writer, error) &&
       write_calls (&writer, error) &&
       writer_flush (&writer, TRUE, error);

  if (own_transaction)
    readout_db_commit (db, NULL);
  return ok;
}

gboolean
readout_store_export_json_file (ReadoutStore  *store,
                                const char    *path,
                                GError       **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  GOutputStream *stream;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = readout_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;
  stream = readout_safe_file_get_stream (file, error);
  return stream != NULL &&
         readout_store_export_json (store, stream, NULL, error) &&
         readout_safe_file_commit (file, error);
}

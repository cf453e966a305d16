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
#include "readout-input-file.h"
#include "readout-json-outline.h"
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

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_column_text (JsonBuilder  *builder,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column)
{
  add_text (builder, name, readout_sql_column_text (stmt, column));
}

static void
add_column_int (JsonBuilder  *builder,
                const char   *name,
                sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

/* Runs @stmt (bound, with one text column) and adds its rows as an array of strings. */
static gboolean
add_string_rows (Writer        *writer,
                 JsonBuilder   *builder,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_builder_add_string_value (builder, readout_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (writer->store, rc, "Could not read the store", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_rows (Writer        *writer,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (error == NULL || *error == NULL)
    readout_store_set_sqlite_error (writer->store, rc, "Could not read the store", error);
  return FALSE;
}

static gboolean
write_topics (Writer  *writer,
              GError **error)
{
  sqlite3_stmt *topics, *keywords;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  topics = readout_store_prepare (writer->store, "SELECT id, name FROM topics"
                                                 " ORDER BY name COLLATE NOCASE, id", error);
  if (topics == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"topics\":[");
  while (ok && (rc = sqlite3_step (topics)) == SQLITE_ROW)
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
      sqlite3_bind_int64 (keywords, 1, sqlite3_column_int64 (topics, 0));

      json_builder_begin_object (builder);
      add_column_text (builder, "name", topics, 1);
      json_builder_set_member_name (builder, "keywords");
      json_builder_begin_object (builder);
      while ((krc = sqlite3_step (keywords)) == SQLITE_ROW)
        {
          const char *row_language = readout_sql_column_text (keywords, 0);

          if (language == NULL || strcmp (language, row_language) != 0)
            {
              if (language != NULL)
                json_builder_end_array (builder);
              json_builder_set_member_name (builder, row_language);
              json_builder_begin_array (builder);
            }
          json_builder_add_string_value (builder, readout_sql_column_text (keywords, 1));
          /* The row's text is gone after the next step; language codes are few. */
          language = g_intern_string (row_language);
        }
      if (language != NULL)
        json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      ok = finish_rows (writer, keywords, krc, error) &&
           writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, topics, ok ? rc : SQLITE_ERROR, error))
    return FALSE;
  g_string_append (writer->buffer, "\n],\n");
  return TRUE;
}

static gboolean
write_leaders (Writer  *writer,
               GError **error)
{
  sqlite3_stmt *leaders, *aliases;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  leaders = readout_store_prepare (writer->store, "SELECT id, name, country, office, term_start,"
                                                  " term_end FROM leaders ORDER BY id", error);
  if (leaders == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"leaders\":[");
  while (ok && (rc = sqlite3_step (leaders)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

      aliases = readout_store_prepare (writer->store, "SELECT alias FROM leader_aliases"
                                                      " WHERE leader_id = ? ORDER BY alias", error);
      if (aliases == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (aliases, 1, sqlite3_column_int64 (leaders, 0));

      json_builder_begin_object (builder);
      add_column_int (builder, "id", leaders, 0);
      add_column_text (builder, "name", leaders, 1);
      json_builder_set_member_name (builder, "aliases");
      ok = add_string_rows (writer, builder, aliases, error);
      add_column_text (builder, "country", leaders, 2);
      add_column_text (builder, "office", leaders, 3);
      add_column_text (builder, "term_start", leaders, 4);
      add_column_text (builder, "term_end", leaders, 5);
      json_builder_end_object (builder);
      ok = ok && writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, leaders, ok ? rc : SQLITE_ERROR, error))
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
  sqlite3_stmt *stmt;
  int rc;

  stmt = readout_store_prepare (writer->store,
                                "SELECT st.id, st.speaker, st.side, st.kind, st.text, st.position,"
                                " (SELECT group_concat (name, char(31)) FROM (SELECT t.name"
                                "   FROM statement_topics x JOIN topics t ON t.id = x.topic_id"
                                "   WHERE x.statement_id = st.id ORDER BY t.name COLLATE NOCASE, t.id))"
                                " FROM statements st WHERE st.source_id = ? ORDER BY st.position, st.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);

  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) topics = readout_sql_column_strv (stmt, 6);

      json_builder_begin_object (builder);
      add_column_int (builder, "id", stmt, 0);
      add_column_text (builder, "speaker", stmt, 1);
      add_column_text (builder, "side", stmt, 2);
      add_column_text (builder, "kind", stmt, 3);
      add_column_text (builder, "text", stmt, 4);
      add_column_int (builder, "position", stmt, 5);
      json_builder_set_member_name (builder, "topics");
      json_builder_begin_array (builder);
      for (guint i = 0; topics[i] != NULL; i++)
        json_builder_add_string_value (builder, topics[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, stmt, rc, error);
}

static gboolean
write_sources (Writer       *writer,
               JsonBuilder  *builder,
               gint64        call_id,
               GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  stmt = readout_store_prepare (writer->store,
                                "SELECT id, publisher, kind, side, date, title, url, text"
                                " FROM sources WHERE call_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call_id);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_column_int (builder, "id", stmt, 0);
      add_column_text (builder, "publisher", stmt, 1);
      add_column_text (builder, "kind", stmt, 2);
      add_column_text (builder, "side", stmt, 3);
      add_column_text (builder, "date", stmt, 4);
      add_column_text (builder, "title", stmt, 5);
      add_column_text (builder, "url", stmt, 6);
      add_column_text (builder, "text", stmt, 7);
      ok = write_statements (writer, builder, sqlite3_column_int64 (stmt, 0), error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, stmt, ok ? rc : SQLITE_ERROR, error);
}

static gboolean
write_conflicts (Writer       *writer,
                 JsonBuilder  *builder,
                 gint64        call_id,
                 GError      **error)
{
  sqlite3_stmt *conflicts, *claims;
  gboolean ok = TRUE;
  int rc;

  conflicts = readout_store_prepare (writer->store, "SELECT id, field FROM conflicts"
                                                    " WHERE call_id = ? ORDER BY id", error);
  if (conflicts == NULL)
    return FALSE;
  sqlite3_bind_int64 (conflicts, 1, call_id);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  while (ok && (rc = sqlite3_step (conflicts)) == SQLITE_ROW)
    {
      int crc;

      claims = readout_store_prepare (writer->store, "SELECT value, source_id FROM conflict_claims"
                                                     " WHERE conflict_id = ? ORDER BY position", error);
      if (claims == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (claims, 1, sqlite3_column_int64 (conflicts, 0));

      json_builder_begin_object (builder);
      add_column_text (builder, "field", conflicts, 1);
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      while ((crc = sqlite3_step (claims)) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          add_column_text (builder, "value", claims, 0);
          add_column_int (builder, "source", claims, 1);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      ok = finish_rows (writer, claims, crc, error);
    }
  json_builder_end_array (builder);
  return finish_rows (writer, conflicts, ok ? rc : SQLITE_ERROR, error);
}

static gboolean
write_calls (Writer  *writer,
             GError **error)
{
  sqlite3_stmt *calls, *participants;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc;

  calls = readout_store_prepare (writer->store,
                                 "SELECT id, date, date_precision, time, duration_minutes,"
                                 " duration_qualifier, status, initiator_id FROM calls ORDER BY id",
                                 error);
  if (calls == NULL)
    return FALSE;

  g_string_append (writer->buffer, "\"calls\":[");
  while (ok && (rc = sqlite3_step (calls)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      gint64 call_id = sqlite3_column_int64 (calls, 0);
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
      sqlite3_bind_int64 (participants, 1, call_id);

      json_builder_begin_object (builder);
      add_column_int (builder, "id", calls, 0);
      add_column_text (builder, "date", calls, 1);
      add_column_text (builder, "date_precision", calls, 2);
      add_column_text (builder, "time", calls, 3);
      add_column_int (builder, "duration_minutes", calls, 4);
      add_column_text (builder, "duration_qualifier", calls, 5);
      add_column_text (builder, "status", calls, 6);
      add_column_int (builder, "initiator", calls, 7);
      json_builder_set_member_name (builder, "participants");
      json_builder_begin_array (builder);
      while ((prc = sqlite3_step (participants)) == SQLITE_ROW)
        json_builder_add_int_value (builder, sqlite3_column_int64 (participants, 0));
      json_builder_end_array (builder);
      ok = finish_rows (writer, participants, prc, error) &&
           write_sources (writer, builder, call_id, error) &&
           write_conflicts (writer, builder, call_id, error);
      json_builder_end_object (builder);
      ok = ok && writer_add_element (writer, builder, &first, error);
    }
  if (!finish_rows (writer, calls, ok ? rc : SQLITE_ERROR, error))
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
  sqlite3 *db;
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
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
    {
      readout_store_set_sqlite_error (store, sqlite3_errcode (db), "Could not read the store", error);
      return FALSE;
    }

  g_string_append_printf (buffer, "{\"format\":\"%s\",\"version\":%d,\n",
                          READOUT_JSON_FORMAT, READOUT_JSON_VERSION);
  ok = write_topics (&writer, error) &&
       write_leaders (&writer, error) &&
       write_calls (&writer, error) &&
       writer_flush (&writer, TRUE, error);

  if (own_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return ok;
}

gboolean
readout_store_export_json_file (ReadoutStore  *store,
                                const char    *path,
                                GError       **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = readout_safe_file_new_for_stream (path, error);
  return file != NULL &&
         readout_store_export_json (store, readout_safe_file_get_stream (file), NULL, error) &&
         readout_safe_file_commit (file, error);
}

/* ---------------------------------------------------------------------------------- */
/* Reading the document                                                               */

typedef struct {
  ReadoutSource *source;      /* id: the document's */
  GPtrArray *statements;      /* ReadoutStatement, ids: the document's */
} DocSource;

typedef struct {
  ReadoutCall *call;          /* participant and initiator ids: the document's leaders */
  GPtrArray *sources;         /* DocSource */
  GPtrArray *conflicts;       /* ReadoutConflict, claim sources: the document's ids */
} DocCall;

typedef struct {
  gboolean has_topics;        /* FALSE: the document leaves the topic list alone */
  GPtrArray *topics;          /* ReadoutTopic */
  GPtrArray *leaders;         /* ReadoutLeader */
  GArray *calls;              /* ReadoutJsonSpan: each call is read when it is imported */
} Document;

static void
doc_source_free (DocSource *source)
{
  g_clear_object (&source->source);
  g_clear_pointer (&source->statements, g_ptr_array_unref);
  g_free (source);
}

static void
doc_call_free (DocCall *call)
{
  g_clear_object (&call->call);
  g_clear_pointer (&call->sources, g_ptr_array_unref);
  g_clear_pointer (&call->conflicts, g_ptr_array_unref);
  g_free (call);
}

static void
document_clear (Document *doc)
{
  g_clear_pointer (&doc->topics, g_ptr_array_unref);
  g_clear_pointer (&doc->leaders, g_ptr_array_unref);
  g_clear_pointer (&doc->calls, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static gboolean G_GNUC_PRINTF (2, 3)
bad_input (GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Values quoted from the file may hold line breaks ("\n" in a string): one line. */
  for (char *p = message; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT, message);
  return FALSE;
}

/* @where names the object in messages: "leader 3", "a source of call 5". */
static gboolean
get_string (JsonObject   *object,
            const char   *member,
            gboolean      required,
            const char   *where,
            const char  **value,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || bad_input (error, _("In the file, %s has no “%s”."), where, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bad_input (error, _("In the file, the “%s” of %s is not a string."), member, where);
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject   *object,
         const char   *member,
         gboolean      required,
         gint64        minimum,
         const char   *where,
         gint64       *value,
         GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || bad_input (error, _("In the file, %s has no “%s”."), where, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < minimum)
    {
      g_autofree char *minimum_text = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);

      return bad_input (error, _("In the file, the “%s” of %s is not a whole number of at least %s."),
                        member, where, minimum_text);
    }
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_enum (JsonObject   *object,
          const char   *member,
          GType         enum_type,
          const char   *where,
          int          *value,
          GError      **error)
{
  const char *text;

  if (!get_string (object, member, FALSE, where, &text, error))
    return FALSE;
  if (text == NULL || readout_enum_from_string (enum_type, text, value))
    return TRUE;
  return bad_input (error, _("In the file, %s has an unknown %s “%s”."), where, member, text);
}

/* An optional array member; *array is NULL when it is absent. */
static gboolean
get_array (JsonObject   *object,
           const char   *member,
           const char   *where,
           JsonArray   **array,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_input (error, _("In the file, the “%s” of %s is not a list."), member, where);
  *array = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        index,
                    const char  *what,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_input (error, _("In the file, %s number %u is not an object."), what, index + 1);
      return NULL;
    }
  return json_node_get_object (node);
}

/* A NULL-terminated array of the strings of an optional list member. */
static gboolean
get_strv (JsonObject   *object,
          const char   *member,
          const char   *where,
          GStrv        *strv,
          GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!get_array (object, member, where, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return bad_input (error, _("In the file, the “%s” of %s are not all strings."), member, where);
      g_ptr_array_add (strings, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (strings, NULL);
  *strv = (GStrv) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

static gboolean
add_id (GHashTable  *ids,
        gint64       id,
        const char  *what,
        GError     **error)
{
  if (g_hash_table_contains (ids, &id))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      return bad_input (error, _("In the file, two %s have the id %s."), what, id_text);
    }
  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
  return TRUE;
}

static gboolean
read_topics (JsonArray  *array,
             Document   *doc,
             GError    **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "topic", error);
      g_autoptr(ReadoutTopic) topic = readout_topic_new ();
      g_autofree char *where = g_strdup_printf ("topic number %u", i + 1);
      JsonNode *keywords;
      const char *name;

      if (object == NULL || !get_string (object, "name", TRUE, where, &name, error))
        return FALSE;
      readout_topic_set_name (topic, name);

      keywords = json_object_get_member (object, "keywords");
      if (keywords != NULL && !JSON_NODE_HOLDS_NULL (keywords))
        {
          g_autoptr(GList) languages = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (keywords))
            return bad_input (error, _("In the file, the keywords of the topic “%s” are not an "
                                "object of lists by language."), name);
          languages = json_object_get_members (json_node_get_object (keywords));
          for (GList *l = languages; l != NULL; l = l->next)
            {
              g_auto(GStrv) words = NULL;

              if (!get_strv (json_node_get_object (keywords), l->data, where, &words, error))
                return FALSE;
              readout_topic_set_keywords (topic, l->data, (const char * const *) words);
            }
        }
      g_ptr_array_add (doc->topics, g_steal_pointer (&topic));
    }
  return TRUE;
}

static gboolean
read_leaders (JsonArray   *array,
              Document    *doc,
              GHashTable  *leader_ids,
              GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "leader", error);
      g_autoptr(ReadoutLeader) leader = readout_leader_new ();
      g_autofree char *where = g_strdup_printf ("leader number %u", i + 1);
      g_auto(GStrv) aliases = NULL;
      const char *name, *country, *office, *term_start, *term_end;
      gint64 id;

      if (object == NULL || !get_int (object, "id", TRUE, 1, where, &id, error))
        return FALSE;
      g_free (where);
      where = g_strdup_printf ("leader %" G_GINT64_FORMAT, id);
      if (!add_id (leader_ids, id, "leaders", error) ||
          !get_string (object, "name", TRUE, where, &name, error) ||
          !get_strv (object, "aliases", where, &aliases, error) ||
          !get_string (object, "country", FALSE, where, &country, error) ||
          !get_string (object, "office", FALSE, where, &office, error) ||
          !get_string (object, "term_start", FALSE, where, &term_start, error) ||
          !get_string (object, "term_end", FALSE, where, &term_end, error))
        return FALSE;

      readout_leader_set_id (leader, id);
      readout_leader_set_name (leader, name);
      readout_leader_set_aliases (leader, (const char * const *) aliases);
      readout_leader_set_country (leader, country);
      readout_leader_set_office (leader, office);
      readout_leader_set_term_start (leader, term_start);
      readout_leader_set_term_end (leader, term_end);
      g_ptr_array_add (doc->leaders, g_steal_pointer (&leader));
    }
  return TRUE;
}

static gboolean
read_statements (JsonArray         *array,
                 DocSource         *source,
                 GHashTable        *statement_ids,
                 const char        *source_where,
                 GError           **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "statement", error);
      g_autoptr(ReadoutStatement) statement = readout_statement_new ();
      g_autofree char *where = NULL;
      const char *speaker, *side, *text;
      int kind = READOUT_STATEMENT_KIND_PARAPHRASE;
      gint64 id, position = 0;

      where = g_strdup_printf ("statement number %u of %s", i + 1, source_where);
      if (object == NULL || !get_int (object, "id", TRUE, 1, where, &id, error))
        return FALSE;
      g_free (where);
      where = g_strdup_printf ("statement %" G_GINT64_FORMAT, id);
      if (!add_id (statement_ids, id, "statements", error) ||
          !get_string (object, "speaker", FALSE, where, &speaker, error) ||
          !get_string (object, "side", FALSE, where, &side, error) ||
          !get_enum (object, "kind", READOUT_TYPE_STATEMENT_KIND, where, &kind, error) ||
          !get_string (object, "text", TRUE, where, &text, error) ||
          !get_int (object, "position", FALSE, G_MININT32, where, &position, error))
        return FALSE;
      if (position > G_MAXINT32)
        return bad_input (error, _("In the file, the position of %s is too large."), where);

      readout_statement_set_id (statement, id);
      readout_statement_set_source_id (statement, readout_source_get_id (source->source));
      readout_statement_set_speaker (statement, speaker);
      readout_statement_set_side (statement, side);
      readout_statement_set_kind (statement, kind);
      readout_statement_set_text (statement, text);
      readout_statement_set_position (statement, (int) position);
      g_ptr_array_add (source->statements, g_steal_pointer (&statement));
    }
  return TRUE;
}

static gboolean
read_sources (JsonArray   *array,
              DocCall     *call,
              GHashTable  *source_ids,
              GHashTable  *statement_ids,
              const char  *call_where,
              GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "source", error);
      DocSource *doc_source;
      g_autoptr(ReadoutSource) source = readout_source_new ();
      g_autofree char *where = NULL;
      const char *publisher, *side, *date, *title, *url, *text;
      int kind = READOUT_SOURCE_KIND_NEWS_REPORT;
      JsonArray *statements;
      gint64 id;

      where = g_strdup_printf ("source number %u of %s", i + 1, call_where);
      if (object == NULL || !get_int (object, "id", TRUE, 1, where, &id, error))
        return FALSE;
      g_free (where);
      where = g_strdup_printf ("source %" G_GINT64_FORMAT, id);
      if (!add_id (source_ids, id, "sources", error) ||
          !get_string (object, "publisher", TRUE, where, &publisher, error) ||
          !get_enum (object, "kind", READOUT_TYPE_SOURCE_KIND, where, &kind, error) ||
          !get_string (object, "side", FALSE, where, &side, error) ||
          !get_string (object, "date", FALSE, where, &date, error) ||
          !get_string (object, "title", FALSE, where, &title, error) ||
          !get_string (object, "url", FALSE, where, &url, error) ||
          !get_string (object, "text", FALSE, where, &text, error) ||
          !get_array (object, "statements", where, &statements, error))
        return FALSE;

      readout_source_set_id (source, id);
      readout_source_set_publisher (source, publisher);
      readout_source_set_kind (source, kind);
      readout_source_set_side (source, side);
      readout_source_set_date (source, date);
      readout_source_set_title (source, title);
      readout_source_set_url (source, url);
      readout_source_set_text (source, text);

      doc_source = g_new0 (DocSource, 1);
      doc_source->source = g_steal_pointer (&source);
      doc_source->statements = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (call->sources, doc_source);
      if (!read_statements (statements, doc_source, statement_ids, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
call_has_source (DocCall *call,
                 gint64   source_id)
{
  for (guint i = 0; i < call->sources->len; i++)
    {
      DocSource *source = g_ptr_array_index (call->sources, i);

      if (readout_source_get_id (source->source) == source_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_conflicts (JsonArray   *array,
                DocCall     *call,
                const char  *call_where,
                GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "conflict", error);
      g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();
      g_autofree char *where = g_strdup_printf ("conflict number %u of %s", i + 1, call_where);
      JsonArray *claims;
      const char *field;

      if (object == NULL ||
          !get_string (object, "field", TRUE, where, &field, error) ||
          !get_array (object, "claims", where, &claims, error))
        return FALSE;
      readout_conflict_set_field (conflict, field);

      for (guint j = 0; claims != NULL && j < json_array_get_length (claims); j++)
        {
          JsonObject *claim = get_element_object (claims, j, "claim", error);
          const char *value;
          gint64 source_id = 0;

          if (claim == NULL ||
              !get_string (claim, "value", TRUE, where, &value, error) ||
              !get_int (claim, "source", FALSE, 1, where, &source_id, error))
            return FALSE;
          if (source_id != 0 && !call_has_source (call, source_id))
            {
              g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, source_id);

              return bad_input (error, _("In the file, %s cites source %s, which is not one of "
                                         "the call’s sources."), where, id_text);
            }
          readout_conflict_add_claim (conflict, value, source_id, NULL);
        }
      g_ptr_array_add (call->conflicts, g_steal_pointer (&conflict));
    }
  return TRUE;
}

/* The ids every call, source and statement of the document used so far. */
typedef struct {
  GHashTable *leaders;        /* filled by read_leaders() */
  GHashTable *calls;
  GHashTable *sources;
  GHashTable *statements;
} DocIds;

static void
doc_ids_init (DocIds *ids)
{
  ids->leaders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ids->calls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ids->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ids->statements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
doc_ids_clear (DocIds *ids)
{
  g_clear_pointer (&ids->leaders, g_hash_table_unref);
  g_clear_pointer (&ids->calls, g_hash_table_unref);
  g_clear_pointer (&ids->sources, g_hash_table_unref);
  g_clear_pointer (&ids->statements, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocIds, doc_ids_clear)

static gboolean
read_participants (JsonArray    *participants,
                   gint64        initiator,
                   GHashTable   *leader_ids,
                   const char   *where,
                   ReadoutCall  *call,
                   GError      **error)
{
  g_autoptr(GArray) participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint j = 0; participants != NULL && j < json_array_get_length (participants); j++)
    {
      JsonNode *node = json_array_get_element (participants, j);
      gint64 leader_id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return bad_input (error, _("In the file, the participants of %s are not all leader ids."),
                          where);
      leader_id = json_node_get_int (node);
      if (!g_hash_table_contains (leader_ids, &leader_id))
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, leader_id);

          return bad_input (error, _("In the file, %s names leader %s as a participant, but "
                                     "there is no leader with that id."), where, id_text);
        }
      g_array_append_val (participant_ids, leader_id);
    }
  if (initiator != 0 && !g_hash_table_contains (leader_ids, &initiator))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, initiator);

      return bad_input (error, _("In the file, %s names leader %s as its initiator, but there "
                                 "is no leader with that id."), where, id_text);
    }
  readout_call_set_initiator_id (call, initiator);
  readout_call_set_participant_ids (call, (const gint64 *) (gpointer) participant_ids->data,
                                    participant_ids->len);
  return TRUE;
}

/* One call of the document, number @index + 1, with its sources and conflicts. */
static DocCall *
read_call (JsonObject  *object,
           guint        index,
           DocIds      *ids,
           GError     **error)
{
  g_autoptr(ReadoutCall) call = readout_call_new ();
  g_autofree char *where = g_strdup_printf ("call number %u", index + 1);
  const char *date, *time;
  int precision = READOUT_DATE_PRECISION_DAY;
  int qualifier = READOUT_DURATION_UNKNOWN;
  int status = READOUT_CALL_STATUS_HELD;
  gint64 id, minutes = -1, initiator = 0;
  JsonArray *participants, *sources, *conflicts;
  DocCall *doc_call;

  if (!get_int (object, "id", TRUE, 1, where, &id, error))
    return NULL;
  g_free (where);
  where = g_strdup_printf ("call %" G_GINT64_FORMAT, id);
  if (!add_id (ids->calls, id, "calls", error) ||
      !get_string (object, "date", TRUE, where, &date, error) ||
      !get_enum (object, "date_precision", READOUT_TYPE_DATE_PRECISION, where, &precision, error) ||
      !get_string (object, "time", FALSE, where, &time, error) ||
      !get_int (object, "duration_minutes", FALSE, 0, where, &minutes, error) ||
      !get_enum (object, "duration_qualifier", READOUT_TYPE_DURATION_QUALIFIER, where,
                 &qualifier, error) ||
      !get_enum (object, "status", READOUT_TYPE_CALL_STATUS, where, &status, error) ||
      !get_int (object, "initiator", FALSE, 1, where, &initiator, error) ||
      !get_array (object, "participants", where, &participants, error) ||
      !get_array (object, "sources", where, &sources, error) ||
      !get_array (object, "conflicts", where, &conflicts, error))
    return NULL;
  if (minutes > G_MAXINT32)
    {
      bad_input (error, _("In the file, the duration of %s is too long."), where);
      return NULL;
    }
  if (!read_participants (participants, initiator, ids->leaders, where, call, error))
    return NULL;

  readout_call_set_id (call, id);
  readout_call_set_date (call, date);
  readout_call_set_date_precision (call, precision);
  readout_call_set_time (call, time);
  readout_call_set_duration_minutes (call, (int) minutes);
  readout_call_set_duration_qualifier (call, qualifier);
  readout_call_set_status (call, status);

  doc_call = g_new0 (DocCall, 1);
  doc_call->call = g_steal_pointer (&call);
  doc_call->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_source_free);
  doc_call->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  if (!read_sources (sources, doc_call, ids->sources, ids->statements, where, error) ||
      !read_conflicts (conflicts, doc_call, where, error))
    {
      doc_call_free (doc_call);
      return NULL;
    }
  return doc_call;
}

/* Turns json-glib's "<data>:3:12: Parse error: unexpected …" about the part of the
 * document at @span into a sentence with the line and column in the whole file. */
static void
set_parse_error (const GError           *parse_error,
                 const ReadoutJsonSpan  *span,
                 GError                **error)
{
  const char *message = parse_error->message;
  const char *detail;
  unsigned line, column;
  int consumed = 0;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  if (sscanf (message, "%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      detail = message + consumed;
      if (g_str_has_prefix (detail, "Parse error: "))
        detail += strlen ("Parse error: ");
      if (line <= 1)
        column += span->column - 1;
      bad_input (error, _("The file is not valid JSON: at line %u, column %u, %s."),
                 span->line + MAX (line, 1) - 1, column, detail);
    }
  else
    bad_input (error, _("The file is not valid JSON: %s."), parse_error->message);
}

/* Parses the part of the document at @span; the node belongs to @parser. */
static JsonNode *
parse_span (JsonParser             *parser,
            const char             *data,
            const ReadoutJsonSpan  *span,
            GError                **error)
{
  g_autoptr(GError) parse_error = NULL;

  if (!json_parser_load_from_data (parser, data + span->offset, (gssize) span->length, &parse_error))
    {
      set_parse_error (parse_error, span, error);
      return NULL;
    }
  return json_parser_get_root (parser);
}

/* The member @name of the root as a list, parsed whole (topics and leaders, which are
 * few); *array is NULL when it is absent or null. */
static gboolean
parse_list (JsonParser   *parser,
            const char   *data,
            GHashTable   *members,
            const char   *name,
            JsonArray   **array,
            GError      **error)
{
  const ReadoutJsonSpan *span = g_hash_table_lookup (members, name);
  JsonNode *node;

  *array = NULL;
  if (span == NULL)
    return TRUE;
  node = parse_span (parser, data, span, error);
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_input (error, _("In the file, the “%s” of %s is not a list."), name, "the document");
  *array = json_node_get_array (node);
  return TRUE;
}

/* The value of a root member that must be a string or a number, or NULL. */
static JsonNode *
parse_scalar (JsonParser  *parser,
              const char  *data,
              GHashTable  *members,
              const char  *name,
              GError     **error)
{
  const ReadoutJsonSpan *span = g_hash_table_lookup (members, name);
  JsonNode *node;

  if (span == NULL)
    return NULL;
  node = parse_span (parser, data, span, error);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static gboolean
check_format (JsonParser  *parser,
              const char  *data,
              GHashTable  *members,
              GError     **error)
{
  g_autofree char *format = NULL;
  JsonNode *node;
  gint64 version;

  node = parse_scalar (parser, data, members, "format", error);
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    format = g_strdup (json_node_get_string (node));
  if (g_strcmp0 (format, READOUT_JSON_FORMAT) != 0)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      if (format != NULL)
        return bad_input (error, _("The file is not a Readout export: its format is “%s”, not “%s”."),
                          format, READOUT_JSON_FORMAT);
      return bad_input (error, _("The file is not a Readout export: it has no “format”: “%s”."),
                        READOUT_JSON_FORMAT);
    }
  node = parse_scalar (parser, data, members, "version", error);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      /* A version that is not JSON at all has its error already. */
      if (error != NULL && *error != NULL)
        return FALSE;
      return bad_input (error, _("The file is not a Readout export: it has no valid “version”."));
    }
  version = json_node_get_int (node);
  if (version > READOUT_JSON_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return bad_input (error, _("The file was written by a newer Readout (export format version %s; "
                                 "this version reads up to %d): update Readout to import it."),
                        version_text, READOUT_JSON_VERSION);
    }
  return TRUE;
}

/* Reads all of the document but its calls, and where each call is. */
static gboolean
read_document (const char  *data,
               gsize        length,
               Document    *doc,
               DocIds      *ids,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) members = readout_json_outline_members (data, length, error);
  const ReadoutJsonSpan *calls;
  JsonArray *array;

  if (members == NULL || !check_format (parser, data, members, error))
    return FALSE;

  doc->topics = g_ptr_array_new_with_free_func (g_object_unref);
  doc->leaders = g_ptr_array_new_with_free_func (g_object_unref);
  if (!parse_list (parser, data, members, "topics", &array, error) ||
      !read_topics (array, doc, error))
    return FALSE;
  doc->has_topics = array != NULL;
  if (!parse_list (parser, data, members, "leaders", &array, error) ||
      !read_leaders (array, doc, ids->leaders, error))
    return FALSE;

  calls = g_hash_table_lookup (members, "calls");
  if (calls == NULL || (calls->length == 4 && memcmp (data + calls->offset, "null", 4) == 0))
    doc->calls = g_array_new (FALSE, FALSE, sizeof (ReadoutJsonSpan));
  else if (!readout_json_outline_is_list (data, calls))
    return bad_input (error, _("In the file, the “%s” of %s is not a list."), "calls", "the document");
  else
    doc->calls = readout_json_outline_elements (data, calls, error);
  return doc->calls != NULL;
}

/* ---------------------------------------------------------------------------------- */
/* Writing the document into the store                                                */

typedef struct {
  ReadoutStore *store;
  gboolean keep_ids;
  GHashTable *leader_map;     /* document id -> store id */
  GHashTable *source_map;
  ReadoutJsonImportCounts counts;
} Import;

static void
map_id (GHashTable *map,
        gint64      from,
        gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static gint64
lookup_id (GHashTable *map,
           gint64      from)
{
  gint64 *to = g_hash_table_lookup (map, &from);

  return to != NULL ? *to : 0;
}

/* A value the store refuses is bad input; a locked or read-only store is not. */
static gboolean
refused (GError      **error,
         GError       *store_error,
         const char   *what,
         gint64        id)
{
  if (store_error->domain == READOUT_ERROR &&
      (store_error->code == READOUT_ERROR_INVALID || store_error->code == READOUT_ERROR_NOT_FOUND))
    {
      if (id > 0)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          /* Translators: "Could not import call 5 of the file: …"; the first %s is "leader",
           * "call" or "topic". */
          bad_input (error, _("Could not import %s %s of the file: %s"),
                     what, id_text, store_error->message);
        }
      else
        bad_input (error, _("Could not import the %s of the file: %s"), what, store_error->message);
      g_error_free (store_error);
    }
  else
    g_propagate_error (error, store_error);
  return FALSE;
}

static gboolean
store_is_empty (ReadoutStore  *store,
                gboolean      *empty,
                GError       **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM leaders)"
                                                     " OR EXISTS (SELECT 1 FROM calls)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *empty = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      readout_store_set_sqlite_error (store, rc, "Could not read the store", error);
      return FALSE;
    }
  return TRUE;
}

/* The store's keywords are lower case and trimmed; compare the document's the same way. */
static GPtrArray *
normalised_keywords (const char * const *keywords)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      char *word = g_utf8_strdown (keywords[i], -1);

      g_strstrip (word);
      if (word[0] == '\0' || g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
        g_free (word);
      else
        g_ptr_array_add (words, word);
    }
  return words;
}

/* Adds the keywords of @from to @into; TRUE when any was new. */
static gboolean
merge_keywords (ReadoutTopic *into,
                ReadoutTopic *from,
                gboolean      replace)
{
  g_auto(GStrv) languages = readout_topic_dup_languages (from);
  g_auto(GStrv) old_languages = readout_topic_dup_languages (into);
  gboolean changed = FALSE;

  if (replace)
    {
      /* A language the document does not have loses its keywords. */
      for (guint i = 0; old_languages[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) languages, old_languages[i]))
          {
            const char *none[] = { NULL };

            readout_topic_set_keywords (into, old_languages[i], none);
            changed = TRUE;
          }
    }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = normalised_keywords (readout_topic_get_keywords (from, languages[i]));
      g_autoptr(GPtrArray) merged = replace ? g_ptr_array_new ()
                                            : normalised_keywords (readout_topic_get_keywords (into, languages[i]));
      const char * const *old_words = readout_topic_get_keywords (into, languages[i]);
      guint n_old = old_words != NULL ? g_strv_length ((char **) old_words) : 0;
      gboolean same;

      if (replace)
        for (guint j = 0; j < words->len; j++)
          g_ptr_array_add (merged, g_ptr_array_index (words, j));
      else
        for (guint j = 0; j < words->len; j++)
          if (!g_ptr_array_find_with_equal_func (merged, g_ptr_array_index (words, j), g_str_equal, NULL))
            g_ptr_array_add (merged, g_strdup (g_ptr_array_index (words, j)));

      same = merged->len == n_old;
      for (guint j = 0; same && j < merged->len; j++)
        same = g_strv_contains (old_words, g_ptr_array_index (merged, j));
      if (!same)
        {
          g_ptr_array_add (merged, NULL);
          readout_topic_set_keywords (into, languages[i], (const char * const *) merged->pdata);
          g_ptr_array_remove_index (merged, merged->len - 1);
          changed = TRUE;
        }
      if (replace)
        g_ptr_array_set_free_func (merged, NULL);
    }
  return changed;
}

static GPtrArray *
load_store_topics (ReadoutStore  *store,
                   GError       **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt, *keywords;
  int rc;

  stmt = readout_store_prepare (store, "SELECT id, name FROM topics ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReadoutTopic *topic = readout_topic_new ();

      readout_topic_set_id (topic, sqlite3_column_int64 (stmt, 0));
      readout_topic_set_name (topic, readout_sql_column_text (stmt, 1));
      g_ptr_array_add (topics, topic);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (store, rc, "Could not read the topic list", error);
      return NULL;
    }

  for (guint i = 0; i < topics->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *language = NULL;

      keywords = readout_store_prepare (store, "SELECT language, keyword FROM topic_keywords"
                                               " WHERE topic_id = ? ORDER BY language, keyword", error);
      if (keywords == NULL)
        return NULL;
      sqlite3_bind_int64 (keywords, 1, readout_topic_get_id (topic));
      for (;;)
        {
          rc = sqlite3_step (keywords);
          if (rc != SQLITE_ROW ||
              (language != NULL && strcmp (language, readout_sql_column_text (keywords, 0)) != 0))
            {
              if (language != NULL)
                {
                  g_ptr_array_add (words, NULL);
                  readout_topic_set_keywords (topic, language, (const char * const *) words->pdata);
                  g_ptr_array_set_size (words, 0);
                  g_clear_pointer (&language, g_free);
                }
              if (rc != SQLITE_ROW)
                break;
            }
          if (language == NULL)
            language = g_strdup (readout_sql_column_text (keywords, 0));
          g_ptr_array_add (words, g_strdup (readout_sql_column_text (keywords, 1)));
        }
      sqlite3_reset (keywords);
      if (rc != SQLITE_DONE)
        {
          readout_store_set_sqlite_error (store, rc, "Could not read the topic list", error);
          return NULL;
        }
    }
  return g_steal_pointer (&topics);
}

/* Topics match by name, case-insensitively. Into an empty store the document's list
 * replaces the shipped one, so that the round trip gives the same list; otherwise
 * matched topics gain the document's keywords. Each change re-tags the store's
 * statements (before the document's are added, so that costs nothing in an empty store). */
static gboolean
import_topics (Import    *import,
               Document  *doc,
               GError   **error)
{
  g_autoptr(GPtrArray) existing = load_store_topics (import->store, error);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (existing, i);

      g_hash_table_insert (by_name, g_utf8_casefold (readout_topic_get_name (topic), -1), topic);
    }

  for (guint i = 0; i < doc->topics->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (doc->topics, i);
      g_autofree char *key = g_utf8_casefold (readout_topic_get_name (topic), -1);
      ReadoutTopic *match = g_hash_table_lookup (by_name, key);
      GError *local_error = NULL;

      if (match != NULL)
        {
          gboolean renamed = import->keep_ids &&
                             g_strcmp0 (readout_topic_get_name (match), readout_topic_get_name (topic)) != 0;

          g_hash_table_add (wanted, match);
          if (renamed)
            readout_topic_set_name (match, readout_topic_get_name (topic));
          if (merge_keywords (match, topic, import->keep_ids) || renamed)
            {
              if (!readout_store_update_topic (import->store, match, &local_error))
                return refused (error, local_error, "topic", 0);
              import->counts.topics_changed++;
            }
        }
      else
        {
          g_autoptr(ReadoutTopic) copy = readout_topic_new ();

          readout_topic_set_name (copy, readout_topic_get_name (topic));
          merge_keywords (copy, topic, TRUE);
          if (!readout_store_insert_topic (import->store, copy, &local_error))
            return refused (error, local_error, "topic", 0);
          g_hash_table_insert (by_name, g_steal_pointer (&key), copy);
          g_ptr_array_add (existing, g_object_ref (copy));
          g_hash_table_add (wanted, copy);
          import->counts.topics_added++;
        }
    }

  if (import->keep_ids && doc->has_topics)
    for (guint i = 0; i < existing->len; i++)
      {
        ReadoutTopic *topic = g_ptr_array_index (existing, i);
        GError *local_error = NULL;

        if (g_hash_table_contains (wanted, topic))
          continue;
        if (!readout_store_delete_topic (import->store, readout_topic_get_id (topic), &local_error))
          return refused (error, local_error, "topic", 0);
        import->counts.topics_changed++;
      }
  return TRUE;
}

static gint64
find_leader (Import       *import,
             const char   *name,
             const char   *country,
             gboolean      alias_too,
             GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  /* The country must be the same, NULL matching NULL ("IS"). */
  stmt = readout_store_prepare (import->store,
                                alias_too
                                ? "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                  " AND country IS upper (?2)"
                                  " UNION ALL SELECT l.id FROM leader_aliases a"
                                  " JOIN leaders l ON l.id = a.leader_id"
                                  " WHERE casefold (a.alias) = casefold (?1) AND l.country IS upper (?2)"
                                  " LIMIT 1"
                                : "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                  " AND country IS upper (?2) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (country != NULL && country[0] != '\0')
    sqlite3_bind_text (stmt, 2, country, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
merge_leader (Import         *import,
              gint64          id,
              ReadoutLeader  *from,
              GError        **error)
{
  g_autoptr(ReadoutLeader) leader = readout_store_get_leader (import->store, id, error);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  const char * const *old_aliases, *const *new_aliases;
  gboolean changed = FALSE;
  GError *local_error = NULL;

  if (leader == NULL)
    return FALSE;
  old_aliases = readout_leader_get_aliases (leader);
  new_aliases = readout_leader_get_aliases (from);
  for (guint i = 0; old_aliases != NULL && old_aliases[i] != NULL; i++)
    g_ptr_array_add (aliases, (gpointer) old_aliases[i]);
  for (guint i = 0; new_aliases != NULL && new_aliases[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (aliases, new_aliases[i], g_str_equal, NULL) &&
        g_strcmp0 (new_aliases[i], readout_leader_get_name (leader)) != 0)
      {
        g_ptr_array_add (aliases, (gpointer) new_aliases[i]);
        changed = TRUE;
      }
  g_ptr_array_add (aliases, NULL);

  /* What the store does not know yet is taken from the document; what it knows stays. */
#define FILL(field) \
  if (readout_leader_get_##field (leader) == NULL && readout_leader_get_##field (from) != NULL) \
    { readout_leader_set_##field (leader, readout_leader_get_##field (from)); changed = TRUE; }
  FILL (office)
  FILL (term_start)
  FILL (term_end)
#undef FILL

  if (!changed)
    return TRUE;
  readout_leader_set_aliases (leader, (const char * const *) aliases->pdata);
  if (!readout_store_update_leader (import->store, leader, &local_error))
    return refused (error, local_error, "leader", readout_leader_get_id (from));
  return TRUE;
}

/* A leader of the same country whose name is the document leader's name or one of its
 * aliases, or whose alias is the document leader's name, is the same person. Two
 * leaders that merely share an alias ("the Russian president") are not. */
static gboolean
import_leaders (Import    *import,
                Document  *doc,
                GError   **error)
{
  for (guint i = 0; i < doc->leaders->len; i++)
    {
      ReadoutLeader *leader = g_ptr_array_index (doc->leaders, i);
      gint64 doc_id = readout_leader_get_id (leader);
      const char *country = readout_leader_get_country (leader);
      gint64 id = 0;
      GError *local_error = NULL;

      if (!import->keep_ids)
        {
          const char * const *aliases = readout_leader_get_aliases (leader);

          id = find_leader (import, readout_leader_get_name (leader), country, TRUE, error);
          for (guint j = 0; id == 0 && aliases != NULL && aliases[j] != NULL; j++)
            id = find_leader (import, aliases[j], country, FALSE, error);
          if (id < 0)
            return FALSE;
        }

      if (id > 0)
        {
          if (!merge_leader (import, id, leader, error))
            return FALSE;
          import->counts.leaders_matched++;
        }
      else
        {
          if (!import->keep_ids)
            readout_leader_set_id (leader, 0);
          if (!readout_store_insert_leader (import->store, leader, &local_error))
            return refused (error, local_error, "leader", doc_id);
          id = readout_leader_get_id (leader);
          import->counts.leaders_added++;
        }
      map_id (import->leader_map, doc_id, id);
    }
  return TRUE;
}

static gboolean
same_participants (Import        *import,
                   gint64         call_id,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  gboolean same = TRUE;
  int rc;

  stmt = readout_store_prepare (import->store, "SELECT leader_id FROM call_participants"
                                               " WHERE call_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean found = FALSE;

      for (guint i = 0; !found && i < n_ids; i++)
        found = ids[i] == id;
      same = same && found;
      n++;
    }
  sqlite3_reset (stmt);
  return same && n == n_ids;
}

/* A stored call with the same participants within a day (for a date of day precision;
 * on the same month or year otherwise); 0 when there is none. */
static gint64
find_call (Import       *import,
           ReadoutCall  *call,
           GError      **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  guint n_ids;
  ReadoutDatePrecision precision;
  GDate date;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  sqlite3_stmt *stmt;
  int rc;

  ids = readout_call_get_participant_ids (call, &n_ids);
  if (n_ids == 0)
    return 0;
  g_date_clear (&date, 1);
  if (!readout_parse_iso_date (readout_call_get_date (call), &precision, &date))
    return 0;   /* the store will refuse it with its own message */

  if (precision == READOUT_DATE_PRECISION_DAY && g_date_valid (&date))
    {
      GDate day = date;

      g_date_subtract_days (&day, 1);
      low = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                             g_date_get_day (&day));
      g_date_add_days (&day, 2);
      high = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day));
    }
  else
    {
      low = g_strdup (readout_call_get_date (call));
      high = g_strdup (low);
    }

  stmt = readout_store_prepare (import->store,
                                "SELECT c.id FROM call_participants p JOIN calls c ON c.id = p.call_id"
                                " WHERE p.leader_id = ?1 AND p.call_date BETWEEN ?2 AND ?3"
                                " AND c.date_precision = ?4"
                                " ORDER BY abs (julianday (c.date) - julianday (?5)), c.id", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, ids[0]);
  sqlite3_bind_text (stmt, 2, low, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, high, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, readout_enum_to_string (READOUT_TYPE_DATE_PRECISION, precision), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, readout_call_get_date (call), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (candidates, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (import->store, rc, "Could not read the store", error);
      return -1;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);

      if (same_participants (import, id, ids, n_ids, error))
        return id;
    }
  return 0;
}

static gint64
find_source (Import         *import,
             ReadoutSource  *source,
             gint64          call_id,
             GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = readout_store_prepare (import->store,
                                "SELECT id FROM sources WHERE call_id = ?1 AND publisher = ?2"
                                " AND coalesce (title, '') = coalesce (?3, '')"
                                " AND text = coalesce (?4, '') ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_text (stmt, 2, readout_source_get_publisher (source), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, readout_source_get_title (source), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, readout_source_get_text (source), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* TRUE when @call_id already has a conflict on the same field with the same claims. */
static gboolean
has_conflict (Import           *import,
              gint64            call_id,
              ReadoutConflict  *conflict,
              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 current = 0;
  guint n = 0;
  gboolean same = FALSE, found = FALSE;
  int rc;

  stmt = readout_store_prepare (import->store,
                                "SELECT c.id, cc.value, cc.source_id FROM conflicts c"
                                " JOIN conflict_claims cc ON cc.conflict_id = c.id"
                                " WHERE c.call_id = ? AND c.field = ? ORDER BY c.id, cc.position",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_text (stmt, 2, readout_conflict_get_field (conflict), -1, SQLITE_TRANSIENT);
  while (!found && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != current)
        {
          found = current != 0 && same && n == readout_conflict_get_n_claims (conflict);
          current = id;
          same = TRUE;
          n = 0;
        }
      same = same && n < readout_conflict_get_n_claims (conflict) &&
             g_strcmp0 (readout_sql_column_text (stmt, 1),
                        readout_conflict_get_claim_value (conflict, n)) == 0 &&
             sqlite3_column_int64 (stmt, 2) == readout_conflict_get_claim_source_id (conflict, n);
      n++;
    }
  if (!found)
    found = current != 0 && same && n == readout_conflict_get_n_claims (conflict);
  sqlite3_reset (stmt);
  return found;
}

static gboolean
import_call (Import   *import,
             DocCall  *doc_call,
             GError  **error)
{
  ReadoutCall *call = doc_call->call;
  gint64 doc_id = readout_call_get_id (call);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *doc_ids;
  guint n_ids;
  gint64 call_id = 0;
  gboolean matched = FALSE;
  GError *local_error = NULL;

  doc_ids = readout_call_get_participant_ids (call, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 id = lookup_id (import->leader_map, doc_ids[i]);

      g_array_append_val (ids, id);
    }
  readout_call_set_participant_ids (call, (const gint64 *) (gpointer) ids->data, ids->len);
  if (readout_call_get_initiator_id (call) != 0)
    readout_call_set_initiator_id (call, lookup_id (import->leader_map,
                                                    readout_call_get_initiator_id (call)));

  if (!import->keep_ids)
    {
      call_id = find_call (import, call, error);
      if (call_id < 0)
        return FALSE;
      matched = call_id > 0;
    }
  if (matched)
    import->counts.calls_matched++;
  else
    {
      if (!import->keep_ids)
        readout_call_set_id (call, 0);
      if (!readout_store_insert_call (import->store, call, &local_error))
        return refused (error, local_error, "call", doc_id);
      call_id = readout_call_get_id (call);
      import->counts.calls_added++;
    }

  for (guint i = 0; i < doc_call->sources->len; i++)
    {
      DocSource *doc_source = g_ptr_array_index (doc_call->sources, i);
      ReadoutSource *source = doc_source->source;
      gint64 doc_source_id = readout_source_get_id (source);
      gint64 source_id = 0;

      /* The same article imported twice adds nothing the second time. */
      if (matched)
        {
          source_id = find_source (import, source, call_id, error);
          if (source_id < 0)
            return FALSE;
        }
      if (source_id > 0)
        {
          map_id (import->source_map, doc_source_id, source_id);
          import->counts.sources_skipped++;
          continue;
        }

      readout_source_set_call_id (source, call_id);
      if (!import->keep_ids)
        readout_source_set_id (source, 0);
      if (!readout_store_insert_source (import->store, source, &local_error))
        return refused (error, local_error, "source", doc_source_id);
      source_id = readout_source_get_id (source);
      map_id (import->source_map, doc_source_id, source_id);
      import->counts.sources_added++;

      for (guint j = 0; j < doc_source->statements->len; j++)
        {
          ReadoutStatement *statement = g_ptr_array_index (doc_source->statements, j);
          gint64 doc_statement_id = readout_statement_get_id (statement);

          readout_statement_set_source_id (statement, source_id);
          readout_statement_set_call_id (statement, 0);
          if (!import->keep_ids)
            readout_statement_set_id (statement, 0);
          if (!readout_store_insert_statement (import->store, statement, &local_error))
            return refused (error, local_error, "statement", doc_statement_id);
          import->counts.statements_added++;
        }
    }

  for (guint i = 0; i < doc_call->conflicts->len; i++)
    {
      ReadoutConflict *doc_conflict = g_ptr_array_index (doc_call->conflicts, i);
      g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();

      readout_conflict_set_call_id (conflict, call_id);
      readout_conflict_set_field (conflict, readout_conflict_get_field (doc_conflict));
      for (guint j = 0; j < readout_conflict_get_n_claims (doc_conflict); j++)
        {
          gint64 source_id = readout_conflict_get_claim_source_id (doc_conflict, j);

          readout_conflict_add_claim (conflict, readout_conflict_get_claim_value (doc_conflict, j),
                                      source_id != 0 ? lookup_id (import->source_map, source_id) : 0,
                                      NULL);
        }
      if (matched && has_conflict (import, call_id, conflict, error))
        continue;
      if (!readout_store_insert_conflict (import->store, conflict, &local_error))
        return refused (error, local_error, "conflict of call", doc_id);
      import->counts.conflicts_added++;
    }
  return TRUE;
}

/* Reads and imports one call at a time, so only one call's tree is ever in memory. */
static gboolean
import_calls (Import       *import,
              const char   *data,
              Document     *doc,
              DocIds       *ids,
              GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  for (guint i = 0; i < doc->calls->len; i++)
    {
      JsonNode *node = parse_span (parser, data, &g_array_index (doc->calls, ReadoutJsonSpan, i), error);
      DocCall *doc_call;
      gboolean ok;

      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_input (error, _("In the file, %s number %u is not an object."), "call", i + 1);
      doc_call = read_call (json_node_get_object (node), i, ids, error);
      ok = doc_call != NULL && import_call (import, doc_call, error);
      g_clear_pointer (&doc_call, doc_call_free);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_store_import_json (ReadoutStore             *store,
                           const char               *data,
                           gssize                    length,
                           ReadoutJsonImportCounts  *counts,
                           GError                  **error)
{
  g_auto(Document) doc = { 0, };
  g_auto(DocIds) ids = { NULL, };
  g_autoptr(GHashTable) leader_map = NULL;
  g_autoptr(GHashTable) source_map = NULL;
  Import import = { NULL, };
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  /* The outline, topics and leaders are checked before the store is touched; the calls
   * as they are imported, in the one transaction that an error rolls back. */
  doc_ids_init (&ids);
  if (!read_document (data, length < 0 ? strlen (data) : (gsize) length, &doc, &ids, error))
    return FALSE;

  leader_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  source_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  import.store = store;
  import.leader_map = leader_map;
  import.source_map = source_map;

  if (!readout_store_begin (store, error))
    return FALSE;
  ok = store_is_empty (store, &import.keep_ids, error) &&
       import_topics (&import, &doc, error) &&
       import_leaders (&import, &doc, error);
  /* Into an empty store, indexing everything in one pass at the end is faster than a
   * trigger per row; into a full one, re-indexing the whole store would not be. */
  if (ok && import.keep_ids)
    ok = readout_store_schema_suspend_fts (readout_store_get_db (store), error);
  ok = ok && import_calls (&import, data, &doc, &ids, error);
  if (ok && import.keep_ids)
    ok = readout_store_schema_resume_fts (readout_store_get_db (store), error);
  if (!ok)
    {
      readout_store_rollback (store);
      return FALSE;
    }
  if (!readout_store_commit (store, error))
    return FALSE;
  if (counts != NULL)
    *counts = import.counts;
  return TRUE;
}

gboolean
readout_store_import_json_file (ReadoutStore             *store,
                                const char               *path,
                                ReadoutJsonImportCounts  *counts,
                                GError                  **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean too_large;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = readout_input_file_read (path, READOUT_JSON_MAX_IMPORT_SIZE, &length, &too_large, error);
  if (too_large)
    return bad_input (error, _("“%s” is too large to be a Readout export (over 1 GB)."), path);
  if (data == NULL)
    return FALSE;
  if (length == 0)
    return bad_input (error, _("“%s” is empty: there is nothing to import."), path);
  if (memchr (data, '\0', length) != NULL)
    return bad_input (error, _("“%s” is not a Readout export: it is a binary file, not JSON text."), path);
  if (!g_utf8_validate (data, (gssize) length, NULL))
    return bad_input (error, _("“%s” is not a Readout export: it is not UTF-8 text."), path);

  return readout_store_import_json (store, data, (gssize) length, counts, error);
}

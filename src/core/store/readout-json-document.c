// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-json-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-json-document.h"
#include "readout-json-outline.h"
#include "readout-store-json.h"

/* Reading a JSON export into models, checked as it goes: every message names the
 * object ("leader 3", "statement number 2 of source 7") and says what is wrong with it. */

static const ReadoutJsonField leader_fields[] = {
  { "id", "id", "id", TRUE, 1 },
  { "name", "name", "name", TRUE, 0 },
  { "country", "country", "country", FALSE, 0 },
  { "office", "office", "office", FALSE, 0 },
  { "term_start", "term_start", "term-start", FALSE, 0 },
  { "term_end", "term_end", "term-end", FALSE, 0 },
};

static const ReadoutJsonField call_fields[] = {
  { "id", "id", "id", TRUE, 1 },
  { "date", "date", "date", TRUE, 0 },
  { "date_precision", "date_precision", "date-precision", FALSE, 0 },
  { "time", "time", "time", FALSE, 0 },
  { "duration_minutes", "duration_minutes", "duration-minutes", FALSE, 0 },
  { "duration_qualifier", "duration_qualifier", "duration-qualifier", FALSE, 0 },
  { "status", "status", "status", FALSE, 0 },
  { "initiator", "initiator_id", "initiator-id", FALSE, 1 },
};

static const ReadoutJsonField source_fields[] = {
  { "id", "id", "id", TRUE, 1 },
  { "publisher", "publisher", "publisher", TRUE, 0 },
  { "kind", "kind", "kind", FALSE, 0 },
  { "side", "side", "side", FALSE, 0 },
  { "date", "date", "date", FALSE, 0 },
  { "title", "title", "title", FALSE, 0 },
  { "url", "url", "url", FALSE, 0 },
  { "text", "text", "text", FALSE, 0 },
};

static const ReadoutJsonField statement_fields[] = {
  { "id", "st.id", "id", TRUE, 1 },
  { "speaker", "st.speaker", "speaker", FALSE, 0 },
  { "side", "st.side", "side", FALSE, 0 },
  { "kind", "st.kind", "kind", FALSE, 0 },
  { "text", "st.text", "text", TRUE, 0 },
  { "position", "st.position", "position", FALSE, 0 },
};

const ReadoutJsonTable readout_json_leaders = {
  "leader", "leaders", "FROM leaders ORDER BY id", leader_fields, G_N_ELEMENTS (leader_fields)
};
const ReadoutJsonTable readout_json_calls = {
  "call", "calls", "FROM calls ORDER BY id", call_fields, G_N_ELEMENTS (call_fields)
};
const ReadoutJsonTable readout_json_sources = {
  "source", "sources", "FROM sources WHERE call_id = ? ORDER BY id", source_fields,
  G_N_ELEMENTS (source_fields)
};
const ReadoutJsonTable readout_json_statements = {
  "statement", "statements", "FROM statements st WHERE st.source_id = ? ORDER BY st.position, st.id",
  statement_fields, G_N_ELEMENTS (statement_fields)
};

/* The short name inside this file, where every other line refuses something. */
#define bad_input readout_json_bad_input

gboolean
readout_json_bad_input (GError     **error,
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
         gint64        maximum,
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
  if (json_node_get_int (node) > maximum)
    return bad_input (error, _("In the file, the “%s” of %s is too large."), member, where);
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

/* Sets @property of @model from @field's member, by the property's type. */
static gboolean
read_field (JsonObject              *object,
            const ReadoutJsonField  *field,
            GObject                 *model,
            const char              *where,
            GError                 **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (model), field->property);
  g_auto(GValue) value = G_VALUE_INIT;
  JsonNode *node = json_object_get_member (object, field->member);

  g_assert (pspec != NULL);
  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && !field->required)
    return TRUE;

  g_value_init (&value, pspec->value_type);
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      int number = 0;

      if (!get_enum (object, field->member, pspec->value_type, where, &number, error))
        return FALSE;
      g_value_set_enum (&value, number);
    }
  else if (G_IS_PARAM_SPEC_INT (pspec) || G_IS_PARAM_SPEC_INT64 (pspec))
    {
      gint64 maximum = G_IS_PARAM_SPEC_INT (pspec) ? G_PARAM_SPEC_INT (pspec)->maximum
                                                    : G_PARAM_SPEC_INT64 (pspec)->maximum;
      gint64 number;

      if (!get_int (object, field->member, field->required, field->minimum, maximum, where, &number, error))
        return FALSE;
      if (G_IS_PARAM_SPEC_INT (pspec))
        g_value_set_int (&value, (int) number);
      else
        g_value_set_int64 (&value, number);
    }
  else
    {
      const char *text;

      if (!get_string (object, field->member, field->required, where, &text, error))
        return FALSE;
      g_value_set_string (&value, text);
    }
  g_object_set_property (model, field->property, &value);
  return TRUE;
}

/* Reads object number @index + 1 of a list into @model by @table: first its id, which
 * must be new in @ids, then the rest. *where names it by its id for later messages. */
static gboolean
read_object (JsonObject              *object,
             const ReadoutJsonTable  *table,
             guint                    index,
             const char              *parent_where,
             GHashTable              *ids,
             GObject                 *model,
             char                   **where,
             GError                 **error)
{
  gint64 id;

  if (parent_where != NULL)
    *where = g_strdup_printf ("%s number %u of %s", table->what, index + 1, parent_where);
  else
    *where = g_strdup_printf ("%s number %u", table->what, index + 1);
  if (!read_field (object, &table->fields[0], model, *where, error))
    return FALSE;
  g_object_get (model, table->fields[0].property, &id, NULL);
  g_free (*where);
  *where = g_strdup_printf ("%s %" G_GINT64_FORMAT, table->what, id);
  if (!add_id (ids, id, table->plural, error))
    return FALSE;
  for (guint i = 1; i < table->n_fields; i++)
    if (!read_field (object, &table->fields[i], model, *where, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_topics (JsonArray            *array,
             ReadoutJsonDocument  *doc,
             GError              **error)
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
read_leaders (JsonArray            *array,
              ReadoutJsonDocument  *doc,
              GError              **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "leader", error);
      g_autoptr(ReadoutLeader) leader = readout_leader_new ();
      g_autofree char *where = NULL;
      g_auto(GStrv) aliases = NULL;

      if (object == NULL ||
          !read_object (object, &readout_json_leaders, i, NULL, doc->leader_ids, G_OBJECT (leader),
                        &where, error) ||
          !get_strv (object, "aliases", where, &aliases, error))
        return FALSE;
      readout_leader_set_aliases (leader, (const char * const *) aliases);
      g_ptr_array_add (doc->leaders, g_steal_pointer (&leader));
    }
  return TRUE;
}

static gboolean
read_statements (JsonArray            *array,
                 ReadoutJsonDocument  *doc,
                 ReadoutJsonSource    *source,
                 const char           *source_where,
                 GError              **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "statement", error);
      g_autoptr(ReadoutStatement) statement = readout_statement_new ();
      g_autofree char *where = NULL;

      if (object == NULL ||
          !read_object (object, &readout_json_statements, i, source_where, doc->statement_ids,
                        G_OBJECT (statement), &where, error))
        return FALSE;
      readout_statement_set_source_id (statement, readout_source_get_id (source->source));
      g_ptr_array_add (source->statements, g_steal_pointer (&statement));
    }
  return TRUE;
}

static void
json_source_free (ReadoutJsonSource *source)
{
  g_clear_object (&source->source);
  g_clear_pointer (&source->statements, g_ptr_array_unref);
  g_free (source);
}

static gboolean
read_sources (JsonArray            *array,
              ReadoutJsonDocument  *doc,
              ReadoutJsonCall      *call,
              const char           *call_where,
              GError              **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "source", error);
      g_autoptr(ReadoutSource) source = readout_source_new ();
      g_autofree char *where = NULL;
      ReadoutJsonSource *json_source;
      JsonArray *statements;

      if (object == NULL ||
          !read_object (object, &readout_json_sources, i, call_where, doc->source_ids, G_OBJECT (source),
                        &where, error) ||
          !get_array (object, "statements", where, &statements, error))
        return FALSE;

      json_source = g_new0 (ReadoutJsonSource, 1);
      json_source->source = g_steal_pointer (&source);
      json_source->statements = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (call->sources, json_source);
      if (!read_statements (statements, doc, json_source, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
call_has_source (ReadoutJsonCall *call,
                 gint64   source_id)
{
  for (guint i = 0; i < call->sources->len; i++)
    {
      ReadoutJsonSource *source = g_ptr_array_index (call->sources, i);

      if (readout_source_get_id (source->source) == source_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_conflicts (JsonArray        *array,
                ReadoutJsonCall  *call,
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
              !get_int (claim, "source", FALSE, 1, G_MAXINT64, where, &source_id, error))
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

static gboolean
read_participants (JsonArray    *participants,
                   GHashTable   *leader_ids,
                   const char   *where,
                   ReadoutCall  *call,
                   GError      **error)
{
  g_autoptr(GArray) participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 initiator = readout_call_get_initiator_id (call);

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
  readout_call_set_participant_ids (call, (const gint64 *) (gpointer) participant_ids->data,
                                    participant_ids->len);
  return TRUE;
}

void
readout_json_call_free (ReadoutJsonCall *call)
{
  g_clear_object (&call->call);
  g_clear_pointer (&call->sources, g_ptr_array_unref);
  g_clear_pointer (&call->conflicts, g_ptr_array_unref);
  g_free (call);
}

static ReadoutJsonCall *
read_call (ReadoutJsonDocument  *doc,
           JsonObject           *object,
           guint                 index,
           GError              **error)
{
  g_autoptr(ReadoutJsonCall) json_call = g_new0 (ReadoutJsonCall, 1);
  g_autofree char *where = NULL;
  JsonArray *participants, *sources, *conflicts;

  json_call->call = readout_call_new ();
  json_call->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_source_free);
  json_call->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  if (!read_object (object, &readout_json_calls, index, NULL, doc->call_ids, G_OBJECT (json_call->call),
                    &where, error) ||
      !get_array (object, "participants", where, &participants, error) ||
      !get_array (object, "sources", where, &sources, error) ||
      !get_array (object, "conflicts", where, &conflicts, error) ||
      !read_participants (participants, doc->leader_ids, where, json_call->call, error) ||
      !read_sources (sources, doc, json_call, where, error) ||
      !read_conflicts (conflicts, json_call, where, error))
    return NULL;
  return g_steal_pointer (&json_call);
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
gboolean
readout_json_document_read (ReadoutJsonDocument  *doc,
                            const char           *data,
                            gsize                 length,
                            GError              **error)
{
  g_autoptr(GHashTable) members = NULL;
  const ReadoutJsonSpan *calls;
  JsonArray *array;

  g_return_val_if_fail (doc->data == NULL, FALSE);

  doc->data = data;
  doc->parser = json_parser_new_immutable ();
  doc->topics = g_ptr_array_new_with_free_func (g_object_unref);
  doc->leaders = g_ptr_array_new_with_free_func (g_object_unref);
  doc->leader_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  doc->call_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  doc->source_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  doc->statement_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  members = readout_json_outline_members (data, length, error);
  if (members == NULL || !check_format (doc->parser, data, members, error))
    return FALSE;
  if (!parse_list (doc->parser, data, members, "topics", &array, error) ||
      !read_topics (array, doc, error))
    return FALSE;
  doc->has_topics = array != NULL;
  if (!parse_list (doc->parser, data, members, "leaders", &array, error) ||
      !read_leaders (array, doc, error))
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

ReadoutJsonCall *
readout_json_document_read_call (ReadoutJsonDocument  *doc,
                                 guint                 index,
                                 GError              **error)
{
  JsonNode *node;

  g_return_val_if_fail (index < doc->calls->len, NULL);

  node = parse_span (doc->parser, doc->data, &g_array_index (doc->calls, ReadoutJsonSpan, index), error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_input (error, _("In the file, %s number %u is not an object."), "call", index + 1);
      return NULL;
    }
  return read_call (doc, json_node_get_object (node), index, error);
}

void
readout_json_document_clear (ReadoutJsonDocument *doc)
{
  g_clear_pointer (&doc->topics, g_ptr_array_unref);
  g_clear_pointer (&doc->leaders, g_ptr_array_unref);
  g_clear_pointer (&doc->calls, g_array_unref);
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->leader_ids, g_hash_table_unref);
  g_clear_pointer (&doc->call_ids, g_hash_table_unref);
  g_clear_pointer (&doc->source_ids, g_hash_table_unref);
  g_clear_pointer (&doc->statement_ids, g_hash_table_unref);
}

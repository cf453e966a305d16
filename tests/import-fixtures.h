// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/* Shared by test-import.c and bench-import.c: the fixture set of tests/fixtures/import,
 * each text with an expected JSON, and the field-by-field comparison. */

#include <string.h>

#include <json-glib/json-glib.h>

#include "readout-enum-types.h"

#include "readout-extractor.h"
#include "readout-import-text.h"

typedef enum {
  FIELD_PARTICIPANTS,
  FIELD_DATE,
  FIELD_STATUS,
  FIELD_DURATION,
  FIELD_INITIATOR,
  FIELD_SPEAKERS,
  FIELD_TOPICS,
  N_FIELDS
} ImportField;

static const char * const import_field_names[N_FIELDS] = {
  "participants", "date", "status", "duration", "initiator", "speakers and sides", "topics",
};

static inline int
import_compare_strings (gconstpointer a,
                        gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static inline char *
import_fixture_dir (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  return g_build_filename (srcdir != NULL ? srcdir : ".", "fixtures", "import", NULL);
}

static inline ReadoutExtractor *
import_fixture_extractor (void)
{
  g_autoptr(ReadoutExtractor) extractor = readout_extractor_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = import_fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "leaders.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *leaders;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s", error->message);
  leaders = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (leaders); i++)
    {
      JsonObject *object = json_array_get_object_element (leaders, i);
      JsonArray *aliases = json_object_get_array_member (object, "aliases");
      g_autoptr(ReadoutLeader) leader = readout_leader_new ();
      g_autoptr(GPtrArray) strv = g_ptr_array_new ();

      for (guint k = 0; k < json_array_get_length (aliases); k++)
        g_ptr_array_add (strv, (gpointer) json_array_get_string_element (aliases, k));
      g_ptr_array_add (strv, NULL);
      readout_leader_set_id (leader, i + 1);
      readout_leader_set_name (leader, json_object_get_string_member (object, "name"));
      readout_leader_set_aliases (leader, (const char * const *) strv->pdata);
      readout_leader_set_country (leader, json_object_get_string_member (object, "country"));
      readout_leader_set_office (leader, json_object_get_string_member (object, "office"));
      readout_leader_set_term_start (leader, json_object_get_string_member_with_default (object, "term_start", NULL));
      readout_leader_set_term_end (leader, json_object_get_string_member_with_default (object, "term_end", NULL));
      readout_extractor_add_leader (extractor, leader);
    }
  if (!readout_extractor_add_default_topics (extractor, &error))
    g_error ("%s", error->message);
  readout_extractor_set_today (extractor, "2024-06-01");
  return g_steal_pointer (&extractor);
}

/* Sorted fixture text names (everything but the .json files). */
static inline GPtrArray *
import_fixture_names (void)
{
  g_autofree char *dir_path = import_fixture_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, import_compare_strings);
  return names;
}

static inline char *
import_strv_key (GPtrArray *items)
{
  g_ptr_array_sort (items, import_compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv ("|", (char **) items->pdata);
}

static inline char *
import_call_key_expected (JsonObject *call, ImportField field)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JsonArray *array;

  switch (field)
    {
    case FIELD_PARTICIPANTS:
    case FIELD_TOPICS:
      array = json_object_get_array_member (call, field == FIELD_TOPICS ? "topics" : "participants");
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (items, (gpointer) json_array_get_string_element (array, i));
      return import_strv_key (items);
    case FIELD_SPEAKERS:
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

        array = json_object_get_array_member (call, "speakers");
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonArray *pair = json_array_get_array_element (array, i);
            char *item = g_strdup_printf ("%s/%s", json_array_get_string_element (pair, 0),
                                          json_array_get_null_element (pair, 1) ? "-" : json_array_get_string_element (pair, 1));
            g_ptr_array_add (owned, item);
            g_ptr_array_add (items, item);
          }
        return import_strv_key (items);
      }
    case FIELD_DATE:
      return g_strdup (json_object_get_string_member_with_default (call, "date", NULL));
    case FIELD_STATUS:
      return g_strdup (json_object_get_string_member (call, "status"));
    case FIELD_DURATION:
      if (json_object_get_null_member (call, "duration_minutes"))
        return g_strdup ("none");
      return g_strdup_printf ("%s %" G_GINT64_FORMAT,
                              json_object_get_string_member (call, "duration_qualifier"),
                              json_object_get_int_member (call, "duration_minutes"));
    case FIELD_INITIATOR:
      return g_strdup (json_object_get_string_member_with_default (call, "initiator", NULL));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static inline char *
import_call_key_extracted (ReadoutExtractedCall *call, ImportField field)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) view = g_ptr_array_new ();

  switch (field)
    {
    case FIELD_PARTICIPANTS:
      for (guint i = 0; i < call->participants->len; i++)
        g_ptr_array_add (view, ((ReadoutExtractedParticipant *) g_ptr_array_index (call->participants, i))->name);
      return import_strv_key (view);
    case FIELD_TOPICS:
      for (guint i = 0; call->topics[i] != NULL; i++)
        g_ptr_array_add (view, call->topics[i]);
      return import_strv_key (view);
    case FIELD_SPEAKERS:
      for (guint i = 0; i < call->statements->len; i++)
        {
          ReadoutExtractedStatement *s = g_ptr_array_index (call->statements, i);
          char *item;
          gboolean seen = FALSE;

          /* The publisher's own narrative (no side) is not a speaker to compare. */
          if (s->side == NULL)
            continue;
          item = g_strdup_printf ("%s/%s", s->speaker != NULL ? s->speaker : "-", s->side);
          for (guint k = 0; k < items->len && !seen; k++)
            seen = g_str_equal (g_ptr_array_index (items, k), item);
          if (seen)
            {
              g_free (item);
              continue;
            }
          g_ptr_array_add (items, item);
          g_ptr_array_add (view, item);
        }
      return import_strv_key (view);
    case FIELD_DATE:
      return g_strdup (call->date);
    case FIELD_STATUS:
      return g_strdup (readout_enum_to_string (READOUT_TYPE_CALL_STATUS, call->status));
    case FIELD_DURATION:
      if (call->duration_minutes <= 0)
        return g_strdup ("none");
      return g_strdup_printf ("%s %d", readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER, call->duration_qualifier),
                              call->duration_minutes);
    case FIELD_INITIATOR:
      return g_strdup (call->initiator);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Extracts every fixture and counts, per field, the calls whose value is right. A call
 * that is missing or extra counts as wrong in every field. */
static inline void
import_fixture_score (ReadoutExtractor *extractor,
                      guint             correct[N_FIELDS],
                      guint            *total,
                      gboolean          verbose)
{
  g_autofree char *dir = import_fixture_dir ();
  g_autoptr(GPtrArray) names = import_fixture_names ();

  memset (correct, 0, sizeof (guint) * N_FIELDS);
  *total = 0;
  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *base = g_strndup (name, strrchr (name, '.') - name);
      g_autofree char *expected_name = g_strconcat (base, ".expected.json", NULL);
      g_autofree char *expected_path = g_build_filename (dir, expected_name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = readout_import_text_load (path, &error);
      g_autoptr(ReadoutExtraction) extraction = NULL;
      JsonArray *calls;

      g_assert_no_error (error);
      if (!json_parser_load_from_file (parser, expected_path, &error))
        g_error ("%s", error->message);
      calls = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "calls");
      extraction = readout_extractor_extract (extractor, text, name, &error);

      for (guint c = 0; c < json_array_get_length (calls); c++)
        {
          JsonObject *call = json_array_get_object_element (calls, c);
          g_autofree char *want_participants = import_call_key_expected (call, FIELD_PARTICIPANTS);
          ReadoutExtractedCall *found = NULL;

          (*total)++;
          for (guint k = 0; extraction != NULL && k < extraction->calls->len && found == NULL; k++)
            {
              g_autofree char *have = import_call_key_extracted (g_ptr_array_index (extraction->calls, k),
                                                                 FIELD_PARTICIPANTS);
              if (g_str_equal (have, want_participants))
                found = g_ptr_array_index (extraction->calls, k);
            }
          if (found == NULL)
            {
              if (verbose)
                g_printerr ("%s: call %s not found\n", name, want_participants);
              continue;
            }
          for (guint f = 0; f < N_FIELDS; f++)
            {
              g_autofree char *want = import_call_key_expected (call, f);
              g_autofree char *have = import_call_key_extracted (found, f);

              if (g_strcmp0 (want, have) == 0)
                correct[f]++;
              else if (verbose)
                g_printerr ("%s: %s: expected “%s”, got “%s”\n", name, import_field_names[f],
                            want != NULL ? want : "null", have != NULL ? have : "null");
            }
        }
      if (extraction != NULL && extraction->calls->len > json_array_get_length (calls))
        {
          *total += extraction->calls->len - json_array_get_length (calls);
          if (verbose)
            g_printerr ("%s: %u extra calls\n", name, extraction->calls->len - json_array_get_length (calls));
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-sample.h"

/* Loads data/sample.json (compiled into the core's resources) through the store's
 * public API, so the sample is tagged, indexed and checked like any user data. */

#define SAMPLE_RESOURCE "/io/github/readout/Readout/core/sample.json"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_enum (JsonObject  *object,
             const char  *name,
             GType        enum_type,
             int         *value,
             GError     **error)
{
  const char *text = member_string (object, name);

  if (text == NULL)
    return TRUE;
  if (readout_enum_from_string (enum_type, text, value))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
               _("The sample data has an unknown %s “%s”."), name, text);
  return FALSE;
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  JsonArray *array = json_object_has_member (object, name)
                     ? json_object_get_array_member (object, name) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, g_strdup (json_array_get_string_element (array, i)));
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

static gboolean
load_leaders (ReadoutStore  *store,
              JsonArray     *leaders,
              GHashTable    *leader_ids,
              GError       **error)
{
  for (guint i = 0; i < json_array_get_length (leaders); i++)
    {
      JsonObject *object = json_array_get_object_element (leaders, i);
      g_autoptr(ReadoutLeader) leader = readout_leader_new ();
      g_auto(GStrv) aliases = member_strv (object, "aliases");

      readout_leader_set_name (leader, member_string (object, "name"));
      readout_leader_set_aliases (leader, (const char * const *) aliases);
      readout_leader_set_country (leader, member_string (object, "country"));
      readout_leader_set_office (leader, member_string (object, "office"));
      readout_leader_set_term_start (leader, member_string (object, "term_start"));
      readout_leader_set_term_end (leader, member_string (object, "term_end"));
      if (!readout_store_insert_leader (store, leader, error))
        return FALSE;
      g_hash_table_insert (leader_ids, g_strdup (member_string (object, "key")),
                           g_memdup2 (&(gint64) { readout_leader_get_id (leader) }, sizeof (gint64)));
    }
  return TRUE;
}

static gint64
lookup_key (GHashTable  *ids,
            const char  *key,
            const char  *what,
            GError     **error)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (ids, key) : NULL;

  if (id == NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   _("The sample data names an unknown %s “%s”."), what, key != NULL ? key : "");
      return 0;
    }
  return *id;
}

static gboolean
load_sources (ReadoutStore  *store,
              gint64         call_id,
              JsonArray     *sources,
              GHashTable    *source_ids,
              GError       **error)
{
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *object = json_array_get_object_element (sources, i);
      g_autoptr(ReadoutSource) source = readout_source_new ();
      JsonArray *statements = json_object_get_array_member (object, "statements");
      int kind = READOUT_SOURCE_KIND_NEWS_REPORT;

      if (!member_enum (object, "kind", READOUT_TYPE_SOURCE_KIND, &kind, error))
        return FALSE;
      readout_source_set_call_id (source, call_id);
      readout_source_set_publisher (source, member_string (object, "publisher"));
      readout_source_set_kind (source, kind);
      readout_source_set_side (source, member_string (object, "side"));
      readout_source_set_date (source, member_string (object, "date"));
      readout_source_set_title (source, member_string (object, "title"));
      readout_source_set_url (source, member_string (object, "url"));
      readout_source_set_text (source, member_string (object, "text"));
      if (!readout_store_insert_source (store, source, error))
        return FALSE;
      g_hash_table_insert (source_ids, g_strdup (member_string (object, "key")),
                           g_memdup2 (&(gint64) { readout_source_get_id (source) }, sizeof (gint64)));

      for (guint j = 0; statements != NULL && j < json_array_get_length (statements); j++)
        {
          JsonObject *s = json_array_get_object_element (statements, j);
          g_autoptr(ReadoutStatement) statement = readout_statement_new ();
          int statement_kind = READOUT_STATEMENT_KIND_PARAPHRASE;

          if (!member_enum (s, "kind", READOUT_TYPE_STATEMENT_KIND, &statement_kind, error))
            return FALSE;
          readout_statement_set_source_id (statement, readout_source_get_id (source));
          readout_statement_set_speaker (statement, member_string (s, "speaker"));
          readout_statement_set_side (statement, member_string (s, "side"));
          readout_statement_set_kind (statement, statement_kind);
          readout_statement_set_text (statement, member_string (s, "text"));
          readout_statement_set_position (statement, (int) j);
          if (!readout_store_insert_statement (store, statement, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_conflicts (ReadoutStore  *store,
                gint64         call_id,
                JsonArray     *conflicts,
                GHashTable    *source_ids,
                GError       **error)
{
  for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
    {
      JsonObject *object = json_array_get_object_element (conflicts, i);
      JsonArray *claims = json_object_get_array_member (object, "claims");
      g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();

      readout_conflict_set_call_id (conflict, call_id);
      readout_conflict_set_field (conflict, member_string (object, "field"));
      for (guint j = 0; claims != NULL && j < json_array_get_length (claims); j++)
        {
          JsonObject *claim = json_array_get_object_element (claims, j);
          gint64 source_id = lookup_key (source_ids, member_string (claim, "source"), "source", error);

          if (source_id == 0)
            return FALSE;
          readout_conflict_add_claim (conflict, member_string (claim, "value"), source_id, NULL);
        }
      if (!readout_store_insert_conflict (store, conflict, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_calls (ReadoutStore  *store,
            JsonArray     *calls,
            GHashTable    *leader_ids,
            GError       **error)
{
  g_autoptr(GHashTable) source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *object = json_array_get_object_element (calls, i);
      g_autoptr(ReadoutCall) call = readout_call_new ();
      g_auto(GStrv) participants = member_strv (object, "participants");
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      int precision = READOUT_DATE_PRECISION_DAY;
      int qualifier = READOUT_DURATION_UNKNOWN;
      int status = READOUT_CALL_STATUS_HELD;
      JsonNode *minutes = json_object_get_member (object, "duration_minutes");

      for (guint j = 0; participants[j] != NULL; j++)
        {
          gint64 id = lookup_key (leader_ids, participants[j], "leader", error);

          if (id == 0)
            return FALSE;
          g_array_append_val (ids, id);
        }
      if (!member_enum (object, "date_precision", READOUT_TYPE_DATE_PRECISION, &precision, error) ||
          !member_enum (object, "duration_qualifier", READOUT_TYPE_DURATION_QUALIFIER, &qualifier, error) ||
          !member_enum (object, "status", READOUT_TYPE_CALL_STATUS, &status, error))
        return FALSE;

      readout_call_set_date (call, member_string (object, "date"));
      readout_call_set_date_precision (call, precision);
      readout_call_set_time (call, member_string (object, "time"));
      if (minutes != NULL && !JSON_NODE_HOLDS_NULL (minutes))
        readout_call_set_duration_minutes (call, (int) json_node_get_int (minutes));
      readout_call_set_duration_qualifier (call, qualifier);
      readout_call_set_status (call, status);
      if (member_string (object, "initiator") != NULL)
        {
          gint64 id = lookup_key (leader_ids, member_string (object, "initiator"), "leader", error);
          if (id == 0)
            return FALSE;
          readout_call_set_initiator_id (call, id);
        }
      readout_call_set_participant_ids (call, (const gint64 *) (gpointer) ids->data, ids->len);
      if (!readout_store_insert_call (store, call, error) ||
          !load_sources (store, readout_call_get_id (call),
                         json_object_get_array_member (object, "sources"), source_ids, error) ||
          !load_conflicts (store, readout_call_get_id (call),
                           json_object_has_member (object, "conflicts")
                           ? json_object_get_array_member (object, "conflicts") : NULL,
                           source_ids, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_sample_populate (ReadoutStore  *store,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) leader_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *root;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));

  if (!readout_store_begin (store, error))
    return FALSE;
  ok = load_leaders (store, json_object_get_array_member (root, "leaders"), leader_ids, error) &&
       load_calls (store, json_object_get_array_member (root, "calls"), leader_ids, error);
  if (!ok)
    {
      readout_store_rollback (store);
      return FALSE;
    }
  return readout_store_commit (store, error);
}

char *
readout_sample_dup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "readout", "sample.db", NULL);
}

/* A checksum of the data the sample is built from, so that a sample store built by an
 * earlier version (older topics, corrected facts) is rebuilt rather than kept forever. */
static char *
dup_sample_checksum (void)
{
  static const char * const resources[] = {
    SAMPLE_RESOURCE,
    "/io/github/readout/Readout/core/topics.json",
    "/io/github/readout/Readout/core/countries.tsv",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resources[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
    }
  g_checksum_update (checksum, (const guchar *) PACKAGE_VERSION, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
remove_store_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

ReadoutStore *
readout_sample_open (GError **error)
{
  g_autofree char *path = readout_sample_dup_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *stamp_path = g_strconcat (path, ".checksum", NULL);
  g_autofree char *checksum = dup_sample_checksum ();
  g_autofree char *stamp = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(ReadoutStore) store = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_file_get_contents (stamp_path, &stamp, NULL, NULL) && g_str_equal (g_strstrip (stamp), checksum))
    return readout_store_open (path, error);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not create the folder “%s” for the sample data."), folder);
      return NULL;
    }

  /* Build the sample in a scratch file and move it into place whole. */
  partial = g_strconcat (path, ".partial", NULL);
  remove_store_files (partial);
  store = readout_store_open (partial, error);
  if (store == NULL || !readout_sample_populate (store, error))
    {
      g_clear_object (&store);
      remove_store_files (partial);
      return NULL;
    }
  g_clear_object (&store);

  /* The old sample's log must not be applied to the new file. */
  remove_store_files (path);
  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not move the sample data into place at “%s”."), path);
      remove_store_files (partial);
      return NULL;
    }
  g_file_set_contents (stamp_path, checksum, -1, NULL);
  return readout_store_open (path, error);
}

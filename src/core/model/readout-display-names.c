// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-display-names"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "readout-display-names.h"

#define RESOURCE "/io/github/readout/Readout/core/"

/* The first of the user's languages ("de_DE.UTF-8", "de_DE", "de", "C") that @names
 * (a language -> name object) has. */
static const char *
pick_language (JsonObject *names)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], "C") || g_str_has_prefix (languages[i], "en"))
        return NULL;
      if (json_object_has_member (names, languages[i]))
        return json_object_get_string_member (names, languages[i]);
    }
  return NULL;
}

static JsonNode *
load_resource (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* The files are compiled into the core: unreadable, they are a broken build. */
  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_error ("%s is not valid JSON", path);
  return json_node_ref (json_parser_get_root (parser));
}

/* English name -> name in the user's language, for the names that have one. */
static void
add_translation (GHashTable *table,
                 const char *english,
                 JsonNode   *names)
{
  const char *translated;

  if (english == NULL || names == NULL || !JSON_NODE_HOLDS_OBJECT (names))
    return;
  translated = pick_language (json_node_get_object (names));
  if (translated != NULL)
    g_hash_table_insert (table, g_strdup (english), g_strdup (translated));
}

static GHashTable *
load_topics (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) root = load_resource ("topics.json");
  JsonArray *topics = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (topics, i);

      add_translation (table, json_object_get_string_member_with_default (topic, "name", NULL),
                       json_object_get_member (topic, "names"));
    }
  return table;
}

static GHashTable *
load_offices (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) root = load_resource ("offices.json");
  JsonObject *offices = json_node_get_object (root);
  g_autoptr(GList) members = json_object_get_members (offices);

  for (GList *l = members; l != NULL; l = l->next)
    add_translation (table, l->data, json_object_get_member (offices, l->data));
  return table;
}

static const char *
translate (GHashTable *table,
           const char *name)
{
  const char *translated;

  if (name == NULL)
    return NULL;
  translated = g_hash_table_lookup (table, name);
  return translated != NULL ? translated : name;
}

const char *
readout_display_topic (const char *topic)
{
  static GHashTable *topics = NULL;

  if (g_once_init_enter (&topics))
    g_once_init_leave (&topics, load_topics ());
  return translate (topics, topic);
}

const char *
readout_display_office (const char *office)
{
  static GHashTable *offices = NULL;

  if (g_once_init_enter (&offices))
    g_once_init_leave (&offices, load_offices ());
  return translate (offices, office);
}

char *
readout_display_join_topics (const char * const *topics,
                             const char         *separator)
{
  GString *joined;

  if (topics == NULL || topics[0] == NULL)
    return NULL;
  joined = g_string_new (NULL);
  for (guint i = 0; topics[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, readout_display_topic (topics[i]));
    }
  return g_string_free (joined, FALSE);
}

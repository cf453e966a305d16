// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-topic-kind"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "readout-topic-kind.h"

/* English topic name -> kind, for the built-in topics that are not themes. */
static GHashTable *
load_kinds (void)
{
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/topics.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *topics;

  /* The file is compiled into the core: unreadable, it is a broken build. */
  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_error ("topics.json is not valid JSON");
  topics = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (topics, i);
      const char *name = json_object_get_string_member_with_default (topic, "name", NULL);
      const char *kind = json_object_get_string_member_with_default (topic, "kind", "theme");

      if (name == NULL)
        continue;
      if (g_str_equal (kind, "place"))
        g_hash_table_insert (kinds, g_strdup (name), GINT_TO_POINTER (READOUT_TOPIC_KIND_PLACE));
      else if (g_str_equal (kind, "broad"))
        g_hash_table_insert (kinds, g_strdup (name), GINT_TO_POINTER (READOUT_TOPIC_KIND_BROAD));
    }
  return kinds;
}

ReadoutTopicKind
readout_topic_kind_of (const char *topic)
{
  static GHashTable *kinds = NULL;
  gpointer kind;

  if (g_once_init_enter (&kinds))
    g_once_init_leave (&kinds, load_kinds ());
  if (topic == NULL || !g_hash_table_lookup_extended (kinds, topic, NULL, &kind))
    return READOUT_TOPIC_KIND_THEME;
  return (ReadoutTopicKind) GPOINTER_TO_INT (kind);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-country-translation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "readout-country-translation.h"

#define ISO_DOMAIN "iso_3166-1"

/* iso-codes' English name of each alpha-2 code, which is the msgid of its translation:
 * the common name where there is one ("Iran"), else the name ("Russian Federation"). */
static GHashTable *
load_iso_names (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_DATADIR, "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *root;
  JsonArray *entries;

  bindtextdomain (ISO_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");

  /* Without iso-codes the names stay English: a smaller app, not a broken one. */
  if (!json_parser_load_from_file (parser, path, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return names;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "3166-1"))
    return names;
  entries = json_object_get_array_member (root, "3166-1");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (entry, "common_name", NULL);

      if (name == NULL)
        name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }
  return names;
}

const char *
readout_country_name_translate (const char *code,
                                const char *english_name)
{
  static GHashTable *iso_names = NULL;
  const char *msgid;
  const char *translated;

  if (g_once_init_enter (&iso_names))
    g_once_init_leave (&iso_names, load_iso_names ());

  if (english_name == NULL)
    english_name = code;
  if (code == NULL)
    return english_name;

  /* Our own English name first: it is iso-codes' own for most countries ("Germany"). */
  if (english_name != NULL)
    {
      translated = dgettext (ISO_DOMAIN, english_name);
      if (translated != english_name)
        return translated;
    }
  msgid = g_hash_table_lookup (iso_names, code);
  if (msgid == NULL)
    return english_name;
  translated = dgettext (ISO_DOMAIN, msgid);
  return translated != msgid ? translated : english_name;
}

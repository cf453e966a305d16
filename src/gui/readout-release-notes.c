// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-release-notes"

#include "config.h"

#include <string.h>

#include <appstream.h>

#include "readout-release-notes.h"

/* The description of @release in the first of @languages it is translated into, else
 * the untranslated one. AppStream falls back to the untranslated text for a language it
 * has no translation for, so a language whose text is the untranslated one is passed over
 * for the next. */
static char *
dup_notes (AsRelease          *release,
           const char * const *languages)
{
  g_autofree char *untranslated = NULL;

  as_release_set_active_locale (release, "C");
  untranslated = g_strdup (as_release_get_description (release));

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *notes;

      if (g_str_equal (languages[i], "C"))
        break;
      as_release_set_active_locale (release, languages[i]);
      notes = as_release_get_description (release);
      if (notes != NULL && g_strcmp0 (notes, untranslated) != 0)
        return g_strdup (notes);
    }

  return g_steal_pointer (&untranslated);
}

gboolean
readout_release_notes_parse (const char          *metainfo,
                             gssize               length,
                             const char * const  *languages,
                             char               **version,
                             char               **notes,
                             GError             **error)
{
  g_autoptr(AsMetadata) metadata = as_metadata_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  AsComponent *component;
  GPtrArray *releases;
  AsRelease *newest;

  g_return_val_if_fail (metainfo != NULL, FALSE);

  bytes = g_bytes_new (metainfo, length < 0 ? strlen (metainfo) : (gsize) length);
  /* Every translation, so that the preferred languages can be tried in turn. */
  as_metadata_set_locale (metadata, "ALL");
  /* AppStream 0.16 reports a component without its essential tags (an id, a name)
   * by setting the error yet returning TRUE. */
  if (!as_metadata_parse_bytes (metadata, bytes, AS_FORMAT_KIND_XML, &local_error) || local_error != NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                             "The metainfo could not be read.");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  component = as_metadata_get_component (metadata);
  releases = component != NULL ? as_component_get_releases (component) : NULL;
  if (releases == NULL || releases->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "The metainfo lists no release.");
      return FALSE;
    }

  /* AppStream keeps the order of the file, where the newest release comes first. */
  newest = g_ptr_array_index (releases, 0);
  *version = g_strdup (as_release_get_version (newest));
  *notes = dup_notes (newest, languages);
  return TRUE;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-release-notes"

#include "config.h"

#include <gmodule.h>

#include "readout-release-notes-module.h"

/* libappstream and the 22 libraries it pulls in (curl, GnuTLS, LDAP…) took about 15 ms
 * of every start to load and relocate, for a dialog few open: the reader is a module of
 * its own, loaded the first time the About dialog asks for the notes. */

typedef gboolean (*ParseFunc) (const char          *metainfo,
                               gssize               length,
                               const char * const  *languages,
                               char               **version,
                               char               **notes,
                               GError             **error);

static GModule *
open_module (GError **error)
{
  /* Installed, then beside an uninstalled build (build-aux/run, the tests). */
  const char *folders[] = { READOUT_MODULE_DIR, READOUT_BUILD_MODULE_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_module_build_path (folders[i], "readout-release-notes");
      GModule *module;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module != NULL)
        return module;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not load the release-notes reader: %s", g_module_error ());
      return NULL;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "The release-notes reader is not installed in %s", READOUT_MODULE_DIR);
  return NULL;
}

gboolean
readout_release_notes_read (const char          *metainfo,
                            gssize               length,
                            const char * const  *languages,
                            char               **version,
                            char               **notes,
                            GError             **error)
{
  static GModule *module;
  gpointer parse = NULL;

  g_return_val_if_fail (metainfo != NULL, FALSE);

  /* Kept open once loaded: the About dialog may be opened again. */
  if (module == NULL && (module = open_module (error)) == NULL)
    return FALSE;
  if (!g_module_symbol (module, "readout_release_notes_parse", &parse))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The release-notes reader is broken: %s", g_module_error ());
      return FALSE;
    }
  return ((ParseFunc) parse) (metainfo, length, languages, version, notes, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-builtin-data"

#include "config.h"

#include <gio/gio.h>

#include "readout-builtin-data.h"

gpointer
readout_builtin_data_load (const char           *name,
                           ReadoutBuiltinParser  parse,
                           GType                 empty_type,
                           const char           *what)
{
  g_autofree char *path = g_strconcat ("/io/github/readout/Readout/core/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gpointer loaded = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    loaded = parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  if (loaded == NULL)
    {
      g_critical ("The built-in list of %s cannot be read: %s", what, error->message);
      loaded = g_object_new (empty_type, NULL);
    }
  return loaded;
}

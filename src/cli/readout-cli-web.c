// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-store-feeds.h"
#include "readout-web-import.h"

/* The web side of `readout-cli import`: an argument that is an address is fetched rather
 * than read from disk, unless the store already holds a source with that address. */

ReadoutExtraction *
readout_cli_extract_address (ReadoutImporter  *importer,
                             ReadoutStore     *store,
                             const char       *url,
                             guint             timeout_seconds,
                             gboolean          again,
                             gboolean         *skipped,
                             GError          **error)
{
  ReadoutWebFetchOptions options = { .want = READOUT_WEB_WANT_PAGE, .timeout_seconds = timeout_seconds };
  gint64 call_id = 0;

  *skipped = FALSE;
  if (!again && store != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (readout_store_find_source_by_url (store, url, &call_id, &local_error) > 0)
        {
          g_autofree char *call = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);

          /* Translators: the first %s is a web address, the second a call's number. */
          g_printerr (_("%s was imported before, as a source of call %s; it is not fetched again "
                        "(pass --again to fetch it anyway).\n"), url, call);
          *skipped = TRUE;
          return NULL;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return readout_web_import_fetch (importer, url, &options, NULL, error);
}

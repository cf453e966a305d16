// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-store-backup.h"

/* readout-cli backup FILE: a consistent, checked copy of the store, taken with SQLite's
 * online backup API, so it may run while the window is writing. */

int
readout_cli_backup (const ReadoutCliOptions *options,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;

  g_option_context_set_summary (context, _("Writes a consistent copy of the store to FILE."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc != 2 || argv[1][0] == '\0')
    return readout_cli_usage_error ("backup needs exactly one FILE to write the copy to.");

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  if (!readout_store_backup (store, argv[1], &error))
    return readout_cli_fail (error);
  if (!options->json)
    g_print (_("Backed up %s to %s.\n"), readout_store_get_path (store), argv[1]);
  return 0;
}

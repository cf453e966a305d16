// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "readout-cli.h"
#include "readout-store-json.h"

/* readout-cli export-json [--output FILE]: the whole store as one JSON document, on
 * stdout by default. A file is written whole or not at all. */

int
readout_cli_export_json (const ReadoutCliOptions *options,
                         int                      argc,
                         char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (default: standard output)"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Exports the whole store as one JSON document, which import-json reads."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return readout_cli_usage_error ("export-json takes no arguments; use --output FILE to write a file.");
  if (output != NULL && output[0] == '\0')
    return readout_cli_usage_error ("--output needs a file name.");

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);

  if (output != NULL)
    {
      if (!readout_store_export_json_file (store, output, &error))
        return readout_cli_fail (error);
    }
  else
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!readout_store_export_json (store, stream, NULL, &error))
        return readout_cli_fail (error);
    }
  return 0;
}

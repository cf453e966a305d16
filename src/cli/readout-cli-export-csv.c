// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-csv-export.h"

/* readout-cli export-csv --calls|--statements [--call ID] --output FILE: CSV for
 * spreadsheets, written whole or not at all. */

int
readout_cli_export_csv (const ReadoutCliOptions *options,
                        int                      argc,
                        char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *call_text = NULL;
  gboolean calls = FALSE, statements = FALSE;
  gint64 call_id = 0;
  gboolean ok;
  GOptionEntry entries[] = {
    { "calls", 0, 0, G_OPTION_ARG_NONE, &calls, N_("One row per call"), NULL },
    { "statements", 0, 0, G_OPTION_ARG_NONE, &statements, N_("One row per statement"), NULL },
    { "call", 0, 0, G_OPTION_ARG_STRING, &call_text, N_("Only the statements of this call"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The CSV file to write"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Exports calls or statements as CSV for spreadsheets."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return readout_cli_usage_error ("export-csv takes no arguments besides its options.");
  if (calls == statements)
    return readout_cli_usage_error ("export-csv needs either --calls or --statements.");
  if (call_text != NULL && !statements)
    return readout_cli_usage_error ("--call goes with --statements.");
  if (call_text != NULL &&
      (!g_ascii_string_to_signed (call_text, 10, 1, G_MAXINT64, &call_id, NULL)))
    return readout_cli_usage_error ("“%s” is not a call id: give the number that list-calls shows.",
                                    call_text);
  if (output == NULL || output[0] == '\0')
    return readout_cli_usage_error ("export-csv needs --output FILE for the CSV to write.");

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);

  ok = calls ? readout_csv_export_calls (store, output, &error)
             : readout_csv_export_statements (store, call_id, output, &error);
  if (!ok)
    return readout_cli_fail (error);
  if (!options->json)
    g_print (_("Wrote %s.\n"), output);
  return 0;
}

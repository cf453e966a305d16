// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-store-json.h"

/* readout-cli import-json FILE: reads a document written by export-json, in one
 * transaction; what is already stored is matched, not duplicated. */

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
readout_cli_print_import_counts (const ReadoutCliOptions       *options,
                                 const ReadoutJsonImportCounts *counts)
{
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      add_count (builder, "topics_added", counts->topics_added);
      add_count (builder, "topics_changed", counts->topics_changed);
      add_count (builder, "leaders_added", counts->leaders_added);
      add_count (builder, "leaders_matched", counts->leaders_matched);
      add_count (builder, "calls_added", counts->calls_added);
      add_count (builder, "calls_matched", counts->calls_matched);
      add_count (builder, "sources_added", counts->sources_added);
      add_count (builder, "sources_skipped", counts->sources_skipped);
      add_count (builder, "statements_added", counts->statements_added);
      add_count (builder, "conflicts_added", counts->conflicts_added);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  else
    g_print (_("Imported %u new calls (%u already stored), %u new leaders (%u already stored), "
               "%u sources (%u already stored) and %u statements.\n"),
             counts->calls_added, counts->calls_matched, counts->leaders_added, counts->leaders_matched,
             counts->sources_added, counts->sources_skipped, counts->statements_added);
}

int
readout_cli_import_json (const ReadoutCliOptions *options,
                         int                      argc,
                         char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  ReadoutJsonImportCounts counts = { 0, };

  g_option_context_set_summary (context, _("Imports a JSON document written by export-json."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc != 2)
    return readout_cli_usage_error ("import-json needs exactly one FILE to import.");

  store = readout_cli_open_or_create_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  if (!readout_store_import_json_file (store, argv[1], &counts, &error))
    return readout_cli_fail (error);

  readout_cli_print_import_counts (options, &counts);
  return 0;
}

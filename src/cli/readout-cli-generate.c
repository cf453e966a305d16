// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-generator.h"

int
readout_cli_generate (const ReadoutCliOptions *options,
                      int                      argc,
                      char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int n_leaders = 2000, n_calls = 100000, n_statements = 1000000, seed = 1;
  ReadoutGeneratorOptions generator_options;
  gint64 start;
  GOptionEntry entries[] = {
    { "leaders", 0, 0, G_OPTION_ARG_INT, &n_leaders, N_("Number of leaders (default 2000)"), "N" },
    { "calls", 0, 0, G_OPTION_ARG_INT, &n_calls, N_("Number of calls (default 100000)"), "N" },
    { "statements", 0, 0, G_OPTION_ARG_INT, &n_statements, N_("Number of statements (default 1000000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed; the same seed gives the same store"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The new store to write"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return readout_cli_usage_error ("generate takes no arguments (got “%s”).", argv[1]);
  if (output == NULL && options->database != NULL)
    output = g_strdup (options->database);
  if (output == NULL)
    return readout_cli_usage_error ("generate needs --output FILE for the new store.");
  if (n_leaders < 2 || n_calls < 1 || n_statements < 0)
    return readout_cli_usage_error ("generate needs at least 2 leaders, 1 call and 0 statements.");

  generator_options = (ReadoutGeneratorOptions) {
    .n_leaders = (guint) n_leaders,
    .n_calls = (guint) n_calls,
    .n_statements = (guint) n_statements,
    .seed = (guint32) seed,
  };
  start = g_get_monotonic_time ();
  if (!readout_generator_run (output, &generator_options, &error))
    return readout_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "output");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, (g_get_monotonic_time () - start) / 1e6);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  else
    g_print (_("Wrote %s: %d leaders, %d calls, %d statements in %.1f s.\n"), output,
             n_leaders, n_calls, n_statements, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-cli.h"
#include "readout-pdf-layout.h"

/* readout-cli export-pdf ID --output FILE [--side-a C] [--side-b C] [--paper a4|letter]
 * [--whole-call]. Needs no display: the layout is cairo and Pango on a PDF surface. */

int
readout_cli_export_pdf (const ReadoutCliOptions *options,
                        int                      argc,
                        char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(ReadoutPdfLayout) layout = NULL;
  g_autofree char *output = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  g_autofree char *source_a = NULL;
  g_autofree char *source_b = NULL;
  g_autofree char *paper_name = NULL;
  gboolean whole_call = FALSE;
  ReadoutPaper paper;
  gint64 call_id;
  guint n_pages;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE" },
    { "side-a", 0, 0, G_OPTION_ARG_STRING, &side_a, N_("Side A: a country code, name or demonym (default: the first participant's country)"), "COUNTRY" },
    { "side-b", 0, 0, G_OPTION_ARG_STRING, &side_b, N_("Side B (default: the second participant's country)"), "COUNTRY" },
    { "source-a", 0, 0, G_OPTION_ARG_STRING, &source_a, N_("Compare two sources instead: the first source's id"), "ID" },
    { "source-b", 0, 0, G_OPTION_ARG_STRING, &source_b, N_("The second source's id"), "ID" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or letter (default: from the locale)"), "PAPER" },
    { "whole-call", 0, 0, G_OPTION_ARG_NONE, &whole_call, N_("Export every source and statement of the call instead of a comparison"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Exports the comparison of a call (or the whole call) to a PDF file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_option_error (argc, argv, error);
  if (!readout_cli_parse_call_id ("export-pdf", argc, argv, &call_id, &status))
    return status;
  if (output == NULL || output[0] == '\0')
    return readout_cli_usage_error ("export-pdf needs --output FILE for the PDF to write.");
  if (paper_name == NULL)
    paper = readout_paper_from_locale ();
  else if (!readout_paper_from_string (paper_name, &paper))
    return readout_cli_usage_error ("“%s” is not a paper size: use a4 or letter.", paper_name);
  if (whole_call && (side_a != NULL || side_b != NULL || source_a != NULL || source_b != NULL))
    return readout_cli_usage_error ("--whole-call exports every side: leave out --side-a, "
                                    "--side-b, --source-a and --source-b.");

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);

  if (whole_call)
    layout = readout_pdf_layout_new_for_call (store, call_id, &error);
  else
    {
      comparison = readout_cli_build_comparison (store, call_id, side_a, side_b, source_a,
                                                 source_b, &error);
      if (comparison != NULL)
        layout = readout_pdf_layout_new_for_comparison (store, comparison, &error);
    }
  if (layout == NULL)
    return readout_cli_fail (error);

  readout_pdf_layout_set_paper (layout, paper);
  n_pages = readout_pdf_layout_paginate (layout);
  if (!readout_pdf_layout_write_pdf (layout, output, &error))
    return readout_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "output");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, n_pages);
      json_builder_set_member_name (builder, "paper");
      json_builder_add_string_value (builder, paper == READOUT_PAPER_LETTER ? "letter" : "a4");
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n",
                          n_pages), output, n_pages);
  return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "readout-call-comparison.h"
#include "readout-cli.h"
#include "readout-error.h"

/* readout-cli compare ID [--side-a COUNTRY] [--side-b COUNTRY] [--source-a ID --source-b ID] */

gboolean
readout_cli_parse_call_id (const char *command,
                           int         argc,
                           char      **argv,
                           gint64     *call_id,
                           int        *status)
{
  if (argc != 2)
    {
      *status = readout_cli_usage_error ("%s takes one call id (see “readout-cli list-calls”).",
                                         command);
      return FALSE;
    }
  if (!readout_cli_parse_id (argv[1], call_id))
    {
      *status = readout_cli_usage_error ("“%s” is not a call id: give a whole number from 1 to %"
                                         G_GINT64_FORMAT ".", argv[1], G_MAXINT64);
      return FALSE;
    }
  return TRUE;
}

char *
readout_cli_resolve_side (ReadoutStore  *store,
                          const char    *text,
                          const char    *which,
                          GError       **error)
{
  char *code;

  if (text == NULL)
    return NULL;
  code = readout_store_find_country_code (store, text);
  if (code == NULL)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                 "“%s” for side %s is not a country: give an ISO code (RU), an English name "
                 "(Russia) or a demonym (Russian).", text, which);
  return code;
}

ReadoutComparison *
readout_cli_build_comparison (ReadoutStore  *store,
                              gint64         call_id,
                              const char    *side_a,
                              const char    *side_b,
                              const char    *source_a,
                              const char    *source_b,
                              GError       **error)
{
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;

  if (source_a != NULL || source_b != NULL)
    {
      g_autoptr(ReadoutComparison) comparison = NULL;
      gint64 id_a, id_b;

      if (side_a != NULL || side_b != NULL)
        {
          g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                               "Compare either two sides or two sources, not both.");
          return NULL;
        }
      if (!readout_cli_parse_id (source_a, &id_a) || !readout_cli_parse_id (source_b, &id_b))
        {
          g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                               "--source-a and --source-b both need a source id (a positive "
                               "whole number; see “readout-cli show-call ID”).");
          return NULL;
        }
      comparison = readout_call_comparison_new_for_sources (store, id_a, id_b, error);
      if (comparison == NULL)
        return NULL;
      if (readout_comparison_get_call_id (comparison) != call_id)
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       "Sources %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " are not sources "
                       "of call %" G_GINT64_FORMAT ".", id_a, id_b, call_id);
          return NULL;
        }
      return g_steal_pointer (&comparison);
    }

  if (side_a != NULL && (code_a = readout_cli_resolve_side (store, side_a, "A", error)) == NULL)
    return NULL;
  if (side_b != NULL && (code_b = readout_cli_resolve_side (store, side_b, "B", error)) == NULL)
    return NULL;
  return readout_call_comparison_new (store, call_id, code_a, code_b, error);
}

static guint
text_width (void)
{
  const char *columns = g_getenv ("COLUMNS");
  gint64 value;

  if (columns != NULL && (value = g_ascii_strtoll (columns, NULL, 10)) >= 40 && value <= 400)
    return (guint) value;
  return 100;
}

int
readout_cli_compare (const ReadoutCliOptions *options,
                     int                      argc,
                     char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  g_autofree char *source_a = NULL;
  g_autofree char *source_b = NULL;
  gint64 call_id;
  int status;
  GOptionEntry entries[] = {
    { "side-a", 0, 0, G_OPTION_ARG_STRING, &side_a, N_("Side A: a country code, name or demonym (default: the first participant's country)"), "COUNTRY" },
    { "side-b", 0, 0, G_OPTION_ARG_STRING, &side_b, N_("Side B (default: the second participant's country)"), "COUNTRY" },
    { "source-a", 0, 0, G_OPTION_ARG_STRING, &source_a, N_("Compare two sources instead: the first source's id"), "ID" },
    { "source-b", 0, 0, G_OPTION_ARG_STRING, &source_b, N_("The second source's id"), "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Compares what two sides (or two sources) of a call said, topic by topic."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_option_error (argc, argv, error);
  if (!readout_cli_parse_call_id ("compare", argc, argv, &call_id, &status))
    return status;

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  comparison = readout_cli_build_comparison (store, call_id, side_a, side_b, source_a, source_b,
                                             &error);
  if (comparison == NULL)
    return readout_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonNode) root = readout_comparison_to_json (comparison);

      readout_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = readout_comparison_to_text (comparison, text_width ());

      fputs (text, stdout);
      if (text[0] != '\0' && !g_str_has_suffix (text, "\n"))
        fputc ('\n', stdout);
    }
  return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "readout-cli.h"
#include "readout-error.h"
#include "readout-importer.h"
#include "readout-undated.h"
#include "readout-web-fetch.h"

/* readout-cli import FILE|URL... [--dry-run] [--json] [--date YYYY-MM-DD] [--again]
 *
 * Every file is read and extracted before anything is written, so that a bad file
 * (binary, not UTF-8, no call in it) stops the import with the store unchanged; the
 * files are then filed in one transaction. */

/* What importing does with a call, noted before filing gives new calls ids too. */
typedef enum {
  OUTCOME_NEW_CALL,
  OUTCOME_STORED_CALL,
  OUTCOME_REFUSED,
} Outcome;

/* Each call's outcome, in order; @refused: filing's error for the first call it would
 * refuse, which a dry run reports as the import would. */
static GArray *
note_outcomes (ReadoutImporter  *importer,
               GPtrArray        *extractions,
               GError          **refused)
{
  GArray *outcomes = g_array_new (FALSE, FALSE, sizeof (Outcome));

  for (guint i = 0; i < extractions->len; i++)
    {
      ReadoutExtraction *extraction = g_ptr_array_index (extractions, i);

      for (guint c = 0; c < extraction->calls->len; c++)
        {
          ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);
          g_autoptr(GError) error = NULL;
          Outcome outcome = call->matches_call_id > 0 ? OUTCOME_STORED_CALL : OUTCOME_NEW_CALL;

          if (!readout_importer_check_call (importer, extraction, c, &error))
            {
              outcome = OUTCOME_REFUSED;
              if (*refused == NULL)
                *refused = g_steal_pointer (&error);
            }
          g_array_append_val (outcomes, outcome);
        }
    }
  return outcomes;
}

static const char *
outcome_label (Outcome outcome)
{
  switch (outcome)
    {
    case OUTCOME_STORED_CALL:
      return _("adds to a stored call");
    case OUTCOME_REFUSED:
      return _("would be refused");
    case OUTCOME_NEW_CALL:
    default:
      return _("new call");
    }
}

int
readout_cli_import (const ReadoutCliOptions *options,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL…"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutImporter) importer = NULL;
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  g_autoptr(GArray) outcomes = NULL;
  g_autoptr(GError) refused = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean dry_run = FALSE;
  gboolean again = FALSE;
  int timeout = 0;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  g_autofree char *default_path = NULL;
  guint n_calls_new = 0, n_sources_new = 0;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be imported; write nothing"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The texts' date when they carry none"), "YYYY-MM-DD" },
    { "again", 0, 0, G_OPTION_ARG_NONE, &again, N_("Fetch addresses imported before again"), NULL },
    { "timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &timeout, NULL, "SECONDS" },
    { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today, NULL, "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (argc < 2)
    return readout_cli_usage_error ("import needs at least one FILE or URL.");
  if (date != NULL)
    {
      int y = 0, m = 0, d = 0;

      if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || y < 1 || y > 9999 || m < 1 || m > 12 ||
          d < 1 || !g_date_valid_dmy (d, m, y))
        return readout_cli_usage_error ("--date needs a date as YYYY-MM-DD (got “%s”).", date);
    }

  default_path = readout_store_dup_default_path ();
  /* A dry run reads the store for its leaders and calls but must not create one. */
  if (!dry_run)
    store = readout_cli_open_or_create_store (options, &error);
  else if (options->sample || g_file_test (options->database != NULL ? options->database : default_path,
                                           G_FILE_TEST_EXISTS))
    store = readout_cli_open_store (options, &error);
  if (store == NULL && error != NULL)
    return readout_cli_fail (error);

  importer = readout_importer_new (store);
  readout_extractor_set_fallback_date (readout_importer_get_extractor (importer), date);
  if (today != NULL)
    readout_extractor_set_today (readout_importer_get_extractor (importer), today);

  for (int i = 1; i < argc; i++)
    {
      gboolean skipped = FALSE;
      ReadoutExtraction *extraction = readout_web_is_address (argv[i])
        ? readout_cli_extract_address (importer, store, argv[i], MAX (timeout, 0), again, &skipped, &error)
        : readout_importer_extract_file (importer, argv[i], &error);

      if (skipped)
        continue;
      if (extraction == NULL)
        return readout_cli_fail (error);
      g_ptr_array_add (extractions, extraction);
    }
  /* "On Saturday" in a text without a date: by the other texts, then the store. */
  readout_undated_resolve (importer, extractions);
  for (guint i = 0; i < extractions->len; i++)
    readout_importer_match (importer, g_ptr_array_index (extractions, i));

  outcomes = note_outcomes (importer, extractions, &refused);

  if (!dry_run && !readout_importer_file (importer, extractions, &n_calls_new, &n_sources_new, &error))
    return readout_cli_fail (error);

  if (options->json)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < extractions->len; i++)
        {
          g_autoptr(JsonNode) node = readout_extraction_to_json (g_ptr_array_index (extractions, i));
          json_builder_add_value (builder, g_steal_pointer (&node));
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
    }
  else
    {
      guint k = 0;

      for (guint i = 0; i < extractions->len; i++)
        {
          ReadoutExtraction *extraction = g_ptr_array_index (extractions, i);

          for (guint c = 0; c < extraction->calls->len; c++)
            {
              ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);
              g_autoptr(GString) names = g_string_new (NULL);
              g_autofree char *statements = NULL;
              Outcome outcome = g_array_index (outcomes, Outcome, k++);

              for (guint p = 0; p < call->participants->len; p++)
                g_string_append_printf (names, "%s%s", p > 0 ? " – " : "",
                                        ((ReadoutExtractedParticipant *) g_ptr_array_index (call->participants, p))->name);
              statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                                         call->statements->len),
                                            call->statements->len);
              g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", extraction->file,
                       call->date != NULL ? call->date : "?",
                       readout_enum_to_string (READOUT_TYPE_CALL_STATUS, call->status), names->str,
                       statements,
                       outcome_label (outcome));
            }
        }
      if (!dry_run)
        {
          g_autofree char *calls = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new call", "%u new calls",
                                                                 n_calls_new), n_calls_new);
          g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new source",
                                                                   "%u new sources", n_sources_new),
                                                      n_sources_new);
          /* Translators: "2 new calls, 3 new sources" */
          g_print (_("%s, %s\n"), calls, sources);
        }
    }
  /* A dry run fails as the import would. */
  if (dry_run && refused != NULL)
    return readout_cli_fail (refused);
  return 0;
}

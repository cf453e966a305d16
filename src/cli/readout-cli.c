// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "readout-cli.h"
#include "readout-db.h"
#include "readout-db-location.h"
#include "readout-error.h"
#include "readout-sample.h"

/* readout-cli: everything the window shows, headless, for scripts and tests. The common
 * options are taken out here; each subcommand parses the rest itself. */

typedef struct {
  const char *name;
  ReadoutCliCommandFunc func;
  const char *summary;
} Command;

static const Command commands[] = {
  { "list-leaders", readout_cli_list_leaders, N_("List the leaders with their number of calls") },
  { "list-calls",   readout_cli_list_calls,   N_("List calls, newest first [--leader NAME] [--with NAME]") },
  { "show-call",    readout_cli_show_call,    N_("Show one call with its sources and statements: ID") },
  { "timeline",     readout_cli_timeline,     N_("Count calls per month or year and counterpart [--leader NAME] [--with NAME] [--from DATE] [--to DATE] [--by month|year]") },
  { "relations",    readout_cli_relations,    N_("List the pairs of leaders by how often they talk [--country COUNTRY] [--from DATE] [--to DATE] [--limit N]") },
  { "topic-history", readout_cli_topic_history, N_("One topic across a pair’s calls: --leader NAME --with NAME --topic TOPIC") },
  { "export-timeline", readout_cli_export_timeline, N_("Draw a leader’s timeline to PNG, SVG or PDF: --leader NAME --output FILE [--width N] [--height N]") },
  { "search",       readout_cli_search,       N_("Search everything that was said: QUERY") },
  { "compare",      readout_cli_compare,      N_("Compare what two sides of a call said: ID [--side-a COUNTRY] [--side-b COUNTRY]") },
  { "export-pdf",   readout_cli_export_pdf,   N_("Export a comparison to PDF: ID --output FILE [--paper a4|letter]") },
  { "generate",     readout_cli_generate,     N_("Write a synthetic store for benchmarks") },
  { "bench",        readout_cli_bench,        N_("Time the common reads on a store") },
  { "import",       readout_cli_import,       N_("Import articles and readouts: FILE|URL… [--dry-run] [--date DATE]") },
  { "export-json",  readout_cli_export_json,  N_("Export the whole store as JSON [--output FILE]") },
  { "import-json",  readout_cli_import_json,  N_("Import a JSON export, merging with what is stored: FILE") },
  { "push",         readout_cli_push,         N_("Copy a private store into a team store, merging: FILE postgresql://…") },
  { "pull",         readout_cli_pull,         N_("Copy a team store into a private store, merging: postgresql://… FILE") },
  { "export-csv",   readout_cli_export_csv,   N_("Export CSV: --calls|--statements [--call ID] --output FILE") },
  { "follow",       readout_cli_follow,       N_("Follow feeds of readouts: add URL | list | remove URL | check [--file]") },
  { "backup",       readout_cli_backup,       N_("Write a consistent copy of the store: FILE") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: readout-cli COMMAND [--database FILE|postgresql://… | --sample] [--json] [ARGUMENTS…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “readout-cli COMMAND --help” for the options of a command."));
}

ReadoutStore *
readout_cli_open_or_create_store (const ReadoutCliOptions  *options,
                                  GError                  **error)
{
  if (options->sample)
    return readout_sample_open (error);
  if (options->database != NULL && !readout_db_location_check (options->database, error))
    return NULL;
  return readout_store_open (options->database, error);
}

ReadoutStore *
readout_cli_open_store (const ReadoutCliOptions  *options,
                        GError                  **error)
{
  g_autofree char *default_path = NULL;
  const char *path = options->database;

  if (options->sample)
    return readout_sample_open (error);

  /* Reading must not leave an empty store behind as a side effect. A team store's
   * database is made by its administrator, and opening it only migrates its schema. */
  if (path == NULL)
    path = default_path = readout_store_dup_default_path ();
  if (!readout_db_location_check (path, error))
    return NULL;
  /* A team store is the server's to find; readout_store_open says when it cannot. */
  if (!readout_db_location_is_postgresql (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   "There is no store at “%s”: import a text or JSON into it first, or pass "
                   "--database FILE or --sample.", path);
      return NULL;
    }
  return readout_store_open (path, error);
}

int
readout_cli_fail (const GError *error)
{
  g_printerr ("readout-cli: %s\n", error->message);
  return 1;
}

int
readout_cli_usage_error (const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("readout-cli: %s\n", message);
  return 2;
}

int
readout_cli_option_error (int           argc,
                          char        **argv,
                          const GError *error)
{
  /* GOption takes "-1" for an unknown option; a negative id deserves the id's sentence. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && g_ascii_isdigit (argv[i][1]))
      return readout_cli_usage_error ("“%s” is not an id: give a whole number from 1 to %" G_GINT64_FORMAT ".",
                                      argv[i], G_MAXINT64);
  return readout_cli_usage_error ("%s", error->message);
}

gboolean
readout_cli_parse_id (const char *text,
                      gint64     *id)
{
  /* Not g_ascii_strtoll(), which turns 99999999999999999999 into the largest id. */
  return text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

void
readout_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
main (int    argc,
      char **argv)
{
  ReadoutCliOptions options = { NULL, FALSE, FALSE };
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *prgname = NULL;
  const char *command_name = NULL;
  const Command *command = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The common options may stand anywhere, before the command too; the first other
   * word is the command. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        options.json = TRUE;
      else if (g_str_equal (argv[i], "--sample"))
        options.sample = TRUE;
      else if (g_str_equal (argv[i], "--database"))
        {
          if (i + 1 >= argc)
            return readout_cli_usage_error ("--database needs a file name or a PostgreSQL location.");
          options.database = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--database="))
        options.database = argv[i] + strlen ("--database=");
      else if (command_name == NULL)
        command_name = argv[i];
      else
        g_ptr_array_add (rest, argv[i]);
    }

  if (command_name == NULL || g_str_equal (command_name, "--help") || g_str_equal (command_name, "-h") ||
      g_str_equal (command_name, "help"))
    {
      print_usage (command_name == NULL ? stderr : stdout);
      return command_name == NULL ? 2 : 0;
    }
  if (g_str_equal (command_name, "--version"))
    {
      g_print ("readout-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (command_name, commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr ("readout-cli: “%s” is not a command. Run “readout-cli --help” for the list.\n",
                  command_name);
      return 2;
    }

  if (options.sample && options.database != NULL)
    return readout_cli_usage_error ("Use either --sample or --database, not both.");
  if (options.database != NULL && options.database[0] == '\0')
    return readout_cli_usage_error ("--database needs a file name or a PostgreSQL location.");
  g_ptr_array_insert (rest, 0, (gpointer) command->name);
  g_ptr_array_add (rest, NULL);

  /* The command's own --help then reads "readout-cli COMMAND [OPTION…]". */
  prgname = g_strdup_printf ("readout-cli %s", command->name);
  g_set_prgname (prgname);

  return command->func (&options, (int) rest->len - 1, (char **) rest->pdata);
}

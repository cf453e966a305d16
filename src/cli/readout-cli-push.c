// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "readout-cli.h"
#include "readout-db.h"
#include "readout-store-json.h"

/* readout-cli push FILE postgresql://… and pull postgresql://… FILE: one store merged into
 * another, so that an analyst who started alone can join a team store, and take a copy of
 * it home. The merge rules are import-json's (what the target holds already is matched, not
 * duplicated; the whole copy is one transaction), because a private store and a team store
 * that once shared data must meet again without doubles. The export goes through a
 * temporary file, which the import reads a call at a time, rather than one document held
 * in memory. */

static gboolean
copy_store (const char               *from,
            const char               *to,
            ReadoutJsonImportCounts  *counts,
            GError                  **error)
{
  ReadoutCliOptions from_options = { .database = from };
  ReadoutCliOptions to_options = { .database = to };
  g_autoptr(ReadoutStore) source = NULL;
  g_autoptr(ReadoutStore) target = NULL;
  g_autofree char *json_path = NULL;
  gboolean ok;
  int fd;

  source = readout_cli_open_store (&from_options, error);
  if (source == NULL)
    return FALSE;
  target = readout_cli_open_or_create_store (&to_options, error);
  if (target == NULL)
    return FALSE;

  fd = g_file_open_tmp ("readout-copy-XXXXXX.json", &json_path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  ok = readout_store_export_json_file (source, json_path, error) &&
       readout_store_import_json_file (target, json_path, counts, error);
  g_unlink (json_path);
  return ok;
}

static int
run_copy (const ReadoutCliOptions *options,
          int                      argc,
          char                   **argv,
          gboolean                 push)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *usage = push
    ? "push needs the private store’s file, then the team store’s location: push FILE.db postgresql://…"
    : "pull needs the team store’s location, then the private store’s file: pull postgresql://… FILE.db";
  ReadoutJsonImportCounts counts = { 0, };
  const char *team, *file;

  context = g_option_context_new (push ? _("FILE postgresql://…") : _("postgresql://… FILE"));
  g_option_context_set_summary (context, push
    ? _("Copies a private store into a team store, matching what the team store holds already.")
    : _("Copies a team store into a private store, matching what the file holds already."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return readout_cli_usage_error ("%s", error->message);
  if (options->database != NULL || options->sample)
    return readout_cli_usage_error ("%s takes its two stores as arguments, not --database or --sample.",
                                    push ? "push" : "pull");
  if (argc != 3)
    return readout_cli_usage_error ("%s", usage);

  team = push ? argv[2] : argv[1];
  file = push ? argv[1] : argv[2];
  if (!readout_db_location_is_postgresql (team) || readout_db_location_is_postgresql (file))
    return readout_cli_usage_error ("%s", usage);

  if (!copy_store (argv[1], argv[2], &counts, &error))
    return readout_cli_fail (error);
  readout_cli_print_import_counts (options, &counts);
  return 0;
}

int
readout_cli_push (const ReadoutCliOptions *options,
                  int                      argc,
                  char                   **argv)
{
  return run_copy (options, argc, argv, TRUE);
}

int
readout_cli_pull (const ReadoutCliOptions *options,
                  int                      argc,
                  char                   **argv)
{
  return run_copy (options, argc, argv, FALSE);
}

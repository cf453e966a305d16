// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "readout-comparison.h"
#include "readout-importer.h"
#include "readout-store.h"
#include "readout-store-json.h"

G_BEGIN_DECLS

/* Options every subcommand understands; readout-cli.c parses them before it hands the
 * remaining arguments to the subcommand. */
typedef struct {
  const char *database;  /* --database FILE; NULL means the user's store */
  gboolean    sample;    /* --sample: the sample store */
  gboolean    json;      /* --json: print data as JSON */
} ReadoutCliOptions;

/* A subcommand gets its own arguments (argv[0] is its name) and returns the exit status.
 * It reports a failure with readout_cli_fail(), which prints one sentence to stderr. */
typedef int (*ReadoutCliCommandFunc) (const ReadoutCliOptions *options,
                                      int                      argc,
                                      char                   **argv);

/* Opens the store the options name; it must exist. */
ReadoutStore *readout_cli_open_store (const ReadoutCliOptions *options,
                                      GError                 **error);
/* The same, creating the store when there is none (for the commands that add data). */
ReadoutStore *readout_cli_open_or_create_store (const ReadoutCliOptions *options,
                                                GError                 **error);
/* Prints "readout-cli: MESSAGE" to stderr; returns the exit status to use (1). */
int           readout_cli_fail       (const GError            *error);
/* Same, for a usage problem found by the subcommand itself; returns 2. */
int           readout_cli_usage_error (const char             *format,
                                       ...) G_GNUC_PRINTF (1, 2);
/* For a failed g_option_context_parse(): its message, or one about a negative id. */
int           readout_cli_option_error (int                    argc,
                                        char                 **argv,
                                        const GError          *error);
/* A row id: a whole number from 1 to G_MAXINT64, nothing else. */
gboolean      readout_cli_parse_id   (const char              *text,
                                      gint64                  *id);
/* What an import of JSON (import-json, push, pull) wrote, as a sentence or with --json. */
void          readout_cli_print_import_counts (const ReadoutCliOptions       *options,
                                               const ReadoutJsonImportCounts *counts);
/* Pretty-prints @node to stdout followed by a newline. */
void          readout_cli_print_json (JsonNode                *node);

/* Shared by the commands that print leaders, calls and statements (readout-cli-browse.c). */
gboolean       readout_cli_parse_options (GOptionEntry *entries, const char *parameter, int *argc, char ***argv, int *status);
ReadoutLeader *readout_cli_resolve_leader (ReadoutStore *store, const char *name, GError **error);
/* --leader NAME and --with NAME (list-calls, timeline, topic-history, export-timeline):
 * after the options are parsed, refuses arguments and --with without --leader; then
 * opens the store and resolves the names that are set. FALSE or NULL with the exit
 * status in @status. */
gboolean       readout_cli_check_pair_usage (const char *command, int argc, char **argv, const char *leader_name,
                                             const char *other_name, int *status);
ReadoutStore  *readout_cli_open_with_pair (const ReadoutCliOptions *options, const char *leader_name,
                                           const char *other_name, ReadoutLeader **leader, ReadoutLeader **other,
                                           int *status);
void           readout_cli_build_call_json (JsonBuilder *builder, ReadoutCall *call);
void           readout_cli_build_statement_json (JsonBuilder *builder, ReadoutStatement *statement);

/* Subcommands, one file each: readout-cli-<name>.c */
int readout_cli_list_leaders (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_list_calls   (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_show_call    (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_search       (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_generate     (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_bench        (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_import       (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_compare      (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_export_pdf   (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_export_json  (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_import_json  (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_push         (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_pull         (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_export_csv   (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_backup       (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_follow       (const ReadoutCliOptions *options, int argc, char **argv);

/* An import argument that is a web address (readout-cli-web.c); NULL with *@skipped set when
 * the store has a source with that address already and @again is FALSE. */
ReadoutExtraction *readout_cli_extract_address (ReadoutImporter *importer, ReadoutStore *store, const char *url,
                                                guint timeout_seconds, gboolean again, gboolean *skipped,
                                                GError **error);
int readout_cli_timeline     (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_relations    (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_topic_history (const ReadoutCliOptions *options, int argc, char **argv);
int readout_cli_export_timeline (const ReadoutCliOptions *options, int argc, char **argv);

/* Shared by compare and export-pdf (readout-cli-compare.c). */
gboolean readout_cli_parse_call_id (const char *command, int argc, char **argv, gint64 *call_id, int *status);
char *readout_cli_resolve_side (ReadoutStore *store, const char *text, const char *which, GError **error);
ReadoutComparison *readout_cli_build_comparison (ReadoutStore *store, gint64 call_id, const char *side_a, const char *side_b, const char *source_a, const char *source_b, GError **error);

G_END_DECLS

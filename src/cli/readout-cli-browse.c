// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "readout-json.h"
#include "readout-cli.h"
#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-search-hit.h"
#include "readout-search-model.h"
#include "readout-cli-table.h"

/* The reading commands: list-leaders, list-calls, show-call, search. JSON field names
 * are part of the CLI's interface (documented in README.md): change them only with care. */



ReadoutLeader *
readout_cli_resolve_leader (ReadoutStore  *store,
                            const char    *name,
                            GError       **error)
{
  g_autoptr(ReadoutLeader) leader = NULL;
  gint64 id;

  if (readout_cli_parse_id (name, &id))
    return readout_store_get_leader (store, id, error);
  leader = readout_store_find_leader (store, name, error);
  if (leader == NULL && (error == NULL || *error == NULL))
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                 "There is no leader named “%s” in the store (see “readout-cli list-leaders”).", name);
  return g_steal_pointer (&leader);
}

gboolean
readout_cli_check_pair_usage (const char  *command,
                              int          argc,
                              char       **argv,
                              const char  *leader_name,
                              const char  *other_name,
                              int         *status)
{
  if (argc > 1)
    *status = readout_cli_usage_error ("%s takes no arguments (got “%s”); use --leader NAME.", command, argv[1]);
  else if (other_name != NULL && leader_name == NULL)
    *status = readout_cli_usage_error ("--with needs --leader as well.");
  else
    return TRUE;
  return FALSE;
}

ReadoutStore *
readout_cli_open_with_pair (const ReadoutCliOptions  *options,
                            const char               *leader_name,
                            const char               *other_name,
                            ReadoutLeader           **leader,
                            ReadoutLeader           **other,
                            int                      *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_cli_open_store (options, &error);

  if (store == NULL ||
      (leader_name != NULL && (*leader = readout_cli_resolve_leader (store, leader_name, &error)) == NULL) ||
      (other_name != NULL && (*other = readout_cli_resolve_leader (store, other_name, &error)) == NULL))
    {
      *status = readout_cli_fail (error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* Parses a subcommand's own options; FALSE (with the exit status in @status) on error. */
gboolean
readout_cli_parse_options (GOptionEntry  *entries,
                           const char    *parameter,
                           int           *argc,
                           char        ***argv,
                           int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _("Common options: --database FILE, --sample, --json"));
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = readout_cli_option_error (*argc, *argv, error);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------- */

static void
build_leader_json (JsonBuilder   *builder,
                   ReadoutLeader *leader)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, readout_leader_get_id (leader));
  readout_json_add_string (builder, "name", readout_leader_get_name (leader));
  readout_json_add_strv (builder, "aliases", readout_leader_get_aliases (leader));
  readout_json_add_string (builder, "country", readout_leader_get_country (leader));
  readout_json_add_string (builder, "country_name", readout_leader_get_country_name (leader));
  readout_json_add_string (builder, "office", readout_leader_get_office (leader));
  readout_json_add_string (builder, "term_start", readout_leader_get_term_start (leader));
  readout_json_add_string (builder, "term_end", readout_leader_get_term_end (leader));
  json_builder_set_member_name (builder, "call_count");
  json_builder_add_int_value (builder, readout_leader_get_call_count (leader));
  readout_json_add_string (builder, "last_call_date", readout_leader_get_last_call_date (leader));
  json_builder_end_object (builder);
}

int
readout_cli_list_leaders (const ReadoutCliOptions *options,
                          int                      argc,
                          char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) leaders = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *sort = NULL;
  int sort_value = READOUT_LEADER_SORT_NAME;
  int status;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter, N_("Only leaders whose name, alias or country contains TEXT"), "TEXT" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("Sort by “name” (default) or “last_call”"), "ORDER" },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return readout_cli_usage_error ("list-leaders takes no arguments (got “%s”).", argv[1]);
  if (sort != NULL && !readout_enum_from_string (READOUT_TYPE_LEADER_SORT, sort, &sort_value))
    return readout_cli_usage_error ("--sort takes “name” or “last_call”, not “%s”.", sort);

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  leaders = readout_store_list_leaders (store, sort_value, filter);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
        {
          g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);
          build_leader_json (builder, leader);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return 0;
    }

  {
    const char *headings[] = { _("ID"), _("Name"), _("Country"), _("Office"), _("Calls"), _("Last call"), NULL };
    g_autoptr(ReadoutCliTable) table = readout_cli_table_new (headings);

    for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
      {
        g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, readout_leader_get_id (leader));
        g_autofree char *count = g_strdup_printf ("%u", readout_leader_get_call_count (leader));
        const char *cells[] = { id, readout_leader_get_name (leader), readout_leader_get_country_name (leader),
                                readout_leader_get_office (leader), count,
                                readout_leader_get_last_call_date (leader) };

        readout_cli_table_add_row (table, cells);
      }
    readout_cli_table_print (table);
  }
  return 0;
}

/* ---------------------------------------------------------------------------------- */

void
readout_cli_build_call_json (JsonBuilder *builder,
                             ReadoutCall *call)
{
  const char * const *names = readout_call_get_participant_names (call);
  const char * const *countries = readout_call_get_participant_countries (call);
  const gint64 *ids;
  guint n_ids;

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, readout_call_get_id (call));
  readout_json_add_string (builder, "date", readout_call_get_date (call));
  readout_json_add_string (builder, "date_precision",
                      readout_enum_to_string (READOUT_TYPE_DATE_PRECISION,
                                              readout_call_get_date_precision (call)));
  readout_json_add_string (builder, "time", readout_call_get_time (call));
  json_builder_set_member_name (builder, "duration_minutes");
  if (readout_call_get_duration_minutes (call) >= 0)
    json_builder_add_int_value (builder, readout_call_get_duration_minutes (call));
  else
    json_builder_add_null_value (builder);
  readout_json_add_string (builder, "duration_qualifier",
                      readout_call_get_duration_qualifier (call) == READOUT_DURATION_UNKNOWN ? NULL
                      : readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER,
                                                readout_call_get_duration_qualifier (call)));
  readout_json_add_string (builder, "status",
                      readout_enum_to_string (READOUT_TYPE_CALL_STATUS, readout_call_get_status (call)));
  readout_json_add_string (builder, "initiator", readout_call_get_initiator_name (call));

  ids = readout_call_get_participant_ids (call, &n_ids);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ids; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, ids[i]);
      readout_json_add_string (builder, "name", names != NULL ? names[i] : NULL);
      readout_json_add_string (builder, "country", countries != NULL ? countries[i] : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  readout_json_add_strv (builder, "topics", readout_call_get_topics (call));
}

/* "Vladimir Putin" for a call of Donald Trump's, or every other participant joined. */
static char *
dup_counterparts (ReadoutCall *call,
                  gint64       leader_id)
{
  const char * const *names = readout_call_get_participant_names (call);
  const gint64 *ids;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_ids;

  ids = readout_call_get_participant_ids (call, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      if (ids[i] == leader_id)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, names[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
readout_cli_list_calls (const ReadoutCliOptions *options,
                        int                      argc,
                        char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) leader = NULL;
  g_autoptr(ReadoutLeader) other = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autofree char *leader_name = NULL;
  g_autofree char *other_name = NULL;
  int status;
  GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader_name, N_("The calls of this leader (name, alias or id)"), "NAME" },
    { "with", 0, 0, G_OPTION_ARG_STRING, &other_name, N_("Only the calls with this second leader"), "NAME" },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status) ||
      !readout_cli_check_pair_usage ("list-calls", argc, argv, leader_name, other_name, &status))
    return status;
  store = readout_cli_open_with_pair (options, leader_name, other_name, &leader, &other, &status);
  if (store == NULL)
    return status;
  calls = readout_store_list_calls (store, leader != NULL ? readout_leader_get_id (leader) : 0,
                                    other != NULL ? readout_leader_get_id (other) : 0);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
        {
          g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);

          json_builder_begin_object (builder);
          readout_cli_build_call_json (builder, call);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return 0;
    }

  {
    const char *headings[] = { _("ID"), _("Date"), leader != NULL ? _("With") : _("Participants"), _("Status"),
                               _("Duration"), _("Topics"), NULL };
    g_autoptr(ReadoutCliTable) table = readout_cli_table_new (headings);

    for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
      {
        g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, readout_call_get_id (call));
        g_autofree char *with = dup_counterparts (call, leader != NULL ? readout_leader_get_id (leader) : 0);
        g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                             readout_call_get_duration_qualifier (call));
        g_autofree char *topics = g_strjoinv (", ", (char **) readout_call_get_topics (call));
        const char *cells[] = { id, readout_call_get_date (call), with,
                                readout_format_call_status (readout_call_get_status (call)), duration, topics };

        readout_cli_table_add_row (table, cells);
      }
    readout_cli_table_print (table);
  }
  return 0;
}

/* ---------------------------------------------------------------------------------- */

void
readout_cli_build_statement_json (JsonBuilder      *builder,
                                  ReadoutStatement *statement)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, readout_statement_get_id (statement));
  readout_json_add_string (builder, "speaker", readout_statement_get_speaker (statement));
  readout_json_add_string (builder, "side", readout_statement_get_side (statement));
  readout_json_add_string (builder, "kind", readout_enum_to_string (READOUT_TYPE_STATEMENT_KIND,
                                                               readout_statement_get_kind (statement)));
  readout_json_add_string (builder, "text", readout_statement_get_text (statement));
  readout_json_add_strv (builder, "topics", readout_statement_get_topics (statement));
  json_builder_end_object (builder);
}

static void
print_call_header (ReadoutStore *store,
                   ReadoutCall  *call)
{
  g_autofree char *participants = g_strjoinv (" – ", (char **) readout_call_get_participant_names (call));
  g_autofree char *date = readout_format_date (readout_call_get_date (call),
                                               readout_call_get_date_precision (call));
  g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                       readout_call_get_duration_qualifier (call));
  g_autofree char *topics = g_strjoinv (", ", (char **) readout_call_get_topics (call));

  g_print ("%s %" G_GINT64_FORMAT ": %s\n", _("Call"), readout_call_get_id (call), participants);
  g_print ("  %-11s %s%s%s\n", _("Date:"), date,
           readout_call_get_time (call) != NULL ? ", " : "",
           readout_call_get_time (call) != NULL ? readout_call_get_time (call) : "");
  g_print ("  %-11s %s\n", _("Status:"), readout_format_call_status (readout_call_get_status (call)));
  g_print ("  %-11s %s\n", _("Duration:"), duration != NULL ? duration : _("unknown"));
  g_print ("  %-11s %s\n", _("Initiator:"), readout_call_get_initiator_name (call) != NULL
                                           ? readout_call_get_initiator_name (call) : _("unknown"));
  g_print ("  %-11s %s\n", _("Topics:"), topics[0] != '\0' ? topics : "—");
}

int
readout_cli_show_call (const ReadoutCliOptions *options,
                       int                      argc,
                       char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  gint64 id;
  int status;
  GOptionEntry entries[] = { { NULL } };

  if (!readout_cli_parse_options (entries, "ID", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return readout_cli_usage_error ("show-call takes one call id (see “readout-cli list-calls”).");
  if (!readout_cli_parse_id (argv[1], &id))
    return readout_cli_usage_error ("“%s” is not a call id: give a whole number from 1 to %"
                                    G_GINT64_FORMAT ".", argv[1], G_MAXINT64);

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  call = readout_store_get_call (store, id, &error);
  if (call == NULL)
    return readout_cli_fail (error);
  sources = readout_store_list_sources (store, id);
  conflicts = readout_store_list_conflicts (store, id);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      readout_cli_build_call_json (builder, call);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
          g_autoptr(GListModel) statements = readout_store_list_source_statements (store, readout_source_get_id (source));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, readout_source_get_id (source));
          readout_json_add_string (builder, "publisher", readout_source_get_publisher (source));
          readout_json_add_string (builder, "kind", readout_enum_to_string (READOUT_TYPE_SOURCE_KIND,
                                                                       readout_source_get_kind (source)));
          readout_json_add_string (builder, "side", readout_source_get_side (source));
          readout_json_add_string (builder, "date", readout_source_get_date (source));
          readout_json_add_string (builder, "title", readout_source_get_title (source));
          readout_json_add_string (builder, "url", readout_source_get_url (source));
          json_builder_set_member_name (builder, "statements");
          json_builder_begin_array (builder);
          for (guint j = 0; j < g_list_model_get_n_items (statements); j++)
            {
              g_autoptr(ReadoutStatement) statement = g_list_model_get_item (statements, j);
              readout_cli_build_statement_json (builder, statement);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
        {
          g_autoptr(ReadoutConflict) conflict = g_list_model_get_item (conflicts, i);

          json_builder_begin_object (builder);
          readout_json_add_string (builder, "field", readout_conflict_get_field (conflict));
          json_builder_set_member_name (builder, "claims");
          json_builder_begin_array (builder);
          for (guint j = 0; j < readout_conflict_get_n_claims (conflict); j++)
            {
              json_builder_begin_object (builder);
              readout_json_add_string (builder, "value", readout_conflict_get_claim_value (conflict, j));
              json_builder_set_member_name (builder, "source_id");
              json_builder_add_int_value (builder, readout_conflict_get_claim_source_id (conflict, j));
              readout_json_add_string (builder, "source", readout_conflict_get_claim_source_publisher (conflict, j));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return 0;
    }

  print_call_header (store, call);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(ReadoutConflict) conflict = g_list_model_get_item (conflicts, i);

      g_print ("  %s %s:", _("Conflict on"), readout_conflict_get_field (conflict));
      for (guint j = 0; j < readout_conflict_get_n_claims (conflict); j++)
        {
          const char *publisher = readout_conflict_get_claim_source_publisher (conflict, j);

          /* A claim with no source is its value alone, as in the window and the PDF. */
          g_print ("%s “%s”", j > 0 ? "," : "", readout_conflict_get_claim_value (conflict, j));
          if (publisher != NULL)
            g_print (" (%s)", publisher);
        }
      g_print ("\n");
    }

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GListModel) statements = readout_store_list_source_statements (store, readout_source_get_id (source));
      g_autofree char *side = readout_format_side (store, readout_source_get_side (source));

      g_print ("\n%s — %s (%s, %s)\n", side, readout_source_get_publisher (source),
               readout_format_source_kind (readout_source_get_kind (source)),
               readout_source_get_date (source) != NULL ? readout_source_get_date (source) : _("undated"));
      if (readout_source_get_title (source) != NULL)
        g_print ("  %s\n", readout_source_get_title (source));
      if (readout_source_get_url (source) != NULL)
        g_print ("  %s\n", readout_source_get_url (source));
      for (guint j = 0; j < g_list_model_get_n_items (statements); j++)
        {
          g_autoptr(ReadoutStatement) statement = g_list_model_get_item (statements, j);
          g_autofree char *topics = g_strjoinv (", ", (char **) readout_statement_get_topics (statement));
          gboolean quote = readout_statement_get_kind (statement) == READOUT_STATEMENT_KIND_QUOTE;

          g_print ("  • %s: %s%s%s", readout_statement_get_speaker (statement) != NULL
                                     ? readout_statement_get_speaker (statement) : _("Unattributed"),
                   quote ? "“" : "", readout_statement_get_text (statement), quote ? "”" : "");
          if (topics[0] != '\0')
            g_print (" [%s]", topics);
          g_print ("\n");
        }
    }
  return 0;
}

/* ---------------------------------------------------------------------------------- */

/* The snippet with its match markers turned into [brackets] (or dropped for JSON). */
static char *
dup_snippet_text (const char *snippet,
                  gboolean    brackets)
{
  GString *text = g_string_new (NULL);

  for (const char *p = snippet != NULL ? snippet : ""; *p != '\0'; p++)
    {
      if (*p == '\x02')
        {
          if (brackets)
            g_string_append_c (text, '[');
        }
      else if (*p == '\x03')
        {
          if (brackets)
            g_string_append_c (text, ']');
        }
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

int
readout_cli_search (const ReadoutCliOptions *options,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *query = NULL;
  int limit = 50;
  int status;
  guint n;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (default 50)"), "N" },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "QUERY", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return readout_cli_usage_error ("search needs words to look for.");
  if (limit < 1)
    return readout_cli_usage_error ("--limit must be at least 1.");
  query = g_strjoinv (" ", argv + 1);
  {
    g_autofree char *words = readout_search_model_build_fts_query (query);

    if (words == NULL)
      return readout_cli_usage_error ("search needs words to look for (got only spaces or punctuation).");
  }

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  hits = readout_store_search (store, query, &error);
  if (hits == NULL)
    return readout_cli_fail (error);
  n = MIN (g_list_model_get_n_items (hits), (guint) limit);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);
          g_autofree char *snippet = dup_snippet_text (readout_search_hit_get_snippet (hit), FALSE);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "call_id");
          json_builder_add_int_value (builder, readout_search_hit_get_call_id (hit));
          json_builder_set_member_name (builder, "statement_id");
          if (readout_search_hit_get_statement_id (hit) != 0)
            json_builder_add_int_value (builder, readout_search_hit_get_statement_id (hit));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "source_id");
          json_builder_add_int_value (builder, readout_search_hit_get_source_id (hit));
          readout_json_add_string (builder, "call_date", readout_search_hit_get_call_date (hit));
          readout_json_add_string (builder, "participants", readout_search_hit_get_call_participants (hit));
          readout_json_add_string (builder, "speaker", readout_search_hit_get_speaker (hit));
          readout_json_add_string (builder, "side", readout_search_hit_get_side (hit));
          readout_json_add_string (builder, "publisher", readout_search_hit_get_source_publisher (hit));
          readout_json_add_string (builder, "snippet", snippet);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return 0;
    }

  if (n == 0)
    {
      g_print ("%s\n", _("No results."));
      return 0;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *snippet = dup_snippet_text (readout_search_hit_get_snippet (hit), TRUE);

      g_print ("%s %" G_GINT64_FORMAT " · %s · %s · %s\n    %s\n", _("Call"),
               readout_search_hit_get_call_id (hit), readout_search_hit_get_call_date (hit),
               readout_search_hit_get_call_participants (hit),
               readout_search_hit_get_speaker (hit) != NULL ? readout_search_hit_get_speaker (hit)
                                                            : readout_search_hit_get_source_publisher (hit),
               snippet);
    }
  if (READOUT_IS_SEARCH_MODEL (hits) &&
      readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)) > n)
    g_print (_("(%u of %u matches shown)\n"), n, readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)));
  return 0;
}

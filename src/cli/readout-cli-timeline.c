// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-cli.h"
#include "readout-cli-table.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-json.h"
#include "readout-pdf-layout.h"
#include "readout-store-timeline.h"
#include "readout-relations-chart.h"
#include "readout-timeline-chart.h"

/* Calls over time: timeline (counts per period and counterpart), relations (the pairs
 * of leaders that talk most) and topic-history (one topic across a pair's calls). JSON
 * field names are part of the CLI's interface (README.md). */

/* Checks --from and --to before the store is opened: a bad date is a usage error. */
static gboolean
check_range_options (const char *from,
                     const char *to,
                     int        *status)
{
  const char *bad = from != NULL && !readout_parse_iso_date (from, NULL, NULL) ? from
                    : to != NULL && !readout_parse_iso_date (to, NULL, NULL) ? to : NULL;

  if (bad != NULL)
    *status = readout_cli_usage_error ("“%s” is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.", bad);
  else if (from != NULL && to != NULL && strncmp (from, to, MIN (strlen (from), strlen (to))) > 0)
    *status = readout_cli_usage_error ("--from %s comes after --to %s.", from, to);
  else
    return TRUE;
  return FALSE;
}

static gboolean
parse_period (const char            *text,
              ReadoutTimelinePeriod *period)
{
  if (text == NULL || g_str_equal (text, "month"))
    *period = READOUT_TIMELINE_BY_MONTH;
  else if (g_str_equal (text, "year"))
    *period = READOUT_TIMELINE_BY_YEAR;
  else if (g_str_equal (text, "week"))
    *period = READOUT_TIMELINE_BY_WEEK;
  else
    return FALSE;
  return TRUE;
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_uint (JsonBuilder *builder,
          const char  *name,
          guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64) value);
}

/* ---------------------------------------------------------------------------------- */
/* timeline                                                                           */

static void
print_counts_json (GPtrArray                  *counts,
                   ReadoutLeader              *leader,
                   ReadoutLeader              *other,
                   const ReadoutTimelineQuery *query,
                   const char                 *by)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_optional_string (builder, "leader", leader != NULL ? readout_leader_get_name (leader) : NULL);
  add_optional_string (builder, "with", other != NULL ? readout_leader_get_name (other) : NULL);
  add_optional_string (builder, "from", query->from);
  add_optional_string (builder, "to", query->to);
  add_optional_string (builder, "by", by);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      ReadoutTimelineCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      add_optional_string (builder, "period", count->period);
      if (leader != NULL)
        {
          add_uint (builder, "counterpart_id", (guint64) count->counterpart_id);
          add_optional_string (builder, "counterpart", count->counterpart_name);
          add_optional_string (builder, "country", count->counterpart_country);
        }
      add_uint (builder, "calls", count->n_calls);
      add_uint (builder, "held", count->n_held);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  readout_cli_print_json (root);
}

static void
print_counts_text (GPtrArray *counts,
                   gboolean   with_counterparts)
{
  const char *full[] = { _("Period"), _("Counterpart"), _("Country"), _("Calls"), _("Held"), NULL };
  const char *totals[] = { _("Period"), _("Calls"), _("Held"), NULL };
  g_autoptr(ReadoutCliTable) table = readout_cli_table_new (with_counterparts ? full : totals);

  for (guint i = 0; i < counts->len; i++)
    {
      ReadoutTimelineCount *count = g_ptr_array_index (counts, i);
      char calls[16], held[16];

      g_snprintf (calls, sizeof calls, "%u", count->n_calls);
      g_snprintf (held, sizeof held, "%u", count->n_held);
      if (with_counterparts)
        readout_cli_table_add_row (table, (const char *[]) { count->period, count->counterpart_name,
                                                             count->counterpart_country, calls, held });
      else
        readout_cli_table_add_row (table, (const char *[]) { count->period, calls, held });
    }
  readout_cli_table_print (table);
}

int
readout_cli_timeline (const ReadoutCliOptions *options,
                      int                      argc,
                      char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) leader = NULL;
  g_autoptr(ReadoutLeader) other = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *leader_name = NULL, *other_name = NULL, *from = NULL, *to = NULL, *by = NULL;
  ReadoutTimelineQuery query = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader_name, N_("The calls of this leader, per counterpart (name, alias or id)"), "NAME" },
    { "with", 0, 0, G_OPTION_ARG_STRING, &other_name, N_("Only the calls with this second leader"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only calls on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only calls on or before DATE"), "DATE" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Count per “month” (default), “year” or “week”"), "PERIOD" },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status) ||
      !readout_cli_check_pair_usage ("timeline", argc, argv, leader_name, other_name, &status))
    return status;
  if (!parse_period (by, &query.period))
    return readout_cli_usage_error ("--by takes “month”, “year” or “week”, not “%s”.", by);
  if (!check_range_options (from, to, &status))
    return status;

  store = readout_cli_open_with_pair (options, leader_name, other_name, &leader, &other, &status);
  if (store == NULL)
    return status;

  query.leader_id = leader != NULL ? readout_leader_get_id (leader) : 0;
  query.other_leader_id = other != NULL ? readout_leader_get_id (other) : 0;
  query.from = from;
  query.to = to;
  counts = readout_store_timeline_counts (store, &query, &error);
  if (counts == NULL)
    return readout_cli_fail (error);

  if (options->json)
    print_counts_json (counts, leader, other, &query, by != NULL ? by : "month");
  else
    print_counts_text (counts, leader != NULL);
  return 0;
}

/* ---------------------------------------------------------------------------------- */
/* relations                                                                          */

/* A sparkline of calls per year in block characters, scaled to the busiest year. */
static char *
dup_sparkline (const ReadoutRelation *relation)
{
  static const char * const blocks[] = { "·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
  GString *line = g_string_new (NULL);
  guint most = 1;

  for (guint i = 0; i < relation->n_years; i++)
    most = MAX (most, relation->per_year[i]);
  for (guint i = 0; i < relation->n_years; i++)
    {
      guint level = relation->per_year[i] == 0 ? 0 : MAX (1, relation->per_year[i] * 8 / most);

      g_string_append (line, blocks[level]);
    }
  return g_string_free (line, FALSE);
}

static void
build_relation_json (JsonBuilder           *builder,
                     const ReadoutRelation *relation)
{
  json_builder_begin_object (builder);
  add_uint (builder, "leader_a_id", (guint64) relation->leader_a);
  add_optional_string (builder, "leader_a", relation->name_a);
  add_optional_string (builder, "country_a", relation->country_a);
  add_uint (builder, "leader_b_id", (guint64) relation->leader_b);
  add_optional_string (builder, "leader_b", relation->name_b);
  add_optional_string (builder, "country_b", relation->country_b);
  add_uint (builder, "calls", relation->n_calls);
  json_builder_set_member_name (builder, "per_year");
  json_builder_begin_object (builder);
  for (guint y = 0; y < relation->n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%u", relation->first_year + y);

      add_uint (builder, year, relation->per_year[y]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_relations (GPtrArray *relations,
                 gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < relations->len; i++)
        build_relation_json (builder, g_ptr_array_index (relations, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      readout_cli_print_json (root);
      return;
    }

  {
    const char *headings[] = { _("Calls"), _("Leader"), _("Leader"), _("Years"), _("Calls per year"), NULL };
    g_autoptr(ReadoutCliTable) table = readout_cli_table_new (headings);

    for (guint i = 0; i < relations->len; i++)
      {
        ReadoutRelation *relation = g_ptr_array_index (relations, i);
        g_autofree char *calls = g_strdup_printf ("%u", relation->n_calls);
        g_autofree char *years = relation->n_years > 1
                                 ? g_strdup_printf ("%u–%u", relation->first_year,
                                                    relation->first_year + relation->n_years - 1)
                                 : g_strdup_printf ("%u", relation->first_year);
        g_autofree char *sparkline = dup_sparkline (relation);

        readout_cli_table_add_row (table, (const char *[]) { calls, relation->name_a, relation->name_b,
                                                             years, sparkline });
      }
    readout_cli_table_print (table);
  }
}

/* The chart's subtitle says what it is limited to: the dates and the country. */
static int
write_relations_chart (GPtrArray                   *relations,
                       const ReadoutRelationsQuery *query,
                       const char                  *output,
                       int                          width,
                       int                          height,
                       gboolean                     dark)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (query->from != NULL || query->to != NULL)
    g_string_append_printf (subtitle, "%s – %s", query->from != NULL ? query->from : "",
                            query->to != NULL ? query->to : "");
  if (query->country != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", query->country);
  /* Translators: the title of the exported relations chart */
  if (!readout_relations_chart_export (relations, output, width, height, _("Who Talks Most"),
                                       subtitle->len > 0 ? subtitle->str : NULL, dark, &error))
    return readout_cli_fail (error);
  g_print (_("Wrote %s.\n"), output);
  return 0;
}

int
readout_cli_relations (const ReadoutCliOptions *options,
                       int                      argc,
                       char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *country = NULL, *code = NULL, *from = NULL, *to = NULL, *output = NULL;
  ReadoutRelationsQuery query = { 0 };
  int limit = 0, width = 1280, height = 800;
  gboolean dark = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only pairs with a leader of this country (code, name or demonym)"), "COUNTRY" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only calls on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only calls on or before DATE"), "DATE" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Only the N pairs with the most calls"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Draw the chart to FILE: .png, .svg or .pdf"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for SVG and PDF), 1280 by default"), "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height, 800 by default"), "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark style’s colours"), NULL },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return readout_cli_usage_error ("relations takes no arguments (got “%s”).", argv[1]);
  if (limit < 0)
    return readout_cli_usage_error ("--limit takes a positive number, not %d.", limit);
  if (!check_range_options (from, to, &status))
    return status;

  store = readout_cli_open_store (options, &error);
  if (store == NULL)
    return readout_cli_fail (error);
  if (country != NULL && (code = readout_store_find_country_code (store, country)) == NULL)
    return readout_cli_usage_error ("“%s” is not a country: give an ISO code (RU), an English name "
                                    "(Russia) or a demonym (Russian).", country);

  query = (ReadoutRelationsQuery) { .country = code, .from = from, .to = to, .limit = (guint) limit };
  relations = readout_store_relations (store, &query, &error);
  if (relations == NULL)
    return readout_cli_fail (error);
  if (output != NULL)
    return write_relations_chart (relations, &query, output, width, height, dark);
  print_relations (relations, options->json);
  return 0;
}

/* ---------------------------------------------------------------------------------- */
/* topic-history                                                                      */

static const char *
mentioned_by_name (ReadoutTopicMentionedBy  mentioned_by,
                   ReadoutLeader           *a,
                   ReadoutLeader           *b)
{
  switch (mentioned_by)
    {
    case READOUT_TOPIC_MENTIONED_BY_A:
      return readout_leader_get_country (a);
    case READOUT_TOPIC_MENTIONED_BY_B:
      return readout_leader_get_country (b);
    case READOUT_TOPIC_MENTIONED_BY_BOTH:
      return "both";
    case READOUT_TOPIC_MENTIONED_BY_NONE:
    default:
      return NULL;
    }
}

static void
build_statements_json (JsonBuilder *builder,
                       const char  *name,
                       GPtrArray   *statements)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < statements->len; i++)
    readout_cli_build_statement_json (builder, g_ptr_array_index (statements, i));
  json_builder_end_array (builder);
}

static void
print_history_json (GPtrArray     *history,
                    ReadoutLeader *a,
                    ReadoutLeader *b,
                    ReadoutTopic  *topic)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_optional_string (builder, "leader_a", readout_leader_get_name (a));
  add_optional_string (builder, "side_a", readout_leader_get_country (a));
  add_optional_string (builder, "leader_b", readout_leader_get_name (b));
  add_optional_string (builder, "side_b", readout_leader_get_country (b));
  add_optional_string (builder, "topic", readout_topic_get_name (topic));
  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      ReadoutTopicHistoryEntry *entry = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      readout_cli_build_call_json (builder, entry->call);
      add_optional_string (builder, "raised_by", mentioned_by_name (entry->mentioned_by, a, b));
      build_statements_json (builder, "side_a_statements", entry->side_a);
      build_statements_json (builder, "side_b_statements", entry->side_b);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  readout_cli_print_json (root);
}

/* One side's statements as rows of @table: its country on the first, then the speaker
 * and the statement; "—" where the side said nothing on the topic. */
static void
add_side_rows (ReadoutCliTable *table,
               ReadoutLeader   *leader,
               GPtrArray       *statements)
{
  for (guint i = 0; i < MAX (statements->len, 1); i++)
    {
      ReadoutStatement *statement = i < statements->len ? g_ptr_array_index (statements, i) : NULL;
      const char *speaker = statement != NULL ? readout_statement_get_speaker (statement) : NULL;

      readout_cli_table_add_row (table, (const char *[]) {
        "", i == 0 ? readout_leader_get_country (leader) : "", speaker != NULL ? speaker : "",
        statement != NULL ? readout_statement_get_text (statement) : NULL });
    }
}

static void
print_history_text (GPtrArray     *history,
                    ReadoutLeader *a,
                    ReadoutLeader *b)
{
  for (guint i = 0; i < history->len; i++)
    {
      ReadoutTopicHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *raised_text = readout_topic_mentioned_by_format (entry->mentioned_by,
                                                                        readout_leader_get_country (a),
                                                                        readout_leader_get_country (b));
      /* An empty first column indents the sides under their call. */
      const char *headings[] = { "", "", "", "", NULL };
      g_autoptr(ReadoutCliTable) sides = readout_cli_table_new (headings);

      if (i > 0)
        g_print ("\n");
      g_print ("%s  %s  %s\n", readout_call_get_date (entry->call),
               readout_format_call_status (readout_call_get_status (entry->call)), raised_text);
      add_side_rows (sides, a, entry->side_a);
      add_side_rows (sides, b, entry->side_b);
      readout_cli_table_print_rows (sides);
    }
}

static int
write_history_pdf (ReadoutStore  *store,
                   ReadoutLeader *a,
                   ReadoutLeader *b,
                   const char    *topic,
                   const char    *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutPdfLayout) layout = readout_pdf_layout_new_for_topic_history (store, readout_leader_get_id (a),
                                                                                 readout_leader_get_id (b),
                                                                                 topic, &error);

  if (layout == NULL)
    return readout_cli_fail (error);
  readout_pdf_layout_set_paper (layout, readout_paper_from_locale ());
  if (!readout_pdf_layout_write_pdf (layout, output, &error))
    return readout_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n",
                        readout_pdf_layout_get_n_pages (layout)),
           output, readout_pdf_layout_get_n_pages (layout));
  return 0;
}

int
readout_cli_topic_history (const ReadoutCliOptions *options,
                           int                      argc,
                           char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) a = NULL;
  g_autoptr(ReadoutLeader) b = NULL;
  g_autoptr(ReadoutTopic) topic = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *leader_name = NULL, *other_name = NULL, *topic_name = NULL, *output = NULL;
  int status;
  GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader_name, N_("The first leader (name, alias or id); their country is side A"), "NAME" },
    { "with", 0, 0, G_OPTION_ARG_STRING, &other_name, N_("The second leader; their country is side B"), "NAME" },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic_name, N_("The topic, by name (see the topics in the window)"), "TOPIC" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write it as a PDF to FILE, laid out as the comparison’s"), "FILE" },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return readout_cli_usage_error ("topic-history takes no arguments (got “%s”).", argv[1]);
  if (leader_name == NULL || other_name == NULL || topic_name == NULL)
    return readout_cli_usage_error ("topic-history needs --leader NAME, --with NAME and --topic TOPIC.");

  store = readout_cli_open_with_pair (options, leader_name, other_name, &a, &b, &status);
  if (store == NULL)
    return status;
  if (output != NULL)
    return write_history_pdf (store, a, b, topic_name, output);
  topic = readout_store_find_topic (store, topic_name, &error);
  if (topic == NULL)
    return readout_cli_fail (error);
  history = readout_store_topic_history (store, readout_leader_get_id (a), readout_leader_get_id (b),
                                         readout_topic_get_id (topic), &error);
  if (history == NULL)
    return readout_cli_fail (error);

  if (options->json)
    print_history_json (history, a, b, topic);
  else
    print_history_text (history, a, b);
  return 0;
}

/* ---------------------------------------------------------------------------------- */
/* export-timeline                                                                    */

int
readout_cli_export_timeline (const ReadoutCliOptions *options,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) leader = NULL;
  g_autoptr(ReadoutTimelineChart) chart = NULL;
  g_autofree char *leader_name = NULL, *output = NULL, *from = NULL, *to = NULL, *title = NULL;
  int width = 1280, height = 800, status;
  gboolean dark = FALSE;
  GDate date;
  GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader_name, N_("The leader whose calls to draw (name, alias or id)"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), "FILE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Start the chart at DATE (YYYY, YYYY-MM or YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("End the chart at DATE"), "DATE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for SVG and PDF), 1280 by default"), "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height, 800 by default"), "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark style’s colours"), NULL },
    { NULL }
  };

  if (!readout_cli_parse_options (entries, "", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return readout_cli_usage_error ("export-timeline takes no arguments (got “%s”).", argv[1]);
  if (leader_name == NULL || output == NULL)
    return readout_cli_usage_error ("export-timeline needs --leader NAME and --output FILE.");
  if (!check_range_options (from, to, &status))
    return status;

  store = readout_cli_open_with_pair (options, leader_name, NULL, &leader, NULL, &status);
  if (store == NULL)
    return status;
  chart = readout_timeline_chart_new (store, readout_leader_get_id (leader), &error);
  if (chart == NULL)
    return readout_cli_fail (error);
  if (from != NULL || to != NULL)
    {
      double first, last;

      readout_timeline_chart_get_span (chart, &first, &last);
      g_date_clear (&date, 1);
      if (from != NULL && readout_parse_iso_date (from, NULL, &date))
        first = g_date_get_julian (&date);
      if (to != NULL && readout_parse_iso_date (to, NULL, &date))
        last = g_date_get_julian (&date) + 1;
      readout_timeline_chart_set_view (chart, first, last);
    }

  /* Translators: the title of an exported timeline; %s is a leader's name */
  title = g_strdup_printf (_("Calls of %s"), readout_leader_get_name (leader));
  if (!readout_timeline_chart_export (chart, output, width, height, title, dark, &error))
    return readout_cli_fail (error);
  if (!options->json)
    g_print (_("Wrote %s.\n"), output);
  return 0;
}

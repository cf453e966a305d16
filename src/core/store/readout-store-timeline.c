// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-store-private.h"
#include "readout-store-timeline.h"

/* ReadoutStore, continued: calls over time. Every query starts from the participants
 * index (leader_id, call_date, call_id), so a leader's calls in a date range are one
 * index range, and the grouping happens in SQLite. */

/* The inclusive date range as SQL over a call_date column: ?3 and ?4 hold the bounds.
 * The upper bound gets a '~' (after every digit and '-') so that "2022-03" includes
 * "2022-03-31". The casts tell PostgreSQL the parameters' type. */
#define RANGE(column) \
  " AND (CAST (?3 AS text) IS NULL OR " column " >= ?3)" \
  " AND (CAST (?4 AS text) IS NULL OR " column " <= ?4 || '~')"

/* The period of a call_date. A date coarser than the period stays as it is. The ISO
 * week is that of the week's Thursday (SQLite 3.40 has no %V); PostgreSQL names it. */
#define PERIOD_YEAR(d)  "substr (" d ", 1, 4)"
#define PERIOD_MONTH(d) "substr (" d ", 1, 7)"
#define PERIOD_WEEK_SQLITE(d) \
  "CASE WHEN length (" d ") = 10 THEN strftime ('%Y', " d ", '-3 days', 'weekday 4')" \
  " || '-W' || printf ('%02d', (strftime ('%j', " d ", '-3 days', 'weekday 4') - 1) / 7 + 1)" \
  " ELSE " d " END"
#define PERIOD_WEEK_POSTGRESQL(d) \
  "CASE WHEN length (" d ") = 10 THEN to_char (CAST (" d " AS date), 'IYYY-\"W\"IW')" \
  " ELSE " d " END"

void
readout_timeline_count_free (ReadoutTimelineCount *count)
{
  g_free (count->period);
  g_free (count->counterpart_name);
  g_free (count->counterpart_country);
  g_free (count);
}

void
readout_timeline_lane_free (ReadoutTimelineLane *lane)
{
  g_free (lane->name);
  g_free (lane->country);
  g_free (lane);
}

void
readout_relation_free (ReadoutRelation *relation)
{
  g_free (relation->name_a);
  g_free (relation->country_a);
  g_free (relation->name_b);
  g_free (relation->country_b);
  g_free (relation->per_year);
  g_free (relation);
}

void
readout_topic_history_entry_free (ReadoutTopicHistoryEntry *entry)
{
  g_clear_object (&entry->call);
  g_clear_pointer (&entry->side_a, g_ptr_array_unref);
  g_clear_pointer (&entry->side_b, g_ptr_array_unref);
  g_free (entry);
}

char *
readout_topic_mentioned_by_format (ReadoutTopicMentionedBy  mentioned_by,
                                   const char              *side_a,
                                   const char              *side_b)
{
  switch (mentioned_by)
    {
    case READOUT_TOPIC_MENTIONED_BY_A:
      /* Translators: which side's readout raises the topic; %s is a country */
      return g_strdup_printf (_("Raised by %s"), side_a);
    case READOUT_TOPIC_MENTIONED_BY_B:
      return g_strdup_printf (_("Raised by %s"), side_b);
    case READOUT_TOPIC_MENTIONED_BY_BOTH:
      return g_strdup (_("Raised by both sides"));
    case READOUT_TOPIC_MENTIONED_BY_NONE:
    default:
      return g_strdup (_("Not mentioned by either side"));
    }
}

static gboolean
check_range (const char  *from,
             const char  *to,
             GError     **error)
{
  const char *bad = NULL;

  if (from != NULL && !readout_parse_iso_date (from, NULL, NULL))
    bad = from;
  else if (to != NULL && !readout_parse_iso_date (to, NULL, NULL))
    bad = to;
  if (bad != NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” is not a valid date: write it as YYYY-MM-DD, YYYY-MM or YYYY."), bad);
      return FALSE;
    }
  return TRUE;
}

/* Prepares @sql and binds the range to ?3 and ?4; NULL (with @error) on failure. */
static ReadoutDbStatement *
prepare_with_range (ReadoutStore  *self,
                    const char    *sql,
                    const char    *from,
                    const char    *to,
                    GError       **error)
{
  ReadoutDbStatement *stmt;

  if (!check_range (from, to, error))
    return NULL;
  stmt = readout_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  readout_store_bind_text_or_null (stmt, 3, from);
  readout_store_bind_text_or_null (stmt, 4, to);
  return stmt;
}

/* Steps @stmt to its end; FALSE (with @error) when SQLite failed part-way. */
static gboolean
finish_rows (ReadoutStore  *self,
             ReadoutDbStatement  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  readout_db_statement_reset (stmt);
  if (rc == READOUT_DB_DONE)
    return TRUE;
  readout_store_set_db_error (self, db_error, what, error);
  return FALSE;
}

/* ---------------------------------------------------------------------------------- */
/* Counts per period                                                                  */

/* Counted per period and counterpart first; the counterparts' totals (for the order)
 * and names come from those counts, a row for each rather than for each call. */
#define COUNTS_OF_LEADER(period) \
  "WITH per AS (SELECT " period " AS period, o.leader_id AS who, count(*) AS n," \
  "  sum (CASE WHEN c.status = 'held' THEN 1 ELSE 0 END) AS held FROM call_participants me" \
  "  JOIN call_participants o ON o.call_id = me.call_id AND o.leader_id <> me.leader_id" \
  "  JOIN calls c ON c.id = me.call_id" \
  "  WHERE me.leader_id = ?1 AND (?2 = 0 OR o.leader_id = ?2)" RANGE ("me.call_date") \
  "  GROUP BY period, who)," \
  " tot AS (SELECT who, sum (n) AS total FROM per GROUP BY who)" \
  " SELECT per.period, per.who, l.name, l.country, per.n, per.held" \
  " FROM per JOIN tot ON tot.who = per.who JOIN leaders l ON l.id = per.who" \
  " ORDER BY per.period, tot.total DESC, l.name COLLATE NOCASE, per.who"

#define COUNTS_OF_ALL(period) \
  "SELECT " period " AS period, 0, NULL, NULL, count(*)," \
  "  sum (CASE WHEN c.status = 'held' THEN 1 ELSE 0 END)" \
  " FROM calls c WHERE ?1 = 0 AND ?2 = 0" RANGE ("c.date") \
  " GROUP BY period ORDER BY period"

static const char *
counts_sql (ReadoutTimelinePeriod period,
            gboolean              of_leader,
            ReadoutDbEngine       engine)
{
  switch (period)
    {
    case READOUT_TIMELINE_BY_WEEK:
      if (engine == READOUT_DB_ENGINE_POSTGRESQL)
        return of_leader ? COUNTS_OF_LEADER (PERIOD_WEEK_POSTGRESQL ("me.call_date"))
                         : COUNTS_OF_ALL (PERIOD_WEEK_POSTGRESQL ("c.date"));
      return of_leader ? COUNTS_OF_LEADER (PERIOD_WEEK_SQLITE ("me.call_date"))
                       : COUNTS_OF_ALL (PERIOD_WEEK_SQLITE ("c.date"));
    case READOUT_TIMELINE_BY_MONTH:
      return of_leader ? COUNTS_OF_LEADER (PERIOD_MONTH ("me.call_date"))
                       : COUNTS_OF_ALL (PERIOD_MONTH ("c.date"));
    case READOUT_TIMELINE_BY_YEAR:
    default:
      return of_leader ? COUNTS_OF_LEADER (PERIOD_YEAR ("me.call_date"))
                       : COUNTS_OF_ALL (PERIOD_YEAR ("c.date"));
    }
}

GPtrArray *
readout_store_timeline_counts (ReadoutStore               *self,
                               const ReadoutTimelineQuery *query,
                               GError                    **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->leader_id != 0 || query->other_leader_id == 0, NULL);

  stmt = prepare_with_range (self, counts_sql (query->period, query->leader_id != 0,
                                               readout_db_get_engine (readout_store_get_db (self))),
                             query->from, query->to, error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, query->leader_id);
  readout_db_statement_bind_int64 (stmt, 2, query->other_leader_id);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_timeline_count_free);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutTimelineCount *count = g_new0 (ReadoutTimelineCount, 1);

      count->period = g_strdup (readout_db_statement_column_text (stmt, 0));
      count->counterpart_id = readout_db_statement_column_int64 (stmt, 1);
      count->counterpart_name = g_strdup (readout_db_statement_column_text (stmt, 2));
      count->counterpart_country = g_strdup (readout_db_statement_column_text (stmt, 3));
      count->n_calls = (guint) readout_db_statement_column_int64 (stmt, 4);
      count->n_held = (guint) readout_db_statement_column_int64 (stmt, 5);
      g_ptr_array_add (counts, count);
    }
  if (!finish_rows (self, stmt, rc, _("Could not count the calls"), error))
    return NULL;
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------------------------- */
/* Marks and lanes                                                                    */

void
readout_timeline_calls_free (ReadoutTimelineCalls *calls)
{
  g_clear_pointer (&calls->marks, g_array_unref);
  g_clear_pointer (&calls->lanes, g_ptr_array_unref);
  g_clear_pointer (&calls->links, g_array_unref);
  g_free (calls);
}

static guint32
julian_day_of (const char *iso_date)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!readout_parse_iso_date (iso_date, NULL, &date))
    return 0;
  return g_date_get_julian (&date);
}

/* Reading state: the lanes in the order first met, found by counterpart id. */
typedef struct {
  ReadoutTimelineCalls *calls;
  GHashTable           *lane_of;    /* counterpart id -> index + 1 in calls->lanes */
  int                   position;   /* of the current mark's counterpart in its call */
} TimelineReader;

static guint32
reader_lane (TimelineReader *reader,
             ReadoutDbStatement   *stmt)
{
  gint64 leader_id = readout_db_statement_column_int64 (stmt, 1);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (reader->lane_of, &leader_id));
  ReadoutTimelineLane *lane;

  if (index == 0)
    {
      lane = g_new0 (ReadoutTimelineLane, 1);
      lane->leader_id = leader_id;
      g_ptr_array_add (reader->calls->lanes, lane);
      index = reader->calls->lanes->len;
      g_hash_table_insert (reader->lane_of, g_memdup2 (&leader_id, sizeof leader_id),
                           GUINT_TO_POINTER (index));
    }
  lane = g_ptr_array_index (reader->calls->lanes, index - 1);
  lane->n_calls++;
  return index - 1;
}

/* One row is one counterpart of one call; a call's rows come together, and its mark goes
 * to the counterpart first in the call's order. */
static void
reader_add_row (TimelineReader *reader,
                ReadoutDbStatement   *stmt)
{
  GArray *marks = reader->calls->marks;
  gint64 call_id = readout_db_statement_column_int64 (stmt, 0);
  gboolean alone = readout_db_statement_column_is_null (stmt, 1);
  int position = (int) readout_db_statement_column_int64 (stmt, 2);
  ReadoutTimelineMark *mark;
  ReadoutTimelineLink link;

  if (marks->len == 0 || g_array_index (marks, ReadoutTimelineMark, marks->len - 1).call_id != call_id)
    {
      ReadoutTimelineMark added = { .call_id = call_id, .lane = READOUT_TIMELINE_NO_LANE };
      int precision = READOUT_DATE_PRECISION_DAY, status = READOUT_CALL_STATUS_HELD;

      readout_enum_from_string (READOUT_TYPE_DATE_PRECISION, readout_db_statement_column_text (stmt, 4), &precision);
      readout_enum_from_string (READOUT_TYPE_CALL_STATUS, readout_db_statement_column_text (stmt, 5), &status);
      added.julian_day = julian_day_of (readout_db_statement_column_text (stmt, 3));
      added.precision = (guint8) precision;
      added.status = (guint8) status;
      added.duration_minutes = readout_db_statement_column_is_null (stmt, 6)
                               ? -1 : (gint16) MIN ((int) readout_db_statement_column_int64 (stmt, 6), G_MAXINT16);
      g_array_append_val (marks, added);
      reader->position = G_MAXINT;
    }
  if (alone)
    return;
  mark = &g_array_index (marks, ReadoutTimelineMark, marks->len - 1);
  link.mark = marks->len - 1;
  link.lane = reader_lane (reader, stmt);
  g_array_append_val (reader->calls->links, link);
  if (position < reader->position)
    {
      reader->position = position;
      mark->counterpart_id = readout_db_statement_column_int64 (stmt, 1);
      mark->lane = link.lane;
    }
}

#define LANE_NAMES_SQLITE \
  "SELECT l.id, l.name, l.country FROM json_each (?1) j JOIN leaders l ON l.id = j.value"
#define LANE_NAMES_POSTGRESQL \
  "SELECT l.id, l.name, l.country FROM json_array_elements_text (CAST (?1 AS json)) j" \
  " JOIN leaders l ON l.id = CAST (j AS bigint)"

/* The counterparts' names, looked up once for each lane in one statement rather than
 * joined to each of the leader's calls: a busy leader calls the same people many times.
 * The ids go in as a JSON array, bound like any text. */
static gboolean
read_lane_names (ReadoutStore  *self,
                 GPtrArray     *lanes,
                 GHashTable    *lane_of,
                 GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GString) ids = g_string_new ("[");
  ReadoutDbStatement *stmt;
  int rc;

  for (guint i = 0; i < lanes->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ((ReadoutTimelineLane *) g_ptr_array_index (lanes, i))->leader_id);
  g_string_append_c (ids, ']');
  stmt = readout_store_prepare (self,
                                readout_db_get_engine (readout_store_get_db (self)) == READOUT_DB_ENGINE_POSTGRESQL
                                ? LANE_NAMES_POSTGRESQL : LANE_NAMES_SQLITE, error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_static_text (stmt, 1, ids->str, (int) ids->len);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      gint64 id = readout_db_statement_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of, &id));
      ReadoutTimelineLane *lane = g_ptr_array_index (lanes, index - 1);

      g_assert (index > 0);
      lane->name = g_strdup (readout_db_statement_column_text (stmt, 1));
      lane->country = g_strdup (readout_db_statement_column_text (stmt, 2));
    }
  return finish_rows (self, stmt, rc, _("Could not read the calls"), error);
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const ReadoutTimelineLane *x = *(ReadoutTimelineLane * const *) a;
  const ReadoutTimelineLane *y = *(ReadoutTimelineLane * const *) b;
  int by_name;

  if (x->n_calls != y->n_calls)
    return x->n_calls > y->n_calls ? -1 : 1;
  /* As SQLite's NOCASE, which folds ASCII only. */
  by_name = g_ascii_strcasecmp (x->name != NULL ? x->name : "", y->name != NULL ? y->name : "");
  if (by_name != 0)
    return by_name;
  return (x->leader_id > y->leader_id) - (x->leader_id < y->leader_id);
}

/* Orders the lanes, most calls first, and renumbers the marks' and links' lanes. */
static void
reader_sort_lanes (TimelineReader *reader)
{
  ReadoutTimelineCalls *calls = reader->calls;
  g_autofree guint32 *rank = g_new (guint32, MAX (calls->lanes->len, 1));
  g_autoptr(GHashTable) met = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < calls->lanes->len; i++)
    g_hash_table_insert (met, g_ptr_array_index (calls->lanes, i), GUINT_TO_POINTER (i));
  g_ptr_array_sort (calls->lanes, compare_lanes);
  for (guint i = 0; i < calls->lanes->len; i++)
    rank[GPOINTER_TO_UINT (g_hash_table_lookup (met, g_ptr_array_index (calls->lanes, i)))] = i;
  for (guint i = 0; i < calls->marks->len; i++)
    {
      ReadoutTimelineMark *mark = &g_array_index (calls->marks, ReadoutTimelineMark, i);

      if (mark->lane != READOUT_TIMELINE_NO_LANE)
        mark->lane = rank[mark->lane];
    }
  for (guint i = 0; i < calls->links->len; i++)
    {
      ReadoutTimelineLink *link = &g_array_index (calls->links, ReadoutTimelineLink, i);

      link->lane = rank[link->lane];
    }
}

ReadoutTimelineCalls *
readout_store_read_timeline (ReadoutStore  *self,
                             gint64         leader_id,
                             GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GHashTable) lane_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(ReadoutTimelineCalls) calls = g_new0 (ReadoutTimelineCalls, 1);
  TimelineReader reader = { calls, lane_of, G_MAXINT };
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  /* The participants index gives the leader's calls in date order; each call's other
   * participants and its row are one lookup each. */
  stmt = readout_store_prepare (self,
                                "SELECT me.call_id, o.leader_id, o.position, me.call_date,"
                                " c.date_precision, c.status, c.duration_minutes"
                                " FROM call_participants me JOIN calls c ON c.id = me.call_id"
                                " LEFT JOIN call_participants o ON o.call_id = me.call_id"
                                "  AND o.leader_id <> me.leader_id"
                                " WHERE me.leader_id = ?1 ORDER BY me.call_date, me.call_id",
                                error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, leader_id);

  calls->marks = g_array_new (FALSE, TRUE, sizeof (ReadoutTimelineMark));
  calls->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_timeline_lane_free);
  calls->links = g_array_new (FALSE, TRUE, sizeof (ReadoutTimelineLink));
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    reader_add_row (&reader, stmt);
  if (!finish_rows (self, stmt, rc, _("Could not read the calls"), error) ||
      !read_lane_names (self, calls->lanes, lane_of, error))
    return NULL;
  reader_sort_lanes (&reader);
  return g_steal_pointer (&calls);
}
/* ---------------------------------------------------------------------------------- */
/* Relations                                                                          */

/* Spreads "2017:3,2019:1" (a pair's calls per year, any order) over first_year..last_year. */
static void
relation_set_years (ReadoutRelation *relation,
                    const char      *per_year)
{
  g_auto(GStrv) parts = g_strsplit (per_year != NULL ? per_year : "", ",", -1);
  guint first = G_MAXUINT, last = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint year = (guint) strtoul (parts[i], NULL, 10);

      first = MIN (first, year);
      last = MAX (last, year);
    }
  if (first > last)
    return;
  relation->first_year = first;
  relation->n_years = last - first + 1;
  relation->per_year = g_new0 (guint, relation->n_years);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = NULL;
      guint year = (guint) strtoul (parts[i], &colon, 10);

      if (colon != NULL && *colon == ':')
        relation->per_year[year - first] += (guint) strtoul (colon + 1, NULL, 10);
    }
}

/* Pairs are counted once, with the lower leader id first. py (pair, year, calls) comes
 * from pair_years, which triggers keep in step, when the range is whole years; a range
 * of months or days counts the calls in it (found through calls_date). The totals are
 * ranked before the per-year rows of only the pairs kept are gathered. */
#define RELATIONS_BY_YEAR \
  "WITH py AS NOT MATERIALIZED (SELECT leader_a AS x, leader_b AS y, year AS yr," \
  "  n_calls AS n FROM pair_years" \
  "  WHERE ?2 = 0" RANGE ("year") "),"
#define RELATIONS_BY_DAY \
  "WITH py AS (SELECT a.leader_id AS x, b.leader_id AS y, substr (c.date, 1, 4) AS yr," \
  "   count(*) AS n FROM calls c" \
  "  JOIN call_participants a ON a.call_id = c.id" \
  "  JOIN call_participants b ON b.call_id = c.id AND b.leader_id > a.leader_id" \
  "  WHERE ?2 = 0" RANGE ("c.date") " GROUP BY x, y, yr),"
#define RELATIONS_RANKED \
  " of_country AS (SELECT id FROM leaders WHERE country = ?1)," \
  " tot AS (SELECT x, y, sum (n) AS total FROM py" \
  "  WHERE CAST (?1 AS text) IS NULL OR x IN (SELECT id FROM of_country)" \
  "   OR y IN (SELECT id FROM of_country)" \
  "  GROUP BY x, y ORDER BY total DESC, x, y LIMIT ?5)" \
  " SELECT tot.x, la.name, la.country, tot.y, lb.name, lb.country, tot.total," \
  "  (SELECT group_concat (yr || ':' || n, ',') FROM py WHERE py.x = tot.x AND py.y = tot.y)" \
  " FROM tot JOIN leaders la ON la.id = tot.x JOIN leaders lb ON lb.id = tot.y" \
  " ORDER BY tot.total DESC, la.name COLLATE NOCASE, lb.name COLLATE NOCASE, tot.x, tot.y"

static gboolean
is_whole_year (const char *date)
{
  return date == NULL || strlen (date) == 4;
}

static ReadoutRelation *
relation_from_row (ReadoutDbStatement *stmt)
{
  ReadoutRelation *relation = g_new0 (ReadoutRelation, 1);

  relation->leader_a = readout_db_statement_column_int64 (stmt, 0);
  relation->name_a = g_strdup (readout_db_statement_column_text (stmt, 1));
  relation->country_a = g_strdup (readout_db_statement_column_text (stmt, 2));
  relation->leader_b = readout_db_statement_column_int64 (stmt, 3);
  relation->name_b = g_strdup (readout_db_statement_column_text (stmt, 4));
  relation->country_b = g_strdup (readout_db_statement_column_text (stmt, 5));
  relation->n_calls = (guint) readout_db_statement_column_int64 (stmt, 6);
  relation_set_years (relation, readout_db_statement_column_text (stmt, 7));
  return relation;
}

GPtrArray *
readout_store_relations (ReadoutStore                *self,
                         const ReadoutRelationsQuery *query,
                         GError                     **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare_with_range (self,
                             is_whole_year (query->from) && is_whole_year (query->to)
                             ? RELATIONS_BY_YEAR RELATIONS_RANKED
                             : RELATIONS_BY_DAY RELATIONS_RANKED,
                             query->from, query->to, error);
  if (stmt == NULL)
    return NULL;
  readout_store_bind_text_or_null (stmt, 1, query->country);
  readout_db_statement_bind_int64 (stmt, 2, 0);
  /* Not -1 for "all": PostgreSQL refuses a negative LIMIT. */
  readout_db_statement_bind_int64 (stmt, 5, query->limit > 0 ? (gint64) query->limit : G_MAXINT64);

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_relation_free);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    g_ptr_array_add (relations, relation_from_row (stmt));
  if (!finish_rows (self, stmt, rc, _("Could not count the calls between leaders"), error))
    return NULL;
  return g_steal_pointer (&relations);
}

/* ---------------------------------------------------------------------------------- */
/* One topic across a pair's calls                                                    */

ReadoutTopic *
readout_store_find_topic (ReadoutStore  *self,
                          const char    *name,
                          GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GObject) topic = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Case-insensitive on both engines (PostgreSQL has no NOCASE column); there are few
   * topics, so a scan past SQLite's NOCASE index costs nothing. */
  stmt = readout_store_prepare (self, "SELECT " TOPIC_COLUMNS " FROM topics t"
                                      " WHERE casefold (t.name) = casefold (CAST (?1 AS text))", error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_text (stmt, 1, name);
  rc = readout_db_statement_step (stmt, &db_error);
  if (rc == READOUT_DB_ROW)
    topic = readout_store_topic_from_row (stmt);
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_ROW && rc != READOUT_DB_DONE)
    readout_store_set_db_error (self, db_error, _("Could not read the topics"), error);
  else if (topic == NULL)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                 _("There is no topic named “%s”."), name);
  return (ReadoutTopic *) g_steal_pointer (&topic);
}

/* The countries of two leaders, which must differ: each is the side of its leader. */
static gboolean
get_sides (ReadoutStore  *self,
           gint64         leader_a,
           gint64         leader_b,
           char         **side_a,
           char         **side_b,
           GError       **error)
{
  g_autoptr(ReadoutLeader) a = readout_store_get_leader (self, leader_a, error);
  g_autoptr(ReadoutLeader) b = a != NULL ? readout_store_get_leader (self, leader_b, error) : NULL;

  if (b == NULL)
    return FALSE;
  if (readout_leader_get_country (a) == NULL || readout_leader_get_country (b) == NULL ||
      g_str_equal (readout_leader_get_country (a), readout_leader_get_country (b)))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("%s and %s need countries, and different ones, to be told apart as sides."),
                   readout_leader_get_name (a), readout_leader_get_name (b));
      return FALSE;
    }
  *side_a = g_strdup (readout_leader_get_country (a));
  *side_b = g_strdup (readout_leader_get_country (b));
  return TRUE;
}

#define CALLS_OF_PAIR \
  " WHERE me.leader_id = ?1 AND EXISTS (SELECT 1 FROM call_participants o" \
  "   WHERE o.call_id = me.call_id AND o.leader_id = ?2)"

/* The pair's calls, oldest first, each an entry with empty sides; @by_call maps a
 * call id to its entry. */
static GPtrArray *
read_pair_calls (ReadoutStore  *self,
                 gint64         leader_a,
                 gint64         leader_b,
                 GHashTable    *by_call,
                 GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  stmt = readout_store_prepare (self, "SELECT " CALL_COLUMNS " FROM call_participants me"
                                      " JOIN calls c ON c.id = me.call_id" CALL_INITIATOR_JOIN
                                      CALLS_OF_PAIR " ORDER BY me.call_date, me.call_id", error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, leader_a);
  readout_db_statement_bind_int64 (stmt, 2, leader_b);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_topic_history_entry_free);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutTopicHistoryEntry *entry = g_new0 (ReadoutTopicHistoryEntry, 1);

      entry->call = READOUT_CALL (readout_store_call_from_row (stmt));
      entry->side_a = g_ptr_array_new_with_free_func (g_object_unref);
      entry->side_b = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (by_call, g_memdup2 (&(gint64) { readout_call_get_id (entry->call) },
                                               sizeof (gint64)), entry);
      g_ptr_array_add (entries, entry);
    }
  if (!finish_rows (self, stmt, rc, _("Could not read the calls"), error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* Files the statements on @topic_id of either side under their calls' entries. */
static gboolean
read_pair_statements (ReadoutStore  *self,
                      gint64         leader_a,
                      gint64         leader_b,
                      gint64         topic_id,
                      const char    *side_a,
                      const char    *side_b,
                      GHashTable    *by_call,
                      GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  stmt = readout_store_prepare (self, "SELECT " STATEMENT_COLUMNS STATEMENT_FROM
                                      " WHERE st.call_id IN (SELECT me.call_id FROM call_participants me"
                                      CALLS_OF_PAIR ")"
                                      " AND st.side IN (?4, ?5) AND EXISTS (SELECT 1"
                                      "  FROM statement_topics x WHERE x.statement_id = st.id"
                                      "  AND x.topic_id = ?3)"
                                      " ORDER BY so.date IS NULL, so.date, st.source_id,"
                                      "  st.position, st.id", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, leader_a);
  readout_db_statement_bind_int64 (stmt, 2, leader_b);
  readout_db_statement_bind_int64 (stmt, 3, topic_id);
  readout_db_statement_bind_text (stmt, 4, side_a);
  readout_db_statement_bind_text (stmt, 5, side_b);

  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutStatement *statement = READOUT_STATEMENT (readout_store_statement_from_row (stmt));
      gint64 call_id = readout_statement_get_call_id (statement);
      ReadoutTopicHistoryEntry *entry = g_hash_table_lookup (by_call, &call_id);
      gboolean is_a = g_strcmp0 (readout_statement_get_side (statement), side_a) == 0;

      g_assert (entry != NULL);
      g_ptr_array_add (is_a ? entry->side_a : entry->side_b, statement);
      entry->mentioned_by |= is_a ? READOUT_TOPIC_MENTIONED_BY_A : READOUT_TOPIC_MENTIONED_BY_B;
    }
  return finish_rows (self, stmt, rc, _("Could not read the statements"), error);
}

GPtrArray *
readout_store_topic_history (ReadoutStore  *self,
                             gint64         leader_a,
                             gint64         leader_b,
                             gint64         topic_id,
                             GError       **error)
{
  g_autoptr(GHashTable) by_call = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                  g_free, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  if (!get_sides (self, leader_a, leader_b, &side_a, &side_b, error))
    return NULL;
  entries = read_pair_calls (self, leader_a, leader_b, by_call, error);
  if (entries == NULL ||
      !read_pair_statements (self, leader_a, leader_b, topic_id, side_a, side_b, by_call, error))
    return NULL;
  return g_steal_pointer (&entries);
}

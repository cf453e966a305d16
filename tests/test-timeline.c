// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "readout-error.h"
#include "readout-format.h"
#include "readout-generator.h"
#include "readout-store-json.h"
#include "readout-store-timeline.h"
#include "readout-timeline-chart.h"
#include "readout-test-util.h"

/* The calls-over-time aggregations (issue 14), each checked against counts this test
 * works out itself by walking readout_store_list_calls() in C. */

typedef struct {
  char *folder;
  ReadoutStore *store;
  gint64 busiest;
} Generated;

/* The generator writes a file: on PostgreSQL the fixture is a team store with the same
 * leaders, calls and ids, copied through the JSON path (an empty store keeps the ids).
 * The copy takes the server a minute, so only the test asking for it (@data) has it. */
static void
copy_to_team_store (Generated *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_build_filename (fixture->folder, "generated.json", NULL);

  g_assert_true (readout_store_export_json_file (fixture->store, json, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  fixture->store = readout_test_open_store (fixture->folder, "generated-team.db");
  readout_store_import_json_file (fixture->store, json, NULL, &error);
  g_assert_no_error (error);
}

static void
generated_set_up (Generated     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) leaders = NULL;
  ReadoutGeneratorOptions options = { .n_leaders = 40, .n_calls = 2500, .n_statements = 600,
                                      .seed = 14 };

  fixture->folder = readout_test_make_folder ();
  path = g_build_filename (fixture->folder, "generated.db", NULL);
  g_assert_true (readout_generator_run (path, &options, &error));
  g_assert_no_error (error);
  fixture->store = readout_store_open (path, &error);
  g_assert_no_error (error);
  if (readout_test_engine_is_postgresql () && GPOINTER_TO_INT (data))
    copy_to_team_store (fixture);
  else
    readout_test_skip_on_postgresql ("the generated store is a SQLite file; "
                                     "/timeline/counts/generated copies it to the server");

  /* The generator gives a few leaders thousands of calls: take the busiest. */
  leaders = readout_store_list_leaders (fixture->store, READOUT_LEADER_SORT_NAME, NULL);
  for (guint i = 0, most = 0; i < g_list_model_get_n_items (leaders); i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);

      if (readout_leader_get_call_count (leader) > most)
        {
          most = readout_leader_get_call_count (leader);
          fixture->busiest = readout_leader_get_id (leader);
        }
    }
  g_assert_cmpint (fixture->busiest, >, 0);
}

static void
generated_tear_down (Generated     *fixture,
                     gconstpointer  data)
{
  g_clear_object (&fixture->store);
  readout_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* The period of a date, worked out with GDate rather than SQL. */
static char *
expected_period (const char            *date,
                 ReadoutTimelinePeriod  period)
{
  GDate day;

  if (period == READOUT_TIMELINE_BY_YEAR)
    return g_strndup (date, 4);
  if (period == READOUT_TIMELINE_BY_MONTH)
    return g_strndup (date, MIN (strlen (date), 7));
  if (strlen (date) != 10)
    return g_strdup (date);
  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  g_assert_true (g_date_valid (&day));
  /* The ISO year is the year of the week's Thursday. */
  {
    GDate thursday = day;
    int weekday = g_date_get_weekday (&thursday);  /* Monday = 1 */

    if (weekday < 4)
      g_date_add_days (&thursday, 4 - weekday);
    else
      g_date_subtract_days (&thursday, weekday - 4);
    return g_strdup_printf ("%04u-W%02u", g_date_get_year (&thursday),
                            g_date_get_iso8601_week_of_year (&day));
  }
}

static ReadoutCall *
add_dated_call (ReadoutStore         *store,
                const char           *date,
                ReadoutDatePrecision  precision,
                ReadoutCallStatus     status,
                const gint64         *ids,
                guint                 n_ids)
{
  g_autoptr(GError) error = NULL;
  ReadoutCall *call = readout_call_new ();

  readout_call_set_date (call, date);
  readout_call_set_date_precision (call, precision);
  readout_call_set_status (call, status);
  readout_call_set_participant_ids (call, ids, n_ids);
  g_assert_true (readout_store_insert_call (store, call, &error));
  g_assert_no_error (error);
  return call;
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  /* Inclusive, at the precision of the bound: compare the date cut to the bound's length. */
  if (from != NULL && strncmp (date, from, strlen (from)) < 0)
    return FALSE;
  if (to != NULL && strncmp (date, to, strlen (to)) > 0)
    return FALSE;
  return TRUE;
}

/* "period|counterpart" -> calls, and "period|counterpart|held" -> held calls. */
static GHashTable *
count_by_walking (ReadoutStore               *store,
                  const ReadoutTimelineQuery *query)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, query->leader_id,
                                                          query->other_leader_id);
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      g_autofree char *period = expected_period (readout_call_get_date (call), query->period);
      gboolean held = readout_call_get_status (call) == READOUT_CALL_STATUS_HELD;
      guint n_ids;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);

      if (!in_range (readout_call_get_date (call), query->from, query->to))
        continue;
      for (guint p = 0; p < n_ids; p++)
        {
          char *key, *held_key;

          if (query->leader_id != 0 && (ids[p] == query->leader_id ||
                                        (query->other_leader_id != 0 && ids[p] != query->other_leader_id)))
            continue;
          if (query->leader_id == 0 && p > 0)
            break;
          key = g_strdup_printf ("%s|%" G_GINT64_FORMAT, period, query->leader_id != 0 ? ids[p] : 0);
          held_key = g_strconcat (key, "|held", NULL);
          g_hash_table_insert (expected, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, key)) + 1));
          if (held)
            g_hash_table_insert (expected, held_key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, held_key)) + 1));
          else
            g_free (held_key);
        }
    }
  return expected;
}

static void
check_counts (ReadoutStore               *store,
              const ReadoutTimelineQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = count_by_walking (store, query);
  g_autoptr(GPtrArray) counts = readout_store_timeline_counts (store, query, &error);
  guint n_keys = 0;
  GHashTableIter iter;
  const char *expected_key;

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  for (guint i = 0; i < counts->len; i++)
    {
      ReadoutTimelineCount *count = g_ptr_array_index (counts, i);
      g_autofree char *key = g_strdup_printf ("%s|%" G_GINT64_FORMAT, count->period,
                                              count->counterpart_id);
      g_autofree char *held_key = g_strconcat (key, "|held", NULL);

      g_assert_cmpuint (count->n_calls, ==, GPOINTER_TO_UINT (g_hash_table_lookup (expected, key)));
      g_assert_cmpuint (count->n_held, ==, GPOINTER_TO_UINT (g_hash_table_lookup (expected, held_key)));
      if (i > 0)
        g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, i - 1))->period, <=,
                         count->period);
    }
  /* Every expected (period, counterpart) is there: count the keys without "|held". */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &expected_key, NULL))
    n_keys += !g_str_has_suffix (expected_key, "|held");
  g_assert_cmpuint (counts->len, ==, n_keys);
  g_assert_cmpuint (counts->len, >, 0);
}

static void
test_counts_generated (Generated     *fixture,
                       gconstpointer  data)
{
  ReadoutTimelineQuery query = { .leader_id = fixture->busiest };
  g_autoptr(ReadoutTimelineCalls) timeline = readout_store_read_timeline (fixture->store, fixture->busiest, NULL);

  for (int period = READOUT_TIMELINE_BY_WEEK; period <= READOUT_TIMELINE_BY_YEAR; period++)
    {
      query.period = period;
      check_counts (fixture->store, &query);
    }

  query.period = READOUT_TIMELINE_BY_MONTH;
  query.from = "2019-03";
  query.to = "2021-06-15";
  check_counts (fixture->store, &query);

  query.other_leader_id = ((ReadoutTimelineLane *) g_ptr_array_index (timeline->lanes, 0))->leader_id;
  check_counts (fixture->store, &query);

  /* No leader: every call, by period alone. */
  query = (ReadoutTimelineQuery) { .period = READOUT_TIMELINE_BY_YEAR };
  check_counts (fixture->store, &query);
  query.from = "2020";
  check_counts (fixture->store, &query);
}

/* A leader's calls as marks, lanes and links, checked against the calls listed one by
 * one: every counterpart of every call counts in its lane, the mark sits in the lane of
 * the first one. */
static void
check_marks (ReadoutTimelineCalls *timeline,
             GListModel           *calls,
             gint64                leader_id,
             GHashTable           *per_lane)
{
  guint n = g_list_model_get_n_items (calls);

  g_assert_cmpuint (timeline->marks->len, ==, n);
  /* The list is newest first, the marks oldest first. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, n - 1 - i);
      ReadoutTimelineMark *mark = &g_array_index (timeline->marks, ReadoutTimelineMark, i);
      ReadoutTimelineLane *lane = g_ptr_array_index (timeline->lanes, mark->lane);
      guint n_ids;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);
      GDate day;

      g_assert_cmpint (mark->call_id, ==, readout_call_get_id (call));
      g_assert_cmpint (mark->status, ==, readout_call_get_status (call));
      g_assert_cmpint (mark->precision, ==, readout_call_get_date_precision (call));
      g_assert_cmpint (mark->duration_minutes, ==, readout_call_get_duration_minutes (call));
      g_assert_cmpint (mark->counterpart_id, ==, ids[0] == leader_id ? ids[1] : ids[0]);
      g_assert_cmpint (lane->leader_id, ==, mark->counterpart_id);
      g_date_clear (&day, 1);
      g_date_set_julian (&day, mark->julian_day);
      g_assert_cmpuint (g_date_get_year (&day), ==, atoi (readout_call_get_date (call)));
      for (guint p = 0; p < n_ids; p++)
        if (ids[p] != leader_id)
          g_hash_table_insert (per_lane, g_memdup2 (&ids[p], sizeof (gint64)),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_lane, &ids[p])) + 1));
    }
}

static void
test_marks_and_lanes (Generated     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = readout_store_list_calls (fixture->store, fixture->busiest, 0);
  g_autoptr(ReadoutTimelineCalls) timeline = readout_store_read_timeline (fixture->store, fixture->busiest, &error);
  g_autoptr(GHashTable) per_lane = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint total = 0;

  g_assert_no_error (error);
  check_marks (timeline, calls, fixture->busiest, per_lane);
  for (guint i = 0; i < timeline->lanes->len; i++)
    {
      ReadoutTimelineLane *lane = g_ptr_array_index (timeline->lanes, i);

      g_assert_cmpuint (lane->n_calls, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (per_lane, &lane->leader_id)));
      if (i > 0)
        g_assert_cmpuint (((ReadoutTimelineLane *) g_ptr_array_index (timeline->lanes, i - 1))->n_calls, >=,
                          lane->n_calls);
      total += lane->n_calls;
    }
  g_assert_cmpuint (timeline->lanes->len, ==, g_hash_table_size (per_lane));
  /* One link for each counterpart of each call, in the marks' order. */
  g_assert_cmpuint (timeline->links->len, ==, total);
  for (guint i = 0; i < timeline->links->len; i++)
    {
      ReadoutTimelineLink *link = &g_array_index (timeline->links, ReadoutTimelineLink, i);

      g_assert_cmpuint (link->lane, <, timeline->lanes->len);
      g_assert_true (i == 0 || link->mark >= (link - 1)->mark);
    }
}

/* "lower id|higher id" -> per-year counts ("year" -> n). */
static GHashTable *
pairs_by_walking (ReadoutStore *store,
                  const char   *country,
                  const char   *from,
                  const char   *to)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      const char * const *countries = readout_call_get_participant_countries (call);
      guint n_ids;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);

      for (guint a = 0; a < n_ids; a++)
        for (guint b = 0; b < n_ids; b++)
          {
            g_autofree char *key = NULL;
            GHashTable *years;
            guint year = (guint) atoi (readout_call_get_date (call));

            if (ids[a] >= ids[b] || !in_range (readout_call_get_date (call), from, to) ||
                (country != NULL && g_strcmp0 (countries[a], country) != 0 &&
                 g_strcmp0 (countries[b], country) != 0))
              continue;
            key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, ids[a], ids[b]);
            years = g_hash_table_lookup (pairs, key);
            if (years == NULL)
              {
                years = g_hash_table_new (NULL, NULL);
                g_hash_table_insert (pairs, g_strdup (key), years);
              }
            g_hash_table_insert (years, GUINT_TO_POINTER (year),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (years, GUINT_TO_POINTER (year))) + 1));
          }
    }
  return pairs;
}

static void
check_relations (ReadoutStore *store,
                 const char   *country,
                 const char   *from,
                 const char   *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) pairs = pairs_by_walking (store, country, from, to);
  ReadoutRelationsQuery query = { .country = country, .from = from, .to = to };
  g_autoptr(GPtrArray) relations = readout_store_relations (store, &query, &error);
  g_autoptr(GPtrArray) top = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, g_hash_table_size (pairs));
  g_assert_cmpuint (relations->len, >, 0);
  for (guint i = 0; i < relations->len; i++)
    {
      ReadoutRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                              relation->leader_a, relation->leader_b);
      GHashTable *years = g_hash_table_lookup (pairs, key);
      guint sum = 0;

      g_assert_nonnull (years);
      for (guint y = 0; y < relation->n_years; y++)
        {
          g_assert_cmpuint (relation->per_year[y], ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (years, GUINT_TO_POINTER (relation->first_year + y))));
          sum += relation->per_year[y];
        }
      g_assert_cmpuint (sum, ==, relation->n_calls);
      g_assert_cmpuint (relation->per_year[0], >, 0);
      g_assert_cmpuint (relation->per_year[relation->n_years - 1], >, 0);
      if (i > 0)
        g_assert_cmpuint (((ReadoutRelation *) g_ptr_array_index (relations, i - 1))->n_calls, >=,
                          relation->n_calls);
    }

  /* A limit keeps the head of the same order. */
  query.limit = 5;
  top = readout_store_relations (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (top->len, ==, MIN (5, relations->len));
  for (guint i = 0; i < top->len; i++)
    g_assert_cmpuint (((ReadoutRelation *) g_ptr_array_index (top, i))->n_calls, ==,
                      ((ReadoutRelation *) g_ptr_array_index (relations, i))->n_calls);
}

static void
test_relations_generated (Generated     *fixture,
                          gconstpointer  data)
{
  g_autoptr(ReadoutLeader) busiest = readout_store_get_leader (fixture->store, fixture->busiest, NULL);

  check_relations (fixture->store, NULL, NULL, NULL);
  check_relations (fixture->store, readout_leader_get_country (busiest), NULL, NULL);
  /* Whole years read the kept counts; months and days count the calls themselves. */
  check_relations (fixture->store, NULL, "2015", "2019");
  check_relations (fixture->store, NULL, "2015-03-02", "2019-11");
}

/* The pair counts follow every change to the calls: a new call of three, a call moved to
 * another year, a call's participants changed, a call deleted, two leaders merged. */
static void
test_relations_kept_in_step (Generated     *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = readout_store_list_calls (fixture->store, fixture->busiest, 0);
  g_autoptr(ReadoutCall) first = g_list_model_get_item (calls, 0);
  g_autoptr(ReadoutCall) second = g_list_model_get_item (calls, 1);
  g_autoptr(ReadoutCall) third = g_list_model_get_item (calls, 2);
  g_autoptr(ReadoutLeader) newcomer = readout_test_add_leader (fixture->store, "New Comer", "NZ");
  gint64 trio[] = { fixture->busiest, readout_leader_get_id (newcomer), 0 };
  g_autoptr(ReadoutCall) added = NULL;
  guint n_ids;

  trio[2] = readout_call_get_participant_ids (first, &n_ids)[0] == fixture->busiest
            ? readout_call_get_participant_ids (first, &n_ids)[1]
            : readout_call_get_participant_ids (first, &n_ids)[0];
  added = add_dated_call (fixture->store, "1999-09-09", READOUT_DATE_PRECISION_DAY,
                          READOUT_CALL_STATUS_HELD, trio, 3);
  check_relations (fixture->store, NULL, NULL, NULL);

  readout_call_set_date (first, "1987-06-05");
  g_assert_true (readout_store_update_call (fixture->store, first, &error));
  g_assert_no_error (error);
  readout_call_set_participant_ids (second, trio, 3);
  g_assert_true (readout_store_update_call (fixture->store, second, &error));
  g_assert_no_error (error);
  check_relations (fixture->store, NULL, NULL, NULL);

  g_assert_true (readout_store_delete_call (fixture->store, readout_call_get_id (third), &error));
  g_assert_no_error (error);
  g_assert_true (readout_store_delete_call (fixture->store, readout_call_get_id (added), &error));
  g_assert_no_error (error);
  check_relations (fixture->store, NULL, NULL, NULL);

  /* The newcomer is still in the second call with the busiest leader and trio[2]: merge
   * it into a leader who took no part in that call. */
  {
    g_autoptr(ReadoutLeader) other = readout_test_add_leader (fixture->store, "Other Person", "NZ");
    gint64 pair[] = { readout_leader_get_id (other), fixture->busiest };

    g_object_unref (add_dated_call (fixture->store, "2001-01-01", READOUT_DATE_PRECISION_DAY,
                                    READOUT_CALL_STATUS_HELD, pair, 2));
    g_assert_true (readout_store_merge_leaders (fixture->store, readout_leader_get_id (other),
                                                readout_leader_get_id (newcomer), &error));
    g_assert_no_error (error);
  }
  check_relations (fixture->store, NULL, NULL, NULL);
}

/* A store from before the pair counts gets them, whole, when it is opened. */
static void
test_relations_migration (Generated     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (readout_store_get_path (fixture->store));
  sqlite3 *db = NULL;

  if (readout_test_skip_on_postgresql ("a migration of the SQLite file"))
    return;
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE pair_years; DROP TRIGGER IF EXISTS pair_years_insert;"
                                     " DROP TRIGGER IF EXISTS pair_years_delete;"
                                     " DROP TRIGGER IF EXISTS pair_years_leader;"
                                     " DROP TRIGGER IF EXISTS pair_years_date;"
                                     " PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = readout_store_open (path, &error);
  g_assert_no_error (error);
  check_relations (fixture->store, NULL, NULL, NULL);
}

/* ---------------------------------------------------------------------------------- */
/* A small store built by hand                                                        */

static void
test_range_and_precision (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "range.db");
  g_autoptr(ReadoutLeader) putin = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutLeader) macron = readout_test_add_leader (store, "Emmanuel Macron", "FR");
  g_autoptr(ReadoutLeader) scholz = readout_test_add_leader (store, "Olaf Scholz", "DE");
  gint64 pm[] = { readout_leader_get_id (putin), readout_leader_get_id (macron) };
  gint64 ps[] = { readout_leader_get_id (putin), readout_leader_get_id (scholz) };
  gint64 three[] = { pm[0], pm[1], ps[1] };
  const char *dates[] = { "2022-02-24", "2022-03-31", "2022-04-01", "2022-03", "2022" };
  ReadoutDatePrecision precisions[] = { READOUT_DATE_PRECISION_DAY, READOUT_DATE_PRECISION_DAY,
                                        READOUT_DATE_PRECISION_DAY, READOUT_DATE_PRECISION_MONTH,
                                        READOUT_DATE_PRECISION_YEAR };
  ReadoutTimelineQuery query = { .leader_id = pm[0], .from = "2022-03", .to = "2022-03",
                                 .period = READOUT_TIMELINE_BY_MONTH };
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(ReadoutTimelineCalls) timeline = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutTimelineCount *count;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_object_unref (add_dated_call (store, dates[i], precisions[i],
                                    i == 1 ? READOUT_CALL_STATUS_CANCELLED : READOUT_CALL_STATUS_HELD,
                                    pm, 2));
  /* A call of three counts once for each counterpart. */
  g_object_unref (add_dated_call (store, "2022-03-10", READOUT_DATE_PRECISION_DAY,
                                  READOUT_CALL_STATUS_HELD, three, 3));

  counts = readout_store_timeline_counts (store, &query, &error);
  g_assert_no_error (error);
  /* March holds 03-10 (both counterparts), 03-31 and the month-precision call; Macron
   * first, with more calls. */
  g_assert_cmpuint (counts->len, ==, 2);
  count = g_ptr_array_index (counts, 0);
  g_assert_cmpstr (count->period, ==, "2022-03");
  g_assert_cmpstr (count->counterpart_name, ==, "Emmanuel Macron");
  g_assert_cmpstr (count->counterpart_country, ==, "FR");
  g_assert_cmpuint (count->n_calls, ==, 3);
  g_assert_cmpuint (count->n_held, ==, 2);
  count = g_ptr_array_index (counts, 1);
  g_assert_cmpstr (count->counterpart_name, ==, "Olaf Scholz");
  g_assert_cmpuint (count->n_calls, ==, 1);
  g_clear_pointer (&counts, g_ptr_array_unref);

  /* The call of three is one mark, in the lane of its first counterpart (Macron), and
   * counts in both counterparts' lanes. */
  timeline = readout_store_read_timeline (store, pm[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->marks->len, ==, 6);
  g_assert_cmpuint (timeline->links->len, ==, 7);
  g_assert_cmpuint (timeline->lanes->len, ==, 2);
  g_assert_cmpint (((ReadoutTimelineLane *) g_ptr_array_index (timeline->lanes, 0))->leader_id, ==, pm[1]);
  g_assert_cmpuint (((ReadoutTimelineLane *) g_ptr_array_index (timeline->lanes, 0))->n_calls, ==, 6);
  g_assert_cmpuint (((ReadoutTimelineLane *) g_ptr_array_index (timeline->lanes, 1))->n_calls, ==, 1);
  g_assert_cmpint (g_array_index (timeline->marks, ReadoutTimelineMark, 3).counterpart_id, ==, pm[1]);
  g_assert_cmpuint (g_array_index (timeline->marks, ReadoutTimelineMark, 3).lane, ==, 0);

  /* The coarse dates keep their own period; weeks come from days only. */
  query = (ReadoutTimelineQuery) { .leader_id = pm[0], .other_leader_id = pm[1],
                                   .period = READOUT_TIMELINE_BY_WEEK };
  counts = readout_store_timeline_counts (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 5);
  g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, 0))->period, ==, "2022");
  g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, 1))->period, ==, "2022-03");
  g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, 2))->period, ==, "2022-W08");
  g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, 3))->period, ==, "2022-W10");
  /* Thursday 31 March and Friday 1 April are one ISO week. */
  g_assert_cmpstr (((ReadoutTimelineCount *) g_ptr_array_index (counts, 4))->period, ==, "2022-W13");
  g_assert_cmpuint (((ReadoutTimelineCount *) g_ptr_array_index (counts, 4))->n_calls, ==, 2);
  g_clear_pointer (&counts, g_ptr_array_unref);

  /* A bad date is refused, in either bound. */
  query.to = "2022-13";
  g_assert_null (readout_store_timeline_counts (store, &query, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_relations_multiparty (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Leader A", "RU");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Leader B", "FR");
  g_autoptr(ReadoutLeader) c = readout_test_add_leader (store, "Leader C", "DE");
  gint64 three[] = { readout_leader_get_id (a), readout_leader_get_id (b), readout_leader_get_id (c) };
  ReadoutRelationsQuery query = { .from = "2014" };
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutRelation *first;

  g_object_unref (add_dated_call (store, "2014-06-06", READOUT_DATE_PRECISION_DAY,
                                  READOUT_CALL_STATUS_HELD, three, 3));
  g_object_unref (add_dated_call (store, "2016-10-19", READOUT_DATE_PRECISION_DAY,
                                  READOUT_CALL_STATUS_HELD, three, 2));
  g_object_unref (add_dated_call (store, "2013-01-01", READOUT_DATE_PRECISION_DAY,
                                  READOUT_CALL_STATUS_HELD, three, 2));

  relations = readout_store_relations (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 3);
  first = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (first->name_a, ==, "Leader A");
  g_assert_cmpstr (first->name_b, ==, "Leader B");
  g_assert_cmpuint (first->n_calls, ==, 2);
  /* 2014 and 2016 with the gap year between them; 2013 is before the range. */
  g_assert_cmpuint (first->first_year, ==, 2014);
  g_assert_cmpuint (first->n_years, ==, 3);
  g_assert_cmpuint (first->per_year[0], ==, 1);
  g_assert_cmpuint (first->per_year[1], ==, 0);
  g_assert_cmpuint (first->per_year[2], ==, 1);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
add_statement_with_side (ReadoutStore *store,
                         gint64        call_id,
                         const char   *publisher,
                         const char   *side,
                         const char   *text)
{
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, call_id, publisher, side);
  g_autoptr(ReadoutStatement) statement =
    readout_test_add_statement (store, readout_source_get_id (source), publisher, side, text);
}

static void
test_topic_history (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "topic.db");
  g_autoptr(ReadoutLeader) trump = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutLeader) putin = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutLeader) putin_twin = readout_test_add_leader (store, "Dmitry Medvedev", "RU");
  gint64 t = readout_leader_get_id (trump), p = readout_leader_get_id (putin);
  g_autoptr(ReadoutCall) late = readout_test_add_call (store, "2017-11-21", t, p);
  g_autoptr(ReadoutCall) early = readout_test_add_call (store, "2017-01-28", p, t);
  g_autoptr(ReadoutCall) middle = readout_test_add_call (store, "2017-05-02", t, p);
  g_autoptr(ReadoutCall) other = readout_test_add_call (store, "2017-05-03", t,
                                                        readout_leader_get_id (putin_twin));
  g_autoptr(ReadoutTopic) syria = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutTopicHistoryEntry *entry;

  add_statement_with_side (store, readout_call_get_id (early), "Kremlin", "RU",
                           "The presidents discussed a joint fight against ISIS in Syria.");
  add_statement_with_side (store, readout_call_get_id (middle), "Kremlin", "RU",
                           "The leaders spoke about Syria and a ceasefire.");
  add_statement_with_side (store, readout_call_get_id (middle), "White House", "US",
                           "The presidents agreed that the suffering in Syria must end.");
  add_statement_with_side (store, readout_call_get_id (middle), "White House", "US",
                           "They discussed North Korea.");
  add_statement_with_side (store, readout_call_get_id (middle), "Reuters", NULL,
                           "Syria was on the agenda, Reuters reported.");
  add_statement_with_side (store, readout_call_get_id (late), "TASS", "RU",
                           "Putin stressed the Minsk accords on Ukraine.");
  add_statement_with_side (store, readout_call_get_id (other), "White House", "US",
                           "Syria was discussed with the prime minister.");

  syria = readout_store_find_topic (store, "syria", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_topic_get_name (syria), ==, "Syria");
  history = readout_store_topic_history (store, t, p, readout_topic_get_id (syria), &error);
  g_assert_no_error (error);

  /* Oldest first; the call without the topic stays, as a gap; the press has no side. */
  g_assert_cmpuint (history->len, ==, 3);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (readout_call_get_id (entry->call), ==, readout_call_get_id (early));
  g_assert_cmpuint (entry->side_a->len, ==, 0);
  g_assert_cmpuint (entry->side_b->len, ==, 1);
  g_assert_cmpint (entry->mentioned_by, ==, READOUT_TOPIC_MENTIONED_BY_B);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (readout_call_get_id (entry->call), ==, readout_call_get_id (middle));
  g_assert_cmpuint (entry->side_a->len, ==, 1);
  g_assert_cmpstr (readout_statement_get_text (g_ptr_array_index (entry->side_a, 0)), ==,
                   "The presidents agreed that the suffering in Syria must end.");
  g_assert_cmpuint (entry->side_b->len, ==, 1);
  g_assert_cmpint (entry->mentioned_by, ==, READOUT_TOPIC_MENTIONED_BY_BOTH);
  entry = g_ptr_array_index (history, 2);
  g_assert_cmpint (readout_call_get_id (entry->call), ==, readout_call_get_id (late));
  g_assert_cmpint (entry->mentioned_by, ==, READOUT_TOPIC_MENTIONED_BY_NONE);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Two leaders of one country are not two sides; an unknown topic is not found. */
  g_assert_null (readout_store_topic_history (store, p, readout_leader_get_id (putin_twin),
                                              readout_topic_get_id (syria), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (readout_store_find_topic (store, "Syria'; DROP TABLE topics; --", &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* The marks' days come from the stores' dates through readout_parse_iso_date(): the
 * three precisions, and nothing that only looks like one of them. */
static void
test_iso_dates (void)
{
  const char *bad[] = { "", "2022-2-24", "+022-02-24", " 2022", "2022 ", "2022-13", "2022-00",
                        "2022-02-30", "0000", "2022-02-24x", "2022/02/24", "202a", "20222", "2022-02-2" };
  ReadoutDatePrecision precision;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (readout_parse_iso_date ("2024-02-29", &precision, &date));
  g_assert_cmpint (precision, ==, READOUT_DATE_PRECISION_DAY);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  g_assert_true (readout_parse_iso_date ("1999-12", &precision, &date));
  g_assert_cmpint (precision, ==, READOUT_DATE_PRECISION_MONTH);
  g_assert_cmpuint (g_date_get_month (&date), ==, 12);
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
  g_assert_true (readout_parse_iso_date ("0987", &precision, &date));
  g_assert_cmpint (precision, ==, READOUT_DATE_PRECISION_YEAR);
  g_assert_cmpuint (g_date_get_year (&date), ==, 987);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (readout_parse_iso_date (bad[i], NULL, NULL));
  g_assert_false (readout_parse_iso_date (NULL, NULL, NULL));
}

/* The first day of the month or of the ISO week of a call dated to the day or the month,
 * worked out with GDate; 0 for a date too coarse for the bin. */
static guint32
expected_bin_start (ReadoutCall *call,
                    gboolean     weeks)
{
  ReadoutDatePrecision precision = readout_call_get_date_precision (call);
  const char *date = readout_call_get_date (call);
  GDate day;

  if (precision == READOUT_DATE_PRECISION_YEAR || (weeks && precision != READOUT_DATE_PRECISION_DAY))
    return 0;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, weeks ? (GDateDay) atoi (date + 8) : 1, (GDateMonth) atoi (date + 5),
                  (GDateYear) atoi (date));
  if (weeks)
    g_date_subtract_days (&day, g_date_get_weekday (&day) - G_DATE_MONDAY);
  return g_date_get_julian (&day);
}

static guint
expected_series (ReadoutTimelineChart *chart,
                 const char           *country)
{
  for (guint s = 0; s < READOUT_CHART_N_SERIES; s++)
    if (country != NULL && g_strcmp0 (readout_timeline_chart_get_series_country (chart, s), country) == 0)
      return s;
  return READOUT_CHART_N_SERIES;
}

/* The histogram's bars against the calls listed one by one: each counterpart of each
 * call under its country, in the month or the week of the call's date. */
static void
check_bins (ReadoutTimelineChart *chart,
            GListModel           *calls,
            gint64                leader_id,
            gboolean              weeks)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const ReadoutTimelineBin *bins;
  guint n_bins;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      guint32 start = expected_bin_start (call, weeks);
      guint n_ids;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);
      guint *counts;

      if (start == 0)
        continue;
      counts = g_hash_table_lookup (expected, GUINT_TO_POINTER (start));
      if (counts == NULL)
        g_hash_table_insert (expected, GUINT_TO_POINTER (start),
                             counts = g_new0 (guint, READOUT_CHART_N_SERIES + 1));
      for (guint p = 0; p < n_ids; p++)
        if (ids[p] != leader_id)
          counts[expected_series (chart, readout_call_get_participant_countries (call)[p])]++;
    }

  bins = readout_timeline_chart_get_bins (chart, weeks, &n_bins);
  g_assert_cmpuint (n_bins, ==, g_hash_table_size (expected));
  g_assert_cmpuint (n_bins, >, 10);
  for (guint i = 0; i < n_bins; i++)
    {
      const guint *counts = g_hash_table_lookup (expected, GUINT_TO_POINTER ((guint32) bins[i].start));

      g_assert_nonnull (counts);
      g_assert_cmpfloat (bins[i].end - bins[i].start, >=, weeks ? 7 : 28);
      g_assert_cmpfloat (bins[i].end - bins[i].start, <=, weeks ? 7 : 31);
      g_assert_true (i == 0 || bins[i].start > bins[i - 1].start);
      for (guint s = 0; s <= READOUT_CHART_N_SERIES; s++)
        g_assert_cmpuint (bins[i].n[s], ==, counts[s]);
    }
}

static void
test_chart_histogram (Generated     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutTimelineChart) chart = readout_timeline_chart_new (fixture->store, fixture->busiest, &error);
  g_autoptr(GListModel) calls = readout_store_list_calls (fixture->store, fixture->busiest, 0);

  g_assert_no_error (error);
  /* The busiest leader's counterparts come from more countries than there are colours. */
  g_assert_nonnull (readout_timeline_chart_get_series_country (chart, READOUT_CHART_N_SERIES - 1));
  check_bins (chart, calls, fixture->busiest, FALSE);
  check_bins (chart, calls, fixture->busiest, TRUE);
}

/* The chart's view stays inside the calls' span, and a mark is found where it is drawn. */
static void
test_chart (Generated     *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutTimelineChart) chart = readout_timeline_chart_new (fixture->store, fixture->busiest, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);
  ReadoutChartPalette palette;
  double first, last, view_first, view_last, left, plot_width, x;
  const ReadoutTimelineMark *mark;
  int found = -1, index;

  g_assert_no_error (error);
  g_assert_cmpuint (readout_timeline_chart_get_n_marks (chart), >, 100);
  readout_timeline_chart_get_span (chart, &first, &last);

  /* Zooming in far stops at a week; panning stops at the edges. */
  for (int i = 0; i < 40; i++)
    readout_timeline_chart_zoom (chart, 0.5, 0.3);
  readout_timeline_chart_get_view (chart, &view_first, &view_last);
  g_assert_cmpfloat_with_epsilon (view_last - view_first, 7, 0.001);
  readout_timeline_chart_pan (chart, -1e6);
  readout_timeline_chart_get_view (chart, &view_first, &view_last);
  g_assert_cmpfloat (view_first, ==, first);
  for (int i = 0; i < 40; i++)
    readout_timeline_chart_zoom (chart, 2, 0.5);
  readout_timeline_chart_get_view (chart, &view_first, &view_last);
  g_assert_cmpfloat (view_first, ==, first);
  g_assert_cmpfloat (view_last, ==, last);

  /* Zoom to a year in the middle: stepping finds only marks inside it. */
  readout_timeline_chart_set_view (chart, (first + last) / 2, (first + last) / 2 + 365);
  readout_timeline_chart_get_view (chart, &view_first, &view_last);
  index = readout_timeline_chart_visible_mark (chart, -1, 1);
  g_assert_cmpint (index, >=, 0);
  mark = readout_timeline_chart_get_mark (chart, (guint) index);
  g_assert_cmpfloat (mark->julian_day, >=, view_first);
  g_assert_true (index == 0 || readout_timeline_chart_get_mark (chart, (guint) index - 1)->julian_day < view_first);

  /* Drawn and hit-tested with one layout: somewhere down the mark's column it is hit,
   * and there the picture is not the background. */
  readout_chart_palette_init (&palette, FALSE);
  readout_timeline_chart_draw (chart, cr, 800, 600, &palette, -1);
  cairo_surface_flush (surface);
  readout_timeline_chart_get_plot (chart, 800, &left, &plot_width);
  x = left + (mark->julian_day - view_first) / (view_last - view_first) * plot_width;
  {
    int top = -1, bottom = -1;
    guint32 pixel;

    for (int y = 0; y < 600; y++)
      if (readout_timeline_chart_mark_at (chart, 800, 600, x, y) >= 0 && top < 0)
        top = y;
      else if (top >= 0 && bottom < 0 && readout_timeline_chart_mark_at (chart, 800, 600, x, y) < 0)
        bottom = y;
    g_assert_cmpint (top, >=, 0);
    found = readout_timeline_chart_mark_at (chart, 800, 600, x, (top + bottom) / 2);
    pixel = ((guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                     (top + bottom) / 2 * cairo_image_surface_get_stride (surface)))[(int) x];
    g_assert_cmpuint (pixel & 0xffffff, !=, 0xffffff);
  }
  g_assert_cmpint (found, >=, 0);
  g_assert_cmpfloat (fabs ((double) readout_timeline_chart_get_mark (chart, (guint) found)->julian_day - mark->julian_day), <, 30);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/counts/generated", Generated, GINT_TO_POINTER (TRUE), generated_set_up,
              test_counts_generated, generated_tear_down);
  g_test_add ("/timeline/marks-and-lanes", Generated, NULL, generated_set_up,
              test_marks_and_lanes, generated_tear_down);
  g_test_add ("/timeline/relations/generated", Generated, NULL, generated_set_up,
              test_relations_generated, generated_tear_down);
  g_test_add ("/timeline/relations/kept-in-step", Generated, NULL, generated_set_up,
              test_relations_kept_in_step, generated_tear_down);
  g_test_add ("/timeline/relations/migration", Generated, NULL, generated_set_up,
              test_relations_migration, generated_tear_down);
  g_test_add ("/timeline/chart", Generated, NULL, generated_set_up, test_chart, generated_tear_down);
  g_test_add ("/timeline/chart/histogram", Generated, NULL, generated_set_up, test_chart_histogram,
              generated_tear_down);
  g_test_add_func ("/timeline/iso-dates", test_iso_dates);
  g_test_add_func ("/timeline/counts/range-and-precision", test_range_and_precision);
  g_test_add_func ("/timeline/relations/multiparty", test_relations_multiparty);
  g_test_add_func ("/timeline/topic-history", test_topic_history);

  return g_test_run ();
}

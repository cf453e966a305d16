// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-search-hit.h"
#include "readout-search-model.h"
#include "readout-sample.h"
#include "readout-store-private.h"
#include "readout-test-util.h"

typedef struct {
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ItemsChanged *record = user_data;

  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_leaders_sort_and_filter (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "leaders.db");
  g_autoptr(ReadoutLeader) trump = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutLeader) putin = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutLeader) abe = readout_test_add_leader (store, "Shinzo Abe", "JP");
  g_autoptr(ReadoutLeader) merkel = readout_test_add_leader (store, "Angela Merkel", "DE");
  g_autoptr(ReadoutCall) old_call = readout_test_add_call (store, "2017-01-28", readout_leader_get_id (trump),
                                                           readout_leader_get_id (abe));
  g_autoptr(ReadoutCall) new_call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (trump),
                                                           readout_leader_get_id (putin));
  g_autoptr(GListModel) by_name = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  g_autoptr(GListModel) by_last = readout_store_list_leaders (store, READOUT_LEADER_SORT_LAST_CALL, NULL);
  g_autoptr(GListModel) filtered = NULL;
  g_autoptr(ReadoutLeader) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_list_model_get_item_type (by_name) == READOUT_TYPE_LEADER);
  g_assert_cmpuint (g_list_model_get_n_items (by_name), ==, 4);
  item = g_list_model_get_item (by_name, 0);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Angela Merkel");
  g_clear_object (&item);
  item = g_list_model_get_item (by_name, 3);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Vladimir Putin");
  g_clear_object (&item);
  g_assert_null (g_list_model_get_item (by_name, 4));

  /* Most recent call first; a leader without calls last. */
  item = g_list_model_get_item (by_last, 0);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Donald Trump");
  g_assert_cmpuint (readout_leader_get_call_count (item), ==, 2);
  g_assert_cmpstr (readout_leader_get_last_call_date (item), ==, "2017-11-21");
  g_clear_object (&item);
  item = g_list_model_get_item (by_last, 3);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Angela Merkel");
  g_assert_cmpuint (readout_leader_get_call_count (item), ==, 0);
  g_assert_null (readout_leader_get_last_call_date (item));
  g_clear_object (&item);

  /* Filter by name part, country name, country code, demonym, alias (Cyrillic, any case). */
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "PUT");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  g_clear_object (&filtered);
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "japan");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  g_clear_object (&filtered);
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "de");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), >=, 1);
  g_clear_object (&filtered);
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "russian");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  g_clear_object (&filtered);

  readout_leader_set_aliases (putin, (const char *[]) { "Путин", NULL });
  g_assert_true (readout_store_update_leader (store, putin, &error));
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "ПУТ");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  g_clear_object (&filtered);
  filtered = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "%");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 0);
  g_clear_object (&filtered);

  g_clear_object (&by_name);
  g_clear_object (&by_last);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Enough calls for many pages, so get_item has to page in and evict. */
#define MANY_CALLS 700

static void
test_calls_paging (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "paging.db");
  g_autoptr(ReadoutLeader) busy = readout_test_add_leader (store, "Busy", "US");
  g_autoptr(ReadoutLeader) other = readout_test_add_leader (store, "Other", "FR");
  g_autoptr(ReadoutLeader) third = readout_test_add_leader (store, "Third", "DE");
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) between = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  ItemsChanged record = { 0, };
  GDate date;

  g_assert_true (readout_store_begin (store, &error));
  g_date_set_dmy (&date, 1, 1, 2000);
  for (guint i = 0; i < MANY_CALLS; i++)
    {
      char iso[16];
      g_autoptr(ReadoutCall) call = NULL;

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      call = readout_test_add_call (store, iso, readout_leader_get_id (busy),
                                    readout_leader_get_id (i % 3 == 0 ? third : other));
      g_date_add_days (&date, 3);
    }
  g_assert_true (readout_store_commit (store, &error));

  calls = readout_store_list_calls (store, readout_leader_get_id (busy), 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, MANY_CALLS);

  /* Newest first, all the way down, read out of order to force paging. */
  for (guint step = 0; step < 2; step++)
    for (guint i = 0; i < MANY_CALLS; i++)
      {
        guint position = step == 0 ? i : (i * 389) % MANY_CALLS;
        g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, position);

        g_assert_nonnull (call);
        if (step == 0)
          {
            if (previous != NULL)
              g_assert_cmpstr (readout_call_get_date (call), <, previous);
            g_free (previous);
            previous = g_strdup (readout_call_get_date (call));
          }
      }
  g_assert_null (g_list_model_get_item (calls, MANY_CALLS));

  between = readout_store_list_calls (store, readout_leader_get_id (busy), readout_leader_get_id (third));
  g_assert_cmpuint (g_list_model_get_n_items (between), ==, (MANY_CALLS + 2) / 3);
  all = readout_store_list_calls (store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, MANY_CALLS);

  /* A new call shows up with items-changed, without reopening the model. */
  g_signal_connect (calls, "items-changed", G_CALLBACK (on_items_changed_cb), &record);
  g_object_unref (readout_test_add_call (store, "2030-01-01", readout_leader_get_id (busy),
                                         readout_leader_get_id (other)));
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.removed, ==, MANY_CALLS);
  g_assert_cmpuint (record.added, ==, MANY_CALLS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, MANY_CALLS + 1);
  {
    g_autoptr(ReadoutCall) newest = g_list_model_get_item (calls, 0);
    g_assert_cmpstr (readout_call_get_date (newest), ==, "2030-01-01");
  }

  /* A change that keeps the count (a statement on one of the calls changes its topics)
   * reports only the rows handed out since, not the whole list. */
  {
    g_autoptr(ReadoutCall) second = g_list_model_get_item (calls, 1);
    g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (second), "Kremlin", "RU");

    for (guint i = 0; i < 10; i++)
      g_object_unref (g_list_model_get_item (calls, i));
    record.n_signals = 0;
    g_object_unref (readout_test_add_statement (store, readout_source_get_id (source), "the Kremlin", "RU",
                                                "The Minsk accords."));
    g_assert_cmpuint (record.n_signals, ==, 1);
    g_assert_cmpuint (record.position, ==, 0);
    g_assert_cmpuint (record.removed, ==, 10);
    g_assert_cmpuint (record.added, ==, 10);
    g_clear_object (&second);
    second = g_list_model_get_item (calls, 1);
    g_assert_true (g_strv_contains (readout_call_get_topics (second), "Ukraine"));
  }

  g_clear_object (&calls);
  g_clear_object (&between);
  g_clear_object (&all);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_items_changed_single_row (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "single.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Alpha", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Bravo", "RU");
  g_autoptr(ReadoutLeader) c = readout_test_add_leader (store, "Charlie", "FR");
  g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  g_autoptr(ReadoutLeader) item = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0, };

  g_object_unref (g_list_model_get_item (leaders, 0));
  g_signal_connect (leaders, "items-changed", G_CALLBACK (on_items_changed_cb), &record);

  /* Editing one shown row reports just that row. */
  readout_leader_set_office (b, "Prime Minister");
  g_assert_true (readout_store_update_leader (store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  item = g_list_model_get_item (leaders, 1);
  g_assert_cmpstr (readout_leader_get_office (item), ==, "Prime Minister");
  g_clear_object (&item);

  /* Deleting one shown row reports it removed. */
  g_assert_true (readout_store_delete_leader (store, readout_leader_get_id (a), &error));
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 2);
  item = g_list_model_get_item (leaders, 0);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Bravo");
  g_clear_object (&item);

  /* A rename that moves the row is a change of the list, not of one row. */
  readout_leader_set_name (b, "Zulu");
  g_assert_true (readout_store_update_leader (store, b, &error));
  g_assert_cmpuint (record.n_signals, ==, 3);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_cmpuint (record.added, ==, 2);
  item = g_list_model_get_item (leaders, 1);
  g_assert_cmpstr (readout_leader_get_name (item), ==, "Zulu");

  g_clear_object (&item);
  g_clear_object (&leaders);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_statements_grouped_by_side (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "statements.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) press = readout_test_add_source (store, readout_call_get_id (call), "UPI", NULL);
  g_autoptr(ReadoutSource) us = readout_test_add_source (store, readout_call_get_id (call), "White House", "US");
  g_autoptr(ReadoutSource) ru = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(GListModel) sources = NULL;
  const char *expected_sides[] = { "RU", "US", "US", NULL };

  g_object_unref (readout_test_add_statement (store, readout_source_get_id (press), "UPI", NULL, "They spoke for more than an hour."));
  g_object_unref (readout_test_add_statement (store, readout_source_get_id (us), "the White House", "US", "Peace in Syria."));
  g_object_unref (readout_test_add_statement (store, readout_source_get_id (ru), "the Kremlin", "RU", "The Minsk accords."));
  g_object_unref (readout_test_add_statement (store, readout_source_get_id (us), "the White House", "US", "Pressure on North Korea."));

  statements = readout_store_list_statements (store, readout_call_get_id (call));
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(ReadoutStatement) statement = g_list_model_get_item (statements, i);

      g_assert_cmpstr (readout_statement_get_side (statement), ==, expected_sides[i]);
      if (i == 0)
        g_assert_cmpstr (readout_statement_get_source_publisher (statement), ==, "Kremlin");
    }

  sources = readout_store_list_sources (store, readout_call_get_id (call));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  {
    g_autoptr(ReadoutSource) last = g_list_model_get_item (sources, 2);
    g_assert_cmpstr (readout_source_get_publisher (last), ==, "UPI");
  }

  g_clear_object (&statements);
  g_clear_object (&sources);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_search_model (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "search.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call), "White House", "US");
  g_autoptr(ReadoutStatement) strong = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(ReadoutSearchHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *query = NULL;
  ItemsChanged record = { 0, };

  g_object_unref (readout_test_add_statement (store, readout_source_get_id (source), "the White House", "US",
                                              "They discussed Syria once, among many other matters of the day."));
  strong = readout_test_add_statement (store, readout_source_get_id (source), "the White House", "US",
                                       "Syria, Syria <b>&amp; Syria</b>: a unified Syria.");

  hits = readout_store_search (store, "syria", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_assert_cmpuint (readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)), ==, 2);
  g_assert_true (readout_search_model_is_ranked (READOUT_SEARCH_MODEL (hits)));

  /* The statement that says it four times ranks first. */
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (readout_search_hit_get_statement_id (hit), ==, readout_statement_get_id (strong));
  g_assert_cmpint (readout_search_hit_get_call_id (hit), ==, readout_call_get_id (call));
  g_assert_cmpstr (readout_search_hit_get_call_participants (hit), ==, "Donald Trump – Vladimir Putin");
  g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02Syria\x03"));

  /* Markup-looking source text comes out escaped, only the match in bold. */
  markup = readout_search_hit_dup_snippet_markup (hit);
  g_assert_nonnull (strstr (markup, "&lt;b&gt;&amp;amp;"));
  g_assert_nonnull (strstr (markup, "<b>Syria</b>"));

  /* The model follows the store. */
  g_signal_connect (hits, "items-changed", G_CALLBACK (on_items_changed_cb), &record);
  g_object_unref (readout_test_add_statement (store, readout_source_get_id (source), "the White House", "US",
                                              "Syria again."));
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);

  query = readout_search_model_build_fts_query ("North \"Korea\" OR (x");
  g_assert_cmpstr (query, ==, "\"North\" \"Korea\" \"OR\" \"x\"*");
  g_clear_pointer (&query, g_free);
  query = readout_search_model_build_tsquery ("North \"Korea\" OR (x");
  g_assert_cmpstr (query, ==, "'North' & 'Korea' & 'OR' & 'x':*");

  g_clear_object (&hits);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Too many matches to rank: the newest come first, and the count says "more than". */
static void
test_search_rank_window (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "window.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStatement) newest = NULL;
  g_autoptr(ReadoutSearchHit) first = NULL;
  guint n = READOUT_STORE_SEARCH_RANK_LIMIT + 10;

  g_assert_true (readout_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("The sides discussed cooperation, item %u.", i);
      g_clear_object (&newest);
      newest = readout_test_add_statement (store, readout_source_get_id (source), "the Kremlin", "RU", text);
    }
  g_assert_true (readout_store_commit (store, &error));

  hits = readout_store_search (store, "cooperation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, READOUT_STORE_SEARCH_RANK_WINDOW);
  g_assert_cmpuint (readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)), >, READOUT_STORE_SEARCH_RANK_LIMIT);
  g_assert_false (readout_search_model_is_ranked (READOUT_SEARCH_MODEL (hits)));
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (readout_search_hit_get_statement_id (first), ==, readout_statement_get_id (newest));

  g_clear_object (&hits);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static gboolean
store_is_postgresql (ReadoutStore *store)
{
  return readout_db_get_engine (readout_store_get_db (store)) == READOUT_DB_ENGINE_POSTGRESQL;
}

static ReadoutSearchHit *
search_first_hit (ReadoutStore *store,
                  const char   *query,
                  guint         n_expected)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = readout_store_search (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, n_expected);
  return n_expected > 0 ? g_list_model_get_item (hits, 0) : NULL;
}

/* Russian and English texts in one store: each found by its own words, in any case,
 * the match marked in the snippet. On PostgreSQL the words are stemmed ("Сирия" finds
 * "Сирии", "talk" finds "talks"), and the snippet marks the word in the text. */
static void
test_search_russian (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "russian.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Владимир Путин", "RU");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) kremlin = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  g_autoptr(ReadoutSource) white_house = readout_test_add_source (store, readout_call_get_id (call), "White House", "US");
  g_autoptr(ReadoutStatement) russian = NULL;
  g_autoptr(ReadoutSearchHit) hit = NULL;

  russian = readout_test_add_statement (store, readout_source_get_id (kremlin), "Владимир Путин", "RU",
                                        "Президенты обсудили ситуацию в Сирии и на Украине.");
  g_object_unref (readout_test_add_statement (store, readout_source_get_id (white_house), "the White House",
                                              "US", "The leaders held talks on North Korea."));

  hit = search_first_hit (store, "СИРИИ", 1);
  g_assert_cmpint (readout_search_hit_get_statement_id (hit), ==, readout_statement_get_id (russian));
  g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02Сирии\x03"));
  g_clear_object (&hit);

  /* The last word is a prefix, in either alphabet. */
  hit = search_first_hit (store, "ситуац", 1);
  g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02ситуацию\x03"));
  g_clear_object (&hit);
  hit = search_first_hit (store, "north kor", 1);
  g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02North\x03 \x02Korea\x03"));
  g_clear_object (&hit);
  g_assert_null (search_first_hit (store, "Сирии Korea", 0));

  if (store_is_postgresql (store))
    {
      hit = search_first_hit (store, "Сирия украина", 1);
      g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02Сирии\x03 и на \x02Украине\x03"));
      g_clear_object (&hit);
      hit = search_first_hit (store, "talk korea", 1);
      g_assert_nonnull (strstr (readout_search_hit_get_snippet (hit), "\x02talks\x03"));
    }

  g_clear_object (&hit);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Whatever is typed, the search answers (maybe with nothing) and never fails: the
 * words alone reach the query, never its syntax. */
static void
test_search_any_input (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "any-input.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  const char * const inputs[] = {
    "'", "\"", "\\", "a:*", "!x & (y | z)", "x <-> y", "NEAR(a b)", "the", "and or not", "O'Brien's",
    "-", "*", "''; DROP TABLE statements; --", "日本", "x:A", "café", NULL,
  };

  g_object_unref (readout_test_add_statement (store, readout_source_get_id (source), "the Kremlin", "RU",
                                              "Mr O'Brien's café in Tokyo (日本) and the x:A test."));
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GListModel) hits = NULL;
      g_autoptr(GError) error = NULL;

      hits = readout_store_search (store, inputs[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  g_object_unref (search_first_hit (store, "O'Brien's", 1));
  g_object_unref (search_first_hit (store, "café", 1));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static guint
count_filtered (ReadoutStore            *store,
                gint64                   leader_id,
                const ReadoutCallFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = readout_store_list_calls_filtered (store, leader_id, 0, filter, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (calls);
}

/* @date ("2017", "2017-01" or "2017-01-28") widened to the first or last day it may
 * mean, as text that compares in date order ("2017-00-00", "2017-99-99"). */
static char *
date_bound (const char *date,
            const char *fill)
{
  switch (strlen (date))
    {
    case 4: return g_strdup_printf ("%s-%s-%s", date, fill, fill);
    case 7: return g_strdup_printf ("%s-%s", date, fill);
    default: return g_strdup (date);
    }
}

/* The filter applied in C to every call of the leader, walked one by one: what the SQL
 * must agree with. A call known only to the month or year counts where it overlaps. */
static guint
count_walked (ReadoutStore            *store,
              gint64                   leader_id,
              const ReadoutCallFilter *filter)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, leader_id, 0);
  g_autofree char *from = filter->date_from != NULL ? date_bound (filter->date_from, "00") : NULL;
  g_autofree char *to = filter->date_to != NULL ? date_bound (filter->date_to, "99") : NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      g_autofree char *first = date_bound (readout_call_get_date (call), "00");
      g_autofree char *last = date_bound (readout_call_get_date (call), "99");

      if (filter->topic != NULL && !g_strv_contains (readout_call_get_topics (call), filter->topic))
        continue;
      if (filter->status >= 0 && (int) readout_call_get_status (call) != filter->status)
        continue;
      if ((from != NULL && strcmp (last, from) < 0) || (to != NULL && strcmp (first, to) > 0))
        continue;
      n++;
    }
  return n;
}

/* Filtered in SQL and walked in C, the counts agree; returns the count. */
static guint
check_filtered (ReadoutStore            *store,
                gint64                   leader_id,
                const ReadoutCallFilter *filter)
{
  guint n = count_filtered (store, leader_id, filter);

  g_assert_cmpuint (n, ==, count_walked (store, leader_id, filter));
  return n;
}

/* The calls list narrowed by topic, date range and status, in SQL with bound values,
 * checked against the same filter applied in C to the sample's calls of Donald Trump
 * (among them the four calls of 28 January 2017 and the 21 November 2017 call). */
static void
test_calls_filtered (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "filtered.db");
  g_autoptr(ReadoutLeader) trump = NULL;
  g_autoptr(GListModel) not_filtered = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutCallFilter filter = READOUT_CALL_FILTER_INIT;
  guint all;
  gint64 id;

  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);
  trump = readout_store_find_leader (store, "Donald Trump", NULL);
  g_assert_nonnull (trump);
  id = readout_leader_get_id (trump);

  all = count_filtered (store, id, NULL);
  g_assert_cmpuint (all, >=, 5);
  g_assert_cmpuint (check_filtered (store, id, &filter), ==, all);

  filter.topic = "Syria";
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 2);
  g_assert_cmpuint (count_filtered (store, id, &filter), <, all);
  filter.topic = "Planned meeting";
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 1);
  /* A topic is a value, never SQL. */
  filter.topic = "Syria' OR 1=1 --";
  g_assert_cmpuint (count_filtered (store, id, &filter), ==, 0);
  filter.topic = NULL;

  filter.status = READOUT_CALL_STATUS_HELD;
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 3);
  filter.status = READOUT_CALL_STATUS_ANNOUNCED;
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 2);
  filter.status = -1;

  /* 28 January 2017 alone holds four calls of the seed articles. */
  filter.date_from = "2017-01-28";
  filter.date_to = "2017-01-28";
  g_assert_cmpuint (check_filtered (store, id, &filter), ==, 4);
  filter.date_from = "2017-02-01";
  filter.date_to = NULL;
  check_filtered (store, id, &filter);
  filter.date_from = "2017-01";
  filter.date_to = "2017-01-28";
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 4);
  filter.date_from = "2017";
  filter.date_to = "2017";
  g_assert_cmpuint (check_filtered (store, id, &filter), >=, 5);
  filter.date_to = "2016-12-31";
  g_assert_cmpuint (check_filtered (store, id, &filter), ==, 0);

  /* Every call, filtered the same way: each one kept is about Ukraine and on or after
   * the date, and the 21 November 2017 call is among them. */
  filter.date_from = "2017-11-01";
  filter.date_to = NULL;
  filter.topic = "Ukraine";
  not_filtered = readout_store_list_calls_filtered (store, 0, 0, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (not_filtered), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (not_filtered); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (not_filtered, i);

      g_assert_true (g_strv_contains (readout_call_get_topics (call), "Ukraine"));
      g_assert_cmpstr (readout_call_get_date (call), >=, "2017-11-01");
      if (i == g_list_model_get_n_items (not_filtered) - 1)
        g_assert_cmpstr (readout_call_get_date (call), ==, "2017-11-21");
    }

  /* A date that is not one: a clear error and no list. */
  filter.date_from = "28 Jan";
  g_assert_null (readout_store_list_calls_filtered (store, id, 0, &filter, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "28 Jan"));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static GListModel *
search_filtered (ReadoutStore              *store,
                 const char                *query,
                 const ReadoutSearchFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = readout_store_search_filtered (store, query, filter, &error);

  g_assert_no_error (error);
  return hits;
}

/* The search narrowed by leader, side and the call's dates, in SQL with bound values. */
static void
test_search_filtered (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "search-filtered.db");
  g_autoptr(ReadoutLeader) abe = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutSearchFilter filter = { 0, };
  guint n_all;

  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);
  abe = readout_store_find_leader (store, "Shinzo Abe", NULL);
  all = search_filtered (store, "Korea", NULL);
  n_all = g_list_model_get_n_items (all);
  g_assert_cmpuint (n_all, >, 2);

  filter.leader_id = readout_leader_get_id (abe);
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (hits), <, n_all);
    g_assert_cmpuint (readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)), ==,
                      g_list_model_get_n_items (hits));
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_nonnull (strstr (readout_search_hit_get_call_participants (hit), "Abe"));
      }
  }
  filter.leader_id = 0;

  filter.side = "RU";
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_cmpstr (readout_search_hit_get_side (hit), ==, "RU");
      }
  }
  /* "" is the independent press; a side is a value, never SQL. */
  filter.side = "";
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_null (readout_search_hit_get_side (hit));
      }
  }
  filter.side = "RU' OR 1=1 --";
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
  filter.side = NULL;

  /* November 2017 holds one call with Korea in it, the 21st. */
  filter.date_from = "2017-11";
  filter.date_to = "2017-11";
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_cmpstr (readout_search_hit_get_call_date (hit), ==, "2017-11-21");
      }
  }
  /* From a month on: nothing older. */
  filter.date_to = NULL;
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(ReadoutSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_cmpstr (readout_search_hit_get_call_date (hit), >=, "2017-11-01");
      }
  }
  /* The sample holds no call before 2017. */
  filter.date_from = "1991";
  filter.date_to = "2016-12";
  {
    g_autoptr(GListModel) hits = search_filtered (store, "Korea", &filter);

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
  filter.date_to = NULL;
  filter.date_from = "Nov 2017";
  g_assert_null (readout_store_search_filtered (store, "Korea", &filter, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);

  g_clear_object (&all);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* A setter given strings of the list it replaces (a JSON merge passes the stored aliases
 * back with the document's added) copies them before freeing the old list. Under the
 * sanitizers the old order of the two was a use after free, found by the import-json
 * fuzzer. */
static void
test_aliases_from_old_list (void)
{
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  const char * const first[] = { "Putin", "V. Putin", NULL };
  const char * const *stored;
  const char *merged[4];
  const char * const expected[] = { "Putin", "V. Putin", "Путин", NULL };

  readout_leader_set_aliases (leader, first);
  stored = readout_leader_get_aliases (leader);
  merged[0] = stored[0];
  merged[1] = stored[1];
  merged[2] = "Путин";
  merged[3] = NULL;
  readout_leader_set_aliases (leader, merged);
  g_assert_true (g_strv_equal (readout_leader_get_aliases (leader), expected));

  /* The same strings again change nothing; NULL clears. */
  readout_leader_set_aliases (leader, expected);
  g_assert_true (g_strv_equal (readout_leader_get_aliases (leader), expected));
  readout_leader_set_aliases (leader, NULL);
  g_assert_null (readout_leader_get_aliases (leader));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/leaders/sort-and-filter", test_leaders_sort_and_filter);
  g_test_add_func ("/models/leaders/aliases-from-old-list", test_aliases_from_old_list);
  g_test_add_func ("/models/calls/paging", test_calls_paging);
  g_test_add_func ("/models/calls/filtered", test_calls_filtered);
  g_test_add_func ("/models/search/filtered", test_search_filtered);
  g_test_add_func ("/models/items-changed/single-row", test_items_changed_single_row);
  g_test_add_func ("/models/statements/grouped-by-side", test_statements_grouped_by_side);
  g_test_add_func ("/models/search/ranked", test_search_model);
  g_test_add_func ("/models/search/rank-window", test_search_rank_window);
  g_test_add_func ("/models/search/russian", test_search_russian);
  g_test_add_func ("/models/search/any-input", test_search_any_input);

  return g_test_run ();
}

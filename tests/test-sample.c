// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-call-comparison.h"
#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-sample.h"
#include "readout-test-util.h"

/* The sample store holds the facts of the seed articles, as PRODUCT.md lists them. */

typedef struct {
  char *folder;
  ReadoutStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = readout_test_make_folder ();
  fixture->store = readout_test_open_store (fixture->folder, "sample.db");
  g_assert_true (readout_sample_populate (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  readout_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static ReadoutLeader *
find_leader (ReadoutStore *store,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  ReadoutLeader *leader = readout_store_find_leader (store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (leader);
  return leader;
}

/* The call between @a and @b on @date; fails the test when there is not exactly one. */
static ReadoutCall *
find_call (ReadoutStore *store,
           const char   *a,
           const char   *b,
           const char   *date)
{
  g_autoptr(ReadoutLeader) leader_a = find_leader (store, a);
  g_autoptr(ReadoutLeader) leader_b = find_leader (store, b);
  g_autoptr(GListModel) calls = readout_store_list_calls (store, readout_leader_get_id (leader_a),
                                                          readout_leader_get_id (leader_b));
  ReadoutCall *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);

      if (g_strcmp0 (readout_call_get_date (call), date) == 0)
        {
          g_assert_null (found);
          found = g_steal_pointer (&call);
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Whether some statement of @call on @side carries @topic (and, if given, contains @text). */
static gboolean
side_mentions (ReadoutStore *store,
               ReadoutCall  *call,
               const char   *side,
               const char   *topic,
               const char   *text)
{
  g_autoptr(GListModel) statements = readout_store_list_statements (store, readout_call_get_id (call));

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(ReadoutStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (readout_statement_get_side (statement), side) == 0 &&
          g_strv_contains (readout_statement_get_topics (statement), topic) &&
          (text == NULL || strstr (readout_statement_get_text (statement), text) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_leaders (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) leaders = readout_store_list_leaders (fixture->store, READOUT_LEADER_SORT_NAME, NULL);
  g_autoptr(ReadoutLeader) putin = find_leader (fixture->store, "the Russian president");
  g_autoptr(ReadoutLeader) trump = find_leader (fixture->store, "Trump");

  g_assert_cmpuint (g_list_model_get_n_items (leaders), >=, 5);
  g_assert_cmpstr (readout_leader_get_name (putin), ==, "Vladimir Putin");
  g_assert_cmpstr (readout_leader_get_country (putin), ==, "RU");
  g_assert_cmpstr (readout_leader_get_country (trump), ==, "US");
  g_assert_cmpuint (readout_leader_get_call_count (trump), ==, 5);
  g_assert_cmpstr (readout_leader_get_last_call_date (trump), ==, "2017-11-21");
  g_object_unref (find_leader (fixture->store, "Shinzo Abe"));
  g_object_unref (find_leader (fixture->store, "Angela Merkel"));
  g_object_unref (find_leader (fixture->store, "François Hollande"));
}

static void
test_january_calls (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ReadoutCall) putin = find_call (fixture->store, "Donald Trump", "Vladimir Putin", "2017-01-28");
  g_autoptr(ReadoutCall) abe = find_call (fixture->store, "Donald Trump", "Shinzo Abe", "2017-01-28");
  g_autoptr(ReadoutCall) merkel = find_call (fixture->store, "Donald Trump", "Angela Merkel", "2017-01-28");
  g_autoptr(ReadoutCall) hollande = find_call (fixture->store, "Donald Trump", "François Hollande", "2017-01-28");
  g_autoptr(GListModel) sources = readout_store_list_sources (fixture->store, readout_call_get_id (abe));
  gboolean white_house = FALSE;

  g_assert_cmpint (readout_call_get_status (putin), ==, READOUT_CALL_STATUS_HELD);
  g_assert_cmpint (readout_call_get_status (abe), ==, READOUT_CALL_STATUS_HELD);
  g_assert_cmpint (readout_call_get_status (merkel), ==, READOUT_CALL_STATUS_ANNOUNCED);
  g_assert_cmpint (readout_call_get_status (hollande), ==, READOUT_CALL_STATUS_ANNOUNCED);

  /* The Kremlin stressed trade and economic ties; the White House readout has none of it. */
  g_assert_true (side_mentions (fixture->store, putin, "RU", "Trade and economic ties",
                                "mutually profitable trade and economic connections"));
  g_assert_false (side_mentions (fixture->store, putin, "US", "Trade and economic ties", NULL));
  g_assert_true (side_mentions (fixture->store, putin, "RU", "Syria", NULL));
  g_assert_true (side_mentions (fixture->store, putin, "RU", "North Korea", NULL));
  g_assert_true (side_mentions (fixture->store, putin, "RU", "Ukraine", NULL));
  /* Peskov announced the call via TASS the day before. */
  g_assert_true (side_mentions (fixture->store, putin, "RU", "Bilateral relations", NULL) ||
                 side_mentions (fixture->store, putin, "RU", "Planned meeting", NULL) ||
                 side_mentions (fixture->store, putin, "RU", "Greetings and condolences", NULL));

  /* Abe: the White House readout on North Korea and trade. */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
      if (g_strcmp0 (readout_source_get_side (source), "US") == 0 &&
          readout_source_get_kind (source) == READOUT_SOURCE_KIND_READOUT)
        white_house = TRUE;
    }
  g_assert_true (white_house);
  g_assert_true (side_mentions (fixture->store, abe, "US", "North Korea", NULL));
  g_assert_true (side_mentions (fixture->store, abe, "US", "Trade and economic ties", NULL));
}

static void
test_november_call (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ReadoutCall) call = find_call (fixture->store, "Donald Trump", "Vladimir Putin", "2017-11-21");
  g_autoptr(GListModel) conflicts = readout_store_list_conflicts (fixture->store, readout_call_get_id (call));
  g_autoptr(ReadoutConflict) conflict = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  g_assert_cmpint (readout_call_get_status (call), ==, READOUT_CALL_STATUS_HELD);
  g_assert_cmpint (readout_call_get_duration_minutes (call), ==, 60);
  g_assert_cmpint (readout_call_get_duration_qualifier (call), ==, READOUT_DURATION_MORE_THAN);

  /* The White House: Syria, North Korea, Ukraine, terrorism. The Kremlin via TASS: Minsk. */
  g_assert_true (side_mentions (fixture->store, call, "US", "Syria", NULL));
  g_assert_true (side_mentions (fixture->store, call, "US", "North Korea", NULL));
  g_assert_true (side_mentions (fixture->store, call, "US", "Terrorism", "al-Qaeda"));
  g_assert_true (side_mentions (fixture->store, call, "US", "Ukraine", NULL));
  g_assert_true (side_mentions (fixture->store, call, "RU", "Ukraine", "Minsk accords"));
  g_assert_false (side_mentions (fixture->store, call, "RU", "Syria", NULL));
  g_assert_false (side_mentions (fixture->store, call, "RU", "North Korea", NULL));

  /* The report says Tuesday, its photo caption Monday: both claims kept. */
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (readout_conflict_get_field (conflict), ==, "weekday");
  for (guint i = 0; i < readout_conflict_get_n_claims (conflict); i++)
    {
      g_assert_cmpint (readout_conflict_get_claim_source_id (conflict, i), >, 0);
      g_ptr_array_add (values, (gpointer) readout_conflict_get_claim_value (conflict, i));
    }
  g_ptr_array_add (values, NULL);
  g_assert_true (g_strv_contains ((const char * const *) values->pdata, "Tuesday"));
  g_assert_true (g_strv_contains ((const char * const *) values->pdata, "Monday"));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = readout_store_search (fixture->store, "Minsk", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 1);
}

static ReadoutComparisonStatus
status_of (ReadoutComparison *comparison,
           const char        *topic)
{
  for (guint r = 0; r < readout_comparison_get_n_rows (comparison); r++)
    if (g_strcmp0 (readout_comparison_get_row_topic (comparison, r), topic) == 0)
      return readout_comparison_get_row_status (comparison, r);
  g_assert_not_reached ();
}

static gboolean
has_row (ReadoutComparison *comparison,
         const char        *topic)
{
  for (guint r = 0; r < readout_comparison_get_n_rows (comparison); r++)
    if (g_strcmp0 (readout_comparison_get_row_topic (comparison, r), topic) == 0)
      return TRUE;
  return FALSE;
}

/* Issue 4's facts: what each side stressed and left out. */
static void
test_comparisons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ReadoutCall) november = find_call (fixture->store, "Donald Trump", "Vladimir Putin", "2017-11-21");
  g_autoptr(ReadoutCall) january = find_call (fixture->store, "Donald Trump", "Vladimir Putin", "2017-01-28");
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  comparison = readout_call_comparison_new (fixture->store, readout_call_get_id (november), "US", "RU", &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (comparison, "Ukraine"), ==, READOUT_COMPARISON_STATUS_BOTH);
  g_assert_cmpint (status_of (comparison, "Syria"), ==, READOUT_COMPARISON_STATUS_A_ONLY);
  g_assert_cmpint (status_of (comparison, "North Korea"), ==, READOUT_COMPARISON_STATUS_A_ONLY);
  g_assert_cmpint (status_of (comparison, "Terrorism"), ==, READOUT_COMPARISON_STATUS_A_ONLY);
  g_clear_object (&comparison);

  /* 28 January: the Kremlin stressed trade; the United States' words on record are
   * from before the call (announcements), which do not count as its account. */
  comparison = readout_call_comparison_new (fixture->store, readout_call_get_id (january), "US", "RU", &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (comparison, "Trade and economic ties"), ==, READOUT_COMPARISON_STATUS_B_ONLY);
  g_assert_cmpuint (readout_comparison_get_n_statements (comparison, READOUT_COMPARISON_SIDE_A), ==, 0);
  g_assert_false (has_row (comparison, "Greetings and condolences"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sample/leaders", Fixture, NULL, fixture_set_up, test_leaders, fixture_tear_down);
  g_test_add ("/sample/january-2017", Fixture, NULL, fixture_set_up, test_january_calls, fixture_tear_down);
  g_test_add ("/sample/november-2017", Fixture, NULL, fixture_set_up, test_november_call, fixture_tear_down);
  g_test_add ("/sample/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/sample/comparisons", Fixture, NULL, fixture_set_up, test_comparisons, fixture_tear_down);

  return g_test_run ();
}

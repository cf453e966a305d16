// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-store-private.h"
#include "readout-test-util.h"
#include "readout-undo-stack.h"

/* Undo and redo of each kind of change: the store's rows must come back exactly, ids,
 * positions and links included. */

typedef struct {
  char *folder;
  ReadoutStore *store;
  ReadoutUndoStack *stack;
  gint64 trump, putin, abe;
  gint64 call, other_call;
  gint64 kremlin, white_house;
  gint64 statement;
  gint64 conflict;
} Fixture;

/* Each table with an order that makes its rows unique. */
static const char * const tables[] = {
  "leaders", "1", "leader_aliases", "1, 2", "calls", "1", "call_participants", "1, 2",
  "sources", "1", "statements", "1", "statement_topics", "1, 2", "topics", "1",
  "topic_keywords", "1, 2, 3", "conflicts", "1", "conflict_claims", "1, 2", NULL
};

/* Columns a team store's server keeps itself (who changed a row, when, its version, the
 * search column): a row put back gets them afresh, so they are no part of "as it was". */
static gboolean
is_server_column (const char *name)
{
  return g_strv_contains ((const char * const[]) { "fts", "row_version", "changed_by", "changed_at", NULL },
                          name);
}

/* Every row of every table, in a fixed order, as text. */
static char *
dump (ReadoutStore *store)
{
  GString *text = g_string_new (NULL);
  ReadoutDb *db = readout_store_get_db (store);

  for (guint t = 0; tables[t] != NULL; t += 2)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", tables[t], tables[t + 1]);
      g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (db, sql, NULL);

      g_string_append_printf (text, "[%s]\n", tables[t]);
      g_assert_nonnull (stmt);
      while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
        {
          for (int c = 0; c < readout_db_statement_column_count (stmt); c++)
            {
              const char *value = readout_db_statement_column_text (stmt, c);

              if (!is_server_column (readout_db_statement_column_name (stmt, c)))
                g_string_append_printf (text, "%s%s", c > 0 ? "|" : "", value != NULL ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
    }
  return g_string_free (text, FALSE);
}

static guint
count_search (ReadoutStore *store,
              const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = readout_store_search (store, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ReadoutLeader) trump = NULL;
  g_autoptr(ReadoutLeader) putin = NULL;
  g_autoptr(ReadoutLeader) abe = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutCall) other_call = NULL;
  g_autoptr(ReadoutSource) kremlin = NULL;
  g_autoptr(ReadoutSource) white_house = NULL;
  g_autoptr(ReadoutSource) abe_source = NULL;
  g_autoptr(ReadoutStatement) s1 = NULL;
  g_autoptr(ReadoutStatement) s2 = NULL;
  g_autoptr(ReadoutStatement) s3 = NULL;
  g_autoptr(ReadoutStatement) s4 = NULL;
  g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { "Putin", "the Russian president", NULL };

  fixture->folder = readout_test_make_folder ();
  fixture->store = readout_test_open_store (fixture->folder, "store.db");
  fixture->stack = readout_undo_stack_new (fixture->store);

  trump = readout_test_add_leader (fixture->store, "Donald Trump", "US");
  putin = readout_test_add_leader (fixture->store, "Vladimir Putin", "RU");
  abe = readout_test_add_leader (fixture->store, "Shinzo Abe", "JP");
  readout_leader_set_aliases (putin, aliases);
  g_assert_true (readout_store_update_leader (fixture->store, putin, &error));
  g_assert_no_error (error);
  fixture->trump = readout_leader_get_id (trump);
  fixture->putin = readout_leader_get_id (putin);
  fixture->abe = readout_leader_get_id (abe);

  /* An unrelated call first, so that the ids of interest are not all 1. */
  other_call = readout_test_add_call (fixture->store, "2017-01-28", fixture->trump, fixture->abe);
  abe_source = readout_test_add_source (fixture->store, readout_call_get_id (other_call),
                                        "White House", "US");
  s4 = readout_test_add_statement (fixture->store, readout_source_get_id (abe_source), "Sean Spicer",
                                   "US", "The leaders discussed North Korea and trade.");
  fixture->other_call = readout_call_get_id (other_call);

  call = readout_test_add_call (fixture->store, "2017-11-21", fixture->trump, fixture->putin);
  readout_call_set_duration_minutes (call, 60);
  readout_call_set_duration_qualifier (call, READOUT_DURATION_MORE_THAN);
  readout_call_set_initiator_id (call, fixture->trump);
  g_assert_true (readout_store_update_call (fixture->store, call, &error));
  g_assert_no_error (error);
  fixture->call = readout_call_get_id (call);

  kremlin = readout_test_add_source (fixture->store, fixture->call, "TASS", "RU");
  white_house = readout_test_add_source (fixture->store, fixture->call, "White House", "US");
  fixture->kremlin = readout_source_get_id (kremlin);
  fixture->white_house = readout_source_get_id (white_house);
  s1 = readout_test_add_statement (fixture->store, fixture->kremlin, "the Kremlin", "RU",
                                   "The presidents discussed the Minsk accords and Ukraine.");
  s2 = readout_test_add_statement (fixture->store, fixture->kremlin, "Dmitry Peskov", "RU",
                                   "The conversation lasted more than an hour.");
  s3 = readout_test_add_statement (fixture->store, fixture->white_house, "the White House", "US",
                                   "They discussed Syria, North Korea and terrorism.");
  fixture->statement = readout_statement_get_id (s3);
  g_assert_cmpuint (g_strv_length ((char **) readout_statement_get_topics (s3)), >=, 2);

  readout_conflict_set_call_id (conflict, fixture->call);
  readout_conflict_set_field (conflict, "weekday");
  readout_conflict_add_claim (conflict, "Tuesday", fixture->white_house, NULL);
  readout_conflict_add_claim (conflict, "Monday", fixture->kremlin, NULL);
  g_assert_true (readout_store_insert_conflict (fixture->store, conflict, &error));
  g_assert_no_error (error);
  fixture->conflict = readout_conflict_get_id (conflict);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->store);
  readout_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* Undo gives @before back, redo @after, and both again. */
static void
check_undo_redo (Fixture    *fixture,
                 const char *before,
                 const char *after)
{
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_assert_true (readout_undo_stack_can_undo (fixture->stack));
      g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
      g_assert_no_error (error);
      undone = dump (fixture->store);
      g_assert_cmpstr (undone, ==, before);
      g_assert_false (readout_undo_stack_can_undo (fixture->stack));
      g_assert_true (readout_undo_stack_can_redo (fixture->stack));

      g_assert_true (readout_undo_stack_redo (fixture->stack, &error));
      g_assert_no_error (error);
      redone = dump (fixture->store);
      g_assert_cmpstr (redone, ==, after);
      g_assert_false (readout_undo_stack_can_redo (fixture->stack));
    }
}

static void
test_delete_call (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autofree char *before = dump (fixture->store);
  g_autofree char *after = NULL;

  g_assert_cmpuint (count_search (fixture->store, "Minsk"), ==, 1);
  g_assert_true (readout_undo_stack_delete_call (fixture->stack, fixture->call, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Delete Call");
  after = dump (fixture->store);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (count_search (fixture->store, "Minsk"), ==, 0);
  g_assert_null (readout_store_get_call (fixture->store, fixture->call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  check_undo_redo (fixture, before, after);

  /* Back once more, and the call reads as it did: its statements with their ids and
   * topics, its conflict citing its sources, its words found by search. */
  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  call = readout_store_get_call (fixture->store, fixture->call, &error);
  g_assert_no_error (error);
  g_assert_cmpint (readout_call_get_duration_minutes (call), ==, 60);
  g_assert_cmpint (readout_call_get_initiator_id (call), ==, fixture->trump);
  statement = readout_store_get_statement (fixture->store, fixture->statement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (readout_statement_get_source_id (statement), ==, fixture->white_house);
  g_assert_true (g_strv_contains (readout_statement_get_topics (statement), "Syria"));
  conflicts = readout_store_list_conflicts (fixture->store, fixture->call);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, "Minsk"), ==, 1);
}

static void
test_delete_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->store);
  g_autofree char *after = NULL;

  g_assert_true (readout_undo_stack_delete_source (fixture->stack, fixture->kremlin, &error));
  g_assert_no_error (error);
  after = dump (fixture->store);
  /* The source took its statements and the conflict's claim citing it. */
  g_assert_null (strstr (after, "the Minsk accords"));
  g_assert_null (strstr (after, "|Monday|"));
  check_undo_redo (fixture, before, after);
}

static void
test_delete_statement (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->store);
  g_autofree char *after = NULL;

  g_assert_true (readout_undo_stack_delete_statement (fixture->stack, fixture->statement, &error));
  g_assert_no_error (error);
  after = dump (fixture->store);
  g_assert_null (strstr (after, "North Korea and terrorism"));
  check_undo_redo (fixture, before, after);
  g_assert_cmpuint (count_search (fixture->store, "terrorism"), ==, 0);
  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (fixture->store, "terrorism"), ==, 1);
}

static void
test_delete_leader (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) merkel = readout_test_add_leader (fixture->store, "Angela Merkel", "DE");
  const char *aliases[] = { "Merkel", "the Chancellor", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  readout_leader_set_aliases (merkel, aliases);
  g_assert_true (readout_store_update_leader (fixture->store, merkel, &error));
  g_assert_no_error (error);
  before = dump (fixture->store);

  /* A leader with calls is refused by the store; the stack records nothing. */
  g_assert_false (readout_undo_stack_delete_leader (fixture->stack, fixture->putin, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (readout_undo_stack_can_undo (fixture->stack));

  g_assert_true (readout_undo_stack_delete_leader (fixture->stack, readout_leader_get_id (merkel),
                                                   &error));
  g_assert_no_error (error);
  after = dump (fixture->store);
  g_assert_null (strstr (after, "the Chancellor"));
  check_undo_redo (fixture, before, after);
}

static void
test_delete_topic_and_conflict (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autofree char *before = dump (fixture->store);
  g_autofree char *after_topic = NULL;
  g_autofree char *after_conflict = NULL;
  g_autofree char *undone_once = NULL;
  g_autofree char *undone_twice = NULL;
  g_autoptr(ReadoutDbStatement) stmt = NULL;
  gint64 syria_id;

  stmt = readout_db_prepare_uncached (readout_store_get_db (fixture->store),
                                      "SELECT id FROM topics WHERE name = 'Syria'", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  syria_id = readout_db_statement_column_int64 (stmt, 0);

  g_assert_true (readout_undo_stack_delete_topic (fixture->stack, syria_id, &error));
  g_assert_no_error (error);
  after_topic = dump (fixture->store);
  g_assert_true (readout_undo_stack_delete_conflict (fixture->stack, fixture->conflict, &error));
  g_assert_no_error (error);
  after_conflict = dump (fixture->store);

  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  undone_once = dump (fixture->store);
  g_assert_cmpstr (undone_once, ==, after_topic);
  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  undone_twice = dump (fixture->store);
  g_assert_cmpstr (undone_twice, ==, before);
  g_assert_cmpstr (after_conflict, !=, after_topic);

  /* The topic is back in the tagger too: a new statement about Syria gets it. */
  statement = readout_test_add_statement (fixture->store, fixture->kremlin, "the Kremlin", "RU",
                                          "Syria was mentioned again.");
  g_assert_true (g_strv_contains (readout_statement_get_topics (statement), "Syria"));

  g_assert_true (readout_undo_stack_can_redo (fixture->stack));
  g_assert_cmpstr (readout_undo_stack_get_redo_label (fixture->stack), ==, "Delete Topic");
}

static void
test_updates (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Each kind: change several fields, then undo and redo. */
  {
    g_autoptr(ReadoutLeader) leader = readout_store_get_leader (fixture->store, fixture->putin, &error);
    const char *aliases[] = { "VVP", NULL };
    g_autofree char *before = dump (fixture->store);
    g_autofree char *after = NULL;

    readout_leader_set_name (leader, "Vladimir V. Putin");
    readout_leader_set_aliases (leader, aliases);
    readout_leader_set_term_start (leader, "2000-05-07");
    g_assert_true (readout_undo_stack_update_leader (fixture->stack, leader, &error));
    g_assert_no_error (error);
    /* Changing the caller's object afterwards changes nothing the stack keeps. */
    readout_leader_set_name (leader, "Somebody Else");
    after = dump (fixture->store);
    g_assert_nonnull (strstr (after, "Vladimir V. Putin"));
    g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Edit Leader");
    check_undo_redo (fixture, before, after);
    readout_undo_stack_clear (fixture->stack);
  }
  {
    g_autoptr(ReadoutCall) call = readout_store_get_call (fixture->store, fixture->call, &error);
    gint64 ids[] = { fixture->putin, fixture->abe };
    g_autofree char *before = dump (fixture->store);
    g_autofree char *after = NULL;

    readout_call_set_date (call, "2017-11-20");
    readout_call_set_duration_minutes (call, 45);
    readout_call_set_duration_qualifier (call, READOUT_DURATION_ABOUT);
    readout_call_set_status (call, READOUT_CALL_STATUS_ANNOUNCED);
    readout_call_set_participant_ids (call, ids, 2);
    readout_call_set_initiator_id (call, fixture->abe);
    g_assert_true (readout_undo_stack_update_call (fixture->stack, call, &error));
    g_assert_no_error (error);
    after = dump (fixture->store);
    check_undo_redo (fixture, before, after);
    readout_undo_stack_clear (fixture->stack);
  }
  {
    g_autoptr(ReadoutSource) source = readout_store_get_source (fixture->store, fixture->kremlin, &error);
    g_autofree char *before = dump (fixture->store);
    g_autofree char *after = NULL;

    /* Moving a source moves its statements with it. */
    readout_source_set_publisher (source, "Kremlin");
    readout_source_set_call_id (source, fixture->other_call);
    readout_source_set_text (source, "Full text.");
    g_assert_true (readout_undo_stack_update_source (fixture->stack, source, &error));
    g_assert_no_error (error);
    after = dump (fixture->store);
    check_undo_redo (fixture, before, after);
    readout_undo_stack_clear (fixture->stack);
  }
  {
    g_autoptr(ReadoutStatement) statement = readout_store_get_statement (fixture->store,
                                                                         fixture->statement, &error);
    g_autofree char *before = dump (fixture->store);
    g_autofree char *after = NULL;

    /* New text, new topics: undo brings the old links back. */
    readout_statement_set_text (statement, "They spoke about Iran only.");
    readout_statement_set_speaker (statement, "Sean Spicer");
    g_assert_true (readout_undo_stack_update_statement (fixture->stack, statement, &error));
    g_assert_no_error (error);
    after = dump (fixture->store);
    check_undo_redo (fixture, before, after);
    readout_undo_stack_clear (fixture->stack);
  }
  {
    g_autoptr(GListModel) topics = readout_store_list_topics (fixture->store);
    g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, 0);
    const char *keywords[] = { "minsk", "accords", NULL };
    g_autofree char *before = dump (fixture->store);
    g_autofree char *after = NULL;

    /* Re-tags every statement: the Minsk one gains this topic, and loses it on undo. */
    readout_topic_set_keywords (topic, "en", keywords);
    g_assert_true (readout_undo_stack_update_topic (fixture->stack, topic, &error));
    g_assert_no_error (error);
    after = dump (fixture->store);
    check_undo_redo (fixture, before, after);
  }
}

static void
test_inserts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStatement) statement = readout_statement_new ();
  g_autofree char *before = dump (fixture->store);
  g_autofree char *after = NULL;
  gint64 id;

  readout_statement_set_source_id (statement, fixture->white_house);
  readout_statement_set_speaker (statement, "Sean Spicer");
  readout_statement_set_text (statement, "The call was about Syria.");
  g_assert_true (readout_undo_stack_insert_statement (fixture->stack, statement, &error));
  g_assert_no_error (error);
  id = readout_statement_get_id (statement);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Add Statement");
  after = dump (fixture->store);
  check_undo_redo (fixture, before, after);

  /* Redo put it back under the same id. */
  g_clear_object (&statement);
  statement = readout_store_get_statement (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_statement_get_text (statement), ==, "The call was about Syria.");
}

static void
test_stack (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean can_undo = FALSE;

  g_assert_false (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (readout_undo_stack_get_undo_label (fixture->stack));

  g_assert_true (readout_undo_stack_delete_statement (fixture->stack, fixture->statement, &error));
  g_assert_true (readout_undo_stack_delete_call (fixture->stack, fixture->other_call, &error));
  g_assert_no_error (error);
  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_cmpstr (readout_undo_stack_get_redo_label (fixture->stack), ==, "Delete Call");
  g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Delete Statement");

  /* A new change drops what was undone. */
  g_assert_true (readout_undo_stack_delete_conflict (fixture->stack, fixture->conflict, &error));
  g_assert_no_error (error);
  g_assert_false (readout_undo_stack_can_redo (fixture->stack));

  /* An undo that conflicts with a change made outside the stack fails and changes
   * nothing: the deleted conflict's id is taken by another conflict meanwhile (by hand:
   * SQLite would give the id again, a server's sequence never does). */
  {
    g_autoptr(ReadoutDbStatement) insert = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    insert = readout_db_prepare_uncached (readout_store_get_db (fixture->store),
                                          "INSERT INTO conflicts (id, call_id, field)"
                                          " VALUES (?, ?, 'duration')", NULL);
    g_assert_nonnull (insert);
    readout_db_statement_bind_int64 (insert, 1, fixture->conflict);
    readout_db_statement_bind_int64 (insert, 2, fixture->call);
    g_assert_cmpint (readout_db_statement_step (insert, NULL), ==, READOUT_DB_DONE);
    before = dump (fixture->store);
    g_assert_false (readout_undo_stack_undo (fixture->stack, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    after = dump (fixture->store);
    g_assert_cmpstr (after, ==, before);
    g_assert_true (readout_undo_stack_can_undo (fixture->stack));
    g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Delete Conflict");
  }

  g_object_get (fixture->stack, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  readout_undo_stack_clear (fixture->stack);
  g_assert_false (readout_undo_stack_can_undo (fixture->stack));
}

/* Merging V. V. Putin (aliases, a call he initiated) into Vladimir Putin and back. */
static void
test_merge_leaders (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) again = readout_test_add_leader (fixture->store, "V. V. Putin", "RU");
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutLeader) kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *aliases[] = { "Vova", NULL };

  readout_leader_set_aliases (again, aliases);
  g_assert_true (readout_store_update_leader (fixture->store, again, &error));
  g_assert_no_error (error);
  call = readout_test_add_call (fixture->store, "2016-12-15", readout_leader_get_id (again), fixture->abe);
  readout_call_set_initiator_id (call, readout_leader_get_id (again));
  g_assert_true (readout_store_update_call (fixture->store, call, &error));
  g_assert_no_error (error);
  before = dump (fixture->store);

  /* Leaders who spoke to each other are refused, and nothing is recorded. */
  g_assert_false (readout_undo_stack_merge_leaders (fixture->stack, fixture->putin, fixture->trump, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (readout_undo_stack_can_undo (fixture->stack));

  g_assert_true (readout_undo_stack_merge_leaders (fixture->stack, fixture->putin,
                                                   readout_leader_get_id (again), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Merge Leaders");
  kept = readout_store_get_leader (fixture->store, fixture->putin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_leader_get_call_count (kept), ==, 2);
  g_assert_true (g_strv_contains (readout_leader_get_aliases (kept), "Vova"));
  after = dump (fixture->store);
  g_assert_cmpstr (before, !=, after);
  check_undo_redo (fixture, before, after);
}

/* Merging a second record of the 21 November call, with its own source, statement and
 * conflict, into the first one and back. */
static void
test_merge_calls (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) duplicate = readout_test_add_call (fixture->store, "2017-11-21",
                                                            fixture->putin, fixture->trump);
  g_autoptr(ReadoutSource) source = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();
  g_autoptr(GListModel) sources = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 duplicate_id = readout_call_get_id (duplicate);

  readout_call_set_time (duplicate, "19:00");
  g_assert_true (readout_store_update_call (fixture->store, duplicate, &error));
  g_assert_no_error (error);
  source = readout_test_add_source (fixture->store, duplicate_id, "Kremlin", "RU");
  statement = readout_test_add_statement (fixture->store, readout_source_get_id (source), "the Kremlin",
                                          "RU", "The presidents discussed Syria.");
  readout_conflict_set_call_id (conflict, duplicate_id);
  readout_conflict_set_field (conflict, "initiator");
  readout_conflict_add_claim (conflict, "Trump", readout_source_get_id (source), NULL);
  readout_conflict_add_claim (conflict, "Putin", fixture->kremlin, NULL);
  g_assert_true (readout_store_insert_conflict (fixture->store, conflict, &error));
  g_assert_no_error (error);
  before = dump (fixture->store);

  g_assert_true (readout_undo_stack_merge_calls (fixture->stack, fixture->call, duplicate_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (fixture->stack), ==, "Merge Calls");
  g_assert_null (readout_store_get_call (fixture->store, duplicate_id, NULL));
  sources = readout_store_list_sources (fixture->store, fixture->call);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  after = dump (fixture->store);
  check_undo_redo (fixture, before, after);

  /* After the last redo, undo once more: the duplicate is back with what it had. */
  g_assert_true (readout_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_clear_object (&sources);
  sources = readout_store_list_sources (fixture->store, duplicate_id);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_clear_object (&sources);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/delete/call", test_delete_call);
  ADD ("/undo/delete/source", test_delete_source);
  ADD ("/undo/delete/statement", test_delete_statement);
  ADD ("/undo/delete/leader", test_delete_leader);
  ADD ("/undo/delete/topic-and-conflict", test_delete_topic_and_conflict);
  ADD ("/undo/update", test_updates);
  ADD ("/undo/insert", test_inserts);
  ADD ("/undo/stack", test_stack);
  ADD ("/undo/merge/leaders", test_merge_leaders);
  ADD ("/undo/merge/calls", test_merge_calls);
#undef ADD

  return g_test_run ();
}

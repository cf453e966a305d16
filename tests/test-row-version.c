// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-error.h"
#include "readout-store-private.h"
#include "readout-test-util.h"
#include "readout-undo-stack.h"

/* Two people on one store: the second save of the same row is refused with who changed it
 * and when (PostgreSQL's row versions), never a silent overwrite. On SQLite, which has
 * no row versions, the objects carry version 0 and the last save wins. */

typedef struct {
  char *folder;
  ReadoutStore *a;
  ReadoutStore *b;
  gint64 call_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ReadoutLeader) biden = NULL;
  g_autoptr(ReadoutLeader) putin = NULL;
  g_autoptr(ReadoutCall) call = NULL;

  fixture->folder = readout_test_make_folder ();
  fixture->a = readout_test_open_store (fixture->folder, "team.db");
  fixture->b = readout_test_open_store (fixture->folder, "team.db");
  biden = readout_test_add_leader (fixture->a, "Joe Biden", "US");
  putin = readout_test_add_leader (fixture->a, "Vladimir Putin", "RU");
  call = readout_test_add_call (fixture->a, "2022-02-12", readout_leader_get_id (biden),
                                readout_leader_get_id (putin));
  fixture->call_id = readout_call_get_id (call);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  readout_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static ReadoutCall *
get_call (ReadoutStore *store,
          gint64        id)
{
  g_autoptr(GError) error = NULL;
  ReadoutCall *call = readout_store_get_call (store, id, &error);

  g_assert_no_error (error);
  return call;
}

/* The database role of @store's connection, which the server records as changed_by. */
static char *
current_role (ReadoutStore *store)
{
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (readout_store_get_db (store),
                                                                    "SELECT current_user", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  return g_strdup (readout_db_statement_column_text (stmt, 0));
}

static void
test_second_save_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ReadoutCall) seen_by_a = get_call (fixture->a, fixture->call_id);
  g_autoptr(ReadoutCall) seen_by_b = get_call (fixture->b, fixture->call_id);
  g_autoptr(ReadoutCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 read_version;

  if (!readout_test_engine_is_postgresql ())
    {
      /* SQLite: nothing to compare, so the last save wins. */
      g_assert_cmpint (readout_call_get_row_version (seen_by_a), ==, 0);
      readout_call_set_date (seen_by_a, "2022-02-13");
      g_assert_true (readout_store_update_call (fixture->a, seen_by_a, &error));
      readout_call_set_time (seen_by_b, "11:04");
      g_assert_true (readout_store_update_call (fixture->b, seen_by_b, &error));
      g_assert_no_error (error);
      return;
    }

  read_version = readout_call_get_row_version (seen_by_a);
  g_assert_cmpint (read_version, >, 0);
  g_assert_cmpint (readout_call_get_row_version (seen_by_b), ==, read_version);

  readout_call_set_date (seen_by_a, "2022-02-13");
  g_assert_true (readout_store_update_call (fixture->a, seen_by_a, &error));
  g_assert_no_error (error);
  /* A's object now holds the version its own save left, so A can save again. */
  g_assert_cmpint (readout_call_get_row_version (seen_by_a), >, read_version);

  readout_call_set_time (seen_by_b, "11:04");
  g_assert_false (readout_store_update_call (fixture->b, seen_by_b, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_CHANGED);
  role = current_role (fixture->a);
  today = g_date_time_format (now, "%Y-%m-%d");
  g_assert_nonnull (strstr (error->message, role));
  g_assert_nonnull (strstr (error->message, today));
  g_clear_error (&error);

  /* Nothing of B's edit was written. */
  stored = get_call (fixture->b, fixture->call_id);
  g_assert_cmpstr (readout_call_get_date (stored), ==, "2022-02-13");
  g_assert_null (readout_call_get_time (stored));

  /* B reloads and saves. */
  readout_call_set_time (stored, "11:04");
  g_assert_true (readout_store_update_call (fixture->b, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = get_call (fixture->a, fixture->call_id);
  g_assert_cmpstr (readout_call_get_date (stored), ==, "2022-02-13");
  g_assert_cmpstr (readout_call_get_time (stored), ==, "11:04");
}

/* Undo writes the row back as it was, which must not undo a colleague's later change
 * either; with nobody in between, undo and redo follow their own versions. */
static void
test_undo_after_other_save (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ReadoutUndoStack) stack = readout_undo_stack_new (fixture->a);
  g_autoptr(ReadoutCall) edit = get_call (fixture->a, fixture->call_id);
  g_autoptr(ReadoutCall) other = NULL;
  g_autoptr(ReadoutCall) stored = NULL;
  g_autoptr(GError) error = NULL;

  readout_call_set_date (edit, "2022-02-14");
  g_assert_true (readout_undo_stack_update_call (stack, edit, &error));
  g_assert_true (readout_undo_stack_undo (stack, &error));
  g_assert_true (readout_undo_stack_redo (stack, &error));
  g_assert_no_error (error);

  other = get_call (fixture->b, fixture->call_id);
  readout_call_set_time (other, "09:30");
  g_assert_true (readout_store_update_call (fixture->b, other, &error));
  g_assert_no_error (error);

  if (!readout_test_engine_is_postgresql ())
    {
      g_assert_true (readout_undo_stack_undo (stack, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_false (readout_undo_stack_undo (stack, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_CHANGED);
  stored = get_call (fixture->a, fixture->call_id);
  g_assert_cmpstr (readout_call_get_date (stored), ==, "2022-02-14");
  g_assert_cmpstr (readout_call_get_time (stored), ==, "09:30");
}

static gint64
count_leaders (ReadoutStore *store,
               const char   *name)
{
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (readout_store_get_db (store),
                                                                    "SELECT count(*) FROM leaders"
                                                                    " WHERE name = ?", NULL);

  g_assert_nonnull (stmt);
  readout_db_statement_bind_text (stmt, 1, name);
  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  return readout_db_statement_column_int64 (stmt, 0);
}

/* The server ends A's session between two writes of one transaction: the second fails
 * with an error, and nothing of the first is left. */
static void
test_connection_lost_mid_write (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(ReadoutDbStatement) pid = NULL;
  g_autoptr(ReadoutDbStatement) kill = NULL;
  g_autoptr(ReadoutLeader) first = readout_leader_new ();
  g_autoptr(ReadoutLeader) second = readout_leader_new ();
  g_autoptr(GError) error = NULL;

  if (!readout_test_engine_is_postgresql ())
    {
      g_test_skip ("needs a team store: READOUT_TEST_ENGINE=postgresql");
      return;
    }
  pid = readout_db_prepare_uncached (readout_store_get_db (fixture->a), "SELECT pg_backend_pid ()", NULL);
  g_assert_cmpint (readout_db_statement_step (pid, NULL), ==, READOUT_DB_ROW);

  readout_leader_set_name (first, "Olaf Scholz");
  readout_leader_set_name (second, "Emmanuel Macron");
  g_assert_true (readout_store_begin (fixture->a, &error));
  g_assert_true (readout_store_insert_leader (fixture->a, first, &error));
  g_assert_no_error (error);

  /* With a timeout, the call returns once the session is gone. */
  kill = readout_db_prepare_uncached (readout_store_get_db (fixture->b),
                                      "SELECT CASE WHEN pg_terminate_backend (CAST (? AS integer), 10000)"
                                      " THEN 1 ELSE 0 END", NULL);
  readout_db_statement_bind_int64 (kill, 1, readout_db_statement_column_int64 (pid, 0));
  g_assert_cmpint (readout_db_statement_step (kill, NULL), ==, READOUT_DB_ROW);
  g_assert_cmpint (readout_db_statement_column_int64 (kill, 0), ==, 1);

  g_assert_false (readout_store_insert_leader (fixture->a, second, &error));
  g_assert_nonnull (error);
  readout_store_rollback (fixture->a);
  g_assert_cmpint (count_leaders (fixture->b, "Olaf Scholz"), ==, 0);
  g_assert_cmpint (count_leaders (fixture->b, "Emmanuel Macron"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/row-version/second-save-refused", Fixture, NULL,
              fixture_set_up, test_second_save_refused, fixture_tear_down);
  g_test_add ("/row-version/undo-after-other-save", Fixture, NULL,
              fixture_set_up, test_undo_after_other_save, fixture_tear_down);
  g_test_add ("/row-version/connection-lost-mid-write", Fixture, NULL,
              fixture_set_up, test_connection_lost_mid_write, fixture_tear_down);
  return g_test_run ();
}

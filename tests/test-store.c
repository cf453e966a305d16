// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crash-vfs.h"

#include "readout-db-sqlite.h"
#include "readout-error.h"
#include "readout-generator.h"
#include "readout-search-hit.h"
#include "readout-search-model.h"
#include "readout-store-json.h"
#include "readout-store-retag.h"
#include "readout-store-private.h"
#include "readout-test-util.h"

/* ---------------------------------------------------------------------------------- */
/* Opening, and every bad file                                                        */

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Opening @path must fail with @code and leave the file byte-for-byte as it was. */
static void
assert_open_fails_unchanged (const char *path,
                             int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, code);
  g_assert_nonnull (error->message);
  g_test_message ("%s", error->message);
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A new file: the schema's version, write-ahead logging and the countries. */
static void
assert_new_file (ReadoutStore *store)
{
  sqlite3_stmt *stmt = readout_test_prepare (store, "PRAGMA user_version");

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, READOUT_STORE_SCHEMA_VERSION);
  sqlite3_reset (stmt);
  stmt = readout_test_prepare (store, "PRAGMA journal_mode");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);
  stmt = readout_test_prepare (store, "SELECT count(*) FROM countries");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 195);
  sqlite3_reset (stmt);
}

static void
test_open_new (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "new.db");
  g_autoptr(GListModel) topics = readout_store_list_topics (store);
  g_autofree char *name = NULL, *demonym = NULL;

  g_assert_false (readout_store_is_read_only (store));
  if (!readout_test_engine_is_postgresql ())
    assert_new_file (store);

  g_assert_cmpuint (g_list_model_get_n_items (topics), >=, 25);
  g_assert_true (readout_store_lookup_country (store, "RU", &name, &demonym));
  g_assert_cmpstr (name, ==, "Russia");
  g_assert_cmpstr (demonym, ==, "Russian");
  g_assert_false (readout_store_lookup_country (store, "QQ", NULL, NULL));
  g_free (name);
  name = readout_store_find_country_code (store, "american");
  g_assert_cmpstr (name, ==, "US");

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_open_zero_byte (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "empty.db", NULL);
  g_autoptr(ReadoutStore) store = NULL;

  g_file_set_contents (path, "", 0, NULL);
  store = readout_test_open_store (folder, "empty.db");
  g_object_unref (readout_test_add_leader (store, "Zero Byte", "FR"));
  g_object_unref (readout_test_add_leader (store, "Another", "DE"));
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_open_missing_folder (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *missing = g_build_filename (folder, "no", "such", "folder", NULL);
  g_autofree char *path = g_build_filename (missing, "store.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  readout_test_remove_folder (folder);
}

/* A first run: the user's data folder is not there yet. The window opens the user's
 * store by its path; the store makes the folder, private to the user (issue 13). */
static void
test_open_first_run (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *app_folder = NULL;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      g_autofree char *path = readout_store_dup_default_path ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ReadoutStore) store = readout_store_open (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      return;
    }

  folder = readout_test_make_folder ();
  data_home = g_build_filename (folder, "data", NULL);
  app_folder = g_build_filename (data_home, "readout", NULL);
  /* The child reads its data folder afresh; this process has read its own already. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_stat (app_folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  readout_test_remove_folder (folder);
}

static void
test_open_directory (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (folder, &error);

  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE);
  readout_test_remove_folder (folder);
}

static void
test_open_text_file (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "notes.txt", NULL);

  g_file_set_contents (path, "Trump and Putin spoke for more than an hour.\n", -1, NULL);
  assert_open_fails_unchanged (path, READOUT_ERROR_NOT_A_STORE);
  readout_test_remove_folder (folder);
}

static void
test_open_random_bytes (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL);
  assert_open_fails_unchanged (path, READOUT_ERROR_NOT_A_STORE);
  readout_test_remove_folder (folder);
}

/* A store with some content, closed (so its WAL is folded in), at folder/name. */
static char *
make_closed_store (const char *folder,
                   const char *name)
{
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, name);
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Leader A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Leader B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));

  return g_build_filename (folder, name, NULL);
}

static void
test_open_truncated (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = make_closed_store (folder, "truncated.db");
  g_autoptr(GBytes) whole = read_file (path);

  g_file_set_contents (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2, NULL);
  assert_open_fails_unchanged (path, READOUT_ERROR_CORRUPT);

  /* Shorter than the SQLite header itself. */
  g_file_set_contents (path, g_bytes_get_data (whole, NULL), 60, NULL);
  assert_open_fails_unchanged (path, READOUT_ERROR_CORRUPT);
  readout_test_remove_folder (folder);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_newer_version (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = make_closed_store (folder, "future.db");

  exec_raw (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  assert_open_fails_unchanged (path, READOUT_ERROR_NEWER_VERSION);
  readout_test_remove_folder (folder);
}

static void
test_open_other_sqlite (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "other.db", NULL);

  exec_raw (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
  assert_open_fails_unchanged (path, READOUT_ERROR_NOT_A_STORE);
  readout_test_remove_folder (folder);
}

static void
test_open_read_only (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = make_closed_store (folder, "read-only.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autoptr(GListModel) leaders = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = read_file (path);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (readout_store_is_read_only (store));
  leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 2);

  readout_leader_set_name (leader, "Cannot Write");
  g_assert_false (readout_store_insert_leader (store, leader, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY);
  g_clear_object (&leaders);
  g_clear_object (&store);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  readout_test_remove_folder (folder);
}

static void
test_open_locked (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = make_closed_store (folder, "locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autoptr(GListModel) leaders = NULL;
  sqlite3 *writer = NULL;
  gint64 start;

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; INSERT INTO topics (name) VALUES ('Held by another')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  readout_store_set_busy_timeout (store, 300);

  readout_leader_set_name (leader, "Waits");
  start = g_get_monotonic_time ();
  g_assert_false (readout_store_insert_leader (store, leader, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_LOCKED);
  /* It waited for the lock before giving up. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);

  /* Once the other writer is gone, writing works and nothing of the failure is left. */
  g_clear_error (&error);
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 3);
  g_clear_object (&leaders);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* A store that another program has just created and keeps open, with everything still
 * in its write-ahead log (the main file may be empty), opens as the store it is. */
static void
test_open_while_open_elsewhere (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "shared.db", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutDb) connection = readout_db_sqlite_open (path, FALSE, NULL);
  sqlite3 *other = readout_db_sqlite_get_handle (connection);

  g_assert_cmpint (sqlite3_exec (other, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (readout_store_schema_migrate (connection, 0, READOUT_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (other, "INSERT INTO leaders (id, name, country) VALUES (7, 'Seen Twice', 'FR')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  read = readout_store_get_leader (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_leader_get_name (read), ==, "Seen Twice");

  g_clear_object (&store);
  g_clear_object (&connection);
  readout_test_remove_folder (folder);
}

/* ---------------------------------------------------------------------------------- */
/* Migrations                                                                         */

static void
test_migrate_from_v1 (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) hits = NULL;
  ReadoutDb *connection = readout_db_sqlite_open (path, FALSE, NULL);
  sqlite3 *db = readout_db_sqlite_get_handle (connection);
  sqlite3_stmt *stmt;

  /* A store as version 1 wrote it: no full-text index yet. */
  g_assert_true (readout_store_schema_migrate (connection, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO leaders (id, name, country) VALUES (1, 'A', 'US'), (2, 'B', 'RU');"
                                 "INSERT INTO calls (id, date, date_precision, status) VALUES (1, '2017-11-21', 'day', 'held');"
                                 "INSERT INTO call_participants VALUES (1, 1, 0, '2017-11-21'), (1, 2, 1, '2017-11-21');"
                                 "INSERT INTO sources (id, call_id, publisher, kind) VALUES (1, 1, 'Kremlin', 'readout');"
                                 "INSERT INTO statements (call_id, source_id, kind, text) VALUES (1, 1, 'quote', 'compliance with the Minsk accords');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&connection);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  stmt = readout_test_prepare (store, "PRAGMA user_version");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, READOUT_STORE_SCHEMA_VERSION);
  sqlite3_reset (stmt);

  /* The index was built from the rows that were already there. */
  hits = readout_store_search (store, "minsk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  g_clear_object (&store);

  /* The backup is the old version, untouched by the migration. */
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  readout_test_remove_folder (folder);
}

/* ---------------------------------------------------------------------------------- */
/* CRUD                                                                               */

static void
test_leader_crud (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "leaders.db");
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autoptr(ReadoutLeader) read = NULL;
  g_autoptr(ReadoutLeader) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { "Putin", "the Russian president", "Путин", NULL };
  const char *injection = "Robert'); DROP TABLE leaders;--";

  readout_leader_set_name (leader, "Vladimir Putin");
  readout_leader_set_country (leader, "ru");
  readout_leader_set_office (leader, "President");
  readout_leader_set_term_start (leader, "2012-05-07");
  readout_leader_set_aliases (leader, aliases);
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);

  read = readout_store_get_leader (store, readout_leader_get_id (leader), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_leader_get_name (read), ==, "Vladimir Putin");
  g_assert_cmpstr (readout_leader_get_country (read), ==, "RU");
  g_assert_cmpstr (readout_leader_get_country_name (read), ==, "Russia");
  g_assert_cmpuint (g_strv_length ((char **) readout_leader_get_aliases (read)), ==, 3);
  g_assert_cmpuint (readout_leader_get_call_count (read), ==, 0);

  /* Aliases are found case-insensitively, Cyrillic included. */
  found = readout_store_find_leader (store, "ПУТИН", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (readout_leader_get_id (found), ==, readout_leader_get_id (leader));
  g_clear_object (&found);
  found = readout_store_find_leader (store, "Nobody", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Update. */
  readout_leader_set_office (leader, "President of Russia");
  readout_leader_set_aliases (leader, (const char *[]) { "V. Putin", NULL });
  g_assert_true (readout_store_update_leader (store, leader, &error));
  g_clear_object (&read);
  read = readout_store_get_leader (store, readout_leader_get_id (leader), &error);
  g_assert_cmpstr (readout_leader_get_office (read), ==, "President of Russia");
  g_assert_cmpstr (readout_leader_get_aliases (read)[0], ==, "V. Putin");
  g_assert_null (readout_leader_get_aliases (read)[1]);

  /* Bad values are refused with a reason, and nothing is written. */
  readout_leader_set_country (leader, "XX");
  g_assert_false (readout_store_update_leader (store, leader, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  readout_leader_set_country (leader, "RU");
  readout_leader_set_term_end (leader, "2000-01-01");
  g_assert_false (readout_store_update_leader (store, leader, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  readout_leader_set_term_end (leader, "2012-02-30");
  g_assert_false (readout_store_update_leader (store, leader, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  /* Text is data, never SQL. */
  g_clear_object (&read);
  read = readout_test_add_leader (store, injection, NULL);
  g_clear_object (&found);
  found = readout_store_get_leader (store, readout_leader_get_id (read), &error);
  g_assert_cmpstr (readout_leader_get_name (found), ==, injection);

  g_assert_true (readout_store_delete_leader (store, readout_leader_get_id (read), &error));
  g_assert_no_error (error);
  g_assert_false (readout_store_delete_leader (store, readout_leader_get_id (read), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_call_crud (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "calls.db");
  g_autoptr(ReadoutLeader) trump = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutLeader) putin = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutCall) call = readout_call_new ();
  g_autoptr(ReadoutCall) read = NULL;
  g_autoptr(ReadoutSource) source = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { readout_leader_get_id (trump), readout_leader_get_id (putin) };
  guint n_ids;

  /* A call needs two participants. */
  readout_call_set_date (call, "2017-11-21");
  readout_call_set_participant_ids (call, ids, 1);
  g_assert_false (readout_store_insert_call (store, call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  /* A date that does not exist, and a date that does not match its precision. */
  readout_call_set_participant_ids (call, ids, 2);
  readout_call_set_date (call, "2017-02-29");
  g_assert_false (readout_store_insert_call (store, call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  readout_call_set_date (call, "2017-11");
  g_assert_false (readout_store_insert_call (store, call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_MONTH);
  g_assert_true (readout_store_insert_call (store, call, &error));
  g_assert_no_error (error);

  /* Update it to the full date with duration, status, initiator and time. */
  readout_call_set_date (call, "2017-11-21");
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
  readout_call_set_time (call, "16:30");
  readout_call_set_duration_minutes (call, 60);
  readout_call_set_duration_qualifier (call, READOUT_DURATION_MORE_THAN);
  readout_call_set_initiator_id (call, readout_leader_get_id (trump));
  g_assert_true (readout_store_update_call (store, call, &error));
  g_assert_no_error (error);

  read = readout_store_get_call (store, readout_call_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_call_get_date (read), ==, "2017-11-21");
  g_assert_cmpstr (readout_call_get_time (read), ==, "16:30");
  g_assert_cmpint (readout_call_get_duration_minutes (read), ==, 60);
  g_assert_cmpint (readout_call_get_duration_qualifier (read), ==, READOUT_DURATION_MORE_THAN);
  g_assert_cmpstr (readout_call_get_initiator_name (read), ==, "Donald Trump");
  g_assert_cmpint (readout_call_get_participant_ids (read, &n_ids)[1], ==, readout_leader_get_id (putin));
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpstr (readout_call_get_participant_names (read)[0], ==, "Donald Trump");
  g_assert_cmpstr (readout_call_get_participant_countries (read)[1], ==, "RU");

  /* A bad time. */
  readout_call_set_time (call, "25:00");
  g_assert_false (readout_store_update_call (store, call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  /* Sources and statements hang on the call; deleting it takes them, and the index. */
  source = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  statement = readout_test_add_statement (store, readout_source_get_id (source), "the Kremlin", "RU",
                                          "Compliance with the Minsk accords has no alternative.");
  g_assert_cmpint (readout_statement_get_call_id (statement), ==, readout_call_get_id (call));
  g_assert_true (g_strv_contains (readout_statement_get_topics (statement), "Ukraine"));
  g_clear_object (&read);
  read = readout_store_get_call (store, readout_call_get_id (call), &error);
  g_assert_true (g_strv_contains (readout_call_get_topics (read), "Ukraine"));

  g_assert_true (readout_store_delete_call (store, readout_call_get_id (call), &error));
  g_assert_no_error (error);
  g_assert_null (readout_store_get_source (store, readout_source_get_id (source), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (readout_store_get_statement (store, readout_statement_get_id (statement), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  hits = readout_store_search (store, "minsk", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  g_clear_object (&hits);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_delete_leader_with_calls (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "refuse.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2020-01-01", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(GError) error = NULL;

  g_assert_false (readout_store_delete_leader (store, readout_leader_get_id (a), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static guint
count_hits (ReadoutStore *store,
            const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = readout_store_search (store, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

/* A statement and the text of its source are one passage: search lists it once, as the
 * statement; a source whose matching passage is in no statement keeps its own hit. */
static void
test_search_source_covered (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "covered.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2021-07-09", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) covered = readout_test_add_source (store, readout_call_get_id (call), "White House", "US");
  g_autoptr(ReadoutSource) uncovered = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(ReadoutSearchHit) hit = NULL;
  g_autoptr(GError) error = NULL;

  readout_source_set_text (covered, "A spoke with B about the ongoing ransomware attacks by criminals.");
  g_assert_true (readout_store_update_source (store, covered, &error));
  readout_source_set_text (uncovered, "The leaders also touched on ransomware in passing.");
  g_assert_true (readout_store_update_source (store, uncovered, &error));
  g_assert_no_error (error);
  statement = readout_test_add_statement (store, readout_source_get_id (covered), "White House", "US",
                                          "A spoke with B about the ongoing ransomware attacks by criminals.");

  hits = readout_store_search (store, "ransomware", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_assert_cmpuint (readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (hits)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&hit);
      hit = g_list_model_get_item (hits, i);
      /* The covered source is there only as its statement. */
      if (readout_search_hit_get_statement_id (hit) == 0)
        g_assert_cmpint (readout_search_hit_get_source_id (hit), ==, readout_source_get_id (uncovered));
    }
  g_clear_object (&hits);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_fts_in_step (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "fts.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2020-01-01", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call), "TASS", "RU");
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  statement = readout_test_add_statement (store, readout_source_get_id (source), "Dmitry Peskov", "RU",
                                          "Let's just be patient.");
  g_assert_cmpuint (count_hits (store, "patient"), ==, 1);
  g_assert_cmpuint (count_hits (store, "Peskov"), ==, 1);
  g_assert_cmpuint (count_hits (store, "pati"), ==, 1);

  readout_statement_set_text (statement, "Терпение, только терпение.");
  g_assert_true (readout_store_update_statement (store, statement, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "patient"), ==, 0);
  g_assert_cmpuint (count_hits (store, "ТЕРПЕНИЕ"), ==, 1);

  /* Source text is indexed too, and follows updates. */
  readout_source_set_text (source, "Peskov said the call was scheduled for Saturday.");
  g_assert_true (readout_store_update_source (store, source, &error));
  g_assert_cmpuint (count_hits (store, "scheduled"), ==, 1);

  g_assert_true (readout_store_delete_statement (store, readout_statement_get_id (statement), &error));
  g_assert_cmpuint (count_hits (store, "терпение"), ==, 0);
  g_assert_true (readout_store_delete_source (store, readout_source_get_id (source), &error));
  g_assert_cmpuint (count_hits (store, "scheduled"), ==, 0);

  /* What a user types is never FTS syntax. */
  g_assert_cmpuint (count_hits (store, "\"unbalanced AND ( NEAR"), ==, 0);
  g_assert_cmpuint (count_hits (store, "*"), ==, 0);
  g_assert_cmpuint (count_hits (store, ""), ==, 0);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
on_changed_cb (ReadoutStore *store,
               guint         kinds,
               guint         primary,
               gint64        id,
               gpointer      user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_transaction (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "tx.db");
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autoptr(GListModel) leaders = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  /* Rolled back: nothing stored, nothing announced. */
  g_assert_true (readout_store_begin (store, &error));
  readout_leader_set_name (leader, "Rolled Back");
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  readout_store_rollback (store);
  g_assert_cmpuint (n_changed, ==, 0);
  leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 0);

  /* A failing write inside a transaction leaves the earlier writes of it alone. */
  g_assert_true (readout_store_begin (store, &error));
  g_object_unref (readout_test_add_leader (store, "Kept", "FR"));
  readout_leader_set_id (leader, 0);
  readout_leader_set_country (leader, "??");
  g_assert_false (readout_store_insert_leader (store, leader, &error));
  g_clear_error (&error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_true (readout_store_commit (store, &error));
  g_assert_no_error (error);
  /* One notification for the whole transaction. */
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 1);

  g_clear_object (&leaders);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_topic_retag (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "topics.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "JP");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2020-01-01", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call), "MOFA", "JP");
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(ReadoutStatement) read = NULL;
  g_autoptr(ReadoutTopic) topic = readout_topic_new ();
  g_autoptr(ReadoutTopic) duplicate = readout_topic_new ();
  g_autoptr(GError) error = NULL;

  statement = readout_test_add_statement (store, readout_source_get_id (source), "MOFA", "JP",
                                          "The leaders discussed commercial whaling.");
  g_assert_false (g_strv_contains (readout_statement_get_topics (statement), "Whaling"));

  readout_topic_set_name (topic, "Whaling");
  readout_topic_set_keywords (topic, "en", (const char *[]) { "whal*", NULL });
  readout_topic_set_keywords (topic, "ru", (const char *[]) { "китобойн*", NULL });
  g_assert_true (readout_store_insert_topic (store, topic, &error));
  g_assert_no_error (error);

  read = readout_store_get_statement (store, readout_statement_get_id (statement), &error);
  g_assert_true (g_strv_contains (readout_statement_get_topics (read), "Whaling"));

  readout_topic_set_name (duplicate, "whaling");
  g_assert_false (readout_store_insert_topic (store, duplicate, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (readout_store_delete_topic (store, readout_topic_get_id (topic), &error));
  g_clear_object (&read);
  read = readout_store_get_statement (store, readout_statement_get_id (statement), &error);
  g_assert_false (g_strv_contains (readout_statement_get_topics (read), "Whaling"));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_conflict (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "conflict.db");
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "A", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "B", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-11-21", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) text = readout_test_add_source (store, readout_call_get_id (call), "UPI", NULL);
  g_autoptr(ReadoutSource) caption = readout_test_add_source (store, readout_call_get_id (call), "UPI caption", NULL);
  g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();
  g_autoptr(ReadoutConflict) one_claim = readout_conflict_new ();
  g_autoptr(ReadoutConflict) read = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  readout_conflict_set_call_id (one_claim, readout_call_get_id (call));
  readout_conflict_set_field (one_claim, "weekday");
  readout_conflict_add_claim (one_claim, "Tuesday", readout_source_get_id (text), NULL);
  g_assert_false (readout_store_insert_conflict (store, one_claim, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  readout_conflict_set_call_id (conflict, readout_call_get_id (call));
  readout_conflict_set_field (conflict, "weekday");
  readout_conflict_add_claim (conflict, "Tuesday", readout_source_get_id (text), NULL);
  readout_conflict_add_claim (conflict, "Monday", readout_source_get_id (caption), NULL);
  g_assert_true (readout_store_insert_conflict (store, conflict, &error));
  g_assert_no_error (error);

  conflicts = readout_store_list_conflicts (store, readout_call_get_id (call));
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  read = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (readout_conflict_get_field (read), ==, "weekday");
  g_assert_cmpuint (readout_conflict_get_n_claims (read), ==, 2);
  g_assert_cmpstr (readout_conflict_get_claim_value (read, 1), ==, "Monday");
  g_assert_cmpstr (readout_conflict_get_claim_source_publisher (read, 1), ==, "UPI caption");
  g_assert_cmpint (readout_conflict_get_claim_source_id (read, 0), ==, readout_source_get_id (text));

  g_clear_object (&conflicts);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_merge (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "merge.db");
  g_autoptr(ReadoutLeader) trump = readout_test_add_leader (store, "Donald Trump", "US");
  g_autoptr(ReadoutLeader) putin = readout_test_add_leader (store, "Vladimir Putin", "RU");
  g_autoptr(ReadoutLeader) putin_again = readout_test_add_leader (store, "V. V. Putin", "RU");
  g_autoptr(ReadoutCall) announced = readout_test_add_call (store, "2017-01-28", readout_leader_get_id (trump),
                                                            readout_leader_get_id (putin_again));
  g_autoptr(ReadoutCall) held = readout_test_add_call (store, "2017-01-28", readout_leader_get_id (trump),
                                                       readout_leader_get_id (putin));
  g_autoptr(ReadoutSource) source = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(ReadoutLeader) read = NULL;
  g_autoptr(ReadoutCall) merged = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GError) error = NULL;

  /* Leaders who spoke to each other are not one person. */
  g_assert_false (readout_store_merge_leaders (store, readout_leader_get_id (trump),
                                               readout_leader_get_id (putin), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (readout_store_merge_leaders (store, readout_leader_get_id (putin),
                                              readout_leader_get_id (putin_again), &error));
  g_assert_no_error (error);
  read = readout_store_get_leader (store, readout_leader_get_id (putin), &error);
  g_assert_cmpuint (readout_leader_get_call_count (read), ==, 2);
  g_assert_true (g_strv_contains (readout_leader_get_aliases (read), "V. V. Putin"));
  g_assert_null (readout_store_get_leader (store, readout_leader_get_id (putin_again), NULL));

  /* The announced call and the held call are one call. */
  readout_call_set_status (announced, READOUT_CALL_STATUS_ANNOUNCED);
  {
    gint64 ids[] = { readout_leader_get_id (trump), readout_leader_get_id (putin) };
    readout_call_set_participant_ids (announced, ids, 2);
  }
  g_assert_true (readout_store_update_call (store, announced, &error));
  source = readout_test_add_source (store, readout_call_get_id (announced), "TASS", "RU");
  statement = readout_test_add_statement (store, readout_source_get_id (source), "Dmitry Peskov", "RU",
                                          "Let's just be patient.");
  readout_call_set_duration_minutes (held, 60);
  readout_call_set_duration_qualifier (held, READOUT_DURATION_ABOUT);
  g_assert_true (readout_store_update_call (store, held, &error));

  g_assert_true (readout_store_merge_calls (store, readout_call_get_id (announced),
                                            readout_call_get_id (held), &error));
  g_assert_no_error (error);
  g_assert_null (readout_store_get_call (store, readout_call_get_id (held), NULL));
  merged = readout_store_get_call (store, readout_call_get_id (announced), &error);
  g_assert_cmpint (readout_call_get_status (merged), ==, READOUT_CALL_STATUS_HELD);
  g_assert_cmpint (readout_call_get_duration_minutes (merged), ==, 60);
  sources = readout_store_list_sources (store, readout_call_get_id (merged));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);

  g_clear_object (&sources);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Data is never lost: a writer killed at any moment leaves a store that passes the
 * integrity check and holds each change whole or not at all. */

#define STATEMENTS_PER_CALL 7

static void
test_killed_writer_subprocess (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (g_getenv ("READOUT_TEST_CRASH_STORE"), &error);
  g_autoptr(ReadoutLeader) a = NULL;
  g_autoptr(ReadoutLeader) b = NULL;

  g_assert_no_error (error);
  a = readout_store_find_leader (store, "Writer A", &error);
  b = readout_store_find_leader (store, "Writer B", &error);

  /* Writes until the parent kills it. */
  for (guint n = 0; ; n++)
    {
      g_autoptr(ReadoutCall) call = NULL;
      g_autoptr(ReadoutSource) source = NULL;

      g_assert_true (readout_store_begin (store, &error));
      call = readout_test_add_call (store, "2020-02-02", readout_leader_get_id (a), readout_leader_get_id (b));
      source = readout_test_add_source (store, readout_call_get_id (call), "Kremlin", "RU");
      for (guint i = 0; i < STATEMENTS_PER_CALL; i++)
        g_object_unref (readout_test_add_statement (store, readout_source_get_id (source), "the Kremlin", "RU",
                                                    "The sides discussed trade and the Minsk accords."));
      g_assert_true (readout_store_commit (store, &error));
    }
}

static void
test_killed_writer (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "crash.db", NULL);
  sqlite3_stmt *stmt;

  {
    g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "crash.db");
    g_object_unref (readout_test_add_leader (store, "Writer A", "US"));
    g_object_unref (readout_test_add_leader (store, "Writer B", "RU"));
  }
  g_setenv ("READOUT_TEST_CRASH_STORE", path, TRUE);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(ReadoutStore) store = NULL;
      g_autoptr(GError) error = NULL;

      /* The writer is killed (SIGKILL) when the timeout runs out, mid-transaction or not. */
      g_test_trap_subprocess ("/store/crash/killed-writer/subprocess", (150 + 70 * round) * 1000,
                              G_TEST_SUBPROCESS_DEFAULT);
      g_assert_true (g_test_trap_reached_timeout ());

      store = readout_store_open (path, &error);
      g_assert_no_error (error);
      stmt = readout_test_prepare (store, "PRAGMA integrity_check");
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_reset (stmt);

      /* Every stored call is whole: its source and all of its statements. */
      stmt = readout_test_prepare (store, "SELECT count(*) FROM calls c WHERE"
                                           " (SELECT count(*) FROM statements s WHERE s.call_id = c.id) != ?");
      sqlite3_bind_int (stmt, 1, STATEMENTS_PER_CALL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
      sqlite3_reset (stmt);
      stmt = readout_test_prepare (store, "SELECT count(*) FROM calls");
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_test_message ("round %u: %d whole calls", round, sqlite3_column_int (stmt, 0));
      sqlite3_reset (stmt);

      /* The full-text index agrees with the table. */
      stmt = readout_test_prepare (store, "INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')");
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }

  g_unsetenv ("READOUT_TEST_CRASH_STORE");
  readout_test_remove_folder (folder);
}

/* ---------------------------------------------------------------------------------- */
/* Crashes and a full disk at every Nth write (issue 17)                              */

typedef struct {
  char *folder;
  char *path;          /* the store each run works on */
  GBytes *base;        /* the store before the import */
  char *document;      /* a JSON export to import */
  gsize length;
  gint64 calls_before;
  gint64 calls_after;
} CrashFixture;

static void
write_whole (const char *path,
             GBytes     *bytes)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  FILE *file;

  g_unlink (wal);
  g_unlink (shm);
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), file),
                    ==, g_bytes_get_size (bytes));
  fclose (file);
}

static gint64
count_calls (ReadoutStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (readout_test_store_handle (store), "SELECT count(*) FROM calls",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* What the app does with the store: open it, import, close (which checkpoints). */
static gboolean
crash_workload (CrashFixture  *fixture,
                GError       **error)
{
  g_autoptr(ReadoutStore) store = readout_store_open (fixture->path, error);

  return store != NULL &&
         readout_store_import_json (store, fixture->document, (gssize) fixture->length, NULL, error);
}

/* Opens the store as the app does: it must open, pass integrity_check and hold all of
 * the import or none of it. Returns the number of calls. */
static gint64
assert_whole (CrashFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (fixture->path, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (readout_test_store_handle (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  n = count_calls (store);
  if (n != fixture->calls_before)
    g_assert_cmpint (n, ==, fixture->calls_after);
  return n;
}

/* The calls in the store at @path. */
static gint64
count_calls_at (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (path, &error);

  g_assert_no_error (error);
  return count_calls (store);
}

static void
crash_fixture_set_up (CrashFixture  *fixture,
                      gconstpointer  data)
{
  ReadoutGeneratorOptions small = { 4, 5, 20, 1 };
  ReadoutGeneratorOptions more = { 10, 30, 150, 2 };
  g_autofree char *base_path = NULL;
  g_autofree char *more_path = NULL;
  g_autofree char *doc_path = NULL;
  g_autoptr(ReadoutStore) more_store = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  fixture->folder = readout_test_make_folder ();
  base_path = g_build_filename (fixture->folder, "base.db", NULL);
  more_path = g_build_filename (fixture->folder, "more.db", NULL);
  doc_path = g_build_filename (fixture->folder, "more.json", NULL);
  g_assert_true (readout_generator_run (base_path, &small, &error));
  g_assert_true (readout_generator_run (more_path, &more, &error));
  g_assert_no_error (error);

  g_file_get_contents (base_path, &contents, &length, &error);
  g_assert_no_error (error);
  fixture->base = g_bytes_new_take (contents, length);
  fixture->calls_before = count_calls_at (base_path);

  more_store = readout_store_open (more_path, &error);
  g_assert_no_error (error);
  fixture->calls_after = fixture->calls_before + count_calls (more_store);
  g_assert_true (readout_store_export_json_file (more_store, doc_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (doc_path, &fixture->document, &fixture->length, &error);
  g_assert_no_error (error);

  fixture->path = g_build_filename (fixture->folder, "store.db", NULL);
}

static void
crash_fixture_tear_down (CrashFixture  *fixture,
                         gconstpointer  data)
{
  readout_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_bytes_unref (fixture->base);
  g_free (fixture->document);
}

/* Runs the workload in a child that the VFS ends at write @n, as a kill would. Returns
 * whether the child was ended there (FALSE: it had fewer writes and finished). */
static gboolean
crash_at_write (CrashFixture *fixture,
                guint         n)
{
  int status = 0;
  pid_t pid;

  write_whole (fixture->path, fixture->base);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      crash_vfs_install (CRASH_VFS_EXIT, n);
      _exit (crash_workload (fixture, &error) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 1);
  return WEXITSTATUS (status) == CRASH_VFS_EXIT_STATUS;
}

/* Kills the writer at every Nth write of an import and the checkpoint after it (in the
 * log, then in the main file): every time, the store opens, is whole, and holds all of
 * the import or none of it; it is never called damaged. */
static void
test_crash_every_nth_write (CrashFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint total, main_total, stride, main_stride, main_seen = 0, runs = 0, main_runs = 0;
  guint n_before = 0, n_after = 0;

  /* A run that is not stopped: how many writes there are, and which go to the main file. */
  write_whole (fixture->path, fixture->base);
  crash_vfs_install (CRASH_VFS_COUNT, 0);
  g_assert_true (crash_workload (fixture, &error));
  g_assert_no_error (error);
  total = crash_vfs_get_writes ();
  main_total = crash_vfs_get_main_writes ();
  crash_vfs_uninstall ();
  g_assert_cmpint (assert_whole (fixture), ==, fixture->calls_after);
  g_assert_cmpuint (main_total, >, 1);
  g_test_message ("%u writes, %u of them into the main file", total, main_total);

  stride = MAX (total / 36, 1);
  main_stride = MAX (main_total / 20, 1);
  for (guint n = 1; n <= total; n++)
    {
      gboolean in_main = crash_vfs_write_is_main (n);

      if (in_main)
        main_seen++;
      if (n % stride != 0 && n != total && !(in_main && main_seen % main_stride == 1 % main_stride))
        continue;
      g_assert_true (crash_at_write (fixture, n));
      runs++;
      main_runs += in_main;
      if (assert_whole (fixture) == fixture->calls_before)
        n_before++;
      else
        n_after++;
    }
  g_test_message ("%u kills (%u in the checkpoint): %u stores as before, %u with the import",
                  runs, main_runs, n_before, n_after);
  g_assert_cmpuint (main_runs, >, 1);
  g_assert_cmpuint (n_before, >, 0);
  g_assert_cmpuint (n_after, >, 0);
}

/* A disk that fills at any write: the import fails saying the disk is full (never that
 * the store is damaged), and the store opens afterwards with all or nothing. */
static void
test_disk_full_every_nth_write (CrashFixture  *fixture,
                                gconstpointer  data)
{
  guint total, stride;

  write_whole (fixture->path, fixture->base);
  crash_vfs_install (CRASH_VFS_COUNT, 0);
  g_assert_true (crash_workload (fixture, NULL));
  total = crash_vfs_get_writes ();
  crash_vfs_uninstall ();

  stride = MAX (total / 20, 1);
  for (guint n = 1; n <= total; n += stride)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      write_whole (fixture->path, fixture->base);
      crash_vfs_install (CRASH_VFS_DISK_FULL, n);
      ok = crash_workload (fixture, &error);
      crash_vfs_uninstall ();
      if (!ok)
        {
          g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "full"));
        }
      assert_whole (fixture);
    }
}

/* A new store on a full disk: "full", not "damaged". */
static void
test_disk_full_new_store (CrashFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;

  crash_vfs_install (CRASH_VFS_DISK_FULL, 1);
  store = readout_store_open (fixture->path, &error);
  crash_vfs_uninstall ();
  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
}

/* ---------------------------------------------------------------------------------- */
/* Other writers (issue 17)                                                           */

typedef struct {
  guint n;
  guint kinds;
} ChangeLog;

static void
on_changed_log (ReadoutStore *store,
                guint         kinds,
                guint         primary,
                gint64        id,
                ChangeLog    *log)
{
  log->n++;
  log->kinds = kinds;
}

static void
on_topic_changed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (readout_store_topic_change_finish (READOUT_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* A change committed by another connection (another program) is announced once, as a
 * change of everything; the store's own commits are not announced twice. */
static void
test_other_writers (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autoptr(ReadoutStore) other = NULL;
  g_autoptr(ReadoutLeader) mine = NULL;
  g_autoptr(ReadoutLeader) theirs = NULL;
  g_autoptr(ReadoutLeader) found = NULL;
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0, 0 };
  gint64 deadline;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_log), &log);
  g_assert_false (readout_store_check_for_changes (store));
  mine = readout_test_add_leader (store, "Own Writer", "FR");
  g_assert_cmpuint (log.n, ==, 1);
  g_assert_false (readout_store_check_for_changes (store));
  g_assert_cmpuint (log.n, ==, 1);

  other = readout_store_open (readout_store_get_path (store), &error);
  g_assert_no_error (error);
  theirs = readout_test_add_leader (other, "Other Program", "DE");
  g_assert_true (readout_store_check_for_changes (store));
  g_assert_cmpuint (log.n, ==, 2);
  g_assert_cmpuint (log.kinds, ==, READOUT_CHANGE_ALL);
  found = readout_store_find_leader (store, "Other Program", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_false (readout_store_check_for_changes (store));

  /* While watching, the store looks by itself on the main loop. */
  readout_store_set_watching (store, TRUE);
  g_clear_object (&theirs);
  theirs = readout_test_add_leader (other, "Other Program Again", "IT");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (log.n < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (log.n, ==, 3);
  readout_store_set_watching (store, FALSE);

  /* The re-tagging thread writes through a connection of its own and announces its
   * change itself: that is not another program's, and not announced twice. */
  {
    g_autoptr(ReadoutTopic) topic = readout_topic_new ();
    const char * const words[] = { "rain", NULL };
    gboolean done = FALSE;

    readout_topic_set_name (topic, "Weather");
    readout_topic_set_keywords (topic, "en", words);
    readout_store_insert_topic_async (store, topic, NULL, NULL, NULL, on_topic_changed, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (log.n, ==, 4);
    g_assert_false (readout_store_check_for_changes (store));
    g_assert_cmpuint (log.n, ==, 4);
  }

  g_clear_object (&other);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Why a test of the file does not run on PostgreSQL (READOUT_TEST_ENGINE=postgresql). */
#define FILE_ONLY "a test of the SQLite file itself (opening a team store: pg-open)"
#define CRASH_ONLY "a test of the SQLite file's integrity after a crash or a full disk"

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new", test_open_new);
  readout_test_add_file_func ("/store/open/zero-byte", test_open_zero_byte, FILE_ONLY);
  readout_test_add_file_func ("/store/open/missing-folder", test_open_missing_folder, FILE_ONLY);
  readout_test_add_file_func ("/store/open/first-run", test_open_first_run, FILE_ONLY);
  readout_test_add_file_func ("/store/open/directory", test_open_directory, FILE_ONLY);
  readout_test_add_file_func ("/store/open/text-file", test_open_text_file, FILE_ONLY);
  readout_test_add_file_func ("/store/open/random-bytes", test_open_random_bytes, FILE_ONLY);
  readout_test_add_file_func ("/store/open/truncated", test_open_truncated, FILE_ONLY);
  readout_test_add_file_func ("/store/open/newer-version", test_open_newer_version,
                              "the team schema's version: pg-open's open/newer");
  readout_test_add_file_func ("/store/open/other-sqlite", test_open_other_sqlite, FILE_ONLY);
  g_test_add_func ("/store/other-writers", test_other_writers);
  if (readout_test_engine_is_postgresql ())
    {
      readout_test_add_file_func ("/store/crash/every-nth-write", NULL, CRASH_ONLY);
      readout_test_add_file_func ("/store/crash/disk-full-every-nth-write", NULL, CRASH_ONLY);
      readout_test_add_file_func ("/store/crash/disk-full-new-store", NULL, CRASH_ONLY);
    }
  else
    {
      g_test_add ("/store/crash/every-nth-write", CrashFixture, NULL, crash_fixture_set_up,
                  test_crash_every_nth_write, crash_fixture_tear_down);
      g_test_add ("/store/crash/disk-full-every-nth-write", CrashFixture, NULL, crash_fixture_set_up,
                  test_disk_full_every_nth_write, crash_fixture_tear_down);
      g_test_add ("/store/crash/disk-full-new-store", CrashFixture, NULL, crash_fixture_set_up,
                  test_disk_full_new_store, crash_fixture_tear_down);
    }
  readout_test_add_file_func ("/store/open/read-only", test_open_read_only,
                              "a read-only file; a reader's role: pg-open's open/reader");
  readout_test_add_file_func ("/store/open/locked", test_open_locked, FILE_ONLY);
  readout_test_add_file_func ("/store/open/while-open-elsewhere", test_open_while_open_elsewhere,
                              FILE_ONLY);
  readout_test_add_file_func ("/store/migrate/from-v1", test_migrate_from_v1,
                              "the SQLite schema's versions; the team schema starts at its v1");
  g_test_add_func ("/store/leader/crud", test_leader_crud);
  g_test_add_func ("/store/leader/delete-with-calls", test_delete_leader_with_calls);
  g_test_add_func ("/store/call/crud", test_call_crud);
  g_test_add_func ("/store/fts/in-step", test_fts_in_step);
  g_test_add_func ("/store/search/source-covered", test_search_source_covered);
  g_test_add_func ("/store/transaction", test_transaction);
  g_test_add_func ("/store/topic/retag", test_topic_retag);
  g_test_add_func ("/store/conflict", test_conflict);
  g_test_add_func ("/store/merge", test_merge);
  readout_test_add_file_func ("/store/crash/killed-writer", test_killed_writer, CRASH_ONLY);
  readout_test_add_file_func ("/store/crash/killed-writer/subprocess", test_killed_writer_subprocess,
                              CRASH_ONLY);

  return g_test_run ();
}

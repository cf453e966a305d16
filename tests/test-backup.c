// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "readout-error.h"
#include "readout-generator.h"
#include "readout-store-backup.h"
#include "readout-test-util.h"

/* Backups with SQLite's online backup API while another connection keeps writing. */

static char *
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

typedef struct {
  sqlite3 *writer;
  guint n_steps;
  guint n_inserted;
} WriterState;

/* Between two backup steps, another connection commits a change: a new leader. */
static void
write_between_steps (int      remaining,
                     int      total,
                     gpointer user_data)
{
  WriterState *state = user_data;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO leaders (name, country) VALUES"
                                          " ('Written during backup %u', 'FR')", state->n_steps);

  g_assert_cmpint (remaining, <=, total);
  state->n_steps++;
  g_assert_cmpint (sqlite3_exec (state->writer, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  state->n_inserted++;
}

static char *
generate_store (const char *folder)
{
  char *path = g_build_filename (folder, "store.db", NULL);
  ReadoutGeneratorOptions options = { 100, 2000, 6000, 3 };
  g_autoptr(GError) error = NULL;

  g_assert_true (readout_generator_run (path, &options, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_backup_while_writing (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = generate_store (folder);
  g_autofree char *copy_path = g_build_filename (folder, "copy.db", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  WriterState state = { NULL, 0, 0 };
  gint64 n_leaders;

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &state.writer), ==, SQLITE_OK);
  sqlite3_busy_timeout (state.writer, 5000);

  /* 16 pages a step: the store is a few MB, so the copy takes many steps and every
   * one of them is followed by a committed write from the other connection. */
  g_assert_true (readout_store_backup_full (store, copy_path, 16, write_between_steps, &state,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.n_steps, >, 3);
  g_test_message ("backup took %u steps with a write after each", state.n_steps);
  sqlite3_close (state.writer);

  integrity = check_integrity (copy_path);
  g_assert_cmpstr (integrity, ==, "ok");
  /* The copy is one snapshot: every generated row, and some but not necessarily all of
   * the leaders written meanwhile. */
  n_leaders = count_rows (copy_path, "leaders");
  g_assert_cmpint (n_leaders, >=, 100);
  g_assert_cmpint (n_leaders, <=, 100 + state.n_inserted);
  g_assert_cmpint (count_rows (copy_path, "statements"), ==, 6000);
  g_assert_cmpint (count_rows (copy_path, "calls"), ==, 2000);

  copy = readout_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  g_clear_object (&store);
  g_clear_object (&copy);
  readout_test_remove_folder (folder);
}

typedef struct {
  GMainLoop *loop;
  gboolean done;
  GError *error;
} AsyncState;

static void
backup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  readout_store_backup_finish (READOUT_STORE (object), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

/* The window's way: the copy runs on a worker thread while the store keeps writing. */
static void
test_backup_async (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = generate_store (folder);
  g_autofree char *copy_path = g_build_filename (folder, "copy.db", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *integrity = NULL;
  AsyncState state = { loop, FALSE, NULL };
  guint n_written = 0;

  store = readout_store_open (path, &error);
  g_assert_no_error (error);

  readout_store_backup_async (store, copy_path, NULL, backup_done, &state);
  /* Write through the store itself until the copy is done. */
  while (!state.done)
    {
      g_autofree char *name = g_strdup_printf ("Async writer %u", n_written);
      g_autoptr(ReadoutLeader) leader = readout_test_add_leader (store, name, "DE");

      n_written++;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_no_error (state.error);
  g_test_message ("%u writes while the copy ran", n_written);

  integrity = check_integrity (copy_path);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (count_rows (copy_path, "statements"), ==, 6000);
  g_assert_cmpint (count_rows (copy_path, "leaders"), <=, 100 + n_written);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

typedef struct {
  const char *folder;
  guint steps;
} KillState;

/* The names in @folder that hold @part. */
static guint
count_names (const char *folder,
             const char *part)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, part) != NULL)
      n++;
  return n;
}

/* Ends the process half way through a backup, as a kill would. */
static void
die_at_third_step (int      remaining,
                   int      total,
                   gpointer user_data)
{
  KillState *state = user_data;

  /* SQLite writes no journal beside the copy, so none can be left behind either. */
  if (count_names (state->folder, "-journal") != 0)
    _exit (2);
  if (++state->steps == 3)
    _exit (0);
}

/* Issue 17: killed backups left their temporary files, which piled up. The next backup
 * removes them, and leaves alone a temporary file another backup is still writing. */
static void
test_backup_stale_temporaries (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = generate_store (folder);
  g_autofree char *copy_path = g_build_filename (folder, "copy.db", NULL);
  g_autofree char *live = g_build_filename (folder, ".copy.db.0123abcd.readout.tmp", NULL);
  g_autofree char *other = g_build_filename (folder, ".copy.db.notours.tmp", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  int live_fd;

  for (guint i = 0; i < 3; i++)
    {
      int status = 0;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          KillState state = { folder, 0 };
          ReadoutStore *child_store = readout_store_open (path, NULL);

          readout_store_backup_full (child_store, copy_path, 16, die_at_third_step, &state, NULL, NULL);
          _exit (3);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  /* Each killed backup left its file, and the next one removed it: one is left. */
  g_assert_cmpuint (count_names (folder, ".readout.tmp"), ==, 1);
  g_assert_cmpuint (count_names (folder, "-journal"), ==, 0);

  /* A backup in progress (it holds its lock), and a file that is not ours. */
  live_fd = g_open (live, O_RDWR | O_CREAT, 0644);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);
  g_assert_true (g_file_set_contents (other, "keep", -1, NULL));

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (readout_store_backup (store, copy_path, &error));
  g_assert_no_error (error);
  integrity = check_integrity (copy_path);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpuint (count_names (folder, ".readout.tmp"), ==, 1);  /* the live one */
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_names (folder, "-journal"), ==, 0);
  close (live_fd);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_backup_errors (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (readout_test_skip_on_postgresql ("a team store is not backed up to a file (see /backup/team-store)"))
    return;
  folder = readout_test_make_folder ();
  store = readout_test_open_store (folder, "store.db");
  missing = g_build_filename (folder, "missing", "copy.db", NULL);

  g_assert_false (readout_store_backup (store, missing, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (readout_store_backup (store, readout_store_get_path (store), &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".tmp"));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (readout_store_backup_finish (READOUT_STORE (source), result, error));
}

/* A team store is the server's to back up: refused, nothing written. */
static void
test_backup_team_store (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;

  if (!readout_test_engine_is_postgresql ())
    {
      g_test_skip ("needs a team store: READOUT_TEST_ENGINE=postgresql");
      return;
    }
  folder = readout_test_make_folder ();
  store = readout_test_open_store (folder, "store.db");
  copy = g_build_filename (folder, "copy.db", NULL);

  g_assert_false (readout_store_backup (store, copy, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pg_dump"));
  g_clear_error (&error);

  readout_store_backup_async (store, copy, NULL, on_backup_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/while-writing", test_backup_while_writing);
  g_test_add_func ("/backup/async", test_backup_async);
  g_test_add_func ("/backup/errors", test_backup_errors);
  g_test_add_func ("/backup/stale-temporaries", test_backup_stale_temporaries);
  g_test_add_func ("/backup/team-store", test_backup_team_store);

  return g_test_run ();
}

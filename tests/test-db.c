// SPDX-License-Identifier: GPL-3.0-or-later
/* ReadoutDb and its SQLite engine (src/core/store/engine/). */
#include "config.h"

#include <glib/gstdio.h>

#include "readout-db.h"
#include "readout-db-sqlite.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("readout-db-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static ReadoutDb *
open_table (char **path)
{
  g_autoptr(GError) error = NULL;
  ReadoutDb *db;

  *path = temp_path ("t.db");
  db = readout_db_open (*path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (READOUT_IS_DB_SQLITE (db));
  g_assert_cmpint (readout_db_get_engine (db), ==, READOUT_DB_ENGINE_SQLITE);
  g_assert_true (readout_db_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE,"
                                      " score REAL)", &error));
  g_assert_no_error (error);
  return db;
}

static gint64
insert (ReadoutDb  *db,
        const char *name,
        GError    **error)
{
  ReadoutDbStatement *stmt = readout_db_prepare (db, "INSERT INTO t (name, score) VALUES (?, ?2)"
                                                     " RETURNING id", error);
  gint64 id = 0;

  g_assert_nonnull (stmt);
  readout_db_statement_bind_text (stmt, 1, name);
  readout_db_statement_bind_double (stmt, 2, 1.5);
  readout_db_statement_run (stmt, &id, error);
  readout_db_statement_reset (stmt);
  return id;
}

static void
test_statements (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ReadoutDb) db = open_table (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutDbStatement) stmt = NULL;
  g_autofree char *text = g_strdup ("static");

  g_assert_cmpint (insert (db, "one", &error), ==, 1);
  g_assert_cmpint (insert (db, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (readout_db_changes (db), ==, 1);

  /* The cached statement comes back reset, its bindings cleared. */
  g_assert_true (readout_db_prepare (db, "SELECT 1", NULL) == readout_db_prepare (db, "SELECT 1", NULL));

  stmt = readout_db_prepare_uncached (db, "SELECT id, name, score, ? AS s FROM t ORDER BY id", &error);
  g_assert_no_error (error);
  readout_db_statement_bind_static_text (stmt, 1, text, 3);
  g_assert_cmpint (readout_db_statement_column_count (stmt), ==, 4);
  g_assert_cmpstr (readout_db_statement_column_name (stmt, 3), ==, "s");
  g_assert_cmpint (readout_db_statement_step (stmt, &error), ==, READOUT_DB_ROW);
  g_assert_cmpint (readout_db_statement_column_type (stmt, 0), ==, READOUT_DB_TYPE_INTEGER);
  g_assert_cmpstr (readout_db_statement_column_text (stmt, 1), ==, "one");
  g_assert_cmpfloat (readout_db_statement_column_double (stmt, 2), ==, 1.5);
  g_assert_cmpstr (readout_db_statement_column_text (stmt, 3), ==, "sta");
  g_assert_cmpint (readout_db_statement_step (stmt, &error), ==, READOUT_DB_ROW);
  g_assert_true (readout_db_statement_column_is_null (stmt, 1));
  g_assert_null (readout_db_statement_column_text (stmt, 1));
  g_assert_cmpint (readout_db_statement_step (stmt, &error), ==, READOUT_DB_DONE);
  g_assert_no_error (error);
  g_unlink (path);
}

static void
test_errors (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ReadoutDb) db = open_table (&path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (insert (db, "one", &error), ==, 1);
  g_assert_cmpint (insert (db, "one", &error), ==, 0);
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_null (readout_db_prepare (db, "SELECT nonsense FROM nowhere", &error));
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);

  g_assert_false (readout_db_exec (db, "INSERT INTO t (name) VALUES ('x'); SELECT * FROM nowhere",
                                   &error));
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_FAILED);
  g_unlink (path);
}

/* run() steps a write to its end: the id it returned, or its failure, after which none
 * of its rows stays. */
static void
test_run (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ReadoutDb) db = open_table (&path);
  g_autoptr(GError) error = NULL;
  ReadoutDbStatement *stmt;
  gint64 id = -1;

  stmt = readout_db_prepare (db, "INSERT INTO t (name) VALUES (?) RETURNING id", &error);
  readout_db_statement_bind_text (stmt, 1, "first");
  g_assert_cmpint (readout_db_statement_run (stmt, &id, &error), ==, READOUT_DB_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);

  /* A row that was not inserted has no id, though the connection's last one is 1. */
  stmt = readout_db_prepare (db, "INSERT INTO t (name) VALUES (?) ON CONFLICT (name) DO NOTHING"
                                 " RETURNING id", &error);
  readout_db_statement_bind_text (stmt, 1, "first");
  id = 0;
  g_assert_cmpint (readout_db_statement_run (stmt, &id, &error), ==, READOUT_DB_DONE);
  g_assert_cmpint (id, ==, 0);
  readout_db_statement_reset (stmt);
  readout_db_statement_bind_text (stmt, 1, "second");
  g_assert_cmpint (readout_db_statement_run (stmt, &id, &error), ==, READOUT_DB_DONE);
  g_assert_cmpint (id, ==, 2);

  /* An explicit id comes back as given. */
  stmt = readout_db_prepare (db, "INSERT INTO t (id, name) VALUES (40, 'forty') RETURNING id", &error);
  g_assert_cmpint (readout_db_statement_run (stmt, &id, &error), ==, READOUT_DB_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 40);

  stmt = readout_db_prepare (db, "INSERT INTO t (name) VALUES ('a'), ('b'), ('a') RETURNING id", &error);
  id = -1;
  g_assert_cmpint (readout_db_statement_run (stmt, &id, &error), ==, READOUT_DB_FAILED);
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (id, ==, -1);
  readout_db_statement_reset (stmt);

  stmt = readout_db_prepare (db, "SELECT count(*) FROM t", NULL);
  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  g_assert_cmpint (readout_db_statement_column_int64 (stmt, 0), ==, 3);
  g_unlink (path);
}

static void
test_transactions (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ReadoutDb) db = open_table (&path);
  g_autoptr(ReadoutDb) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 counter;

  other = readout_db_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (readout_db_is_read_only (other));
  counter = readout_db_get_change_counter (other);
  g_assert_cmpint (counter, >=, 0);

  g_assert_true (readout_db_begin (db, TRUE, &error));
  g_assert_true (readout_db_in_transaction (db));
  insert (db, "kept", &error);
  g_assert_true (readout_db_savepoint (db, "inner", &error));
  insert (db, "dropped", &error);
  readout_db_rollback_to (db, "inner");
  g_assert_true (readout_db_release (db, "inner", &error));
  g_assert_true (readout_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (readout_db_in_transaction (db));

  /* Another connection's commit moves the counter; its own do not. */
  g_assert_cmpint (readout_db_get_change_counter (other), !=, counter);
  counter = readout_db_get_change_counter (db);
  g_assert_true (readout_db_begin (db, TRUE, &error));
  insert (db, "gone", &error);
  readout_db_rollback (db);
  g_assert_true (readout_db_exec (db, "DELETE FROM t WHERE name = 'x'", &error));
  g_assert_cmpint (readout_db_get_change_counter (db), ==, counter);

  {
    ReadoutDbStatement *stmt = readout_db_prepare (other, "SELECT group_concat (name) FROM t", &error);
    g_assert_cmpint (readout_db_statement_step (stmt, &error), ==, READOUT_DB_ROW);
    g_assert_cmpstr (readout_db_statement_column_text (stmt, 0), ==, "kept");
  }

  /* Writing through a read-only connection is refused as such. */
  g_assert_false (readout_db_exec (other, "DELETE FROM t", &error));
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_READ_ONLY);
  g_unlink (path);
}

static void
test_casefold (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ReadoutDb) db = open_table (&path);
  ReadoutDbStatement *stmt = readout_db_prepare (db, "SELECT casefold ('ÄÖÜ Straße'), casefold (NULL)",
                                                 NULL);

  g_assert_cmpint (readout_db_statement_step (stmt, NULL), ==, READOUT_DB_ROW);
  g_assert_cmpstr (readout_db_statement_column_text (stmt, 0), ==, "äöü strasse");
  g_assert_true (readout_db_statement_column_is_null (stmt, 1));
  g_unlink (path);
}

static void
test_locations (void)
{
  g_autoptr(GError) error = NULL;
  const char *postgresql[] = { "postgresql://u@host/db", "postgres://host/db",
                               "host=/tmp dbname=readout", " dbname = readout" };
  const char *files[] = { "readout.db", "/tmp/a=b.db", "./host=x.db", "=x" };

  for (guint i = 0; i < G_N_ELEMENTS (postgresql); i++)
    {
      g_assert_true (readout_db_location_is_postgresql (postgresql[i]));
#ifndef HAVE_POSTGRESQL
      /* (With libpq, tests/test-db-postgres.c opens such locations.) */
      g_assert_null (readout_db_open (postgresql[i], FALSE, &error));
      g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (error->message, ==, "This build has no PostgreSQL support.");
      g_clear_error (&error);
#endif
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (readout_db_location_is_postgresql (files[i]));

  /* A file that does not exist and may not be created. */
  g_assert_null (readout_db_open ("/nonexistent-folder/x.db", FALSE, &error));
  g_assert_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/sqlite/statements", test_statements);
  g_test_add_func ("/db/sqlite/errors", test_errors);
  g_test_add_func ("/db/sqlite/run", test_run);
  g_test_add_func ("/db/sqlite/transactions", test_transactions);
  g_test_add_func ("/db/sqlite/casefold", test_casefold);
  g_test_add_func ("/db/locations", test_locations);
  return g_test_run ();
}

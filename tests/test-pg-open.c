// SPDX-License-Identifier: GPL-3.0-or-later
/* Opening a team store (issue 16): a ReadoutStore on the PostgreSQL server that
 * READOUT_TEST_POSTGRESQL names; without it every test skips. Each test works in a
 * database of its own, dropped afterwards. */

#include <stdlib.h>
#include <string.h>

#include "readout-db-postgres.h"
#include "readout-error.h"
#include "readout-pg-test-util.h"
#include "readout-store-pg-schema.h"
#include "readout-store-private.h"
#include "readout-test-util.h"

typedef struct {
  char *dbname;
  char *location;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (readout_pg_test_skip_without_server ())
    return;
  fixture->dbname = readout_pg_test_create_database ();
  fixture->location = readout_pg_test_conninfo (fixture->dbname);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dbname != NULL)
    readout_pg_test_drop_database (fixture->dbname);
  g_free (fixture->dbname);
  g_free (fixture->location);
}

static ReadoutStore *
open_ok (const char *location)
{
  g_autoptr(GError) error = NULL;
  ReadoutStore *store = readout_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

/* A new store is made, seeded, and writable by its owner; opening it again, or a second
 * opener beside the first, finds it as it is and migrates nothing twice. */
static void
test_open_new_and_again (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutStore) second = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autofree char *name = NULL;
  PGresult *result;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  g_assert_false (readout_store_is_read_only (store));
  g_assert_cmpint (readout_db_get_engine (readout_store_get_db (store)), ==,
                   READOUT_DB_ENGINE_POSTGRESQL);
  g_assert_true (readout_store_lookup_country (store, "RU", &name, NULL));
  g_assert_cmpstr (name, ==, "Russia");
  topics = readout_store_list_topics (store);
  g_assert_cmpuint (g_list_model_get_n_items (topics), >=, 25);

  second = open_ok (fixture->location);
  g_assert_false (readout_store_is_read_only (second));
  g_clear_object (&store);
  g_clear_object (&second);
  store = open_ok (fixture->location);

  conn = readout_pg_test_connect (fixture->dbname, NULL);
  result = PQexec (conn, "SELECT count(*), max (version) FROM readout_schema");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  g_assert_cmpint (atoi (PQgetvalue (result, 0, 1)), ==, READOUT_STORE_PG_SCHEMA_VERSION);
  PQclear (result);
  result = PQexec (conn, "SELECT count(*) FROM countries WHERE code = 'RU'");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  PQfinish (conn);
}

/* A schema newer than this build is refused with a clear error, and left as it is. */
static void
test_open_newer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  g_clear_object (&store);
  conn = readout_pg_test_connect (fixture->dbname, NULL);
  exec_ok (conn, "UPDATE readout_schema SET version = 99");

  store = readout_store_open (fixture->location, &error);
  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION);
  g_test_message ("%s", error->message);
  exec_ok (conn, "SELECT 1 FROM readout_schema WHERE version = 99");
  PQfinish (conn);
}

/* A member with the reader role reads everything, is told the store is read-only, and a
 * write attempt gives the read-only error and changes nothing. */
static void
test_open_reader (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = g_strdup_printf ("reader_%s", fixture->dbname);
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  g_autofree char *name = NULL;
  PGconn *server;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  g_clear_object (&store);
  server = readout_pg_test_connect (NULL, NULL);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE readout_reader", role);
  exec_ok (server, sql);

  location = g_strdup_printf ("%s&user=%s", fixture->location, role);
  store = open_ok (location);
  g_assert_true (readout_store_is_read_only (store));
  g_assert_true (readout_store_lookup_country (store, "FR", &name, NULL));
  g_assert_cmpstr (name, ==, "France");
  g_assert_false (readout_store_begin (store, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_object (&store);

  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s", role);
  readout_pg_test_drop_database (fixture->dbname);
  g_clear_pointer (&fixture->dbname, g_free);
  exec_ok (server, sql);
  PQfinish (server);
}

/* Locations that cannot be opened: one clear sentence each, and no database made. */
static void
test_open_bad_locations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *missing = NULL;
  g_autofree char *refused = g_strdup ("postgresql:///nothing?host=/nonexistent-readout-socket");
  const char *malformed = "postgresql://[::1/store";
  const char *locations[3];
  PGresult *result;
  PGconn *server;

  if (fixture->dbname == NULL)
    return;
  missing = readout_pg_test_conninfo ("readout_no_such_database");
  locations[0] = missing;
  locations[1] = refused;
  locations[2] = malformed;
  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReadoutStore) store = readout_store_open (locations[i], &error);

      g_assert_null (store);
      g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
      g_assert_null (strchr (error->message, '\n'));
      g_test_message ("%s", error->message);
    }
  server = readout_pg_test_connect (NULL, NULL);
  result = PQexec (server, "SELECT count(*) FROM pg_database WHERE datname = 'readout_no_such_database'");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  PQclear (result);
  PQfinish (server);
}

/* The store names its location without the password a URI may carry. */
static void
test_path_without_password (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *location = NULL;

  if (fixture->dbname == NULL)
    return;
  /* The test server trusts its socket, so any password is accepted. */
  location = g_strdup_printf ("%s&password=s3cret", fixture->location);
  store = open_ok (location);
  g_assert_null (strstr (readout_store_get_path (store), "s3cret"));
  g_assert_nonnull (strstr (readout_store_get_path (store), fixture->dbname));
  g_clear_object (&store);
  /* The location it names opens the same store again. */
  store = open_ok (fixture->location);
}

/* Every form of a password goes, and nothing else does; no server needed. */
static void
test_strip_password (void)
{
  const char *cases[][2] = {
    { "postgresql://ana:s3cret@db.example.org:5433/team?sslmode=require",
      "postgresql://ana@db.example.org:5433/team?sslmode=require" },
    { "postgres://ana@db.example.org/team?password=s3cret&sslmode=require",
      "postgres://ana@db.example.org/team?sslmode=require" },
    { "postgresql://ana:pw@host/team?password=x", "postgresql://ana@host/team" },
    { "postgresql:///team?host=/run/postgresql", "postgresql:///team?host=/run/postgresql" },
    { "host=db.example.org dbname=team", "host=db.example.org dbname=team" },
    { "host=db password='it\\'s' dbname=team", "dbname='team' host='db'" },
    { "host=db password='unclosed", "" },
    { "host=db password=s3cret user='o\\'neil'", "user='o\\'neil' host='db'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stripped = readout_db_postgres_strip_password (cases[i][0]);

      g_assert_cmpstr (stripped, ==, cases[i][1]);
    }
}

static void
count_changed (ReadoutStore *store,
               guint         kinds,
               guint         primary,
               gint64        id,
               gpointer      user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
time_out (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A watching store hears of another connection's commit at once, through the
 * notification on its socket. */
static void
test_watch_other_connection (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  guint changed = 0;
  gboolean timed_out = FALSE;
  gint64 start;
  guint timeout_id;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);
  readout_store_set_watching (store, TRUE);
  g_assert_cmpuint (changed, ==, 0);

  conn = readout_pg_test_connect (fixture->dbname, NULL);
  start = g_get_monotonic_time ();
  exec_ok (conn, "INSERT INTO leaders (name, country) VALUES ('Watched Leader', 'FR')");
  /* Well under the timer's half second: the socket's watch, not the timer, told it. */
  timeout_id = g_timeout_add (400, time_out, &timed_out);
  while (changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("heard after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  PQfinish (conn);
  readout_store_set_watching (store, FALSE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-open/strip-password", test_strip_password);

#define ADD(path, func) \
  g_test_add ("/pg-open/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open/new-and-again", test_open_new_and_again);
  ADD ("open/newer", test_open_newer);
  ADD ("open/reader", test_open_reader);
  ADD ("open/bad-locations", test_open_bad_locations);
  ADD ("path-without-password", test_path_without_password);
  ADD ("watch", test_watch_other_connection);
#undef ADD

  return g_test_run ();
}

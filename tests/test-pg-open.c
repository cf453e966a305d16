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

#define N_OPENERS 6

static gpointer
open_in_thread (gpointer location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (location, &error);

  return error != NULL ? g_strdup (error->message) : NULL;
}

/* Several Readouts opening a new team store at once: one creates the schema, the others
 * wait for it and find it made (the advisory lock); every one of them opens it. */
static void
test_open_at_once (Fixture       *fixture,
                   gconstpointer  data)
{
  GThread *threads[N_OPENERS];
  PGresult *result;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  for (guint i = 0; i < N_OPENERS; i++)
    threads[i] = g_thread_new ("opener", open_in_thread, fixture->location);
  for (guint i = 0; i < N_OPENERS; i++)
    {
      g_autofree char *message = g_thread_join (threads[i]);

      g_assert_cmpstr (message, ==, NULL);
    }
  conn = readout_pg_test_connect (fixture->dbname, NULL);
  result = PQexec (conn, "SELECT (SELECT count(*) FROM readout_schema),"
                         " (SELECT count(*) FROM countries WHERE code = 'FR')");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  g_assert_cmpstr (PQgetvalue (result, 0, 1), ==, "1");
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
  readout_pg_test_exec (conn, "UPDATE readout_schema SET version = 99");

  store = readout_store_open (fixture->location, &error);
  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION);
  g_test_message ("%s", error->message);
  readout_pg_test_exec (conn, "SELECT 1 FROM readout_schema WHERE version = 99");
  PQfinish (conn);
}

/* The fixture's database, then @role, which owned nothing in it any more; closes @server. */
static void
drop_database_and_role (Fixture    *fixture,
                        PGconn     *server,
                        const char *role)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE %s", role);

  readout_pg_test_drop_database (fixture->dbname);
  g_clear_pointer (&fixture->dbname, g_free);
  readout_pg_test_exec (server, sql);
  PQfinish (server);
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
  readout_pg_test_exec (server, sql);

  location = g_strdup_printf ("%s&user=%s", fixture->location, role);
  store = open_ok (location);
  g_assert_true (readout_store_is_read_only (store));
  g_assert_true (readout_store_lookup_country (store, "FR", &name, NULL));
  g_assert_cmpstr (name, ==, "France");
  g_assert_false (readout_store_begin (store, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_object (&store);

  drop_database_and_role (fixture, server, role);
}

/* A member who may not create tables, first to open a new database: a clear error,
 * and nothing is left half made. */
static void
test_open_reader_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = g_strdup_printf ("member_%s", fixture->dbname);
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  PGresult *result;
  PGconn *server;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  server = readout_pg_test_connect (NULL, NULL);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
  readout_pg_test_exec (server, sql);
  location = g_strdup_printf ("%s&user=%s", fixture->location, role);
  store = readout_store_open (location, &error);
  g_assert_null (store);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "owner"));
  g_test_message ("%s", error->message);

  conn = readout_pg_test_connect (fixture->dbname, NULL);
  result = PQexec (conn, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                         " WHERE n.nspname = 'public'");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  PQclear (result);
  PQfinish (conn);

  drop_database_and_role (fixture, server, role);
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

/* Rows written straight into the database, as another program would, so that the reads
 * are tested on their own. */
static const char reads_rows[] =
  "INSERT INTO leaders (id, name, country) VALUES (1, 'Vladimir Putin', 'RU'),"
  " (2, 'Joe Biden', 'US'), (3, 'ana Example', 'FR');"
  "INSERT INTO leader_aliases (leader_id, alias) VALUES (1, 'Putin'), (1, 'Путин');"
  "INSERT INTO calls (id, date, date_precision, status, initiator_id) VALUES"
  " (1, '2022-01-05', 'day', 'held', 1), (2, '2023-03', 'month', 'announced', NULL),"
  " (3, '2021', 'year', 'held', NULL);"
  "INSERT INTO call_participants (call_id, leader_id, position, call_date) VALUES"
  " (1, 1, 0, '2022-01-05'), (1, 2, 1, '2022-01-05'), (2, 1, 0, '2023-03'),"
  " (2, 3, 1, '2023-03'), (3, 2, 0, '2021'), (3, 3, 1, '2021');"
  "INSERT INTO sources (id, call_id, publisher, kind, side) VALUES"
  " (1, 1, 'White House', 'readout', 'US'), (2, 1, 'Kremlin', 'readout', 'RU'),"
  " (3, 2, 'Élysée', 'readout', 'FR');"
  "INSERT INTO statements (id, call_id, source_id, speaker, side, kind, text, position) VALUES"
  " (1, 1, 1, 'Biden', 'US', 'quote', 'We talked.', 0),"
  " (2, 1, 2, 'Putin', 'RU', 'paraphrase', 'Discussed gas.', 0),"
  " (3, 2, 3, NULL, 'FR', 'paraphrase', 'Hello.', 0);"
  "INSERT INTO topics (id, name) VALUES (1000, 'Zz Test Topic');"
  "INSERT INTO topic_keywords (topic_id, language, keyword) VALUES"
  " (1000, 'ru', 'газ'), (1000, 'en', 'pipe'), (1000, 'en', 'gas');"
  "INSERT INTO statement_topics (statement_id, topic_id) VALUES (2, 1000);"
  "INSERT INTO conflicts (id, call_id, field) VALUES (1, 1, 'date');"
  "INSERT INTO conflict_claims (conflict_id, position, value, source_id) VALUES"
  " (1, 1, '2022-01-06', NULL), (1, 0, '2022-01-05', 2);";

/* The names of @model's leaders, or the ids of its calls, joined by spaces. */
static char *
describe (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (out->len > 0)
        g_string_append (out, ", ");
      if (READOUT_IS_LEADER (item))
        g_string_append (out, readout_leader_get_name (READOUT_LEADER (item)));
      else if (READOUT_IS_CALL (item))
        g_string_append_printf (out, "%" G_GINT64_FORMAT, readout_call_get_id (READOUT_CALL (item)));
      else if (READOUT_IS_SOURCE (item))
        g_string_append (out, readout_source_get_publisher (READOUT_SOURCE (item)));
      else
        g_string_append (out, readout_statement_get_text (READOUT_STATEMENT (item)));
    }
  return g_string_free (out, FALSE);
}

static void
assert_list (GListModel *model,
             const char *expected)
{
  g_autofree char *described = describe (model);

  g_assert_cmpstr (described, ==, expected);
  g_object_unref (model);
}

static void
assert_calls (ReadoutStore            *store,
              gint64                   leader_id,
              gint64                   other_id,
              const ReadoutCallFilter *filter,
              const char              *expected)
{
  g_autoptr(GError) error = NULL;
  GListModel *calls = readout_store_list_calls_filtered (store, leader_id, other_id, filter, &error);

  g_assert_no_error (error);
  assert_list (calls, expected);
}

static void
check_leader_and_call (ReadoutStore *store)
{
  g_autoptr(ReadoutLeader) leader = readout_store_find_leader (store, "PUTIN", NULL);
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutStatement) statement = NULL;
  guint n_ids = 0;
  const gint64 *ids;
  const char *aliases[] = { "Putin", "Путин", NULL };
  const char *names[] = { "Vladimir Putin", "Joe Biden", NULL };
  const char *countries[] = { "RU", "US", NULL };
  const char *topics[] = { "Zz Test Topic", NULL };

  g_assert_nonnull (leader);
  g_assert_cmpint (readout_leader_get_id (leader), ==, 1);
  g_assert_cmpstrv (readout_leader_get_aliases (leader), aliases);
  g_assert_cmpuint (readout_leader_get_call_count (leader), ==, 2);
  g_assert_cmpstr (readout_leader_get_last_call_date (leader), ==, "2023-03");
  g_assert_cmpstr (readout_leader_get_country_name (leader), ==, "Russia");

  call = readout_store_get_call (store, 1, NULL);
  g_assert_nonnull (call);
  ids = readout_call_get_participant_ids (call, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, 1);
  g_assert_cmpint (ids[1], ==, 2);
  g_assert_cmpstrv (readout_call_get_participant_names (call), names);
  g_assert_cmpstrv (readout_call_get_participant_countries (call), countries);
  g_assert_cmpstrv (readout_call_get_topics (call), topics);
  g_assert_cmpstr (readout_call_get_initiator_name (call), ==, "Vladimir Putin");

  statement = readout_store_get_statement (store, 2, NULL);
  g_assert_nonnull (statement);
  g_assert_cmpstrv (readout_statement_get_topics (statement), topics);
  g_assert_cmpstr (readout_statement_get_source_publisher (statement), ==, "Kremlin");
}

static void
check_topic_and_conflict (ReadoutStore *store)
{
  g_autoptr(GListModel) topics = readout_store_list_topics (store);
  g_autoptr(GListModel) conflicts = readout_store_list_conflicts (store, 1);
  g_autoptr(ReadoutConflict) conflict = NULL;
  const char *english[] = { "gas", "pipe", NULL };
  const char *russian[] = { "газ", NULL };
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, i);

      if (readout_topic_get_id (topic) != 1000)
        continue;
      found = TRUE;
      g_assert_cmpstrv (readout_topic_get_keywords (topic, "en"), english);
      g_assert_cmpstrv (readout_topic_get_keywords (topic, "ru"), russian);
    }
  g_assert_true (found);

  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpstr (readout_conflict_get_field (conflict), ==, "date");
  g_assert_cmpuint (readout_conflict_get_n_claims (conflict), ==, 2);
  g_assert_cmpstr (readout_conflict_get_claim_value (conflict, 0), ==, "2022-01-05");
  g_assert_cmpint (readout_conflict_get_claim_source_id (conflict, 0), ==, 2);
  g_assert_cmpstr (readout_conflict_get_claim_source_publisher (conflict, 0), ==, "Kremlin");
  g_assert_cmpint (readout_conflict_get_claim_source_id (conflict, 1), ==, 0);
  g_assert_null (readout_conflict_get_claim_source_publisher (conflict, 1));
}

/* Every read of the store (single rows, the list models with their filters and sort
 * orders, the small lookups) on a team store. */
static void
test_reads (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) texts = NULL;
  g_autofree char *code = NULL;
  ReadoutCallFilter filter = READOUT_CALL_FILTER_INIT;
  const char *others[] = { "Hello.", NULL };
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  conn = readout_pg_test_connect (fixture->dbname, NULL);
  readout_pg_test_exec (conn, reads_rows);
  PQfinish (conn);

  check_leader_and_call (store);
  check_topic_and_conflict (store);
  assert_list (readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL),
               "ana Example, Joe Biden, Vladimir Putin");
  assert_list (readout_store_list_leaders (store, READOUT_LEADER_SORT_LAST_CALL, NULL),
               "ana Example, Vladimir Putin, Joe Biden");
  assert_list (readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "ПУТИН"), "Vladimir Putin");
  assert_list (readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "russia"), "Vladimir Putin");
  assert_calls (store, 0, 0, NULL, "2, 1, 3");
  assert_calls (store, 1, 0, NULL, "2, 1");
  assert_calls (store, 1, 2, NULL, "1");
  filter.topic = "Zz Test Topic";
  assert_calls (store, 0, 0, &filter, "1");
  filter.topic = NULL;
  filter.date_from = "2022";
  filter.date_to = "2022-12";
  assert_calls (store, 2, 0, &filter, "1");
  filter.date_from = filter.date_to = NULL;
  filter.status = READOUT_CALL_STATUS_ANNOUNCED;
  assert_calls (store, 0, 0, &filter, "2");
  assert_list (readout_store_list_sources (store, 1), "Kremlin, White House");
  assert_list (readout_store_list_statements (store, 1), "Discussed gas., We talked.");
  assert_list (readout_store_list_source_statements (store, 3), "Hello.");

  code = readout_store_find_country_code (store, "french");
  g_assert_cmpstr (code, ==, "FR");
  codes = readout_store_dup_country_codes (store);
  g_assert_true (g_strv_contains ((const char * const *) codes, "RU"));
  texts = readout_store_sample_statement_texts (store, 1, 10);
  g_assert_cmpstrv (texts, others);

  /* A bulk load's pause of the full-text index has nothing to pause here. */
  g_assert_true (readout_store_begin (store, NULL));
  g_assert_true (readout_store_schema_suspend_fts (readout_store_get_db (store), NULL));
  g_assert_true (readout_store_schema_resume_fts (readout_store_get_db (store), NULL));
  g_assert_true (readout_store_commit (store, NULL));
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

/* Asked right after another connection's commit has returned, the store knows of it,
 * every time, without waiting for the notification to come by itself. */
static void
test_check_after_commit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ReadoutStore) store = NULL;
  PGconn *conn;

  if (fixture->dbname == NULL)
    return;
  store = open_ok (fixture->location);
  conn = readout_pg_test_connect (fixture->dbname, NULL);
  g_assert_false (readout_store_check_for_changes (store));
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO leaders (name) VALUES ('Leader %u')", i);

      readout_pg_test_exec (conn, sql);
      g_assert_true (readout_store_check_for_changes (store));
      g_assert_false (readout_store_check_for_changes (store));
    }
  PQfinish (conn);
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
  readout_pg_test_exec (conn, "INSERT INTO leaders (name, country) VALUES ('Watched Leader', 'FR')");
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
  ADD ("open/at-once", test_open_at_once);
  ADD ("open/reader", test_open_reader);
  ADD ("open/reader-first", test_open_reader_first);
  ADD ("open/bad-locations", test_open_bad_locations);
  ADD ("path-without-password", test_path_without_password);
  ADD ("watch", test_watch_other_connection);
  ADD ("reads", test_reads);
  ADD ("check-after-commit", test_check_after_commit);
#undef ADD

  return g_test_run ();
}

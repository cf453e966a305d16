// SPDX-License-Identifier: GPL-3.0-or-later
/* The team store's schema on a PostgreSQL server (issue 16), through libpq. The server is
 * the one READOUT_TEST_POSTGRESQL names (build-aux/test starts a private one); without
 * it every test skips. Each test works in a database of its own, dropped afterwards. */

#include <poll.h>

#include <json-glib/json-glib.h>

#include "readout-error.h"
#include "readout-store-private.h"
#include "readout-pg-test-util.h"
#include "readout-store-pg-schema.h"
#include "readout-test-util.h"

typedef struct {
  char *dbname;
  ReadoutDb *db;   /* through the engine, for the migration */
  PGconn *conn;    /* through libpq itself, for the checks */
} Fixture;

/* @dbname through the engine, as @user (the URI's when NULL), migrated. */
static ReadoutDb *
open_migrated (const char *dbname,
               const char *user)
{
  g_autofree char *conninfo = readout_pg_test_conninfo (dbname);
  g_autofree char *as_user = user != NULL ? g_strdup_printf ("%s&user=%s", conninfo, user)
                                          : g_strdup (conninfo);
  g_autoptr(GError) error = NULL;
  ReadoutDb *db = readout_db_open (as_user, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (readout_store_pg_schema_migrate (db, &error));
  g_assert_no_error (error);
  return db;
}

/* The first column of the first row of @sql's result. */
static char *
query_value (PGconn     *conn,
             const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

static gint64
query_int (PGconn     *conn,
           const char *sql)
{
  g_autofree char *value = query_value (conn, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("READOUT_TEST_POSTGRESQL") == NULL)
    return;
  fixture->dbname = readout_pg_test_create_database ();
  fixture->db = open_migrated (fixture->dbname, NULL);
  fixture->conn = readout_pg_test_connect (fixture->dbname, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->conn == NULL)
    return;
  PQfinish (fixture->conn);
  g_object_unref (fixture->db);
  readout_pg_test_drop_database (fixture->dbname);
  g_free (fixture->dbname);
}

/* "table: column column …" for every table of the SQLite schema's latest version,
 * FTS5 tables left out (their PostgreSQL counterpart is the fts columns). */
static GPtrArray *
sqlite_tables (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "schema.db");
  ReadoutDb *db = readout_store_get_db (store);
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReadoutDbStatement) stmt = NULL;

  stmt = readout_db_prepare_uncached (db, "SELECT m.name, group_concat (c.name, ' ') FROM sqlite_schema m,"
                                          " pragma_table_info (m.name) c WHERE m.type = 'table'"
                                          " AND m.name NOT LIKE '%fts%' AND m.name NOT LIKE 'sqlite%'"
                                          " GROUP BY m.name ORDER BY m.name", NULL);
  while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    g_ptr_array_add (tables, g_strdup_printf ("%s: %s", readout_db_statement_column_text (stmt, 0),
                                              readout_db_statement_column_text (stmt, 1)));
  g_clear_pointer (&stmt, readout_db_statement_unref);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
  return tables;
}

static void
test_tables (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  PGresult *result;

  if (readout_pg_test_skip_without_server ())
    return;
  expected = sqlite_tables ();
  g_assert_cmpuint (expected->len, >=, 15);
  /* The same columns in the same order, leaving out what only the server has. */
  result = PQexec (fixture->conn,
                   "SELECT table_name || ': ' || string_agg (column_name::text, ' '"
                   "   ORDER BY ordinal_position)"
                   " FROM information_schema.columns WHERE table_schema = 'public'"
                   " AND table_name <> 'readout_schema' AND column_name NOT IN"
                   "  ('row_version', 'changed_by', 'changed_at', 'fts')"
                   " GROUP BY table_name ORDER BY table_name COLLATE \"C\"");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, expected->len);
  for (int i = 0; i < PQntuples (result); i++)
    g_assert_cmpstr (PQgetvalue (result, i, 0), ==, g_ptr_array_index (expected, i));
  PQclear (result);

  g_assert_cmpint (query_int (fixture->conn, "SELECT version FROM readout_schema"), ==,
                   READOUT_STORE_PG_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM countries"), >, 190);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM topics"), >, 5);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM topic_keywords"), >,
                   query_int (fixture->conn, "SELECT count(*) FROM topics"));

  /* Migrating a current store changes nothing. */
  g_assert_true (readout_store_pg_schema_migrate (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM readout_schema"), ==, 1);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (readout_pg_test_skip_without_server ())
    return;
  readout_pg_test_exec (fixture->conn, "UPDATE readout_schema SET version = version + 1");
  g_assert_false (readout_store_pg_schema_migrate (fixture->db, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION);
  /* The failed attempt's transaction is gone: the connection works on. */
  g_assert_false (readout_db_in_transaction (fixture->db));
  g_assert_true (readout_db_exec (fixture->db, "SELECT 1", NULL));
}

/* The next notification on @conn's channel, waiting at most five seconds. */
static char *
next_notification (PGconn *conn)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      struct pollfd pfd = { .fd = PQsocket (conn), .events = POLLIN };
      PGnotify *notify;

      g_assert_true (PQconsumeInput (conn));
      notify = PQnotifies (conn);
      if (notify != NULL)
        {
          char *extra = g_strdup_printf ("%s %s", notify->relname, notify->extra);

          PQfreemem (notify);
          return extra;
        }
      poll (&pfd, 1, 100);
    }
  return NULL;
}

static void
test_notify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *inserted = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  PGconn *listener;

  if (readout_pg_test_skip_without_server ())
    return;
  listener = readout_pg_test_connect (fixture->dbname, NULL);
  readout_pg_test_exec (listener, "LISTEN " READOUT_STORE_PG_CHANNEL);

  id = query_value (fixture->conn, "INSERT INTO leaders (name, country) VALUES ('Olaf Scholz', 'DE')"
                                   " RETURNING id");
  inserted = next_notification (listener);
  expected = g_strdup_printf ("readout leaders:insert:%s", id);
  g_assert_cmpstr (inserted, ==, expected);

  /* An update raises the row's version and says so too. */
  g_assert_cmpint (query_int (fixture->conn, "SELECT row_version FROM leaders"), ==, 1);
  readout_pg_test_exec (fixture->conn, "UPDATE leaders SET office = 'Chancellor'");
  g_assert_cmpint (query_int (fixture->conn, "SELECT row_version FROM leaders"), ==, 2);
  updated = next_notification (listener);
  g_free (expected);
  expected = g_strdup_printf ("readout leaders:update:%s", id);
  g_assert_cmpstr (updated, ==, expected);
  PQfinish (listener);
}

/* A login role made a member of @group for this test's database. */
static char *
make_member (Fixture    *fixture,
             const char *group)
{
  g_autofree char *sql = NULL;
  char *role = g_strdup_printf ("%s_%s", group, fixture->dbname + strlen ("readout_"));

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE %s", role, group);
  readout_pg_test_exec (fixture->conn, sql);
  return role;
}

static void
drop_role (Fixture    *fixture,
           const char *role)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE %s", role);

  readout_pg_test_exec (fixture->conn, sql);
}

static void
test_roles (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *reader_role = NULL;
  g_autofree char *editor_role = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_by = NULL;
  PGconn *reader, *editor;
  PGresult *result;

  if (readout_pg_test_skip_without_server ())
    return;
  reader_role = make_member (fixture, "readout_reader");
  editor_role = make_member (fixture, "readout_editor");
  reader = readout_pg_test_connect (fixture->dbname, reader_role);
  editor = readout_pg_test_connect (fixture->dbname, editor_role);

  /* A reader opens a current store (the migration has nothing to do), reads, writes nothing. */
  g_object_unref (open_migrated (fixture->dbname, reader_role));
  g_assert_cmpint (query_int (reader, "SELECT count(*) FROM countries"), >, 190);
  result = PQexec (reader, "INSERT INTO leaders (name) VALUES ('Emmanuel Macron')");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (result);
  result = PQexec (reader, "UPDATE readout_schema SET version = 0");
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (result);

  /* An editor writes, through the triggers' own writes (pair_years) too, but leaves the
   * schema version alone. */
  readout_pg_test_exec (editor, "INSERT INTO leaders (name) VALUES ('Emmanuel Macron'), ('Joe Biden')");
  readout_pg_test_exec (editor, "INSERT INTO calls (date, date_precision, status) VALUES ('2022-02-20', 'day', 'held')");
  readout_pg_test_exec (editor, "INSERT INTO call_participants SELECT c.id, l.id, 0, c.date FROM calls c, leaders l");
  g_assert_cmpint (query_int (reader, "SELECT sum (n_calls) FROM pair_years"), ==, 1);
  changed_by = query_value (reader, "SELECT changed_by FROM leaders LIMIT 1");
  g_assert_cmpstr (changed_by, ==, editor_role);
  result = PQexec (editor, "UPDATE readout_schema SET version = 0");
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (result);

  PQfinish (reader);
  PQfinish (editor);
  drop_role (fixture, reader_role);
  drop_role (fixture, editor_role);
}

/* Three leaders (ids 1 to 3) and a call of all three in 2022; returns the call's id. */
static gint64
add_call_of_three (PGconn *conn)
{
  readout_pg_test_exec (conn, "INSERT INTO leaders (name) VALUES ('Olaf Scholz'), ('Emmanuel Macron'),"
                 " ('Joe Biden')");
  readout_pg_test_exec (conn, "INSERT INTO calls (date, date_precision, status) VALUES ('2022-02-20', 'day', 'held')");
  /* One row at a time, as the store files a call. */
  for (int leader = 1; leader <= 3; leader++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO call_participants"
                                              " SELECT id, %d, %d, date FROM calls", leader, leader);
      readout_pg_test_exec (conn, sql);
    }
  return query_int (conn, "SELECT id FROM calls");
}

static void
test_pair_years (Fixture       *fixture,
                 gconstpointer  data)
{
  if (readout_pg_test_skip_without_server ())
    return;
  add_call_of_three (fixture->conn);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"
                                             " WHERE year = '2022' AND n_calls = 1"), ==, 3);

  /* A new year moves every pair, through call_participants.call_date. */
  readout_pg_test_exec (fixture->conn, "UPDATE calls SET date = '2023-01-05'");
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM call_participants"
                                             " WHERE call_date = '2023-01-05'"), ==, 3);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"
                                             " WHERE year = '2023' AND n_calls = 1"), ==, 3);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"), ==, 3);

  /* A merge moves a participant to another leader; a leader's own pair is none. */
  readout_pg_test_exec (fixture->conn, "INSERT INTO leaders (id, name) VALUES (4, 'Boris Johnson')");
  readout_pg_test_exec (fixture->conn, "UPDATE call_participants SET leader_id = 4 WHERE leader_id = 3");
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"
                                             " WHERE leader_b = 4 AND n_calls = 1"), ==, 2);
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"), ==, 3);

  /* Deleting the call deletes its participants in one cascaded statement: every pair goes. */
  readout_pg_test_exec (fixture->conn, "DELETE FROM calls");
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM pair_years"), ==, 0);
}

/* How many statements match @words (a web-search query in the "readout" configuration). */
static gint64
count_matches (PGconn     *conn,
               const char *words)
{
  const char *values[] = { words };
  PGresult *result = PQexecParams (conn, "SELECT count(*) FROM statements"
                                         " WHERE fts @@ websearch_to_tsquery ('readout', $1)",
                                   1, NULL, values, NULL, NULL, 0);
  gint64 count;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return count;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 call_id;
  g_autofree char *sql = NULL;

  if (readout_pg_test_skip_without_server ())
    return;
  call_id = add_call_of_three (fixture->conn);
  sql = g_strdup_printf ("INSERT INTO sources (call_id, publisher, kind, title, text)"
                         " VALUES (%" G_GINT64_FORMAT ", 'Kremlin', 'readout', 'Телефонный разговор', '')",
                         call_id);
  readout_pg_test_exec (fixture->conn, sql);
  readout_pg_test_exec (fixture->conn, "INSERT INTO statements (call_id, source_id, speaker, kind, text)"
                          " SELECT call_id, id, 'Vladimir Putin', 'paraphrase',"
                          "  'Стороны обсудили ход переговоров по урегулированию.' FROM sources");
  readout_pg_test_exec (fixture->conn, "INSERT INTO statements (call_id, source_id, speaker, kind, text)"
                          " SELECT call_id, id, 'Joe Biden', 'quote',"
                          "  'The leaders discussed the ongoing negotiations.' FROM sources");

  /* Other forms of a word find it, in either language; a speaker's name is searched too. */
  g_assert_cmpint (count_matches (fixture->conn, "переговорах"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "обсудит"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "negotiation"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "discussing leader"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "Putin"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "sanctions"), ==, 0);
  /* Sources are searched on their title. */
  g_assert_cmpint (query_int (fixture->conn, "SELECT count(*) FROM sources WHERE fts @@"
                                             " websearch_to_tsquery ('readout', 'разговоре')"), ==, 1);
  /* An edited text is searched as it now is. */
  readout_pg_test_exec (fixture->conn, "UPDATE statements SET text = 'Sanctions were discussed.'"
                          " WHERE speaker = 'Joe Biden'");
  g_assert_cmpint (count_matches (fixture->conn, "sanction"), ==, 1);
  g_assert_cmpint (count_matches (fixture->conn, "negotiation"), ==, 0);
}

/* Dates compare byte by byte, as on SQLite, whatever the database's locale: the
 * timeline's ranges end a month at "YYYY-MM~", which a glibc locale such as de_DE.UTF-8
 * (it skips the '-') would put before "YYYY-MM-31". */
static void
test_dates_in_byte_order (Fixture       *fixture,
                          gconstpointer  data)
{
  if (readout_pg_test_skip_without_server ())
    return;
  g_assert_cmpint (query_int (fixture->conn,
                              "SELECT count(*) FROM information_schema.columns"
                              " WHERE collation_name = 'C' AND (table_name, column_name) IN"
                              " (('calls', 'date'), ('call_participants', 'call_date'),"
                              "  ('sources', 'date'), ('leaders', 'term_start'), ('leaders', 'term_end'),"
                              "  ('pair_years', 'year'), ('feed_items', 'published'))"), ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pg-schema/tables", Fixture, NULL, fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/pg-schema/newer-version", Fixture, NULL, fixture_set_up, test_newer_version,
              fixture_tear_down);
  g_test_add ("/pg-schema/notify", Fixture, NULL, fixture_set_up, test_notify, fixture_tear_down);
  g_test_add ("/pg-schema/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/pg-schema/pair-years", Fixture, NULL, fixture_set_up, test_pair_years,
              fixture_tear_down);
  g_test_add ("/pg-schema/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/pg-schema/dates-in-byte-order", Fixture, NULL, fixture_set_up, test_dates_in_byte_order,
              fixture_tear_down);
  return g_test_run ();
}

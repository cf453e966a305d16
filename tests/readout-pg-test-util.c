// SPDX-License-Identifier: GPL-3.0-or-later
#include <unistd.h>

#include "readout-pg-test-util.h"

gboolean
readout_pg_test_skip_without_server (void)
{
  if (g_getenv ("READOUT_TEST_POSTGRESQL") != NULL)
    return FALSE;
  g_test_skip ("READOUT_TEST_POSTGRESQL is not set (build-aux/test starts a server)");
  return TRUE;
}

char *
readout_pg_test_conninfo (const char *dbname)
{
  const char *uri = g_getenv ("READOUT_TEST_POSTGRESQL");

  /* A parameter after the URI's own overrides them: dbname here wins over its path. */
  return g_strdup_printf ("%s%cdbname=%s", uri, strchr (uri, '?') != NULL ? '&' : '?', dbname);
}

PGconn *
readout_pg_test_connect (const char *dbname,
                         const char *user)
{
  const char *keywords[4] = { "dbname" };
  const char *values[4] = { g_getenv ("READOUT_TEST_POSTGRESQL") };
  PGconn *conn;
  int n = 1;

  /* The first dbname is expanded as the URI; what follows overrides what it says. */
  if (dbname != NULL)
    {
      keywords[n] = "dbname";
      values[n++] = dbname;
    }
  if (user != NULL)
    {
      keywords[n] = "user";
      values[n++] = user;
    }
  conn = PQconnectdbParams (keywords, values, 1);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* Runs @sql on the server's own database as the URI's user (a superuser). */
static void
exec_on_server (const char *sql)
{
  PGconn *server = readout_pg_test_connect (NULL, NULL);
  PGresult *result = PQexec (server, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (server));
  PQclear (result);
  PQfinish (server);
}

char *
readout_pg_test_create_database (void)
{
  char *dbname = g_strdup_printf ("readout_test_%d_%" G_GINT64_FORMAT, (int) getpid (),
                                  g_get_monotonic_time ());
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", dbname);

  exec_on_server (sql);
  return dbname;
}

void
readout_pg_test_drop_database (const char *dbname)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", dbname);

  exec_on_server (sql);
}

void
readout_pg_test_exec (PGconn     *conn,
                      const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

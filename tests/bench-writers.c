// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "readout-pg-test-util.h"
#include "readout-store.h"

/* Eight writers on one team store (issue 16): eight processes, each with its own store,
 * insert calls between the same two leaders for SECONDS seconds (60 unless given) and
 * print each new call's id; afterwards the server must hold exactly the calls they
 * reported, each tagged with its writer (duration_minutes), with two participants each
 * and pair_years counting them all, which the writers' triggers update concurrently.
 * Run with `meson test --benchmark -C BUILD writers` and READOUT_TEST_POSTGRESQL set;
 * without it the benchmark skips (exit 77). */

#define WRITERS 8

static int
writer (const char *location,
        int         tag,
        double      seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (location, &error);
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  static const gint64 participants[] = { 1, 2 };

  if (store == NULL)
    g_error ("writer %d: %s", tag, error->message);
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(ReadoutCall) call = readout_call_new ();

      readout_call_set_date (call, "2020-01-01");
      readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
      readout_call_set_status (call, READOUT_CALL_STATUS_HELD);
      readout_call_set_duration_minutes (call, tag);
      readout_call_set_participant_ids (call, participants, G_N_ELEMENTS (participants));
      if (!readout_store_insert_call (store, call, &error))
        g_error ("writer %d: %s", tag, error->message);
      printf ("%" G_GINT64_FORMAT "\n", readout_call_get_id (call));
    }
  return 0;
}

/* A store with the two leaders every call is between. */
static void
prepare_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (location, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ReadoutLeader) leader = readout_leader_new ();

      readout_leader_set_name (leader, i == 0 ? "Leader A" : "Leader B");
      g_assert_true (readout_store_insert_leader (store, leader, &error));
    }
}

/* One number from @sql on @conn. */
static gint64
query_number (PGconn     *conn,
              const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  gint64 value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

/* Checks that the calls on the server are exactly those the writers reported, each
 * with its writer's tag; returns how many there are, or -1. */
static gint64
check_calls (const char *dbname,
             GHashTable *reported)
{
  PGconn *conn = readout_pg_test_connect (dbname, NULL);
  PGresult *result = PQexec (conn, "SELECT id, duration_minutes FROM calls");
  gint64 n = PQntuples (result), participants, paired;
  gboolean ok = (guint) n == g_hash_table_size (reported);

  for (int i = 0; ok && i < n; i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      gpointer tag = g_hash_table_lookup (reported, &id);

      ok = tag != NULL && GPOINTER_TO_INT (tag) == atoi (PQgetvalue (result, i, 1)) + 1;
    }
  PQclear (result);
  participants = query_number (conn, "SELECT count(*) FROM call_participants");
  paired = query_number (conn, "SELECT coalesce (sum (n_calls), 0) FROM pair_years");
  PQfinish (conn);
  if (!ok || participants != 2 * n || paired != n)
    {
      g_printerr ("%" G_GINT64_FORMAT " calls (%u reported), %" G_GINT64_FORMAT
                  " participants, %" G_GINT64_FORMAT " in pair_years\n",
                  n, g_hash_table_size (reported), participants, paired);
      return -1;
    }
  return n;
}

/* Reads every id writer @tag printed into @reported; FALSE on a duplicate. */
static gboolean
collect_ids (int         fd,
             int         tag,
             GHashTable *reported)
{
  FILE *from_writer = fdopen (fd, "r");
  gint64 id;
  gboolean unique = TRUE;

  while (fscanf (from_writer, "%" G_GINT64_FORMAT, &id) == 1)
    {
      unique &= !g_hash_table_contains (reported, &id);
      g_hash_table_insert (reported, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (tag + 1));
    }
  fclose (from_writer);
  return unique;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dbname = NULL, *location = NULL, *seconds = NULL;
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int out_fds[WRITERS], status;
  GPid pids[WRITERS];
  gboolean ok = TRUE;
  gint64 start, n;

  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer (argv[2], atoi (argv[3]), g_ascii_strtod (argv[4], NULL));
  if (g_getenv ("READOUT_TEST_POSTGRESQL") == NULL)
    {
      g_print ("SKIP: READOUT_TEST_POSTGRESQL is not set (build-aux/pg-test-server start DIR)\n");
      return 77;
    }

  seconds = g_strdup (argc > 1 ? argv[1] : "60");
  dbname = readout_pg_test_create_database ();
  location = readout_pg_test_conninfo (dbname);
  prepare_store (location);
  start = g_get_monotonic_time ();
  for (int w = 0; w < WRITERS; w++)
    {
      g_autofree char *tag = g_strdup_printf ("%d", w);
      char *writer_argv[] = { argv[0], "--writer", location, tag, seconds, NULL };
      g_autoptr(GError) error = NULL;

      if (!g_spawn_async_with_pipes (NULL, writer_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                     &pids[w], NULL, &out_fds[w], NULL, &error))
        g_error ("%s", error->message);
    }
  for (int w = 0; w < WRITERS; w++)
    {
      /* A writer that failed has said why on standard error. */
      ok &= collect_ids (out_fds[w], w, reported);
      ok &= waitpid (pids[w], &status, 0) == pids[w] && WIFEXITED (status) && WEXITSTATUS (status) == 0;
      g_spawn_close_pid (pids[w]);
    }

  n = ok ? check_calls (dbname, reported) : -1;
  if (n >= 0)
    g_print ("writers %d\ncalls %" G_GINT64_FORMAT "\ncalls_per_second %.1f\n", WRITERS, n,
             n / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC));
  readout_pg_test_drop_database (dbname);
  return n >= 0 ? 0 : 1;
}

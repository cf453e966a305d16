// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdio.h>

#include "readout-store.h"
#include "readout-pg-test-util.h"

/* How long a change committed in one process takes to reach another process's ::changed
 * on a team store (issue 16: under one second): a writer process renames a leader 100
 * times, each time when told to, and prints the monotonic clock (system-wide on Linux)
 * right after its commit returned; this process watches its own store and takes the clock
 * when ::changed arrives. Run with `meson test --benchmark -C BUILD change-latency` and
 * READOUT_TEST_POSTGRESQL set; without it the benchmark skips (exit 77). */

#define ROUNDS 100
#define GIVE_UP_US (5 * G_USEC_PER_SEC)

static int
writer (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (location, &error);
  g_autoptr(ReadoutLeader) leader = NULL;
  char line[64];

  if (store != NULL)
    leader = readout_store_get_leader (store, 1, &error);
  if (leader == NULL)
    g_error ("writer: %s", error->message);
  for (guint n = 0; fgets (line, sizeof line, stdin) != NULL; n++)
    {
      g_autofree char *name = g_strdup_printf ("Leader %u", n);

      readout_leader_set_name (leader, name);
      if (!readout_store_update_leader (store, leader, &error))
        g_error ("writer: %s", error->message);
      printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      fflush (stdout);
    }
  return 0;
}

static void
changed_cb (ReadoutStore *store,
            guint         kinds,
            guint         what,
            gint64        id,
            gint64       *changed_at)
{
  *changed_at = g_get_monotonic_time ();
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* Sorts @values (microseconds) and prints their median and worst in milliseconds. */
static void
print_figures (const char *name,
               gint64     *values)
{
  qsort (values, ROUNDS, sizeof (gint64), compare_int64);
  g_print ("%s_median_ms %.2f\n%s_worst_ms %.2f\n", name,
           (values[ROUNDS / 2 - 1] + values[ROUNDS / 2]) / 2000.0, name, values[ROUNDS - 1] / 1000.0);
}

/* A store with the one leader the writer renames. */
static ReadoutStore *
open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = readout_store_open (location, &error);
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();

  g_assert_no_error (error);
  readout_leader_set_name (leader, "Leader");
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_cmpint (readout_leader_get_id (leader), ==, 1);
  return g_steal_pointer (&store);
}

/* Tells the writer to commit, waits for ::changed, and reads when the writer committed;
 * @round_trip gets the time from telling to ::changed, the writer's update included. */
static gint64
one_round (FILE   *to_writer,
           FILE   *from_writer,
           gint64 *changed_at,
           gint64 *round_trip)
{
  gint64 told_at = g_get_monotonic_time ();
  gint64 deadline = told_at + GIVE_UP_US;
  gint64 committed_at;

  *changed_at = 0;
  fputs ("go\n", to_writer);
  fflush (to_writer);
  while (*changed_at == 0 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (200);
  if (fscanf (from_writer, "%" G_GINT64_FORMAT, &committed_at) != 1)
    g_error ("the writer stopped");
  if (*changed_at == 0)
    return *round_trip = GIVE_UP_US;
  *round_trip = *changed_at - told_at;
  /* ::changed may have come first: the writer prints after its commit returned. */
  return MAX (*changed_at - committed_at, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dbname = NULL, *location = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  char *writer_argv[] = { argv[0], "--writer", NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 latencies[ROUNDS], round_trips[ROUNDS], changed_at = 0;
  int in_fd, out_fd;
  GPid pid;
  FILE *to_writer, *from_writer;

  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return writer (argv[2]);
  if (g_getenv ("READOUT_TEST_POSTGRESQL") == NULL)
    {
      g_print ("SKIP: READOUT_TEST_POSTGRESQL is not set (build-aux/pg-test-server start DIR)\n");
      return 77;
    }

  dbname = readout_pg_test_create_database ();
  location = readout_pg_test_conninfo (dbname);
  store = open_store (location);
  writer_argv[2] = location;
  if (!g_spawn_async_with_pipes (NULL, writer_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, &in_fd, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  to_writer = fdopen (in_fd, "w");
  from_writer = fdopen (out_fd, "r");

  readout_store_set_watching (store, TRUE);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed_at);
  for (guint r = 0; r < ROUNDS; r++)
    latencies[r] = one_round (to_writer, from_writer, &changed_at, &round_trips[r]);
  fclose (to_writer);
  fclose (from_writer);
  g_spawn_close_pid (pid);
  g_clear_object (&store);
  readout_pg_test_drop_database (dbname);

  print_figures ("commit_to_changed", latencies);
  print_figures ("request_to_changed", round_trips);
  return latencies[ROUNDS - 1] < G_USEC_PER_SEC ? 0 : 1;
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* What the command line and the window know about a store's location before opening it
 * (readout-db-location.h): which locations are refused, how they are named, how the
 * dialog's fields become one, and how its parts are read back. No server needed. */
#define G_LOG_DOMAIN "test-db-location"

#include "config.h"

#include <gio/gio.h>

#include "readout-db.h"
#include "readout-db-location.h"

static void
test_check (void)
{
  static const char *const refused[] = {
    "postgresql://reader:secret@db.example.org/team",
    "postgres://reader:secret@db.example.org:5433/team?sslmode=require",
    "postgresql://db.example.org/team?password=secret",
    "host=db.example.org dbname=team password=secret",
    "host=db.example.org dbname=team password='s e c r e t'",
    "host='unclosed dbname=team",
  };
  static const char *const accepted[] = {
    "postgresql://reader@db.example.org/team",
    "host=/tmp/pg dbname=team user=reader",
    "/home/alice/Calls.db",
    "Calls.db",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (readout_db_location_check (refused[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (strstr (error->message, "secret"));
      g_assert_null (strchr (error->message, '\n'));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (readout_db_location_check (accepted[i], NULL));
}

static void
test_display_name (void)
{
  static const struct { const char *location, *name; } cases[] = {
    { "postgresql://alice@db.example.org/readout", "alice@db.example.org/readout" },
    { "host=db.example.org dbname=readout", "db.example.org/readout" },
    { "dbname=readout user=bob", "bob@localhost/readout" },
    { "postgresql:///readout?host=/tmp/pg&user=readout", "readout@/tmp/pg/readout" },
    { "/home/alice/Calls.db", "Calls.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = readout_db_location_dup_display_name (cases[i].location);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* The dialog's fields as typed, quotes and spaces too, come back from the location. */
static void
test_build_and_parts (void)
{
  g_autofree char *location = readout_db_location_build ("db.example.org", "6543", "team's \\store", "o'brien x");
  g_autofree char *empty_parts = readout_db_location_build ("", NULL, "team", "");
  static const char *const keywords[] = { "host", "port", "dbname", "user" };
  static const char *const values[] = { "db.example.org", "6543", "team's \\store", "o'brien x" };

  g_assert_true (readout_db_location_is_postgresql (location));
  g_assert_true (readout_db_location_check (location, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      g_autofree char *value = readout_db_location_dup_part (location, keywords[i]);

      g_assert_cmpstr (value, ==, values[i]);
    }
  g_assert_cmpstr (empty_parts, ==, "dbname='team'");
  g_assert_null (readout_db_location_dup_part (empty_parts, "host"));
  g_assert_null (readout_db_location_dup_part ("/home/alice/Calls.db", "dbname"));
}

static char *
answer_password (const char *location,
                 gpointer    user_data)
{
  return g_strdup_printf ("%s for %s", (const char *) user_data, location);
}

static void
test_password_func (void)
{
  g_autofree char *none = NULL, *answer = NULL;

  readout_db_location_set_password_func (NULL, NULL);
  none = readout_db_location_lookup_password ("dbname=team");
  g_assert_null (none);
  readout_db_location_set_password_func (answer_password, (gpointer) "pw");
  answer = readout_db_location_lookup_password ("dbname=team");
  g_assert_cmpstr (answer, ==, "pw for dbname=team");
  readout_db_location_set_password_func (NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#ifdef HAVE_POSTGRESQL
  g_test_add_func ("/db-location/check", test_check);
  g_test_add_func ("/db-location/display-name", test_display_name);
  g_test_add_func ("/db-location/build-and-parts", test_build_and_parts);
#endif
  g_test_add_func ("/db-location/password-func", test_password_func);
  return g_test_run ();
}

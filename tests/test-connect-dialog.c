// SPDX-License-Identifier: GPL-3.0-or-later
/* Connect to Team Store… (issue 16): what the dialog refuses before it tries, what it says
 * when the server cannot be reached, what it remembers. Under Xvfb; the connection to a
 * real server runs where READOUT_TEST_POSTGRESQL names one. */
#define G_LOG_DOMAIN "test-connect-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "readout-application.h"
#include "readout-connect-dialog.h"
#include "readout-db.h"
#include "readout-db-location.h"
#include "readout-gui-test-util.h"
#include "readout-leaders-pane.h"
#ifdef HAVE_POSTGRESQL
#include "readout-pg-test-util.h"
#endif
#include "readout-store-banner.h"
#include "readout-window.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static GSettings *
new_settings (void)
{
  GSettings *settings = readout_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "team-store");
  g_settings_reset (settings, "last-store");
  return settings;
}

static void
set_field (ReadoutConnectDialog *dialog,
           const char           *title,
           const char           *text)
{
  GtkWidget *row = readout_gui_test_find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_field (ReadoutConnectDialog *dialog,
           const char           *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (readout_gui_test_find_row (GTK_WIDGET (dialog), title)));
}

static void
on_connected_cb (ReadoutConnectDialog *dialog,
                 ReadoutStore         *store,
                 ReadoutStore        **out)
{
  g_set_object (out, store);
}

/* Waits until the dialog shows an error or connected; at most 20 s. */
static void
wait_for_answer (ReadoutConnectDialog *dialog,
                 ReadoutStore        **store)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (readout_connect_dialog_get_error (dialog) == NULL && *store == NULL &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
close_dialog (ReadoutConnectDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_validation (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  ReadoutConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  settings = new_settings ();
  dialog = readout_connect_dialog_new (NULL, settings);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &store);
  gtk_window_present (GTK_WINDOW (dialog));

  set_field (dialog, "Server", "db.example.org");
  readout_connect_dialog_connect (dialog);
  g_assert_cmpstr (readout_connect_dialog_get_error (dialog), ==, "Give the name of the team store’s database.");

  set_field (dialog, "Database", "team");
  set_field (dialog, "Port", "54 32");
  readout_connect_dialog_connect (dialog);
  g_assert_nonnull (strstr (readout_connect_dialog_get_error (dialog), "1 to 65535"));
  set_field (dialog, "Port", "70000");
  readout_connect_dialog_connect (dialog);
  g_assert_nonnull (strstr (readout_connect_dialog_get_error (dialog), "1 to 65535"));

  g_assert_null (store);
  g_assert_cmpstr (g_settings_get_string (settings, "team-store"), ==, "");
  close_dialog (dialog);
}

/* No server there: one line in the dialog, the dialog stays, nothing is remembered. */
static void
test_unreachable (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *folder = g_dir_make_tmp ("readout-connect-XXXXXX", NULL);
  ReadoutConnectDialog *dialog;
  const char *error;

  SKIP_WITHOUT_DISPLAY ();

  settings = new_settings ();
  dialog = readout_connect_dialog_new (NULL, settings);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &store);
  gtk_window_present (GTK_WINDOW (dialog));
  /* A socket folder with no server in it: refused at once, without a network. */
  set_field (dialog, "Server", folder);
  set_field (dialog, "Port", "1");
  set_field (dialog, "Database", "team");
  set_field (dialog, "User", "reader");
  set_field (dialog, "Password", "secret");
  readout_connect_dialog_connect (dialog);
  wait_for_answer (dialog, &store);

  error = readout_connect_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_null (strchr (error, '\n'));
  g_assert_null (strstr (error, "secret"));
  g_assert_null (store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (g_settings_get_string (settings, "team-store"), ==, "");
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  close_dialog (dialog);
}

/* The last team store's location is offered again, field by field. */
static void
test_remembered (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *location = readout_db_location_build ("db.example.org", "6543", "team's store", "o'brien");
  ReadoutConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  settings = new_settings ();
  g_settings_set_string (settings, "team-store", location);
  dialog = readout_connect_dialog_new (NULL, settings);
  g_assert_cmpstr (get_field (dialog, "Server"), ==, "db.example.org");
  g_assert_cmpstr (get_field (dialog, "Port"), ==, "6543");
  g_assert_cmpstr (get_field (dialog, "Database"), ==, "team's store");
  g_assert_cmpstr (get_field (dialog, "User"), ==, "o'brien");
  g_assert_cmpstr (get_field (dialog, "Password"), ==, "");
  close_dialog (dialog);
}

/* The primary menu's action opens the dialog. */
static void
test_action (void)
{
  g_autoptr(GSettings) settings = NULL;
  ReadoutWindow *window;
  GtkWindow *dialog = NULL;
  GListModel *toplevels;

  SKIP_WITHOUT_DISPLAY ();

  settings = new_settings ();
  window = readout_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-team-store", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (READOUT_IS_CONNECT_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  close_dialog (READOUT_CONNECT_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On the server READOUT_TEST_POSTGRESQL names: connected, and the location remembered. */
static void
test_server (void)
{
  const char *uri = g_getenv ("READOUT_TEST_POSTGRESQL");
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autofree char *host = NULL, *dbname = NULL, *user = NULL, *port = NULL, *remembered = NULL;
  ReadoutConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();
  if (uri == NULL || *uri == '\0')
    {
      g_test_skip ("READOUT_TEST_POSTGRESQL names no server");
      return;
    }

  settings = new_settings ();
  dialog = readout_connect_dialog_new (NULL, settings);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &store);
  host = readout_db_location_dup_part (uri, "host");
  port = readout_db_location_dup_part (uri, "port");
  dbname = readout_db_location_dup_part (uri, "dbname");
  user = readout_db_location_dup_part (uri, "user");
  set_field (dialog, "Server", host);
  set_field (dialog, "Port", port);
  set_field (dialog, "Database", dbname);
  set_field (dialog, "User", user);
  readout_connect_dialog_connect (dialog);
  wait_for_answer (dialog, &store);

  g_assert_null (readout_connect_dialog_get_error (dialog));
  g_assert_nonnull (store);
  remembered = g_settings_get_string (settings, "team-store");
  g_assert_cmpstr (remembered, ==, readout_store_get_path (store));
  g_assert_true (readout_db_location_is_postgresql (remembered));
}

#ifdef HAVE_POSTGRESQL
/* The server ends the window's session: the banner says so within a few seconds, and
 * Reconnect opens the same location again, the banner gone. */
static void
test_connection_lost (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dbname = NULL, *location = NULL, *sql = NULL;
  ReadoutStoreBanner *banner;
  ReadoutWindow *window;
  ReadoutStore *before;
  PGconn *admin;
  gint64 until;

  SKIP_WITHOUT_DISPLAY ();
  if (readout_pg_test_skip_without_server ())
    return;

  dbname = readout_pg_test_create_database ();
  location = readout_pg_test_conninfo (dbname);
  settings = new_settings ();
  window = readout_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (readout_window_open_path (window, location));
  banner = READOUT_STORE_BANNER (readout_gui_test_find_widget (GTK_WIDGET (window), READOUT_TYPE_STORE_BANNER));
  g_assert_false (readout_store_banner_is_shown (banner));
  before = readout_window_get_store (window);

  admin = readout_pg_test_connect (NULL, NULL);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE datname = '%s'", dbname);
  PQclear (PQexec (admin, sql));
  PQfinish (admin);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!readout_store_banner_is_shown (banner) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (readout_store_banner_get_title (banner), "connection to the team store was lost"));

  g_signal_emit_by_name (banner, "button-clicked");
  g_assert_true (readout_window_get_store (window) != before);
  g_assert_false (readout_store_banner_is_shown (banner));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  readout_pg_test_drop_database (dbname);
}
/* A colleague's change (another session on the server) shows in a window that is not in
 * front within a second: a team store is watched behind other windows too. */
static void
test_live (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dbname = NULL, *location = NULL;
  ReadoutLeadersPane *pane;
  ReadoutWindow *window;
  GtkWidget *other;
  PGconn *colleague;
  gint64 start, until;

  SKIP_WITHOUT_DISPLAY ();
  if (readout_pg_test_skip_without_server ())
    return;

  dbname = readout_pg_test_create_database ();
  location = readout_pg_test_conninfo (dbname);
  settings = new_settings ();
  window = readout_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (readout_window_open_path (window, location));
  /* Another window in front, as the colleague's edit would reach a window behind. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while ((gtk_window_is_active (GTK_WINDOW (window)) || !gtk_window_is_active (GTK_WINDOW (other))) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_window_is_active (GTK_WINDOW (window)));
  pane = READOUT_LEADERS_PANE (readout_gui_test_find_widget (GTK_WIDGET (window), READOUT_TYPE_LEADERS_PANE));
  g_assert_cmpuint (g_list_model_get_n_items (readout_leaders_pane_get_model (pane)), ==, 0);

  colleague = readout_pg_test_connect (dbname, NULL);
  PQclear (PQexec (colleague, "INSERT INTO leaders (name, country, office) "
                              "VALUES ('Olaf Scholz', 'DE', 'Chancellor of Germany')"));
  PQfinish (colleague);
  start = g_get_monotonic_time ();
  until = start + 1 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (readout_leaders_pane_get_model (pane)) == 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (readout_leaders_pane_get_model (pane)), ==, 1);
  /* Else the test would show only what a window in front does anyway. */
  g_assert_false (gtk_window_is_active (GTK_WINDOW (window)));
  g_test_message ("the colleague's leader showed after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  readout_pg_test_drop_database (dbname);
}
/* A member with only readout_reader: the same bar and the same actions off as for a
 * read-only file (the window's /window/read-only-store). */
static void
test_read_only_role (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ReadoutStore) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = NULL, *location = NULL, *host = NULL, *port = NULL, *reader = NULL;
  g_autofree char *role = g_strdup_printf ("readout_gui_reader_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE readout_reader", role);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", role);
  ReadoutStoreBanner *banner;
  ReadoutWindow *window;
  PGconn *admin;

  SKIP_WITHOUT_DISPLAY ();
  if (readout_pg_test_skip_without_server ())
    return;

  dbname = readout_pg_test_create_database ();
  location = readout_pg_test_conninfo (dbname);
  /* The owner's first connection makes the schema and its roles. */
  owner = readout_store_open (location, &error);
  g_assert_no_error (error);
  admin = readout_pg_test_connect (NULL, NULL);
  PQclear (PQexec (admin, create));
  host = readout_db_location_dup_part (location, "host");
  port = readout_db_location_dup_part (location, "port");
  reader = readout_db_location_build (host, port, dbname, role);

  settings = new_settings ();
  window = readout_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (readout_window_open_path (window, reader));
  banner = READOUT_STORE_BANNER (readout_gui_test_find_widget (GTK_WIDGET (window), READOUT_TYPE_STORE_BANNER));
  g_assert_cmpstr (readout_store_banner_get_title (banner), ==, "You can read this team store but not change it.");
  g_assert_false (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.import"));
  g_assert_false (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.add-leader"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&owner);
  readout_pg_test_drop_database (dbname);
  PQclear (PQexec (admin, drop));
  PQfinish (admin);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/connect-dialog/validation", test_validation);
  g_test_add_func ("/connect-dialog/unreachable", test_unreachable);
  g_test_add_func ("/connect-dialog/remembered", test_remembered);
  g_test_add_func ("/connect-dialog/action", test_action);
  g_test_add_func ("/connect-dialog/server", test_server);
#ifdef HAVE_POSTGRESQL
  g_test_add_func ("/connect-dialog/connection-lost", test_connection_lost);
  g_test_add_func ("/connect-dialog/live", test_live);
  g_test_add_func ("/connect-dialog/read-only-role", test_read_only_role);
#endif
  return g_test_run ();
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of what a first-time user meets (issue 13): an empty data folder, the
 * welcome page's ways into an import, New Store, and the page of an empty store. Run
 * under Xvfb; each test is skipped where no display can be opened. */
#define G_LOG_DOMAIN "test-first-run"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "readout-gui-test-util.h"
#include "readout-application.h"
#include "readout-window.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static const char *article =
  "WASHINGTON, Jan. 28, 2017 -- President Donald Trump spoke by telephone with Russian "
  "President Vladimir Putin on Saturday. The Kremlin said the two leaders discussed the "
  "fight against terrorism and the situation in Syria.\n";

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

#define assert_shows(window, text) \
  G_STMT_START { \
    if (find_label (GTK_WIDGET (window), (text)) == NULL) \
      g_error ("The window shows nothing with “%s”", (text)); \
  } G_STMT_END

/* The body of the message dialog shown, or NULL; closes it. */
static char *
take_error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel)));

          gtk_window_destroy (toplevel);
          return body;
        }
    }
  return NULL;
}

static ReadoutWindow *
open_window (GSettings *settings,
             int        width)
{
  ReadoutWindow *window = g_object_ref (readout_window_new (NULL, settings));

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 1);
  return window;
}

static void
close_window (ReadoutWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

static GSettings *
new_settings (void)
{
  GSettings *settings = readout_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "last-store");
  g_settings_reset (settings, "last-leader-id");
  g_settings_reset (settings, "last-call-id");
  return settings;
}

/* With no data folder at all, pasting an article on the welcome page makes the folder
 * (private to the user) and the user's store, and opens the review. */
static void
test_import_on_first_run (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = readout_store_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *error_body = NULL;
  ReadoutWindow *window;
  GtkWindow *review;
  GStatBuf st;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  settings = new_settings ();
  window = open_window (settings, 1280);
  readout_window_open_last (window);
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 1);

  /* The welcome page offers the ways into an import, with their shortcuts. */
  assert_shows (window, "Welcome to Readout");
  assert_shows (window, "_Import…");
  assert_shows (window, "_Paste Text");
  assert_shows (window, "Ctrl+I");
  assert_shows (window, "Ctrl+V");
  assert_shows (window, "_New Store…");
  assert_shows (window, "_Open Store…");

  review = readout_window_import_text (window, article);
  error_body = take_error_dialog ();
  g_assert_cmpstr (error_body, ==, NULL);
  g_assert_nonnull (review);
  g_assert_nonnull (readout_window_get_store (window));
  g_assert_cmpstr (readout_store_get_path (readout_window_get_store (window)), ==, path);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  gtk_window_destroy (review);
  close_window (window);
  readout_gui_test_remove_store (folder, path);
}

/* New Store starts an empty store at the chosen path; its page offers Import and Paste.
 * A file that is there already is never replaced. */
static void
test_new_store (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("readout-first-run-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "calls.db", NULL);
  g_autofree char *other = g_build_filename (tmp, "notes.txt", NULL);
  g_autofree char *error_body = NULL;
  g_autofree char *after = NULL;
  ReadoutWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  settings = new_settings ();
  window = open_window (settings, 1280);
  readout_window_open_last (window);

  g_assert_true (readout_window_create_store (window, path));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_cmpstr (readout_store_get_path (readout_window_get_store (window)), ==, path);
  assert_shows (window, "No Leaders Yet");
  assert_shows (window, "_Import…");
  assert_shows (window, "_Paste Text");
  assert_shows (window, "Ctrl+I");

  g_assert_true (g_file_set_contents (other, "my notes", -1, NULL));
  g_assert_false (readout_window_create_store (window, other));
  error_body = take_error_dialog ();
  g_assert_nonnull (error_body);
  g_assert_nonnull (strstr (error_body, "notes.txt"));
  g_assert_true (g_file_get_contents (other, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "my notes");
  g_assert_cmpstr (readout_store_get_path (readout_window_get_store (window)), ==, path);

  close_window (window);
  g_unlink (other);
  readout_gui_test_remove_store (tmp, path);
}

/* Ctrl+N is New Store (New Window moves to Shift+Ctrl+N) and Ctrl+W closes a window,
 * as the shortcuts window says. */
static void
test_shortcuts (void)
{
  g_autoptr(ReadoutApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) new_store = NULL, new_window = NULL, close = NULL;

  SKIP_WITHOUT_DISPLAY ();

  app = readout_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  new_store = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new-store");
  new_window = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new-window");
  close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_true (g_strv_contains ((const char * const *) new_store, "<Control>n"));
  g_assert_true (g_strv_contains ((const char * const *) new_window, "<Shift><Control>n"));
  g_assert_true (g_strv_contains ((const char * const *) close, "<Control>w"));
}

/* The shortcuts window opens without GTK's "reported min width -3" warning, which
 * its page switcher gave when the shortcuts took two pages (issue 13, item 14). The
 * test's warnings are fatal. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *overlay;

  SKIP_WITHOUT_DISPLAY ();

  builder = gtk_builder_new_from_resource ("/io/github/readout/Readout/gtk/help-overlay.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (overlay);
  gtk_window_present (overlay);
  readout_gui_test_wait_for_frames (GTK_WIDGET (overlay), 3);
  gtk_window_destroy (overlay);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-first-run-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  int status;

  /* A first run: the data folder does not exist. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/first-run/import", test_import_on_first_run);
  g_test_add_func ("/first-run/new-store", test_new_store);
  g_test_add_func ("/first-run/shortcuts", test_shortcuts);
  g_test_add_func ("/first-run/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return status;
}

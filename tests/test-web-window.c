// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of readouts from the web (issue 15): an address imported through the window
 * shows its review and files with its URL; a slow download shows its progress and Cancel
 * stops it, filing nothing; the Inbox button counts the items waiting and the Inbox lists
 * them. A server in this process on 127.0.0.1 serves the pages. With READOUT_SCREENSHOTS=DIR
 * the windows are saved there as PNG files. */
#define G_LOG_DOMAIN "test-web-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "readout-gui-test-util.h"
#include "readout-feed-watcher.h"
#include "readout-feeds-window.h"
#include "readout-fetch-progress.h"
#include "readout-import-review.h"
#include "readout-import-window.h"
#include "readout-inbox-button.h"
#include "readout-inbox-window.h"
#include "readout-store-feeds.h"
#include "readout-test-server.h"
#include "readout-window.h"

static gboolean have_display;
static ReadoutTestServer *server;

typedef struct {
  char         *folder;
  char         *path;
  ReadoutStore *store;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;
  f->folder = g_dir_make_tmp ("readout-web-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->folder, "test.db", NULL);
  f->store = readout_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;
  g_assert_finalize_object (f->store);
  readout_gui_test_remove_store (f->folder, f->path);
  g_free (f->path);
  g_free (f->folder);
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data, int seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Saves what @window shows when READOUT_SCREENSHOTS names a folder. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *folder = g_getenv ("READOUT_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (folder == NULL)
    return;
  readout_gui_test_wait_for_frames (window, 3);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static ReadoutWindow *
open_window (ReadoutStore *store)
{
  ReadoutWindow *window = g_object_ref (readout_window_new (NULL, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  readout_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 2);
  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

/* The open window of @type. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  g_assert_not_reached ();
}

static gboolean
import_window_ready (gpointer data)
{
  GtkWindow *window = data;

  return !readout_import_window_is_busy (READOUT_IMPORT_WINDOW (window)) && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
test_import_url (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ReadoutWindow) window = NULL;
  g_autofree char *url = readout_test_server_url (server, "/readout.html");
  GtkWindow *dialog;
  gint64 call_id = 0;
  guint hits;

  SKIP_WITHOUT_DISPLAY ();
  readout_test_server_set_fixture (server, "/readout.html", "readout.html", FALSE);
  window = open_window (f->store);
  /* A pasted address is downloaded, not read as text. */
  dialog = readout_window_import_text (window, url);
  g_assert_nonnull (dialog);
  spin_until (import_window_ready, dialog, 20);
  g_assert_nonnull (find_mapped (GTK_WIDGET (dialog), READOUT_TYPE_IMPORT_REVIEW));

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  g_assert_cmpint (readout_store_find_source_by_url (f->store, url, &call_id, NULL), >, 0);

  /* The same address again opens no import: it shows the call that has it. */
  hits = readout_test_server_hits (server, "/readout.html");
  g_assert_null (readout_window_import_url (window, url));
  g_assert_cmpuint (readout_test_server_hits (server, "/readout.html"), ==, hits);
  close_window (GTK_WINDOW (g_steal_pointer (&window)));
}

static gboolean
progress_shown (gpointer data)
{
  return find_mapped (data, READOUT_TYPE_FETCH_PROGRESS) != NULL;
}

static gboolean
cancelled_shown (gpointer data)
{
  return shows_text (data, "was cancelled");
}

static void
test_cancel_download (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ReadoutWindow) window = NULL;
  g_autofree char *url = readout_test_server_url (server, "/drip");
  GtkWindow *dialog;
  GtkWidget *progress;

  SKIP_WITHOUT_DISPLAY ();
  window = open_window (f->store);
  dialog = readout_window_import_url (window, url);
  spin_until (progress_shown, dialog, 10);
  g_assert_true (readout_import_window_is_busy (READOUT_IMPORT_WINDOW (dialog)));
  /* Let a few bytes of the drip arrive, so the bar has something to say. */
  g_usleep (1500 * 1000);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  save_screenshot (GTK_WIDGET (dialog), "fetch-in-progress.png");

  progress = find_mapped (GTK_WIDGET (dialog), READOUT_TYPE_FETCH_PROGRESS);
  g_signal_emit_by_name (find_button (progress, "_Cancel"), "clicked");
  spin_until (cancelled_shown, dialog, 10);
  g_assert_false (readout_import_window_is_busy (READOUT_IMPORT_WINDOW (dialog)));
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Import")));
  g_assert_cmpint (readout_store_find_source_by_url (f->store, url, NULL, NULL), ==, 0);
  gtk_window_destroy (dialog);
  close_window (GTK_WINDOW (g_steal_pointer (&window)));
}

static void
add_inbox_item (ReadoutStore *store,
                const char   *key,
                const char   *title,
                const char   *published)
{
  g_autoptr(ReadoutFeedItem) item = readout_feed_item_new ();
  g_autoptr(GError) error = NULL;

  item->key = g_strdup (key);
  item->url = g_strdup_printf ("http://kremlin.example/events/%s", key);
  item->title = g_strdup (title);
  item->published = g_strdup (published);
  item->state = READOUT_FEED_ITEM_INBOX;
  item->text = g_strdup_printf ("%s\n\nRussian President Vladimir Putin had a telephone conversation with "
                                "President of Finland Sauli Niinisto. They talked about the Arctic.", title);
  g_assert_true (readout_store_add_feed_item (store, item, &error));
  g_assert_no_error (error);
}

static void
test_inbox (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ReadoutWindow) window = NULL;
  g_autoptr(ReadoutInboxWindow) inbox = NULL;
  ReadoutInboxButton *button;

  SKIP_WITHOUT_DISPLAY ();
  add_inbox_item (f->store, "1", "Telephone conversation with President of Finland Sauli Niinisto", "2019-08-14");
  add_inbox_item (f->store, "2", "Telephone conversation with Federal Chancellor of Germany <b>Olaf Scholz</b>",
                  "2022-12-02");
  window = open_window (f->store);
  button = READOUT_INBOX_BUTTON (find_mapped (GTK_WIDGET (window), READOUT_TYPE_INBOX_BUTTON));
  g_assert_nonnull (button);
  g_assert_cmpuint (readout_inbox_button_get_count (button), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (button), "2"));
  save_screenshot (GTK_WIDGET (window), "inbox-badge.png");

  /* Opened the way a user opens it, so that the badge follows what happens in it. */
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (button), GTK_TYPE_BUTTON), "clicked");
  inbox = g_object_ref (READOUT_INBOX_WINDOW (find_toplevel (READOUT_TYPE_INBOX_WINDOW)));
  readout_gui_test_wait_for_frames (GTK_WIDGET (inbox), 2);
  /* Newest first, and titles from the web are text, not markup. */
  g_assert_true (shows_text (GTK_WIDGET (inbox), "<b>Olaf Scholz</b>"));
  g_assert_true (shows_text (GTK_WIDGET (inbox), "2 readouts to review"));
  save_screenshot (GTK_WIDGET (inbox), "inbox.png");

  /* An item opens the import review; filing it takes it out of the Inbox. */
  {
    GtkWidget *list = find_mapped (GTK_WIDGET (inbox), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
    GtkWindow *dialog;

    g_signal_emit_by_name (list, "row-activated", row);
    dialog = find_toplevel (READOUT_TYPE_IMPORT_WINDOW);
    spin_until (import_window_ready, dialog, 10);
    g_assert_nonnull (find_mapped (GTK_WIDGET (dialog), READOUT_TYPE_IMPORT_REVIEW));
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
    g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 1);
    g_assert_cmpint (readout_store_find_source_by_url (f->store, "http://kremlin.example/events/1", NULL, NULL), >, 0);
    g_assert_true (shows_text (GTK_WIDGET (inbox), "1 readout to review"));
    g_assert_cmpuint (readout_inbox_button_get_count (button), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (inbox));
  close_window (GTK_WINDOW (g_steal_pointer (&window)));
}

static gboolean
watcher_done (gpointer data)
{
  return !readout_feed_watcher_is_busy (data);
}

/* The watcher checks on a thread with a connection of its own; the Inbox sees what it found. */
static void
test_watcher_check_now (Fixture       *f,
                        gconstpointer  data)
{
  static const char feed_head[] = "<rss version=\"2.0\"><channel><title>Checked by the window</title>";
  g_autofree char *page = readout_test_server_url (server, "/watched/1.html");
  g_autofree char *feed_url = readout_test_server_url (server, "/watched.xml");
  g_autofree char *feed = g_strdup_printf ("%s<item><link>%s</link><title>Finland</title></item></channel></rss>",
                                           feed_head, page);
  g_autoptr(ReadoutFeedWatcher) watcher = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();
  readout_test_server_set_fixture (server, "/watched/1.html", "readout.html", FALSE);
  readout_test_server_set_page (server, "/watched.xml", "application/rss+xml", feed, strlen (feed), NULL);
  g_assert_cmpint (readout_store_add_feed (f->store, feed_url, &error), >, 0);
  watcher = readout_feed_watcher_new (f->store);
  readout_feed_watcher_check_now (watcher);
  g_assert_true (readout_feed_watcher_is_busy (watcher));
  spin_until (watcher_done, watcher, 20);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 1);
  g_object_run_dispose (G_OBJECT (watcher));
}

static void
test_feeds_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReadoutFeedsWindow) feeds = NULL;
  g_autoptr(GPtrArray) followed = NULL;
  GtkWidget *entry;

  SKIP_WITHOUT_DISPLAY ();
  feeds = g_object_ref (readout_feeds_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (feeds));
  readout_gui_test_wait_for_frames (GTK_WIDGET (feeds), 2);
  entry = find_mapped (GTK_WIDGET (feeds), GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), "file:///etc/passwd");
  g_signal_emit_by_name (find_button (GTK_WIDGET (feeds), "_Follow"), "clicked");
  readout_gui_test_wait_for_frames (GTK_WIDGET (feeds), 2);
  g_assert_true (shows_text (GTK_WIDGET (feeds), "not an http or https address"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  https://www.gov.uk/search/news-and-communications.atom?keywords=call&a=b  ");
  g_signal_emit_by_name (entry, "activate");
  readout_gui_test_wait_for_frames (GTK_WIDGET (feeds), 2);
  g_assert_true (shows_text (GTK_WIDGET (feeds), "keywords=call&a=b — not checked yet"));
  followed = readout_store_list_feeds (f->store, NULL);
  g_assert_cmpuint (followed->len, ==, 1);
  g_assert_cmpstr (((ReadoutFeed *) g_ptr_array_index (followed, 0))->url, ==,
                   "https://www.gov.uk/search/news-and-communications.atom?keywords=call&a=b");
  gtk_window_destroy (GTK_WINDOW (feeds));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-web-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      /* The application loads its style sheet; these windows have no application. */
      gtk_css_provider_load_from_resource (css, "/io/github/readout/Readout/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  server = readout_test_server_start ();

  g_test_add ("/web-window/import-url", Fixture, NULL, fixture_set_up, test_import_url, fixture_tear_down);
  g_test_add ("/web-window/cancel-download", Fixture, NULL, fixture_set_up, test_cancel_download, fixture_tear_down);
  g_test_add ("/web-window/inbox", Fixture, NULL, fixture_set_up, test_inbox, fixture_tear_down);
  g_test_add ("/web-window/watcher-check-now", Fixture, NULL, fixture_set_up, test_watcher_check_now, fixture_tear_down);
  g_test_add ("/web-window/feeds-window", Fixture, NULL, fixture_set_up, test_feeds_window, fixture_tear_down);

  status = g_test_run ();
  readout_test_server_stop (server);
  g_rmdir (data_home);
  g_rmdir (home);
  return status;
}

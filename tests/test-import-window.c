// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of the import review (issue 7): a text imported through the window is
 * filed and shown, Cancel writes nothing, bad input shows its error. Run under Xvfb;
 * each test is skipped where no display can be opened. */
#define G_LOG_DOMAIN "test-import-window"

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "readout-gui-test-util.h"
#include "readout-calls-pane.h"
#include "readout-import-call-editor.h"
#include "readout-import-review.h"
#include "readout-import-window.h"
#include "readout-source-fields.h"
#include "readout-window.h"

static gboolean have_display;

typedef struct {
  char         *folder;
  char         *path;
  ReadoutStore *store;
  gint64        putin, biden;
} Fixture;

static gint64
add_leader (ReadoutStore *store,
            const char   *name,
            const char   *alias,
            const char   *country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  const char *aliases[] = { alias, NULL };

  readout_leader_set_name (leader, name);
  readout_leader_set_aliases (leader, aliases);
  readout_leader_set_country (leader, country);
  readout_leader_set_office (leader, "President");
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  return readout_leader_get_id (leader);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  f->folder = g_dir_make_tmp ("readout-import-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->folder, "test.db", NULL);
  f->store = readout_store_open (f->path, &error);
  g_assert_no_error (error);
  f->putin = add_leader (f->store, "Vladimir Putin", "Putin", "RU");
  f->biden = add_leader (f->store, "Joseph Biden", "Biden", "US");
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

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static void
spin (int milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0) &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);
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
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The import window that is open, after it has read its texts. */
static ReadoutImportWindow *
wait_for_import_window (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  ReadoutImportWindow *found = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (READOUT_IS_IMPORT_WINDOW (toplevel) && !readout_import_window_is_busy (READOUT_IMPORT_WINDOW (toplevel)))
            found = READOUT_IMPORT_WINDOW (toplevel);
        }
      if (found != NULL && gtk_widget_get_mapped (GTK_WIDGET (found)))
        break;
      found = NULL;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (found);
  spin (100);
  return g_object_ref (found);
}

static ReadoutWindow *
open_window (ReadoutStore *store)
{
  ReadoutWindow *window = g_object_ref (readout_window_new (NULL, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  readout_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
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

static guint
count_calls (ReadoutStore *store)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);

  return g_list_model_get_n_items (calls);
}

static guint
count_statements (ReadoutStore *store,
                  gint64        call_id)
{
  g_autoptr(GListModel) statements = readout_store_list_statements (store, call_id);

  return g_list_model_get_n_items (statements);
}

static GtkWindow *
import_fixture_from (ReadoutWindow *window,
                     const char    *folder,
                     const char    *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_list_store_append (files, file);
  return readout_window_import_files (window, G_LIST_MODEL (files));
}

static GtkWindow *
import_fixture (ReadoutWindow *window,
                const char    *name)
{
  return import_fixture_from (window, "import", name);
}

static void
test_import_file (Fixture       *f,
                  gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  ReadoutCallsPane *calls_pane;
  ReadoutCall *shown;
  GtkButton *import_button;
  gint64 call_id;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture (window, "01-kremlin-en.txt"));
  dialog = wait_for_import_window ();

  /* The review shows the text and the call it found, as a new call. */
  g_assert_true (find_widget (GTK_WIDGET (dialog), READOUT_TYPE_IMPORT_REVIEW, NULL) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Creates a new call"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Putin – Biden") ||
                 shows_text (GTK_WIDGET (dialog), "Biden – Putin"));
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  import_button = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));
  g_signal_emit_by_name (import_button, "clicked");
  spin (200);

  /* Filed in one go, and the window jumped to the call. */
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  calls_pane = READOUT_CALLS_PANE (find_widget (GTK_WIDGET (window), READOUT_TYPE_CALLS_PANE, NULL));
  g_assert_nonnull (calls_pane);
  shown = readout_calls_pane_get_selected_call (calls_pane);
  g_assert_nonnull (shown);
  call_id = readout_call_get_id (shown);
  g_assert_true (readout_call_has_participant (shown, f->putin));
  g_assert_true (readout_call_has_participant (shown, f->biden));
  g_assert_cmpstr (readout_call_get_date (shown), ==, "2021-12-30");
  g_assert_cmpuint (count_statements (f->store, call_id), >, 0);
  g_assert_true (shows_text (GTK_WIDGET (window), "Imported: 1 source"));
  g_assert_finalize_object (dialog);

  /* The toast offers Undo, and Ctrl+Z takes the whole import back; redo files it again
   * (issue 13, item 14). */
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Undo"));
  g_assert_true (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.undo"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin (100);
  g_assert_cmpuint (count_calls (f->store), ==, 0);
  g_assert_cmpuint (count_statements (f->store, call_id), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin (100);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_cmpuint (count_statements (f->store, call_id), >, 0);

  close_window (GTK_WINDOW (window));
}

/* Removing a statement and switching the second text off: what is filed is what was reviewed. */
static void
test_import_corrected (Fixture       *f,
                       gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GtkWidget *remove_button;
  GtkDropDown *dropdown;
  ReadoutImportReview *review;
  ReadoutExtraction *extraction;
  guint n_statements;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "01-kremlin-en.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) call = NULL;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture (window, "01-kremlin-en.txt"));
  dialog = wait_for_import_window ();

  review = READOUT_IMPORT_REVIEW (find_widget (GTK_WIDGET (dialog), READOUT_TYPE_IMPORT_REVIEW, NULL));
  extraction = readout_import_review_get_extraction (review);
  n_statements = ((ReadoutExtractedCall *) g_ptr_array_index (extraction->calls, 0))->statements->len;
  g_assert_cmpuint (n_statements, >=, 2);

  remove_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "remove-statement");
  g_assert_nonnull (remove_button);
  g_signal_emit_by_name (remove_button, "clicked");
  spin (50);

  /* One text: no choice of texts; the only dropdown is the source's side. */
  dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL));
  g_assert_nonnull (gtk_widget_get_ancestor (GTK_WIDGET (dropdown), READOUT_TYPE_SOURCE_FIELDS));

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);

  calls = readout_store_list_calls (f->store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);
  g_assert_cmpuint (count_statements (f->store, readout_call_get_id (call)), ==, n_statements - 1);
  g_assert_finalize_object (dialog);

  /* The same text again: it is recognised, and nothing more is written. */
  g_list_store_append (files, file);
  g_assert_nonnull (readout_window_import_files (window, G_LIST_MODEL (files)));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Matches the call of"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Putin – Biden") ||
                 shows_text (GTK_WIDGET (dialog), "Biden – Putin"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "already a source"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_cmpuint (count_statements (f->store, readout_call_get_id (call)), ==, n_statements - 1);
  g_assert_finalize_object (dialog);

  close_window (GTK_WINDOW (window));
}

/* The review's row with @title, of @type (an entry row, a combo row). */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The review has the edit forms' fields: the source's address (taken from a saved web
 * page) is shown and stored, the side is a list of countries, the date precision and
 * an unknown duration read as in Edit Call. */
static void
test_review_fields (Fixture       *f,
                    gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GtkWidget *url_row, *fields, *duration, *qualifier;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "review", "kremlin-with-address.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(ReadoutSource) source = NULL;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_list_store_append (files, file);
  g_assert_nonnull (readout_window_import_files (window, G_LIST_MODEL (files)));
  dialog = wait_for_import_window ();

  fields = find_widget (GTK_WIDGET (dialog), READOUT_TYPE_SOURCE_FIELDS, NULL);
  g_assert_nonnull (fields);
  g_assert_nonnull (readout_gui_test_find_row (fields, "Side"));
  g_assert_false (ADW_IS_ENTRY_ROW (readout_gui_test_find_row (fields, "Side")));  /* a list, not free text */
  g_assert_nonnull (find_widget (fields, GTK_TYPE_DROP_DOWN, NULL));
  url_row = readout_gui_test_find_row (fields, "Address (URL)");
  g_assert_nonnull (url_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, "https://en.kremlin.ru/events/president/news/67475");
  g_assert_nonnull (readout_gui_test_find_row (GTK_WIDGET (dialog), "Date Known To"));
  g_assert_null (readout_gui_test_find_row (GTK_WIDGET (dialog), "Precision of the Date"));
  /* "About 50 minutes" is known; a duration of 0 would read "Not known". */
  duration = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
  qualifier = readout_gui_test_find_row (GTK_WIDGET (dialog), "The Duration Is");
  g_assert_nonnull (qualifier);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (duration), 0);
  spin (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "Not known");
  g_assert_false (gtk_widget_get_visible (qualifier));

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_finalize_object (dialog);

  calls = readout_store_list_calls (f->store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);
  g_assert_cmpint (readout_call_get_duration_minutes (call), <=, 0);
  sources = readout_store_list_sources (f->store, readout_call_get_id (call));
  source = g_list_model_get_item (sources, 0);
  g_assert_cmpstr (readout_source_get_url (source), ==, "https://en.kremlin.ru/events/president/news/67475");

  close_window (GTK_WINDOW (window));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GdkClipboard *clipboard;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "01-kremlin-en.txt", NULL);
  g_autofree char *text = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  window = open_window (f->store);
  /* Ctrl+V's action: the clipboard's text is imported as a pasted source. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-import", NULL));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Pasted text"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Creates a new call"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  close_window (GTK_WINDOW (window));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GtkButton *import_button;
  g_autofree char *binary_path = g_build_filename (f->folder, "photo.txt", NULL);
  g_autofree char *empty_path = g_build_filename (f->folder, "empty.txt", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) binary = g_file_new_for_path (binary_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autofree char *pipe_path = g_build_filename (f->folder, "pipe.txt", NULL);
  g_autofree char *zero_path = g_build_filename (f->folder, "zero.txt", NULL);
  g_autoptr(GFile) pipe = g_file_new_for_path (pipe_path);
  g_autoptr(GFile) zero = g_file_new_for_path (zero_path);
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (g_file_set_contents (binary_path, png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  /* Issue 17: a FIFO without a writer and a link to /dev/zero are refused at once. */
  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero_path), ==, 0);

  window = open_window (f->store);
  g_list_store_append (files, binary);
  g_list_store_append (files, empty);
  g_list_store_append (files, pipe);
  g_list_store_append (files, zero);
  g_assert_nonnull (readout_window_import_files (window, G_LIST_MODEL (files)));
  dialog = wait_for_import_window ();

  /* The first text's error is shown; there is nothing to import. */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Could Not Import “photo.txt”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "binary"));
  import_button = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));

  /* The second text, chosen in the header. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL)), 1);
  spin (50);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Could Not Import “empty.txt”"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL)), 2);
  spin (50);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Could Not Import “pipe.txt”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "not a regular file"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL)), 3);
  spin (50);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Could Not Import “zero.txt”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "not a regular file"));

  gtk_window_close (GTK_WINDOW (dialog));
  spin (100);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  g_unlink (binary_path);
  g_unlink (empty_path);
  g_unlink (pipe_path);
  g_unlink (zero_path);
  close_window (GTK_WINDOW (window));
}

static AdwComboRow *
find_precision_row (GtkWidget *root)
{
  GtkWidget *row = find_row (root, ADW_TYPE_COMBO_ROW, "Precision of the Date");

  /* The name the edit forms use, should the review come to share it. */
  if (row == NULL)
    row = find_row (root, ADW_TYPE_COMBO_ROW, "Date Known To");
  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

/* Typing a date: the precision follows the whole value, and a date that does not fit
 * the precision chosen is refused with the call and the field named (issue 13). */
static void
test_date_precision (Fixture       *f,
                     gconstpointer  data)
{
  const char *typed = "2017-01-28";
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GtkEditable *date_row;
  AdwComboRow *precision_row;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) call = NULL;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture (window, "01-kremlin-en.txt"));
  dialog = wait_for_import_window ();
  date_row = GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)"));
  g_assert_nonnull (date_row);
  precision_row = find_precision_row (GTK_WIDGET (dialog));

  /* One key at a time, as typed. */
  for (gsize n = 0; n <= strlen (typed); n++)
    {
      g_autofree char *prefix = g_strndup (typed, n);

      gtk_editable_set_text (date_row, prefix);
      if (n == 4)
        g_assert_cmpuint (adw_combo_row_get_selected (precision_row), ==, READOUT_DATE_PRECISION_YEAR);
      if (n == 7)
        g_assert_cmpuint (adw_combo_row_get_selected (precision_row), ==, READOUT_DATE_PRECISION_MONTH);
    }
  g_assert_cmpuint (adw_combo_row_get_selected (precision_row), ==, READOUT_DATE_PRECISION_DAY);

  /* A precision that the date does not have: refused, naming the call and the field. */
  adw_combo_row_set_selected (precision_row, READOUT_DATE_PRECISION_YEAR);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (100);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Call 1, date:"));
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  adw_combo_row_set_selected (precision_row, READOUT_DATE_PRECISION_DAY);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  calls = readout_store_list_calls (f->store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);
  g_assert_cmpstr (readout_call_get_date (call), ==, "2017-01-28");
  g_assert_cmpint (readout_call_get_date_precision (call), ==, READOUT_DATE_PRECISION_DAY);

  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Filing fails once, after the import had stored a new leader; Import again files
 * (issue 13: every retry failed on a foreign key). */
static void
test_retry (Fixture       *f,
            gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  g_autoptr(GListModel) leaders = NULL;

  SKIP_WITHOUT_DISPLAY ();

  /* Trump is new to this store; the store refuses the call itself, once. */
  exec_sql (f->path, "CREATE TRIGGER refuse_calls BEFORE INSERT ON calls "
                     "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END;");
  window = open_window (f->store);
  g_assert_nonnull (readout_window_import_text (window,
                                                        "January 28, 2017\n\nPutin spoke by phone with Trump "
                                                        "about Syria, the Kremlin said.\n"));
  dialog = wait_for_import_window ();

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (100);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Call 1 of"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "the disk is full"));
  g_assert_cmpuint (count_calls (f->store), ==, 0);
  leaders = readout_store_list_leaders (f->store, READOUT_LEADER_SORT_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 2);

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (100);
  g_assert_false (shows_text (GTK_WIDGET (dialog), "FOREIGN KEY"));
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  exec_sql (f->path, "DROP TRIGGER refuse_calls;");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Cancel after a correction asks first; Keep Reviewing keeps the window and the
 * correction, Discard closes it and nothing is written. */
static void
test_cancel_with_corrections (Fixture       *f,
                              gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  AdwMessageDialog *question;
  GtkEditable *date_row;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture (window, "01-kremlin-en.txt"));
  dialog = wait_for_import_window ();
  date_row = GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)"));
  gtk_editable_set_text (date_row, "2021-12-29");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  adw_message_dialog_response (question, "keep");
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (date_row), ==, "2021-12-29");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  question = find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  spin (100);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  close_window (GTK_WINDOW (window));
}

/* A dateline without a year, and nothing to tell it (issue 13): the review says the year
 * is a guess until the date is corrected, and files the corrected date. */
static void
test_year_guessed (Fixture       *f,
                   gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  GtkEditable *date_row;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) call = NULL;

  SKIP_WITHOUT_DISPLAY ();

  /* Leaders the gazetteer does not know, stored without terms. */
  add_leader (f->store, "Alan Smith", "Smith", "AU");
  add_leader (f->store, "Boris Jones", "Jones", "NZ");
  window = open_window (f->store);
  g_assert_nonnull (readout_window_import_text (window,
                                                        "Nov. 21 (Agency) -- President Alan Smith spoke by phone "
                                                        "with Prime Minister Boris Jones, his office said.\n"));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "The Year Is a Guess"));

  date_row = GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)"));
  gtk_editable_set_text (date_row, "2013-11-21");
  spin (50);
  g_assert_false (shows_text (GTK_WIDGET (dialog), "The Year Is a Guess"));

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  calls = readout_store_list_calls (f->store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);
  g_assert_cmpstr (readout_call_get_date (call), ==, "2013-11-21");
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

/* The other government's readout of a stored call (issue 11): the review says which call
 * it matches, and filing it as a new call instead is one choice away. */
static void
test_review_match (Fixture       *f,
                   gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  AdwComboRow *file_as;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture_from (window, "pairs", "05-b.txt"));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Creates a new call"));
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "File With")));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_finalize_object (dialog);

  g_assert_nonnull (import_fixture_from (window, "pairs", "05-a.txt"));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Matches the call of 3 Mar 2022"));
  file_as = ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "File With"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (file_as)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (file_as)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (file_as), ==, 0);

  adw_combo_row_set_selected (file_as, 1);
  spin (50);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Creates a new call"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "As you chose"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 2);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

/* The first entry row titled @title under @root, shown or folded away in an expander. */
static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ENTRY_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A participant's fields edit that participant and its row says so: the editor finds
 * the participant from the row the entry is in. */
static void
test_edit_participant (Fixture       *f,
                       gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  ReadoutImportReview *review;
  ReadoutExtractedParticipant *first;
  AdwEntryRow *name_row;
  AdwEntryRow *office_row;
  AdwExpanderRow *participant_row;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (import_fixture (window, "01-kremlin-en.txt"));
  dialog = wait_for_import_window ();
  review = READOUT_IMPORT_REVIEW (find_widget (GTK_WIDGET (dialog), READOUT_TYPE_IMPORT_REVIEW, NULL));
  first = g_ptr_array_index (((ReadoutExtractedCall *) g_ptr_array_index (readout_import_review_get_extraction (review)->calls, 0))->participants, 0);

  name_row = find_entry_row (GTK_WIDGET (dialog), "Name");
  office_row = find_entry_row (GTK_WIDGET (dialog), "Office");
  g_assert_nonnull (name_row);
  g_assert_nonnull (office_row);
  participant_row = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (GTK_WIDGET (name_row), ADW_TYPE_EXPANDER_ROW));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (office_row), ADW_TYPE_EXPANDER_ROW) == GTK_WIDGET (participant_row));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Nobody");
  gtk_editable_set_text (GTK_EDITABLE (office_row), "Prime Minister");
  spin (50);

  g_assert_cmpstr (first->name, ==, "Ada Nobody");
  g_assert_cmpstr (first->office, ==, "Prime Minister");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (participant_row)), ==, "Ada Nobody");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (participant_row), "New leader"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (participant_row), "Prime Minister"));
  /* A new leader's country and office are the user's to give. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (office_row)));

  /* Edits were made: closing asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  adw_message_dialog_response (find_message_dialog (), "discard");
  spin (100);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

/* An undated text of the import that names only "on Saturday" (issue 11): the other
 * text of the same import about the same leaders dates it, the review says so, and both
 * are filed as one call. */
static void
test_undated_by_import (Fixture       *f,
                        gconstpointer  data)
{
  const char *names[] = { "pmo-saturday.txt", "kantei-0610.txt" };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GListModel) sources = NULL;
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "undated", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  window = open_window (f->store);
  g_assert_nonnull (readout_window_import_files (window, G_LIST_MODEL (files)));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Dated by Another Text"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                  "Date (YYYY-MM-DD)"))), ==, "2023-06-10");

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  calls = readout_store_list_calls (f->store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);
  g_assert_cmpstr (readout_call_get_date (call), ==, "2023-06-10");
  sources = readout_store_list_sources (f->store, readout_call_get_id (call));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

/* The text of an undated "on Saturday" call between Putin and Biden. */
static const char undated_saturday[] =
  "Telephone conversation with President of the United States Joseph Biden\n\n"
  "Vladimir Putin had a telephone conversation with President of the United States Joseph Biden "
  "on Saturday.\n\nThe presidents discussed strategic stability.\n";

/* The same undated text when the store has the call (issue 11): the one call of the two
 * leaders on a Saturday of the last two weeks dates it, the review shows the match
 * rather than "Creates a new call", and filing adds the text to that call. */
static void
test_undated_by_store (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) saturday = NULL;
  g_autoptr(ReadoutCall) stored = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;
  gint64 ids[2];

  SKIP_WITHOUT_DISPLAY ();

  ids[0] = f->putin;
  ids[1] = f->biden;
  /* The last Saturday up to today: within the two weeks the review looks back. */
  saturday = g_date_time_add_days (now, -((g_date_time_get_day_of_week (now) + 1) % 7));
  date = g_date_time_format (saturday, "%Y-%m-%d");
  stored = readout_call_new ();
  readout_call_set_date (stored, date);
  readout_call_set_participant_ids (stored, ids, 2);
  g_assert_true (readout_store_insert_call (f->store, stored, &error));
  g_assert_no_error (error);

  window = open_window (f->store);
  g_assert_nonnull (readout_window_import_text (window, undated_saturday));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Matches the call of"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Creates a new call"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Dated by a Stored Call"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "The call that dates this text"));

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  sources = readout_store_list_sources (f->store, readout_call_get_id (stored));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

/* Nothing dates it: the review asks for the date and will not file without one. */
static void
test_undated_asks (Fixture       *f,
                   gconstpointer  data)
{
  ReadoutWindow *window;
  ReadoutImportWindow *dialog;

  SKIP_WITHOUT_DISPLAY ();

  window = open_window (f->store);
  g_assert_nonnull (readout_window_import_text (window, undated_saturday));
  dialog = wait_for_import_window ();
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Which Day?"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Creates a new call"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)")),
                         "2021-06-05");
  spin (50);
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Which Day?"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (200);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  g_assert_finalize_object (dialog);
  close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-import-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  /* The file chooser's default: messages in English. */
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-window/file", test_import_file);
  ADD ("/import-window/corrected", test_import_corrected);
  ADD ("/import-window/review-fields", test_review_fields);
  ADD ("/import-window/cancel", test_cancel);
  ADD ("/import-window/bad-input", test_bad_input);
  ADD ("/import-window/date-precision", test_date_precision);
  ADD ("/import-window/retry", test_retry);
  ADD ("/import-window/cancel-with-corrections", test_cancel_with_corrections);
  ADD ("/import-window/year-guessed", test_year_guessed);
  ADD ("/import-window/review-match", test_review_match);
  ADD ("/import-window/edit-participant", test_edit_participant);
  ADD ("/import-window/undated-by-import", test_undated_by_import);
  ADD ("/import-window/undated-by-store", test_undated_by_store);
  ADD ("/import-window/undated-asks", test_undated_asks);
#undef ADD

  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of printing (issue 13): the print dialog cancelled, and printed to a
 * file, from the Call page and from Compare. Run under Xvfb; each test is skipped
 * where no display can be opened. Only GTK's "Print to File" backend is loaded. */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "readout-gui-test-util.h"
#include "readout-call-detail.h"
#include "readout-compare-page.h"
#include "readout-exportable.h"
#include "readout-sample.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

typedef struct {
  ReadoutStore *store;
  GtkWidget    *window;
  GtkWidget    *page;
} Fixture;

static gint64
find_november_call (ReadoutStore *store)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      const char * const *countries = readout_call_get_participant_countries (call);

      if (g_strcmp0 (readout_call_get_date (call), "2017-11-21") == 0 &&
          countries != NULL && g_strv_contains (countries, "RU"))
        return readout_call_get_id (call);
    }
  return 0;
}

/* @compare: the Compare page, else the Call page, showing the November call. */
static void
fixture_open (Fixture  *f,
              gboolean  compare)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) call = NULL;

  f->store = readout_sample_open (&error);
  g_assert_no_error (error);
  call = readout_store_get_call (f->store, find_november_call (f->store), &error);
  g_assert_no_error (error);

  f->window = g_object_ref (gtk_window_new ());
  if (compare)
    {
      f->page = readout_compare_page_new ();
      readout_compare_page_set_store (READOUT_COMPARE_PAGE (f->page), f->store);
      readout_compare_page_set_call (READOUT_COMPARE_PAGE (f->page), call);
    }
  else
    {
      f->page = readout_call_detail_new ();
      readout_call_detail_set_store (READOUT_CALL_DETAIL (f->page), f->store);
      readout_call_detail_set_call (READOUT_CALL_DETAIL (f->page), call);
    }
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  readout_gui_test_wait_for_frames (f->window, 2);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
}

static void
spin (int milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkPrintUnixDialog *
wait_for_print_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
          if (GTK_IS_PRINT_UNIX_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return GTK_PRINT_UNIX_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_error ("No print dialog opened");
  return NULL;
}

static void
assert_no_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      g_assert_false (GTK_IS_PRINT_UNIX_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)));
    }
}

static void
test_cancel (gconstpointer data)
{
  gboolean compare = GPOINTER_TO_INT (data);
  Fixture f = { 0 };
  GtkPrintUnixDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, compare);
  gtk_widget_activate_action (f.page, "page.print", NULL);
  dialog = wait_for_print_dialog ();
  /* Cancel, Escape and closing the dialog all answer with this. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin (300);
  assert_no_print_dialog ();

  fixture_close (&f);
}

/* Chooses "Print to File" with @path once the backend has listed it. */
static void
choose_print_to_file (GtkPrintUnixDialog *dialog,
                      const char         *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_copy (gtk_print_unix_dialog_get_settings (dialog));
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkPrinter *printer = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      printer = gtk_print_unix_dialog_get_selected_printer (dialog);
      if (printer != NULL && gtk_printer_is_virtual (printer))
        break;
      gtk_print_settings_set_printer (settings, "Print to File");
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
      gtk_print_unix_dialog_set_settings (dialog, settings);
      spin (50);
    }
  g_assert_nonnull (printer);
  g_assert_true (gtk_printer_is_virtual (printer));
}

/* A PDF written to its end: cairo finishes it with "%%EOF". */
static gboolean
is_whole_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 1000)
    return FALSE;
  return g_str_has_prefix (contents, "%PDF-") &&
         g_strstr_len (contents + length - 16, 16, "%%EOF") != NULL;
}

static void
test_print_to_file (gconstpointer data)
{
  gboolean compare = GPOINTER_TO_INT (data);
  Fixture f = { 0 };
  g_autofree char *folder = g_dir_make_tmp ("readout-test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "printed.pdf", NULL);
  GtkPrintUnixDialog *dialog;
  gint64 deadline;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, compare);
  gtk_widget_activate_action (f.page, "page.print", NULL);
  dialog = wait_for_print_dialog ();
  choose_print_to_file (dialog, path);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && !is_whole_pdf (path))
    g_main_context_iteration (NULL, FALSE);
  /* Let ::done run: this is where the app died. */
  spin (500);
  g_assert_true (is_whole_pdf (path));
  assert_no_print_dialog ();

  fixture_close (&f);
  g_unlink (path);
  g_rmdir (folder);
}

/* Issue 12: both pages export through the one helper, ReadoutExportable. */
static void
test_export_to_file (gconstpointer data)
{
  gboolean compare = GPOINTER_TO_INT (data);
  Fixture f = { 0 };
  g_autofree char *folder = g_dir_make_tmp ("readout-test-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, compare);
  g_assert_true (READOUT_IS_EXPORTABLE (f.page));
  g_assert_true (readout_exportable_export_pdf_to_file (READOUT_EXPORTABLE (f.page), file));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && !is_whole_pdf (path))
    g_main_context_iteration (NULL, FALSE);
  /* Let the finish callback toast, so nothing outlives the window. */
  spin (300);
  g_assert_true (is_whole_pdf (path));

  fixture_close (&f);
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-print-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  int status;

  /* The sample store goes to a scratch folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      /* No printer but "Print to File". */
      g_object_set (gtk_settings_get_default (),
                    "gtk-enable-animations", FALSE,
                    "gtk-print-backends", "file",
                    NULL);
    }

  g_test_add_data_func ("/print/call/cancel", GINT_TO_POINTER (FALSE), test_cancel);
  g_test_add_data_func ("/print/call/to-file", GINT_TO_POINTER (FALSE), test_print_to_file);
  g_test_add_data_func ("/print/compare/cancel", GINT_TO_POINTER (TRUE), test_cancel);
  g_test_add_data_func ("/print/compare/to-file", GINT_TO_POINTER (TRUE), test_print_to_file);
  g_test_add_data_func ("/export/call/to-file", GINT_TO_POINTER (FALSE), test_export_to_file);
  g_test_add_data_func ("/export/compare/to-file", GINT_TO_POINTER (TRUE), test_export_to_file);

  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return status;
}

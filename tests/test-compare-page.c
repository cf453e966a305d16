// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of the Compare page on the sample data: run under Xvfb (meson test
 * --suite gui); each test is skipped where no display can be opened. */
#define G_LOG_DOMAIN "test-compare-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "readout-gui-test-util.h"
#include "readout-compare-page.h"
#include "readout-compare-row.h"
#include "readout-sample.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END



static gint64
find_call (ReadoutStore *store,
           const char   *date,
           const char   *with_country)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      const char * const *countries = readout_call_get_participant_countries (call);

      if (g_strcmp0 (readout_call_get_date (call), date) == 0 &&
          countries != NULL && g_strv_contains (countries, with_country))
        return readout_call_get_id (call);
    }
  return 0;
}

typedef struct {
  ReadoutStore       *store;
  GtkWidget          *window;
  ReadoutComparePage *page;
} Fixture;

static void
fixture_open_call (Fixture    *f,
                   int         width,
                   const char *date,
                   const char *with_country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  gint64 call_id;

  f->store = readout_sample_open (&error);
  g_assert_no_error (error);
  call_id = find_call (f->store, date, with_country);
  g_assert_cmpint (call_id, >, 0);
  call = readout_store_get_call (f->store, call_id, &error);
  g_assert_no_error (error);

  f->window = g_object_ref (gtk_window_new ());
  f->page = READOUT_COMPARE_PAGE (readout_compare_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  readout_compare_page_set_store (f->page, f->store);
  readout_compare_page_set_call (f->page, call);
  gtk_window_present (GTK_WINDOW (f->window));
  readout_gui_test_wait_for_frames (f->window, 2);
}

static void
fixture_open (Fixture *f,
              int      width)
{
  fixture_open_call (f, width, "2017-11-21", "RU");
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
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (READOUT_IS_COMPARE_ROW (root) && readout_compare_row_get_status_text (READOUT_COMPARE_ROW (root)) != NULL)
    g_ptr_array_add (rows, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static ReadoutCompareRow *
find_row (ReadoutComparePage *page,
          const char         *topic)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (page), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (readout_compare_row_get_topic (rows->pdata[i]), topic) == 0)
      return rows->pdata[i];
  return NULL;
}

static void
assert_row (ReadoutComparePage      *page,
            const char              *topic,
            ReadoutComparisonStatus  status,
            const char              *words)
{
  ReadoutCompareRow *row = find_row (page, topic);

  if (row == NULL)
    g_error ("The Compare page has no row for “%s”", topic);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_cmpint (readout_compare_row_get_status (row), ==, status);
  g_assert_cmpstr (readout_compare_row_get_status_text (row), ==, words);
}

/* A label with @class whose text contains @text, under @root. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *class,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, class) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, class, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rows (void)
{
  Fixture f = { 0 };
  ReadoutComparison *comparison;
  GtkLabel *minsk;
  PangoAttrList *attrs;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  comparison = readout_compare_page_get_comparison (f.page);
  g_assert_nonnull (comparison);
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_A), ==, "United States");
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_B), ==, "Russia");

  assert_row (f.page, "Ukraine", READOUT_COMPARISON_STATUS_BOTH, "Both sides");
  assert_row (f.page, "Syria", READOUT_COMPARISON_STATUS_A_ONLY, "Only United States");
  assert_row (f.page, "North Korea", READOUT_COMPARISON_STATUS_A_ONLY, "Only United States");
  assert_row (f.page, "Terrorism", READOUT_COMPARISON_STATUS_A_ONLY, "Only United States");
  /* A topic the White House gave only as a further topic of a statement shown under
   * Syria: its row points there, in the White House's column, rather than repeating it. */
  assert_row (f.page, "Humanitarian aid", READOUT_COMPARISON_STATUS_A_ONLY, "Only United States");
  g_assert_nonnull (find_label (GTK_WIDGET (find_row (f.page, "Humanitarian aid")), "compare-reference",
                                "United States · Also under Syria: "));
  g_assert_null (find_label (GTK_WIDGET (find_row (f.page, "Humanitarian aid")), "statement-text", ""));

  /* Wide: the Ukraine row puts the White House beside the Kremlin. */
  g_assert_false (readout_compare_row_get_stacked (find_row (f.page, "Ukraine")));

  /* The Kremlin's sentence says something else than the White House's on Ukraine, so
   * the two are not forced into a pair: no word is marked as different. It is shown as
   * text, never as markup made of the store's text. */
  minsk = find_label (GTK_WIDGET (find_row (f.page, "Ukraine")), "statement-text", "Minsk accords");
  g_assert_nonnull (minsk);
  attrs = gtk_label_get_attributes (minsk);
  g_assert_true (attrs == NULL || pango_attr_list_get_attributes (attrs) == NULL);
  g_assert_false (gtk_label_get_use_markup (minsk));
  g_assert_true (gtk_label_get_selectable (minsk));

  /* The summary says what only one side mentioned. */
  g_assert_nonnull (find_label (GTK_WIDGET (f.page), "summary-text", "North Korea"));

  fixture_close (&f);
}

static void
test_swap (void)
{
  Fixture f = { 0 };
  ReadoutComparison *comparison;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  gtk_widget_activate_action (GTK_WIDGET (f.page), "compare.swap", NULL);
  readout_gui_test_wait_for_frames (f.window, 1);

  comparison = readout_compare_page_get_comparison (f.page);
  g_assert_nonnull (comparison);
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_A), ==, "Russia");
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_B), ==, "United States");
  assert_row (f.page, "Ukraine", READOUT_COMPARISON_STATUS_BOTH, "Both sides");
  assert_row (f.page, "Syria", READOUT_COMPARISON_STATUS_B_ONLY, "Only United States");

  /* And back. */
  gtk_widget_activate_action (GTK_WIDGET (f.page), "compare.swap", NULL);
  readout_gui_test_wait_for_frames (f.window, 1);
  assert_row (f.page, "Syria", READOUT_COMPARISON_STATUS_A_ONLY, "Only United States");

  fixture_close (&f);
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (void)
{
  Fixture f = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  GdkClipboard *clipboard;
  gint64 deadline;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  expected = readout_comparison_to_text (readout_compare_page_get_comparison (f.page), 72);
  g_assert_nonnull (strstr (expected, "Minsk"));

  gtk_widget_activate_action (GTK_WIDGET (f.page), "compare.copy-comparison", NULL);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f.page));
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &copied);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (copied == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpstr (copied, ==, expected);

  fixture_close (&f);
}

static void
test_export (void)
{
  Fixture f = { 0 };
  g_autofree char *folder = g_dir_make_tmp ("readout-test-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "Donald Trump and Vladimir Putin 2017-11-21.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 deadline;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  g_assert_true (readout_compare_page_export_pdf_to_file (f.page, file));

  /* Written to a temporary file and renamed: once it is there, it is whole. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* Let the finish callback run (it toasts), so nothing outlives the window. */
  deadline = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  fixture_close (&f);
  g_unlink (path);
  g_rmdir (folder);
}

static void
test_narrow (void)
{
  Fixture f = { 0 };
  ReadoutCompareRow *ukraine;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 400);
  ukraine = find_row (f.page, "Ukraine");
  g_assert_nonnull (ukraine);
  /* At 400 px the two columns stack, A above B, and nothing is cut off. */
  g_assert_true (readout_compare_row_get_stacked (ukraine));
  g_assert_cmpint (gtk_widget_get_width (f.window), <=, 420);

  fixture_close (&f);
}

static void
collect_labels (GtkWidget  *root,
                const char *class,
                GPtrArray  *labels)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, class))
    g_ptr_array_add (labels, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, class, labels);
}

/* A statement with several topics is one card, with its other topics as tags: the
 * White House's five statements on 21 November 2017 used to be nine cards. */
static void
test_each_statement_once (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  ReadoutComparison *comparison;
  guint n_statements;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  comparison = readout_compare_page_get_comparison (f.page);
  n_statements = readout_comparison_get_n_statements (comparison, READOUT_COMPARISON_SIDE_A)
                 + readout_comparison_get_n_statements (comparison, READOUT_COMPARISON_SIDE_B);
  collect_labels (GTK_WIDGET (f.page), "statement-text", texts);
  g_assert_cmpuint (texts->len, ==, n_statements);
  for (guint i = 0; i < texts->len; i++)
    g_assert_true (g_hash_table_add (seen, (gpointer) gtk_label_get_text (texts->pdata[i])));
  /* The sample's White House statement on terrorism in Syria carries a tag. */
  collect_labels (GTK_WIDGET (f.page), "topic", tags);
  g_assert_cmpuint (tags->len, >, 0);

  fixture_close (&f);
}

/* Side A's mark is not the accent colour, which reads as selected text. */
static void
test_mark_colours (void)
{
  Fixture f = { 0 };
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkRGBA only_a, accent;

  SKIP_WITHOUT_DISPLAY ();

  /* The stylesheet the application loads. */
  gtk_css_provider_load_from_resource (provider, "/io/github/readout/Readout/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  fixture_open (&f, 1000);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (f.page)),
                                                 "readout_only_a_bg", &only_a));
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (f.page)),
                                                 "accent_bg_color", &accent));
G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_false (fabs (only_a.red - accent.red) < 0.1 && fabs (only_a.green - accent.green) < 0.1
                  && fabs (only_a.blue - accent.blue) < 0.1);

  fixture_close (&f);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

static void
collect_drop_downs (GtkWidget *root,
                    GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drop_downs (child, found);
}

static guint
find_choice (GtkDropDown *drop_down,
             const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      return i;
  g_error ("no choice “%s”", name);
  return 0;
}

/* Two sources compared: the pickers name them plainly, and a topic both mention is
 * "Both sources", not "Both sides". */
static void
test_compare_sources (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_both = 0;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  collect_drop_downs (GTK_WIDGET (f.page), pickers);
  g_assert_cmpuint (pickers->len, >=, 2);
  gtk_drop_down_set_selected (pickers->pdata[0], find_choice (pickers->pdata[0], "UPI · News report"));
  gtk_drop_down_set_selected (pickers->pdata[1], find_choice (pickers->pdata[1], "White House · Official readout"));
  readout_gui_test_wait_for_frames (f.window, 2);

  collect_rows (GTK_WIDGET (f.page), rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *status = readout_compare_row_get_status_text (rows->pdata[i]);

      g_assert_cmpstr (status, !=, "Both sides");
      n_both += g_strcmp0 (status, "Both sources") == 0;
    }
  g_assert_cmpuint (n_both, >, 0);

  fixture_close (&f);
}

static void
on_show_statement (ReadoutComparePage *page,
                   gint64              statement_id,
                   gint64             *shown)
{
  *shown = statement_id;
}

static void
test_show_source (void)
{
  Fixture f = { 0 };
  gint64 shown = 0;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  g_signal_connect (f.page, "show-statement", G_CALLBACK (on_show_statement), &shown);
  /* What a source popover's "Show in Call" does. */
  gtk_widget_activate_action (GTK_WIDGET (f.page), "compare.show-statement", "x", (gint64) 42);
  g_assert_cmpint (shown, ==, 42);

  fixture_close (&f);
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

/* Trump–Merkel: only the White House spoke of it (issue 13). The page says so, rather
 * than "Cannot Compare These" with the United States on both sides. */
static void
test_one_side (void)
{
  Fixture f = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  fixture_open_call (&f, 1000, "2017-01-28", "DE");
  g_assert_true (shows_text (f.window, "Only One Side"));
  g_assert_true (shows_text (f.window, "Only one side, United States, gave an account of this call"));
  g_assert_false (shows_text (f.window, "Cannot Compare These"));
  fixture_close (&f);
}

static GtkMenuButton *
find_citation (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root) &&
      GTK_IS_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))) &&
      !GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_citation (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A citation's popover opens with the focus on Show in Call, not on its title, which
 * would show all selected (issue 13, item 13). */
static void
test_citation_focus (void)
{
  Fixture f = { 0 };
  GtkMenuButton *citation;
  GtkWidget *focus;

  SKIP_WITHOUT_DISPLAY ();

  fixture_open (&f, 1000);
  citation = find_citation (GTK_WIDGET (f.page));
  g_assert_nonnull (citation);
  gtk_menu_button_popup (citation);
  readout_gui_test_wait_for_frames (f.window, 3);
  focus = gtk_window_get_focus (GTK_WINDOW (f.window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL);
  g_assert_false (GTK_IS_LABEL (focus));
  gtk_menu_button_popdown (citation);
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-compare-page-XXXXXX", NULL);
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
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/compare-page/rows", test_rows);
  g_test_add_func ("/compare-page/swap", test_swap);
  g_test_add_func ("/compare-page/copy", test_copy);
  g_test_add_func ("/compare-page/export", test_export);
  g_test_add_func ("/compare-page/narrow", test_narrow);
  g_test_add_func ("/compare-page/show-source", test_show_source);
  g_test_add_func ("/compare-page/each-statement-once", test_each_statement_once);
  g_test_add_func ("/compare-page/mark-colours", test_mark_colours);
  g_test_add_func ("/compare-page/compare-sources", test_compare_sources);
  g_test_add_func ("/compare-page/one-side", test_one_side);
  g_test_add_func ("/compare-page/citation-focus", test_citation_focus);

  status = g_test_run ();

  {
    const char *argv_rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return status;
}

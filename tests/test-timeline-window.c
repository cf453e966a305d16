// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of Calls Over Time (issue 14) on the sample data: run under Xvfb (meson
 * test --suite gui); each test is skipped where no display can be opened.
 *
 * `test-timeline-window --show PAGE [--database FILE] [--leader NAME]` opens the window
 * on that page and keeps it open, for screenshots (../shared/tools/screenshot). */
#define G_LOG_DOMAIN "test-timeline-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "readout-gui-test-util.h"
#include "readout-sample.h"
#include "readout-timeline-view.h"
#include "readout-timeline-window.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);
  return n;
}

static gint64
leader_id (ReadoutStore *store,
           const char   *name)
{
  g_autoptr(ReadoutLeader) leader = readout_store_find_leader (store, name, NULL);

  g_assert_nonnull (leader);
  return readout_leader_get_id (leader);
}

static void
record_call_cb (ReadoutTimelineWindow *window,
                gint64                 call_id,
                gint64                *activated)
{
  *activated = call_id;
}

/* The keyboard steps through Putin's calls oldest first; Enter asks for the call. */
static void
test_timeline_keyboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) oldest = NULL;
  g_autoptr(ReadoutCall) second = NULL;
  ReadoutTimelineWindow *window;
  GtkWidget *view;
  gint64 activated = 0;

  SKIP_WITHOUT_DISPLAY ();
  store = readout_sample_open (&error);
  g_assert_no_error (error);
  calls = readout_store_list_calls (store, leader_id (store, "Putin"), 0);
  oldest = g_list_model_get_item (calls, g_list_model_get_n_items (calls) - 1);
  second = g_list_model_get_item (calls, g_list_model_get_n_items (calls) - 2);

  window = readout_timeline_window_new (NULL, store, leader_id (store, "Putin"));
  g_signal_connect (window, "call-activated", G_CALLBACK (record_call_cb), &activated);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 2);

  view = find_descendant (GTK_WIDGET (window), READOUT_TYPE_TIMELINE_VIEW);
  g_assert_nonnull (view);
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (view, "timeline.next", NULL));
  g_assert_cmpint (readout_timeline_view_get_selected_call (READOUT_TIMELINE_VIEW (view)), ==,
                   readout_call_get_id (oldest));
  g_assert_true (gtk_widget_activate_action (view, "timeline.next", NULL));
  g_assert_true (gtk_widget_activate_action (view, "timeline.activate", NULL));
  g_assert_cmpint (activated, ==, readout_call_get_id (second));

  /* The chart as it shows, to a file. */
  {
    g_autofree char *folder = g_dir_make_tmp ("readout-timeline-export-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (folder, "putin.svg", NULL);
    g_autofree char *svg = NULL;

    g_assert_true (readout_timeline_view_export (READOUT_TIMELINE_VIEW (view), path, "Calls of Vladimir Putin", &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
    g_assert_nonnull (strstr (svg, "<svg"));
    g_unlink (path);
    g_rmdir (folder);
  }

  /* Choosing Trump in the drop-down shows his calls: the first is 28 January 2017. */
  {
    GtkDropDown *choice = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));
    GListModel *names = gtk_drop_down_get_model (choice);
    g_autoptr(GListModel) trump_calls = readout_store_list_calls (store, leader_id (store, "Trump"), 0);
    g_autoptr(ReadoutCall) trump_oldest = g_list_model_get_item (trump_calls, g_list_model_get_n_items (trump_calls) - 1);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

        if (g_str_equal (gtk_string_object_get_string (name), "Donald Trump"))
          gtk_drop_down_set_selected (choice, i);
      }
    gtk_widget_grab_focus (view);
    g_assert_true (gtk_widget_activate_action (view, "timeline.next", NULL));
    g_assert_cmpint (readout_timeline_view_get_selected_call (READOUT_TIMELINE_VIEW (view)), ==,
                     readout_call_get_id (trump_oldest));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The relations list the pairs, Trump–Putin first; picking it shows their calls on the
 * topic history page, one block a call. */
static void
test_relations_to_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) pair_calls = NULL;
  ReadoutTimelineWindow *window;
  GtkListBox *list;
  AdwViewStack *stack;

  SKIP_WITHOUT_DISPLAY ();
  store = readout_sample_open (&error);
  g_assert_no_error (error);
  pair_calls = readout_store_list_calls (store, leader_id (store, "Trump"), leader_id (store, "Putin"));

  window = readout_timeline_window_new (NULL, store, 0);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 2);
  list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Donald Trump – Vladimir Putin");

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "topic");
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 2);
  /* One separator closes each call's block. */
  g_assert_cmpuint (count_descendants (adw_view_stack_get_visible_child (stack), GTK_TYPE_SEPARATOR), ==,
                    g_list_model_get_n_items (pair_calls));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The relations filter by country and dates as they are typed; a country that is not one
 * is marked and leaves the list as it was. */
static void
test_relations_filters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  ReadoutTimelineWindow *window;
  GtkListBox *list;
  GtkWidget *entries[3] = { NULL };
  GtkWidget *child;
  guint n = 0, all;

  SKIP_WITHOUT_DISPLAY ();
  store = readout_sample_open (&error);
  g_assert_no_error (error);
  window = readout_timeline_window_new (NULL, store, 0);
  gtk_window_present (GTK_WINDOW (window));
  list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  /* The three entries sit together just above the list. */
  for (child = gtk_widget_get_first_child (gtk_widget_get_prev_sibling (GTK_WIDGET (list)));
       child != NULL && n < 3; child = gtk_widget_get_next_sibling (child))
    entries[n++] = child;
  g_assert_cmpuint (n, ==, 3);
  all = count_rows (list);

  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "Japan");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Donald Trump – Shinzo Abe");
  /* Typing on to "Japanesque", which names no country, keeps the last list. */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (entries[0]), "esque", -1, &position);
  }
  g_assert_true (gtk_widget_has_css_class (entries[0], "error"));
  g_assert_cmpuint (count_rows (list), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "2025");
  g_assert_false (gtk_widget_has_css_class (entries[0], "error"));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "8 calls · 2025");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "");
  g_assert_cmpuint (count_rows (list), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  gint64 leader_id;
  char *first;
  char *last;
} Period;

static void
record_period_cb (ReadoutTimelineWindow *window,
                  gint64                 leader,
                  const char            *first,
                  const char            *last,
                  Period                *period)
{
  period->leader_id = leader;
  g_free (period->first);
  g_free (period->last);
  period->first = g_strdup (first);
  period->last = g_strdup (last);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
days_between (const char *first,
              const char *last)
{
  g_autoptr(GDate) a = g_date_new ();
  g_autoptr(GDate) b = g_date_new ();

  g_date_set_parse (a, first);
  g_date_set_parse (b, last);
  g_assert_true (g_date_valid (a) && g_date_valid (b));
  return g_date_days_between (a, b);
}

/* "List These Calls" hands the main window the leader and the period in view, as ISO
 * days; zooming in narrows the period around the calls. */
static void
test_list_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) newest = NULL;
  g_autoptr(ReadoutCall) oldest = NULL;
  ReadoutTimelineWindow *window;
  Period period = { 0, };
  GtkWidget *view, *button;
  int whole;

  SKIP_WITHOUT_DISPLAY ();
  store = readout_sample_open (&error);
  g_assert_no_error (error);
  calls = readout_store_list_calls (store, leader_id (store, "Putin"), 0);
  newest = g_list_model_get_item (calls, 0);
  oldest = g_list_model_get_item (calls, g_list_model_get_n_items (calls) - 1);

  window = readout_timeline_window_new (NULL, store, leader_id (store, "Putin"));
  g_signal_connect (window, "period-activated", G_CALLBACK (record_period_cb), &period);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (GTK_WIDGET (window), 2);
  button = find_button (GTK_WIDGET (window), "_List These Calls");
  g_assert_nonnull (button);

  /* The whole span: every call of the leader falls within it. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (period.leader_id, ==, leader_id (store, "Putin"));
  g_assert_cmpstr (period.first, <=, readout_call_get_date (oldest));
  g_assert_cmpstr (period.last, >=, readout_call_get_date (newest));
  whole = days_between (period.first, period.last);

  view = find_descendant (GTK_WIDGET (window), READOUT_TYPE_TIMELINE_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "timeline.zoom", "d", 0.25));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (days_between (period.first, period.last), <, whole / 2);
  g_assert_cmpint (days_between (period.first, period.last), >, 0);

  g_free (period.first);
  g_free (period.last);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* For screenshots: the window on one page, kept open. */
static int
show (const char *page,
      const char *database,
      const char *leader,
      const char *pair_with)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = database != NULL ? readout_store_open (database, &error)
                                                   : readout_sample_open (&error);
  g_autoptr(ReadoutLeader) found = NULL;
  ReadoutTimelineWindow *window;

  if (store == NULL)
    g_error ("%s", error->message);
  found = readout_store_find_leader (store, leader != NULL ? leader : "Putin", NULL);
  window = readout_timeline_window_new (NULL, store, found != NULL ? readout_leader_get_id (found) : 0);
  gtk_window_maximize (GTK_WINDOW (window));
  if (g_strcmp0 (page, "topic") == 0 && found != NULL)
    readout_timeline_window_show_topic_history (window, readout_leader_get_id (found),
                                                leader_id (store, pair_with != NULL ? pair_with : "Trump"));
  else
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                           page);
  gtk_window_present (GTK_WINDOW (window));
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-timeline-window-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (argc >= 3 && g_str_equal (argv[1], "--show"))
    {
      gtk_init ();
      adw_init ();
      return show (argv[2], argc >= 4 && argv[3][0] != '\0' ? argv[3] : NULL,
                   argc >= 5 ? argv[4] : NULL, argc >= 6 ? argv[5] : NULL);
    }

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/timeline-window/keyboard", test_timeline_keyboard);
  g_test_add_func ("/timeline-window/relations-to-history", test_relations_to_history);
  g_test_add_func ("/timeline-window/relations-filters", test_relations_filters);
  g_test_add_func ("/timeline-window/list-period", test_list_period);

  status = g_test_run ();
  {
    const char *argv_rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}

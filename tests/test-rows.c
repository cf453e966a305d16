// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of the list rows: each shows its item and follows the item's properties
 * as they change. Skipped where no display can be opened. */
#define G_LOG_DOMAIN "test-rows"

#include "config.h"

#include <adwaita.h>

#include "readout-call-row.h"
#include "readout-calls-pane.h"
#include "readout-gui-test-util.h"
#include "readout-gui-util.h"
#include "readout-format.h"
#include "readout-leader-row.h"
#include "readout-search-row.h"

static gboolean have_display;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

/* The first label under @root whose text is @text and that is visible, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a call row gives screen readers: its name and its description. */
#define assert_reads(row, label, description) \
  G_STMT_START { \
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, (label)); \
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, \
                                         (description)); \
  } G_STMT_END

#define assert_shows(row, text) g_assert_nonnull (find_label (GTK_WIDGET (row), (text)))
#define assert_not_shown(row, text) g_assert_null (find_label (GTK_WIDGET (row), (text)))

static void
test_leader_row (void)
{
  g_autoptr(ReadoutLeader) leader = NULL;
  GtkWidget *row;

  SKIP_WITHOUT_DISPLAY ();

  leader = readout_leader_new ();
  readout_leader_set_id (leader, 7);
  readout_leader_set_name (leader, "Vladimir Putin");
  readout_leader_set_country (leader, "RU");
  readout_leader_set_country_name (leader, "Russia");
  readout_leader_set_office (leader, "President of Russia");
  readout_leader_set_call_count (leader, 2);
  readout_leader_set_last_call_date (leader, "2017-11-21");

  row = g_object_ref_sink (readout_leader_row_new ());
  readout_leader_row_set_leader (READOUT_LEADER_ROW (row), leader);
  g_assert_true (readout_leader_row_get_leader (READOUT_LEADER_ROW (row)) == leader);
  assert_shows (row, "Vladimir Putin");
  /* The office names the country already: no ", Russia" after it. */
  assert_shows (row, "President of Russia");
  assert_shows (row, "2 calls");
  assert_shows (row, "21 Nov 2017");

  /* An edit of the leader shows at once. */
  readout_leader_set_name (leader, "V. V. Putin");
  readout_leader_set_call_count (leader, 3);
  assert_shows (row, "V. V. Putin");
  assert_shows (row, "3 calls");
  assert_not_shown (row, "Vladimir Putin");

  /* Unbound, the row lets go of the leader and no longer follows it. */
  readout_leader_row_set_leader (READOUT_LEADER_ROW (row), NULL);
  readout_leader_set_name (leader, "Someone Else");
  assert_not_shown (row, "Someone Else");

  g_assert_finalize_object (row);
}

/* The height @row asks for at @width. It is allocated that size afterwards, as a list
 * would, so that a change of its call is measured anew. */
static int
height_at (GtkWidget *row,
           int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, width, height }, -1);
  return height;
}

static void
test_call_row (void)
{
  g_autoptr(ReadoutCall) call = NULL;
  const char *names[] = { "Donald Trump", "Vladimir Putin", NULL };
  const char *topics[] = { "Syria", "North Korea", NULL };
  const char *many_topics[] = { "Syria", "North Korea", "Bilateral relations", "Planned meeting",
                                "Ukraine", "Nuclear non-proliferation", "Iran", NULL };
  /* Two scripts: Pango lays the line out in several runs. */
  const char *mixed_topics[] = { "Syria", "سوريا", "North Korea", "Bilateral relations",
                                 "Planned meeting", "Ukraine", "Iran", NULL };
  gint64 ids[] = { 1, 2 };
  int three_lines, four_lines, two_topic_lines, narrow;
  GtkWidget *row;

  SKIP_WITHOUT_DISPLAY ();

  call = readout_call_new ();
  readout_call_set_id (call, 5);
  readout_call_set_date (call, "2017-11-21");
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
  readout_call_set_status (call, READOUT_CALL_STATUS_HELD);
  readout_call_set_participant_ids (call, ids, 2);
  readout_call_set_participant_names (call, names);
  readout_call_set_topics (call, topics);

  row = g_object_ref_sink (readout_call_row_new ());
  /* The row draws its own text; what it shows is what a screen reader reads.
   * The list of Putin's calls names the other side. */
  readout_call_row_set_leader_id (READOUT_CALL_ROW (row), 2);
  readout_call_row_set_call (READOUT_CALL_ROW (row), call);
  assert_reads (row, "Tuesday, 21 November 2017, Held, with Donald Trump",
                "Syria · North Korea");

  /* Trump's list names Putin. */
  readout_call_row_set_leader_id (READOUT_CALL_ROW (row), 1);
  assert_reads (row, "Tuesday, 21 November 2017, Held, with Vladimir Putin",
                "Syria · North Korea");

  readout_call_set_duration_minutes (call, 60);
  readout_call_set_duration_qualifier (call, READOUT_DURATION_MORE_THAN);
  readout_call_set_status (call, READOUT_CALL_STATUS_ANNOUNCED);
  readout_call_set_topics (call, NULL);
  assert_reads (row, "Tuesday, 21 November 2017, Announced, with Vladimir Putin",
                "more than 1 h");

  /* It takes the lines it shows, and more when the topics are back. */
  three_lines = height_at (row, 300);
  readout_call_set_topics (call, topics);
  four_lines = height_at (row, 300);
  g_assert_cmpint (four_lines, >, three_lines);
  /* Many topics wrap onto a second line, and in a narrower row never onto a third. */
  readout_call_set_topics (call, many_topics);
  two_topic_lines = height_at (row, 300);
  narrow = height_at (row, 150);
  g_assert_cmpint (two_topic_lines, >, four_lines);
  g_assert_cmpint (narrow, ==, two_topic_lines);
  /* A row is measured without laying a cut line out at the width only when the line
   * is in one run; in several it is laid out, and still cut after two lines. */
  readout_call_set_topics (call, mixed_topics);
  g_assert_cmpint (height_at (row, 300), ==, height_at (row, 400));
  g_assert_cmpint (height_at (row, 300), >, height_at (row, 2000));

  readout_call_row_set_call (READOUT_CALL_ROW (row), NULL);
  g_assert_finalize_object (row);
}

/* The status icons loaded ahead of the first rows are the ones the rows then get. */
static void
test_call_row_status_icons (void)
{
  GtkWidget *row;
  g_autoptr(GPtrArray) icons = NULL;
  GtkIconTheme *theme;

  SKIP_WITHOUT_DISPLAY ();

  row = g_object_ref_sink (readout_call_row_new ());
  icons = readout_call_row_load_status_icons (row);
  g_assert_cmpuint (icons->len, ==, 3);
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (row));
  for (ReadoutCallStatus status = READOUT_CALL_STATUS_HELD; status <= READOUT_CALL_STATUS_CANCELLED; status++)
    {
      g_autoptr(GtkIconPaintable) again = gtk_icon_theme_lookup_icon (theme, readout_gui_call_status_icon (status),
                                                                      NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);

      g_assert_true (GDK_PAINTABLE (again) == g_ptr_array_index (icons, status));
    }
  g_assert_finalize_object (row);
}

/* A call of 60 topics: "Topic 1 · Topic 2 · …", about 600 characters. */
static char **
sixty_topics (void)
{
  GPtrArray *topics = g_ptr_array_new ();

  for (int i = 1; i <= 60; i++)
    g_ptr_array_add (topics, g_strdup_printf ("Topic %d", i));
  g_ptr_array_add (topics, NULL);
  return (char **) g_ptr_array_free (topics, FALSE);
}

/* A long topics line is laid out only as far as a row can show it, and as far as a
 * wide row shows: measured, it is as high as the whole line would be at every width. */
static void
test_call_row_long_topics (void)
{
  g_autoptr(ReadoutCall) call = readout_call_new ();
  g_auto(GStrv) topics = sixty_topics ();
  g_autofree char *description = NULL;
  int two_lines, natural, one_line;
  GtkWidget *row;

  SKIP_WITHOUT_DISPLAY ();

  readout_call_set_date (call, "2017-11-21");
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
  readout_call_set_topics (call, (const char * const *) topics);
  row = g_object_ref_sink (readout_call_row_new ());
  readout_call_row_set_call (READOUT_CALL_ROW (row), call);

  /* Screen readers still hear every topic. */
  description = g_strjoinv (" · ", topics);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  /* The width the row asks for is that of what it laid out, not of 60 topics. */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, <, 1500);

  /* Two lines at 300 px, and at 1,500 px too, where the first part the row laid out
   * fits on one line but the whole does not; on one line where all of it fits. */
  two_lines = height_at (row, 300);
  g_assert_cmpint (height_at (row, 1500), ==, two_lines);
  one_line = height_at (row, 20000);
  g_assert_cmpint (one_line, <, two_lines);
  g_assert_cmpint (height_at (row, 300), ==, two_lines);

  readout_call_row_set_call (READOUT_CALL_ROW (row), NULL);
  g_assert_finalize_object (row);
}

static void
test_search_row (void)
{
  g_autoptr(ReadoutSearchHit) hit = NULL;
  GtkWidget *row;
  GtkLabel *snippet;
  g_autofree char *side = NULL;
  g_autofree char *who = NULL;

  SKIP_WITHOUT_DISPLAY ();

  hit = readout_search_hit_new ();
  readout_search_hit_set_call_participants (hit, "Donald Trump and Vladimir Putin");
  readout_search_hit_set_call_date (hit, "2017-11-21");
  readout_search_hit_set_speaker (hit, "Dmitry Peskov");
  readout_search_hit_set_side (hit, "RU");
  readout_search_hit_set_source_publisher (hit, "TASS");
  /* Text from the store is text: its tags are shown, only the match is bold. */
  readout_search_hit_set_snippet (hit, "the <i>Minsk</i> \x02" "accords\x03 now");

  row = g_object_ref_sink (readout_search_row_new ());
  readout_search_row_set_hit (READOUT_SEARCH_ROW (row), hit);
  assert_shows (row, "Donald Trump and Vladimir Putin");
  assert_shows (row, "21 Nov 2017");
  /* Without a store the side is named from the built-in country names. */
  side = readout_format_side (NULL, "RU");
  who = g_strdup_printf ("Dmitry Peskov · %s · TASS", side);
  assert_shows (row, who);
  snippet = find_label (row, "the <i>Minsk</i> accords now");
  g_assert_nonnull (snippet);
  g_assert_true (gtk_label_get_use_markup (snippet));

  readout_search_hit_set_speaker (hit, NULL);
  readout_search_hit_set_side (hit, "");
  assert_shows (row, "Independent press · TASS");

  readout_search_row_set_hit (READOUT_SEARCH_ROW (row), NULL);
  g_assert_finalize_object (row);
}

static guint
count_call_rows (GtkWidget *root)
{
  guint n = READOUT_IS_CALL_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_call_rows (child);
  return n;
}

static gint64
add_leader (ReadoutStore *store,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();

  readout_leader_set_name (leader, name);
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  return readout_leader_get_id (leader);
}

/* A leader with 500 calls: the list makes rows for what it shows and a few screens
 * more, not for hundreds of calls at once (a GtkListView of GTK 4.8 made 200). */
static void
test_few_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutLeader) putin = NULL;
  gint64 ids[2];
  GtkWidget *window;
  GtkWidget *pane;
  guint n_rows;

  SKIP_WITHOUT_DISPLAY ();

  folder = g_dir_make_tmp ("readout-rows-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "test.db", NULL);
  store = readout_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (readout_store_begin (store, &error));
  ids[0] = add_leader (store, "Vladimir Putin");
  ids[1] = add_leader (store, "Donald Trump");
  for (int i = 0; i < 500; i++)
    {
      g_autoptr(ReadoutCall) call = readout_call_new ();
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", 1990 + i / 28, 1 + i % 12, 1 + i % 28);

      readout_call_set_date (call, date);
      readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
      readout_call_set_participant_ids (call, ids, 2);
      g_assert_true (readout_store_insert_call (store, call, &error));
      g_assert_no_error (error);
    }
  g_assert_true (readout_store_commit (store, &error));
  putin = readout_store_get_leader (store, ids[0], &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  pane = readout_calls_pane_new ();
  gtk_window_set_child (GTK_WINDOW (window), pane);
  readout_calls_pane_set_store (READOUT_CALLS_PANE (pane), store);
  readout_calls_pane_set_leader (READOUT_CALLS_PANE (pane), putin);
  gtk_window_present (GTK_WINDOW (window));
  readout_gui_test_wait_for_frames (window, 2);

  g_assert_cmpuint (g_list_model_get_n_items (readout_calls_pane_get_model (READOUT_CALLS_PANE (pane))), ==, 500);
  n_rows = count_call_rows (pane);
  g_test_message ("%u call rows for 500 calls", n_rows);
  /* 800 pixels show about nine calls. */
  g_assert_cmpuint (n_rows, >=, 9);
  g_assert_cmpuint (n_rows, <=, 40);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  readout_gui_test_remove_store (folder, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The call row is read through its accessible properties: GTK's test context keeps them
   * where the tests' usual GTK_A11Y=none keeps none. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/rows/leader", test_leader_row);
  g_test_add_func ("/rows/call", test_call_row);
  g_test_add_func ("/rows/call-long-topics", test_call_row_long_topics);
  g_test_add_func ("/rows/call-status-icons", test_call_row_status_icons);
  g_test_add_func ("/rows/search", test_search_row);
  g_test_add_func ("/rows/few-rows", test_few_rows);

  return g_test_run ();
}

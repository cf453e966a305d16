// SPDX-License-Identifier: GPL-3.0-or-later
/* Widget tests of the edit forms, delete with Undo, and undo/redo from the window
 * (issue 8). Run under Xvfb; each test is skipped where no display can be opened. */
#define G_LOG_DOMAIN "test-edit"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "readout-gui-test-util.h"
#include "readout-application.h"
#include "readout-call-form.h"
#include "readout-error.h"
#include "readout-leader-form.h"
#include "readout-merge-window.h"
#include "readout-source-fields.h"
#include "readout-source-form.h"
#include "readout-statement-form.h"
#include "readout-topic-form.h"
#include "readout-topics-window.h"
#include "readout-undo-stack.h"
#include "readout-window.h"

static gboolean have_display;

typedef struct {
  char             *folder;
  char             *path;
  ReadoutStore     *store;
  ReadoutUndoStack *stack;
  gint64            putin, trump, abe;
  gint64            call;
  gint64            kremlin, white_house;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) { g_test_skip ("no display can be opened"); return; } \
  } G_STMT_END

static gint64
add_leader (ReadoutStore *store,
            const char   *name,
            const char   *country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();

  readout_leader_set_name (leader, name);
  readout_leader_set_country (leader, country);
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  return readout_leader_get_id (leader);
}

static gint64
add_source (ReadoutStore *store,
            gint64        call_id,
            const char   *publisher,
            const char   *side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutSource) source = readout_source_new ();

  readout_source_set_call_id (source, call_id);
  readout_source_set_publisher (source, publisher);
  readout_source_set_side (source, side);
  readout_source_set_kind (source, READOUT_SOURCE_KIND_READOUT);
  readout_source_set_date (source, "2017-11-21");
  g_assert_true (readout_store_insert_source (store, source, &error));
  g_assert_no_error (error);
  return readout_source_get_id (source);
}

static void
add_statement (ReadoutStore *store,
               gint64        call_id,
               gint64        source_id,
               const char   *side,
               const char   *text,
               int           position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStatement) statement = readout_statement_new ();

  readout_statement_set_call_id (statement, call_id);
  readout_statement_set_source_id (statement, source_id);
  readout_statement_set_side (statement, side);
  readout_statement_set_speaker (statement, side);
  readout_statement_set_kind (statement, READOUT_STATEMENT_KIND_PARAPHRASE);
  readout_statement_set_text (statement, text);
  readout_statement_set_position (statement, position);
  g_assert_true (readout_store_insert_statement (store, statement, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) call = readout_call_new ();
  gint64 ids[2];

  if (!have_display)
    return;

  f->folder = g_dir_make_tmp ("readout-edit-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->folder, "test.db", NULL);
  f->store = readout_store_open (f->path, &error);
  g_assert_no_error (error);

  f->putin = add_leader (f->store, "Vladimir Putin", "RU");
  f->trump = add_leader (f->store, "Donald Trump", "US");
  f->abe = add_leader (f->store, "Shinzo Abe", "JP");

  ids[0] = f->trump;
  ids[1] = f->putin;
  readout_call_set_date (call, "2017-11-21");
  readout_call_set_date_precision (call, READOUT_DATE_PRECISION_DAY);
  readout_call_set_status (call, READOUT_CALL_STATUS_HELD);
  readout_call_set_duration_minutes (call, 60);
  readout_call_set_duration_qualifier (call, READOUT_DURATION_MORE_THAN);
  readout_call_set_participant_ids (call, ids, 2);
  g_assert_true (readout_store_insert_call (f->store, call, &error));
  g_assert_no_error (error);
  f->call = readout_call_get_id (call);

  f->white_house = add_source (f->store, f->call, "White House", "US");
  f->kremlin = add_source (f->store, f->call, "Kremlin", "RU");
  add_statement (f->store, f->call, f->white_house, "US", "The presidents discussed Syria and North Korea.", 0);
  add_statement (f->store, f->call, f->white_house, "US", "They also spoke about terrorism.", 1);
  add_statement (f->store, f->call, f->kremlin, "RU", "Putin stressed the Minsk accords.", 0);

  f->stack = readout_undo_stack_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  g_assert_finalize_object (f->stack);
  g_assert_finalize_object (f->store);

  readout_gui_test_remove_store (f->folder, f->path);
  g_free (f->path);
  g_free (f->folder);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A form, shown, with a reference of the test's own for g_assert_finalize_object. */
static gpointer
show_form (gpointer form)
{
  g_object_ref_sink (form);
  gtk_window_present (GTK_WINDOW (form));
  spin ();
  return form;
}

static void
finish_form (gpointer form)
{
  gtk_window_destroy (GTK_WINDOW (form));
  spin ();
  g_assert_finalize_object (form);
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible label showing @text. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
model_has_action (GMenuModel *model,
                  const char *action)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if ((g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
           g_str_equal (name, action)) || model_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Whether the menu of @button, opened as a user would, offers @action. */
static gboolean
opened_menu_has_action (GtkMenuButton *button,
                        const char    *action)
{
  gboolean found;

  /* The window gives a menu button its menu when it first opens. */
  gtk_menu_button_popup (button);
  found = model_has_action (gtk_menu_button_get_menu_model (button), action);
  gtk_menu_button_popdown (button);
  return found;
}

/* How many main menu buttons (F10's) under @root have made their menu. */
static guint
count_built_main_menus (GtkWidget *root)
{
  guint n = GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)) &&
            gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_built_main_menus (child);
  return n;
}

/* Whether the main menu (of the header bar shown) offers @action. */
static gboolean
menu_has_action (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root) &&
      opened_menu_has_action (GTK_MENU_BUTTON (root), action))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (menu_has_action (child, action))
      return TRUE;
  return FALSE;
}

/* A label with @text that is on screen (a toast waiting in the queue is not). */
static gboolean
shows_mapped (GtkWidget  *root,
              const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_mapped (child, text))
      return TRUE;
  return FALSE;
}

static void
type_into (gpointer    form,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = readout_gui_test_find_row (GTK_WIDGET (form), row_title);

  if (row == NULL)
    g_error ("The form has no row “%s”", row_title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  spin ();
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the form may be saved; the Save button is sensitive exactly then. */
static gboolean
can_save (gpointer form)
{
  gboolean valid = readout_edit_form_get_valid (READOUT_EDIT_FORM (form));
  GtkWidget *save = find_button (GTK_WIDGET (form), "_Save");

  g_assert_nonnull (save);
  g_assert_cmpint (gtk_widget_is_sensitive (save), ==, valid);
  return valid;
}

static void
test_leader_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) leaders = NULL;
  g_autoptr(ReadoutLeader) found = NULL;
  ReadoutLeaderForm *form;

  SKIP_WITHOUT_DISPLAY ();

  leaders = readout_store_list_leaders (f->store, READOUT_LEADER_SORT_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 3);

  form = show_form (readout_leader_form_new (f->stack, NULL));
  g_assert_false (can_save (form));
  /* Save is refused while the form is not valid. */
  g_assert_false (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  g_assert_cmpint (readout_leader_form_get_leader_id (form), ==, 0);

  type_into (form, "Name", "Joe Biden");
  g_assert_true (can_save (form));

  type_into (form, "Start", "2021-02-30");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "There is no such date as 2021-02-30."));

  type_into (form, "Start", "2021-01-20");
  type_into (form, "End", "2020-12-31");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "The term cannot end before it starts."));

  type_into (form, "End", "");
  type_into (form, "Name", "  ");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "A leader needs a name."));

  type_into (form, "Name", "Joe Biden");
  type_into (form, "Aliases, separated by commas", "Biden, the US president, ");
  g_assert_true (can_save (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  spin ();
  g_assert_cmpint (readout_leader_form_get_leader_id (form), >, 0);
  finish_form (form);

  /* The list follows the store by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 4);
  found = readout_store_find_leader (f->store, "the US president", NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (readout_leader_get_name (found), ==, "Joe Biden");
  g_assert_cmpstr (readout_leader_get_term_start (found), ==, "2021-01-20");
  g_assert_true (readout_undo_stack_can_undo (f->stack));
}

/* A leader taken from a list is edited as the store has it now: a colleague's change made
 * after the list was read is neither shown stale nor written over by the form's save. */
static void
test_leader_form_current_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListModel) leaders = NULL;
  g_autoptr(ReadoutLeader) listed = NULL;
  g_autoptr(ReadoutLeader) theirs = NULL;
  g_autoptr(ReadoutLeader) saved = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutLeaderForm *form;

  SKIP_WITHOUT_DISPLAY ();

  leaders = readout_store_list_leaders (f->store, READOUT_LEADER_SORT_NAME, NULL);
  listed = g_list_model_get_item (leaders, 0);
  g_assert_cmpstr (readout_leader_get_name (listed), ==, "Donald Trump");

  theirs = readout_store_get_leader (f->store, readout_leader_get_id (listed), &error);
  g_assert_no_error (error);
  readout_leader_set_name (theirs, "Donald J. Trump");
  g_assert_true (readout_store_update_leader (f->store, theirs, &error));
  g_assert_no_error (error);

  form = show_form (readout_leader_form_new (f->stack, listed));
  type_into (form, "Office", "President of the United States");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  spin ();
  finish_form (form);

  saved = readout_store_get_leader (f->store, readout_leader_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_leader_get_name (saved), ==, "Donald J. Trump");
  g_assert_cmpstr (readout_leader_get_office (saved), ==, "President of the United States");
}

/* The button of @action_name whose target is @id, under @root. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name,
                    gint64      id)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0 &&
      g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root))) == id)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_call_form (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) stored = NULL;
  ReadoutCallForm *form;
  gint64 call_id;

  SKIP_WITHOUT_DISPLAY ();

  calls = readout_store_list_calls (f->store, f->abe, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 0);

  form = show_form (readout_call_form_new (f->stack, NULL, f->abe));
  g_assert_false (can_save (form));
  /* Not an error before the user has started on the form, only once they have. */
  g_assert_false (shows (GTK_WIDGET (form), "A call needs at least two participants."));

  type_into (form, "Date", "2017-01-28");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "A call needs at least two participants."));
  g_assert_true (readout_call_form_add_participant (form, f->trump));
  g_assert_false (readout_call_form_add_participant (form, f->trump));
  g_assert_true (can_save (form));
  g_assert_false (shows (GTK_WIDGET (form), "A call needs at least two participants."));

  type_into (form, "Date", "2017-02-29");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "There is no such date as 2017-02-29."));

  /* The precision says how the date is written. */
  type_into (form, "Date", "2017-01");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "A date known to the day is written YYYY-MM-DD."));
  adw_combo_row_set_selected (ADW_COMBO_ROW (readout_gui_test_find_row (GTK_WIDGET (form), "Date Known To")),
                              READOUT_DATE_PRECISION_MONTH);
  g_assert_true (can_save (form));
  adw_combo_row_set_selected (ADW_COMBO_ROW (readout_gui_test_find_row (GTK_WIDGET (form), "Date Known To")),
                              READOUT_DATE_PRECISION_DAY);
  type_into (form, "Date", "2017-01-28");

  type_into (form, "Start Time (HH:MM, optional)", "25:00");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "Write the start time as HH:MM, from 00:00 to 23:59."));
  type_into (form, "Start Time (HH:MM, optional)", "17:30");
  g_assert_true (can_save (form));

  /* A participant's Remove button removes that participant. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (form), "call-form.remove-participant", f->abe), "clicked");
  g_assert_false (can_save (form));
  g_assert_true (readout_call_form_add_participant (form, f->abe));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  spin ();
  call_id = readout_call_form_get_call_id (form);
  g_assert_cmpint (call_id, >, 0);
  finish_form (form);

  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  stored = readout_store_get_call (f->store, call_id, NULL);
  g_assert_cmpstr (readout_call_get_time (stored), ==, "17:30");
  g_assert_cmpint (readout_call_get_duration_minutes (stored), ==, -1);

  /* Editing keeps what it does not show and changes what it does. */
  form = show_form (readout_call_form_new (f->stack, stored, 0));
  g_assert_true (can_save (form));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_of_type (GTK_WIDGET (form), GTK_TYPE_SPIN_BUTTON)), 35);
  g_assert_true (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  finish_form (form);
  g_clear_object (&stored);
  stored = readout_store_get_call (f->store, call_id, NULL);
  g_assert_cmpint (readout_call_get_duration_minutes (stored), ==, 35);
  g_assert_cmpstr (readout_call_get_date (stored), ==, "2017-01-28");
}

static void
test_source_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutSourceForm *form;

  SKIP_WITHOUT_DISPLAY ();

  sources = readout_store_list_sources (f->store, f->call);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);

  form = show_form (readout_source_form_new (f->stack, NULL, f->call));
  g_assert_false (can_save (form));
  type_into (form, "Title", "Something");
  g_assert_true (shows (GTK_WIDGET (form), "Say who published the source: a government, an agency, a newspaper."));
  type_into (form, "Publisher", "TASS");
  g_assert_true (can_save (form));
  type_into (form, "Date (YYYY-MM-DD, optional)", "21 Nov");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)."));
  type_into (form, "Date (YYYY-MM-DD, optional)", "2017-11-21");
  type_into (form, "Address (URL)", "javascript:alert(1)");
  g_assert_false (can_save (form));
  type_into (form, "Address (URL)", "https://tass.com/politics/977367");
  g_assert_true (can_save (form));
  g_assert_true (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  finish_form (form);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);

  /* The store's own error shows in the form, which stays open: here the call is
   * gone by the time Save is pressed. */
  form = show_form (readout_source_form_new (f->stack, NULL, f->call));
  type_into (form, "Publisher", "Reuters");
  g_assert_true (can_save (form));
  g_assert_true (readout_undo_stack_delete_call (f->stack, f->call, &error));
  g_assert_no_error (error);
  g_assert_false (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  g_assert_nonnull (readout_edit_form_get_error (READOUT_EDIT_FORM (form)));
  g_assert_nonnull (strstr (readout_edit_form_get_error (READOUT_EDIT_FORM (form)), "call"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  finish_form (form);
}

/* The kind of a new source follows its side until the user picks one: no more "Official
 * readout" from the independent press. */
static void
test_source_kind_follows_side (Fixture       *f,
                               gconstpointer  data)
{
  ReadoutSourceForm *form;
  AdwComboRow *kind;
  GtkDropDown *side;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(ReadoutSource) stored = NULL;

  SKIP_WITHOUT_DISPLAY ();

  form = show_form (readout_source_form_new (f->stack, NULL, f->call));
  g_assert_nonnull (find_of_type (GTK_WIDGET (form), READOUT_TYPE_SOURCE_FIELDS));
  kind = ADW_COMBO_ROW (readout_gui_test_find_row (GTK_WIDGET (form), "Kind"));
  side = GTK_DROP_DOWN (find_of_type (GTK_WIDGET (form), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (side), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, READOUT_SOURCE_KIND_NEWS_REPORT);

  gtk_drop_down_set_selected (side, 1);
  spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, READOUT_SOURCE_KIND_READOUT);
  gtk_drop_down_set_selected (side, 0);
  spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, READOUT_SOURCE_KIND_NEWS_REPORT);

  /* Once the user has picked a kind, the side leaves it alone. */
  adw_combo_row_set_selected (kind, READOUT_SOURCE_KIND_BRIEFING);
  gtk_drop_down_set_selected (side, 2);
  spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, READOUT_SOURCE_KIND_BRIEFING);

  type_into (form, "Publisher", "Interfax");
  type_into (form, "Address (URL)", "https://www.interfax.ru/russia/587000");
  g_assert_true (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  stored = readout_store_get_source (f->store, readout_source_form_get_source_id (form), NULL);
  finish_form (form);
  g_assert_cmpstr (readout_source_get_url (stored), ==, "https://www.interfax.ru/russia/587000");
  g_assert_cmpint (readout_source_get_kind (stored), ==, READOUT_SOURCE_KIND_BRIEFING);
  g_assert_nonnull (readout_source_get_side (stored));
}

/* A duration of 0 reads "Not known", and no qualifier ("Exactly") is offered for it. */
static void
test_call_form_unknown_duration (Fixture       *f,
                                 gconstpointer  data)
{
  ReadoutCallForm *form;
  GtkSpinButton *duration;
  GtkWidget *qualifier;

  SKIP_WITHOUT_DISPLAY ();

  form = show_form (readout_call_form_new (f->stack, NULL, f->abe));
  duration = GTK_SPIN_BUTTON (find_of_type (GTK_WIDGET (form), GTK_TYPE_SPIN_BUTTON));
  qualifier = readout_gui_test_find_row (GTK_WIDGET (form), "The Duration Is");
  g_assert_nonnull (qualifier);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (duration), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "Not known");
  g_assert_false (gtk_widget_get_visible (qualifier));

  gtk_spin_button_set_value (duration, 60);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "60");
  g_assert_true (gtk_widget_get_visible (qualifier));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (qualifier))),
                   ==, "Exactly");
  finish_form (form);
}

static void
test_statement_form (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(ReadoutSource) kremlin = NULL;
  g_autoptr(ReadoutStatement) first = NULL;
  ReadoutStatementForm *form;
  GtkTextBuffer *buffer;

  SKIP_WITHOUT_DISPLAY ();

  kremlin = readout_store_get_source (f->store, f->kremlin, NULL);
  statements = readout_store_list_source_statements (f->store, f->kremlin);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 1);

  form = show_form (readout_statement_form_new (f->stack, NULL, kremlin));
  g_assert_false (can_save (form));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_of_type (GTK_WIDGET (form), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "   ", -1);
  spin ();
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "Write down what was said: the quote, or its paraphrase."));
  gtk_text_buffer_set_text (buffer, "The sides discussed the situation in Syria.", -1);
  type_into (form, "Speaker (an institution or a person)", "Dmitry Peskov");
  g_assert_true (can_save (form));
  g_assert_true (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  finish_form (form);

  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 2);
  first = g_list_model_get_item (statements, 1);
  g_assert_cmpstr (readout_statement_get_speaker (first), ==, "Dmitry Peskov");
  /* Side from the source, position after the source's last statement. */
  g_assert_cmpstr (readout_statement_get_side (first), ==, "RU");
  g_assert_cmpint (readout_statement_get_position (first), ==, 1);
}

static void
test_topic_form (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) topics = NULL;
  guint before;
  ReadoutTopicForm *form;

  SKIP_WITHOUT_DISPLAY ();

  topics = readout_store_list_topics (f->store);
  before = g_list_model_get_n_items (topics);

  form = show_form (readout_topic_form_new (f->stack, NULL));
  g_assert_false (can_save (form));
  type_into (form, "Name", "Minsk accords");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "Give at least one keyword, so that statements can be found for the topic."));
  type_into (form, "English", "minsk, ");
  type_into (form, "Russian", "минск*");
  g_assert_true (can_save (form));
  type_into (form, "Name", "");
  g_assert_false (can_save (form));
  g_assert_true (shows (GTK_WIDGET (form), "A topic needs a name."));
  type_into (form, "Name", "Minsk accords");
  g_assert_true (readout_edit_form_save (READOUT_EDIT_FORM (form)));
  finish_form (form);

  /* The statements are tagged in the background; the stack is busy until then. */
  while (readout_undo_stack_get_busy (f->stack))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, before + 1);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (f->stack), ==, "Add Topic");
}

/* A topic row's Delete button deletes that topic: the row names it by its id. */
static void
test_topics_window_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(ReadoutTopic) last = NULL;
  ReadoutTopicsWindow *window;
  guint before;

  SKIP_WITHOUT_DISPLAY ();

  topics = readout_store_list_topics (f->store);
  before = g_list_model_get_n_items (topics);
  g_assert_cmpuint (before, >, 1);
  last = g_list_model_get_item (topics, before - 1);

  window = show_form (readout_topics_window_new (f->stack));
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (window), "topics.delete", readout_topic_get_id (last)),
                         "clicked");
  while (readout_undo_stack_get_busy (f->stack))
    g_main_context_iteration (NULL, TRUE);
  spin ();

  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, before - 1);
  g_assert_cmpstr (readout_undo_stack_get_undo_label (f->stack), ==, "Delete Topic");
  finish_form (window);
}

static guint
count (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *a = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (t, trigger) && GTK_IS_NAMED_ACTION (a) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(ReadoutCall) back = NULL;
  g_autoptr(ReadoutStatement) minsk = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutWindow *window;
  gint64 minsk_id;

  SKIP_WITHOUT_DISPLAY ();

  window = g_object_ref (readout_window_new (NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  readout_window_set_store (window, f->store);
  g_assert_true (readout_window_show_call (window, f->call, 0));
  spin ();

  calls = readout_store_list_calls (f->store, f->putin, 0);
  sources = readout_store_list_sources (f->store, f->call);
  statements = readout_store_list_statements (f->store, f->call);
  g_assert_cmpuint (count (calls), ==, 1);
  g_assert_cmpuint (count (sources), ==, 2);
  g_assert_cmpuint (count (statements), ==, 3);
  minsk = g_list_model_get_item (statements, 0);
  minsk_id = readout_statement_get_id (minsk);
  /* Russia's side comes first (sides by country code). */
  g_assert_cmpstr (readout_statement_get_text (minsk), ==, "Putin stressed the Minsk accords.");

  /* Nothing to undo yet. */
  g_assert_false (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.undo"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-call", "x", f->call);
  spin ();
  g_assert_cmpuint (count (calls), ==, 0);
  g_assert_cmpuint (count (sources), ==, 0);
  g_assert_cmpuint (count (statements), ==, 0);
  g_assert_null (readout_store_get_call (f->store, f->call, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (shows (GTK_WIDGET (window), "Call deleted"));
  g_assert_true (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.undo"));

  /* Undo and Redo are in the main menu too, which is made when it first opens. */
  g_assert_cmpuint (count_built_main_menus (GTK_WIDGET (window)), ==, 0);
  g_assert_true (menu_has_action (GTK_WIDGET (window), "win.undo"));
  g_assert_cmpuint (count_built_main_menus (GTK_WIDGET (window)), ==, 1);
  g_assert_true (menu_has_action (GTK_WIDGET (window), "win.redo"));

  /* Ctrl+Z and Ctrl+Shift+Z are the window's; they bubble, so entries undo their typing first. */
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control>z", "win.undo"));
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Shift><Control>z", "win.redo"));

  /* Undo (the toast's button activates the same action) restores everything, ids included. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  back = readout_store_get_call (f->store, f->call, &error);
  g_assert_no_error (error);
  g_assert_cmpint (readout_call_get_duration_minutes (back), ==, 60);
  g_assert_cmpuint (count (calls), ==, 1);
  g_assert_cmpuint (count (sources), ==, 2);
  g_assert_cmpuint (count (statements), ==, 3);
  g_clear_object (&minsk);
  minsk = readout_store_get_statement (f->store, minsk_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_statement_get_text (minsk), ==, "Putin stressed the Minsk accords.");

  /* Redo deletes it again, undo brings it back again. */
  g_assert_true (readout_gui_test_action_enabled (GTK_WIDGET (window), "win.redo"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();
  g_assert_cmpuint (count (calls), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (count (calls), ==, 1);
  g_assert_cmpuint (count (statements), ==, 3);

  /* A source and a statement delete with undo too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-source", "x", f->kremlin);
  spin ();
  g_assert_cmpuint (count (sources), ==, 1);
  g_assert_cmpuint (count (statements), ==, 2);
  /* Its toast shows at once, not behind those of the undos and redos before it. */
  g_assert_true (shows_mapped (GTK_WIDGET (window), "Source deleted"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (count (sources), ==, 2);
  g_assert_cmpuint (count (statements), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_clear_object (&calls);
  g_clear_object (&sources);
  g_clear_object (&statements);
  g_assert_finalize_object (window);
}

/* The merge window the window's action opened. */
static ReadoutMergeWindow *
find_merge_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (READOUT_IS_MERGE_WINDOW (toplevel))
        return READOUT_MERGE_WINDOW (toplevel);
    }
  return NULL;
}

/* A visible label whose text contains @text. */
static gboolean
shows_containing (GtkWidget  *root,
                  const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_containing (child, text))
      return TRUE;
  return FALSE;
}

static void
click_merge (ReadoutMergeWindow *merge)
{
  GtkWidget *button = find_button (GTK_WIDGET (merge), "_Merge");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* Merging two leaders, then two calls, through the window's actions and the merge
 * window; errors stay in the merge window; Undo takes each merge back. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutCall) announced = readout_call_new ();
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(ReadoutLeader) kept = NULL;
  ReadoutMergeWindow *merge;
  ReadoutWindow *window;
  gint64 again, ids[2];

  SKIP_WITHOUT_DISPLAY ();

  again = add_leader (f->store, "V. V. Putin", "RU");
  ids[0] = f->trump;
  ids[1] = again;
  readout_call_set_date (announced, "2017-11-20");
  readout_call_set_date_precision (announced, READOUT_DATE_PRECISION_DAY);
  readout_call_set_status (announced, READOUT_CALL_STATUS_ANNOUNCED);
  readout_call_set_participant_ids (announced, ids, 2);
  g_assert_true (readout_store_insert_call (f->store, announced, &error));
  g_assert_no_error (error);
  add_source (f->store, readout_call_get_id (announced), "TASS", "RU");

  window = g_object_ref (readout_window_new (NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  readout_window_set_store (window, f->store);
  spin ();

  /* V. V. Putin into Donald Trump is refused: they spoke to each other. The store's
   * reason shows in the merge window, which stays open. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-leader", "x", again);
  spin ();
  merge = find_merge_window ();
  g_assert_nonnull (merge);
  g_object_add_weak_pointer (G_OBJECT (merge), (gpointer *) &merge);
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (merge), "_Merge")));
  g_assert_false (readout_merge_window_choose (merge, again));
  g_assert_true (readout_merge_window_choose (merge, f->trump));
  click_merge (merge);
  g_assert_nonnull (merge);
  g_assert_true (shows_containing (GTK_WIDGET (merge), "took part in the same call"));
  g_assert_nonnull (readout_store_get_leader (f->store, again, NULL));

  g_assert_true (readout_merge_window_choose (merge, f->putin));
  g_assert_false (shows_containing (GTK_WIDGET (merge), "took part in the same call"));
  g_assert_true (shows (GTK_WIDGET (merge),
                        "The calls and aliases of V. V. Putin move to Vladimir Putin, and “V. V. Putin” "
                        "becomes one of Vladimir Putin’s aliases. V. V. Putin is then removed."));
  click_merge (merge);
  g_assert_null (merge);
  g_assert_null (readout_store_get_leader (f->store, again, NULL));
  kept = readout_store_get_leader (f->store, f->putin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_leader_get_call_count (kept), ==, 2);
  g_assert_true (g_strv_contains (readout_leader_get_aliases (kept), "V. V. Putin"));
  g_assert_true (shows (GTK_WIDGET (window), "V. V. Putin merged"));

  /* Undo puts him back with his call; redo merges again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_clear_object (&kept);
  kept = readout_store_get_leader (f->store, again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_leader_get_call_count (kept), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  spin ();
  g_assert_null (readout_store_get_leader (f->store, again, NULL));

  /* The announced call of 20 November is the call of the 21st: its source moves. */
  g_assert_true (readout_window_show_call (window, readout_call_get_id (announced), 0));
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-call", "x", readout_call_get_id (announced));
  spin ();
  merge = find_merge_window ();
  g_assert_nonnull (merge);
  g_object_add_weak_pointer (G_OBJECT (merge), (gpointer *) &merge);
  g_assert_true (readout_merge_window_choose (merge, f->call));
  g_assert_nonnull (strstr (readout_merge_window_get_explanation (merge), "21 November 2017"));
  click_merge (merge);
  g_assert_null (merge);
  g_assert_null (readout_store_get_call (f->store, readout_call_get_id (announced), NULL));
  sources = readout_store_list_sources (f->store, f->call);
  g_assert_cmpuint (count (sources), ==, 3);
  /* (Its toast waits behind the ones before it.) */

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (count (sources), ==, 2);
  g_assert_nonnull (readout_store_get_call (f->store, readout_call_get_id (announced), NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_clear_object (&sources);
  g_assert_finalize_object (window);
}

/* READOUT_OPEN_FORM (a debug hook, -Ddebug-hooks=true) opens the form it names once the
 * window shows a store, through the same action a menu item activates. */
static void
test_open_form_hook (Fixture       *f,
                     gconstpointer  data)
{
#ifdef READOUT_DEBUG_HOOKS
  g_autofree char *description = g_strdup_printf ("leader:%" G_GINT64_FORMAT, f->abe);
  GtkWidget *form = NULL;
  ReadoutWindow *window;
  GListModel *toplevels;

  SKIP_WITHOUT_DISPLAY ();

  g_setenv ("READOUT_OPEN_FORM", description, TRUE);
  window = g_object_ref (readout_window_new (NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));
  readout_window_set_store (window, f->store);
  spin ();
  g_unsetenv ("READOUT_OPEN_FORM");

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && form == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (READOUT_IS_LEADER_FORM (toplevel))
        form = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (readout_gui_test_find_row (form, "Name"))), ==, "Shinzo Abe");

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
#else
  g_test_skip ("built without -Ddebug-hooks=true");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("readout-test-edit-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);

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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/edit/leader-form", test_leader_form);
  ADD ("/edit/leader-form-current-row", test_leader_form_current_row);
  ADD ("/edit/call-form", test_call_form);
  ADD ("/edit/source-form", test_source_form);
  ADD ("/edit/source-kind-follows-side", test_source_kind_follows_side);
  ADD ("/edit/call-form-unknown-duration", test_call_form_unknown_duration);
  ADD ("/edit/statement-form", test_statement_form);
  ADD ("/edit/topic-form", test_topic_form);
  ADD ("/edit/topics-window-delete", test_topics_window_delete);
  ADD ("/edit/delete-undo-redo", test_delete_undo);
  ADD ("/edit/merge", test_merge);
  ADD ("/edit/open-form-hook", test_open_form_hook);

  return g_test_run ();
}

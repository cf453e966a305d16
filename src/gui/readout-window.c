// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "readout-application.h"
#include "readout-call-detail.h"
#include "readout-calls-pane.h"
#include "readout-compare-page.h"
#include "readout-editor.h"
#include "readout-gui-util.h"
#include "readout-import-actions.h"
#include "readout-inbox-button.h"
#include "readout-leaders-pane.h"
#include "readout-sample.h"
#include "readout-search-pane.h"
#include "readout-window.h"
#include "readout-timeline-window.h"

struct _ReadoutWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  ReadoutInboxButton   *inbox_button;
  AdwLeaflet           *outer_leaflet;
  AdwLeaflet           *inner_leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *sidebar_separator;
  GtkWidget            *show_leaders_button;
  GtkWidget            *calls_menu_button;
  GtkLabel             *welcome_hint;
  AdwHeaderBar         *sidebar_header;
  AdwWindowTitle       *sidebar_title;
  GtkWidget            *calls_box;
  AdwHeaderBar         *calls_header;
  GtkWidget            *calls_back_button;
  AdwWindowTitle       *calls_title;
  GtkStack             *middle_stack;
  GtkWidget            *detail_box;
  AdwHeaderBar         *detail_header;
  GtkWidget            *detail_back_button;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  ReadoutLeadersPane   *leaders_pane;
  ReadoutCallsPane     *calls_pane;
  ReadoutSearchPane    *search_pane;
  ReadoutCallDetail    *call_detail;
  ReadoutComparePage   *compare_page;

  GSettings            *settings;
  ReadoutStore         *store;
  GtkNativeDialog      *file_chooser;
  ReadoutEditor        *editor;
  /* leader id -> the id of the call last chosen among theirs, for coming back to it */
  GHashTable           *last_calls;

  /* READOUT_BENCH: timings of the first frame and of selecting the busiest leader. */
  gulong                bench_paint_handler;
  int                   bench_stage;
  gint64                bench_mark;
  guint                 bench_leader_calls;
};

G_DEFINE_FINAL_TYPE (ReadoutWindow, readout_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void bench_start (ReadoutWindow *self);

static void
show_error (ReadoutWindow *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, error->message);

  /* The message is the store's own sentence: what is wrong and what to do. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_default_store_path (const char *path)
{
  g_autofree char *default_path = readout_store_dup_default_path ();

  return g_strcmp0 (path, default_path) == 0;
}

static void
update_navigation (ReadoutWindow *self)
{
  gboolean outer_folded = adw_leaflet_get_folded (self->outer_leaflet);
  gboolean inner_folded = adw_leaflet_get_folded (self->inner_leaflet);

  /* Window buttons go on the headers at the window's edges, whichever are shown. */
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, outer_folded);
  adw_header_bar_set_show_start_title_buttons (self->calls_header, outer_folded);
  adw_header_bar_set_show_end_title_buttons (self->calls_header, inner_folded);
  adw_header_bar_set_show_start_title_buttons (self->detail_header, outer_folded && inner_folded);

  gtk_widget_set_visible (self->calls_back_button, outer_folded);
  gtk_widget_set_visible (self->detail_back_button, inner_folded);

  /* One pane at a time: a click on a leader or a call opens it, as Enter does. */
  readout_leaders_pane_set_single_click (self->leaders_pane, outer_folded);
  readout_calls_pane_set_single_click (self->calls_pane, inner_folded);
}

static gboolean
is_comparing (ReadoutWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "compare") == 0;
}

static void
on_folded_changed_cb (ReadoutWindow *self)
{
  /* Narrowing the window while comparing stays on the comparison. */
  if (is_comparing (self) && readout_call_detail_get_call (self->call_detail) != NULL)
    {
      adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->inner_leaflet));
      adw_leaflet_set_visible_child (self->inner_leaflet, self->detail_box);
    }
  update_navigation (self);
}

/* Another program may write to the store (readout-cli import): while the window is in
 * front, the store looks for that and announces it as ::changed, like our own edits. */
static void
on_is_active_changed_cb (ReadoutWindow *self)
{
  if (self->store != NULL)
    readout_store_set_watching (self->store, gtk_window_is_active (GTK_WINDOW (self)));
}

static void
show_content (ReadoutWindow *self,
              GtkWidget     *inner_child)
{
  adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->inner_leaflet));
  adw_leaflet_set_visible_child (self->inner_leaflet, inner_child);
}

static void
save_selection (ReadoutWindow *self)
{
  ReadoutLeader *leader = readout_calls_pane_get_leader (self->calls_pane);
  ReadoutCall *call = readout_call_detail_get_call (self->call_detail);

  if (self->settings == NULL || self->store == NULL)
    return;

  g_settings_set_int64 (self->settings, "last-leader-id", leader != NULL ? readout_leader_get_id (leader) : 0);
  g_settings_set_int64 (self->settings, "last-call-id", call != NULL ? readout_call_get_id (call) : 0);
}

/* The middle pane's header: the search, or the calls of the leader chosen. */
static void
update_calls_title (ReadoutWindow *self)
{
  ReadoutLeader *leader = readout_calls_pane_get_leader (self->calls_pane);
  gboolean searching = g_strcmp0 (gtk_stack_get_visible_child_name (self->middle_stack), "search") == 0;

  adw_window_title_set_title (self->calls_title, searching ? _("Search") : _("Calls"));
  adw_window_title_set_subtitle (self->calls_title,
                                 !searching && leader != NULL ? readout_leader_get_name (leader) : NULL);
}

static void
on_leader_selected_cb (ReadoutWindow *self)
{
  ReadoutLeader *leader = readout_leaders_pane_get_selected_leader (self->leaders_pane);

  /* Clearing the filter or re-sorting drops the selection for a moment; keep the
   * calls of the leader last chosen rather than flashing an empty pane. */
  if (leader == NULL)
    return;

  readout_calls_pane_set_leader (self->calls_pane, leader);
  readout_editor_set_leader (self->editor, readout_leader_get_id (leader));
  update_calls_title (self);
  /* Arrowing away from a leader and back finds the call that was chosen there. */
  if (readout_calls_pane_get_selected_call (self->calls_pane) == NULL)
    {
      gpointer call_id = g_hash_table_lookup (self->last_calls, &(gint64) { readout_leader_get_id (leader) });

      if (call_id != NULL)
        readout_calls_pane_select_call (self->calls_pane, *(gint64 *) call_id);
    }
  save_selection (self);
}

static void
on_leader_activated_cb (ReadoutWindow *self)
{
  gtk_stack_set_visible_child_name (self->middle_stack, "calls");
  show_content (self, self->calls_box);
  readout_calls_pane_focus_list (self->calls_pane);
}

/* The call on the Call and Compare pages. The narrow header names it, where the view
 * switcher gives way to a title: "Trump – Putin", 21 Nov 2017. */
static void
show_call_in_detail (ReadoutWindow *self,
                     ReadoutCall   *call)
{
  const char * const *participants = call != NULL ? readout_call_get_participant_names (call) : NULL;
  g_autofree char *names = participants != NULL
                           ? readout_gui_short_names (participants, g_strv_length ((char **) participants))
                           : NULL;
  g_autofree char *date = call != NULL ? readout_gui_format_short_date (readout_call_get_date (call),
                                                                        readout_call_get_date_precision (call))
                                       : NULL;

  readout_call_detail_set_call (self->call_detail, call);
  readout_compare_page_set_call (self->compare_page, call);
  adw_view_switcher_title_set_title (self->switcher_title, names != NULL && *names != '\0' ? names : _("Call"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, date);
}

static void
remember_call (ReadoutWindow *self,
               ReadoutCall   *call)
{
  ReadoutLeader *leader = readout_calls_pane_get_leader (self->calls_pane);

  if (call != NULL && leader != NULL && readout_call_has_participant (call, readout_leader_get_id (leader)))
    g_hash_table_insert (self->last_calls,
                         g_memdup2 (&(gint64) { readout_leader_get_id (leader) }, sizeof (gint64)),
                         g_memdup2 (&(gint64) { readout_call_get_id (call) }, sizeof (gint64)));
}

static void
on_call_selected_cb (ReadoutWindow *self)
{
  ReadoutCall *call = readout_calls_pane_get_selected_call (self->calls_pane);

  /* A search hit shows its call without selecting it in the calls list; only a
   * new selection replaces it. */
  if (call == NULL && gtk_stack_get_visible_child (self->middle_stack) != GTK_WIDGET (self->calls_pane))
    return;

  show_call_in_detail (self, call);
  remember_call (self, call);
  save_selection (self);
}

static void
on_call_activated_cb (ReadoutWindow *self)
{
  GtkWidget *page;

  show_content (self, self->detail_box);
  /* Into the page, not onto the first button of its header bar (Export). */
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (adw_leaflet_get_folded (self->inner_leaflet) && page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
on_hit_activated_cb (ReadoutWindow *self,
                     gint64         call_id,
                     gint64         statement_id)
{
  readout_window_show_call (self, call_id, statement_id);
}

static void
set_search_mode (ReadoutWindow *self,
                 gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "search-mode");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (enabled));
  gtk_stack_set_visible_child_name (self->middle_stack, enabled ? "search" : "calls");
  update_calls_title (self);

  if (enabled)
    {
      show_content (self, self->calls_box);
      readout_search_pane_focus_entry (self->search_pane);
    }
  else
    readout_calls_pane_focus_list (self->calls_pane);
}

static void
on_search_closed_cb (ReadoutWindow *self)
{
  set_search_mode (self, FALSE);
}

static void
on_compare_show_statement_cb (ReadoutWindow *self,
                              gint64         statement_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "call");
  readout_call_detail_reveal_statement (self->call_detail, statement_id);
}

static void
restore_selection (ReadoutWindow *self,
                   gint64         leader_id,
                   gint64         call_id)
{
  if (leader_id == 0 || !readout_window_select_leader (self, leader_id))
    return;

  if (call_id != 0)
    readout_calls_pane_select_call (self->calls_pane, call_id);
}

void
readout_window_set_store (ReadoutWindow *self,
                          ReadoutStore  *store)
{
  gint64 last_leader = 0;
  gint64 last_call = 0;
  gboolean restore = FALSE;

  g_return_if_fail (READOUT_IS_WINDOW (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (self->store == store)
    return;

  /* Read the remembered place before the panes reset (and save) the selection. */
  if (self->settings != NULL && store != NULL)
    {
      g_autofree char *last_store = g_settings_get_string (self->settings, "last-store");
      const char *path = readout_store_get_path (store);

      restore = g_strcmp0 (last_store, path) == 0 ||
                (*last_store == '\0' && is_default_store_path (path));
      last_leader = g_settings_get_int64 (self->settings, "last-leader-id");
      last_call = g_settings_get_int64 (self->settings, "last-call-id");
    }

  if (self->store != NULL)
    readout_store_set_watching (self->store, FALSE);
  g_set_object (&self->store, store);
  on_is_active_changed_cb (self);

  readout_editor_set_store (self->editor, store);
  readout_call_detail_set_store (self->call_detail, store);
  readout_compare_page_set_store (self->compare_page, store);
  readout_calls_pane_set_store (self->calls_pane, store);
  readout_search_pane_set_store (self->search_pane, store);
  readout_leaders_pane_set_store (self->leaders_pane, store);
  readout_inbox_button_set_store (self->inbox_button, store);
  adw_window_title_set_subtitle (self->calls_title, NULL);
  g_hash_table_remove_all (self->last_calls);
  set_search_mode (self, FALSE);

  if (store != NULL)
    {
      g_autofree char *basename = g_path_get_basename (readout_store_get_path (store));

      adw_window_title_set_subtitle (self->sidebar_title, basename);
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_box);
      adw_leaflet_set_visible_child (self->inner_leaflet, self->calls_box);

      if (self->settings != NULL)
        {
          const char *path = readout_store_get_path (store);

          g_settings_set_string (self->settings, "last-store",
                                 is_default_store_path (path) ? "" : path);
        }

      if (restore)
        restore_selection (self, last_leader, last_call);

      /* Rather than an empty middle pane, start with the first leader's calls. */
      if (readout_leaders_pane_get_selected_leader (self->leaders_pane) == NULL)
        {
          GListModel *leaders = readout_leaders_pane_get_model (self->leaders_pane);
          g_autoptr(ReadoutLeader) first = leaders != NULL ? g_list_model_get_item (leaders, 0) : NULL;

          if (first != NULL)
            readout_leaders_pane_select_leader (self->leaders_pane, readout_leader_get_id (first));
        }

      readout_leaders_pane_focus_list (self->leaders_pane);

      if (g_getenv ("READOUT_BENCH") != NULL)
        bench_start (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
    }
}

ReadoutStore *
readout_window_get_store (ReadoutWindow *self)
{
  g_return_val_if_fail (READOUT_IS_WINDOW (self), NULL);

  return self->store;
}

ReadoutUndoStack *
readout_window_get_undo_stack (ReadoutWindow *self)
{
  g_return_val_if_fail (READOUT_IS_WINDOW (self), NULL);

  return readout_editor_get_undo_stack (self->editor);
}

gboolean
readout_window_open_path (ReadoutWindow *self,
                          const char    *path)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = readout_store_open (path, &error);
  if (store == NULL)
    {
      show_error (self, _("Could Not Open the Store"), error);
      return FALSE;
    }

  readout_window_set_store (self, store);
  return TRUE;
}

gboolean
readout_window_create_store (ReadoutWindow *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* No output ever replaces a store, even where the file chooser asked to. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      name = g_filename_display_basename (path);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” is there already. Choose another name, or open it with Open Store."),
                   name);
      show_error (self, _("Could Not Create the Store"), error);
      return FALSE;
    }
  return readout_window_open_path (self, path);
}

/* A first look at the sample data shows its most recent call and what each side said.
 * (The sample is small, so finding that leader's row costs nothing.) */
static void
show_latest_call (ReadoutWindow *self,
                  ReadoutStore  *store)
{
  g_autoptr(GListModel) by_last_call = readout_store_list_leaders (store, READOUT_LEADER_SORT_LAST_CALL, NULL);
  g_autoptr(ReadoutLeader) latest = g_list_model_get_item (by_last_call, 0);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) newest = NULL;

  if (latest == NULL || !readout_window_select_leader (self, readout_leader_get_id (latest)))
    return;
  calls = readout_store_list_calls (store, readout_leader_get_id (latest), 0);
  newest = g_list_model_get_item (calls, 0);
  if (newest != NULL)
    readout_calls_pane_select_call (self->calls_pane, readout_call_get_id (newest));
}

gboolean
readout_window_open_sample (ReadoutWindow *self)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);

  store = readout_sample_open (&error);
  if (store == NULL)
    {
      show_error (self, _("Could Not Open the Sample Data"), error);
      return FALSE;
    }

  readout_window_set_store (self, store);
  show_latest_call (self, store);
  return TRUE;
}

void
readout_window_open_last (ReadoutWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (READOUT_IS_WINDOW (self));

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-store");

  if (path == NULL || *path == '\0')
    {
      g_free (path);
      path = readout_store_dup_default_path ();
    }

  /* A store that is gone is no error: the user moved or deleted it. Start afresh
   * rather than creating an empty store behind their back. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      readout_window_set_store (self, NULL);
      return;
    }

  if (!readout_window_open_path (self, path))
    readout_window_set_store (self, NULL);
}

gboolean
readout_window_select_leader (ReadoutWindow *self,
                              gint64         leader_id)
{
  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);

  if (readout_leaders_pane_select_leader (self->leaders_pane, leader_id))
    return TRUE;

  /* The filter may hide the leader: clear it and look again. */
  readout_leaders_pane_set_filter (self->leaders_pane, NULL);
  return readout_leaders_pane_select_leader (self->leaders_pane, leader_id);
}

gboolean
readout_window_show_call (ReadoutWindow *self,
                          gint64         call_id,
                          gint64         statement_id)
{
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  call = readout_store_get_call (self->store, call_id, &error);
  if (call == NULL)
    {
      show_error (self, _("Could Not Show the Call"), error);
      return FALSE;
    }

  /* Outside the search, show the call among the calls of its first participant,
   * unless the calls pane already lists it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->middle_stack), "calls") == 0 &&
      !readout_calls_pane_select_call (self->calls_pane, call_id))
    {
      ReadoutLeader *leader = readout_calls_pane_get_leader (self->calls_pane);
      guint n_ids = 0;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);

      if (n_ids > 0 && (leader == NULL || !readout_call_has_participant (call, readout_leader_get_id (leader))))
        readout_window_select_leader (self, ids[0]);
    }

  if (!readout_calls_pane_select_call (self->calls_pane, call_id))
    {
      readout_calls_pane_unselect (self->calls_pane);
      show_call_in_detail (self, call);
      save_selection (self);
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "call");
  show_content (self, self->detail_box);

  if (statement_id != 0)
    readout_call_detail_reveal_statement (self->call_detail, statement_id);

  return TRUE;
}

void
readout_window_add_toast (ReadoutWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
readout_window_show_view (ReadoutWindow *self,
                          const char    *name)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  show_content (self, self->detail_box);
}

void
readout_window_search (ReadoutWindow *self,
                       const char    *query)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  set_search_mode (self, TRUE);
  readout_search_pane_set_query (self->search_pane, query);
}

/* Actions */

/* The local file a store chooser was answered with, or NULL. */
static char *
dup_chosen_path (GtkNativeDialog *dialog,
                 int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             ReadoutWindow   *self)
{
  g_autofree char *path = dup_chosen_path (dialog, response);

  if (path != NULL)
    readout_window_open_path (self, path);
  g_clear_object (&self->file_chooser);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ReadoutWindow *self = user_data;
  g_autoptr(GtkFileFilter) stores = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  gtk_file_filter_set_name (stores, _("Readout Stores"));
  gtk_file_filter_add_mime_type (stores, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (stores, "application/x-sqlite3");
  gtk_file_filter_add_suffix (stores, "db");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->file_chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Open Store"),
                                                                       GTK_WINDOW (self),
                                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                       _("_Open"),
                                                                       _("_Cancel")));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), stores);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), all);
  gtk_native_dialog_set_modal (self->file_chooser, TRUE);
  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (self->file_chooser);
}

static void
on_new_store_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          ReadoutWindow   *self)
{
  g_autofree char *path = dup_chosen_path (dialog, response);

  if (path != NULL)
    readout_window_create_store (self, path);
  gtk_native_dialog_destroy (dialog);
  g_object_set_data (G_OBJECT (self), "readout-new-store-chooser", NULL);
}

static void
new_store_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ReadoutWindow *self = user_data;
  GtkFileChooserNative *chooser = g_object_get_data (G_OBJECT (self), "readout-new-store-chooser");

  if (chooser == NULL)
    {
      chooser = gtk_file_chooser_native_new (_("New Store"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Create"), _("_Cancel"));
      /* Translators: the file name a new store is offered; keep the .db */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Calls.db"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect_object (chooser, "response", G_CALLBACK (on_new_store_response_cb), self, 0);
      /* The window keeps the chooser until it answers. */
      g_object_set_data_full (G_OBJECT (self), "readout-new-store-chooser", chooser, g_object_unref);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  readout_window_open_sample (READOUT_WINDOW (user_data));
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ReadoutWindow *self = user_data;

  if (self->store != NULL)
    set_search_mode (self, TRUE);
}

static void
search_mode_changed (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  set_search_mode (READOUT_WINDOW (user_data), g_variant_get_boolean (state));
}

static void
go_back_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ReadoutWindow *self = user_data;

  if (adw_leaflet_get_folded (self->inner_leaflet) &&
      adw_leaflet_get_visible_child (self->inner_leaflet) == self->detail_box)
    adw_leaflet_set_visible_child (self->inner_leaflet, self->calls_box);
  else if (adw_leaflet_get_folded (self->outer_leaflet) &&
           adw_leaflet_get_visible_child (self->outer_leaflet) == GTK_WIDGET (self->inner_leaflet))
    adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_box);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->middle_stack), "search") == 0)
    set_search_mode (self, FALSE);
}

/* Ctrl+E and Ctrl+P act on the page the call detail shows: the call or the comparison. */
static void
activate_page_action (ReadoutWindow *self,
                      const char    *name)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (self->store != NULL && page != NULL)
    gtk_widget_activate_action (page, name, NULL);
}

static void
export_pdf_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  activate_page_action (READOUT_WINDOW (user_data), "page.export-pdf");
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  activate_page_action (READOUT_WINDOW (user_data), "page.print");
}

/* A topic tag of a call was clicked: the calls list shows the leader's calls on it. */
static void
filter_topic_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ReadoutWindow *self = user_data;

  readout_calls_pane_set_topic (self->calls_pane, g_variant_get_string (parameter, NULL));
  on_leader_activated_cb (self);
}

/* Calls over time opens in a window of its own, on the selected leader's timeline. */
static void
on_timeline_call_activated_cb (ReadoutWindow *self,
                               gint64         call_id)
{
  readout_window_show_call (self, call_id, 0);
  gtk_window_present (GTK_WINDOW (self));
}

/* "List These Calls" on the timeline: the leader's calls of that period. */
static void
on_timeline_period_activated_cb (ReadoutWindow *self,
                                 gint64         leader_id,
                                 const char    *first,
                                 const char    *last)
{
  if (!readout_window_select_leader (self, leader_id))
    return;
  readout_calls_pane_set_period (self->calls_pane, first, last);
  set_search_mode (self, FALSE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
show_timeline_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ReadoutWindow *self = user_data;
  ReadoutLeader *leader;
  ReadoutTimelineWindow *window;

  if (self->store == NULL)
    return;
  leader = readout_calls_pane_get_leader (self->calls_pane);
  window = readout_timeline_window_new (GTK_WINDOW (self), self->store,
                                        leader != NULL ? readout_leader_get_id (leader) : 0);
  g_signal_connect_object (window, "call-activated", G_CALLBACK (on_timeline_call_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "period-activated", G_CALLBACK (on_timeline_period_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry win_actions[] = {
  { .name = "new-store", .activate = new_store_activated },
  { .name = "open", .activate = open_activated },
  { .name = "open-sample", .activate = open_sample_activated },
  { .name = "search", .activate = search_activated },
  { .name = "search-mode", .state = "false", .change_state = search_mode_changed },
  { .name = "go-back", .activate = go_back_activated },
  { .name = "export-pdf", .activate = export_pdf_activated },
  { .name = "print", .activate = print_activated },
  { .name = "filter-topic", .parameter_type = "s", .activate = filter_topic_activated },
  { .name = "show-timeline", .activate = show_timeline_activated },
};

/* Settings */

static void
restore_window_state (ReadoutWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_set_size_request (self->sidebar_box,
                               CLAMP (g_settings_get_int (self->settings, "sidebar-width"), 240, 480), -1);
  gtk_widget_set_size_request (self->calls_box,
                               CLAMP (g_settings_get_int (self->settings, "calls-pane-width"), 280, 560), -1);

  g_settings_bind (self->settings, "leader-sort", self->leaders_pane, "sort", G_SETTINGS_BIND_DEFAULT);
}

static void
save_window_state (ReadoutWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The size to come back to is the unmaximized one. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
readout_window_close_request (GtkWindow *window)
{
  save_window_state (READOUT_WINDOW (window));

  return GTK_WINDOW_CLASS (readout_window_parent_class)->close_request (window);
}

/* READOUT_BENCH=1: print how long the first frame and selecting the busiest leader
 * took, then quit. Startup is measured from the exec of the process. */

static double
ms_since (gint64 mark)
{
  return (g_get_monotonic_time () - mark) / 1000.0;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         ReadoutWindow *self)
{
  if (self->bench_stage == 0)
    {
      GListModel *leaders = readout_leaders_pane_get_model (self->leaders_pane);
      guint n_leaders = leaders != NULL ? g_list_model_get_n_items (leaders) : 0;
      double exec_ms = readout_application_get_exec_to_main_ms ();
      double main_ms = ms_since (readout_application_get_start_time ());
      guint busiest = 0, most = 0;

      g_print ("bench: leaders listed: %u\n", n_leaders);
      g_print ("bench: exec to main: %.1f ms\n", exec_ms);
      g_print ("bench: main to first frame: %.1f ms\n", main_ms);
      if (exec_ms >= 0)
        g_print ("bench: exec to first frame: %.1f ms\n", exec_ms + main_ms);

      /* Not timed: finding the busiest leader reads every row on purpose. */
      for (guint i = 0; i < n_leaders; i++)
        {
          g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);

          if (leader != NULL && readout_leader_get_call_count (leader) > most)
            {
              most = readout_leader_get_call_count (leader);
              busiest = i;
            }
        }

      if (n_leaders == 0)
        {
          g_print ("bench: RSS: %ld KiB\n", rss_kib ());
          self->bench_stage = 2;
        }
      else
        {
          g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, busiest);

          self->bench_leader_calls = most;
          self->bench_stage = 1;
          self->bench_mark = g_get_monotonic_time ();
          /* As a click does: by position, not by a search for the id. */
          readout_leaders_pane_select_position (self->leaders_pane, busiest);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
  else if (self->bench_stage == 1)
    {
      GListModel *calls = readout_calls_pane_get_model (self->calls_pane);

      g_print ("bench: select busiest leader (%u calls, %u listed) to frame: %.1f ms\n",
               self->bench_leader_calls, calls != NULL ? g_list_model_get_n_items (calls) : 0,
               ms_since (self->bench_mark));
      g_print ("bench: RSS: %ld KiB\n", rss_kib ());
      self->bench_stage = 2;
    }

  if (self->bench_stage == 2)
    {
      g_clear_signal_handler (&self->bench_paint_handler, clock);
      g_idle_add_once ((GSourceOnceFunc) gtk_window_destroy, self);
    }
}

static void
bench_start (ReadoutWindow *self)
{
  if (self->bench_paint_handler != 0)
    return;

  /* The frame clock exists once the window is realized. */
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    gtk_widget_realize (GTK_WIDGET (self));

  self->bench_stage = 0;
  self->bench_paint_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                                "after-paint",
                                                G_CALLBACK (on_bench_after_paint_cb), self);
}

/* GObject */

static void
readout_window_constructed (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);
  g_autoptr(GPropertyAction) sort_action = NULL;
  g_autofree char *hint = NULL;

  G_OBJECT_CLASS (readout_window_parent_class)->constructed (object);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);
  hint = readout_gui_import_hint ();
  gtk_label_set_text (self->welcome_hint, hint);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  readout_import_actions_install (self);
  self->editor = readout_editor_new (GTK_WINDOW (self), self->toast_overlay);
  sort_action = g_property_action_new ("leader-sort", self->leaders_pane, "sort");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sort_action));

  restore_window_state (self);
  update_navigation (self);
  readout_window_set_store (self, NULL);
}

static void
readout_window_dispose (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

  if (self->bench_paint_handler != 0 && gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_clear_signal_handler (&self->bench_paint_handler, gtk_widget_get_frame_clock (GTK_WIDGET (self)));

  /* The property action holds the leaders pane; let it go with the window. */
  g_action_map_remove_action (G_ACTION_MAP (self), "leader-sort");

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_WINDOW);
  /* After the panes: their last selection changes still reach it. */
  g_clear_object (&self->editor);

  if (self->store != NULL)
    readout_store_set_watching (self->store, FALSE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (readout_window_parent_class)->dispose (object);
}

static void
readout_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Comparing needs the width for two columns: on a window too narrow for that beside
 * three panes, the leaders step aside while Compare shows and come back with the Call
 * page. A folded (narrow) window shows one pane at a time anyway. */
#define WIDTH_FOR_COMPARE_BESIDE_LEADERS 1400

static void
on_view_changed_cb (ReadoutWindow *self)
{
  gboolean comparing, roomy, show;

  /* Pages change while the window is torn down; leave its panes alone then. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  comparing = is_comparing (self);
  roomy = gtk_widget_get_width (GTK_WIDGET (self)) >= WIDTH_FOR_COMPARE_BESIDE_LEADERS;
  show = !comparing || roomy || adw_leaflet_get_folded (self->outer_leaflet);
  if (gtk_widget_get_visible (self->sidebar_box) == show)
    return;

  /* Hiding the leaflet's visible child would make it pick and animate to another. */
  if (!show && adw_leaflet_get_visible_child (self->outer_leaflet) == self->sidebar_box)
    adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->inner_leaflet));
  gtk_widget_set_visible (self->sidebar_box, show);
  gtk_widget_set_visible (self->sidebar_separator, show);
  /* What the leaders' header bar held stays within reach. */
  gtk_widget_set_visible (self->show_leaders_button, !show);
  gtk_widget_set_visible (self->calls_menu_button, !show);
}

static void
on_show_leaders_clicked_cb (ReadoutWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "call");
}

static void
readout_window_finalize (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

  g_clear_pointer (&self->last_calls, g_hash_table_unref);

  G_OBJECT_CLASS (readout_window_parent_class)->finalize (object);
}

static void
readout_window_class_init (ReadoutWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = readout_window_constructed;
  object_class->dispose = readout_window_dispose;
  object_class->finalize = readout_window_finalize;
  object_class->get_property = readout_window_get_property;
  object_class->set_property = readout_window_set_property;

  window_class->close_request = readout_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (READOUT_TYPE_LEADERS_PANE);
  g_type_ensure (READOUT_TYPE_INBOX_BUTTON);
  g_type_ensure (READOUT_TYPE_CALLS_PANE);
  g_type_ensure (READOUT_TYPE_SEARCH_PANE);
  g_type_ensure (READOUT_TYPE_CALL_DETAIL);
  g_type_ensure (READOUT_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, welcome_hint);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, inbox_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, outer_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, show_leaders_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_leaders_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_header);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_back_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_title);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, middle_stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, detail_header);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, detail_back_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, leaders_pane);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_pane);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, search_pane);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, call_detail);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, compare_page);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leader_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leader_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_call_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_call_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_show_statement_cb);

  /* Back in the narrow layout; the leaflets also take Alt+Left and the back button
   * of a mouse, but only while the pointer or focus is inside them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  /* Bubbling up from the focus: a text entry pastes into itself first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-import", NULL);
}

static void
readout_window_init (ReadoutWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_calls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);
}

ReadoutWindow *
readout_window_new (GtkApplication *application,
                    GSettings      *settings)
{
  return g_object_new (READOUT_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

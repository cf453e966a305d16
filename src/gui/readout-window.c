// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "readout-db.h"
#include "readout-db-location.h"
#include "readout-gui-util.h"
#include "readout-store-connection.h"
#include "readout-sample.h"
#include "readout-window-private.h"

G_DEFINE_FINAL_TYPE (ReadoutWindow, readout_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_SEARCH_MODE,
  PROP_LEADER_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_readout_window_show_error (ReadoutWindow *self,
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
 * front, the store looks for that and announces it as ::changed, like our own edits. A
 * team store is watched behind other windows too: a colleague's edit shows at once, and
 * the server tells (a socket, no polling). */
static void
on_is_active_changed_cb (ReadoutWindow *self)
{
  if (self->store != NULL)
    readout_store_set_watching (self->store,
                                gtk_window_is_active (GTK_WINDOW (self)) ||
                                readout_db_location_is_postgresql (readout_store_get_path (self->store)));
}

void
_readout_window_show_content (ReadoutWindow *self,
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

void
_readout_window_focus_calls (ReadoutWindow *self)
{
  gtk_stack_set_visible_child_name (self->middle_stack, "calls");
  _readout_window_show_content (self, self->calls_box);
  readout_calls_pane_focus_list (self->calls_pane);
}

static void
on_leader_activated_cb (ReadoutWindow *self)
{
  _readout_window_focus_calls (self);
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

  _readout_window_show_content (self, self->detail_box);
  /* Into the page, not onto the first button of its header bar (Export). */
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (adw_leaflet_get_folded (self->inner_leaflet) && page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

void
_readout_window_set_search_mode (ReadoutWindow *self,
                                 gboolean       enabled)
{
  enabled = !!enabled;
  if (self->search_mode != enabled)
    {
      self->search_mode = enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
    }
  gtk_stack_set_visible_child_name (self->middle_stack, enabled ? "search" : "calls");
  update_calls_title (self);

  if (enabled)
    {
      _readout_window_show_content (self, self->calls_box);
      readout_search_pane_focus_entry (self->search_pane);
    }
  else
    readout_calls_pane_focus_list (self->calls_pane);
}

static void
on_search_closed_cb (ReadoutWindow *self)
{
  _readout_window_set_search_mode (self, FALSE);
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

/* What the banner says about the store as a whole; the edit actions are off already
 * (readout-window-edit.c). A lost connection says more than read-only. */
static void
update_store_banner (ReadoutWindow *self)
{
  if (self->store != NULL && readout_store_is_connection_lost (self->store))
    readout_store_banner_show (self->store_banner,
                               _("The connection to the team store was lost; what you see may be out of date."),
                               _("_Reconnect"));
  else if (self->store != NULL && readout_store_is_read_only (self->store))
    readout_store_banner_show (self->store_banner,
                               readout_db_location_is_postgresql (readout_store_get_path (self->store))
                                 ? _("You can read this team store but not change it.")
                                 : _("You can read this store but not change it: the file is read-only."),
                               NULL);
  else
    readout_store_banner_hide (self->store_banner);
}

/* A team store's server can go away at any time; the lists' own reads fail quietly
 * (empty), so the window looks once a second and says so. */
static gboolean
connection_watch_cb (gpointer user_data)
{
  ReadoutWindow *self = user_data;

  if (self->store != NULL && readout_store_is_connection_lost (self->store))
    update_store_banner (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_connection (ReadoutWindow *self)
{
  g_clear_handle_id (&self->connection_watch_id, g_source_remove);
  if (self->store != NULL && readout_db_location_is_postgresql (readout_store_get_path (self->store)))
    self->connection_watch_id = g_timeout_add_seconds (1, connection_watch_cb, self);
}

static void
on_store_banner_button_clicked_cb (ReadoutWindow *self)
{
  g_autofree char *location = NULL;

  if (self->store == NULL)
    return;
  /* A new connection to the same place; the password comes from the session or the keyring. */
  location = g_strdup (readout_store_get_path (self->store));
  readout_window_open_path (self, location);
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

  _readout_window_edit_set_store (self, store);
  /* The panes follow through their bindings (readout_window_init). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  adw_window_title_set_subtitle (self->calls_title, NULL);
  g_hash_table_remove_all (self->last_calls);
  _readout_window_set_search_mode (self, FALSE);

  update_store_banner (self);
  watch_connection (self);
  if (store != NULL)
    {
      /* A file's name, or a team store's user@host/database. */
      g_autofree char *name = readout_db_location_dup_display_name (readout_store_get_path (store));

      adw_window_title_set_subtitle (self->sidebar_title, name);
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

#ifdef READOUT_DEBUG_HOOKS
      _readout_window_debug_store_shown (self);
#endif
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

gboolean
readout_window_open_path (ReadoutWindow *self,
                          const char    *path)
{
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (readout_db_location_check (path, &error))
    store = readout_store_open (path, &error);
  if (store == NULL)
    {
      _readout_window_show_error (self, _("Could Not Open the Store"), error);
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
      _readout_window_show_error (self, _("Could Not Create the Store"), error);
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
      _readout_window_show_error (self, _("Could Not Open the Sample Data"), error);
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
  if (!readout_db_location_is_postgresql (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
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
      _readout_window_show_error (self, _("Could Not Show the Call"), error);
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
  _readout_window_show_content (self, self->detail_box);

  if (statement_id != 0)
    readout_call_detail_reveal_statement (self->call_detail, statement_id);

  return TRUE;
}

void
_readout_window_add_toast (ReadoutWindow *self,
                           AdwToast      *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
readout_window_show_view (ReadoutWindow *self,
                          const char    *name)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  _readout_window_show_content (self, self->detail_box);
}

void
readout_window_search (ReadoutWindow *self,
                       const char    *query)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  _readout_window_set_search_mode (self, TRUE);
  readout_search_pane_set_query (self->search_pane, query);
}

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

/* GObject */

static void
readout_window_constructed (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);
  g_autofree char *hint = NULL;

  G_OBJECT_CLASS (readout_window_parent_class)->constructed (object);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->welcome_page, APPLICATION_ID);
  hint = readout_gui_import_hint ();
  gtk_label_set_text (self->welcome_hint, hint);

  restore_window_state (self);
  update_navigation (self);
  readout_window_set_store (self, NULL);
}

static void
readout_window_dispose (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

#ifdef READOUT_DEBUG_HOOKS
  _readout_window_debug_dispose (self);
#endif
  _readout_window_import_dispose (self);
  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (self->open_chooser);
  g_clear_object (&self->open_chooser);
  if (self->new_store_chooser != NULL)
    gtk_native_dialog_destroy (self->new_store_chooser);
  g_clear_object (&self->new_store_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_WINDOW);
  /* After the panes: their last selection changes still reach the edit part. */
  _readout_window_edit_dispose (self);

  if (self->store != NULL)
    readout_store_set_watching (self->store, FALSE);
  g_clear_handle_id (&self->connection_watch_id, g_source_remove);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_LEADER_SORT:
      g_value_set_enum (value, self->leader_sort);
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
    case PROP_STORE:
      readout_window_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_MODE:
      _readout_window_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_LEADER_SORT:
      if (self->leader_sort != (ReadoutLeaderSort) g_value_get_enum (value))
        {
          self->leader_sort = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
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

/* The window's menu buttons and their menus (ids in readout-window.ui), given to each
 * button when it first opens. */
static const struct {
  const char *button;
  const char *menu;
} menu_buttons[] = {
  { "welcome_menu_button", "primary_menu" },
  { "leaders_menu_button", "primary_menu" },
  { "calls_menu_button", "primary_menu" },
  { "sort_menu_button", "sort_menu" },
  { "detail_menu_button", "detail_menu" },
};

/* Lets template_child () find the menu buttons and menus the struct has no field for. */
static void
bind_menu_buttons (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
    {
      /* calls_menu_button is bound to its field in class_init. */
      if (!g_str_equal (menu_buttons[i].button, "calls_menu_button"))
        gtk_widget_class_bind_template_child_full (widget_class, menu_buttons[i].button, FALSE, 0);
      /* Each menu once. */
      if (i == 0 || !g_str_equal (menu_buttons[i].menu, menu_buttons[i - 1].menu))
        gtk_widget_class_bind_template_child_full (widget_class, menu_buttons[i].menu, FALSE, 0);
    }
}

static GObject *
template_child (ReadoutWindow *self,
                const char    *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), READOUT_TYPE_WINDOW, name);
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
  /* The panes' stores are bound to it (readout_window_init). */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The calls pane shows the search: the state of win.search-mode. */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The leaders pane's order, for win.leader-sort and the sort menu. */
  properties[PROP_LEADER_SORT] =
    g_param_spec_enum ("leader-sort", NULL, NULL,
                       READOUT_TYPE_LEADER_SORT, READOUT_LEADER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (READOUT_TYPE_LEADERS_PANE);
  g_type_ensure (READOUT_TYPE_INBOX_BUTTON);
  g_type_ensure (READOUT_TYPE_CALLS_PANE);
  g_type_ensure (READOUT_TYPE_SEARCH_PANE);
  g_type_ensure (READOUT_TYPE_CALL_DETAIL);
  g_type_ensure (READOUT_TYPE_COMPARE_PAGE);
  g_type_ensure (READOUT_TYPE_STORE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, store_banner);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, welcome_hint);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, inbox_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, outer_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, show_leaders_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, calls_menu_button);
  bind_menu_buttons (widget_class);
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
  gtk_widget_class_bind_template_callback (widget_class, on_search_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_show_statement_cb);

  _readout_window_class_actions_init (widget_class);
  _readout_window_class_edit_init (widget_class);
  _readout_window_class_import_init (widget_class);
}

static void
readout_window_init (ReadoutWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_calls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_object_bind_property (self->leaders_pane, "sort", self, "leader-sort",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* In the order the window once set them by hand: the detail pages let go of the old
   * call before the lists reload and select again. */
  g_object_bind_property (self, "store", self->call_detail, "store", G_BINDING_DEFAULT);
  g_object_bind_property (self, "store", self->compare_page, "store", G_BINDING_DEFAULT);
  g_object_bind_property (self, "store", self->calls_pane, "store", G_BINDING_DEFAULT);
  g_object_bind_property (self, "store", self->search_pane, "store", G_BINDING_DEFAULT);
  g_object_bind_property (self, "store", self->leaders_pane, "store", G_BINDING_DEFAULT);
  g_object_bind_property (self, "store", self->inbox_button, "store", G_BINDING_DEFAULT);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);
  g_signal_connect_object (self->store_banner, "button-clicked",
                           G_CALLBACK (on_store_banner_button_clicked_cb), self, G_CONNECT_SWAPPED);
  _readout_window_edit_init (self);
  _readout_window_import_init (self);
  for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
    readout_gui_menu_button_set_menu_on_open (GTK_MENU_BUTTON (template_child (self, menu_buttons[i].button)),
                                              G_MENU_MODEL (template_child (self, menu_buttons[i].menu)));
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

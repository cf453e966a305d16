// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-connect-dialog.h"
#include "readout-timeline-window.h"
#include "readout-window-private.h"

/* The window's own actions: stores, search, navigation, the page actions, the timeline.
 * They are the class's (gtk_widget_class_install_action), so a widget anywhere inside
 * the window reaches them with gtk_widget_activate_action (). */

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
  g_clear_object (&self->open_chooser);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  g_autoptr(GtkFileFilter) stores = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->open_chooser != NULL)
    {
      gtk_native_dialog_show (self->open_chooser);
      return;
    }

  gtk_file_filter_set_name (stores, _("Readout Stores"));
  gtk_file_filter_add_mime_type (stores, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (stores, "application/x-sqlite3");
  gtk_file_filter_add_suffix (stores, "db");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->open_chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Open Store"),
                                                                       GTK_WINDOW (self),
                                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                       _("_Open"),
                                                                       _("_Cancel")));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), stores);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), all);
  gtk_native_dialog_set_modal (self->open_chooser, TRUE);
  g_signal_connect (self->open_chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (self->open_chooser);
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
  g_clear_object (&self->new_store_chooser);
}

static void
new_store_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);

  if (self->new_store_chooser == NULL)
    {
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("New Store"), GTK_WINDOW (self),
                                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                   _("_Create"), _("_Cancel"));
      /* Translators: the file name a new store is offered; keep the .db */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Calls.db"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect_object (chooser, "response", G_CALLBACK (on_new_store_response_cb), self, 0);
      /* The window keeps the chooser until it answers. */
      self->new_store_chooser = GTK_NATIVE_DIALOG (chooser);
    }
  gtk_native_dialog_show (self->new_store_chooser);
}

static void
on_team_store_connected_cb (ReadoutWindow *self,
                            ReadoutStore  *store)
{
  readout_window_set_store (self, store);
}

static void
connect_team_store_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  ReadoutConnectDialog *dialog = readout_connect_dialog_new (GTK_WINDOW (self), self->settings);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_team_store_connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_sample_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  readout_window_open_sample (READOUT_WINDOW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);

  if (self->store != NULL)
    _readout_window_set_search_mode (self, TRUE);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);

  if (adw_leaflet_get_folded (self->inner_leaflet) &&
      adw_leaflet_get_visible_child (self->inner_leaflet) == self->detail_box)
    adw_leaflet_set_visible_child (self->inner_leaflet, self->calls_box);
  else if (adw_leaflet_get_folded (self->outer_leaflet) &&
           adw_leaflet_get_visible_child (self->outer_leaflet) == GTK_WIDGET (self->inner_leaflet))
    adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_box);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->middle_stack), "search") == 0)
    _readout_window_set_search_mode (self, FALSE);
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
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  activate_page_action (READOUT_WINDOW (widget), "page.export-pdf");
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  activate_page_action (READOUT_WINDOW (widget), "page.print");
}

/* A topic tag of a call was clicked: the calls list shows the leader's calls on it. */
static void
filter_topic_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);

  readout_calls_pane_set_topic (self->calls_pane, g_variant_get_string (parameter, NULL));
  _readout_window_focus_calls (self);
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
  _readout_window_set_search_mode (self, FALSE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
show_timeline_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
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

/* win.show-call((xx)): a call and, unless 0, the statement to reveal in it. */
static void
show_call_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 call_id, statement_id;

  g_variant_get (parameter, "(xx)", &call_id, &statement_id);
  readout_window_show_call (READOUT_WINDOW (widget), call_id, statement_id);
}

static void
select_leader_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  readout_window_select_leader (READOUT_WINDOW (widget), g_variant_get_int64 (parameter));
}

void
_readout_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-store", NULL, new_store_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.connect-team-store", NULL, connect_team_store_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_property_action (widget_class, "win.search-mode", "search-mode");
  gtk_widget_class_install_property_action (widget_class, "win.leader-sort", "leader-sort");
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.filter-topic", "s", filter_topic_activated);
  gtk_widget_class_install_action (widget_class, "win.show-timeline", NULL, show_timeline_activated);
  gtk_widget_class_install_action (widget_class, "win.show-call", "(xx)", show_call_activated);
  gtk_widget_class_install_action (widget_class, "win.select-leader", "x", select_leader_activated);

  /* Back in the narrow layout; the leaflets also take Alt+Left and the back button
   * of a mouse, but only while the pointer or focus is inside them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}

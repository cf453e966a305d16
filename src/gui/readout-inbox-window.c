// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-inbox-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-feed-check.h"
#include "readout-feeds-window.h"
#include "readout-import-window.h"
#include "readout-inbox-window.h"

struct _ReadoutInboxWindow
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *title;
  GtkStack           *stack;
  GtkListBox         *list;
  GtkWidget          *check_button;

  ReadoutStore       *store;
  ReadoutFeedWatcher *watcher;   /* nullable: a read-only store is not checked */
  ReadoutImporter    *importer;
  GPtrArray          *items;     /* ReadoutFeedItem, one a row */
};

G_DEFINE_FINAL_TYPE (ReadoutInboxWindow, readout_inbox_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ReadoutInboxWindow *self);

static ReadoutFeedItem *
item_of_widget (ReadoutInboxWindow *self,
                GtkWidget          *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  return index >= 0 && (guint) index < self->items->len ? g_ptr_array_index (self->items, index) : NULL;
}

static void
set_state (ReadoutInboxWindow   *self,
           gint64                item_id,
           ReadoutFeedItemState  state)
{
  g_autoptr(GError) error = NULL;

  if (!readout_store_set_feed_item_state (self->store, item_id, state, &error))
    g_warning ("%s", error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_dismiss_clicked_cb (GtkWidget          *button,
                       ReadoutInboxWindow *self)
{
  ReadoutFeedItem *item = item_of_widget (self, button);

  if (item != NULL)
    set_state (self, item->id, READOUT_FEED_ITEM_DISMISSED);
}

static void
on_imported_cb (ReadoutImportWindow *import_window,
                gint64               call_id,
                guint                n_sources,
                guint                n_statements,
                ReadoutInboxWindow  *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (import_window), "readout-inbox-item"));

  set_state (self, item_id, READOUT_FEED_ITEM_FILED);
}

static void
on_row_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     ReadoutInboxWindow *self)
{
  ReadoutFeedItem *item = item_of_widget (self, GTK_WIDGET (row));
  ReadoutImportWindow *import_window;
  ReadoutExtraction *extraction;

  if (item == NULL)
    return;
  import_window = readout_import_window_new (GTK_WINDOW (self), self->store);
  /* The import window is the item's only handle; filing it files the item. */
  g_object_set_data (G_OBJECT (import_window), "readout-inbox-item", GSIZE_TO_POINTER (item->id));
  g_signal_connect_object (import_window, "imported", G_CALLBACK (on_imported_cb), self, 0);
  extraction = readout_feed_item_extract (self->importer, item, NULL);
  /* The store's leaders changed since the check and no call is found now: read the page again. */
  if (extraction != NULL)
    readout_import_window_add_extraction (import_window, extraction, item->title != NULL ? item->title : item->url);
  else
    readout_import_window_add_url (import_window, item->url);
  gtk_window_present (GTK_WINDOW (import_window));
}

static GtkWidget *
row_new (ReadoutInboxWindow *self,
         ReadoutFeedItem    *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autoptr(GUri) uri = item->url != NULL ? g_uri_parse (item->url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", item->published != NULL ? item->published : "",
                                               item->published != NULL && uri != NULL ? " · " : "",
                                               uri != NULL ? g_uri_get_host (uri) : "");

  /* Titles come from the web: text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title != NULL ? item->title : item->url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  return row;
}

static void
reload (ReadoutInboxWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = readout_store_list_inbox (self->store, &error);
  if (self->items == NULL)
    {
      g_warning ("%s", error->message);
      self->items = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_append (self->list, row_new (self, g_ptr_array_index (self->items, i)));

  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u readout to review", "%u readouts to review",
                                           self->items->len), self->items->len);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_sensitive (self->check_button,
                            self->watcher != NULL && !readout_feed_watcher_is_busy (self->watcher));
}

static void
on_checked_cb (ReadoutInboxWindow *self)
{
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_check_clicked_cb (ReadoutInboxWindow *self)
{
  readout_feed_watcher_check_now (self->watcher);
  gtk_widget_set_sensitive (self->check_button, FALSE);
}

static void
on_feeds_clicked_cb (ReadoutInboxWindow *self)
{
  gtk_window_present (GTK_WINDOW (readout_feeds_window_new (GTK_WINDOW (self), self->store)));
}

static GtkWidget *
header_new (ReadoutInboxWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *feeds = gtk_button_new_from_icon_name ("application-rss+xml-symbolic");

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Inbox"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->check_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (self->check_button, _("Check the Feeds Now"));
  g_signal_connect_object (self->check_button, "clicked", G_CALLBACK (on_check_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->check_button);
  gtk_widget_set_tooltip_text (feeds, _("Followed Feeds"));
  g_signal_connect_object (feeds, "clicked", G_CALLBACK (on_feeds_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), feeds);
  return header;
}

static GtkWidget *
content_new (ReadoutInboxWindow *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mail-unread-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Readouts to Review"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("New call readouts from the feeds you follow appear here."));
  gtk_stack_add_named (self->stack, empty, "empty");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "list");
  return GTK_WIDGET (self->stack);
}

static void
readout_inbox_window_dispose (GObject *object)
{
  ReadoutInboxWindow *self = READOUT_INBOX_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->importer);
  g_clear_object (&self->watcher);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (readout_inbox_window_parent_class)->dispose (object);
}

static void
readout_inbox_window_class_init (ReadoutInboxWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = readout_inbox_window_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
readout_inbox_window_init (ReadoutInboxWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), header_new (self));
  gtk_box_append (GTK_BOX (box), content_new (self));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Inbox"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
}

ReadoutInboxWindow *
readout_inbox_window_new (GtkWindow          *parent,
                          ReadoutStore       *store,
                          ReadoutFeedWatcher *watcher)
{
  ReadoutInboxWindow *self;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_INBOX_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->importer = readout_importer_new (store);
  if (watcher != NULL)
    {
      self->watcher = g_object_ref (watcher);
      g_signal_connect_object (watcher, "checked", G_CALLBACK (on_checked_cb), self, G_CONNECT_SWAPPED);
    }
  reload (self);
  return self;
}

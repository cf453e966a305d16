// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-feeds-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-feeds-window.h"
#include "readout-store-feeds.h"
#include "readout-web-fetch.h"

struct _ReadoutFeedsWindow
{
  AdwWindow     parent_instance;

  GtkEntry     *entry;
  GtkLabel     *message;
  GtkListBox   *list;

  ReadoutStore *store;
  GPtrArray    *feeds;   /* ReadoutFeed, one a row */
};

G_DEFINE_FINAL_TYPE (ReadoutFeedsWindow, readout_feeds_window, ADW_TYPE_WINDOW)

static void reload (ReadoutFeedsWindow *self);

static void
show_message (ReadoutFeedsWindow *self,
              const char         *message)
{
  gtk_label_set_text (self->message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
on_remove_clicked_cb (GtkWidget          *button,
                      ReadoutFeedsWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
  g_autoptr(GError) error = NULL;

  if (index < 0 || (guint) index >= self->feeds->len)
    return;
  if (!readout_store_remove_feed (self->store, ((ReadoutFeed *) g_ptr_array_index (self->feeds, index))->url, &error))
    show_message (self, error->message);
  reload (self);
}

static char *
describe_feed (const ReadoutFeed *feed)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (feed->last_error != NULL)
    return g_strdup (feed->last_error);
  if (feed->checked_at == NULL || (checked = g_date_time_new_from_iso8601 (feed->checked_at, NULL)) == NULL)
    return g_strdup_printf (_("%s — not checked yet"), feed->url);
  local = g_date_time_to_local (checked);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  /* Translators: a feed's address and the time of its last check */
  return g_strdup_printf (_("%s — checked %s"), feed->url, when);
}

static GtkWidget *
row_new (ReadoutFeedsWindow *self,
         const ReadoutFeed  *feed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe_feed (feed);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), feed->title != NULL ? feed->title : feed->url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (feed->last_error != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Stop Following"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload (ReadoutFeedsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  self->feeds = readout_store_list_feeds (self->store, &error);
  if (self->feeds == NULL)
    {
      show_message (self, error->message);
      self->feeds = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->feeds->len; i++)
    gtk_list_box_append (self->list, row_new (self, g_ptr_array_index (self->feeds, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->feeds->len > 0);
}

static void
on_follow_cb (ReadoutFeedsWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(GError) error = NULL;

  if (!readout_web_check_address (url, &error) || readout_store_add_feed (self->store, url, &error) == 0)
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  reload (self);
}

static GtkWidget *
add_box_new (ReadoutFeedsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *follow = gtk_button_new_with_mnemonic (_("_Follow"));

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Address of an RSS or Atom feed"));
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_URL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_follow_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (follow, "suggested-action");
  g_signal_connect_object (follow, "clicked", G_CALLBACK (on_follow_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), follow);
  return box;
}

static GtkWidget *
content_new (ReadoutFeedsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), add_box_new (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
readout_feeds_window_dispose (GObject *object)
{
  ReadoutFeedsWindow *self = READOUT_FEEDS_WINDOW (object);

  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (readout_feeds_window_parent_class)->dispose (object);
}

static void
readout_feeds_window_class_init (ReadoutFeedsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = readout_feeds_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
readout_feeds_window_init (ReadoutFeedsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Followed Feeds"), NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content_new (self));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Followed Feeds"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 440);
}

ReadoutFeedsWindow *
readout_feeds_window_new (GtkWindow    *parent,
                          ReadoutStore *store)
{
  ReadoutFeedsWindow *self;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_FEEDS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

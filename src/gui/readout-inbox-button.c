// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-inbox-button"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-feed-watcher.h"
#include "readout-inbox-button.h"
#include "readout-inbox-window.h"
#include "readout-store-feeds.h"

struct _ReadoutInboxButton
{
  GtkWidget           parent_instance;

  GtkWidget          *overlay;
  GtkLabel           *badge;
  ReadoutStore       *store;
  ReadoutFeedWatcher *watcher;
  guint               count;
};

G_DEFINE_FINAL_TYPE (ReadoutInboxButton, readout_inbox_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
readout_inbox_button_refresh (ReadoutInboxButton *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (READOUT_IS_INBOX_BUTTON (self));

  self->count = self->store != NULL ? readout_store_count_inbox (self->store) : 0;
  text = g_strdup_printf ("%u", self->count);
  gtk_label_set_text (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->count > 0);
  tooltip = self->count > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Inbox: %u readout to review", "Inbox: %u readouts to review",
                                    self->count), self->count)
    : g_strdup (_("Inbox"));
  gtk_widget_set_tooltip_text (self->overlay, tooltip);
}

guint
readout_inbox_button_get_count (ReadoutInboxButton *self)
{
  g_return_val_if_fail (READOUT_IS_INBOX_BUTTON (self), 0);
  return self->count;
}

static void
on_clicked_cb (ReadoutInboxButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ReadoutInboxWindow *window;

  if (self->store == NULL)
    return;
  window = readout_inbox_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->watcher);
  g_signal_connect_object (window, "changed", G_CALLBACK (readout_inbox_button_refresh), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

void
readout_inbox_button_set_store (ReadoutInboxButton *self,
                                ReadoutStore       *store)
{
  g_return_if_fail (READOUT_IS_INBOX_BUTTON (self));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  if (self->watcher != NULL)
    g_object_run_dispose (G_OBJECT (self->watcher));
  g_clear_object (&self->watcher);
  /* A store that is read-only cannot record what its feeds offered. */
  if (store != NULL && !readout_store_is_read_only (store))
    {
      self->watcher = readout_feed_watcher_new (store);
      g_signal_connect_object (self->watcher, "checked", G_CALLBACK (readout_inbox_button_refresh), self,
                               G_CONNECT_SWAPPED);
    }
  readout_inbox_button_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
readout_inbox_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReadoutInboxButton *self = READOUT_INBOX_BUTTON (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_inbox_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReadoutInboxButton *self = READOUT_INBOX_BUTTON (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_inbox_button_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_inbox_button_dispose (GObject *object)
{
  ReadoutInboxButton *self = READOUT_INBOX_BUTTON (object);

  if (self->watcher != NULL)
    g_object_run_dispose (G_OBJECT (self->watcher));
  g_clear_object (&self->watcher);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  G_OBJECT_CLASS (readout_inbox_button_parent_class)->dispose (object);
}

static void
readout_inbox_button_class_init (ReadoutInboxButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_inbox_button_dispose;
  object_class->get_property = readout_inbox_button_get_property;
  object_class->set_property = readout_inbox_button_set_property;

  /* Bound to the window's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "inboxbutton");
}

static void
readout_inbox_button_init (ReadoutInboxButton *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("mail-unread-symbolic");

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inbox"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_clicked_cb), self, G_CONNECT_SWAPPED);

  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "inbox-badge");
  gtk_widget_set_halign (GTK_WIDGET (self->badge), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->badge), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->badge));
}

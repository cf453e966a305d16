// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-fetch-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-fetch-progress.h"

struct _ReadoutFetchProgress
{
  AdwBin          parent_instance;

  GtkProgressBar *bar;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ReadoutFetchProgress, readout_fetch_progress, ADW_TYPE_BIN)

static void
on_cancel_clicked_cb (ReadoutFetchProgress *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
readout_fetch_progress_dispose (GObject *object)
{
  ReadoutFetchProgress *self = READOUT_FETCH_PROGRESS (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (readout_fetch_progress_parent_class)->dispose (object);
}

static void
readout_fetch_progress_class_init (ReadoutFetchProgressClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = readout_fetch_progress_dispose;
}

static void
readout_fetch_progress_init (ReadoutFetchProgress *self)
{
}

GtkWidget *
readout_fetch_progress_new (const char   *url,
                            GCancellable *cancellable)
{
  ReadoutFetchProgress *self = g_object_new (READOUT_TYPE_FETCH_PROGRESS, NULL);
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  /* The description is markup; an address is full of ampersands. */
  g_autofree char *escaped = g_markup_escape_text (url, -1);

  self->cancellable = g_object_ref (cancellable);
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->bar, TRUE);
  gtk_progress_bar_set_text (self->bar, _("Connecting…"));
  gtk_widget_set_size_request (GTK_WIDGET (self->bar), 280, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->bar), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (box), cancel);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "network-server-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Downloading the Page…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), escaped);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), box);
  adw_bin_set_child (ADW_BIN (self), page);
  return GTK_WIDGET (self);
}

void
readout_fetch_progress_set (ReadoutFetchProgress *self,
                            guint64               received,
                            guint64               total)
{
  g_autofree char *size = g_format_size (received);
  g_autofree char *text = NULL;

  g_return_if_fail (READOUT_IS_FETCH_PROGRESS (self));

  if (total > 0)
    gtk_progress_bar_set_fraction (self->bar, MIN (1.0, (double) received / (double) total));
  else
    gtk_progress_bar_pulse (self->bar);
  /* Translators: %s is an amount of data, "120.5 kB" */
  text = g_strdup_printf (_("%s received"), size);
  gtk_progress_bar_set_text (self->bar, text);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-banner"

#include "config.h"

#include "readout-store-banner.h"

struct _ReadoutStoreBanner
{
  AdwBin      parent_instance;

  char       *title;   /* NULL while hidden */
#if ADW_CHECK_VERSION (1, 3, 0)
  AdwBanner  *banner;
#else
  GtkRevealer *revealer;
  GtkLabel   *label;
  GtkButton  *button;
#endif
};

G_DEFINE_FINAL_TYPE (ReadoutStoreBanner, readout_store_banner, ADW_TYPE_BIN)

enum {
  SIGNAL_BUTTON_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_button_clicked_cb (ReadoutStoreBanner *self)
{
  g_signal_emit (self, signals[SIGNAL_BUTTON_CLICKED], 0);
}

void
readout_store_banner_show (ReadoutStoreBanner *self,
                           const char         *title,
                           const char         *button_label)
{
  g_return_if_fail (READOUT_IS_STORE_BANNER (self));
  g_return_if_fail (title != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_banner_set_title (self->banner, title);
  adw_banner_set_button_label (self->banner, button_label);
  adw_banner_set_revealed (self->banner, TRUE);
#else
  gtk_label_set_text (self->label, title);
  if (button_label != NULL)
    gtk_button_set_label (self->button, button_label);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
#endif
}

void
readout_store_banner_hide (ReadoutStoreBanner *self)
{
  g_return_if_fail (READOUT_IS_STORE_BANNER (self));

  g_clear_pointer (&self->title, g_free);
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_banner_set_revealed (self->banner, FALSE);
#else
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
#endif
}

gboolean
readout_store_banner_is_shown (ReadoutStoreBanner *self)
{
  g_return_val_if_fail (READOUT_IS_STORE_BANNER (self), FALSE);

  return self->title != NULL;
}

const char *
readout_store_banner_get_title (ReadoutStoreBanner *self)
{
  g_return_val_if_fail (READOUT_IS_STORE_BANNER (self), NULL);

  return self->title;
}

static void
readout_store_banner_finalize (GObject *object)
{
  ReadoutStoreBanner *self = READOUT_STORE_BANNER (object);

  g_free (self->title);

  G_OBJECT_CLASS (readout_store_banner_parent_class)->finalize (object);
}

static void
readout_store_banner_class_init (ReadoutStoreBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_store_banner_finalize;

  signals[SIGNAL_BUTTON_CLICKED] =
    g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

#if ADW_CHECK_VERSION (1, 3, 0)
static void
build (ReadoutStoreBanner *self)
{
  self->banner = ADW_BANNER (adw_banner_new (""));
  g_signal_connect_swapped (self->banner, "button-clicked", G_CALLBACK (on_button_clicked_cb), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->banner));
}
#else
/* libadwaita 1.2 has no AdwBanner: a bar in the same colours (style.css, .store-banner). */
static void
build (ReadoutStoreBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "store-banner");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.5);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (on_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}
#endif

static void
readout_store_banner_init (ReadoutStoreBanner *self)
{
  build (self);
}

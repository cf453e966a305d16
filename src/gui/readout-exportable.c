// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-exportable"

#include "config.h"

#include "readout-export.h"
#include "readout-exportable.h"

G_DEFINE_INTERFACE (ReadoutExportable, readout_exportable, GTK_TYPE_WIDGET)

static void
readout_exportable_default_init (ReadoutExportableInterface *iface)
{
}

/* The layout, or NULL after telling the user why there is none. */
static ReadoutPdfLayout *
create_layout (ReadoutExportable *self)
{
  g_autoptr(GError) error = NULL;
  ReadoutPdfLayout *layout;

  layout = READOUT_EXPORTABLE_GET_IFACE (self)->create_layout (self, &error);
  if (layout == NULL && error != NULL)
    adw_toast_overlay_add_toast (READOUT_EXPORTABLE_GET_IFACE (self)->get_toasts (self),
                                 adw_toast_new (error->message));
  return layout;
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReadoutExportable *self = READOUT_EXPORTABLE (widget);
  ReadoutExportableInterface *iface = READOUT_EXPORTABLE_GET_IFACE (self);
  g_autoptr(ReadoutPdfLayout) layout = create_layout (self);
  g_autofree char *name = NULL;

  if (layout == NULL)
    return;

  name = readout_export_suggest_file_name (iface->get_call (self));
  readout_export_pdf_with_chooser (widget, layout, name, iface->get_toasts (self));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(ReadoutPdfLayout) layout = create_layout (READOUT_EXPORTABLE (widget));

  if (layout != NULL)
    readout_export_print (widget, layout);
}

void
readout_exportable_install_actions (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_activated);
}

void
readout_exportable_set_actions_enabled (ReadoutExportable *self,
                                        gboolean           enabled)
{
  g_return_if_fail (READOUT_IS_EXPORTABLE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print", enabled);
}

gboolean
readout_exportable_export_pdf_to_file (ReadoutExportable *self,
                                       GFile             *file)
{
  g_autoptr(ReadoutPdfLayout) layout = NULL;

  g_return_val_if_fail (READOUT_IS_EXPORTABLE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = create_layout (self);
  if (layout == NULL)
    return FALSE;

  readout_export_pdf_to_file (layout, file, READOUT_EXPORTABLE_GET_IFACE (self)->get_toasts (self));
  return TRUE;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-call.h"
#include "readout-pdf-layout.h"

G_BEGIN_DECLS

/* A page that can be exported to PDF and printed: the Call page and the Compare page.
 * The page says what it would put on paper; the "page.export-pdf" and "page.print"
 * actions, the file name, the errors and the toasts are the same for both and live
 * here once. */

#define READOUT_TYPE_EXPORTABLE (readout_exportable_get_type ())

G_DECLARE_INTERFACE (ReadoutExportable, readout_exportable, READOUT, EXPORTABLE, GtkWidget)

struct _ReadoutExportableInterface
{
  GTypeInterface parent_iface;

  /* The page on paper; NULL without an error when there is nothing to export. */
  ReadoutPdfLayout *(*create_layout) (ReadoutExportable  *self,
                                      GError            **error);
  /* The call the page shows, which names the file. */
  ReadoutCall      *(*get_call)      (ReadoutExportable  *self);
  /* Where "Exported" and the errors are said. */
  AdwToastOverlay  *(*get_toasts)    (ReadoutExportable  *self);
};

/* Installs "page.export-pdf" and "page.print" on a class that implements the interface. */
void     readout_exportable_install_actions      (GtkWidgetClass    *widget_class);
void     readout_exportable_set_actions_enabled  (ReadoutExportable *self,
                                                  gboolean           enabled);
/* Writes the page to @file without asking, off the main loop; FALSE (and a toast that
 * says why, if there is a reason) when there is nothing to export. */
gboolean readout_exportable_export_pdf_to_file   (ReadoutExportable *self,
                                                  GFile             *file);

G_END_DECLS

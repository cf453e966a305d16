// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-pdf-layout.h"

G_BEGIN_DECLS

/* Exporting and printing a ReadoutPdfLayout from a page of the window: the Compare page
 * and the Call page share these. No types here. */

/* "Donald Trump and Vladimir Putin 2017-11-21.pdf": the call's participants and date,
 * with nothing in it that a file name cannot hold. */
char *readout_export_suggest_file_name (ReadoutCall      *call);
/* Asks where to save (through the file chooser portal in a sandbox), then writes the
 * PDF off the main loop; a toast in @toasts says when it is done, with "Open". */
void  readout_export_pdf_with_chooser  (GtkWidget        *parent,
                                        ReadoutPdfLayout *layout,
                                        const char       *suggested_name,
                                        AdwToastOverlay  *toasts);
/* Writes the PDF to @file off the main loop, then toasts as above. */
void  readout_export_pdf_to_file       (ReadoutPdfLayout *layout,
                                        GFile            *file,
                                        AdwToastOverlay  *toasts);
/* Opens the print dialog and prints @layout, page for page as the PDF. */
void  readout_export_print             (GtkWidget        *parent,
                                        ReadoutPdfLayout *layout);

G_END_DECLS

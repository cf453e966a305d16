// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-comparison.h"
#include "readout-store.h"

G_BEGIN_DECLS

/* The Compare page of the call detail: two sides (or two sources) of a call next to
 * each other, topic by topic, with a summary of what each left out.
 *
 * Actions: "compare.swap", "compare.copy-comparison" (plain text, for an e-mail),
 * "compare.show-statement" (int64: emits ::show-statement), "page.export-pdf" and
 * "page.print" (the same names as the Call page's, for the window's Ctrl+E and Ctrl+P). */

#define READOUT_TYPE_COMPARE_PAGE (readout_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutComparePage, readout_compare_page, READOUT, COMPARE_PAGE, GtkWidget)

GtkWidget         *readout_compare_page_new                 (void);
void               readout_compare_page_set_store           (ReadoutComparePage *self,
                                                             ReadoutStore       *store);
ReadoutCall       *readout_compare_page_get_call            (ReadoutComparePage *self);
void               readout_compare_page_set_call            (ReadoutComparePage *self,
                                                             ReadoutCall        *call);
/* What the page shows; NULL when it compares nothing. */
ReadoutComparison *readout_compare_page_get_comparison      (ReadoutComparePage *self);
/* Writes the comparison as PDF to @file without asking, then toasts as the
 * "Export PDF…" action does. FALSE when there is nothing to export. */
gboolean           readout_compare_page_export_pdf_to_file  (ReadoutComparePage *self,
                                                             GFile              *file);

G_END_DECLS

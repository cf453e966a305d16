// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-extraction.h"
#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_IMPORT_WINDOW (readout_import_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutImportWindow, readout_import_window, READOUT, IMPORT_WINDOW, AdwWindow)

/* Reads one or more texts, shows what was extracted from each for the user to check and
 * fix, and files all of them into @store in one transaction when the user confirms;
 * Cancel writes nothing. Emits "imported" (call id, number of sources, number of
 * statements) after filing, then closes. */
ReadoutImportWindow *readout_import_window_new       (GtkWindow           *parent,
                                                      ReadoutStore        *store);
void                 readout_import_window_add_file  (ReadoutImportWindow *self,
                                                      GFile               *file);
/* Pasted or dropped text; @name (nullable) names it in the window. */
void                 readout_import_window_add_text  (ReadoutImportWindow *self,
                                                      const char          *text,
                                                      const char          *name);
/* A web address: the page is downloaded (with progress and Cancel) and read like a file. */
void                 readout_import_window_add_url   (ReadoutImportWindow *self,
                                                      const char          *url);
/* An extraction made elsewhere (an Inbox item), taken over by the window. */
void                 readout_import_window_add_extraction (ReadoutImportWindow *self,
                                                           ReadoutExtraction   *extraction,
                                                           const char          *name);
/* TRUE while a text is still being read. */
gboolean             readout_import_window_is_busy   (ReadoutImportWindow *self);
/* "Imported: 1 source, 6 statements", for the toast. */
char                *readout_import_window_describe_result (guint n_sources,
                                                            guint n_statements);

/* From an ::imported handler: the import becomes one step of @stack to undo. */
void                 readout_import_window_push_undo (ReadoutImportWindow *self,
                                                      ReadoutUndoStack    *stack);

G_END_DECLS

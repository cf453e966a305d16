// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-extraction.h"
#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_IMPORT_CALL_EDITOR (readout_import_call_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutImportCallEditor, readout_import_call_editor, READOUT, IMPORT_CALL_EDITOR, AdwBin)

/* The editable facts of one extracted call: participants, date, duration, status,
 * initiator, the stored call it matches, and its statements. @call is edited in place
 * and must outlive the editor. Signals: "changed" when a fact that matching depends on
 * changed (participants, date), "spans-changed" when a statement was removed, and
 * "show-span" (start, end: byte offsets in the source text) to show a statement. */
GtkWidget            *readout_import_call_editor_new          (ReadoutStore            *store,
                                                               ReadoutExtractedCall    *call,
                                                               guint                    index,
                                                               guint                    n_calls);
ReadoutExtractedCall *readout_import_call_editor_get_call     (ReadoutImportCallEditor *self);
/* FALSE when the user switched the call off: it is left out of the import. */
gboolean              readout_import_call_editor_get_included (ReadoutImportCallEditor *self);
void                  readout_import_call_editor_set_included (ReadoutImportCallEditor *self,
                                                               gboolean                 included);
/* Shows the call's date again after readout_undated_resolve() dated it anew. */
void                  readout_import_call_editor_update_date  (ReadoutImportCallEditor *self);
/* Shows again which stored call the call matches, after the importer matched anew. */
void                  readout_import_call_editor_update_match (ReadoutImportCallEditor *self);
void                  readout_import_call_editor_set_candidates (ReadoutImportCallEditor *self,
                                                                 GPtrArray               *calls);
/* FALSE, with a sentence saying what to fix, when the call cannot be filed as it is. */
gboolean              readout_import_call_editor_validate     (ReadoutImportCallEditor *self,
                                                               GError                 **error);

G_END_DECLS

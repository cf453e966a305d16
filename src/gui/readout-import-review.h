// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-extraction.h"
#include "readout-importer.h"

G_BEGIN_DECLS

#define READOUT_TYPE_IMPORT_REVIEW (readout_import_review_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutImportReview, readout_import_review, READOUT, IMPORT_REVIEW, AdwBin)

/* The review of one imported text: the text with what was extracted highlighted,
 * beside the source's fields and one section per call. Takes @extraction (transfer
 * full), already matched with the store; edits go into it in place. */
GtkWidget         *readout_import_review_new                (ReadoutImporter     *importer,
                                                             ReadoutStore        *store,
                                                             ReadoutExtraction   *extraction);
ReadoutExtraction *readout_import_review_get_extraction     (ReadoutImportReview *self);
/* The calls the user left switched on, in order (borrowed pointers). */
GPtrArray         *readout_import_review_dup_included_calls (ReadoutImportReview *self);
/* TRUE when the text is already a source of the call it matches: filing adds nothing. */
gboolean           readout_import_review_is_duplicate       (ReadoutImportReview *self);
/* Shows the calls' dates again after readout_undated_resolve() dated them anew, and
 * matches them with the store again. */
void               readout_import_review_update_dates       (ReadoutImportReview *self);
gboolean           readout_import_review_validate           (ReadoutImportReview *self,
                                                             GError             **error);

G_END_DECLS

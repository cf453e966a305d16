// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-extraction.h"
#include "readout-extractor.h"
#include "readout-store.h"
#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_IMPORTER (readout_importer_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutImporter, readout_importer, READOUT, IMPORTER, GObject)

/* Import of articles and readouts into a store: reading the file, extraction with the
 * store's leaders and topics, matching each call with a stored one, and filing. */
ReadoutImporter   *readout_importer_new           (ReadoutStore       *store);
ReadoutExtractor  *readout_importer_get_extractor (ReadoutImporter    *self);
ReadoutExtraction *readout_importer_extract_file  (ReadoutImporter    *self,
                                                   const char         *path,
                                                   GError            **error);
/* Sets matches_call_id of each call that is already stored (two of its participants
 * took part, within a day; a call whose match_chosen is set keeps its match) and adds
 * conflicts with what the store says (date, duration). */
void               readout_importer_match         (ReadoutImporter    *self,
                                                   ReadoutExtraction  *extraction);
GPtrArray         *readout_importer_list_candidates (ReadoutImporter      *self,
                                                     ReadoutExtractedCall *call);
/* The stored calls two of @call's participants took part in, in the @days days up to
 * @last (inclusive), nearest @last first. */
GPtrArray         *readout_importer_list_calls_before (ReadoutImporter      *self,
                                                       ReadoutExtractedCall *call,
                                                       const GDate          *last,
                                                       guint                 days);
/* TRUE when the text is already a source of the matched call: importing it again adds nothing. */
gboolean           readout_importer_is_duplicate  (ReadoutImporter    *self,
                                                   ReadoutExtraction  *extraction);
/* Whether call @index of @extraction can be filed; the error filing would give ("Call 1
 * of kremlin.txt: …") when not. A dry run asks this too, so it refuses what filing does. */
gboolean           readout_importer_check_call    (ReadoutImporter    *self,
                                                   ReadoutExtraction  *extraction,
                                                   guint               index,
                                                   GError            **error);
/* Files the extractions in one transaction: all of them or, on error, none. @n_calls_new and
 * @n_sources_new (nullable) count what was written. */
gboolean           readout_importer_file          (ReadoutImporter    *self,
                                                   GPtrArray          *extractions,
                                                   guint              *n_calls_new,
                                                   guint              *n_sources_new,
                                                   GError            **error);
/* Makes what the last successful readout_importer_file() wrote one step of @stack, to
 * undo ("Import"); once. */
void               readout_importer_push_undo     (ReadoutImporter    *self,
                                                   ReadoutUndoStack   *stack);

G_END_DECLS

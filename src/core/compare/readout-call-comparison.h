// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-comparison.h"
#include "readout-store.h"

G_BEGIN_DECLS

/* Builds a ReadoutComparison from what the store holds about a call: the statements of
 * two sides (or of two sources) of the call, labelled with the countries' names (or the
 * sources' publishers), and a corpus for the pairing's IDF made of the call's statements
 * and a bounded sample of the rest of the store. */

/* The most statements of other calls that go into the corpus: enough for boilerplate to
 * weigh little, few enough that a comparison stays fast in a store of a million. */
#define READOUT_CALL_COMPARISON_CORPUS_SAMPLE 400

/* @side_a and @side_b are ISO 3166 alpha-2 codes, or NULL for the countries of the call's
 * first and second participant. Errors: READOUT_ERROR_NOT_FOUND for a call that does not
 * exist, READOUT_ERROR_INVALID for a side that is not a country code (or the same side
 * twice), READOUT_ERROR_NOTHING_FOUND for a side with no statements in the call (the
 * message lists the sides that have some). */
ReadoutComparison *readout_call_comparison_new             (ReadoutStore  *store,
                                                            gint64         call_id,
                                                            const char    *side_a,
                                                            const char    *side_b,
                                                            GError       **error);
/* Compares two sources of the same call. READOUT_ERROR_NOT_FOUND for a missing source,
 * READOUT_ERROR_INVALID for the same source twice or sources of two different calls,
 * READOUT_ERROR_NOTHING_FOUND for a source with no statements. */
ReadoutComparison *readout_call_comparison_new_for_sources (ReadoutStore  *store,
                                                            gint64         source_a,
                                                            gint64         source_b,
                                                            GError       **error);

/* The side codes of a call that have statements, sorted, without the independent press
 * (which has no side). */
GStrv              readout_call_comparison_dup_sides       (ReadoutStore  *store,
                                                            gint64         call_id,
                                                            GError       **error);

G_END_DECLS

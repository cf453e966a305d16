// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SEARCH_MODEL (readout_search_model_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchModel, readout_search_model, READOUT, SEARCH_MODEL, GObject)

/* Full-text search results (ReadoutSearchHit items) over statements and sources. */
GListModel *readout_search_model_new          (ReadoutStore              *store,
                                               const char                *query,
                                               const ReadoutSearchFilter *filter,
                                               GError                   **error);
/* The number of matches, counted up to READOUT_STORE_SEARCH_RANK_LIMIT + 1 (so a value
 * above the limit means "more than READOUT_STORE_SEARCH_RANK_LIMIT"). */
guint       readout_search_model_get_n_matches (ReadoutSearchModel *self);
/* TRUE when the hits are ordered by relevance; FALSE when there were too many matches
 * to rank and the newest are listed first. */
gboolean    readout_search_model_is_ranked     (ReadoutSearchModel *self);
/* Turns what a user typed into an FTS5 query of quoted words (the last one also a
 * prefix), or NULL when it holds no word. Exposed for tests. */
char       *readout_search_model_build_fts_query (const char        *text);
/* The same for PostgreSQL: a to_tsquery text of quoted words joined by &, the last one
 * also a prefix (:*). Exposed for tests. */
char       *readout_search_model_build_tsquery (const char          *text);

G_END_DECLS

#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SEARCH_MODEL (readout_search_model_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchModel, readout_search_model, READOUT, SEARCH_MODEL, GObject)

/* Full-text search results (ReadoutSearchHit items) over statements and sources. */
GListModel *readout_search_model_new          (ReadoutStore        *store,
                                               const char          *query,
                                               GError             **error);
/* All matches, which may be more than the ranked window the model lists. */
guint       readout_search_model_get_n_matches (ReadoutSearchModel *self);
/* Turns what a user typed into an FTS5 query of quoted words (the last one also a
 * prefix), or NULL when it holds no word. Exposed for tests. */
char       *readout_search_model_build_fts_query (const char        *text);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-search-hit.h"
#include "readout-store.h"

G_BEGIN_DECLS

/* A search result: the call's participants and date, the statement with the matched
 * words marked, and who said it on which side in which source. */

#define READOUT_TYPE_SEARCH_ROW (readout_search_row_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchRow, readout_search_row, READOUT, SEARCH_ROW, GtkWidget)

GtkWidget        *readout_search_row_new       (void);
ReadoutSearchHit *readout_search_row_get_hit   (ReadoutSearchRow *self);
void              readout_search_row_set_hit   (ReadoutSearchRow *self,
                                                ReadoutSearchHit *hit);
ReadoutStore     *readout_search_row_get_store (ReadoutSearchRow *self);
void              readout_search_row_set_store (ReadoutSearchRow *self,
                                                ReadoutStore     *store);

G_END_DECLS

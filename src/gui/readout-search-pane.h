// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SEARCH_PANE (readout_search_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchPane, readout_search_pane, READOUT, SEARCH_PANE, GtkWidget)

GtkWidget  *readout_search_pane_new         (void);
void        readout_search_pane_set_store   (ReadoutSearchPane *self,
                                             ReadoutStore      *store);
/* Runs the search at once (typing waits a moment first). */
void        readout_search_pane_set_query   (ReadoutSearchPane *self,
                                             const char        *query);
const char *readout_search_pane_get_query   (ReadoutSearchPane *self);
GListModel *readout_search_pane_get_model   (ReadoutSearchPane *self);
/* Activates the result at @position, as Enter or a click would: win.show-call((xx))
 * with its call and statement, for the window the pane is in. */
void        readout_search_pane_activate    (ReadoutSearchPane *self,
                                             guint              position);
void        readout_search_pane_focus_entry (ReadoutSearchPane *self);

G_END_DECLS

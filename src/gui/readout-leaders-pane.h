// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_LEADERS_PANE (readout_leaders_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeadersPane, readout_leaders_pane, READOUT, LEADERS_PANE, GtkWidget)

GtkWidget         *readout_leaders_pane_new                 (void);
ReadoutStore      *readout_leaders_pane_get_store           (ReadoutLeadersPane *self);
void               readout_leaders_pane_set_store           (ReadoutLeadersPane *self,
                                                             ReadoutStore       *store);
ReadoutLeaderSort  readout_leaders_pane_get_sort            (ReadoutLeadersPane *self);
void               readout_leaders_pane_set_sort            (ReadoutLeadersPane *self,
                                                             ReadoutLeaderSort   sort);
void               readout_leaders_pane_set_filter          (ReadoutLeadersPane *self,
                                                             const char         *filter);
/* The model the list shows (a store model; owned by the pane), or NULL without a store. */
GListModel        *readout_leaders_pane_get_model           (ReadoutLeadersPane *self);
ReadoutLeader     *readout_leaders_pane_get_selected_leader (ReadoutLeadersPane *self);
/* Selects the leader with @leader_id if the list shows it; FALSE when it does not. */
gboolean           readout_leaders_pane_select_leader       (ReadoutLeadersPane *self,
                                                             gint64              leader_id);
void           readout_leaders_pane_select_position (ReadoutLeadersPane *self,
                                                     guint               position);
void               readout_leaders_pane_focus_list          (ReadoutLeadersPane *self);

/* One click on a row activates it (the narrow layout). */
void           readout_leaders_pane_set_single_click (ReadoutLeadersPane *self,
                                                      gboolean            single_click);

G_END_DECLS

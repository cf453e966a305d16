// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CALLS_PANE (readout_calls_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCallsPane, readout_calls_pane, READOUT, CALLS_PANE, GtkWidget)

GtkWidget     *readout_calls_pane_new               (void);
void           readout_calls_pane_set_store         (ReadoutCallsPane *self,
                                                     ReadoutStore     *store);
ReadoutLeader *readout_calls_pane_get_leader        (ReadoutCallsPane *self);
void           readout_calls_pane_set_leader        (ReadoutCallsPane *self,
                                                     ReadoutLeader    *leader);
/* Only the calls with this second leader; 0 for calls with anyone. */
gint64         readout_calls_pane_get_other_leader_id (ReadoutCallsPane *self);
void           readout_calls_pane_set_other_leader_id (ReadoutCallsPane *self,
                                                       gint64            leader_id);
void           readout_calls_pane_set_topic         (ReadoutCallsPane *self,
                                                     const char       *topic);
const char    *readout_calls_pane_get_topic         (ReadoutCallsPane *self);
void           readout_calls_pane_set_period        (ReadoutCallsPane *self,
                                                     const char       *from,
                                                     const char       *to);
GListModel    *readout_calls_pane_get_model         (ReadoutCallsPane *self);
ReadoutCall   *readout_calls_pane_get_selected_call (ReadoutCallsPane *self);
gboolean       readout_calls_pane_select_call       (ReadoutCallsPane *self,
                                                     gint64            call_id);
void           readout_calls_pane_unselect          (ReadoutCallsPane *self);
void           readout_calls_pane_focus_list        (ReadoutCallsPane *self);

/* One click on a row activates it (the narrow layout). */
void           readout_calls_pane_set_single_click (ReadoutCallsPane *self,
                                                    gboolean          single_click);

G_END_DECLS

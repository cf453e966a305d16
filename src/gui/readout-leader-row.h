// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-leader.h"

G_BEGIN_DECLS

/* A row of the leaders list: avatar, name, office and country, number of calls and the
 * date of the last one. It follows its leader's properties as they change, and offers
 * Edit, Merge Into and Delete on a right click or a long press. */

#define READOUT_TYPE_LEADER_ROW (readout_leader_row_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeaderRow, readout_leader_row, READOUT, LEADER_ROW, GtkWidget)

GtkWidget     *readout_leader_row_new        (void);
ReadoutLeader *readout_leader_row_get_leader (ReadoutLeaderRow *self);
void           readout_leader_row_set_leader (ReadoutLeaderRow *self,
                                              ReadoutLeader    *leader);

G_END_DECLS

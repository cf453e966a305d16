// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-call.h"

G_BEGIN_DECLS

/* A row of a leader's calls: date and status, the other participants, duration and
 * topics. It follows its call's properties as they change. */

#define READOUT_TYPE_CALL_ROW (readout_call_row_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCallRow, readout_call_row, READOUT, CALL_ROW, GtkWidget)

GtkWidget   *readout_call_row_new           (void);
ReadoutCall *readout_call_row_get_call      (ReadoutCallRow *self);
void         readout_call_row_set_call      (ReadoutCallRow *self,
                                             ReadoutCall    *call);
gint64       readout_call_row_get_leader_id (ReadoutCallRow *self);
void         readout_call_row_set_leader_id (ReadoutCallRow *self,
                                             gint64          leader_id);
GPtrArray   *readout_call_row_load_status_icons (GtkWidget    *widget);

G_END_DECLS

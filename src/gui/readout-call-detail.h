// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CALL_DETAIL (readout_call_detail_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCallDetail, readout_call_detail, READOUT, CALL_DETAIL, GtkWidget)

GtkWidget   *readout_call_detail_new                (void);
void         readout_call_detail_set_store          (ReadoutCallDetail *self,
                                                     ReadoutStore      *store);
ReadoutCall *readout_call_detail_get_call           (ReadoutCallDetail *self);
void         readout_call_detail_set_call           (ReadoutCallDetail *self,
                                                     ReadoutCall       *call);
/* Scrolls to a statement of the shown call and marks it; FALSE if the call has none
 * with that id. */
gboolean     readout_call_detail_reveal_statement   (ReadoutCallDetail *self,
                                                     gint64             statement_id);
gint64       readout_call_detail_get_revealed_statement (ReadoutCallDetail *self);

G_END_DECLS

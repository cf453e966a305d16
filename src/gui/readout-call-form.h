// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-edit-form.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CALL_FORM (readout_call_form_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCallForm, readout_call_form, READOUT, CALL_FORM, ReadoutEditForm)

/* Adds a call (@call NULL; @first_leader_id, when not 0, is already a participant) or
 * changes @call. */
ReadoutCallForm *readout_call_form_new         (ReadoutUndoStack *undo_stack,
                                                ReadoutCall      *call,
                                                gint64            first_leader_id);
/* The id of the call once saved, 0 before. */
gint64           readout_call_form_get_call_id (ReadoutCallForm  *self);
/* Adds a participant as the Add button does; FALSE if there is no such leader or the
 * leader already takes part. For tests and for the window's "add call with". */
gboolean         readout_call_form_add_participant    (ReadoutCallForm *self,
                                                       gint64           leader_id);
gboolean         readout_call_form_remove_participant (ReadoutCallForm *self,
                                                       gint64           leader_id);

G_END_DECLS

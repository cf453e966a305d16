// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-edit-form.h"

G_BEGIN_DECLS

#define READOUT_TYPE_LEADER_FORM (readout_leader_form_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeaderForm, readout_leader_form, READOUT, LEADER_FORM, ReadoutEditForm)

/* Adds a leader (@leader NULL) or changes @leader. */
ReadoutLeaderForm *readout_leader_form_new           (ReadoutUndoStack  *undo_stack,
                                                      ReadoutLeader     *leader);
/* The id of the leader once saved, 0 before. */
gint64             readout_leader_form_get_leader_id (ReadoutLeaderForm *self);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-edit-form.h"

G_BEGIN_DECLS

#define READOUT_TYPE_TOPIC_FORM (readout_topic_form_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutTopicForm, readout_topic_form, READOUT, TOPIC_FORM, ReadoutEditForm)

/* Adds a topic (@topic NULL) or changes @topic; saving re-tags the stored statements. */
ReadoutTopicForm *readout_topic_form_new          (ReadoutUndoStack *undo_stack,
                                                   ReadoutTopic     *topic);
gint64            readout_topic_form_get_topic_id (ReadoutTopicForm *self);

G_END_DECLS

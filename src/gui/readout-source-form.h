// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-edit-form.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SOURCE_FORM (readout_source_form_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSourceForm, readout_source_form, READOUT, SOURCE_FORM, ReadoutEditForm)

/* Adds a source to the call @call_id (@source NULL) or changes @source. */
ReadoutSourceForm *readout_source_form_new           (ReadoutUndoStack  *undo_stack,
                                                      ReadoutSource     *source,
                                                      gint64             call_id);
gint64             readout_source_form_get_source_id (ReadoutSourceForm *self);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-edit-form.h"

G_BEGIN_DECLS

#define READOUT_TYPE_STATEMENT_FORM (readout_statement_form_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutStatementForm, readout_statement_form, READOUT, STATEMENT_FORM, ReadoutEditForm)

/* Adds a statement to @source (@statement NULL) or changes @statement (@source may
 * then be NULL). */
ReadoutStatementForm *readout_statement_form_new              (ReadoutUndoStack     *undo_stack,
                                                               ReadoutStatement     *statement,
                                                               ReadoutSource        *source);
gint64                readout_statement_form_get_statement_id (ReadoutStatementForm *self);

G_END_DECLS

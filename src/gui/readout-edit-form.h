// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_EDIT_FORM (readout_edit_form_get_type ())

G_DECLARE_DERIVABLE_TYPE (ReadoutEditForm, readout_edit_form, READOUT, EDIT_FORM, AdwWindow)

/* The frame of every edit form: a window with Cancel and Save, the form's groups
 * (the children of a subclass's template) in a scrolled, clamped column, and a place
 * for the store's own message when saving fails. A subclass validates as the user
 * types and calls readout_edit_form_set_valid(); Save stays insensitive until then.
 * Saving goes through the undo stack, so every saved change can be undone. */
struct _ReadoutEditFormClass
{
  AdwWindowClass parent_class;

  /* Writes the form to the store; on failure the error's message is shown. */
  gboolean (*save) (ReadoutEditForm  *self,
                    GError          **error);
};

ReadoutUndoStack *readout_edit_form_get_undo_stack (ReadoutEditForm *self);
ReadoutStore     *readout_edit_form_get_store      (ReadoutEditForm *self);
void              readout_edit_form_set_valid      (ReadoutEditForm *self,
                                                    gboolean         valid);
gboolean          readout_edit_form_get_valid      (ReadoutEditForm *self);
/* What Save does: saves, emits ::saved and closes the form; FALSE (and the message
 * shown) when the form is not valid or the store refused the change. */
gboolean          readout_edit_form_save           (ReadoutEditForm *self);
/* The message shown above the form after a failed save, or NULL. */
const char       *readout_edit_form_get_error      (ReadoutEditForm *self);

G_END_DECLS

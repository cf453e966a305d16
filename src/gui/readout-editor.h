// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_EDITOR (readout_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutEditor, readout_editor, READOUT, EDITOR, GObject)

/* The editing side of a ReadoutWindow: the window actions that open the edit forms,
 * delete with an Undo toast, undo and redo (Ctrl+Z, Ctrl+Shift+Z) and back up the
 * store. Every change goes through one undo stack per store, kept for the session.
 *
 * Actions (added to @window's action map; "x" takes an id):
 *   win.add-leader, win.edit-leader(x), win.delete-leader(x), win.merge-leader(x),
 *   win.add-call, win.edit-call(x), win.delete-call(x), win.merge-call(x),
 *   win.add-source(x call), win.edit-source(x), win.delete-source(x),
 *   win.add-statement(x source), win.edit-statement(x), win.delete-statement(x),
 *   win.edit-topics, win.undo, win.redo, win.backup */
ReadoutEditor    *readout_editor_new            (GtkWindow       *window,
                                                 AdwToastOverlay *toast_overlay);
void              readout_editor_set_store      (ReadoutEditor   *self,
                                                 ReadoutStore    *store);
ReadoutUndoStack *readout_editor_get_undo_stack (ReadoutEditor   *self);
/* The leader a new call starts with: the one whose calls the window lists. */
void              readout_editor_set_leader     (ReadoutEditor   *self,
                                                 gint64           leader_id);
/* Opens a form from a description, for screenshots and tests: "leader:ID",
 * "new-leader", "call:ID", "new-call", "source:ID", "new-source:CALL",
 * "statement:ID", "new-statement:SOURCE", "topics", "topic:POSITION",
 * "merge-leader:ID", "merge-call:ID". Returns the
 * window opened, or NULL. The READOUT_OPEN_FORM environment variable does the same
 * once a store is shown. */
GtkWindow        *readout_editor_open_form      (ReadoutEditor   *self,
                                                 const char      *description);
/* The backup, as the save dialog's answer starts it. */
void              readout_editor_back_up_to     (ReadoutEditor   *self,
                                                 GFile           *file);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_TOPICS_WINDOW (readout_topics_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutTopicsWindow, readout_topics_window, READOUT, TOPICS_WINDOW, AdwWindow)

/* The topic list of a store, to add, change and delete topics. Changes go through
 * @undo_stack, so the window's Undo takes them back too. */
ReadoutTopicsWindow *readout_topics_window_new          (ReadoutUndoStack    *undo_stack);
/* Opens the form for the topic at @position of the list (for tests and screenshots);
 * returns it, or NULL. */
GtkWindow           *readout_topics_window_edit_topic   (ReadoutTopicsWindow *self,
                                                         guint                position);
gboolean             readout_topics_window_delete_topic (ReadoutTopicsWindow *self,
                                                         guint                position);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_MERGE_WINDOW (readout_merge_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutMergeWindow, readout_merge_window, READOUT, MERGE_WINDOW, AdwWindow)

/* A small window that merges one leader (or call) into another that is the same person
 * (or the same call): it lists the candidates, says what will move and what will be
 * removed, and merges through @stack so that the merge can be undone. The store's
 * errors show in the window, which stays open. ::merged (gint64 kept_id) is emitted
 * after a merge, just before the window closes. */
ReadoutMergeWindow *readout_merge_window_new_for_leader (ReadoutUndoStack    *stack,
                                                         gint64               leader_id,
                                                         GError             **error);
/* The candidates are the other calls of the same participants within a week. */
ReadoutMergeWindow *readout_merge_window_new_for_call   (ReadoutUndoStack    *stack,
                                                         gint64               call_id,
                                                         GError             **error);
/* Chooses the row of @kept_id, as a click would; FALSE when it is not listed. */
gboolean            readout_merge_window_choose         (ReadoutMergeWindow  *self,
                                                         gint64               kept_id);
/* What the window says will happen, for tests. */
const char         *readout_merge_window_get_explanation (ReadoutMergeWindow *self);

G_END_DECLS

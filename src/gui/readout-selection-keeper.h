// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps a list's selection on the same row when the list refreshes. A store's list
 * models replace their row objects on a refresh (after an edit, or after another
 * program wrote to the store), and GtkSingleSelection, which looks for the selected
 * object itself, would drop the selection. The keeper notes the selected row's "id"
 * before the selection sees the change and selects the row with that id again after
 * it, without scrolling; while it does, readout_selection_keeper_is_restoring() is
 * TRUE so the owner can keep quiet about a selection that did not really change. */
typedef struct _ReadoutSelectionKeeper ReadoutSelectionKeeper;

ReadoutSelectionKeeper *readout_selection_keeper_new           (GtkSingleSelection      *selection);
/* Call with the new model before handing it to the selection. */
void                    readout_selection_keeper_set_model     (ReadoutSelectionKeeper  *self,
                                                                GListModel              *model);
gboolean                readout_selection_keeper_is_restoring  (ReadoutSelectionKeeper  *self);
void                    readout_selection_keeper_free          (ReadoutSelectionKeeper  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutSelectionKeeper, readout_selection_keeper_free)

G_END_DECLS

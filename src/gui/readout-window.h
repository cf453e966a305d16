// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"
#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_WINDOW (readout_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutWindow, readout_window, READOUT, WINDOW, AdwApplicationWindow)

/* @settings (nullable): where the window restores and saves its size and place. */
ReadoutWindow *readout_window_new             (GtkApplication *application,
                                               GSettings      *settings);
ReadoutStore  *readout_window_get_store       (ReadoutWindow  *self);
/* Shows @store (NULL: the welcome page); when it is the store the settings name as
 * the last one, the last leader and call are selected again. */
void           readout_window_set_store       (ReadoutWindow  *self,
                                               ReadoutStore   *store);
/* Each of these shows an error dialog and keeps the current store when opening fails. */
gboolean       readout_window_open_path       (ReadoutWindow  *self,
                                               const char     *path);
gboolean       readout_window_open_sample     (ReadoutWindow  *self);
/* Starts a new, empty store at @path; a file that is there already is left alone. */
gboolean       readout_window_create_store    (ReadoutWindow  *self,
                                               const char     *path);
/* The store of the last session, or the user's store if it exists, or the welcome page. */
void           readout_window_open_last       (ReadoutWindow  *self);

/* Navigation, for the search and for tests. */
gboolean       readout_window_select_leader   (ReadoutWindow  *self,
                                               gint64          leader_id);
gboolean       readout_window_show_call       (ReadoutWindow  *self,
                                               gint64          call_id,
                                               gint64          statement_id);
void           readout_window_search          (ReadoutWindow  *self,
                                               const char     *query);
/* Shows the call detail's "call" or "compare" page. */
void           readout_window_show_view       (ReadoutWindow  *self,
                                               const char     *name);
/* The undo stack of the store on show (NULL without one). */
ReadoutUndoStack *readout_window_get_undo_stack (ReadoutWindow *self);
/* Takes @toast (transfer full). */
void           readout_window_add_toast       (ReadoutWindow  *self,
                                               AdwToast       *toast);

G_END_DECLS

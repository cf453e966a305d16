// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_WINDOW (readout_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutWindow, readout_window, READOUT, WINDOW, AdwApplicationWindow)

/* Properties: "store" (the panes' stores are bound to it), "settings", "search-mode",
 * "leader-sort". Widgets inside the window navigate by activating its actions, among
 * them win.show-call((xx): call, statement or 0), win.select-leader(x),
 * win.filter-topic(s), win.search, win.go-back and the edit actions
 * (readout-window-edit.c lists them). */

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

/* The ways into an import (readout-window-import.c); each returns the review window
 * opened, or NULL. @files holds GFiles, as the file chooser gives them. */
GtkWindow     *readout_window_import_files    (ReadoutWindow  *self,
                                               GListModel     *files);
/* Pasted or dropped text; a lone web address is downloaded instead. */
GtkWindow     *readout_window_import_text     (ReadoutWindow  *self,
                                               const char     *text);
GtkWindow     *readout_window_import_url      (ReadoutWindow  *self,
                                               const char     *url);

G_END_DECLS

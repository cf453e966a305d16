// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shared by the widget tests. */

/* Lets @window lay itself out and draw @frames frames; fails the test after 2 s. */
void readout_gui_test_wait_for_frames (GtkWidget  *window,
                                       int         frames);
/* Removes a test store (with its -wal and -shm files) and the folder that held it. */
void readout_gui_test_remove_store    (const char *folder,
                                       const char *path);

/* The first AdwPreferencesRow under @root titled @title, or NULL. */
GtkWidget *readout_gui_test_find_row (GtkWidget  *root,
                                      const char *title);

/* The first widget of @type under @root (or @root itself), or NULL. */
GtkWidget *readout_gui_test_find_widget (GtkWidget  *root,
                                         GType       type);

/* Whether @action ("win.undo") is there and enabled for a widget inside @widget. */
gboolean readout_gui_test_action_enabled (GtkWidget  *widget,
                                          const char *action);

G_END_DECLS

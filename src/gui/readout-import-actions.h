// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-window.h"

G_BEGIN_DECLS

/* The ways into an import, installed on a main window: the win.import action (a file
 * chooser for several files), win.paste-import (the clipboard's text or files), and
 * files or text dropped onto the window. Each opens a ReadoutImportWindow; after filing,
 * the window shows a toast and the call. No type here: helpers of ReadoutWindow. */
void                 readout_import_actions_install      (ReadoutWindow  *window);
/* Opens the review of @files (GFile) in @window, as the file chooser would. */
GtkWindow           *readout_import_actions_import_files (ReadoutWindow  *window,
                                                          GListModel     *files);
/* Pasted or dropped text; a lone web address is downloaded instead. */
GtkWindow           *readout_import_actions_import_text  (ReadoutWindow  *window,
                                                          const char     *text);
GtkWindow           *readout_import_actions_import_url   (ReadoutWindow  *window,
                                                          const char     *url);

G_END_DECLS

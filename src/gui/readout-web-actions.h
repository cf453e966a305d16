// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-window.h"

G_BEGIN_DECLS

/* The window's ways to the web: win.import-address (a dialog to type or paste a page's
 * address) and win.feeds (the Followed Feeds window). No type here: helpers of
 * ReadoutWindow, installed with the import actions. */
void     readout_web_actions_install       (ReadoutWindow *window);
/* When a source of the window's store has @url, shows its call with a toast saying so and
 * returns TRUE: a page imported before is not downloaded again. */
gboolean readout_web_actions_show_imported (ReadoutWindow *window,
                                            const char    *url);

G_END_DECLS

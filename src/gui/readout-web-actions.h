// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-window.h"

G_BEGIN_DECLS

/* The window's ways to the web: win.import-address (a dialog to type or paste a page's
 * address) and win.feeds (the Followed Feeds window). No type here: helpers of
 * ReadoutWindow, installed with the import actions. */
void readout_web_actions_install (ReadoutWindow *window);

G_END_DECLS

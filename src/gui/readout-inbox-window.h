// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-feed-watcher.h"
#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_INBOX_WINDOW (readout_inbox_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutInboxWindow, readout_inbox_window, READOUT, INBOX_WINDOW, AdwWindow)

/* The call readouts found in the followed feeds, newest first: activating one opens the
 * import review; filing it or dismissing it takes it out of the Inbox. Emits "changed"
 * when the Inbox did. */
ReadoutInboxWindow *readout_inbox_window_new (GtkWindow          *parent,
                                              ReadoutStore       *store,
                                              ReadoutFeedWatcher *watcher);

G_END_DECLS

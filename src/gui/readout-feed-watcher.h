// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_FEED_WATCHER (readout_feed_watcher_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutFeedWatcher, readout_feed_watcher, READOUT, FEED_WATCHER, GObject)

/* Checks the followed feeds of a store while the window is open: every hour for each feed
 * (longer after failures), only while GNetworkMonitor says there is a network, in a worker
 * thread on a connection of its own. Emits "checked" after each round. */
ReadoutFeedWatcher *readout_feed_watcher_new       (ReadoutStore       *store);
/* Checks every feed now, due or not (the Inbox's Check Now). */
void                readout_feed_watcher_check_now (ReadoutFeedWatcher *self);
gboolean            readout_feed_watcher_is_busy   (ReadoutFeedWatcher *self);

G_END_DECLS

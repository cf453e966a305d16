// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* A team store's link to its server, for the window: whether it broke. A file store's
 * never does. The store does not reconnect on its own (a half-done write must not be
 * replayed behind the user's back); the window opens the location again. */
gboolean readout_store_is_connection_lost (ReadoutStore *self);

G_END_DECLS

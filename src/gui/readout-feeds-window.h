// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_FEEDS_WINDOW (readout_feeds_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutFeedsWindow, readout_feeds_window, READOUT, FEEDS_WINDOW, AdwWindow)

/* The followed feeds: add one by its address, stop following one, and see when each was
 * last checked and what went wrong if it failed. */
ReadoutFeedsWindow *readout_feeds_window_new (GtkWindow    *parent,
                                              ReadoutStore *store);

G_END_DECLS

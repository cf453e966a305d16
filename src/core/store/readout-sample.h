// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* The sample data: the facts of the seed articles, shipped as data/sample.json. */

/* Fills an empty store with the sample data, as one transaction. */
gboolean      readout_sample_populate     (ReadoutStore  *store,
                                           GError       **error);
/* Path of the sample store: $XDG_DATA_HOME/readout/sample.db. */
char         *readout_sample_dup_path     (void);
/* Opens the sample store, creating it on first use (written to a temporary file and
 * renamed into place, so a crash never leaves half a sample). */
ReadoutStore *readout_sample_open         (GError       **error);

G_END_DECLS

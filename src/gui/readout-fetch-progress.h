// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define READOUT_TYPE_FETCH_PROGRESS (readout_fetch_progress_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutFetchProgress, readout_fetch_progress, READOUT, FETCH_PROGRESS, AdwBin)

/* A page fetched from the web, while it arrives: its address, how much has come, and a
 * Cancel button that cancels @cancellable. */
GtkWidget *readout_fetch_progress_new (const char           *url,
                                       GCancellable         *cancellable);
/* @total is 0 when the server did not say. */
void       readout_fetch_progress_set (ReadoutFetchProgress *self,
                                       guint64               received,
                                       guint64               total);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_INBOX_BUTTON (readout_inbox_button_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutInboxButton, readout_inbox_button, READOUT, INBOX_BUTTON, GtkWidget)

/* The header bar's way into the Inbox: a button with the number of readouts waiting as a
 * badge. It keeps the store's feeds checked (ReadoutFeedWatcher) while the window is open,
 * and opens the Inbox window when clicked. */
void   readout_inbox_button_set_store (ReadoutInboxButton *self,
                                       ReadoutStore       *store);
/* Reads the count again (after an item was filed or dismissed). */
void   readout_inbox_button_refresh   (ReadoutInboxButton *self);
guint  readout_inbox_button_get_count (ReadoutInboxButton *self);

G_END_DECLS

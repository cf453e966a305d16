// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* ReadoutConnectDialog: "Connect to Team Store…": a PostgreSQL server's host, port,
 * database, user and password. The location (never the password) is remembered in the
 * settings' "team-store" and offered next time; the password is kept for the session and
 * saved in the keyring once the server accepted it. The store opens in a worker thread,
 * so a slow server does not freeze the window; an error is shown in the dialog in one
 * sentence. Emits ::connected with the open store, then closes. */

#define READOUT_TYPE_CONNECT_DIALOG (readout_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutConnectDialog, readout_connect_dialog, READOUT, CONNECT_DIALOG, AdwWindow)

/* @settings: may be NULL (nothing remembered). */
ReadoutConnectDialog *readout_connect_dialog_new       (GtkWindow            *parent,
                                                        GSettings            *settings);
/* What the Connect button does. */
void                  readout_connect_dialog_connect   (ReadoutConnectDialog *self);
/* The error shown, or NULL (for tests). */
const char           *readout_connect_dialog_get_error (ReadoutConnectDialog *self);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the window finds a team store's password when libpq found none in ~/.pgpass:
 * the password typed in this session, then the keyring (libsecret, where the build has
 * it). It answers the core's password function (readout-db-location.h), from any thread. */

/* Makes the core ask here; safe to call more than once. */
void      readout_team_password_install  (void);
/* Keeps @password for @location for this session (NULL forgets it). */
void      readout_team_password_remember (const char *location,
                                          const char *password);
/* Saves @password for @location in the keyring, in the background; FALSE where the
 * build has no keyring. */
gboolean  readout_team_password_save     (const char *location,
                                          const char *password);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the command line and the window need to know about a store's location before
 * (and without) opening it: whether it may be used as given, what to call it, how to
 * write one from its parts, and where a team store's password comes from.
 *
 * Passwords never travel in a location: a location is shown in titles, kept in
 * settings and printed in errors. libpq reads ~/.pgpass (or the file PGPASSFILE names)
 * by itself; the window adds the keyring through a password function. */

/* FALSE with a one-sentence error when @location is a PostgreSQL location that libpq
 * cannot parse, or one that holds a password. A file path is always TRUE. */
gboolean  readout_db_location_check            (const char  *location,
                                                GError     **error);

/* How to name the store to people: a file's name, or a team store's user@host/database. */
char     *readout_db_location_dup_display_name (const char  *location);

/* A libpq key=value string of the parts given; @port, @user may be NULL or empty. Each
 * value is quoted, so spaces and quotes in a name are kept as typed. */
char     *readout_db_location_build            (const char  *host,
                                                const char  *port,
                                                const char  *dbname,
                                                const char  *user);

/* The value of libpq's @keyword ("host", "port", "dbname", "user") in a PostgreSQL
 * @location, or NULL when it is not given there (or the location is a file). */
char     *readout_db_location_dup_part         (const char  *location,
                                                const char  *keyword);

/* Asked for the password of a PostgreSQL @location when the server wants one that libpq
 * did not find itself; returns a new string, or NULL for none. */
typedef char *(*ReadoutDbPasswordFunc) (const char *location,
                                        gpointer    user_data);

void      readout_db_location_set_password_func (ReadoutDbPasswordFunc func,
                                                 gpointer              user_data);
/* For the engine: the password function's answer for @location, or NULL. */
char     *readout_db_location_lookup_password  (const char  *location);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-team-password"

#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "readout-db-location.h"
#include "readout-team-password.h"

/* location -> password; the store opens in a worker thread (readout-connect-dialog.c). */
static GHashTable *session_passwords;
G_LOCK_DEFINE_STATIC (session_passwords);

#ifdef HAVE_LIBSECRET
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.readout.Readout.TeamStore", SECRET_SCHEMA_NONE,
    {
      { "location", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}
#endif

static char *
lookup_password (const char *location,
                 gpointer    user_data)
{
  char *password = NULL;

  G_LOCK (session_passwords);
  if (session_passwords != NULL)
    password = g_strdup (g_hash_table_lookup (session_passwords, location));
  G_UNLOCK (session_passwords);

#ifdef HAVE_LIBSECRET
  if (password == NULL)
    {
      g_autoptr(GError) error = NULL;
      char *secret = secret_password_lookup_sync (get_schema (), NULL, &error, "location", location, NULL);

      /* No keyring (a bare session, a test) is not an error: the server says what it misses. */
      if (error != NULL)
        g_debug ("No password from the keyring: %s", error->message);
      password = g_strdup (secret);
      if (secret != NULL)
        secret_password_free (secret);
    }
#endif
  return password;
}

void
readout_team_password_install (void)
{
  readout_db_location_set_password_func (lookup_password, NULL);
}

void
readout_team_password_remember (const char *location,
                                const char *password)
{
  g_return_if_fail (location != NULL);

  G_LOCK (session_passwords);
  if (session_passwords == NULL)
    session_passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL && *password != '\0')
    g_hash_table_insert (session_passwords, g_strdup (location), g_strdup (password));
  else
    g_hash_table_remove (session_passwords, location);
  G_UNLOCK (session_passwords);
}

#ifdef HAVE_LIBSECRET
static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The session still has the password; only the next start would ask again. */
  if (!secret_password_store_finish (result, &error))
    g_message ("The keyring did not keep the team store's password: %s", error->message);
}
#endif

gboolean
readout_team_password_save (const char *location,
                            const char *password)
{
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

#ifdef HAVE_LIBSECRET
  {
    g_autofree char *name = readout_db_location_dup_display_name (location);
    /* Translators: the keyring's label for a password; %s is user@host/database */
    g_autofree char *label = g_strdup_printf (_("Readout team store %s"), name);

    secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                           NULL, on_stored_cb, NULL, "location", location, NULL);
    return TRUE;
  }
#else
  return FALSE;
#endif
}

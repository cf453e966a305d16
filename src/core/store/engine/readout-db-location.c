// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-db"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#ifdef HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif

#include "readout-db.h"
#include "readout-db-location.h"

static ReadoutDbPasswordFunc password_func;
static gpointer password_func_data;

#ifdef HAVE_POSTGRESQL
/* The value of @keyword in @options (from PQconninfoParse), or NULL when it is unset or empty. */
static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword))
      return option->val != NULL && *option->val != '\0' ? option->val : NULL;
  return NULL;
}
#endif

gboolean
readout_db_location_check (const char  *location,
                           GError     **error)
{
  g_return_val_if_fail (location != NULL, FALSE);

  if (!readout_db_location_is_postgresql (location))
    return TRUE;
#ifdef HAVE_POSTGRESQL
  {
    char *parse_error = NULL;
    PQconninfoOption *options = PQconninfoParse (location, &parse_error);
    gboolean has_password;

    if (options == NULL)
      {
        g_autofree char *reason = g_strdup (parse_error != NULL ? parse_error : "");

        PQfreemem (parse_error);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("“%s” is not a PostgreSQL location: %s."), location, g_strchomp (reason));
        return FALSE;
      }
    has_password = option_value (options, "password") != NULL;
    PQconninfoFree (options);
    if (has_password)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("The location holds a password, which would be shown and remembered with it: "
                               "give the location without it and put the password in ~/.pgpass "
                               "(or the file PGPASSFILE names)."));
        return FALSE;
      }
  }
#endif
  return TRUE;
}

char *
readout_db_location_dup_display_name (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (!readout_db_location_is_postgresql (location))
    return g_filename_display_basename (location);
#ifdef HAVE_POSTGRESQL
  {
    PQconninfoOption *options = PQconninfoParse (location, NULL);
    GString *name = g_string_new (NULL);
    const char *user, *host, *dbname;

    if (options == NULL)
      return g_string_free (g_string_append (name, location), FALSE);
    user = option_value (options, "user");
    host = option_value (options, "host");
    dbname = option_value (options, "dbname");
    if (user != NULL)
      g_string_append_printf (name, "%s@", user);
    /* libpq's own default: the local server. */
    g_string_append (name, host != NULL ? host : "localhost");
    if (dbname != NULL)
      g_string_append_printf (name, "/%s", dbname);
    PQconninfoFree (options);
    return g_string_free (name, FALSE);
  }
#else
  return g_strdup (location);
#endif
}

char *
readout_db_location_dup_part (const char *location,
                              const char *keyword)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (keyword != NULL, NULL);

  if (!readout_db_location_is_postgresql (location))
    return NULL;
#ifdef HAVE_POSTGRESQL
  {
    PQconninfoOption *options = PQconninfoParse (location, NULL);
    char *value = options != NULL ? g_strdup (option_value (options, keyword)) : NULL;

    if (options != NULL)
      PQconninfoFree (options);
    return value;
  }
#else
  return NULL;
#endif
}

/* A libpq key=value pair, its value always quoted: '\' and '\'' escaped with a backslash. */
static void
append_option (GString    *out,
               const char *keyword,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '\'')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
readout_db_location_build (const char *host,
                           const char *port,
                           const char *dbname,
                           const char *user)
{
  GString *out = g_string_new (NULL);

  append_option (out, "host", host);
  append_option (out, "port", port);
  append_option (out, "dbname", dbname);
  append_option (out, "user", user);
  return g_string_free (out, FALSE);
}

void
readout_db_location_set_password_func (ReadoutDbPasswordFunc func,
                                       gpointer              user_data)
{
  password_func = func;
  password_func_data = user_data;
}

char *
readout_db_location_lookup_password (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return password_func != NULL ? password_func (location, password_func_data) : NULL;
}

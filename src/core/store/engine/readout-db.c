// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-db.h"
#include "readout-db-sqlite.h"
#ifdef HAVE_POSTGRESQL
#include "readout-db-postgres.h"
#endif

typedef struct
{
  char *location;
  gboolean read_only;
  GHashTable *statements;  /* SQL text -> ReadoutDbStatement, see readout_db_prepare() */
} ReadoutDbPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ReadoutDb, readout_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (readout-db-error-quark, readout_db_error)

/* A libpq key=value string starts with a keyword and "=" (host=…, dbname=…); a path
 * with a "/" before its first "=" is a file. */
static gboolean
is_keyword_string (const char *location)
{
  const char *p = location;

  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

gboolean
readout_db_location_is_postgresql (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://") ||
         is_keyword_string (location);
}

ReadoutDb *
readout_db_open (const char  *location,
                 gboolean     read_only,
                 GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (readout_db_location_is_postgresql (location))
    {
#ifdef HAVE_POSTGRESQL
      return readout_db_postgres_open (location, read_only, error);
#else
      g_set_error (error, READOUT_DB_ERROR, READOUT_DB_ERROR_NOT_SUPPORTED,
                   _("This build has no PostgreSQL support."));
      return NULL;
#endif
    }
  return readout_db_sqlite_open (location, read_only, error);
}

void
readout_db_set_location (ReadoutDb  *self,
                         const char *location,
                         gboolean    read_only)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (self);

  g_free (priv->location);
  priv->location = g_strdup (location);
  priv->read_only = read_only;
}

ReadoutDbEngine
readout_db_get_engine (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), READOUT_DB_ENGINE_SQLITE);

  return READOUT_DB_GET_CLASS (self)->engine;
}

const char *
readout_db_get_location (ReadoutDb *self)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_DB (self), NULL);

  return priv->location;
}

gboolean
readout_db_is_read_only (ReadoutDb *self)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (self);

  g_return_val_if_fail (READOUT_IS_DB (self), TRUE);

  return priv->read_only;
}

ReadoutDbStatement *
readout_db_prepare (ReadoutDb   *self,
                    const char  *sql,
                    GError     **error)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (self);
  ReadoutDbStatement *stmt = g_hash_table_lookup (priv->statements, sql);

  if (stmt != NULL)
    {
      readout_db_statement_reset (stmt);
      readout_db_statement_clear_bindings (stmt);
      return stmt;
    }
  stmt = READOUT_DB_GET_CLASS (self)->prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (priv->statements, g_strdup (sql), stmt);
  return stmt;
}

ReadoutDbStatement *
readout_db_prepare_uncached (ReadoutDb   *self,
                             const char  *sql,
                             GError     **error)
{
  g_return_val_if_fail (READOUT_IS_DB (self), NULL);

  return READOUT_DB_GET_CLASS (self)->prepare (self, sql, error);
}

gboolean
readout_db_exec (ReadoutDb   *self,
                 const char  *sql,
                 GError     **error)
{
  g_return_val_if_fail (READOUT_IS_DB (self), FALSE);

  return READOUT_DB_GET_CLASS (self)->exec (self, sql, error);
}

gboolean
readout_db_begin (ReadoutDb  *self,
                  gboolean    write,
                  GError    **error)
{
  g_return_val_if_fail (READOUT_IS_DB (self), FALSE);

  return READOUT_DB_GET_CLASS (self)->begin (self, write, error);
}

gboolean
readout_db_commit (ReadoutDb  *self,
                   GError    **error)
{
  g_return_val_if_fail (READOUT_IS_DB (self), FALSE);

  return READOUT_DB_GET_CLASS (self)->commit (self, error);
}

void
readout_db_rollback (ReadoutDb *self)
{
  g_return_if_fail (READOUT_IS_DB (self));

  READOUT_DB_GET_CLASS (self)->rollback (self);
}

/* SAVEPOINT, RELEASE and ROLLBACK TO are the same SQL on both engines. */
static gboolean
savepoint_exec (ReadoutDb   *self,
                const char  *command,
                const char  *name,
                GError     **error)
{
  g_autofree char *sql = g_strconcat (command, " ", name, NULL);

  return readout_db_exec (self, sql, error);
}

gboolean
readout_db_savepoint (ReadoutDb   *self,
                      const char  *name,
                      GError     **error)
{
  return savepoint_exec (self, "SAVEPOINT", name, error);
}

gboolean
readout_db_release (ReadoutDb   *self,
                    const char  *name,
                    GError     **error)
{
  return savepoint_exec (self, "RELEASE", name, error);
}

void
readout_db_rollback_to (ReadoutDb  *self,
                        const char *name)
{
  savepoint_exec (self, "ROLLBACK TO", name, NULL);
}

gboolean
readout_db_in_transaction (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), FALSE);

  return READOUT_DB_GET_CLASS (self)->in_transaction (self);
}

gint64
readout_db_changes (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), 0);

  return READOUT_DB_GET_CLASS (self)->changes (self);
}

gboolean
readout_db_is_connection_lost (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), FALSE);

#ifdef HAVE_POSTGRESQL
  if (READOUT_IS_DB_POSTGRES (self))
    return readout_db_postgres_is_connection_lost (READOUT_DB_POSTGRES (self));
#endif
  return FALSE;
}

gint64
readout_db_get_change_counter (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), -1);

  return READOUT_DB_GET_CLASS (self)->change_counter (self);
}

void
readout_db_set_busy_timeout (ReadoutDb *self,
                             guint      milliseconds)
{
  g_return_if_fail (READOUT_IS_DB (self));

  READOUT_DB_GET_CLASS (self)->set_busy_timeout (self, milliseconds);
}

int
readout_db_get_change_fd (ReadoutDb *self)
{
  g_return_val_if_fail (READOUT_IS_DB (self), -1);

  if (READOUT_DB_GET_CLASS (self)->change_fd == NULL)
    return -1;
  return READOUT_DB_GET_CLASS (self)->change_fd (self);
}

/* The cached statements go before the engine's finalize closes the connection. */
static void
readout_db_dispose (GObject *object)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (READOUT_DB (object));

  g_hash_table_remove_all (priv->statements);

  G_OBJECT_CLASS (readout_db_parent_class)->dispose (object);
}

static void
readout_db_finalize (GObject *object)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (READOUT_DB (object));

  g_hash_table_unref (priv->statements);
  g_free (priv->location);

  G_OBJECT_CLASS (readout_db_parent_class)->finalize (object);
}

static void
readout_db_class_init (ReadoutDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_db_dispose;
  object_class->finalize = readout_db_finalize;
}

static void
readout_db_init (ReadoutDb *self)
{
  ReadoutDbPrivate *priv = readout_db_get_instance_private (self);

  priv->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) readout_db_statement_unref);
}

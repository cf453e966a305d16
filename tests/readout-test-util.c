// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "readout-db-sqlite.h"
#ifdef HAVE_POSTGRESQL
#include "readout-pg-test-util.h"
#endif
#include "readout-store-private.h"
#include "readout-test-util.h"

char *
readout_test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("readout-test-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

gboolean
readout_test_engine_is_postgresql (void)
{
  return g_strcmp0 (g_getenv ("READOUT_TEST_ENGINE"), "postgresql") == 0;
}

gboolean
readout_test_skip_on_postgresql (const char *reason)
{
  if (!readout_test_engine_is_postgresql ())
    return FALSE;
  g_test_skip (reason);
  return TRUE;
}

static void
skip_test (gconstpointer reason)
{
  g_test_skip (reason);
}

void
readout_test_add_file_func (const char *path,
                            GTestFunc   func,
                            const char *reason)
{
  if (readout_test_engine_is_postgresql ())
    g_test_add_data_func (path, reason, skip_test);
  else
    g_test_add_func (path, func);
}

#ifdef HAVE_POSTGRESQL
/* The databases made for stores, by the path the store would have had as a file. */
static GHashTable *databases;

/* Drops the databases of the stores under @folder, or all of them when it is NULL. */
static void
drop_databases (const char *folder)
{
  g_autofree char *prefix = folder != NULL ? g_strconcat (folder, G_DIR_SEPARATOR_S, NULL) : NULL;
  GHashTableIter iter;
  gpointer path, dbname;

  if (databases == NULL)
    return;
  g_hash_table_iter_init (&iter, databases);
  while (g_hash_table_iter_next (&iter, &path, &dbname))
    if (prefix == NULL || g_str_has_prefix (path, prefix))
      {
        readout_pg_test_drop_database (dbname);
        g_hash_table_iter_remove (&iter);
      }
}

static void
drop_all_databases (void)
{
  drop_databases (NULL);
}

/* The database that stands for the file @path: made on first use, the same one after. */
static const char *
database_for (const char *path)
{
  char *dbname;

  if (g_getenv ("READOUT_TEST_POSTGRESQL") == NULL)
    g_error ("READOUT_TEST_ENGINE=postgresql needs READOUT_TEST_POSTGRESQL, the server's URI "
             "(build-aux/pg-test-server start DIR prints one)");
  if (databases == NULL)
    {
      databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      atexit (drop_all_databases);
    }
  dbname = g_hash_table_lookup (databases, path);
  if (dbname == NULL)
    {
      dbname = readout_pg_test_create_database ();
      g_hash_table_insert (databases, g_strdup (path), dbname);
    }
  return dbname;
}
#endif

char *
readout_test_store_location (const char *folder,
                             const char *name)
{
  char *path = g_build_filename (folder, name, NULL);

  if (!readout_test_engine_is_postgresql ())
    return path;
#ifdef HAVE_POSTGRESQL
  {
    char *location = readout_pg_test_conninfo (database_for (path));

    g_free (path);
    return location;
  }
#else
  g_error ("READOUT_TEST_ENGINE=postgresql, but this build has no PostgreSQL support");
#endif
}

void
readout_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

#ifdef HAVE_POSTGRESQL
  drop_databases (folder);
#endif
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        readout_test_remove_folder (path);
      else
        {
          g_chmod (path, 0600);
          g_unlink (path);
        }
    }
  g_rmdir (folder);
}

ReadoutStore *
readout_test_open_store (const char *folder,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = readout_test_store_location (folder, name);
  ReadoutStore *store = readout_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

ReadoutLeader *
readout_test_add_leader (ReadoutStore *store,
                         const char   *name,
                         const char   *country)
{
  g_autoptr(GError) error = NULL;
  ReadoutLeader *leader = readout_leader_new ();

  readout_leader_set_name (leader, name);
  readout_leader_set_country (leader, country);
  readout_leader_set_office (leader, "President");
  g_assert_true (readout_store_insert_leader (store, leader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (readout_leader_get_id (leader), >, 0);
  return leader;
}

ReadoutCall *
readout_test_add_call (ReadoutStore *store,
                       const char   *date,
                       gint64        leader_a,
                       gint64        leader_b)
{
  g_autoptr(GError) error = NULL;
  ReadoutCall *call = readout_call_new ();
  gint64 ids[] = { leader_a, leader_b };

  readout_call_set_date (call, date);
  readout_call_set_participant_ids (call, ids, 2);
  g_assert_true (readout_store_insert_call (store, call, &error));
  g_assert_no_error (error);
  return call;
}

ReadoutSource *
readout_test_add_source (ReadoutStore *store,
                         gint64        call_id,
                         const char   *publisher,
                         const char   *side)
{
  g_autoptr(GError) error = NULL;
  ReadoutSource *source = readout_source_new ();

  readout_source_set_call_id (source, call_id);
  readout_source_set_publisher (source, publisher);
  readout_source_set_kind (source, READOUT_SOURCE_KIND_READOUT);
  readout_source_set_side (source, side);
  g_assert_true (readout_store_insert_source (store, source, &error));
  g_assert_no_error (error);
  return source;
}

ReadoutStatement *
readout_test_add_statement (ReadoutStore *store,
                            gint64        source_id,
                            const char   *speaker,
                            const char   *side,
                            const char   *text)
{
  g_autoptr(GError) error = NULL;
  ReadoutStatement *statement = readout_statement_new ();

  readout_statement_set_source_id (statement, source_id);
  readout_statement_set_speaker (statement, speaker);
  readout_statement_set_side (statement, side);
  readout_statement_set_text (statement, text);
  g_assert_true (readout_store_insert_statement (store, statement, &error));
  g_assert_no_error (error);
  return statement;
}

sqlite3 *
readout_test_store_handle (ReadoutStore *store)
{
  g_assert_cmpint (readout_db_get_engine (readout_store_get_db (store)), ==, READOUT_DB_ENGINE_SQLITE);
  return readout_db_sqlite_get_handle (readout_store_get_db (store));
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
readout_test_prepare (ReadoutStore *store,
                      const char   *sql)
{
  GHashTable *statements = g_object_get_data (G_OBJECT (store), "readout-test-statements");
  sqlite3_stmt *stmt;

  if (statements == NULL)
    {
      statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
      g_object_set_data_full (G_OBJECT (store), "readout-test-statements", statements,
                              (GDestroyNotify) g_hash_table_unref);
    }
  stmt = g_hash_table_lookup (statements, sql);
  if (stmt == NULL)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (readout_test_store_handle (store), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_hash_table_insert (statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

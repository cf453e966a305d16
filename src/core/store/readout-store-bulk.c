// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-store-bulk.h"
#include "readout-store-pg-schema.h"
#include "readout-store-private.h"

/* The rows of a bulk fill, one prepared statement per table. */
enum {
  LEADER, CALL, PARTICIPANT, SOURCE, STATEMENT, STATEMENT_TOPIC, N_INSERTS
};

static const char * const insert_sql[N_INSERTS] = {
  [LEADER] = "INSERT INTO leaders (id, name, country, office) VALUES (?, ?, ?, ?)",
  [CALL] = "INSERT INTO calls (id, date, date_precision, duration_minutes, duration_qualifier, status)"
           " VALUES (?, ?, 'day', ?, ?, ?)",
  [PARTICIPANT] = "INSERT INTO call_participants (call_id, leader_id, position, call_date)"
                  " VALUES (?, ?, ?, ?)",
  [SOURCE] = "INSERT INTO sources (id, call_id, publisher, kind, side, date, title, text)"
             " VALUES (?, ?, ?, 'readout', ?, ?, ?, '')",
  [STATEMENT] = "INSERT INTO statements (id, call_id, source_id, speaker, side, kind, text, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [STATEMENT_TOPIC] = "INSERT INTO statement_topics (statement_id, topic_id) VALUES (?, ?)"
                      " ON CONFLICT DO NOTHING",
};

/* Around the fill, by engine. SQLite: a journal or durability during the fill buys
 * nothing, because a failed fill throws the file away, and a large page cache keeps the
 * indexes and the full-text segments from spilling to disk half-built. PostgreSQL: one
 * plain transaction that keeps the per-row change announcements quiet (see readout_notify
 * in readout-store-pg-schema.c), moves the id sequences past the ids the rows brought
 * and announces the fill once, on commit. */
static const char begin_SQLITE[] =
  "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
  " PRAGMA cache_size = -262144";
static const char after_commit_SQLITE[] =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA optimize";
static const char begin_POSTGRESQL[] = "SET LOCAL readout.quiet = 'on'";

static const char before_commit_POSTGRESQL[] =
  "SELECT readout_sync_ids ();"
  "SELECT pg_notify ('" READOUT_STORE_PG_CHANNEL "', 'calls:bulk:0')";

struct _ReadoutStoreBulk {
  ReadoutStore *store;
  ReadoutDb *db;
  ReadoutDbStatement *inserts[N_INSERTS];
  GPtrArray *index_definitions;   /* the dropped indexes' CREATE statements */
  gboolean sqlite;                /* else PostgreSQL */
};

/* Frees @db_error. */
static gboolean
fail (GError  *db_error,
      GError **error)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED, _("Could not generate the store: %s"),
               db_error->message);
  g_error_free (db_error);
  return FALSE;
}

static gboolean
exec (ReadoutDb   *db,
      const char  *sql,
      GError     **error)
{
  GError *db_error = NULL;

  return readout_db_exec (db, sql, &db_error) || fail (db_error, error);
}

/* Steps a bound insert and resets it for the next row. */
static gboolean
step (ReadoutStoreBulk  *self,
      int                insert,
      GError           **error)
{
  GError *db_error = NULL;
  ReadoutDbStatement *stmt = self->inserts[insert];
  ReadoutDbStep rc = readout_db_statement_step (stmt, &db_error);

  readout_db_statement_reset (stmt);
  return rc != READOUT_DB_FAILED || fail (db_error, error);
}

/* The secondary indexes of the tables a fill writes are dropped for the fill and built
 * again in one sorted pass each, which is cheaper than keeping them in step row by row.
 * Their definitions are read from the schema itself, so nothing here repeats it. */
static gboolean
drop_indexes (ReadoutStoreBulk  *self,
              GError           **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReadoutDbStatement) stmt = NULL;
  GError *db_error = NULL;

  stmt = readout_db_prepare_uncached (self->db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                      " AND sql IS NOT NULL AND tbl_name IN ('statements', 'statement_topics',"
                                      " 'sources', 'call_participants', 'calls')", &db_error);
  if (stmt == NULL)
    return fail (db_error, error);
  while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      g_ptr_array_add (names, g_strdup (readout_db_statement_column_text (stmt, 0)));
      g_ptr_array_add (self->index_definitions, g_strdup (readout_db_statement_column_text (stmt, 1)));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));

      if (!exec (self->db, drop, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_indexes (ReadoutStoreBulk  *self,
                GError           **error)
{
  for (guint i = 0; i < self->index_definitions->len; i++)
    if (!exec (self->db, g_ptr_array_index (self->index_definitions, i), error))
      return FALSE;
  return TRUE;
}

static void
bulk_free (ReadoutStoreBulk *self)
{
  for (guint i = 0; i < N_INSERTS; i++)
    g_clear_pointer (&self->inserts[i], readout_db_statement_unref);
  g_ptr_array_unref (self->index_definitions);
  g_object_unref (self->store);
  g_free (self);
}

ReadoutStoreBulk *
readout_store_bulk_begin (ReadoutStore  *store,
                          GError       **error)
{
  ReadoutStoreBulk *self;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_new0 (ReadoutStoreBulk, 1);
  self->store = g_object_ref (store);
  self->db = readout_store_get_db (store);
  self->index_definitions = g_ptr_array_new_with_free_func (g_free);

  self->sqlite = readout_db_get_engine (self->db) == READOUT_DB_ENGINE_SQLITE;

  ok = (!self->sqlite || exec (self->db, begin_SQLITE, error)) &&
       readout_store_begin (store, error);
  if (!ok)
    {
      bulk_free (self);
      return NULL;
    }
  /* Indexing a million rows in one pass at the end beats a trigger per row. On the
   * server, whose search columns are generated, the indexes stay: dropping them would
   * lock the tables against every reader of the team store for the whole fill. */
  if (self->sqlite)
    ok = readout_store_schema_suspend_fts (self->db, error) && drop_indexes (self, error);
  else
    ok = exec (self->db, begin_POSTGRESQL, error);
  for (guint i = 0; ok && i < N_INSERTS; i++)
    {
      GError *db_error = NULL;

      self->inserts[i] = readout_db_prepare_uncached (self->db, insert_sql[i], &db_error);
      ok = self->inserts[i] != NULL || fail (db_error, error);
    }
  if (!ok)
    {
      readout_store_rollback (store);
      bulk_free (self);
      return NULL;
    }
  return self;
}

gboolean
readout_store_bulk_add_leader (ReadoutStoreBulk  *self,
                               gint64             id,
                               const char        *name,
                               const char        *country,
                               const char        *office,
                               GError           **error)
{
  ReadoutDbStatement *stmt = self->inserts[LEADER];

  readout_db_statement_bind_int64 (stmt, 1, id);
  readout_db_statement_bind_text (stmt, 2, name);
  readout_db_statement_bind_text (stmt, 3, country);
  readout_db_statement_bind_text (stmt, 4, office);
  return step (self, LEADER, error);
}

gboolean
readout_store_bulk_add_call (ReadoutStoreBulk  *self,
                             gint64             id,
                             const char        *date,
                             int                duration_minutes,
                             const char        *duration_qualifier,
                             const char        *status,
                             GError           **error)
{
  ReadoutDbStatement *stmt = self->inserts[CALL];

  readout_db_statement_bind_int64 (stmt, 1, id);
  readout_db_statement_bind_text (stmt, 2, date);
  readout_db_statement_bind_int64 (stmt, 3, duration_minutes);
  readout_db_statement_bind_text (stmt, 4, duration_qualifier);
  readout_db_statement_bind_text (stmt, 5, status);
  return step (self, CALL, error);
}

gboolean
readout_store_bulk_add_participant (ReadoutStoreBulk  *self,
                                    gint64             call_id,
                                    gint64             leader_id,
                                    int                position,
                                    const char        *call_date,
                                    GError           **error)
{
  ReadoutDbStatement *stmt = self->inserts[PARTICIPANT];

  readout_db_statement_bind_int64 (stmt, 1, call_id);
  readout_db_statement_bind_int64 (stmt, 2, leader_id);
  readout_db_statement_bind_int64 (stmt, 3, position);
  readout_db_statement_bind_text (stmt, 4, call_date);
  return step (self, PARTICIPANT, error);
}

gboolean
readout_store_bulk_add_source (ReadoutStoreBulk  *self,
                               gint64             id,
                               gint64             call_id,
                               const char        *publisher,
                               const char        *side,
                               const char        *date,
                               const char        *title,
                               GError           **error)
{
  ReadoutDbStatement *stmt = self->inserts[SOURCE];

  readout_db_statement_bind_int64 (stmt, 1, id);
  readout_db_statement_bind_int64 (stmt, 2, call_id);
  readout_db_statement_bind_text (stmt, 3, publisher);
  readout_db_statement_bind_text (stmt, 4, side);
  readout_db_statement_bind_text (stmt, 5, date);
  readout_db_statement_bind_text (stmt, 6, title);
  return step (self, SOURCE, error);
}

gboolean
readout_store_bulk_add_statement (ReadoutStoreBulk  *self,
                                  gint64             id,
                                  gint64             call_id,
                                  gint64             source_id,
                                  const char        *speaker,
                                  const char        *side,
                                  const char        *kind,
                                  const char        *text,
                                  gssize             text_length,
                                  int                position,
                                  GArray            *topic_ids,
                                  GError           **error)
{
  ReadoutDbStatement *stmt = self->inserts[STATEMENT];
  ReadoutDbStatement *topic = self->inserts[STATEMENT_TOPIC];

  readout_db_statement_bind_int64 (stmt, 1, id);
  readout_db_statement_bind_int64 (stmt, 2, call_id);
  readout_db_statement_bind_int64 (stmt, 3, source_id);
  readout_db_statement_bind_text (stmt, 4, speaker);
  readout_db_statement_bind_text (stmt, 5, side);
  readout_db_statement_bind_text (stmt, 6, kind);
  /* The caller keeps the text until this returns: no copy of the commonest column. */
  readout_db_statement_bind_static_text (stmt, 7, text, text_length);
  readout_db_statement_bind_int64 (stmt, 8, position);
  if (!step (self, STATEMENT, error))
    return FALSE;

  for (guint t = 0; topic_ids != NULL && t < topic_ids->len; t++)
    {
      readout_db_statement_bind_int64 (topic, 1, id);
      readout_db_statement_bind_int64 (topic, 2, g_array_index (topic_ids, gint64, t));
      if (!step (self, STATEMENT_TOPIC, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_store_bulk_finish (ReadoutStoreBulk  *self,
                           gboolean           keep,
                           GError           **error)
{
  ReadoutStore *store = self->store;
  ReadoutDb *db = self->db;
  gboolean ok = keep;

  if (ok && self->sqlite)
    ok = create_indexes (self, error) && readout_store_schema_resume_fts (db, error);
  else if (ok)
    ok = exec (db, before_commit_POSTGRESQL, error);
  if (ok)
    ok = readout_store_commit (store, error);
  else
    readout_store_rollback (store);
  if (ok && self->sqlite)
    ok = exec (db, after_commit_SQLITE, error);
  bulk_free (self);
  return ok;
}

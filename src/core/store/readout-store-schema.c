// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "readout-error.h"
#include "readout-store-private.h"

/* The schema, one migration per version. A migration only ever runs forward, in one
 * transaction with the user_version bump, so a store is always at exactly one version. */

static const char schema_v1[] =
  "CREATE TABLE countries ("
  "  code TEXT PRIMARY KEY CHECK (length (code) = 2),"
  "  name TEXT NOT NULL,"
  "  demonym TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE leaders ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  country TEXT REFERENCES countries (code),"
  "  office TEXT,"
  "  term_start TEXT,"
  "  term_end TEXT"
  ");"
  "CREATE INDEX leaders_name ON leaders (name COLLATE NOCASE);"

  "CREATE TABLE leader_aliases ("
  "  leader_id INTEGER NOT NULL REFERENCES leaders (id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL CHECK (alias <> ''),"
  "  PRIMARY KEY (leader_id, alias)"
  ") WITHOUT ROWID;"
  "CREATE INDEX leader_aliases_alias ON leader_aliases (alias COLLATE NOCASE);"

  "CREATE TABLE calls ("
  "  id INTEGER PRIMARY KEY,"
  "  date TEXT NOT NULL,"
  "  date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),"
  "  time TEXT,"
  "  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),"
  "  duration_qualifier TEXT CHECK (duration_qualifier IS NULL OR duration_qualifier IN"
  "    ('exact', 'about', 'more_than', 'less_than')),"
  "  status TEXT NOT NULL CHECK (status IN ('held', 'announced', 'cancelled')),"
  "  initiator_id INTEGER REFERENCES leaders (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX calls_initiator ON calls (initiator_id);"
  "CREATE INDEX calls_date ON calls (date, id);"

  /* call_date copies calls.date so that "a leader's calls, newest first" is a single
   * index range, whatever the size of the store; a trigger keeps it in step. */
  "CREATE TABLE call_participants ("
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  leader_id INTEGER NOT NULL REFERENCES leaders (id),"
  "  position INTEGER NOT NULL,"
  "  call_date TEXT NOT NULL,"
  "  PRIMARY KEY (call_id, leader_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX call_participants_leader ON call_participants (leader_id, call_date, call_id);"
  "CREATE TRIGGER calls_date_changed AFTER UPDATE OF date ON calls BEGIN"
  "  UPDATE call_participants SET call_date = new.date WHERE call_id = new.id;"
  "END;"

  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  publisher TEXT NOT NULL CHECK (publisher <> ''),"
  "  kind TEXT NOT NULL CHECK (kind IN ('readout', 'transcript', 'press_release',"
  "    'news_report', 'briefing', 'social_post')),"
  "  side TEXT REFERENCES countries (code),"
  "  date TEXT,"
  "  title TEXT,"
  "  url TEXT,"
  "  text TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX sources_call ON sources (call_id);"

  "CREATE TABLE statements ("
  "  id INTEGER PRIMARY KEY,"
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  speaker TEXT,"
  "  side TEXT REFERENCES countries (code),"
  "  kind TEXT NOT NULL CHECK (kind IN ('quote', 'paraphrase')),"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX statements_call ON statements (call_id, side, source_id, position);"
  "CREATE INDEX statements_source ON statements (source_id, position);"

  "CREATE TABLE topics ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')"
  ");"
  "CREATE TABLE topic_keywords ("
  "  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL,"
  "  keyword TEXT NOT NULL CHECK (keyword <> ''),"
  "  PRIMARY KEY (topic_id, language, keyword)"
  ") WITHOUT ROWID;"
  "CREATE TABLE statement_topics ("
  "  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,"
  "  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (statement_id, topic_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX statement_topics_topic ON statement_topics (topic_id);"

  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL CHECK (field <> '')"
  ");"
  "CREATE INDEX conflicts_call ON conflicts (call_id);"
  "CREATE TABLE conflict_claims ("
  "  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (conflict_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX conflict_claims_source ON conflict_claims (source_id);";

/* Full-text search over what was said and over the sources' text, as external-content
 * FTS5 tables kept in step by triggers, so no write path can forget them. */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE statements_fts USING fts5 ("
  "  text, speaker, content = 'statements', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE sources_fts USING fts5 ("
  "  title, text, content = 'sources', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');";

/* Readouts from the web (issue 15): finding a source by its address, the followed feeds,
 * and every feed item ever seen, so that none is offered twice. An item outlives its feed
 * (feed_id becomes NULL): following the feed again must not bring its old items back. */
static const char schema_v3[] =
  "CREATE INDEX sources_url ON sources (url) WHERE url IS NOT NULL;"
  "CREATE TABLE feeds ("
  "  id INTEGER PRIMARY KEY,"
  "  url TEXT NOT NULL UNIQUE CHECK (url <> ''),"
  "  title TEXT,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  checked_at TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT"
  ");"
  "CREATE TABLE feed_items ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL,"
  "  key TEXT NOT NULL UNIQUE CHECK (key <> ''),"
  "  url TEXT,"
  "  title TEXT,"
  "  published TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('inbox', 'skipped', 'failed', 'filed', 'dismissed')),"
  "  text TEXT"
  ");"
  "CREATE INDEX feed_items_feed ON feed_items (feed_id);"
  "CREATE INDEX feed_items_state ON feed_items (state, published);";

static const char fts_triggers[] =
  "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN"
  "  INSERT INTO statements_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);"
  "END;"
  "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN"
  "  INSERT INTO statements_fts (statements_fts, rowid, text, speaker)"
  "    VALUES ('delete', old.id, old.text, old.speaker);"
  "END;"
  "CREATE TRIGGER statements_fts_update AFTER UPDATE OF text, speaker ON statements BEGIN"
  "  INSERT INTO statements_fts (statements_fts, rowid, text, speaker)"
  "    VALUES ('delete', old.id, old.text, old.speaker);"
  "  INSERT INTO statements_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);"
  "END;"
  "CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN"
  "  INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN"
  "  INSERT INTO sources_fts (sources_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "END;"
  "CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN"
  "  INSERT INTO sources_fts (sources_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;";

static const char fts_rebuild[] =
  "INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');"
  "INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');";

static const char fts_drop_triggers[] =
  "DROP TRIGGER statements_fts_insert; DROP TRIGGER statements_fts_delete;"
  "DROP TRIGGER statements_fts_update; DROP TRIGGER sources_fts_insert;"
  "DROP TRIGGER sources_fts_delete; DROP TRIGGER sources_fts_update;";

/* Version 4. Calls per pair of leaders and year, kept in step with call_participants by triggers,
 * so that "who talks most" over the whole store reads one small table instead of
 * joining every call's participants (issue 14: the relations overview). A pair is
 * (lower id, higher id); a row whose count falls to zero is removed. */
#define PAIR_OF(x, y) "min (" x ", " y "), max (" x ", " y ")"
#define OTHERS_OF(row) \
  " FROM call_participants o WHERE o.call_id = " row ".call_id AND o.leader_id <> " row ".leader_id"
#define ADD_PAIRS(row) \
  "INSERT INTO pair_years (leader_a, leader_b, year, n_calls)" \
  " SELECT " PAIR_OF ("o.leader_id", row ".leader_id") ", substr (" row ".call_date, 1, 4), 1" \
  OTHERS_OF (row) " AND true" \
  " ON CONFLICT (leader_a, leader_b, year) DO UPDATE SET n_calls = n_calls + 1;"
/* Takes one call off each pair of @row's leader (column @leader) with the others. */
#define REMOVE_PAIRS(row, leader) \
  "UPDATE pair_years SET n_calls = n_calls - 1 WHERE year = substr (" row ".call_date, 1, 4)" \
  " AND (leader_a, leader_b) IN (SELECT " PAIR_OF ("o.leader_id", leader) \
  "  FROM call_participants o WHERE o.call_id = " row ".call_id AND o.leader_id <> " leader ");" \
  "DELETE FROM pair_years WHERE n_calls <= 0 AND year = substr (" row ".call_date, 1, 4)" \
  " AND (leader_a, leader_b) IN (SELECT " PAIR_OF ("o.leader_id", leader) \
  "  FROM call_participants o WHERE o.call_id = " row ".call_id AND o.leader_id <> " leader ");"

static const char schema_v4[] =
  "CREATE TABLE pair_years ("
  "  leader_a INTEGER NOT NULL,"
  "  leader_b INTEGER NOT NULL,"
  "  year TEXT NOT NULL,"
  "  n_calls INTEGER NOT NULL,"
  "  PRIMARY KEY (leader_a, leader_b, year)"
  ") WITHOUT ROWID;"
  "CREATE INDEX pair_years_b ON pair_years (leader_b, leader_a, year);"
  "INSERT INTO pair_years (leader_a, leader_b, year, n_calls)"
  "  SELECT a.leader_id, b.leader_id, substr (a.call_date, 1, 4), count(*)"
  "  FROM call_participants a JOIN call_participants b"
  "   ON b.call_id = a.call_id AND b.leader_id > a.leader_id"
  "  GROUP BY a.leader_id, b.leader_id, substr (a.call_date, 1, 4);"
  "CREATE TRIGGER pair_years_insert AFTER INSERT ON call_participants BEGIN "
  ADD_PAIRS ("new")
  "END;"
  /* A call's rows go one by one: each takes its pairs with the rows still there. */
  "CREATE TRIGGER pair_years_delete AFTER DELETE ON call_participants BEGIN "
  REMOVE_PAIRS ("old", "old.leader_id")
  "END;"
  /* A merge of leaders moves a participant row to another leader. */
  "CREATE TRIGGER pair_years_leader AFTER UPDATE OF leader_id ON call_participants BEGIN "
  REMOVE_PAIRS ("old", "old.leader_id")
  ADD_PAIRS ("new")
  "END;"
  /* A new date updates every row of the call; the row of each pair's lower id moves the
   * pair, so that it moves once. */
  "CREATE TRIGGER pair_years_date AFTER UPDATE OF call_date ON call_participants"
  "  WHEN substr (old.call_date, 1, 4) <> substr (new.call_date, 1, 4) BEGIN "
  "  UPDATE pair_years SET n_calls = n_calls - 1 WHERE leader_a = new.leader_id"
  "   AND year = substr (old.call_date, 1, 4) AND leader_b IN (SELECT o.leader_id"
  "   FROM call_participants o WHERE o.call_id = new.call_id AND o.leader_id > new.leader_id);"
  "  DELETE FROM pair_years WHERE leader_a = new.leader_id AND n_calls <= 0"
  "   AND year = substr (old.call_date, 1, 4);"
  "  INSERT INTO pair_years (leader_a, leader_b, year, n_calls)"
  "   SELECT new.leader_id, o.leader_id, substr (new.call_date, 1, 4), 1"
  "   FROM call_participants o WHERE o.call_id = new.call_id AND o.leader_id > new.leader_id"
  "   ON CONFLICT (leader_a, leader_b, year) DO UPDATE SET n_calls = n_calls + 1;"
  "END;";

/* Frees @db_error. */
static gboolean
schema_error (GError  *db_error,
              GError **error)
{
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
               _("Could not update the store’s schema: %s"), db_error->message);
  g_error_free (db_error);
  return FALSE;
}

gboolean
readout_store_schema_exec (ReadoutDb   *db,
                           const char  *sql,
                           GError     **error)
{
  GError *db_error = NULL;

  return readout_db_exec (db, sql, &db_error) || schema_error (db_error, error);
}

static gboolean
insert_countries (ReadoutDb *db,
                  GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(ReadoutDbStatement) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/countries.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  stmt = readout_db_prepare_uncached (db, "INSERT INTO countries (code, name, demonym) VALUES (?, ?, ?)",
                                      &db_error);
  if (stmt == NULL)
    return schema_error (g_steal_pointer (&db_error), error);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  /* The first line names the columns. */
  for (guint i = 1; ok && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) != 3)
        continue;
      readout_db_statement_bind_text (stmt, 1, fields[0]);
      readout_db_statement_bind_text (stmt, 2, fields[1]);
      readout_db_statement_bind_text (stmt, 3, g_strchomp (fields[2]));
      if (readout_db_statement_step (stmt, &db_error) == READOUT_DB_FAILED)
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                       _("Could not store the country list: %s"), db_error->message);
          ok = FALSE;
        }
      readout_db_statement_reset (stmt);
    }
  return ok;
}

static gboolean
insert_topics (ReadoutDb *db,
               GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ReadoutDbStatement) topic_stmt = NULL;
  g_autoptr(ReadoutDbStatement) keyword_stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  JsonArray *topics;
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/topics.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return FALSE;
  topics = json_node_get_array (json_parser_get_root (parser));

  topic_stmt = readout_db_prepare_uncached (db, "INSERT INTO topics (name) VALUES (?) RETURNING id",
                                            &db_error);
  if (topic_stmt != NULL)
    keyword_stmt = readout_db_prepare_uncached (db, "INSERT OR IGNORE INTO topic_keywords"
                                                " (topic_id, language, keyword) VALUES (?, ?, ?)",
                                                &db_error);
  if (keyword_stmt == NULL)
    return schema_error (g_steal_pointer (&db_error), error);

  for (guint i = 0; ok && i < json_array_get_length (topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (topics, i);
      JsonObject *keywords = json_object_get_object_member (topic, "keywords");
      g_autoptr(GList) languages = json_object_get_members (keywords);
      gint64 topic_id = 0;

      readout_db_statement_bind_text (topic_stmt, 1, json_object_get_string_member (topic, "name"));
      ok = readout_db_statement_run (topic_stmt, &topic_id, &db_error) == READOUT_DB_DONE;
      readout_db_statement_reset (topic_stmt);

      for (GList *l = languages; ok && l != NULL; l = l->next)
        {
          JsonArray *words = json_object_get_array_member (keywords, l->data);

          for (guint j = 0; ok && j < json_array_get_length (words); j++)
            {
              readout_db_statement_bind_int64 (keyword_stmt, 1, topic_id);
              readout_db_statement_bind_text (keyword_stmt, 2, l->data);
              readout_db_statement_bind_text (keyword_stmt, 3, json_array_get_string_element (words, j));
              ok = readout_db_statement_step (keyword_stmt, &db_error) == READOUT_DB_DONE;
              readout_db_statement_reset (keyword_stmt);
            }
        }
    }

  if (!ok)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED, _("Could not store the topic list: %s"),
                 db_error != NULL ? db_error->message : "");
  return ok;
}

static gboolean
migrate_to_1 (ReadoutDb *db,
              GError  **error)
{
  /* application_id marks the file as Readout's ("RDOT"), so that another program's
   * SQLite file is recognised before anything touches it. */
  return readout_store_schema_exec (db, "PRAGMA application_id = 1380208468;", error) &&
         readout_store_schema_exec (db, schema_v1, error) &&
         insert_countries (db, error) &&
         insert_topics (db, error);
}

static gboolean
migrate_to_2 (ReadoutDb *db,
              GError  **error)
{
  return readout_store_schema_exec (db, schema_v2, error) &&
         readout_store_schema_exec (db, fts_triggers, error) &&
         readout_store_schema_exec (db, fts_rebuild, error);
}

/* The team store's search columns are generated with each row: nothing to suspend, and
 * SQLite's FTS5 triggers are not there to drop. */
gboolean
readout_store_schema_suspend_fts (ReadoutDb *db,
                                  GError  **error)
{
  if (readout_db_get_engine (db) == READOUT_DB_ENGINE_POSTGRESQL)
    return TRUE;
  return readout_store_schema_exec (db, fts_drop_triggers, error);
}

gboolean
readout_store_schema_resume_fts (ReadoutDb *db,
                                 GError  **error)
{
  if (readout_db_get_engine (db) == READOUT_DB_ENGINE_POSTGRESQL)
    return TRUE;
  return readout_store_schema_exec (db, fts_triggers, error) &&
         readout_store_schema_exec (db, fts_rebuild, error);
}

static gboolean
migrate_to_3 (ReadoutDb *db,
              GError  **error)
{
  return readout_store_schema_exec (db, schema_v3, error);
}

static gboolean
migrate_to_4 (ReadoutDb *db,
              GError  **error)
{
  return readout_store_schema_exec (db, schema_v4, error);
}

typedef gboolean (*MigrationFunc) (ReadoutDb *db, GError **error);

/* migrations[n - 1] takes a store from version n - 1 to version n. */
static const MigrationFunc migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == READOUT_STORE_SCHEMA_VERSION);

gboolean
readout_store_schema_migrate (ReadoutDb *db,
                              int       from,
                              int       to,
                              GError  **error)
{
  g_return_val_if_fail (from >= 0 && to <= READOUT_STORE_SCHEMA_VERSION, FALSE);

  for (int version = from + 1; version <= to; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      GError *db_error = NULL;

      if (!readout_db_begin (db, TRUE, &db_error))
        return schema_error (db_error, error);
      if (!migrations[version - 1] (db, error) || !readout_store_schema_exec (db, bump, error))
        {
          readout_db_rollback (db);
          return FALSE;
        }
      if (!readout_db_commit (db, &db_error))
        {
          readout_db_rollback (db);
          return schema_error (db_error, error);
        }
    }
  return TRUE;
}

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

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Could not update the store’s schema: %s"), message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_countries (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/countries.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sqlite3_prepare_v2 (db, "INSERT INTO countries (code, name, demonym) VALUES (?, ?, ?)",
                      -1, &stmt, NULL);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  /* The first line names the columns. */
  for (guint i = 1; ok && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) != 3)
        continue;
      sqlite3_bind_text (stmt, 1, fields[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, fields[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, g_strchomp (fields[2]), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                       _("Could not store the country list: %s"), sqlite3_errmsg (db));
          ok = FALSE;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
insert_topics (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *topic_stmt = NULL;
  sqlite3_stmt *keyword_stmt = NULL;
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

  sqlite3_prepare_v2 (db, "INSERT INTO topics (name) VALUES (?)", -1, &topic_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO topic_keywords (topic_id, language, keyword)"
                          " VALUES (?, ?, ?)", -1, &keyword_stmt, NULL);

  for (guint i = 0; ok && i < json_array_get_length (topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (topics, i);
      JsonObject *keywords = json_object_get_object_member (topic, "keywords");
      g_autoptr(GList) languages = json_object_get_members (keywords);
      gint64 topic_id;

      sqlite3_bind_text (topic_stmt, 1, json_object_get_string_member (topic, "name"), -1,
                         SQLITE_TRANSIENT);
      ok = sqlite3_step (topic_stmt) == SQLITE_DONE;
      sqlite3_reset (topic_stmt);
      topic_id = sqlite3_last_insert_rowid (db);

      for (GList *l = languages; ok && l != NULL; l = l->next)
        {
          JsonArray *words = json_object_get_array_member (keywords, l->data);

          for (guint j = 0; ok && j < json_array_get_length (words); j++)
            {
              sqlite3_bind_int64 (keyword_stmt, 1, topic_id);
              sqlite3_bind_text (keyword_stmt, 2, l->data, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (keyword_stmt, 3, json_array_get_string_element (words, j), -1,
                                 SQLITE_TRANSIENT);
              ok = sqlite3_step (keyword_stmt) == SQLITE_DONE;
              sqlite3_reset (keyword_stmt);
            }
        }
    }

  if (!ok)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                 _("Could not store the topic list: %s"), sqlite3_errmsg (db));
  sqlite3_finalize (topic_stmt);
  sqlite3_finalize (keyword_stmt);
  return ok;
}

static gboolean
migrate_to_1 (sqlite3  *db,
              GError  **error)
{
  /* application_id marks the file as Readout's ("RDOT"), so that another program's
   * SQLite file is recognised before anything touches it. */
  return exec_sql (db, "PRAGMA application_id = 1380208468;", error) &&
         exec_sql (db, schema_v1, error) &&
         insert_countries (db, error) &&
         insert_topics (db, error);
}

static gboolean
migrate_to_2 (sqlite3  *db,
              GError  **error)
{
  return exec_sql (db, schema_v2, error) &&
         exec_sql (db, fts_triggers, error) &&
         exec_sql (db, fts_rebuild, error);
}

gboolean
readout_store_schema_suspend_fts (sqlite3  *db,
                                  GError  **error)
{
  return exec_sql (db, fts_drop_triggers, error);
}

gboolean
readout_store_schema_resume_fts (sqlite3  *db,
                                 GError  **error)
{
  return exec_sql (db, fts_triggers, error) &&
         exec_sql (db, fts_rebuild, error);
}

static gboolean
migrate_to_3 (sqlite3  *db,
              GError  **error)
{
  return exec_sql (db, schema_v3, error);
}

typedef gboolean (*MigrationFunc) (sqlite3 *db, GError **error);

/* migrations[n - 1] takes a store from version n - 1 to version n. */
static const MigrationFunc migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == READOUT_STORE_SCHEMA_VERSION);

gboolean
readout_store_schema_migrate (sqlite3  *db,
                              int       from,
                              int       to,
                              GError  **error)
{
  g_return_val_if_fail (from >= 0 && to <= READOUT_STORE_SCHEMA_VERSION, FALSE);

  for (int version = from + 1; version <= to; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!migrations[version - 1] (db, error) || !exec_sql (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec_sql (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-db.h"
#include "readout-store.h"
#include "readout-topic-tagger.h"

G_BEGIN_DECLS

/* Column lists shared by single-row reads and the list models; the *_from_row
 * builders read them by position. One text for both engines: on PostgreSQL the team
 * schema defines group_concat, json_array and json_group_array as SQLite has them
 * (readout-store-pg-schema.c). Lists of names (aliases, participants, topics) come
 * joined by the ASCII unit separator (0x1f, written as itself inside the SQL string),
 * with the parts of one participant joined by the record separator (0x1e): the store
 * refuses control characters in names, so these cannot clash, and splitting them is far
 * cheaper than parsing JSON for every row. Keywords and conflict claims, which may hold
 * any text, come as JSON arrays. */
#define LEADER_COLUMNS \
  "l.id, l.name, l.country, co.name, l.office, l.term_start, l.term_end," \
  " (SELECT group_concat (alias, '\x1f') FROM (SELECT alias FROM leader_aliases a" \
  "   WHERE a.leader_id = l.id ORDER BY alias) AS aliases)," \
  " (SELECT count(*) FROM call_participants p WHERE p.leader_id = l.id)," \
  " (SELECT max (call_date) FROM call_participants p WHERE p.leader_id = l.id) AS last_call"
#define LEADER_FROM " FROM leaders l LEFT JOIN countries co ON co.code = l.country"

#define CALL_COLUMNS \
  "c.id, c.date, c.date_precision, c.time, c.duration_minutes, c.duration_qualifier," \
  " c.status, c.initiator_id, i.name," \
  " (SELECT group_concat (leader_id || '\x1e' || name || '\x1e' || coalesce (country, ''), '\x1f')" \
  "   FROM (SELECT p.leader_id, l.name, l.country FROM call_participants p" \
  "    JOIN leaders l ON l.id = p.leader_id WHERE p.call_id = c.id ORDER BY p.position) AS participants)," \
  " (SELECT group_concat (name, '\x1f') FROM (SELECT DISTINCT t.name FROM statements s" \
  "   JOIN statement_topics x ON x.statement_id = s.id JOIN topics t ON t.id = x.topic_id" \
  "   WHERE s.call_id = c.id ORDER BY t.name) AS topic_names)"
#define CALL_INITIATOR_JOIN " LEFT JOIN leaders i ON i.id = c.initiator_id"

#define SOURCE_COLUMNS \
  "s.id, s.call_id, s.publisher, s.kind, s.side, s.date, s.title, s.url, s.text"

#define STATEMENT_COLUMNS \
  "st.id, st.call_id, st.source_id, st.speaker, st.side, st.kind, st.text, st.position," \
  " (SELECT group_concat (name, '\x1f') FROM (SELECT t.name FROM statement_topics x" \
  "   JOIN topics t ON t.id = x.topic_id WHERE x.statement_id = st.id ORDER BY t.name) AS topic_names)," \
  " so.publisher, so.title"
#define STATEMENT_FROM " FROM statements st JOIN sources so ON so.id = st.source_id"

#define TOPIC_COLUMNS \
  "t.id, t.name, (SELECT json_group_array (json_array (language, keyword)) FROM" \
  "   (SELECT language, keyword FROM topic_keywords k WHERE k.topic_id = t.id" \
  "    ORDER BY language, keyword) AS keywords)"

#define CONFLICT_COLUMNS \
  "c.id, c.call_id, c.field," \
  " (SELECT json_group_array (json_array (value, source_id, publisher)) FROM" \
  "   (SELECT cc.value, cc.source_id, s.publisher FROM conflict_claims cc" \
  "    LEFT JOIN sources s ON s.id = cc.source_id WHERE cc.conflict_id = c.id" \
  "    ORDER BY cc.position) AS claims)"


/* For the core's own modules (models, schema, sample, generator, import), not for the UI. */

void      readout_store_sync_data_version  (ReadoutStore   *self);
ReadoutDb *readout_store_get_db          (ReadoutStore   *self);
/* The connection's cached statement for @sql, reset and with its bindings cleared
 * (readout_db_prepare()); NULL with @error set in the store's terms. */
ReadoutDbStatement *readout_store_prepare (ReadoutStore  *self,
                                           const char    *sql,
                                           GError       **error);
/* Steps @stmt; on READOUT_DB_FAILED sets @error in the store's terms, prefixed @what. */
ReadoutDbStep readout_store_step         (ReadoutStore       *self,
                                          ReadoutDbStatement *stmt,
                                          const char         *what,
                                          GError            **error);
/* Turns an engine's error (READOUT_DB_ERROR) into a GError with a Readout code and
 * the store's message for people. */
void      readout_store_set_db_error     (ReadoutStore   *self,
                                          const GError   *db_error,
                                          const char     *what,
                                          GError        **error);
/* Records that row @id of @kind changed (and with it rows of the kinds in @also); the
 * store emits ::changed after the outermost commit. */
void      readout_store_note_change      (ReadoutStore      *self,
                                          ReadoutChangeKind  kind,
                                          gint64             id,
                                          ReadoutChangeKind  also);

/* Schema: creates or migrates to READOUT_STORE_SCHEMA_VERSION. @from is the file's
 * user_version; each step runs in its own transaction. */
/* Runs schema SQL (either engine's); its error says the schema could not be updated. */
gboolean  readout_store_schema_exec      (ReadoutDb      *db,
                                          const char     *sql,
                                          GError        **error);
gboolean  readout_store_schema_migrate   (ReadoutDb      *db,
                                          int             from,
                                          int             to,
                                          GError        **error);

/* For bulk loads into a new store: stop keeping the full-text index in step row by
 * row, then rebuild it in one pass. Both run inside the caller's transaction. On
 * PostgreSQL both do nothing: the index follows generated columns. */
gboolean  readout_store_schema_suspend_fts (ReadoutDb    *db,
                                            GError      **error);
gboolean  readout_store_schema_resume_fts  (ReadoutDb    *db,
                                            GError      **error);

/* The statement -> topic links of every stored statement are rebuilt from the topic list. */
gboolean  readout_store_retag_all        (ReadoutStore   *self,
                                          GError        **error);

/* Called by readout_store_retag_all() before the first and after each batch of
 * statements; returning FALSE stops the re-tag with G_IO_ERROR_CANCELLED (and the
 * caller rolls back). For the background re-tag (readout-store-retag.h), which runs it
 * on a store of its own on a worker thread. */
typedef gboolean (*ReadoutRetagProgress) (guint64   done,
                                          guint64   total,
                                          gpointer  user_data);
void      readout_store_set_retag_progress (ReadoutStore         *self,
                                            ReadoutRetagProgress  progress,
                                            gpointer              user_data);
/* Another connection changed the topic list and re-tagged: forget the tagger built
 * from the old list and tell every model (::changed). */
void      readout_store_topics_changed_elsewhere (ReadoutStore   *self,
                                                  gint64          topic_id);

/* The team store's row_version of the row of @table with @id, 0 on SQLite (which has
 * none) or when it cannot be read; see readout-store-row-version.c. */
gint64    readout_store_read_row_version (ReadoutStore   *self,
                                          const char     *table,
                                          gint64          id);

/* Inside a write transaction, before the update: locks the row of @table with @id and
 * checks that it is still at @read_version, else fails with READOUT_ERROR_CHANGED
 * naming who changed it (@what) and when. TRUE when there is nothing to check (version
 * 0, SQLite); a missing row is left to the update, which reports it. */
gboolean  readout_store_check_row_version (ReadoutStore  *self,
                                           const char    *table,
                                           const char    *what,
                                           gint64         id,
                                           gint64         read_version,
                                           GError       **error);

/* Splits a group_concat() of values joined by 0x1f into a NULL-terminated array. */
char    **readout_sql_column_strv        (ReadoutDbStatement   *stmt,
                                          int             column);

/* Builds model objects from the columns of the store's standard SELECTs (the
 * *_COLUMNS lists above); used by the store and its list models alike. */
GObject  *readout_store_leader_from_row    (ReadoutDbStatement *stmt);
GObject  *readout_store_call_from_row      (ReadoutDbStatement *stmt);
GObject  *readout_store_source_from_row    (ReadoutDbStatement *stmt);
GObject  *readout_store_statement_from_row (ReadoutDbStatement *stmt);
GObject  *readout_store_topic_from_row     (ReadoutDbStatement *stmt);
GObject  *readout_store_conflict_from_row  (ReadoutDbStatement *stmt);

/* The store's state, shared by the files that implement it (readout-store.c,
 * readout-store-write.c, readout-store-lists.c). */
struct _ReadoutStore
{
  GObject parent_instance;

  ReadoutDb *connection;
  char *path;
  gboolean read_only;

  ReadoutTopicTagger *tagger; /* built from the topic list on first use */
  ReadoutRetagProgress retag_progress; /* see readout_store_set_retag_progress() */
  gpointer retag_progress_data;

  guint transaction_depth;
  ReadoutChangeKind pending_kinds;
  ReadoutChangeKind pending_primary; /* the kind of pending_id */
  gint64 pending_id;         /* the one row that changed, or 0 when several did */
  guint n_pending;

  gint64 data_version;       /* SQLite's, when this store last looked; see check_for_changes() */
  guint watch_id;            /* the timer while watching for other writers, or 0 */
  guint socket_watch_id;     /* a team store's socket while watching, or 0 */
};

/* For the store's own files: statement helpers and the write transaction. */
gboolean  readout_store_step_done          (ReadoutStore   *self,
                                            ReadoutDbStatement   *stmt,
                                            const char     *what,
                                            GError        **error);
/* As readout_store_step_done(), and @new_id (unless NULL) gets the first column of the
 * row the SQL returned (INSERT … RETURNING id). */
gboolean  readout_store_step_returning     (ReadoutStore       *self,
                                            ReadoutDbStatement *stmt,
                                            const char         *what,
                                            gint64             *new_id,
                                            GError            **error);
gboolean  readout_store_exec               (ReadoutStore   *self,
                                            const char     *sql,
                                            const char     *what,
                                            GError        **error);
void      readout_store_bind_text_or_null  (ReadoutDbStatement   *stmt,
                                            int             index,
                                            const char     *text);
void      readout_store_bind_id_or_null    (ReadoutDbStatement   *stmt,
                                            int             index,
                                            gint64          id);
/* Opens a write transaction (a savepoint inside one); FALSE on a read-only or locked store. */
gboolean  readout_store_write_begin        (ReadoutStore   *self,
                                            GError        **error);
/* Commits (@ok) or rolls back what write_begin opened; returns whether it was committed. */
gboolean  readout_store_write_end          (ReadoutStore   *self,
                                            gboolean        ok,
                                            GError        **error);
void      readout_store_emit_pending_changes (ReadoutStore *self);

G_END_DECLS

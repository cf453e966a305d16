// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-safe-file.h"
#include "readout-db-sqlite.h"
#include "readout-store-pg-schema.h"
#include "readout-store-private.h"
#include "readout-topic-tagger.h"

/* The store: one SQLite file, or a team store's PostgreSQL database, holding every
 * leader, call, source, statement, topic and conflict. It is used from one thread (the
 * one that opened it). */

#define SQLITE_HEADER_SIZE 100
#define READOUT_APPLICATION_ID 1380208468 /* "RDOT" */


G_DEFINE_FINAL_TYPE (ReadoutStore, readout_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------- */
/* Row helpers                                                                        */

static JsonArray *
column_json_array (ReadoutDbStatement *stmt,
                   int           column,
                   JsonParser   *parser)
{
  const char *text = readout_db_statement_column_text (stmt, column);
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
}

char **
readout_sql_column_strv (ReadoutDbStatement *stmt,
                         int           column)
{
  const char *text = readout_db_statement_column_text (stmt, column);

  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\x1f", -1);
}

static int
column_enum (ReadoutDbStatement *stmt,
             int           column,
             GType         enum_type,
             int           fallback)
{
  int value = fallback;

  readout_enum_from_string (enum_type, readout_db_statement_column_text (stmt, column), &value);
  return value;
}

GObject *
readout_store_leader_from_row (ReadoutDbStatement *stmt)
{
  ReadoutLeader *leader = readout_leader_new ();
  g_auto(GStrv) aliases = readout_sql_column_strv (stmt, 7);

  readout_leader_set_id (leader, readout_db_statement_column_int64 (stmt, 0));
  readout_leader_set_name (leader, readout_db_statement_column_text (stmt, 1));
  readout_leader_set_country (leader, readout_db_statement_column_text (stmt, 2));
  readout_leader_set_country_name (leader, readout_db_statement_column_text (stmt, 3));
  readout_leader_set_office (leader, readout_db_statement_column_text (stmt, 4));
  readout_leader_set_term_start (leader, readout_db_statement_column_text (stmt, 5));
  readout_leader_set_term_end (leader, readout_db_statement_column_text (stmt, 6));
  readout_leader_set_aliases (leader, (const char * const *) aliases);
  readout_leader_set_call_count (leader, (guint) readout_db_statement_column_int64 (stmt, 8));
  readout_leader_set_last_call_date (leader, readout_db_statement_column_text (stmt, 9));
  return G_OBJECT (leader);
}

GObject *
readout_store_call_from_row (ReadoutDbStatement *stmt)
{
  ReadoutCall *call = readout_call_new ();
  g_auto(GStrv) participants = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) topics = NULL;

  readout_call_set_id (call, readout_db_statement_column_int64 (stmt, 0));
  readout_call_set_date (call, readout_db_statement_column_text (stmt, 1));
  readout_call_set_date_precision (call, column_enum (stmt, 2, READOUT_TYPE_DATE_PRECISION,
                                                      READOUT_DATE_PRECISION_DAY));
  readout_call_set_time (call, readout_db_statement_column_text (stmt, 3));
  readout_call_set_duration_minutes (call, readout_db_statement_column_is_null (stmt, 4)
                                           ? -1 : (int) readout_db_statement_column_int64 (stmt, 4));
  readout_call_set_duration_qualifier (call, column_enum (stmt, 5, READOUT_TYPE_DURATION_QUALIFIER,
                                                          READOUT_DURATION_UNKNOWN));
  readout_call_set_status (call, column_enum (stmt, 6, READOUT_TYPE_CALL_STATUS,
                                              READOUT_CALL_STATUS_HELD));
  readout_call_set_initiator_id (call, readout_db_statement_column_int64 (stmt, 7));
  readout_call_set_initiator_name (call, readout_db_statement_column_text (stmt, 8));

  participants = readout_sql_column_strv (stmt, 9);
  for (guint i = 0; participants[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (participants[i], "\x1e", 3);
      gint64 id;

      if (g_strv_length (parts) != 3)
        continue;
      id = g_ascii_strtoll (parts[0], NULL, 10);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (parts[1]));
      g_ptr_array_add (countries, g_strdup (parts[2]));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (countries, NULL);
  readout_call_set_participant_ids (call, (const gint64 *) (gpointer) ids->data, ids->len);
  readout_call_set_participant_names (call, (const char * const *) names->pdata);
  readout_call_set_participant_countries (call, (const char * const *) countries->pdata);

  topics = readout_sql_column_strv (stmt, 10);
  readout_call_set_topics (call, (const char * const *) topics);
  return G_OBJECT (call);
}

GObject *
readout_store_source_from_row (ReadoutDbStatement *stmt)
{
  ReadoutSource *source = readout_source_new ();

  readout_source_set_id (source, readout_db_statement_column_int64 (stmt, 0));
  readout_source_set_call_id (source, readout_db_statement_column_int64 (stmt, 1));
  readout_source_set_publisher (source, readout_db_statement_column_text (stmt, 2));
  readout_source_set_kind (source, column_enum (stmt, 3, READOUT_TYPE_SOURCE_KIND,
                                                READOUT_SOURCE_KIND_NEWS_REPORT));
  readout_source_set_side (source, readout_db_statement_column_text (stmt, 4));
  readout_source_set_date (source, readout_db_statement_column_text (stmt, 5));
  readout_source_set_title (source, readout_db_statement_column_text (stmt, 6));
  readout_source_set_url (source, readout_db_statement_column_text (stmt, 7));
  readout_source_set_text (source, readout_db_statement_column_text (stmt, 8));
  return G_OBJECT (source);
}

GObject *
readout_store_statement_from_row (ReadoutDbStatement *stmt)
{
  ReadoutStatement *statement = readout_statement_new ();
  g_auto(GStrv) topics = readout_sql_column_strv (stmt, 8);

  readout_statement_set_id (statement, readout_db_statement_column_int64 (stmt, 0));
  readout_statement_set_call_id (statement, readout_db_statement_column_int64 (stmt, 1));
  readout_statement_set_source_id (statement, readout_db_statement_column_int64 (stmt, 2));
  readout_statement_set_speaker (statement, readout_db_statement_column_text (stmt, 3));
  readout_statement_set_side (statement, readout_db_statement_column_text (stmt, 4));
  readout_statement_set_kind (statement, column_enum (stmt, 5, READOUT_TYPE_STATEMENT_KIND,
                                                      READOUT_STATEMENT_KIND_PARAPHRASE));
  readout_statement_set_text (statement, readout_db_statement_column_text (stmt, 6));
  readout_statement_set_position (statement, (int) readout_db_statement_column_int64 (stmt, 7));
  readout_statement_set_topics (statement, (const char * const *) topics);
  readout_statement_set_source_publisher (statement, readout_db_statement_column_text (stmt, 9));
  readout_statement_set_source_title (statement, readout_db_statement_column_text (stmt, 10));
  return G_OBJECT (statement);
}

GObject *
readout_store_topic_from_row (ReadoutDbStatement *stmt)
{
  ReadoutTopic *topic = readout_topic_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *language = NULL;
  JsonArray *keywords;

  readout_topic_set_id (topic, readout_db_statement_column_int64 (stmt, 0));
  readout_topic_set_name (topic, readout_db_statement_column_text (stmt, 1));

  /* Rows come sorted by language: collect each language's run of keywords. */
  keywords = column_json_array (stmt, 2, parser);
  for (guint i = 0; keywords != NULL && i <= json_array_get_length (keywords); i++)
    {
      JsonArray *pair = i < json_array_get_length (keywords)
                        ? json_array_get_array_element (keywords, i) : NULL;
      const char *pair_language = pair != NULL ? json_array_get_string_element (pair, 0) : NULL;

      if (language != NULL && g_strcmp0 (language, pair_language) != 0)
        {
          g_ptr_array_add (words, NULL);
          readout_topic_set_keywords (topic, language, (const char * const *) words->pdata);
          g_ptr_array_set_size (words, 0);
        }
      if (pair != NULL)
        g_ptr_array_add (words, (gpointer) json_array_get_string_element (pair, 1));
      language = pair_language;
    }
  return G_OBJECT (topic);
}

GObject *
readout_store_conflict_from_row (ReadoutDbStatement *stmt)
{
  ReadoutConflict *conflict = readout_conflict_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *claims;

  readout_conflict_set_id (conflict, readout_db_statement_column_int64 (stmt, 0));
  readout_conflict_set_call_id (conflict, readout_db_statement_column_int64 (stmt, 1));
  readout_conflict_set_field (conflict, readout_db_statement_column_text (stmt, 2));

  claims = column_json_array (stmt, 3, parser);
  for (guint i = 0; claims != NULL && i < json_array_get_length (claims); i++)
    {
      JsonArray *claim = json_array_get_array_element (claims, i);

      readout_conflict_add_claim (conflict,
                                  json_array_get_string_element (claim, 0),
                                  json_array_get_null_element (claim, 1)
                                  ? 0 : json_array_get_int_element (claim, 1),
                                  json_array_get_null_element (claim, 2)
                                  ? NULL : json_array_get_string_element (claim, 2));
    }
  return G_OBJECT (conflict);
}

/* ---------------------------------------------------------------------------------- */
/* Errors and statements                                                              */

/* Turns an engine's error (READOUT_DB_ERROR) into the store's message for people. */
void
readout_store_set_db_error (ReadoutStore  *self,
                            const GError  *db_error,
                            const char    *what,
                            GError       **error)
{
  int code;

  /* A step that gave a row where none was expected has no error of its own. */
  if (db_error == NULL)
    {
      g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_FAILED, what);
      return;
    }
  switch (db_error->domain == READOUT_DB_ERROR ? db_error->code : READOUT_DB_ERROR_FAILED)
    {
    case READOUT_DB_ERROR_BUSY:
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_LOCKED,
                   _("%s: the store “%s” is in use by another program that is writing to it. "
                     "Close the other program or try again."), what, self->path);
      return;
    case READOUT_DB_ERROR_READ_ONLY:
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   _("%s: the store “%s” is read-only."), what, self->path);
      return;
    case READOUT_DB_ERROR_FULL:
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("%s: the disk that holds the store “%s” is full. Free some space and try "
                     "again; the store is unchanged."), what, self->path);
      return;
    case READOUT_DB_ERROR_CORRUPT:
      code = READOUT_ERROR_CORRUPT;
      break;
    case READOUT_DB_ERROR_CONSTRAINT:
      code = READOUT_ERROR_INVALID;
      break;
    case READOUT_DB_ERROR_IO:
    case READOUT_DB_ERROR_CONNECTION_LOST:
      code = READOUT_ERROR_IO;
      break;
    default:
      code = READOUT_ERROR_FAILED;
    }
  g_set_error (error, READOUT_ERROR, code, _("%s: %s"), what, db_error->message);
}

ReadoutDb *
readout_store_get_db (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return self->connection;
}

ReadoutDbStatement *
readout_store_prepare (ReadoutStore  *self,
                       const char    *sql,
                       GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = readout_db_prepare (self->connection, sql, &db_error);

  if (stmt == NULL)
    readout_store_set_db_error (self, db_error, "Could not read the store", error);
  return stmt;
}

ReadoutDbStep
readout_store_step (ReadoutStore        *self,
                    ReadoutDbStatement  *stmt,
                    const char          *what,
                    GError             **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStep step = readout_db_statement_step (stmt, &db_error);

  if (step == READOUT_DB_FAILED)
    readout_store_set_db_error (self, db_error, what, error);
  return step;
}

/* Runs a statement that returns no rows; @stmt must already be bound. */
gboolean
readout_store_step_done (ReadoutStore  *self,
           ReadoutDbStatement  *stmt,
           const char    *what,
           GError       **error)
{
  return readout_store_step_returning (self, stmt, what, NULL, error);
}

/* Runs a write whose SQL may end in RETURNING id; @new_id (when not NULL) gets the id of
 * the row it returned. One form for both engines, where SQLite alone has a
 * last-insert-rowid call. */
gboolean
readout_store_step_returning (ReadoutStore        *self,
                              ReadoutDbStatement  *stmt,
                              const char          *what,
                              gint64              *new_id,
                              GError             **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStep step = readout_db_statement_run (stmt, new_id, &db_error);

  readout_db_statement_reset (stmt);
  if (step == READOUT_DB_FAILED)
    readout_store_set_db_error (self, db_error, what, error);
  return step != READOUT_DB_FAILED;
}

gboolean
readout_store_exec (ReadoutStore  *self,
                    const char    *sql,
                    const char    *what,
                    GError       **error)
{
  g_autoptr(GError) db_error = NULL;

  if (!readout_db_exec (self->connection, sql, &db_error))
    {
      readout_store_set_db_error (self, db_error, what, error);
      return FALSE;
    }
  return TRUE;
}

void
readout_store_bind_text_or_null (ReadoutDbStatement *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || text[0] == '\0')
    readout_db_statement_bind_null (stmt, index);
  else
    readout_db_statement_bind_text (stmt, index, text);
}

void
readout_store_bind_id_or_null (ReadoutDbStatement *stmt,
                 int           index,
                 gint64        id)
{
  if (id <= 0)
    readout_db_statement_bind_null (stmt, index);
  else
    readout_db_statement_bind_int64 (stmt, index, id);
}

/* ---------------------------------------------------------------------------------- */
/* Transactions and change notification                                               */

void
readout_store_note_change (ReadoutStore      *self,
                           ReadoutChangeKind  kind,
                           gint64             id,
                           ReadoutChangeKind  also)
{
  self->pending_kinds |= kind | also;
  self->pending_primary = self->n_pending == 0 ? kind : 0;
  self->pending_id = self->n_pending == 0 ? id : 0;
  self->n_pending++;
}

void
readout_store_emit_pending_changes (ReadoutStore *self)
{
  ReadoutChangeKind kinds = self->pending_kinds;
  ReadoutChangeKind primary = self->pending_primary;
  gint64 id = self->pending_id;

  self->pending_kinds = 0;
  self->pending_primary = 0;
  self->pending_id = 0;
  self->n_pending = 0;
  if (kinds != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint) kinds, (guint) primary, id);
}

gboolean
readout_store_write_begin (ReadoutStore  *self,
                           GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  gboolean ok;

  if (self->read_only && readout_db_get_engine (self->connection) == READOUT_DB_ENGINE_POSTGRESQL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   _("The team store “%s” is read-only: your database role may read it but not "
                     "change it. Ask the store’s owner for the editor role."), self->path);
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   _("The store “%s” is read-only: it was opened from a file that cannot be "
                     "written. Make a copy of it to change it."), self->path);
      return FALSE;
    }

  /* A write transaction takes the write lock up front, so a busy store fails here,
   * after the busy timeout, rather than half way through a change. */
  ok = self->transaction_depth == 0 ? readout_db_begin (self->connection, TRUE, &db_error)
                                    : readout_db_savepoint (self->connection, "nested", &db_error);
  if (!ok)
    {
      readout_store_set_db_error (self, db_error, "Could not change the store", error);
      return FALSE;
    }
  self->transaction_depth++;
  return TRUE;
}

gboolean
readout_store_write_end (ReadoutStore  *self,
                         gboolean       ok,
                         GError       **error)
{
  g_autoptr(GError) db_error = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  self->transaction_depth--;
  if (self->transaction_depth > 0)
    {
      if (!ok)
        readout_db_rollback_to (self->connection, "nested");
      readout_db_release (self->connection, "nested", NULL);
      return ok;
    }

  if (ok && !readout_db_commit (self->connection, &db_error))
    {
      readout_store_set_db_error (self, db_error, "Could not save the change", error);
      ok = FALSE;
    }
  if (!ok)
    {
      readout_db_rollback (self->connection);
      /* A rolled back topic change must not leave a tagger built from it. */
      g_clear_pointer (&self->tagger, readout_topic_tagger_free);
      self->pending_kinds = 0;
      self->pending_primary = 0;
      self->pending_id = 0;
      self->n_pending = 0;
      return FALSE;
    }
  readout_store_emit_pending_changes (self);
  return TRUE;
}

gboolean
readout_store_begin (ReadoutStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return readout_store_write_begin (self, error);
}

gboolean
readout_store_commit (ReadoutStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return readout_store_write_end (self, TRUE, error);
}

void
readout_store_rollback (ReadoutStore *self)
{
  g_return_if_fail (READOUT_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  readout_store_write_end (self, FALSE, NULL);
}

/* ---------------------------------------------------------------------------------- */
/* Other writers                                                                      */

#define WATCH_INTERVAL_MS 500

/* Changes whenever another connection commits; never for this store's own commits. */
static gint64
read_data_version (ReadoutStore *self)
{
  return readout_db_get_change_counter (self->connection);
}

/* For writes this process made through another connection (the re-tagging thread) and
 * announces itself: they are not another program's. */
void
readout_store_sync_data_version (ReadoutStore *self)
{
  gint64 version = read_data_version (self);

  if (version >= 0)
    self->data_version = version;
}

gboolean
readout_store_check_for_changes (ReadoutStore *self)
{
  gint64 version;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  /* Inside a transaction the store reads its own snapshot; look after it. */
  if (self->transaction_depth > 0)
    return FALSE;
  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;
  /* The topic list may be another now: the tagger is rebuilt from it on first use. */
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  g_signal_emit (self, signals[CHANGED], 0, (guint) READOUT_CHANGE_ALL, 0u, (gint64) 0);
  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  readout_store_check_for_changes (READOUT_STORE (user_data));
  return G_SOURCE_CONTINUE;
}

/* Another session's notification arrived on the team store's socket. The counter is read
 * even inside a transaction, which takes the data off the socket; the timer reports the
 * change once the transaction is over. A closed socket is watched no more. */
static gboolean
socket_cb (int           fd,
           GIOCondition  condition,
           gpointer      user_data)
{
  ReadoutStore *self = READOUT_STORE (user_data);

  if (condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL))
    {
      self->socket_watch_id = 0;
      return G_SOURCE_REMOVE;
    }
  read_data_version (self);
  readout_store_check_for_changes (self);
  return G_SOURCE_CONTINUE;
}

void
readout_store_set_watching (ReadoutStore *self,
                            gboolean      watching)
{
  int fd;

  g_return_if_fail (READOUT_IS_STORE (self));

  if (watching == (self->watch_id != 0))
    return;
  if (!watching)
    {
      g_clear_handle_id (&self->watch_id, g_source_remove);
      g_clear_handle_id (&self->socket_watch_id, g_source_remove);
      return;
    }
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
  fd = readout_db_get_change_fd (self->connection);
  if (fd >= 0)
    self->socket_watch_id = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, socket_cb, self);
  readout_store_check_for_changes (self);
}

/* ---------------------------------------------------------------------------------- */
/* Opening                                                                            */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Reads the SQLite header ourselves, so that a file that is not a store, is truncated
 * or comes from a newer version is refused before SQLite could write anything to it.
 *
 * A store whose changes still sit in its write-ahead log (another program has it open,
 * or it was not closed cleanly) may have an out-of-date header in the main file, even a
 * zero application id if it was just created. Then *check_again is set and the
 * application id and version are checked through SQLite once it is open. When the file's
 * length does not match its header, *check_pages is set: only SQLite can tell whether
 * the pages are missing or waiting in the log. */
static gboolean
check_existing_file (const char  *path,
                     goffset      size,
                     int         *user_version,
                     gboolean    *check_again,
                     gboolean    *check_pages,
                     GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  guint32 page_size, page_count, application_id;
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  GStatBuf wal_st;
  gboolean wal_has_data;
  int fd;
  gssize n;

  wal_has_data = g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0;
  *check_again = wal_has_data;
  if (size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not read “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   _("“%s” is not a Readout store: it is not an SQLite database. "
                     "Choose a store file (usually ending in .db)."), path);
      return FALSE;
    }
  if (n < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                   _("The store “%s” is damaged: the file is truncated. "
                     "Restore it from a backup."), path);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  application_id = read_be32 (header + 68);
  *user_version = (int) read_be32 (header + 60);

  /* A length that disagrees with the header is normal while the log holds pages a
   * checkpoint has not finished copying (another program checkpoints, or one was
   * killed doing it); SQLite, which reads the log, decides whether it is damage. */
  *check_pages = page_size < 512 || (size % page_size) != 0 ||
                 (guint64) size < (guint64) page_size * page_count;
  if (application_id != READOUT_APPLICATION_ID && wal_has_data)
    return TRUE;
  if (application_id != READOUT_APPLICATION_ID)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   _("“%s” is an SQLite database of another program, not a Readout store."),
                   path);
      return FALSE;
    }
  if (*user_version > READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION,
                   _("The store “%s” was written by a newer version of Readout (store version %d; "
                     "this version reads up to %d). Update Readout to open it."),
                   path, *user_version, READOUT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql once, with @param bound to ?1 unless it is NULL, and gives the first column
 * of its first row (NULL without one). FALSE with @db_error set when it fails. */
static gboolean
query_once (ReadoutStore  *self,
            const char    *sql,
            const char    *param,
            char         **result,
            GError       **db_error)
{
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (self->connection, sql, db_error);
  ReadoutDbStep step;

  if (stmt == NULL)
    return FALSE;
  if (param != NULL)
    readout_db_statement_bind_text (stmt, 1, param);
  step = readout_db_statement_step (stmt, db_error);
  if (step == READOUT_DB_ROW && result != NULL)
    *result = g_strdup (readout_db_statement_column_text (stmt, 0));
  return step != READOUT_DB_FAILED;
}

static int
pragma_int (ReadoutStore *self,
            const char   *sql)
{
  g_autofree char *value = NULL;

  if (!query_once (self, sql, NULL, &value, NULL) || value == NULL)
    return -1;
  return (int) g_ascii_strtoll (value, NULL, 10);
}

/* The same checks as check_existing_file(), through SQLite, which reads the log too. */
static gboolean
check_through_sqlite (ReadoutStore  *self,
                      int           *user_version,
                      GError       **error)
{
  if (pragma_int (self, "PRAGMA application_id") != READOUT_APPLICATION_ID)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   _("“%s” is an SQLite database of another program, not a Readout store."),
                   self->path);
      return FALSE;
    }
  *user_version = pragma_int (self, "PRAGMA user_version");
  if (*user_version > READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION,
                   _("The store “%s” was written by a newer version of Readout (store version %d; "
                     "this version reads up to %d). Update Readout to open it."),
                   self->path, *user_version, READOUT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
file_is_writable (const char *path,
                  GStatBuf   *st)
{
  /* root passes access() for any file, so the permission bits count too: a file
   * nobody may write is opened read-only even for root. */
  return (st->st_mode & 0222) != 0 && g_access (path, W_OK) == 0;
}

/* Says "damaged" only for what SQLite itself calls damage; a full disk or a failing
 * read is named as what it is. */
static void
set_open_error (ReadoutStore  *self,
                const GError  *db_error,
                GError       **error)
{
  if (g_error_matches (db_error, READOUT_DB_ERROR, READOUT_DB_ERROR_CORRUPT))
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                 _("The store “%s” is damaged (%s). Restore it from a backup."),
                 self->path, db_error->message);
  else
    readout_store_set_db_error (self, db_error, _("Could not open the store"), error);
}

static gboolean
verify_readable (ReadoutStore  *self,
                 GError       **error)
{
  g_autoptr(GError) db_error = NULL;

  if (query_once (self, "SELECT count(*) FROM sqlite_master", NULL, NULL, &db_error))
    return TRUE;
  set_open_error (self, db_error, error);
  return FALSE;
}

/* For a file whose length disagrees with its header: SQLite reads every page, from the
 * log where it has them, and the store is damaged only if it finds pages missing. */
static gboolean
verify_pages (ReadoutStore  *self,
              GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *result = NULL;

  if (!query_once (self, "PRAGMA quick_check (1)", NULL, &result, &db_error) || result == NULL)
    {
      set_open_error (self, db_error, error);
      return FALSE;
    }
  if (!g_str_equal (result, "ok"))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                   _("The store “%s” is damaged (%s). Restore it from a backup."),
                   self->path, result);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_migration_backup (ReadoutStore  *self,
                        int            version,
                        GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);

  /* VACUUM INTO writes a consistent copy, WAL content included. */
  g_unlink (backup);
  if (!query_once (self, "VACUUM INTO ?", backup, NULL, &db_error))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not write a backup of the store to “%s” before upgrading it: %s."),
                   backup, db_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether the team store's role may write: an editor may insert calls. */
static gboolean
role_may_write (ReadoutStore  *self,
                gboolean      *may_write,
                GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *result = NULL;

  if (!query_once (self, "SELECT CASE WHEN has_table_privilege ('calls', 'INSERT') THEN 1 ELSE 0 END",
                   NULL, &result, &db_error))
    {
      readout_store_set_db_error (self, db_error, _("Could not open the store"), error);
      return FALSE;
    }
  *may_write = g_strcmp0 (result, "1") == 0;
  return TRUE;
}

/* A database nobody has set up yet is set up by the first to open it, which a member
 * who may not create tables cannot do: that is said in words, not the server's. */
static gboolean
may_set_up (ReadoutStore  *self,
            GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *result = NULL;

  if (!query_once (self, "SELECT CASE WHEN to_regclass ('readout_schema') IS NULL"
                         " AND NOT has_schema_privilege ('public', 'CREATE') THEN 1 ELSE 0 END",
                   NULL, &result, &db_error))
    {
      readout_store_set_db_error (self, db_error, _("Could not open the store"), error);
      return FALSE;
    }
  if (g_strcmp0 (result, "1") != 0)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
               _("The team store “%s” is not set up yet, and your database role may not set it "
                 "up. Ask the database’s owner to open it with Readout first."), self->path);
  return FALSE;
}

/* libpq's message in one line: its first, without the severity ("FATAL:  "); the
 * lines after are hints for a local server ("Is the server running locally…"). */
static char *
connection_message (const char *message)
{
  g_autofree char *line = g_strndup (message, strcspn (message, "\n"));
  g_auto(GStrv) parts = g_strsplit (line, "FATAL:  ", -1);

  return g_strstrip (g_strjoinv ("", parts));
}

/* A team store: connects, brings the schema to this version (the owner's first opening
 * creates it; a schema newer than this build is refused) and learns whether the role
 * may write. Nothing of the file checks applies, and nothing is created on failure. */
static ReadoutStore *
open_postgresql (const char  *location,
                 GError     **error)
{
  g_autoptr(ReadoutStore) self = g_object_new (READOUT_TYPE_STORE, NULL);
  g_autoptr(GError) db_error = NULL;
  gboolean may_write = FALSE;

  self->connection = readout_db_open (location, FALSE, &db_error);
  if (self->connection == NULL)
    {
      g_autofree char *message = connection_message (db_error->message);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not connect to the team store: %s."), message);
      return NULL;
    }
  self->path = g_strdup (readout_db_get_location (self->connection));
  if (!may_set_up (self, error) ||
      !readout_store_pg_schema_migrate (self->connection, error) ||
      !role_may_write (self, &may_write, error))
    return NULL;
  self->read_only = !may_write;
  readout_store_sync_data_version (self);
  return g_steal_pointer (&self);
}

char *
readout_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "readout", "readout.db", NULL);
}

/**
 * readout_store_open:
 * @path: (nullable): the store's file, a team store's PostgreSQL location (a libpq URI
 *   or key=value string), or %NULL for the user's store
 *
 * Opens a store, creating it when the file does not exist or is empty, and upgrading
 * it when it is from an older version (after writing a copy beside it). A team store's
 * database must exist; its schema is created on the first opening by its owner.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ReadoutStore *
readout_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(ReadoutStore) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *default_path = NULL;
  GStatBuf st;
  gboolean exists;
  gboolean check_again = FALSE;
  gboolean check_pages = FALSE;
  g_autoptr(GError) db_error = NULL;
  int user_version = 0;

  if (path != NULL && readout_db_location_is_postgresql (path))
    return open_postgresql (path, error);
  default_path = readout_store_dup_default_path ();
  if (path == NULL)
    path = default_path;
  folder = g_path_get_dirname (path);

  /* The user's own store lives in the app's data folder, which nothing has made before
   * the first run writes to it. A folder the user chose must exist already. */
  if (g_str_equal (path, default_path) && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Could not create the folder “%s”: %s."), folder, g_strerror (saved_errno));
      return NULL;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   _("Could not open “%s”: the folder “%s” does not exist."), path, folder);
      return NULL;
    }

  self = g_object_new (READOUT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  /* No export of this process may write over the store while it is open. */
  readout_safe_file_protect (self->path);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   _("“%s” is a folder, not a Readout store."), path);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   _("“%s” is not a regular file, so it cannot be a Readout store."), path);
      return NULL;
    }
  /* A zero-byte file becomes a new store, unless its log says it is one already. */
  if (exists && !check_existing_file (path, st.st_size, &user_version, &check_again,
                                      &check_pages, error))
    return NULL;

  self->read_only = exists && !file_is_writable (path, &st);
  if (self->read_only && st.st_size == 0 && !check_again)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   _("The store “%s” is empty and read-only, so it cannot be set up. "
                     "Make the file writable or choose another file."), path);
      return NULL;
    }

  self->connection = readout_db_sqlite_open (path, self->read_only, &db_error);
  if (self->connection == NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, _("Could not open “%s”: %s."),
                   path, db_error->message);
      return NULL;
    }

  if (!verify_readable (self, error) || (check_pages && !verify_pages (self, error)))
    return NULL;
  if (check_again && !check_through_sqlite (self, &user_version, error))
    return NULL;
  if (self->read_only && user_version < READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   _("The store “%s” is read-only and needs upgrading, which would change it. "
                     "Make the file writable or open a writable copy."), path);
      return NULL;
    }

  if (!self->read_only)
    {
      /* WAL lets the window read while an import writes; synchronous=NORMAL is still
       * crash-safe in WAL mode (a crash can lose the last commit, never corrupt). */
      if (!readout_store_exec (self, "PRAGMA journal_mode = WAL", "Could not open the store", error) ||
          !readout_store_exec (self, "PRAGMA synchronous = NORMAL", "Could not open the store", error))
        return NULL;
    }
  /* 32 MB of page cache (SQLite's default is 2 MB): the queries of one view (a leader's
   * timeline reads the same participant rows three times) then read each page once. */
  if (!readout_store_exec (self, "PRAGMA foreign_keys = ON", "Could not open the store", error) ||
      !readout_store_exec (self, "PRAGMA cache_size = -32768", "Could not open the store", error))
    return NULL;

  if (user_version < READOUT_STORE_SCHEMA_VERSION)
    {
      if (user_version > 0 && !write_migration_backup (self, user_version, error))
        return NULL;
      if (!readout_store_schema_migrate (self->connection, user_version, READOUT_STORE_SCHEMA_VERSION, error))
        return NULL;
      /* Fold the new schema into the main file, so its header names it as a Readout
       * store for any program that opens it while this one keeps it open. */
      readout_db_exec (self->connection, "PRAGMA wal_checkpoint (PASSIVE)", NULL);
    }
  readout_store_sync_data_version (self);

  return g_steal_pointer (&self);
}

const char *
readout_store_get_path (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return self->path;
}

gboolean
readout_store_is_read_only (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), TRUE);

  return self->read_only;
}

void
readout_store_set_busy_timeout (ReadoutStore *self,
                                guint         milliseconds)
{
  g_return_if_fail (READOUT_IS_STORE (self));

  readout_db_set_busy_timeout (self->connection, milliseconds);
}

/* ---------------------------------------------------------------------------------- */
/* Reading single rows                                                                */

static GObject *
get_one (ReadoutStore       *self,
         const char         *sql,
         const char         *table,
         gint64              id,
         GObject          *(*builder) (ReadoutDbStatement *),
         const char         *what,
         GError            **error)
{
  g_autoptr(GError) db_error = NULL;
  /* Read first: a change between the two reads then makes a save refused, never let
   * through (see readout_store_read_row_version()). */
  gint64 row_version = readout_store_read_row_version (self, table, id);
  ReadoutDbStatement *stmt = readout_store_prepare (self, sql, error);
  GObject *object = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, id);
  rc = readout_db_statement_step (stmt, &db_error);
  if (rc == READOUT_DB_ROW)
    {
      object = builder (stmt);
      g_object_set (object, "row-version", row_version, NULL);
    }
  else if (rc == READOUT_DB_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: the first %s is what was looked for ("leader", "call"), the second its id. */
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   _("There is no %s with id %s in the store."), what, id_text);
    }
  else
    readout_store_set_db_error (self, db_error, "Could not read the store", error);
  readout_db_statement_reset (stmt);
  return object;
}

ReadoutLeader *
readout_store_get_leader (ReadoutStore  *self,
                          gint64         leader_id,
                          GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutLeader *) get_one (self, "SELECT " LEADER_COLUMNS LEADER_FROM " WHERE l.id = ?", "leaders",
                                    leader_id, readout_store_leader_from_row, "leader", error);
}

ReadoutCall *
readout_store_get_call (ReadoutStore  *self,
                        gint64         call_id,
                        GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutCall *) get_one (self, "SELECT " CALL_COLUMNS " FROM calls c" CALL_INITIATOR_JOIN
                                        " WHERE c.id = ?", "calls",
                                  call_id, readout_store_call_from_row, "call", error);
}

ReadoutSource *
readout_store_get_source (ReadoutStore  *self,
                          gint64         source_id,
                          GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutSource *) get_one (self, "SELECT " SOURCE_COLUMNS " FROM sources s WHERE s.id = ?", "sources",
                                    source_id, readout_store_source_from_row, "source", error);
}

ReadoutStatement *
readout_store_get_statement (ReadoutStore  *self,
                             gint64         statement_id,
                             GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutStatement *) get_one (self, "SELECT " STATEMENT_COLUMNS STATEMENT_FROM
                                             " WHERE st.id = ?", "statements",
                                       statement_id, readout_store_statement_from_row,
                                       "statement", error);
}

ReadoutLeader *
readout_store_find_leader (ReadoutStore  *self,
                           const char    *name_or_alias,
                           GError       **error)
{
  ReadoutDbStatement *stmt;
  gint64 id = 0;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_alias != NULL, NULL);

  stmt = readout_store_prepare (self,
                                "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                " UNION ALL SELECT leader_id FROM leader_aliases"
                                " WHERE casefold (alias) = casefold (?1) LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_text (stmt, 1, name_or_alias);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    id = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);

  return id != 0 ? readout_store_get_leader (self, id, error) : NULL;
}

gboolean
readout_store_lookup_country (ReadoutStore  *self,
                              const char    *code,
                              char         **name,
                              char         **demonym)
{
  ReadoutDbStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (code == NULL)
    return FALSE;
  stmt = readout_store_prepare (self, "SELECT name, demonym FROM countries WHERE code = upper (?)",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_text (stmt, 1, code);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      found = TRUE;
      if (name != NULL)
        *name = g_strdup (readout_db_statement_column_text (stmt, 0));
      if (demonym != NULL)
        *demonym = g_strdup (readout_db_statement_column_text (stmt, 1));
    }
  readout_db_statement_reset (stmt);
  return found;
}

char *
readout_store_find_country_code (ReadoutStore *self,
                                 const char   *name_or_demonym)
{
  ReadoutDbStatement *stmt;
  char *code = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  if (name_or_demonym == NULL)
    return NULL;
  stmt = readout_store_prepare (self,
                                "SELECT code FROM countries WHERE code = upper (?1)"
                                " OR casefold (name) = casefold (?1)"
                                " OR casefold (demonym) = casefold (?1) LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_text (stmt, 1, name_or_demonym);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    code = g_strdup (readout_db_statement_column_text (stmt, 0));
  readout_db_statement_reset (stmt);
  return code;
}

/* ---------------------------------------------------------------------------------- */

static void
readout_store_finalize (GObject *object)
{
  ReadoutStore *self = READOUT_STORE (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->socket_watch_id, g_source_remove);
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  if (self->path != NULL && !readout_db_location_is_postgresql (self->path))
    readout_safe_file_unprotect (self->path);
  g_clear_object (&self->connection);
  g_free (self->path);

  G_OBJECT_CLASS (readout_store_parent_class)->finalize (object);
}

static void
readout_store_class_init (ReadoutStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_store_finalize;

  /**
   * ReadoutStore::changed:
   * @kinds: the #ReadoutChangeKind flags of everything that changed
   * @primary: the kind of row @id names (one flag), or 0
   * @id: the id of the one row that changed, or 0 when several rows did
   *
   * Emitted after a change is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_INT64);
}

static void
readout_store_init (ReadoutStore *self)
{
}

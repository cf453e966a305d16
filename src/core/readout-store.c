#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-query-model.h"
#include "readout-search-model.h"
#include "readout-store-private.h"
#include "readout-topic-tagger.h"

/* The store: one SQLite file holding every leader, call, source, statement, topic and
 * conflict. It is used from one thread (the one that opened it). */

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_SIZE 100
#define READOUT_APPLICATION_ID 1380208468 /* "RDOT" */

struct _ReadoutStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean read_only;

  GHashTable *statements;    /* SQL text -> prepared sqlite3_stmt */
  ReadoutTopicTagger *tagger; /* built from the topic list on first use */
  ReadoutRetagProgress retag_progress; /* see readout_store_set_retag_progress() */
  gpointer retag_progress_data;

  guint transaction_depth;
  ReadoutChangeKind pending_kinds;
  ReadoutChangeKind pending_primary; /* the kind of pending_id */
  gint64 pending_id;         /* the one row that changed, or 0 when several did */
  guint n_pending;
};

G_DEFINE_FINAL_TYPE (ReadoutStore, readout_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------- */
/* Row helpers                                                                        */

const char *
readout_sql_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static JsonArray *
column_json_array (sqlite3_stmt *stmt,
                   int           column,
                   JsonParser   *parser)
{
  const char *text = readout_sql_column_text (stmt, column);
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
}

char **
readout_sql_column_strv (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = readout_sql_column_text (stmt, column);

  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\x1f", -1);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         enum_type,
             int           fallback)
{
  int value = fallback;

  readout_enum_from_string (enum_type, readout_sql_column_text (stmt, column), &value);
  return value;
}

GObject *
readout_store_leader_from_row (sqlite3_stmt *stmt)
{
  ReadoutLeader *leader = readout_leader_new ();
  g_auto(GStrv) aliases = readout_sql_column_strv (stmt, 7);

  readout_leader_set_id (leader, sqlite3_column_int64 (stmt, 0));
  readout_leader_set_name (leader, readout_sql_column_text (stmt, 1));
  readout_leader_set_country (leader, readout_sql_column_text (stmt, 2));
  readout_leader_set_country_name (leader, readout_sql_column_text (stmt, 3));
  readout_leader_set_office (leader, readout_sql_column_text (stmt, 4));
  readout_leader_set_term_start (leader, readout_sql_column_text (stmt, 5));
  readout_leader_set_term_end (leader, readout_sql_column_text (stmt, 6));
  readout_leader_set_aliases (leader, (const char * const *) aliases);
  readout_leader_set_call_count (leader, (guint) sqlite3_column_int64 (stmt, 8));
  readout_leader_set_last_call_date (leader, readout_sql_column_text (stmt, 9));
  return G_OBJECT (leader);
}

GObject *
readout_store_call_from_row (sqlite3_stmt *stmt)
{
  ReadoutCall *call = readout_call_new ();
  g_auto(GStrv) participants = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) topics = NULL;

  readout_call_set_id (call, sqlite3_column_int64 (stmt, 0));
  readout_call_set_date (call, readout_sql_column_text (stmt, 1));
  readout_call_set_date_precision (call, column_enum (stmt, 2, READOUT_TYPE_DATE_PRECISION,
                                                      READOUT_DATE_PRECISION_DAY));
  readout_call_set_time (call, readout_sql_column_text (stmt, 3));
  readout_call_set_duration_minutes (call, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                           ? -1 : sqlite3_column_int (stmt, 4));
  readout_call_set_duration_qualifier (call, column_enum (stmt, 5, READOUT_TYPE_DURATION_QUALIFIER,
                                                          READOUT_DURATION_UNKNOWN));
  readout_call_set_status (call, column_enum (stmt, 6, READOUT_TYPE_CALL_STATUS,
                                              READOUT_CALL_STATUS_HELD));
  readout_call_set_initiator_id (call, sqlite3_column_int64 (stmt, 7));
  readout_call_set_initiator_name (call, readout_sql_column_text (stmt, 8));

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
readout_store_source_from_row (sqlite3_stmt *stmt)
{
  ReadoutSource *source = readout_source_new ();

  readout_source_set_id (source, sqlite3_column_int64 (stmt, 0));
  readout_source_set_call_id (source, sqlite3_column_int64 (stmt, 1));
  readout_source_set_publisher (source, readout_sql_column_text (stmt, 2));
  readout_source_set_kind (source, column_enum (stmt, 3, READOUT_TYPE_SOURCE_KIND,
                                                READOUT_SOURCE_KIND_NEWS_REPORT));
  readout_source_set_side (source, readout_sql_column_text (stmt, 4));
  readout_source_set_date (source, readout_sql_column_text (stmt, 5));
  readout_source_set_title (source, readout_sql_column_text (stmt, 6));
  readout_source_set_url (source, readout_sql_column_text (stmt, 7));
  readout_source_set_text (source, readout_sql_column_text (stmt, 8));
  return G_OBJECT (source);
}

GObject *
readout_store_statement_from_row (sqlite3_stmt *stmt)
{
  ReadoutStatement *statement = readout_statement_new ();
  g_auto(GStrv) topics = readout_sql_column_strv (stmt, 8);

  readout_statement_set_id (statement, sqlite3_column_int64 (stmt, 0));
  readout_statement_set_call_id (statement, sqlite3_column_int64 (stmt, 1));
  readout_statement_set_source_id (statement, sqlite3_column_int64 (stmt, 2));
  readout_statement_set_speaker (statement, readout_sql_column_text (stmt, 3));
  readout_statement_set_side (statement, readout_sql_column_text (stmt, 4));
  readout_statement_set_kind (statement, column_enum (stmt, 5, READOUT_TYPE_STATEMENT_KIND,
                                                      READOUT_STATEMENT_KIND_PARAPHRASE));
  readout_statement_set_text (statement, readout_sql_column_text (stmt, 6));
  readout_statement_set_position (statement, sqlite3_column_int (stmt, 7));
  readout_statement_set_topics (statement, (const char * const *) topics);
  readout_statement_set_source_publisher (statement, readout_sql_column_text (stmt, 9));
  readout_statement_set_source_title (statement, readout_sql_column_text (stmt, 10));
  return G_OBJECT (statement);
}

GObject *
readout_store_topic_from_row (sqlite3_stmt *stmt)
{
  ReadoutTopic *topic = readout_topic_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *language = NULL;
  JsonArray *keywords;

  readout_topic_set_id (topic, sqlite3_column_int64 (stmt, 0));
  readout_topic_set_name (topic, readout_sql_column_text (stmt, 1));

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
readout_store_conflict_from_row (sqlite3_stmt *stmt)
{
  ReadoutConflict *conflict = readout_conflict_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *claims;

  readout_conflict_set_id (conflict, sqlite3_column_int64 (stmt, 0));
  readout_conflict_set_call_id (conflict, sqlite3_column_int64 (stmt, 1));
  readout_conflict_set_field (conflict, readout_sql_column_text (stmt, 2));

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

void
readout_store_set_sqlite_error (ReadoutStore  *self,
                                int            rc,
                                const char    *what,
                                GError       **error)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_LOCKED,
                   "%s: the store “%s” is in use by another program that is writing to it. "
                   "Close the other program or try again.", what, self->path);
      return;
    case SQLITE_READONLY:
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   "%s: the store “%s” is read-only.", what, self->path);
      return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = READOUT_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = READOUT_ERROR_INVALID;
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
      code = READOUT_ERROR_IO;
      break;
    default:
      code = READOUT_ERROR_FAILED;
    }
  g_set_error (error, READOUT_ERROR, code, "%s: %s", what, sqlite3_errmsg (self->db));
}

sqlite3 *
readout_store_get_db (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
readout_store_prepare (ReadoutStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      readout_store_set_sqlite_error (self, rc, "Could not read the store", error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs a statement that returns no rows; @stmt must already be bound. */
static gboolean
step_done (ReadoutStore  *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (self, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_simple (ReadoutStore  *self,
             const char    *sql,
             const char    *what,
             GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      readout_store_set_sqlite_error (self, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
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

static void
emit_pending_changes (ReadoutStore *self)
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

static gboolean
write_begin (ReadoutStore  *self,
             GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   "The store “%s” is read-only: it was opened from a file that cannot be "
                   "written. Make a copy of it to change it.", self->path);
      return FALSE;
    }

  /* IMMEDIATE takes the write lock up front, so a busy store fails here, after the
   * busy timeout, rather than half way through a change. */
  if (!exec_simple (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested",
                    "Could not change the store", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

static gboolean
write_end (ReadoutStore  *self,
           gboolean       ok,
           GError       **error)
{
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  self->transaction_depth--;
  if (self->transaction_depth > 0)
    {
      if (!ok)
        sqlite3_exec (self->db, "ROLLBACK TO nested", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE nested", NULL, NULL, NULL);
      return ok;
    }

  if (ok && !exec_simple (self, "COMMIT", "Could not save the change", error))
    ok = FALSE;
  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      /* A rolled back topic change must not leave a tagger built from it. */
      g_clear_pointer (&self->tagger, readout_topic_tagger_free);
      self->pending_kinds = 0;
      self->pending_primary = 0;
      self->pending_id = 0;
      self->n_pending = 0;
      return FALSE;
    }
  emit_pending_changes (self);
  return TRUE;
}

gboolean
readout_store_begin (ReadoutStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return write_begin (self, error);
}

gboolean
readout_store_commit (ReadoutStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return write_end (self, TRUE, error);
}

void
readout_store_rollback (ReadoutStore *self)
{
  g_return_if_fail (READOUT_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  write_end (self, FALSE, NULL);
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
 * application id and version are checked through SQLite once it is open. */
static gboolean
check_existing_file (const char  *path,
                     goffset      size,
                     int         *user_version,
                     gboolean    *check_again,
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
                   "Could not read “%s”: %s.", path, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   "“%s” is not a Readout store: it is not an SQLite database. "
                   "Choose a store file (usually ending in .db).", path);
      return FALSE;
    }
  if (n < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                   "The store “%s” is damaged: the file is truncated. "
                   "Restore it from a backup.", path);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  application_id = read_be32 (header + 68);
  *user_version = (int) read_be32 (header + 60);

  if (page_size < 512 || (size % page_size) != 0 || (guint64) size < (guint64) page_size * page_count)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                   "The store “%s” is damaged: the file is shorter than its header says, "
                   "probably truncated. Restore it from a backup.", path);
      return FALSE;
    }
  if (application_id != READOUT_APPLICATION_ID && wal_has_data)
    return TRUE;
  if (application_id != READOUT_APPLICATION_ID)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   "“%s” is an SQLite database of another program, not a Readout store.",
                   path);
      return FALSE;
    }
  if (*user_version > READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION,
                   "The store “%s” was written by a newer version of Readout (store version %d; "
                   "this version reads up to %d). Update Readout to open it.",
                   path, *user_version, READOUT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static int
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The same checks as check_existing_file(), through SQLite, which reads the log too. */
static gboolean
check_through_sqlite (ReadoutStore  *self,
                      int           *user_version,
                      GError       **error)
{
  if (pragma_int (self->db, "PRAGMA application_id") != READOUT_APPLICATION_ID)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   "“%s” is an SQLite database of another program, not a Readout store.",
                   self->path);
      return FALSE;
    }
  *user_version = pragma_int (self->db, "PRAGMA user_version");
  if (*user_version > READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NEWER_VERSION,
                   "The store “%s” was written by a newer version of Readout (store version %d; "
                   "this version reads up to %d). Update Readout to open it.",
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

/* Case-insensitive, Unicode-aware folding for the leader filter, since SQLite's LIKE
 * only folds ASCII. */
static void
sql_casefold (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = g_utf8_casefold (text, -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

static gboolean
verify_readable (ReadoutStore  *self,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if ((rc & 0xff) == SQLITE_BUSY)
    readout_store_set_sqlite_error (self, rc, "Could not open the store", error);
  else
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_CORRUPT,
                 "The store “%s” is damaged (%s). Restore it from a backup.",
                 self->path, sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
write_migration_backup (ReadoutStore  *self,
                        int            version,
                        GError       **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* VACUUM INTO writes a consistent copy, WAL content included. */
  g_unlink (backup);
  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   "Could not write a backup of the store to “%s” before upgrading it: %s.",
                   backup, sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

char *
readout_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "readout", "readout.db", NULL);
}

/**
 * readout_store_open:
 * @path: (nullable): the store's file, or %NULL for the user's store
 *
 * Opens a store, creating it when the file does not exist or is empty, and upgrading
 * it when it is from an older version (after writing a copy beside it).
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
  int user_version = 0;
  int flags;
  int rc;

  if (path == NULL)
    {
      default_path = readout_store_dup_default_path ();
      path = default_path;
      folder = g_path_get_dirname (path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                       "Could not create the folder “%s”: %s.", folder, g_strerror (saved_errno));
          return NULL;
        }
    }
  else
    folder = g_path_get_dirname (path);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   "Could not open “%s”: the folder “%s” does not exist.", path, folder);
      return NULL;
    }

  self = g_object_new (READOUT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   "“%s” is a folder, not a Readout store.", path);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_A_STORE,
                   "“%s” is not a regular file, so it cannot be a Readout store.", path);
      return NULL;
    }
  /* A zero-byte file becomes a new store, unless its log says it is one already. */
  if (exists && !check_existing_file (path, st.st_size, &user_version, &check_again, error))
    return NULL;

  self->read_only = exists && !file_is_writable (path, &st);
  if (self->read_only && st.st_size == 0 && !check_again)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   "The store “%s” is empty and read-only, so it cannot be set up. "
                   "Make the file writable or choose another file.", path);
      return NULL;
    }

  flags = self->read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO, "Could not open “%s”: %s.",
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "casefold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_casefold, NULL, NULL);

  if (!verify_readable (self, error))
    return NULL;
  if (check_again && !check_through_sqlite (self, &user_version, error))
    return NULL;
  if (self->read_only && user_version < READOUT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_READ_ONLY,
                   "The store “%s” is read-only and needs upgrading, which would change it. "
                   "Make the file writable or open a writable copy.", path);
      return NULL;
    }

  if (!self->read_only)
    {
      /* WAL lets the window read while an import writes; synchronous=NORMAL is still
       * crash-safe in WAL mode (a crash can lose the last commit, never corrupt). */
      if (!exec_simple (self, "PRAGMA journal_mode = WAL", "Could not open the store", error) ||
          !exec_simple (self, "PRAGMA synchronous = NORMAL", "Could not open the store", error))
        return NULL;
    }
  if (!exec_simple (self, "PRAGMA foreign_keys = ON", "Could not open the store", error))
    return NULL;

  if (user_version < READOUT_STORE_SCHEMA_VERSION)
    {
      if (user_version > 0 && !write_migration_backup (self, user_version, error))
        return NULL;
      if (!readout_store_schema_migrate (self->db, user_version, READOUT_STORE_SCHEMA_VERSION, error))
        return NULL;
      /* Fold the new schema into the main file, so its header names it as a Readout
       * store for any program that opens it while this one keeps it open. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }

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

  sqlite3_busy_timeout (self->db, (int) milliseconds);
}

/* ---------------------------------------------------------------------------------- */
/* Reading single rows                                                                */

static GObject *
get_one (ReadoutStore       *self,
         const char         *sql,
         gint64              id,
         GObject          *(*builder) (sqlite3_stmt *),
         const char         *what,
         GError            **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);
  GObject *object = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    object = builder (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                 "There is no %s with id %" G_GINT64_FORMAT " in the store.", what, id);
  else
    readout_store_set_sqlite_error (self, rc, "Could not read the store", error);
  sqlite3_reset (stmt);
  return object;
}

ReadoutLeader *
readout_store_get_leader (ReadoutStore  *self,
                          gint64         leader_id,
                          GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutLeader *) get_one (self, "SELECT " LEADER_COLUMNS LEADER_FROM " WHERE l.id = ?",
                                    leader_id, readout_store_leader_from_row, "leader", error);
}

ReadoutCall *
readout_store_get_call (ReadoutStore  *self,
                        gint64         call_id,
                        GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutCall *) get_one (self, "SELECT " CALL_COLUMNS " FROM calls c" CALL_INITIATOR_JOIN
                                        " WHERE c.id = ?",
                                  call_id, readout_store_call_from_row, "call", error);
}

ReadoutSource *
readout_store_get_source (ReadoutStore  *self,
                          gint64         source_id,
                          GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutSource *) get_one (self, "SELECT " SOURCE_COLUMNS " FROM sources s WHERE s.id = ?",
                                    source_id, readout_store_source_from_row, "source", error);
}

ReadoutStatement *
readout_store_get_statement (ReadoutStore  *self,
                             gint64         statement_id,
                             GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return (ReadoutStatement *) get_one (self, "SELECT " STATEMENT_COLUMNS STATEMENT_FROM
                                             " WHERE st.id = ?",
                                       statement_id, readout_store_statement_from_row,
                                       "statement", error);
}

ReadoutLeader *
readout_store_find_leader (ReadoutStore  *self,
                           const char    *name_or_alias,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_alias != NULL, NULL);

  stmt = readout_store_prepare (self,
                                "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                " UNION ALL SELECT leader_id FROM leader_aliases"
                                " WHERE casefold (alias) = casefold (?1) LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name_or_alias, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id != 0 ? readout_store_get_leader (self, id, error) : NULL;
}

gboolean
readout_store_lookup_country (ReadoutStore  *self,
                              const char    *code,
                              char         **name,
                              char         **demonym)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (code == NULL)
    return FALSE;
  stmt = readout_store_prepare (self, "SELECT name, demonym FROM countries WHERE code = upper (?)",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (name != NULL)
        *name = g_strdup (readout_sql_column_text (stmt, 0));
      if (demonym != NULL)
        *demonym = g_strdup (readout_sql_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return found;
}

char *
readout_store_find_country_code (ReadoutStore *self,
                                 const char   *name_or_demonym)
{
  sqlite3_stmt *stmt;
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
  sqlite3_bind_text (stmt, 1, name_or_demonym, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = g_strdup (readout_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return code;
}

/* ---------------------------------------------------------------------------------- */
/* Validation                                                                         */

static gboolean
check_country (ReadoutStore  *self,
               const char    *code,
               const char    *what,
               GError       **error)
{
  if (code == NULL || code[0] == '\0' || readout_store_lookup_country (self, code, NULL, NULL))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               "“%s” is not a known country code for the %s: use an ISO 3166 code such as "
               "US or RU.", code, what);
  return FALSE;
}

/* Names are joined with control characters when the store reads lists of them
 * (see readout-store-private.h), and have no use for them anyway. */
static gboolean
check_no_control_characters (const char  *text,
                             const char  *what,
                             GError     **error)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                     "The %s must be one line of text without control characters.", what);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_required_text (const char  *text,
                     const char  *what,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, "The %s must not be empty.", what);
  return FALSE;
}

static gboolean
check_optional_date (const char  *date,
                     const char  *what,
                     GError     **error)
{
  if (date == NULL || date[0] == '\0' || readout_parse_iso_date (date, NULL, NULL))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               "“%s” is not a valid %s: write it as YYYY-MM-DD, YYYY-MM or YYYY.", date, what);
  return FALSE;
}

static gboolean
check_has_id (gint64       id,
              const char  *what,
              GError     **error)
{
  if (id > 0)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               "The %s has not been stored yet, so it cannot be changed.", what);
  return FALSE;
}

/* A missing row on update or delete is an error the caller can match. */
static gboolean
check_changed_one (ReadoutStore  *self,
                   const char    *what,
                   gint64         id,
                   GError       **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
               "There is no %s with id %" G_GINT64_FORMAT " in the store.", what, id);
  return FALSE;
}

/* ---------------------------------------------------------------------------------- */
/* Leaders                                                                            */

static gboolean
write_aliases (ReadoutStore   *self,
               ReadoutLeader  *leader,
               GError        **error)
{
  const char * const *aliases = readout_leader_get_aliases (leader);
  sqlite3_stmt *stmt;

  stmt = readout_store_prepare (self, "DELETE FROM leader_aliases WHERE leader_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, readout_leader_get_id (leader));
  if (!step_done (self, stmt, "Could not store the leader’s aliases", error))
    return FALSE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      if (aliases[i][0] == '\0')
        continue;
      stmt = readout_store_prepare (self, "INSERT OR IGNORE INTO leader_aliases (leader_id, alias)"
                                          " VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, readout_leader_get_id (leader));
      sqlite3_bind_text (stmt, 2, aliases[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, "Could not store the leader’s aliases", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_leader (ReadoutStore   *self,
              ReadoutLeader  *leader,
              GError        **error)
{
  const char *start = readout_leader_get_term_start (leader);
  const char *end = readout_leader_get_term_end (leader);

  const char * const *aliases = readout_leader_get_aliases (leader);

  if (!check_required_text (readout_leader_get_name (leader), "leader’s name", error) ||
      !check_no_control_characters (readout_leader_get_name (leader), "leader’s name", error) ||
      !check_country (self, readout_leader_get_country (leader), "leader", error) ||
      !check_optional_date (start, "start of term", error) ||
      !check_optional_date (end, "end of term", error))
    return FALSE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!check_no_control_characters (aliases[i], "alias", error))
      return FALSE;
  if (start != NULL && end != NULL && start[0] != '\0' && end[0] != '\0' && strcmp (end, start) < 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The end of term (%s) is before its start (%s).", end, start);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_and_write_leader (ReadoutStore   *self,
                       ReadoutLeader  *leader,
                       const char     *sql,
                       GError        **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, readout_leader_get_name (leader), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, readout_leader_get_country (leader));
  bind_text_or_null (stmt, 3, readout_leader_get_office (leader));
  bind_text_or_null (stmt, 4, readout_leader_get_term_start (leader));
  bind_text_or_null (stmt, 5, readout_leader_get_term_end (leader));
  bind_id_or_null (stmt, 6, readout_leader_get_id (leader));
  return step_done (self, stmt, "Could not store the leader", error);
}

gboolean
readout_store_insert_leader (ReadoutStore   *self,
                             ReadoutLeader  *leader,
                             GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_LEADER (leader), FALSE);

  if (!check_leader (self, leader, error) || !write_begin (self, error))
    return FALSE;

  ok = bind_and_write_leader (self, leader,
                              "INSERT INTO leaders (name, country, office, term_start, term_end, id)"
                              " VALUES (?, upper (?), ?, ?, ?, ?)", error);
  if (ok)
    {
      readout_leader_set_id (leader, sqlite3_last_insert_rowid (self->db));
      ok = write_aliases (self, leader, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, readout_leader_get_id (leader), 0);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_leader (ReadoutStore   *self,
                             ReadoutLeader  *leader,
                             GError        **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_LEADER (leader), FALSE);

  id = readout_leader_get_id (leader);
  if (!check_has_id (id, "leader", error) || !check_leader (self, leader, error) ||
      !write_begin (self, error))
    return FALSE;

  ok = bind_and_write_leader (self, leader,
                              "UPDATE leaders SET name = ?, country = upper (?), office = ?,"
                              " term_start = ?, term_end = ? WHERE id = ?", error) &&
       check_changed_one (self, "leader", id, error) &&
       write_aliases (self, leader, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, id, READOUT_CHANGE_CALLS);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_leader (ReadoutStore  *self,
                             gint64         leader_id,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n_calls = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (!write_begin (self, error))
    return FALSE;

  stmt = readout_store_prepare (self, "SELECT count(*) FROM call_participants WHERE leader_id = ?",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, leader_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n_calls = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* Deleting a leader must not silently take calls (and their sources) with it. */
  if (ok && n_calls > 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The leader takes part in %" G_GINT64_FORMAT " stored calls: delete those "
                   "calls or merge the leader into another first.", n_calls);
      ok = FALSE;
    }
  if (ok)
    stmt = readout_store_prepare (self, "DELETE FROM leaders WHERE id = ?", error);
  if (ok && stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, leader_id);
      ok = step_done (self, stmt, "Could not delete the leader", error) &&
           check_changed_one (self, "leader", leader_id, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, leader_id, READOUT_CHANGE_CALLS);
  return write_end (self, ok, error) && ok;
}

/* ---------------------------------------------------------------------------------- */
/* Calls                                                                              */

static gboolean
check_call (ReadoutStore  *self,
            ReadoutCall   *call,
            GError       **error)
{
  ReadoutDatePrecision precision;
  const gint64 *ids;
  guint n_ids;

  ids = readout_call_get_participant_ids (call, &n_ids);
  if (n_ids < 2)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "A call needs at least two participants.");
      return FALSE;
    }
  for (guint i = 0; i < n_ids; i++)
    for (guint j = i + 1; j < n_ids; j++)
      if (ids[i] == ids[j])
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       "A leader cannot take part in the same call twice.");
          return FALSE;
        }

  if (readout_call_get_date (call) == NULL ||
      !readout_parse_iso_date (readout_call_get_date (call), &precision, NULL))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "“%s” is not a valid date for a call: write it as YYYY-MM-DD, YYYY-MM or YYYY.",
                   readout_call_get_date (call) != NULL ? readout_call_get_date (call) : "");
      return FALSE;
    }
  if (precision != readout_call_get_date_precision (call))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The call’s date “%s” does not match its precision (%s).",
                   readout_call_get_date (call),
                   readout_enum_to_string (READOUT_TYPE_DATE_PRECISION,
                                           readout_call_get_date_precision (call)));
      return FALSE;
    }
  if (readout_call_get_time (call) != NULL && readout_call_get_time (call)[0] != '\0')
    {
      const char *time = readout_call_get_time (call);
      unsigned hours, minutes;
      char extra;

      if (sscanf (time, "%2u:%2u%c", &hours, &minutes, &extra) != 2 || strlen (time) != 5 ||
          hours > 23 || minutes > 59)
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       "“%s” is not a valid time: write it as HH:MM.", time);
          return FALSE;
        }
    }
  if (readout_call_get_duration_minutes (call) < 0 &&
      readout_call_get_duration_qualifier (call) != READOUT_DURATION_UNKNOWN)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The call has a duration qualifier but no duration.");
      return FALSE;
    }
  if (readout_call_get_initiator_id (call) != 0 &&
      !readout_call_has_participant (call, readout_call_get_initiator_id (call)))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The call’s initiator must be one of its participants.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_participants (ReadoutStore  *self,
                    ReadoutCall   *call,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  const gint64 *ids;
  guint n_ids;

  stmt = readout_store_prepare (self, "DELETE FROM call_participants WHERE call_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, readout_call_get_id (call));
  if (!step_done (self, stmt, "Could not store the call’s participants", error))
    return FALSE;

  ids = readout_call_get_participant_ids (call, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO call_participants"
                                          " (call_id, leader_id, position, call_date)"
                                          " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, readout_call_get_id (call));
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, readout_call_get_date (call), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                       "There is no leader with id %" G_GINT64_FORMAT " to take part in the call.",
                       ids[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
bind_and_write_call (ReadoutStore  *self,
                     ReadoutCall   *call,
                     const char    *sql,
                     GError       **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);
  int minutes = readout_call_get_duration_minutes (call);
  ReadoutDurationQualifier qualifier = readout_call_get_duration_qualifier (call);

  if (stmt == NULL)
    return FALSE;
  /* A duration without a qualifier is taken as exact. */
  if (minutes >= 0 && qualifier == READOUT_DURATION_UNKNOWN)
    qualifier = READOUT_DURATION_EXACT;

  sqlite3_bind_text (stmt, 1, readout_call_get_date (call), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, readout_enum_to_string (READOUT_TYPE_DATE_PRECISION,
                                                      readout_call_get_date_precision (call)),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, readout_call_get_time (call));
  if (minutes >= 0)
    {
      sqlite3_bind_int (stmt, 4, minutes);
      sqlite3_bind_text (stmt, 5, readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER, qualifier),
                         -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 6, readout_enum_to_string (READOUT_TYPE_CALL_STATUS,
                                                      readout_call_get_status (call)),
                     -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 7, readout_call_get_initiator_id (call));
  bind_id_or_null (stmt, 8, readout_call_get_id (call));
  return step_done (self, stmt, "Could not store the call", error);
}

gboolean
readout_store_insert_call (ReadoutStore  *self,
                           ReadoutCall   *call,
                           GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CALL (call), FALSE);

  if (!check_call (self, call, error) || !write_begin (self, error))
    return FALSE;

  ok = bind_and_write_call (self, call,
                            "INSERT INTO calls (date, date_precision, time, duration_minutes,"
                            " duration_qualifier, status, initiator_id, id)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (ok)
    {
      readout_call_set_id (call, sqlite3_last_insert_rowid (self->db));
      ok = write_participants (self, call, error);
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, readout_call_get_id (call), READOUT_CHANGE_LEADERS);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_call (ReadoutStore  *self,
                           ReadoutCall   *call,
                           GError       **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CALL (call), FALSE);

  id = readout_call_get_id (call);
  if (!check_has_id (id, "call", error) || !check_call (self, call, error) ||
      !write_begin (self, error))
    return FALSE;

  ok = bind_and_write_call (self, call,
                            "UPDATE calls SET date = ?, date_precision = ?, time = ?,"
                            " duration_minutes = ?, duration_qualifier = ?, status = ?,"
                            " initiator_id = ? WHERE id = ?", error) &&
       check_changed_one (self, "call", id, error) &&
       write_participants (self, call, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, id, READOUT_CHANGE_LEADERS);
  return write_end (self, ok, error) && ok;
}

/* Deletes one row by id with @sql, as one change of @kind (and of @also). */
static gboolean
delete_by_id (ReadoutStore       *self,
              const char         *sql,
              gint64              id,
              const char         *what,
              ReadoutChangeKind   kind,
              ReadoutChangeKind   also,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!write_begin (self, error))
    return FALSE;
  stmt = readout_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = step_done (self, stmt, "Could not delete from the store", error) &&
           check_changed_one (self, what, id, error);
    }
  if (ok)
    readout_store_note_change (self, kind, id, also);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_call (ReadoutStore  *self,
                           gint64         call_id,
                           GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM calls WHERE id = ?", call_id, "call",
                       READOUT_CHANGE_CALLS, READOUT_CHANGE_ALL & ~READOUT_CHANGE_TOPICS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Sources                                                                            */

static gboolean
check_source (ReadoutStore   *self,
              ReadoutSource  *source,
              GError        **error)
{
  if (readout_source_get_call_id (source) <= 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, "A source must belong to a call.");
      return FALSE;
    }
  return check_required_text (readout_source_get_publisher (source), "source’s publisher", error) &&
         check_country (self, readout_source_get_side (source), "source’s side", error) &&
         check_optional_date (readout_source_get_date (source), "date for the source", error);
}

static gboolean
bind_and_write_source (ReadoutStore   *self,
                       ReadoutSource  *source,
                       const char     *sql,
                       GError        **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, readout_source_get_call_id (source));
  sqlite3_bind_text (stmt, 2, readout_source_get_publisher (source), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, readout_enum_to_string (READOUT_TYPE_SOURCE_KIND,
                                                      readout_source_get_kind (source)),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, readout_source_get_side (source));
  bind_text_or_null (stmt, 5, readout_source_get_date (source));
  bind_text_or_null (stmt, 6, readout_source_get_title (source));
  bind_text_or_null (stmt, 7, readout_source_get_url (source));
  sqlite3_bind_text (stmt, 8, readout_source_get_text (source) != NULL
                              ? readout_source_get_text (source) : "", -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 9, readout_source_get_id (source));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "Could not store the source: there is no call with id %" G_GINT64_FORMAT ".",
                   readout_source_get_call_id (source));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
readout_store_insert_source (ReadoutStore   *self,
                             ReadoutSource  *source,
                             GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_SOURCE (source), FALSE);

  if (!check_source (self, source, error) || !write_begin (self, error))
    return FALSE;
  ok = bind_and_write_source (self, source,
                              "INSERT INTO sources (call_id, publisher, kind, side, date, title,"
                              " url, text, id) VALUES (?, ?, ?, upper (?), ?, ?, ?, ?, ?)", error);
  if (ok)
    {
      readout_source_set_id (source, sqlite3_last_insert_rowid (self->db));
      readout_store_note_change (self, READOUT_CHANGE_SOURCES, readout_source_get_id (source), 0);
    }
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_source (ReadoutStore   *self,
                             ReadoutSource  *source,
                             GError        **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_SOURCE (source), FALSE);

  id = readout_source_get_id (source);
  if (!check_has_id (id, "source", error) || !check_source (self, source, error) ||
      !write_begin (self, error))
    return FALSE;
  ok = bind_and_write_source (self, source,
                              "UPDATE sources SET call_id = ?, publisher = ?, kind = ?,"
                              " side = upper (?), date = ?, title = ?, url = ?, text = ?"
                              " WHERE id = ?", error) &&
       check_changed_one (self, "source", id, error);
  if (ok)
    {
      sqlite3_stmt *stmt;

      /* Statements follow their source if it moves to another call. */
      stmt = readout_store_prepare (self, "UPDATE statements SET call_id = ? WHERE source_id = ?",
                                    error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, readout_source_get_call_id (source));
          sqlite3_bind_int64 (stmt, 2, id);
          ok = step_done (self, stmt, "Could not update the source’s statements", error);
        }
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_SOURCES, id, READOUT_CHANGE_STATEMENTS);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_source (ReadoutStore  *self,
                             gint64         source_id,
                             GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM sources WHERE id = ?", source_id, "source",
                       READOUT_CHANGE_SOURCES,
                       READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CONFLICTS | READOUT_CHANGE_CALLS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Topic tagging                                                                      */

static ReadoutTopicTagger *
get_tagger (ReadoutStore  *self,
            GError       **error)
{
  g_autoptr(ReadoutTopicTagger) tagger = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->tagger != NULL)
    return self->tagger;

  stmt = readout_store_prepare (self, "SELECT " TOPIC_COLUMNS " FROM topics t", error);
  if (stmt == NULL)
    return NULL;
  tagger = readout_topic_tagger_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) topic = readout_store_topic_from_row (stmt);

      readout_topic_tagger_add_topic (tagger, readout_topic_get_id (READOUT_TOPIC (topic)),
                                      READOUT_TOPIC (topic));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (self, rc, "Could not read the topic list", error);
      return NULL;
    }
  self->tagger = g_steal_pointer (&tagger);
  return self->tagger;
}

/* Links @statement_id to the topics of @text; returns the topic names, sorted. */
static gboolean
tag_statement (ReadoutStore   *self,
               gint64          statement_id,
               const char     *text,
               GStrv          *topic_names,
               GError        **error)
{
  ReadoutTopicTagger *tagger = get_tagger (self, error);
  g_autoptr(GArray) topic_ids = NULL;
  sqlite3_stmt *stmt;

  if (tagger == NULL)
    return FALSE;

  stmt = readout_store_prepare (self, "DELETE FROM statement_topics WHERE statement_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, statement_id);
  if (!step_done (self, stmt, "Could not tag the statement", error))
    return FALSE;

  topic_ids = readout_topic_tagger_tag (tagger, text);
  for (guint i = 0; i < topic_ids->len; i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO statement_topics (statement_id, topic_id)"
                                          " VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, statement_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (topic_ids, gint64, i));
      if (!step_done (self, stmt, "Could not tag the statement", error))
        return FALSE;
    }

  if (topic_names != NULL)
    {
      stmt = readout_store_prepare (self, "SELECT group_concat (name, char(31)) FROM (SELECT t.name"
                                          " FROM statement_topics x JOIN topics t ON t.id = x.topic_id"
                                          " WHERE x.statement_id = ? ORDER BY t.name)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, statement_id);
      *topic_names = sqlite3_step (stmt) == SQLITE_ROW ? readout_sql_column_strv (stmt, 0) : NULL;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
readout_store_retag_all (ReadoutStore  *self,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  guint64 done = 0, total = 0;

  g_clear_pointer (&self->tagger, readout_topic_tagger_free);

  if (self->retag_progress != NULL)
    {
      stmt = readout_store_prepare (self, "SELECT count(*) FROM statements", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        total = (guint64) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (!self->retag_progress (0, total, self->retag_progress_data))
        goto cancelled;
    }

  /* Read in batches by id so memory stays bounded on a large store. */
  for (gint64 after = 0; ok; )
    {
      g_array_set_size (ids, 0);
      g_ptr_array_set_size (texts, 0);
      stmt = readout_store_prepare (self, "SELECT id, text FROM statements WHERE id > ?"
                                          " ORDER BY id LIMIT 1000", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, after);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          g_ptr_array_add (texts, g_strdup (readout_sql_column_text (stmt, 1)));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          readout_store_set_sqlite_error (self, rc, "Could not re-tag the statements", error);
          return FALSE;
        }
      if (ids->len == 0)
        break;
      for (guint i = 0; ok && i < ids->len; i++)
        ok = tag_statement (self, g_array_index (ids, gint64, i), g_ptr_array_index (texts, i),
                            NULL, error);
      after = g_array_index (ids, gint64, ids->len - 1);
      done += ids->len;
      if (ok && self->retag_progress != NULL &&
          !self->retag_progress (MIN (done, total), total, self->retag_progress_data))
        goto cancelled;
    }
  return ok;

cancelled:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The topics were not re-tagged: cancelled.");
  return FALSE;
}

void
readout_store_set_retag_progress (ReadoutStore         *self,
                                  ReadoutRetagProgress  progress,
                                  gpointer              user_data)
{
  g_return_if_fail (READOUT_IS_STORE (self));

  self->retag_progress = progress;
  self->retag_progress_data = user_data;
}

void
readout_store_topics_changed_elsewhere (ReadoutStore *self,
                                        gint64        topic_id)
{
  g_return_if_fail (READOUT_IS_STORE (self));

  /* The tagger was built from the topic list as it was. */
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  readout_store_note_change (self, READOUT_CHANGE_TOPICS, topic_id, READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CALLS);
  if (self->transaction_depth == 0)
    emit_pending_changes (self);
}

/* ---------------------------------------------------------------------------------- */
/* Statements                                                                         */

static gboolean
check_statement (ReadoutStore      *self,
                 ReadoutStatement  *statement,
                 gint64            *call_id,
                 GError           **error)
{
  sqlite3_stmt *stmt;

  if (!check_required_text (readout_statement_get_text (statement), "statement’s text", error) ||
      !check_country (self, readout_statement_get_side (statement), "statement’s side", error))
    return FALSE;

  /* A statement is about the call of its source. */
  stmt = readout_store_prepare (self, "SELECT call_id FROM sources WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, readout_statement_get_source_id (statement));
  *call_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (*call_id == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "A statement must come from a stored source (there is no source with id %"
                   G_GINT64_FORMAT ").", readout_statement_get_source_id (statement));
      return FALSE;
    }
  if (readout_statement_get_call_id (statement) != 0 &&
      readout_statement_get_call_id (statement) != *call_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "The statement’s call is not the call of its source.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_and_write_statement (ReadoutStore      *self,
                          ReadoutStatement  *statement,
                          gint64             call_id,
                          const char        *sql,
                          GError           **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_int64 (stmt, 2, readout_statement_get_source_id (statement));
  bind_text_or_null (stmt, 3, readout_statement_get_speaker (statement));
  bind_text_or_null (stmt, 4, readout_statement_get_side (statement));
  sqlite3_bind_text (stmt, 5, readout_enum_to_string (READOUT_TYPE_STATEMENT_KIND,
                                                      readout_statement_get_kind (statement)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, readout_statement_get_text (statement), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, readout_statement_get_position (statement));
  bind_id_or_null (stmt, 8, readout_statement_get_id (statement));
  return step_done (self, stmt, "Could not store the statement", error);
}

static gboolean
finish_statement_write (ReadoutStore      *self,
                        ReadoutStatement  *statement,
                        gint64             call_id,
                        GError           **error)
{
  g_auto(GStrv) topics = NULL;

  if (!tag_statement (self, readout_statement_get_id (statement),
                      readout_statement_get_text (statement), &topics, error))
    return FALSE;
  readout_statement_set_call_id (statement, call_id);
  readout_statement_set_topics (statement, (const char * const *) topics);
  readout_store_note_change (self, READOUT_CHANGE_STATEMENTS, readout_statement_get_id (statement), READOUT_CHANGE_CALLS);
  return TRUE;
}

gboolean
readout_store_insert_statement (ReadoutStore      *self,
                                ReadoutStatement  *statement,
                                GError           **error)
{
  gint64 call_id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_STATEMENT (statement), FALSE);

  if (!write_begin (self, error))
    return FALSE;
  ok = check_statement (self, statement, &call_id, error) &&
       bind_and_write_statement (self, statement, call_id,
                                 "INSERT INTO statements (call_id, source_id, speaker, side, kind,"
                                 " text, position, id) VALUES (?, ?, ?, upper (?), ?, ?, ?, ?)",
                                 error);
  if (ok)
    {
      readout_statement_set_id (statement, sqlite3_last_insert_rowid (self->db));
      ok = finish_statement_write (self, statement, call_id, error);
    }
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_update_statement (ReadoutStore      *self,
                                ReadoutStatement  *statement,
                                GError           **error)
{
  gint64 id, call_id = 0;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_STATEMENT (statement), FALSE);

  id = readout_statement_get_id (statement);
  if (!check_has_id (id, "statement", error) || !write_begin (self, error))
    return FALSE;
  ok = check_statement (self, statement, &call_id, error) &&
       bind_and_write_statement (self, statement, call_id,
                                 "UPDATE statements SET call_id = ?, source_id = ?, speaker = ?,"
                                 " side = upper (?), kind = ?, text = ?, position = ? WHERE id = ?",
                                 error) &&
       check_changed_one (self, "statement", id, error) &&
       finish_statement_write (self, statement, call_id, error);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_statement (ReadoutStore  *self,
                                gint64         statement_id,
                                GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM statements WHERE id = ?", statement_id, "statement",
                       READOUT_CHANGE_STATEMENTS, READOUT_CHANGE_CALLS, error);
}

/* ---------------------------------------------------------------------------------- */
/* Topics                                                                             */

static gboolean
write_topic_keywords (ReadoutStore   *self,
                      ReadoutTopic   *topic,
                      GError        **error)
{
  g_auto(GStrv) languages = readout_topic_dup_languages (topic);
  sqlite3_stmt *stmt;

  stmt = readout_store_prepare (self, "DELETE FROM topic_keywords WHERE topic_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, readout_topic_get_id (topic));
  if (!step_done (self, stmt, "Could not store the topic’s keywords", error))
    return FALSE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char * const *keywords = readout_topic_get_keywords (topic, languages[i]);

      for (guint j = 0; keywords[j] != NULL; j++)
        {
          g_autofree char *keyword = g_utf8_strdown (keywords[j], -1);

          if (g_strstrip (keyword)[0] == '\0')
            continue;
          stmt = readout_store_prepare (self, "INSERT OR IGNORE INTO topic_keywords"
                                              " (topic_id, language, keyword) VALUES (?, ?, ?)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, readout_topic_get_id (topic));
          sqlite3_bind_text (stmt, 2, languages[i], -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, keyword, -1, SQLITE_TRANSIENT);
          if (!step_done (self, stmt, "Could not store the topic’s keywords", error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_topic (ReadoutStore   *self,
             ReadoutTopic   *topic,
             const char     *sql,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!check_required_text (readout_topic_get_name (topic), "topic’s name", error) ||
      !check_no_control_characters (readout_topic_get_name (topic), "topic’s name", error))
    return FALSE;
  stmt = readout_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, readout_topic_get_name (topic), -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 2, readout_topic_get_id (topic));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "There is already a topic named “%s”.", readout_topic_get_name (topic));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      readout_store_set_sqlite_error (self, rc, "Could not store the topic", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_topic_change (ReadoutStore  *self,
                     gint64         topic_id,
                     gboolean       ok,
                     GError       **error)
{
  if (ok)
    ok = readout_store_retag_all (self, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_TOPICS, topic_id, READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_CALLS);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_insert_topic (ReadoutStore  *self,
                            ReadoutTopic  *topic,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_TOPIC (topic), FALSE);

  if (!write_begin (self, error))
    return FALSE;
  ok = write_topic (self, topic, "INSERT INTO topics (name, id) VALUES (?, ?)", error);
  if (ok)
    {
      readout_topic_set_id (topic, sqlite3_last_insert_rowid (self->db));
      ok = write_topic_keywords (self, topic, error);
    }
  return finish_topic_change (self, readout_topic_get_id (topic), ok, error);
}

gboolean
readout_store_update_topic (ReadoutStore  *self,
                            ReadoutTopic  *topic,
                            GError       **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_TOPIC (topic), FALSE);

  id = readout_topic_get_id (topic);
  if (!check_has_id (id, "topic", error) || !write_begin (self, error))
    return FALSE;
  ok = write_topic (self, topic, "UPDATE topics SET name = ? WHERE id = ?", error) &&
       check_changed_one (self, "topic", id, error) &&
       write_topic_keywords (self, topic, error);
  return finish_topic_change (self, id, ok, error);
}

gboolean
readout_store_delete_topic (ReadoutStore  *self,
                            gint64         topic_id,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (!write_begin (self, error))
    return FALSE;
  stmt = readout_store_prepare (self, "DELETE FROM topics WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, topic_id);
      ok = step_done (self, stmt, "Could not delete the topic", error) &&
           check_changed_one (self, "topic", topic_id, error);
    }
  return finish_topic_change (self, topic_id, ok, error);
}

/* ---------------------------------------------------------------------------------- */
/* Conflicts                                                                          */

gboolean
readout_store_insert_conflict (ReadoutStore     *self,
                               ReadoutConflict  *conflict,
                               GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (READOUT_IS_CONFLICT (conflict), FALSE);

  if (!check_required_text (readout_conflict_get_field (conflict), "conflict’s field", error))
    return FALSE;
  if (readout_conflict_get_n_claims (conflict) < 2)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "A conflict needs at least two claims.");
      return FALSE;
    }
  if (!write_begin (self, error))
    return FALSE;

  stmt = readout_store_prepare (self, "INSERT INTO conflicts (call_id, field) VALUES (?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, readout_conflict_get_call_id (conflict));
      sqlite3_bind_text (stmt, 2, readout_conflict_get_field (conflict), -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
      if (!ok)
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                     "Could not store the conflict: there is no call with id %" G_GINT64_FORMAT ".",
                     readout_conflict_get_call_id (conflict));
    }
  if (ok)
    readout_conflict_set_id (conflict, sqlite3_last_insert_rowid (self->db));

  for (guint i = 0; ok && i < readout_conflict_get_n_claims (conflict); i++)
    {
      stmt = readout_store_prepare (self, "INSERT INTO conflict_claims (conflict_id, position,"
                                          " value, source_id) VALUES (?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, readout_conflict_get_id (conflict));
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, readout_conflict_get_claim_value (conflict, i), -1,
                         SQLITE_TRANSIENT);
      bind_id_or_null (stmt, 4, readout_conflict_get_claim_source_id (conflict, i));
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
      if (!ok)
        g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                     "Could not store the conflict: its claim “%s” names a source that does "
                     "not exist.", readout_conflict_get_claim_value (conflict, i));
    }
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CONFLICTS, readout_conflict_get_id (conflict), 0);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_delete_conflict (ReadoutStore  *self,
                               gint64         conflict_id,
                               GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM conflicts WHERE id = ?", conflict_id, "conflict",
                       READOUT_CHANGE_CONFLICTS, 0, error);
}

/* ---------------------------------------------------------------------------------- */
/* Merging                                                                            */

/* Runs @sql with two int64 parameters, as part of a merge. */
static gboolean
exec_with_ids (ReadoutStore  *self,
               const char    *sql,
               gint64         first,
               gint64         second,
               GError       **error)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return step_done (self, stmt, "Could not merge", error);
}

static gint64
count_with_ids (ReadoutStore *self,
                const char   *sql,
                gint64        first,
                gint64        second)
{
  sqlite3_stmt *stmt = readout_store_prepare (self, sql, NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

gboolean
readout_store_merge_leaders (ReadoutStore  *self,
                             gint64         kept_id,
                             gint64         merged_id,
                             GError       **error)
{
  g_autoptr(ReadoutLeader) kept = NULL;
  g_autoptr(ReadoutLeader) merged = NULL;
  /* Copies: setting the aliases frees the kept leader's own. */
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  gint64 shared;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (kept_id == merged_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, "A leader cannot be merged into itself.");
      return FALSE;
    }
  if ((kept = readout_store_get_leader (self, kept_id, error)) == NULL ||
      (merged = readout_store_get_leader (self, merged_id, error)) == NULL)
    return FALSE;

  shared = count_with_ids (self, "SELECT count(*) FROM call_participants a JOIN call_participants b"
                                 " ON a.call_id = b.call_id WHERE a.leader_id = ?1 AND b.leader_id = ?2",
                           kept_id, merged_id);
  if (shared != 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   "%s and %s took part in the same call, so they cannot be the same person.",
                   readout_leader_get_name (kept), readout_leader_get_name (merged));
      return FALSE;
    }

  /* The merged leader's name and aliases become aliases of the kept one. */
  for (const char * const *a = readout_leader_get_aliases (kept); a != NULL && *a != NULL; a++)
    g_ptr_array_add (aliases, g_strdup (*a));
  if (g_strcmp0 (readout_leader_get_name (merged), readout_leader_get_name (kept)) != 0)
    g_ptr_array_add (aliases, g_strdup (readout_leader_get_name (merged)));
  for (const char * const *a = readout_leader_get_aliases (merged); a != NULL && *a != NULL; a++)
    g_ptr_array_add (aliases, g_strdup (*a));
  g_ptr_array_add (aliases, NULL);
  readout_leader_set_aliases (kept, (const char * const *) aliases->pdata);

  if (!write_begin (self, error))
    return FALSE;
  ok = exec_with_ids (self, "UPDATE call_participants SET leader_id = ?1 WHERE leader_id = ?2",
                      kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE calls SET initiator_id = ?1 WHERE initiator_id = ?2",
                      kept_id, merged_id, error) &&
       readout_store_update_leader (self, kept, error) &&
       readout_store_delete_leader (self, merged_id, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_LEADERS, 0, READOUT_CHANGE_CALLS);
  return write_end (self, ok, error) && ok;
}

gboolean
readout_store_merge_calls (ReadoutStore  *self,
                           gint64         kept_id,
                           gint64         merged_id,
                           GError       **error)
{
  g_autoptr(ReadoutCall) kept = NULL;
  g_autoptr(ReadoutCall) merged = NULL;
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  guint n_ids;
  gboolean ok;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  if (kept_id == merged_id)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, "A call cannot be merged into itself.");
      return FALSE;
    }
  if ((kept = readout_store_get_call (self, kept_id, error)) == NULL ||
      (merged = readout_store_get_call (self, merged_id, error)) == NULL)
    return FALSE;

  /* The kept call gains what only the merged one knew. */
  ids = readout_call_get_participant_ids (kept, &n_ids);
  g_array_append_vals (participants, ids, n_ids);
  ids = readout_call_get_participant_ids (merged, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (!readout_call_has_participant (kept, ids[i]))
      g_array_append_val (participants, ids[i]);
  readout_call_set_participant_ids (kept, (const gint64 *) (gpointer) participants->data, participants->len);
  if (readout_call_get_status (merged) == READOUT_CALL_STATUS_HELD)
    readout_call_set_status (kept, READOUT_CALL_STATUS_HELD);
  if (readout_call_get_duration_minutes (kept) < 0)
    {
      readout_call_set_duration_minutes (kept, readout_call_get_duration_minutes (merged));
      readout_call_set_duration_qualifier (kept, readout_call_get_duration_qualifier (merged));
    }
  if (readout_call_get_initiator_id (kept) == 0)
    readout_call_set_initiator_id (kept, readout_call_get_initiator_id (merged));
  if (readout_call_get_time (kept) == NULL)
    readout_call_set_time (kept, readout_call_get_time (merged));

  if (!write_begin (self, error))
    return FALSE;
  ok = readout_store_update_call (self, kept, error) &&
       exec_with_ids (self, "UPDATE sources SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE statements SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       exec_with_ids (self, "UPDATE conflicts SET call_id = ?1 WHERE call_id = ?2", kept_id, merged_id, error) &&
       readout_store_delete_call (self, merged_id, error);
  if (ok)
    readout_store_note_change (self, READOUT_CHANGE_CALLS, 0, READOUT_CHANGE_ALL);
  return write_end (self, ok, error) && ok;
}

/* ---------------------------------------------------------------------------------- */
/* Lists                                                                              */

GListModel *
readout_store_list_leaders (ReadoutStore      *self,
                            ReadoutLeaderSort  sort,
                            const char        *filter)
{
  g_autofree char *folded = NULL;
  const char *order;
  g_autofree char *page_sql = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  if (filter != NULL && filter[0] != '\0')
    folded = g_utf8_casefold (filter, -1);

#define LEADER_FILTER \
  " WHERE ?1 IS NULL OR instr (casefold (l.name), ?1) > 0 OR l.country = upper (?1)" \
  " OR instr (casefold (co.name), ?1) > 0 OR instr (casefold (co.demonym), ?1) > 0" \
  " OR EXISTS (SELECT 1 FROM leader_aliases a WHERE a.leader_id = l.id" \
  "   AND instr (casefold (a.alias), ?1) > 0)"

  order = sort == READOUT_LEADER_SORT_LAST_CALL
          ? " ORDER BY last_call IS NULL, last_call DESC, l.name COLLATE NOCASE, l.id"
          : " ORDER BY l.name COLLATE NOCASE, l.id";
  page_sql = g_strconcat ("SELECT " LEADER_COLUMNS LEADER_FROM LEADER_FILTER, order,
                          " LIMIT ? OFFSET ?", NULL);

  return readout_query_model_new (self, READOUT_TYPE_LEADER,
                                  READOUT_CHANGE_LEADERS | READOUT_CHANGE_CALLS,
                                  "SELECT count(*)" LEADER_FROM LEADER_FILTER,
                                  page_sql,
                                  g_variant_new ("(ms)", folded),
                                  readout_store_leader_from_row);
#undef LEADER_FILTER
}

GListModel *
readout_store_list_calls (ReadoutStore *self,
                          gint64        leader_id,
                          gint64        other_leader_id)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (leader_id != 0 || other_leader_id == 0, NULL);

#define CALL_WATCHED \
  (READOUT_CHANGE_CALLS | READOUT_CHANGE_LEADERS | READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_TOPICS)

  if (leader_id == 0)
    return readout_query_model_new (self, READOUT_TYPE_CALL, CALL_WATCHED,
                                    "SELECT count(*) FROM calls",
                                    "SELECT " CALL_COLUMNS " FROM calls c" CALL_INITIATOR_JOIN
                                    " ORDER BY c.date DESC, c.id DESC LIMIT ? OFFSET ?",
                                    g_variant_new ("()"),
                                    readout_store_call_from_row);

#define CALLS_OF_LEADER \
  " WHERE me.leader_id = ?1 AND (?2 = 0 OR EXISTS (SELECT 1 FROM call_participants o" \
  "   WHERE o.call_id = me.call_id AND o.leader_id = ?2))"

  /* The count reads the participants index alone, without touching the calls. */
  return readout_query_model_new (self, READOUT_TYPE_CALL, CALL_WATCHED,
                                  "SELECT count(*) FROM call_participants me" CALLS_OF_LEADER,
                                  "SELECT " CALL_COLUMNS " FROM call_participants me"
                                  " JOIN calls c ON c.id = me.call_id" CALL_INITIATOR_JOIN
                                  CALLS_OF_LEADER
                                  " ORDER BY me.call_date DESC, me.call_id DESC LIMIT ? OFFSET ?",
                                  g_variant_new ("(xx)", leader_id, other_leader_id),
                                  readout_store_call_from_row);
#undef CALLS_OF_LEADER
#undef CALL_WATCHED
}

GListModel *
readout_store_list_sources (ReadoutStore *self,
                            gint64        call_id)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return readout_query_model_new (self, READOUT_TYPE_SOURCE, READOUT_CHANGE_SOURCES,
                                  "SELECT count(*) FROM sources s WHERE s.call_id = ?1",
                                  "SELECT " SOURCE_COLUMNS " FROM sources s WHERE s.call_id = ?1"
                                  " ORDER BY s.side IS NULL, s.side, s.date, s.id LIMIT ? OFFSET ?",
                                  g_variant_new ("(x)", call_id),
                                  readout_store_source_from_row);
}

GListModel *
readout_store_list_statements (ReadoutStore *self,
                               gint64        call_id)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return readout_query_model_new (self, READOUT_TYPE_STATEMENT,
                                  READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_SOURCES |
                                  READOUT_CHANGE_TOPICS,
                                  "SELECT count(*) FROM statements st WHERE st.call_id = ?1",
                                  "SELECT " STATEMENT_COLUMNS STATEMENT_FROM " WHERE st.call_id = ?1"
                                  " ORDER BY st.side IS NULL, st.side, st.source_id, st.position,"
                                  " st.id LIMIT ? OFFSET ?",
                                  g_variant_new ("(x)", call_id),
                                  readout_store_statement_from_row);
}

GListModel *
readout_store_list_source_statements (ReadoutStore *self,
                                      gint64        source_id)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return readout_query_model_new (self, READOUT_TYPE_STATEMENT,
                                  READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_SOURCES |
                                  READOUT_CHANGE_TOPICS,
                                  "SELECT count(*) FROM statements st WHERE st.source_id = ?1",
                                  "SELECT " STATEMENT_COLUMNS STATEMENT_FROM " WHERE st.source_id = ?1"
                                  " ORDER BY st.position, st.id LIMIT ? OFFSET ?",
                                  g_variant_new ("(x)", source_id),
                                  readout_store_statement_from_row);
}

GListModel *
readout_store_list_conflicts (ReadoutStore *self,
                              gint64        call_id)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return readout_query_model_new (self, READOUT_TYPE_CONFLICT,
                                  READOUT_CHANGE_CONFLICTS | READOUT_CHANGE_SOURCES,
                                  "SELECT count(*) FROM conflicts c WHERE c.call_id = ?1",
                                  "SELECT " CONFLICT_COLUMNS " FROM conflicts c WHERE c.call_id = ?1"
                                  " ORDER BY c.id LIMIT ? OFFSET ?",
                                  g_variant_new ("(x)", call_id),
                                  readout_store_conflict_from_row);
}

GListModel *
readout_store_list_topics (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  return readout_query_model_new (self, READOUT_TYPE_TOPIC, READOUT_CHANGE_TOPICS,
                                  "SELECT count(*) FROM topics",
                                  "SELECT " TOPIC_COLUMNS " FROM topics t"
                                  " ORDER BY t.name COLLATE NOCASE LIMIT ? OFFSET ?",
                                  g_variant_new ("()"),
                                  readout_store_topic_from_row);
}

GListModel *
readout_store_search (ReadoutStore  *self,
                      const char    *query,
                      GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return readout_search_model_new (self, query, error);
}

/* ---------------------------------------------------------------------------------- */

static void
readout_store_finalize (GObject *object)
{
  ReadoutStore *self = READOUT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
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
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
readout_store_init (ReadoutStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "readout-db-postgres.h"
#include "readout-db-location.h"
#include "readout-store-pg-schema.h"

struct _ReadoutDbPostgres
{
  ReadoutDb parent_instance;

  PGconn *conn;
  gint64 changes;          /* rows the last statement touched */
  gint64 others_commits;   /* notifications from other sessions so far */
  guint n_prepared;        /* names the server-side prepared statements */
};

G_DEFINE_FINAL_TYPE (ReadoutDbPostgres, readout_db_postgres, READOUT_TYPE_DB)

/* A statement holds its connection's object without a reference: the connection frees
 * its cached statements before it closes, and an uncached one must go before it. */
typedef struct
{
  ReadoutDbStatement parent;
  ReadoutDbPostgres *db;
  char *name;
  int n_params;
  char **values;           /* n_params bound values as text, NULL for SQL NULL */
  PGresult *description;   /* the columns, known from the prepare */
  PGresult *result;        /* the last step's whole result, or NULL before the first */
  int row;
} PgStatement;

#define PG_STMT(s) ((PgStatement *) (s))

/* PostgreSQL's type oids (catalog/pg_type.h, stable across versions), for column types. */
#define BOOLOID 16
#define BYTEAOID 17
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define OIDOID 26
#define FLOAT4OID 700
#define FLOAT8OID 701
#define NUMERICOID 1700

/* ---------------------------------------------------------------------------------- */
/* Parameters                                                                         */

static gboolean
is_identifier_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* Past the string that opens at @p with @quote ('' or "" inside stays in it; with
 * @backslash, as in E'…', a backslash escapes the next character). */
static const char *
skip_quoted (const char *p,
             char        quote,
             gboolean    backslash)
{
  for (p++; *p != '\0'; p++)
    {
      if (backslash && *p == '\\' && p[1] != '\0')
        p++;
      else if (*p == quote && p[1] == quote)
        p++;
      else if (*p == quote)
        return p + 1;
    }
  return p;
}

static const char *
skip_past (const char *p,
           const char *mark)
{
  const char *end = strstr (p, mark);

  return end != NULL ? end + strlen (mark) : p + strlen (p);
}

/* The length of the dollar-quote tag ($$ or $tag$) at @p, or 0: $1 is a parameter, and
 * a "$" inside an identifier is part of it. */
static gsize
dollar_tag_length (const char *sql,
                   const char *p)
{
  const char *q = p + 1;

  if (*p != '$' || (p > sql && is_identifier_char (p[-1])) || g_ascii_isdigit (*q))
    return 0;
  while (g_ascii_isalnum (*q) || *q == '_')
    q++;
  return *q == '$' ? (gsize) (q - p + 1) : 0;
}

/* Past the literal, quoted identifier, comment or dollar-quoted string that starts at
 * @p, or @p when none does. */
static const char *
skip_non_code (const char *sql,
               const char *p)
{
  gsize tag = dollar_tag_length (sql, p);

  if (*p == '\'')
    {
      gboolean escaped = p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                         (p - 1 == sql || !is_identifier_char (p[-2]));

      return skip_quoted (p, '\'', escaped);
    }
  if (*p == '"')
    return skip_quoted (p, '"', FALSE);
  if (p[0] == '-' && p[1] == '-')
    return skip_past (p, "\n");
  if (p[0] == '/' && p[1] == '*')
    return skip_past (p + 2, "*/");
  if (tag > 0)
    {
      g_autofree char *mark = g_strndup (p, tag);

      return skip_past (p + tag, mark);
    }
  return p;
}

char *
readout_db_postgres_rewrite_parameters (const char *sql,
                                        int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int highest = 0;

  while (*p != '\0')
    {
      const char *next = skip_non_code (sql, p);
      int number;

      if (next != p)
        {
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      if (*p != '?')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      if (g_ascii_isdigit (*p))
        number = (int) strtol (p, (char **) &p, 10);
      else
        number = highest + 1;
      highest = MAX (highest, number);
      g_string_append_printf (out, "$%d", number);
    }
  if (n_params != NULL)
    *n_params = highest;
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------- */
/* Errors                                                                             */

static ReadoutDbError
error_code (PGconn     *conn,
            const char *sqlstate)
{
  if (PQstatus (conn) == CONNECTION_BAD || sqlstate == NULL ||
      g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P"))
    return READOUT_DB_ERROR_CONNECTION_LOST;
  if (g_str_equal (sqlstate, "42501") || g_str_equal (sqlstate, "25006"))
    return READOUT_DB_ERROR_READ_ONLY;
  if (g_str_has_prefix (sqlstate, "23"))
    return READOUT_DB_ERROR_CONSTRAINT;
  if (g_str_equal (sqlstate, "40001") || g_str_equal (sqlstate, "40P01"))
    return READOUT_DB_ERROR_CONFLICT;
  if (g_str_equal (sqlstate, "55P03"))
    return READOUT_DB_ERROR_BUSY;
  if (g_str_equal (sqlstate, "53100"))
    return READOUT_DB_ERROR_FULL;
  if (g_str_equal (sqlstate, "58030"))
    return READOUT_DB_ERROR_IO;
  if (g_str_has_prefix (sqlstate, "XX00"))
    return READOUT_DB_ERROR_CORRUPT;
  return READOUT_DB_ERROR_FAILED;
}

/* The server's message for @result (or the connection's, without one), in READOUT_DB_ERROR. */
static void
set_error (PGconn    *conn,
           PGresult  *result,
           GError   **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *message = g_strdup (primary != NULL ? primary : PQerrorMessage (conn));

  g_set_error_literal (error, READOUT_DB_ERROR, error_code (conn, sqlstate), g_strchomp (message));
}

/* Whether @result succeeded; if not, sets @error. */
static gboolean
check_result (ReadoutDbPostgres  *self,
              PGresult           *result,
              GError            **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  set_error (self->conn, result, error);
  return FALSE;
}

static gboolean
exec_sql (ReadoutDbPostgres  *self,
          const char         *sql,
          GError            **error)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = check_result (self, result, error);

  PQclear (result);
  return ok;
}

/* ---------------------------------------------------------------------------------- */
/* Statements                                                                         */

static void
stmt_clear_bindings (ReadoutDbStatement *stmt)
{
  PgStatement *pg = PG_STMT (stmt);

  for (int i = 0; i < pg->n_params; i++)
    g_clear_pointer (&pg->values[i], g_free);
}

static void
stmt_reset (ReadoutDbStatement *stmt)
{
  g_clear_pointer (&PG_STMT (stmt)->result, PQclear);
  PG_STMT (stmt)->row = -1;
}

static void
stmt_free (ReadoutDbStatement *stmt)
{
  PgStatement *pg = PG_STMT (stmt);
  g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", pg->name);

  /* A lost connection has no statements left to free. */
  if (PQstatus (pg->db->conn) == CONNECTION_OK)
    PQclear (PQexec (pg->db->conn, deallocate));
  stmt_reset (stmt);
  stmt_clear_bindings (stmt);
  PQclear (pg->description);
  g_free (pg->values);
  g_free (pg->name);
  g_free (pg);
}

/* Binds @text (NULL for SQL NULL) to parameter @index, ignoring an index the SQL lacks, as
 * SQLite does with a range error nobody checks. */
static void
bind_value (ReadoutDbStatement *stmt,
            int                 index,
            char               *text)
{
  PgStatement *pg = PG_STMT (stmt);

  if (index < 1 || index > pg->n_params)
    {
      g_free (text);
      return;
    }
  g_free (pg->values[index - 1]);
  pg->values[index - 1] = text;
}

static void
stmt_bind_int64 (ReadoutDbStatement *stmt, int index, gint64 value)
{
  bind_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
stmt_bind_double (ReadoutDbStatement *stmt, int index, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

/* libpq sends NUL-terminated text, so even a static text is copied. */
static void
stmt_bind_text (ReadoutDbStatement *stmt, int index, const char *text, gssize length,
                gboolean copy)
{
  if (text == NULL)
    bind_value (stmt, index, NULL);
  else
    bind_value (stmt, index, length < 0 ? g_strdup (text) : g_strndup (text, length));
}

static void
stmt_bind_null (ReadoutDbStatement *stmt, int index)
{
  bind_value (stmt, index, NULL);
}

/* Runs the statement with its bindings; its rows, if any, are kept for the steps. */
static gboolean
stmt_run (PgStatement  *pg,
          GError      **error)
{
  ReadoutDbPostgres *db = pg->db;

  pg->result = PQexecPrepared (db->conn, pg->name, pg->n_params,
                               (const char * const *) pg->values, NULL, NULL, 0);
  if (!check_result (db, pg->result, error))
    {
      g_clear_pointer (&pg->result, PQclear);
      return FALSE;
    }
  db->changes = g_ascii_strtoll (PQcmdTuples (pg->result), NULL, 10);
  pg->row = -1;
  return TRUE;
}

static ReadoutDbStep
stmt_step (ReadoutDbStatement *stmt, GError **error)
{
  PgStatement *pg = PG_STMT (stmt);

  if (pg->result == NULL && !stmt_run (pg, error))
    return READOUT_DB_FAILED;
  if (pg->row + 1 < PQntuples (pg->result))
    {
      pg->row++;
      return READOUT_DB_ROW;
    }
  pg->row = PQntuples (pg->result);
  return READOUT_DB_DONE;
}

static int
stmt_column_count (ReadoutDbStatement *stmt)
{
  return PQnfields (PG_STMT (stmt)->description);
}

static const char *
stmt_column_name (ReadoutDbStatement *stmt, int column)
{
  return PQfname (PG_STMT (stmt)->description, column);
}

/* Whether the statement stands on a row that has @column. */
static gboolean
on_row (PgStatement *pg,
        int          column)
{
  return pg->result != NULL && pg->row >= 0 && pg->row < PQntuples (pg->result) &&
         column >= 0 && column < PQnfields (pg->result);
}

static ReadoutDbType
stmt_column_type (ReadoutDbStatement *stmt, int column)
{
  PgStatement *pg = PG_STMT (stmt);

  if (!on_row (pg, column) || PQgetisnull (pg->result, pg->row, column))
    return READOUT_DB_TYPE_NULL;
  switch (PQftype (pg->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
      return READOUT_DB_TYPE_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return READOUT_DB_TYPE_FLOAT;
    case BYTEAOID:
      return READOUT_DB_TYPE_BLOB;
    default:
      return READOUT_DB_TYPE_TEXT;
    }
}

static const char *
stmt_column_text (ReadoutDbStatement *stmt, int column)
{
  PgStatement *pg = PG_STMT (stmt);

  if (!on_row (pg, column) || PQgetisnull (pg->result, pg->row, column))
    return NULL;
  return PQgetvalue (pg->result, pg->row, column);
}

/* A boolean reads as 1 or 0, as SQLite's comparisons do. */
static gint64
stmt_column_int64 (ReadoutDbStatement *stmt, int column)
{
  const char *text = stmt_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (PG_STMT (stmt)->result, column) == BOOLOID)
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

static double
stmt_column_double (ReadoutDbStatement *stmt, int column)
{
  const char *text = stmt_column_text (stmt, column);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static const ReadoutDbStatementClass statement_class = {
  .free = stmt_free,
  .bind_int64 = stmt_bind_int64,
  .bind_double = stmt_bind_double,
  .bind_text = stmt_bind_text,
  .bind_null = stmt_bind_null,
  .step = stmt_step,
  .reset = stmt_reset,
  .clear_bindings = stmt_clear_bindings,
  .column_count = stmt_column_count,
  .column_name = stmt_column_name,
  .column_type = stmt_column_type,
  .column_int64 = stmt_column_int64,
  .column_double = stmt_column_double,
  .column_text = stmt_column_text,
};

/* ---------------------------------------------------------------------------------- */
/* Locations                                                                          */

/* A URI's query without its password parameter. */
static void
append_query_without_password (GString    *out,
                               const char *query)
{
  g_auto(GStrv) parameters = g_strsplit (query, "&", -1);
  const char *separator = "?";

  for (guint i = 0; parameters[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (parameters[i], "password=", 9) == 0 || parameters[i][0] == '\0')
        continue;
      g_string_append_printf (out, "%s%s", separator, parameters[i]);
      separator = "&";
    }
}

/* postgresql://user:secret@host/db?password=… without ":secret" and the parameter. */
static char *
uri_without_password (const char *uri)
{
  const char *authority = strstr (uri, "://") + 3;
  gsize authority_length = strcspn (authority, "/?");
  const char *at = g_strrstr_len (authority, (gssize) authority_length, "@");
  const char *colon = at != NULL ? memchr (authority, ':', at - authority) : NULL;
  const char *query = strchr (authority, '?');
  GString *out = g_string_new (NULL);

  if (colon != NULL)
    {
      g_string_append_len (out, uri, colon - uri);
      g_string_append_len (out, at, (query != NULL ? query : at + strlen (at)) - at);
    }
  else
    g_string_append_len (out, uri, query != NULL ? (gsize) (query - uri) : strlen (uri));
  if (query != NULL)
    append_query_without_password (out, query + 1);
  return g_string_free (out, FALSE);
}

/* A key=value string rebuilt from what libpq read in it, less the password. */
static char *
keywords_without_password (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  GString *out = g_string_new (NULL);

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;
      g_string_append_printf (out, "%s%s='", out->len > 0 ? " " : "", o->keyword);
      for (const char *c = o->val; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\'');
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

char *
readout_db_postgres_strip_password (const char *conninfo)
{
  g_return_val_if_fail (conninfo != NULL, NULL);

  if (strstr (conninfo, "://") != NULL)
    return uri_without_password (conninfo);
  /* Only a string that has one is rewritten, so the user sees what they wrote. */
  if (strstr (conninfo, "password") == NULL)
    return g_strdup (conninfo);
  return keywords_without_password (conninfo);
}

/* ---------------------------------------------------------------------------------- */
/* The connection                                                                     */

/* Prepares on the server and asks it for the columns, so that errors in the SQL show
 * at prepare time, as with SQLite. */
static ReadoutDbStatement *
readout_db_postgres_prepare (ReadoutDb   *db,
                             const char  *sql,
                             GError     **error)
{
  ReadoutDbPostgres *self = READOUT_DB_POSTGRES (db);
  g_autofree char *rewritten = NULL;
  g_autofree char *name = g_strdup_printf ("readout_%u", ++self->n_prepared);
  PGresult *description;
  PgStatement *pg;
  int n_params;
  gboolean ok;

  rewritten = readout_db_postgres_rewrite_parameters (sql, &n_params);
  description = PQprepare (self->conn, name, rewritten, 0, NULL);
  ok = check_result (self, description, error);
  PQclear (description);
  if (!ok)
    return NULL;
  description = PQdescribePrepared (self->conn, name);
  if (!check_result (self, description, error))
    {
      PQclear (description);
      return NULL;
    }
  pg = g_new0 (PgStatement, 1);
  readout_db_statement_init (&pg->parent, &statement_class);
  pg->db = self;
  pg->name = g_steal_pointer (&name);
  pg->n_params = n_params;
  pg->values = g_new0 (char *, MAX (n_params, 1));
  pg->description = description;
  pg->row = -1;
  return &pg->parent;
}

static gboolean
readout_db_postgres_exec (ReadoutDb   *db,
                          const char  *sql,
                          GError     **error)
{
  return exec_sql (READOUT_DB_POSTGRES (db), sql, error);
}

/* A read transaction is one snapshot (REPEATABLE READ); a write transaction sees each
 * statement's latest data (READ COMMITTED), and the rows' versions catch a concurrent
 * edit of the same record. */
static gboolean
readout_db_postgres_begin (ReadoutDb  *db,
                           gboolean    write,
                           GError    **error)
{
  return exec_sql (READOUT_DB_POSTGRES (db),
                   write ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                         : "BEGIN ISOLATION LEVEL REPEATABLE READ", error);
}

/* COMMIT of a transaction a failed statement aborted "succeeds" as a ROLLBACK: that
 * is an error here. */
static gboolean
readout_db_postgres_commit (ReadoutDb  *db,
                            GError    **error)
{
  ReadoutDbPostgres *self = READOUT_DB_POSTGRES (db);
  PGresult *result = PQexec (self->conn, "COMMIT");
  gboolean ok = check_result (self, result, error);

  if (ok && g_str_equal (PQcmdStatus (result), "ROLLBACK"))
    {
      g_set_error_literal (error, READOUT_DB_ERROR, READOUT_DB_ERROR_FAILED,
                           _("The change was undone because a step of it failed."));
      ok = FALSE;
    }
  PQclear (result);
  return ok;
}

static void
readout_db_postgres_rollback (ReadoutDb *db)
{
  exec_sql (READOUT_DB_POSTGRES (db), "ROLLBACK", NULL);
}

static gboolean
readout_db_postgres_in_transaction (ReadoutDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (READOUT_DB_POSTGRES (db)->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gint64
readout_db_postgres_changes (ReadoutDb *db)
{
  return READOUT_DB_POSTGRES (db)->changes;
}

/* Counts the notifications other sessions sent since the last call; this session's own
 * come back to it too, and do not count. Outside a transaction an empty query's round
 * trip comes first: the server signals this session's backend before another session's
 * COMMIT returns, and the backend sends what it was signalled before it reads the next
 * query, so every commit that finished before this call is counted, not only those whose
 * notification happens to have arrived. */
static gint64
readout_db_postgres_change_counter (ReadoutDb *db)
{
  ReadoutDbPostgres *self = READOUT_DB_POSTGRES (db);
  int own_pid = PQbackendPID (self->conn);
  PGnotify *notify;

  if (PQtransactionStatus (self->conn) == PQTRANS_IDLE)
    PQclear (PQexec (self->conn, ""));
  if (!PQconsumeInput (self->conn))
    return -1;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != own_pid)
        self->others_commits++;
      PQfreemem (notify);
    }
  return self->others_commits;
}

static int
readout_db_postgres_change_fd (ReadoutDb *db)
{
  return PQsocket (READOUT_DB_POSTGRES (db)->conn);
}

gboolean
readout_db_postgres_is_connection_lost (ReadoutDbPostgres *self)
{
  g_return_val_if_fail (READOUT_IS_DB_POSTGRES (self), TRUE);

  /* Reading what the server sent finds a closed socket; the notifications stay queued. */
  if (PQstatus (self->conn) == CONNECTION_OK && !PQisBusy (self->conn))
    PQconsumeInput (self->conn);
  return PQstatus (self->conn) == CONNECTION_BAD;
}

static void
readout_db_postgres_set_busy_timeout (ReadoutDb *db,
                                      guint      milliseconds)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %u", milliseconds);

  exec_sql (READOUT_DB_POSTGRES (db), sql, NULL);
}

/* libpq prints the server's notices on standard error by default; they are for
 * whoever debugs the store (a text search of stop words only gives one), not for users. */
static void
on_notice (void       *data,
           const char *message)
{
  g_debug ("%s", message);
}

/* libpq finds a password in ~/.pgpass by itself; only when the server still wants one is
 * the password function asked (the window's keyring), and the connection tried again. */
static PGconn *
connect_asking_password (const char *conninfo)
{
  static const char *const keywords[] = { "dbname", "password", NULL };
  PGconn *conn = PQconnectdb (conninfo);
  g_autofree char *password = NULL;

  if (PQstatus (conn) == CONNECTION_OK || !PQconnectionNeedsPassword (conn))
    return conn;
  password = readout_db_location_lookup_password (conninfo);
  if (password == NULL)
    return conn;
  PQfinish (conn);
  /* expand_dbname: the "dbname" value is the whole connection string. */
  conn = PQconnectdbParams (keywords, (const char *const[]) { conninfo, password, NULL }, 1);
  memset (password, 0, strlen (password));
  return conn;
}

ReadoutDb *
readout_db_postgres_open (const char  *conninfo,
                          gboolean     read_only,
                          GError     **error)
{
  g_autoptr(ReadoutDbPostgres) self = g_object_new (READOUT_TYPE_DB_POSTGRES, NULL);
  g_autofree char *location = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  /* The location is shown and reconnected to (~/.pgpass has the password). */
  location = readout_db_postgres_strip_password (conninfo);
  readout_db_set_location (READOUT_DB (self), location, read_only);
  self->conn = connect_asking_password (conninfo);
  if (PQstatus (self->conn) != CONNECTION_OK && PQconnectionNeedsPassword (self->conn))
    {
      /* libpq's "fe_sendauth: no password supplied" does not say where one goes. */
      g_set_error_literal (error, READOUT_DB_ERROR, READOUT_DB_ERROR_FAILED,
                           _("the server asks for a password: put it in ~/.pgpass (or the file PGPASSFILE "
                             "names), or connect with Connect to Team Store, which keeps it in the keyring"));
      return NULL;
    }
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_error (self->conn, NULL, error);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, on_notice, NULL);
  if (PQsetClientEncoding (self->conn, "UTF8") != 0 ||
      !exec_sql (self, "LISTEN " READOUT_STORE_PG_CHANNEL, error) ||
      (read_only && !exec_sql (self, "SET default_transaction_read_only = on", error)))
    return NULL;
  return READOUT_DB (g_steal_pointer (&self));
}

static void
readout_db_postgres_finalize (GObject *object)
{
  ReadoutDbPostgres *self = READOUT_DB_POSTGRES (object);

  g_clear_pointer (&self->conn, PQfinish);

  G_OBJECT_CLASS (readout_db_postgres_parent_class)->finalize (object);
}

static void
readout_db_postgres_class_init (ReadoutDbPostgresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ReadoutDbClass *db_class = READOUT_DB_CLASS (klass);

  object_class->finalize = readout_db_postgres_finalize;

  db_class->engine = READOUT_DB_ENGINE_POSTGRESQL;
  db_class->prepare = readout_db_postgres_prepare;
  db_class->exec = readout_db_postgres_exec;
  db_class->begin = readout_db_postgres_begin;
  db_class->commit = readout_db_postgres_commit;
  db_class->rollback = readout_db_postgres_rollback;
  db_class->in_transaction = readout_db_postgres_in_transaction;
  db_class->changes = readout_db_postgres_changes;
  db_class->change_counter = readout_db_postgres_change_counter;
  db_class->set_busy_timeout = readout_db_postgres_set_busy_timeout;
  db_class->change_fd = readout_db_postgres_change_fd;
}

static void
readout_db_postgres_init (ReadoutDbPostgres *self)
{
}

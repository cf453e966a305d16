// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ReadoutDbStatement: one prepared SQL statement of a ReadoutDb (readout-db.h), whatever
 * the engine. SQL keeps SQLite's parameters, `?` and `?N`, indexes start at 1 for
 * parameters and at 0 for columns, as in SQLite; an engine whose library numbers them
 * otherwise (libpq: $N) rewrites the SQL when it prepares it.
 *
 * It is a small ref-counted struct rather than a GObject because the store steps and
 * reads columns millions of times in a bulk import or a bench: every call below is one
 * indirect call through the engine's table, inlined here. Text a column returns stays
 * valid until the next step, reset or unref of its statement. */

typedef struct _ReadoutDbStatement       ReadoutDbStatement;
typedef struct _ReadoutDbStatementClass  ReadoutDbStatementClass;

/* What step() returns. (Not READOUT_DB_ERROR, which names the error domain.) */
typedef enum {
  READOUT_DB_ROW,
  READOUT_DB_DONE,
  READOUT_DB_FAILED,
} ReadoutDbStep;

/* A column's type as the engine reports it for the current row. */
typedef enum {
  READOUT_DB_TYPE_NULL,
  READOUT_DB_TYPE_INTEGER,
  READOUT_DB_TYPE_FLOAT,
  READOUT_DB_TYPE_TEXT,
  READOUT_DB_TYPE_BLOB,
} ReadoutDbType;

/* The engine's implementation. An engine's statement struct starts with a
 * ReadoutDbStatement whose klass points to its table. */
struct _ReadoutDbStatementClass
{
  void          (*free)          (ReadoutDbStatement *stmt);
  void          (*bind_int64)    (ReadoutDbStatement *stmt, int index, gint64 value);
  void          (*bind_double)   (ReadoutDbStatement *stmt, int index, double value);
  /* @copy FALSE: the caller keeps @text alive until the statement is reset. */
  void          (*bind_text)     (ReadoutDbStatement *stmt, int index, const char *text,
                                  gssize length, gboolean copy);
  void          (*bind_null)     (ReadoutDbStatement *stmt, int index);
  ReadoutDbStep (*step)          (ReadoutDbStatement *stmt, GError **error);
  void          (*reset)         (ReadoutDbStatement *stmt);
  void          (*clear_bindings) (ReadoutDbStatement *stmt);
  int           (*column_count)  (ReadoutDbStatement *stmt);
  const char   *(*column_name)   (ReadoutDbStatement *stmt, int column);
  ReadoutDbType (*column_type)   (ReadoutDbStatement *stmt, int column);
  gint64        (*column_int64)  (ReadoutDbStatement *stmt, int column);
  double        (*column_double) (ReadoutDbStatement *stmt, int column);
  const char   *(*column_text)   (ReadoutDbStatement *stmt, int column);
  /* Optional: readout_db_statement_run() for engines that have a cheaper way to it. */
  ReadoutDbStep (*run)           (ReadoutDbStatement *stmt, gint64 *new_id, GError **error);
};

struct _ReadoutDbStatement
{
  const ReadoutDbStatementClass *klass;
  grefcount ref_count;      /* one thread uses a connection and its statements */
};

/* Runs a write whose SQL may end in RETURNING id to its end: @new_id (unless NULL)
 * gets the id of the row it inserted (the last, for several), or stays as it was
 * without one. Returns READOUT_DB_DONE or READOUT_DB_FAILED. Such SQL is meant for this
 * function, not for step(): the SQLite engine drops an INSERT's "RETURNING id" and
 * reads the last rowid instead, because SQLite returns rows through a temporary table
 * that cost 6 % of a JSON import. Running to the end matters too: SQLite finishes a
 * statement (and reports a full disk) only there, not on a reset. */
ReadoutDbStep       readout_db_statement_run   (ReadoutDbStatement            *stmt,
                                                gint64                        *new_id,
                                                GError                       **error);

/* For engines: sets up the header of a new statement (one reference). */
void                readout_db_statement_init  (ReadoutDbStatement            *stmt,
                                                const ReadoutDbStatementClass *klass);
ReadoutDbStatement *readout_db_statement_ref   (ReadoutDbStatement            *stmt);
void                readout_db_statement_unref (ReadoutDbStatement            *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutDbStatement, readout_db_statement_unref)

static inline void
readout_db_statement_bind_int64 (ReadoutDbStatement *stmt, int index, gint64 value)
{
  stmt->klass->bind_int64 (stmt, index, value);
}

static inline void
readout_db_statement_bind_double (ReadoutDbStatement *stmt, int index, double value)
{
  stmt->klass->bind_double (stmt, index, value);
}

/* Binds a copy of @text (NULL binds SQL NULL). */
static inline void
readout_db_statement_bind_text (ReadoutDbStatement *stmt, int index, const char *text)
{
  stmt->klass->bind_text (stmt, index, text, -1, TRUE);
}

/* Binds @text without copying it: it must stay unchanged until the statement is reset.
 * @length in bytes, or -1 up to its NUL. For long texts in bulk loads. */
static inline void
readout_db_statement_bind_static_text (ReadoutDbStatement *stmt, int index, const char *text,
                                       gssize length)
{
  stmt->klass->bind_text (stmt, index, text, length, FALSE);
}

static inline void
readout_db_statement_bind_null (ReadoutDbStatement *stmt, int index)
{
  stmt->klass->bind_null (stmt, index);
}

/* Runs the statement to its next row. On READOUT_DB_FAILED @error is set in the
 * READOUT_DB_ERROR domain with the engine's message. */
static inline ReadoutDbStep
readout_db_statement_step (ReadoutDbStatement *stmt, GError **error)
{
  return stmt->klass->step (stmt, error);
}

/* Makes the statement ready to run again; its bindings stay. */
static inline void
readout_db_statement_reset (ReadoutDbStatement *stmt)
{
  stmt->klass->reset (stmt);
}

static inline void
readout_db_statement_clear_bindings (ReadoutDbStatement *stmt)
{
  stmt->klass->clear_bindings (stmt);
}

static inline int
readout_db_statement_column_count (ReadoutDbStatement *stmt)
{
  return stmt->klass->column_count (stmt);
}

static inline const char *
readout_db_statement_column_name (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_name (stmt, column);
}

static inline ReadoutDbType
readout_db_statement_column_type (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_type (stmt, column);
}

static inline gboolean
readout_db_statement_column_is_null (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_type (stmt, column) == READOUT_DB_TYPE_NULL;
}

/* SQL NULL reads as 0. */
static inline gint64
readout_db_statement_column_int64 (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_int64 (stmt, column);
}

static inline double
readout_db_statement_column_double (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_double (stmt, column);
}

/* SQL NULL reads as NULL. */
static inline const char *
readout_db_statement_column_text (ReadoutDbStatement *stmt, int column)
{
  return stmt->klass->column_text (stmt, column);
}

G_END_DECLS

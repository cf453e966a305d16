#pragma once

#include <sqlite3.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* For the core's own modules (models, schema, sample, generator, import), not for the UI. */

sqlite3  *readout_store_get_db           (ReadoutStore   *self);
/* Prepares (and caches) a statement; the result is reset and its bindings cleared. */
sqlite3_stmt *readout_store_prepare      (ReadoutStore   *self,
                                          const char     *sql,
                                          GError        **error);
/* Turns the connection's last SQLite error into a GError with a Readout code. */
void      readout_store_set_sqlite_error (ReadoutStore   *self,
                                          int             rc,
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
gboolean  readout_store_schema_migrate   (sqlite3        *db,
                                          int             from,
                                          int             to,
                                          GError        **error);

/* For bulk loads into a new store: stop keeping the full-text index in step row by
 * row, then rebuild it in one pass. Both run inside the caller's transaction. */
gboolean  readout_store_schema_suspend_fts (sqlite3      *db,
                                            GError      **error);
gboolean  readout_store_schema_resume_fts  (sqlite3      *db,
                                            GError      **error);

/* The statement -> topic links of every stored statement are rebuilt from the topic list. */
gboolean  readout_store_retag_all        (ReadoutStore   *self,
                                          GError        **error);

/* Helpers for column access that map SQL NULL to NULL/defaults. */
const char *readout_sql_column_text      (sqlite3_stmt   *stmt,
                                          int             column);
/* Splits a group_concat() of values joined by char(31) into a NULL-terminated array. */
char    **readout_sql_column_strv        (sqlite3_stmt   *stmt,
                                          int             column);

/* Builds model objects from the columns of the store's standard SELECTs
 * (READOUT_*_COLUMNS below); used by the store and its list models alike. */
GObject  *readout_store_leader_from_row    (sqlite3_stmt *stmt);
GObject  *readout_store_call_from_row      (sqlite3_stmt *stmt);
GObject  *readout_store_source_from_row    (sqlite3_stmt *stmt);
GObject  *readout_store_statement_from_row (sqlite3_stmt *stmt);
GObject  *readout_store_topic_from_row     (sqlite3_stmt *stmt);
GObject  *readout_store_conflict_from_row  (sqlite3_stmt *stmt);

G_END_DECLS

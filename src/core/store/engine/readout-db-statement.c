// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-db-statement.h"

void
readout_db_statement_init (ReadoutDbStatement            *stmt,
                           const ReadoutDbStatementClass *klass)
{
  stmt->klass = klass;
  g_ref_count_init (&stmt->ref_count);
}

ReadoutDbStep
readout_db_statement_run (ReadoutDbStatement  *stmt,
                          gint64              *new_id,
                          GError             **error)
{
  ReadoutDbStep step;

  if (stmt->klass->run != NULL)
    return stmt->klass->run (stmt, new_id, error);
  while ((step = readout_db_statement_step (stmt, error)) == READOUT_DB_ROW)
    if (new_id != NULL)
      *new_id = readout_db_statement_column_int64 (stmt, 0);
  return step;
}

ReadoutDbStatement *
readout_db_statement_ref (ReadoutDbStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  g_ref_count_inc (&stmt->ref_count);
  return stmt;
}

void
readout_db_statement_unref (ReadoutDbStatement *stmt)
{
  if (stmt != NULL && g_ref_count_dec (&stmt->ref_count))
    stmt->klass->free (stmt);
}

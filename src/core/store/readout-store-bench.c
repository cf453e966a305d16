// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-store-bench.h"
#include "readout-store-private.h"

/* Runs @sql with an optional int64 parameter and reads every column of every row. */
static void
read_every_column (ReadoutDb  *db,
                   const char *sql,
                   gint64      parameter)
{
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (db, sql, NULL);

  if (stmt == NULL)
    return;
  if (parameter != 0)
    readout_db_statement_bind_int64 (stmt, 1, parameter);
  while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    for (int c = 0; c < readout_db_statement_column_count (stmt); c++)
      (void) readout_db_statement_column_text (stmt, c);
}

static gint64
query_id (ReadoutDb  *db,
          const char *sql)
{
  g_autoptr(ReadoutDbStatement) stmt = readout_db_prepare_uncached (db, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    id = readout_db_statement_column_int64 (stmt, 0);
  return id;
}

/* The leader with the most calls, and the call half-way through the id range: the
 * heaviest list and a typical call. Fails on a store with no calls. */
gboolean
readout_store_bench_pick_subjects (ReadoutStore  *self,
                                   gint64        *busiest_leader_id,
                                   gint64        *middle_call_id,
                                   GError       **error)
{
  ReadoutDb *db = readout_store_get_db (self);

  *busiest_leader_id = query_id (db, "SELECT leader_id FROM call_participants GROUP BY leader_id"
                                     " ORDER BY count(*) DESC LIMIT 1");
  *middle_call_id = query_id (db, "SELECT id FROM calls ORDER BY id LIMIT 1"
                                  " OFFSET (SELECT count(*) / 2 FROM calls)");
  if (*busiest_leader_id == 0 || *middle_call_id == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("The store holds no calls to measure: make one with “readout-cli generate”."));
      return FALSE;
    }
  return TRUE;
}

/* What readout_store_list_calls () runs for the first page of a leader's calls. */
void
readout_store_bench_read_call_page (ReadoutStore *self,
                                    gint64        leader_id)
{
  ReadoutDb *db = readout_store_get_db (self);

  read_every_column (db, "SELECT count(*) FROM call_participants WHERE leader_id = ?1", leader_id);
  read_every_column (db, "SELECT " CALL_COLUMNS " FROM call_participants me JOIN calls c ON c.id = me.call_id"
                         CALL_INITIATOR_JOIN " WHERE me.leader_id = ?1"
                         " ORDER BY me.call_date DESC, me.call_id DESC LIMIT 64", leader_id);
}

/* What readout_store_get_call () and readout_store_list_statements () run for one call. */
void
readout_store_bench_read_call (ReadoutStore *self,
                               gint64        call_id)
{
  ReadoutDb *db = readout_store_get_db (self);

  read_every_column (db, "SELECT " CALL_COLUMNS " FROM calls c" CALL_INITIATOR_JOIN " WHERE c.id = ?1",
                     call_id);
  read_every_column (db, "SELECT " STATEMENT_COLUMNS STATEMENT_FROM " WHERE st.call_id = ?1"
                         " ORDER BY st.side IS NULL, st.side, st.source_id, st.position, st.id", call_id);
}

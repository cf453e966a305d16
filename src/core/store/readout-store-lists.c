// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-enum-types.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-query-model.h"
#include "readout-search-model.h"
#include "readout-store-private.h"

/* ReadoutStore, continued: the list models, each a query the ReadoutQueryModel pages. */

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

/* On PostgreSQL, instr and NOCASE are the team schema's (readout-store-pg-schema.c), and
 * the parameters' types must be named where nothing else tells them. */
#define LEADER_FILTER \
  " WHERE CAST (?1 AS text) IS NULL OR instr (casefold (l.name), ?1) > 0 OR l.country = upper (?1)" \
  " OR instr (casefold (co.name), ?1) > 0 OR instr (casefold (co.demonym), ?1) > 0" \
  " OR EXISTS (SELECT 1 FROM leader_aliases a WHERE a.leader_id = l.id" \
  "   AND instr (casefold (a.alias), ?1) > 0)"

  order = sort == READOUT_LEADER_SORT_LAST_CALL
          ? " ORDER BY last_call DESC NULLS LAST, l.name COLLATE NOCASE, l.id"
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
  return readout_store_list_calls_filtered (self, leader_id, other_leader_id, NULL, NULL);
}

static gboolean
check_filter_date (const char  *date,
                   GError     **error)
{
  ReadoutDatePrecision precision;
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (date == NULL || readout_parse_iso_date (date, &precision, &parsed))
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY."), date);
  return FALSE;
}

GListModel *
readout_store_list_calls_filtered (ReadoutStore            *self,
                                   gint64                   leader_id,
                                   gint64                   other_leader_id,
                                   const ReadoutCallFilter *filter,
                                   GError                 **error)
{
  static const ReadoutCallFilter no_filter = READOUT_CALL_FILTER_INIT;
  const char *status;
  GVariant *params;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (leader_id != 0 || other_leader_id == 0, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (!check_filter_date (filter->date_from, error) || !check_filter_date (filter->date_to, error))
    return NULL;
  status = filter->status >= 0 ? readout_enum_to_string (READOUT_TYPE_CALL_STATUS, filter->status) : NULL;
  params = g_variant_new ("(xxmsmsmsms)", leader_id, other_leader_id, filter->topic,
                          filter->date_from, filter->date_to, status);

#define CALL_WATCHED \
  (READOUT_CHANGE_CALLS | READOUT_CHANGE_LEADERS | READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_TOPICS)

/* Parameters: ?3 topic, ?4 from, ?5 to, ?6 status, each NULL for any. A date known to
 * the month or year is compared on its own length, so "2017" is in 2017-06 to 2018. */
#define CALL_FILTER(ID, DATE) \
  " AND (CAST (?3 AS text) IS NULL OR EXISTS (SELECT 1 FROM statements fs" \
  "   JOIN statement_topics fx ON fx.statement_id = fs.id JOIN topics ft ON ft.id = fx.topic_id" \
  "   WHERE fs.call_id = " ID " AND ft.name = ?3))" \
  " AND (CAST (?4 AS text) IS NULL OR substr (?4, 1, length (" DATE ")) <= " DATE ")" \
  " AND (CAST (?5 AS text) IS NULL OR substr (" DATE ", 1, length (?5)) <= ?5)" \
  " AND (CAST (?6 AS text) IS NULL OR EXISTS (SELECT 1 FROM calls fc WHERE fc.id = " ID " AND fc.status = ?6))"

  /* ?1 and ?2 are bound here too, unused, so that both queries take the same parameters. */
  if (leader_id == 0)
    return readout_query_model_new (self, READOUT_TYPE_CALL, CALL_WATCHED,
                                    "SELECT count(*) FROM calls c WHERE ?1 = 0 AND ?2 = 0"
                                    CALL_FILTER ("c.id", "c.date"),
                                    "SELECT " CALL_COLUMNS " FROM calls c" CALL_INITIATOR_JOIN
                                    " WHERE ?1 = 0 AND ?2 = 0" CALL_FILTER ("c.id", "c.date")
                                    " ORDER BY c.date DESC, c.id DESC LIMIT ? OFFSET ?",
                                    params, readout_store_call_from_row);

#define CALLS_OF_LEADER \
  " WHERE me.leader_id = ?1 AND (?2 = 0 OR EXISTS (SELECT 1 FROM call_participants o" \
  "   WHERE o.call_id = me.call_id AND o.leader_id = ?2))" \
  CALL_FILTER ("me.call_id", "me.call_date")

  /* Unfiltered, the count reads the participants index alone, without touching the calls. */
  return readout_query_model_new (self, READOUT_TYPE_CALL, CALL_WATCHED,
                                  "SELECT count(*) FROM call_participants me" CALLS_OF_LEADER,
                                  "SELECT " CALL_COLUMNS " FROM call_participants me"
                                  " JOIN calls c ON c.id = me.call_id" CALL_INITIATOR_JOIN
                                  CALLS_OF_LEADER
                                  " ORDER BY me.call_date DESC, me.call_id DESC LIMIT ? OFFSET ?",
                                  params, readout_store_call_from_row);
#undef CALLS_OF_LEADER
#undef CALL_FILTER
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

GStrv
readout_store_dup_country_codes (ReadoutStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  ReadoutDbStatement *stmt;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  stmt = readout_store_prepare (self, "SELECT code FROM countries ORDER BY code", NULL);
  while (stmt != NULL && readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    g_strv_builder_add (builder, readout_db_statement_column_text (stmt, 0));
  if (stmt != NULL)
    readout_db_statement_reset (stmt);
  return g_strv_builder_end (builder);
}

/* The newest rows are taken because the rowid range is one index walk however large
 * the store is; a random sample would read the whole table. */
GStrv
readout_store_sample_statement_texts (ReadoutStore *self,
                                      gint64        call_id,
                                      guint         limit)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  ReadoutDbStatement *stmt;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  stmt = readout_store_prepare (self, "SELECT text FROM statements WHERE call_id <> ?"
                                      " ORDER BY id DESC LIMIT ?", NULL);
  if (stmt != NULL)
    {
      readout_db_statement_bind_int64 (stmt, 1, call_id);
      readout_db_statement_bind_int64 (stmt, 2, limit);
      while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
        {
          const char *text = readout_db_statement_column_text (stmt, 0);

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
      readout_db_statement_reset (stmt);
    }
  return g_strv_builder_end (builder);
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

  return readout_search_model_new (self, query, NULL, error);
}

GListModel *
readout_store_search_filtered (ReadoutStore              *self,
                               const char                *query,
                               const ReadoutSearchFilter *filter,
                               GError                   **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (filter != NULL
      && (!check_filter_date (filter->date_from, error) || !check_filter_date (filter->date_to, error)))
    return NULL;
  return readout_search_model_new (self, query, filter, error);
}

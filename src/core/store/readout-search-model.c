// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-search-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "readout-error.h"
#include "readout-search-hit.h"
#include "readout-search-model.h"
#include "readout-store-private.h"
#include "readout-text.h"

/* bm25 needs, for every query, the number of rows each term occurs in, which FTS5 gets
 * by reading the term's whole doclist: on a million statements a word found in most of
 * them costs tens of milliseconds before the first row is ranked. So matches are first
 * counted up to READOUT_STORE_SEARCH_RANK_LIMIT (cheap: no scores); when there are no
 * more than that they are ranked by relevance, otherwise the newest
 * READOUT_STORE_SEARCH_RANK_WINDOW are listed newest first (by rowid, which grows as rows
 * are stored). The hit list keeps ids only; a row's details are read when it is shown.
 *
 * On PostgreSQL the same rule holds with the tsvector columns (GIN indexes): matches are
 * counted the same way, ranked by ts_rank (negated, so that smaller is better as with
 * bm25) when few, else the newest by id. The words are stemmed there (configuration
 * "readout": English for ASCII words, Russian for the others), so "talks" also finds
 * "talk", and the snippet marks the words that matched as PostgreSQL saw them. */

typedef struct {
  gint64 statement_id; /* 0 for a source hit */
  gint64 source_id;    /* for a source hit */
  double rank;
} Hit;

struct _ReadoutSearchModel
{
  GObject parent_instance;

  ReadoutStore *store;
  gboolean postgresql;
  char *fts_query;         /* FTS5's query, or to_tsquery's on PostgreSQL */
  GPtrArray *terms;        /* folded query words, to mark in snippets */
  GArray *hits;
  gboolean filtered;
  gint64 leader_id;        /* the filter, copied; see ReadoutSearchFilter */
  char *side;
  char *date_from;
  char *date_to;
  guint n_matches;
  gboolean ranked;
  gulong changed_id;
};

static void readout_search_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReadoutSearchModel, readout_search_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      readout_search_model_list_model_init))

/* The words of @text (runs of letters and digits) joined into a query: each between
 * @quote, @separator between them, @prefix after the last so that results follow typing;
 * NULL when @text holds no word. Words hold no quote of either engine's syntax, so
 * nothing a user types is query syntax and no escaping is needed. */
static char *
join_words (const char *text,
            char        quote,
            const char *separator,
            const char *prefix)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p = text;
  gboolean any = FALSE;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      if (any)
        g_string_append (query, separator);
      g_string_append_c (query, quote);
      g_string_append_len (query, start, p - start);
      g_string_append_c (query, quote);
      any = TRUE;
    }
  if (!any)
    return NULL;
  g_string_append (query, prefix);
  return g_string_free (g_steal_pointer (&query), FALSE);
}

char *
readout_search_model_build_fts_query (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return join_words (text, '"', " ", "*");
}

char *
readout_search_model_build_tsquery (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return join_words (text, '\'', " & ", ":*");
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *hit_a = a, *hit_b = b;

  /* bm25 ranks are negative: smaller is better. Ties go to the newer row. */
  if (hit_a->rank != hit_b->rank)
    return hit_a->rank < hit_b->rank ? -1 : 1;
  if (hit_a->statement_id != hit_b->statement_id)
    return hit_a->statement_id > hit_b->statement_id ? -1 : 1;
  return hit_a->source_id > hit_b->source_id ? -1 : (hit_a->source_id < hit_b->source_id);
}

/* The filter's conditions on a match's row (st) and its call (c): ?3 leader, ?4 side
 * ("" for the independent press), ?5 and ?6 the call's dates, as the calls list's. */
/* The casts give PostgreSQL the parameters' types, which it cannot infer from IS NULL. */
#define SEARCH_FILTER \
  " AND (CAST (?3 AS bigint) = 0 OR EXISTS (SELECT 1 FROM call_participants fp" \
  "   WHERE fp.call_id = st.call_id AND fp.leader_id = ?3))" \
  " AND (CAST (?4 AS text) IS NULL OR (?4 = '' AND st.side IS NULL) OR st.side = ?4)" \
  " AND (CAST (?5 AS text) IS NULL OR substr (?5, 1, length (c.date)) <= c.date)" \
  " AND (CAST (?6 AS text) IS NULL OR substr (c.date, 1, length (?6)) <= ?6)"

/* "SELECT @columns FROM the FTS table [joined with its rows and calls when filtered]
 * WHERE it matches ?1 [and the filter] @tail". Unfiltered, the query touches the FTS
 * index alone, as fast as it was before filters. */
typedef enum {
  COLUMNS_ROWID,
  COLUMNS_ROWID_RANK,
  COLUMNS_ROWID_ZERO,
} Columns;

static char *
search_sql_sqlite (ReadoutSearchModel *self,
                   gboolean            statements,
                   Columns             columns,
                   const char         *tail)
{
  const char *fts = statements ? "statements_fts" : "sources_fts";
  g_autofree char *select = columns == COLUMNS_ROWID_RANK ? g_strdup_printf ("%s.rowid, %s.rank", fts, fts)
                            : g_strdup_printf (columns == COLUMNS_ROWID ? "%s.rowid" : "%s.rowid, 0", fts);

  if (!self->filtered)
    return g_strdup_printf ("SELECT %s FROM %s WHERE %s MATCH ?1 %s", select, fts, fts, tail);
  return g_strdup_printf ("SELECT %s FROM %s JOIN %s st ON st.id = %s.rowid"
                          " JOIN calls c ON c.id = st.call_id WHERE %s MATCH ?1" SEARCH_FILTER " %s",
                          select, fts, statements ? "statements" : "sources", fts, fts, tail);
}

/* The same on PostgreSQL, where the rows hold their tsvector: the rank is named "rank"
 * as FTS5's column is, so both engines share the tails. Normalization 1 divides by the
 * log of the length, so that a passage that is mostly the word ranks above a long one
 * that also has it, as bm25 ranks them. */
static char *
search_sql_postgresql (ReadoutSearchModel *self,
                       gboolean            statements,
                       Columns             columns,
                       const char         *tail)
{
  const char *select = columns == COLUMNS_ROWID_RANK ? "st.id, -ts_rank (st.fts, q, 1) AS rank"
                       : columns == COLUMNS_ROWID ? "st.id" : "st.id, 0";

  return g_strdup_printf ("SELECT %s FROM %s st%s, to_tsquery ('readout', CAST (?1 AS text)) q"
                          " WHERE st.fts @@ q%s %s",
                          select, statements ? "statements" : "sources",
                          self->filtered ? " JOIN calls c ON c.id = st.call_id" : "",
                          self->filtered ? SEARCH_FILTER : "", tail);
}

static char *
search_sql (ReadoutSearchModel *self,
            gboolean            statements,
            Columns             columns,
            const char         *tail)
{
  return self->postgresql ? search_sql_postgresql (self, statements, columns, tail)
                          : search_sql_sqlite (self, statements, columns, tail);
}

static void
bind_query (ReadoutSearchModel *self,
            ReadoutDbStatement       *stmt,
            int                 limit)
{
  readout_db_statement_bind_text (stmt, 1, self->fts_query);
  readout_db_statement_bind_int64 (stmt, 2, limit);
  if (!self->filtered)
    return;
  readout_db_statement_bind_int64 (stmt, 3, self->leader_id);
  readout_db_statement_bind_text (stmt, 4, self->side);
  readout_db_statement_bind_text (stmt, 5, self->date_from);
  readout_db_statement_bind_text (stmt, 6, self->date_to);
}

static gboolean
count_capped (ReadoutSearchModel  *self,
              const char          *sql,
              guint               *count,
              GError             **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = readout_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_query (self, stmt, READOUT_STORE_SEARCH_RANK_LIMIT + 1);
  rc = readout_db_statement_step (stmt, &db_error);
  if (rc == READOUT_DB_ROW)
    *count = (guint) readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_ROW)
    {
      readout_store_set_db_error (self->store, db_error, "Could not search the store", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
collect_hits (ReadoutSearchModel  *self,
              const char          *sql,
              gboolean             is_statement,
              GError             **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  stmt = readout_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (self, stmt, READOUT_STORE_SEARCH_RANK_WINDOW);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      Hit hit = { 0, };

      if (is_statement)
        hit.statement_id = readout_db_statement_column_int64 (stmt, 0);
      else
        hit.source_id = readout_db_statement_column_int64 (stmt, 0);
      hit.rank = readout_db_statement_column_double (stmt, 1);
      g_array_append_val (self->hits, hit);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (self->store, db_error, "Could not search the store", error);
      return FALSE;
    }
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Hit *hit_a = a, *hit_b = b;
  /* Statements before source texts; within each, newer (larger id) first. */
  gint64 key_a = hit_a->statement_id != 0 ? hit_a->statement_id : -hit_a->source_id;
  gint64 key_b = hit_b->statement_id != 0 ? hit_b->statement_id : -hit_b->source_id;

  return key_a > key_b ? -1 : key_a < key_b;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Whether a statement of source @source_id is among @statement_ids (sorted). */
static gboolean
source_has_statement_in (ReadoutDbStatement *stmt,
                         gint64        source_id,
                         GArray       *statement_ids)
{
  gboolean found = FALSE;

  readout_db_statement_bind_int64 (stmt, 1, source_id);
  while (!found && readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      gint64 id = readout_db_statement_column_int64 (stmt, 0);

      found = bsearch (&id, statement_ids->data, statement_ids->len, sizeof (gint64), compare_ids) != NULL;
    }
  readout_db_statement_reset (stmt);
  return found;
}

/* The ids of the sources among the hits of which a statement is among the hits too
 * (@statement_ids, sorted): on SQLite each source's statements read by index, a few rows
 * each; on PostgreSQL, where each read is a round trip to the server, the statements'
 * sources in one query. */
static GHashTable *
covered_sources (ReadoutSearchModel *self,
                 GArray             *statement_ids)
{
  GHashTable *covered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) ids = NULL;
  ReadoutDbStatement *stmt;

  if (!self->postgresql)
    {
      if ((stmt = readout_store_prepare (self->store, "SELECT id FROM statements WHERE source_id = ?1", NULL)) == NULL)
        return covered;
      for (guint i = 0; i < self->hits->len; i++)
        {
          const Hit *hit = &g_array_index (self->hits, Hit, i);

          if (hit->statement_id == 0 && source_has_statement_in (stmt, hit->source_id, statement_ids))
            g_hash_table_add (covered, g_memdup2 (&hit->source_id, sizeof (gint64)));
        }
      return covered;
    }

  ids = g_string_new ("{");
  for (guint i = 0; i < statement_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (statement_ids, gint64, i));
  g_string_append_c (ids, '}');
  stmt = readout_store_prepare (self->store, "SELECT DISTINCT source_id FROM statements"
                                             " WHERE id = ANY (CAST (?1 AS bigint[]))", NULL);
  if (stmt == NULL)
    return covered;
  readout_db_statement_bind_text (stmt, 1, ids->str);
  while (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      gint64 source_id = readout_db_statement_column_int64 (stmt, 0);

      g_hash_table_add (covered, g_memdup2 (&source_id, sizeof (gint64)));
    }
  readout_db_statement_reset (stmt);
  return covered;
}

/* Drops the hits in a source's text where a statement of that source matched too: the
 * statement shows the same passage, with its speaker, and one hit per source is all a
 * source-text hit gives. */
static void
drop_covered_source_hits (ReadoutSearchModel *self)
{
  g_autoptr(GArray) statement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) covered = NULL;
  guint kept = 0;

  for (guint i = 0; i < self->hits->len; i++)
    if (g_array_index (self->hits, Hit, i).statement_id != 0)
      g_array_append_val (statement_ids, g_array_index (self->hits, Hit, i).statement_id);
  if (statement_ids->len == 0 || statement_ids->len == self->hits->len)
    return;
  g_array_sort (statement_ids, compare_ids);
  covered = covered_sources (self, statement_ids);

  for (guint i = 0; i < self->hits->len; i++)
    {
      Hit hit = g_array_index (self->hits, Hit, i);

      if (hit.statement_id == 0 && g_hash_table_contains (covered, &hit.source_id))
        continue;
      g_array_index (self->hits, Hit, kept++) = hit;
    }
  /* The count is exact only when it was under the ranking limit. */
  if (self->ranked)
    self->n_matches -= self->hits->len - kept;
  g_array_set_size (self->hits, kept);
}

static gboolean
run_query (ReadoutSearchModel  *self,
           GError             **error)
{
  guint n_statements = 0, n_sources = 0;
  gboolean ok;

  g_array_set_size (self->hits, 0);
  self->n_matches = 0;
  self->ranked = TRUE;
  if (self->fts_query == NULL)
    return TRUE;

  for (guint t = 0; t < 2; t++)
    {
      g_autofree char *inner = search_sql (self, t == 0, COLUMNS_ROWID, "LIMIT ?2");
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS m", inner);

      if (!count_capped (self, count_sql, t == 0 ? &n_statements : &n_sources, error))
        return FALSE;
    }
  self->n_matches = n_statements + n_sources;
  self->ranked = self->n_matches <= READOUT_STORE_SEARCH_RANK_LIMIT;

  ok = TRUE;
  for (guint t = 0; ok && t < 2; t++)
    {
      g_autofree char *sql = self->ranked
        ? search_sql (self, t == 0, COLUMNS_ROWID_RANK, "ORDER BY rank LIMIT ?2")
        : search_sql (self, t == 0, COLUMNS_ROWID_ZERO, "ORDER BY 1 DESC LIMIT ?2");

      ok = collect_hits (self, sql, t == 0, error);
    }
  if (!ok)
    {
      g_array_set_size (self->hits, 0);
      self->n_matches = 0;
      return FALSE;
    }

  drop_covered_source_hits (self);
  g_array_sort (self->hits, self->ranked ? compare_hits : compare_newest_first);
  if (self->hits->len > READOUT_STORE_SEARCH_RANK_WINDOW)
    g_array_set_size (self->hits, READOUT_STORE_SEARCH_RANK_WINDOW);
  return TRUE;
}

#define SNIPPET_TOKENS 18
#define SNIPPET_LEAD   6

/* Whether @folded is one of @terms (folded words); with @last_is_prefix the last term
 * matches as a prefix, as the last word does in the query. */
static gboolean
token_matches (GPtrArray  *terms,
               gboolean    last_is_prefix,
               const char *folded)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);
      gboolean prefix = last_is_prefix && i == terms->len - 1;

      if (prefix ? g_str_has_prefix (folded, term) : g_str_equal (folded, term))
        return TRUE;
    }
  return FALSE;
}

/* An excerpt of @text around its first match of @terms, the matched words between \x02
 * and \x03. Built here rather than with FTS5's snippet(), which re-runs the whole query
 * for every row: for a prefix of a common word that costs tens of milliseconds a row. */
static char *
make_snippet (GPtrArray  *terms,
              gboolean    last_is_prefix,
              const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  GString *snippet;
  guint first = 0, start, end;
  gsize from, to;

  if (text == NULL)
    return g_strdup ("");
  tokens = readout_text_tokenize (text, -1);
  if (tokens->len == 0)
    return g_strdup (text);

  for (guint i = 0; i < tokens->len; i++)
    if (token_matches (terms, last_is_prefix, g_array_index (tokens, ReadoutToken, i).folded))
      {
        first = i;
        break;
      }
  start = first > SNIPPET_LEAD ? first - SNIPPET_LEAD : 0;
  end = MIN (start + SNIPPET_TOKENS, tokens->len) - 1;

  snippet = g_string_new (start > 0 ? "…" : NULL);
  from = start > 0 ? g_array_index (tokens, ReadoutToken, start).start : 0;
  to = end + 1 < tokens->len ? g_array_index (tokens, ReadoutToken, end).end : strlen (text);
  for (guint i = start; i <= end; i++)
    {
      const ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);

      if (!token_matches (terms, last_is_prefix, token->folded))
        continue;
      g_string_append_len (snippet, text + from, token->start - from);
      g_string_append_c (snippet, '\x02');
      g_string_append_len (snippet, text + token->start, token->end - token->start);
      g_string_append_c (snippet, '\x03');
      from = token->end;
    }
  g_string_append_len (snippet, text + from, to - from);
  if (end + 1 < tokens->len)
    g_string_append (snippet, "…");
  return g_string_free (snippet, FALSE);
}

/* Adds to @words the folded words of @text's parts that ts_headline put between \x02
 * and \x03. */
static void
collect_marked_words (const char *text,
                      GPtrArray  *words)
{
  const char *start;

  while ((start = strchr (text, '\x02')) != NULL)
    {
      const char *end = strchr (start, '\x03');
      g_autoptr(GArray) tokens = NULL;

      if (end == NULL)
        return;
      tokens = readout_text_tokenize (start + 1, end - start - 1);
      for (guint i = 0; i < tokens->len; i++)
        g_ptr_array_add (words, g_strdup (g_array_index (tokens, ReadoutToken, i).folded));
      text = end + 1;
    }
}

/* The words of @text that PostgreSQL matched. It matches stems ("talks" for "talk",
 * "Москве" for "Москва"), which the words typed cannot tell, so it marks them itself. */
static GPtrArray *
matched_words_postgresql (ReadoutSearchModel *self,
                          const char         *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  ReadoutDbStatement *stmt;

  stmt = readout_store_prepare (self->store,
                                "SELECT ts_headline ('readout', CAST (?1 AS text),"
                                " to_tsquery ('readout', CAST (?2 AS text)),"
                                " 'StartSel=\x02, StopSel=\x03, HighlightAll=true')",
                                NULL);
  if (stmt == NULL)
    return words;
  readout_db_statement_bind_text (stmt, 1, text);
  readout_db_statement_bind_text (stmt, 2, self->fts_query);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    collect_marked_words (readout_db_statement_column_text (stmt, 0), words);
  readout_db_statement_reset (stmt);
  return words;
}

static char *
snippet_for (ReadoutSearchModel *self,
             const char         *text)
{
  g_autoptr(GPtrArray) words = NULL;

  if (!self->postgresql || text == NULL)
    return make_snippet (self->terms, TRUE, text);
  words = matched_words_postgresql (self, text);
  return make_snippet (words, FALSE, text);
}

static ReadoutSearchHit *
build_statement_hit (ReadoutSearchModel *self,
                     const Hit          *hit)
{
  ReadoutDbStatement *stmt;
  ReadoutSearchHit *result = NULL;

  stmt = readout_store_prepare (self->store,
                                "SELECT st.text, st.call_id, st.source_id, st.speaker, st.side,"
                                " so.publisher, c.date,"
                                " (SELECT group_concat (name, ' – ') FROM (SELECT l.name"
                                "   FROM call_participants p JOIN leaders l ON l.id = p.leader_id"
                                "   WHERE p.call_id = st.call_id ORDER BY p.position) AS n)"
                                " FROM statements st JOIN sources so ON so.id = st.source_id"
                                " JOIN calls c ON c.id = st.call_id WHERE st.id = ?1",
                                NULL);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, hit->statement_id);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      g_autofree char *snippet = snippet_for (self, readout_db_statement_column_text (stmt, 0));

      result = g_object_new (READOUT_TYPE_SEARCH_HIT, NULL);
      readout_search_hit_set_statement_id (result, hit->statement_id);
      readout_search_hit_set_snippet (result, snippet);
      readout_search_hit_set_call_id (result, readout_db_statement_column_int64 (stmt, 1));
      readout_search_hit_set_source_id (result, readout_db_statement_column_int64 (stmt, 2));
      readout_search_hit_set_speaker (result, readout_db_statement_column_text (stmt, 3));
      readout_search_hit_set_side (result, readout_db_statement_column_text (stmt, 4));
      readout_search_hit_set_source_publisher (result, readout_db_statement_column_text (stmt, 5));
      readout_search_hit_set_call_date (result, readout_db_statement_column_text (stmt, 6));
      readout_search_hit_set_call_participants (result, readout_db_statement_column_text (stmt, 7));
    }
  readout_db_statement_reset (stmt);
  return result;
}

static ReadoutSearchHit *
build_source_hit (ReadoutSearchModel *self,
                  const Hit          *hit)
{
  ReadoutDbStatement *stmt;
  ReadoutSearchHit *result = NULL;

  stmt = readout_store_prepare (self->store,
                                "SELECT so.text, so.title, so.call_id, so.publisher, so.side, c.date,"
                                " (SELECT group_concat (name, ' – ') FROM (SELECT l.name"
                                "   FROM call_participants p JOIN leaders l ON l.id = p.leader_id"
                                "   WHERE p.call_id = so.call_id ORDER BY p.position) AS n)"
                                " FROM sources so JOIN calls c ON c.id = so.call_id WHERE so.id = ?1",
                                NULL);
  if (stmt == NULL)
    return NULL;
  readout_db_statement_bind_int64 (stmt, 1, hit->source_id);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    {
      g_autofree char *in_text = snippet_for (self, readout_db_statement_column_text (stmt, 0));
      g_autofree char *in_title = snippet_for (self, readout_db_statement_column_text (stmt, 1));

      result = g_object_new (READOUT_TYPE_SEARCH_HIT, NULL);
      readout_search_hit_set_source_id (result, hit->source_id);
      /* The match may be in the title only. */
      readout_search_hit_set_snippet (result, strchr (in_text, '\x02') != NULL || strchr (in_title, '\x02') == NULL
                                              ? in_text : in_title);
      readout_search_hit_set_call_id (result, readout_db_statement_column_int64 (stmt, 2));
      /* A hit in a source's own text speaks with the publisher's voice. */
      readout_search_hit_set_speaker (result, readout_db_statement_column_text (stmt, 3));
      readout_search_hit_set_source_publisher (result, readout_db_statement_column_text (stmt, 3));
      readout_search_hit_set_side (result, readout_db_statement_column_text (stmt, 4));
      readout_search_hit_set_call_date (result, readout_db_statement_column_text (stmt, 5));
      readout_search_hit_set_call_participants (result, readout_db_statement_column_text (stmt, 6));
    }
  readout_db_statement_reset (stmt);
  return result;
}

static void
on_store_changed_cb (ReadoutSearchModel *self,
                     guint               kinds,
                     guint               primary,
                     gint64              id,
                     ReadoutStore       *store)
{
  g_autoptr(GError) error = NULL;
  guint old_n = self->hits->len;

  if ((kinds & (READOUT_CHANGE_STATEMENTS | READOUT_CHANGE_SOURCES | READOUT_CHANGE_CALLS |
                READOUT_CHANGE_LEADERS)) == 0)
    return;
  if (!run_query (self, &error))
    g_warning ("Could not repeat the search: %s", error->message);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->hits->len);
}

static GType
readout_search_model_get_item_type (GListModel *model)
{
  return READOUT_TYPE_SEARCH_HIT;
}

static guint
readout_search_model_get_n_items (GListModel *model)
{
  return READOUT_SEARCH_MODEL (model)->hits->len;
}

static gpointer
readout_search_model_get_item (GListModel *model,
                               guint       position)
{
  ReadoutSearchModel *self = READOUT_SEARCH_MODEL (model);
  const Hit *hit;

  if (position >= self->hits->len)
    return NULL;
  hit = &g_array_index (self->hits, Hit, position);
  return hit->statement_id != 0 ? build_statement_hit (self, hit) : build_source_hit (self, hit);
}

static void
readout_search_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = readout_search_model_get_item_type;
  iface->get_n_items = readout_search_model_get_n_items;
  iface->get_item = readout_search_model_get_item;
}

static void
readout_search_model_dispose (GObject *object)
{
  ReadoutSearchModel *self = READOUT_SEARCH_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (readout_search_model_parent_class)->dispose (object);
}

static void
readout_search_model_finalize (GObject *object)
{
  ReadoutSearchModel *self = READOUT_SEARCH_MODEL (object);

  g_array_unref (self->hits);
  g_ptr_array_unref (self->terms);
  g_free (self->fts_query);
  g_free (self->side);
  g_free (self->date_from);
  g_free (self->date_to);

  G_OBJECT_CLASS (readout_search_model_parent_class)->finalize (object);
}

static void
readout_search_model_class_init (ReadoutSearchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_search_model_dispose;
  object_class->finalize = readout_search_model_finalize;
}

static void
readout_search_model_init (ReadoutSearchModel *self)
{
  self->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  self->terms = g_ptr_array_new_with_free_func (g_free);
}

static void
collect_terms (ReadoutSearchModel *self,
               const char         *query)
{
  g_autoptr(GArray) tokens = readout_text_tokenize (query, -1);

  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (self->terms, g_strdup (g_array_index (tokens, ReadoutToken, i).folded));
}

GListModel *
readout_search_model_new (ReadoutStore              *store,
                          const char                *query,
                          const ReadoutSearchFilter *filter,
                          GError                   **error)
{
  g_autoptr(ReadoutSearchModel) self = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (READOUT_TYPE_SEARCH_MODEL, NULL);
  self->store = g_object_ref (store);
  self->postgresql = readout_db_get_engine (readout_store_get_db (store)) == READOUT_DB_ENGINE_POSTGRESQL;
  self->fts_query = self->postgresql ? readout_search_model_build_tsquery (query)
                                     : readout_search_model_build_fts_query (query);
  if (filter != NULL)
    {
      self->leader_id = filter->leader_id;
      self->side = g_strdup (filter->side);
      self->date_from = g_strdup (filter->date_from);
      self->date_to = g_strdup (filter->date_to);
      self->filtered = self->leader_id != 0 || self->side != NULL
                       || self->date_from != NULL || self->date_to != NULL;
    }
  collect_terms (self, query);
  if (!run_query (self, error))
    return NULL;
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  return G_LIST_MODEL (g_steal_pointer (&self));
}

guint
readout_search_model_get_n_matches (ReadoutSearchModel *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_MODEL (self), 0);

  return self->n_matches;
}

gboolean
readout_search_model_is_ranked (ReadoutSearchModel *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_MODEL (self), FALSE);

  return self->ranked;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-error.h"
#include "readout-format.h"
#include "readout-input-file.h"
#include "readout-json-document.h"
#include "readout-store-json.h"
#include "readout-store-pg-schema.h"
#include "readout-store-private.h"

/* Importing a JSON export (readout-json-document.c reads it) into the store, in one
 * transaction: into an empty store with the document's ids, into one that holds data by
 * matching what is already there. See readout-store-json.c for the document. */

/* ---------------------------------------------------------------------------------- */
/* Writing the document into the store                                                */

typedef struct {
  ReadoutStore *store;
  gboolean keep_ids;
  GHashTable *leader_map;     /* document id -> store id */
  GHashTable *source_map;
  ReadoutJsonImportCounts counts;
} Import;

static void
map_id (GHashTable *map,
        gint64      from,
        gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static gint64
lookup_id (GHashTable *map,
           gint64      from)
{
  gint64 *to = g_hash_table_lookup (map, &from);

  return to != NULL ? *to : 0;
}

/* A value the store refuses is bad input; a locked or read-only store is not. */
static gboolean
refused (GError      **error,
         GError       *store_error,
         const char   *what,
         gint64        id)
{
  if (store_error->domain == READOUT_ERROR &&
      (store_error->code == READOUT_ERROR_INVALID || store_error->code == READOUT_ERROR_NOT_FOUND))
    {
      if (id > 0)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          /* Translators: "Could not import call 5 of the file: …"; the first %s is "leader",
           * "call" or "topic". */
          readout_json_bad_input (error, _("Could not import %s %s of the file: %s"),
                                  what, id_text, store_error->message);
        }
      else
        readout_json_bad_input (error, _("Could not import the %s of the file: %s"), what,
                                store_error->message);
      g_error_free (store_error);
    }
  else
    g_propagate_error (error, store_error);
  return FALSE;
}

static gboolean
store_is_empty (ReadoutStore  *store,
                gboolean      *empty,
                GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt = readout_store_prepare (store, "SELECT CASE WHEN EXISTS (SELECT 1 FROM leaders)"
                                                     " OR EXISTS (SELECT 1 FROM calls) THEN 1 ELSE 0 END",
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = readout_db_statement_step (stmt, &db_error);
  *empty = rc == READOUT_DB_ROW && (int) readout_db_statement_column_int64 (stmt, 0) == 0;
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_ROW)
    {
      readout_store_set_db_error (store, db_error, "Could not read the store", error);
      return FALSE;
    }
  return TRUE;
}

/* The store's keywords are lower case and trimmed; compare the document's the same way. */
static GPtrArray *
normalised_keywords (const char * const *keywords)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      char *word = g_utf8_strdown (keywords[i], -1);

      g_strstrip (word);
      if (word[0] == '\0' || g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
        g_free (word);
      else
        g_ptr_array_add (words, word);
    }
  return words;
}

/* Adds the keywords of @from to @into; TRUE when any was new. */
static gboolean
merge_keywords (ReadoutTopic *into,
                ReadoutTopic *from,
                gboolean      replace)
{
  g_auto(GStrv) languages = readout_topic_dup_languages (from);
  g_auto(GStrv) old_languages = readout_topic_dup_languages (into);
  gboolean changed = FALSE;

  if (replace)
    {
      /* A language the document does not have loses its keywords. */
      for (guint i = 0; old_languages[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) languages, old_languages[i]))
          {
            const char *none[] = { NULL };

            readout_topic_set_keywords (into, old_languages[i], none);
            changed = TRUE;
          }
    }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = normalised_keywords (readout_topic_get_keywords (from, languages[i]));
      g_autoptr(GPtrArray) merged = replace ? g_ptr_array_new ()
                                            : normalised_keywords (readout_topic_get_keywords (into, languages[i]));
      const char * const *old_words = readout_topic_get_keywords (into, languages[i]);
      guint n_old = old_words != NULL ? g_strv_length ((char **) old_words) : 0;
      gboolean same;

      if (replace)
        for (guint j = 0; j < words->len; j++)
          g_ptr_array_add (merged, g_ptr_array_index (words, j));
      else
        for (guint j = 0; j < words->len; j++)
          if (!g_ptr_array_find_with_equal_func (merged, g_ptr_array_index (words, j), g_str_equal, NULL))
            g_ptr_array_add (merged, g_strdup (g_ptr_array_index (words, j)));

      same = merged->len == n_old;
      for (guint j = 0; same && j < merged->len; j++)
        same = g_strv_contains (old_words, g_ptr_array_index (merged, j));
      if (!same)
        {
          g_ptr_array_add (merged, NULL);
          readout_topic_set_keywords (into, languages[i], (const char * const *) merged->pdata);
          g_ptr_array_remove_index (merged, merged->len - 1);
          changed = TRUE;
        }
      if (replace)
        g_ptr_array_set_free_func (merged, NULL);
    }
  return changed;
}

static GPtrArray *
load_store_topics (ReadoutStore  *store,
                   GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  ReadoutDbStatement *stmt, *keywords;
  int rc;

  stmt = readout_store_prepare (store, "SELECT id, name FROM topics ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutTopic *topic = readout_topic_new ();

      readout_topic_set_id (topic, readout_db_statement_column_int64 (stmt, 0));
      readout_topic_set_name (topic, readout_db_statement_column_text (stmt, 1));
      g_ptr_array_add (topics, topic);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (store, db_error, "Could not read the topic list", error);
      return NULL;
    }

  for (guint i = 0; i < topics->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *language = NULL;

      keywords = readout_store_prepare (store, "SELECT language, keyword FROM topic_keywords"
                                               " WHERE topic_id = ? ORDER BY language, keyword", error);
      if (keywords == NULL)
        return NULL;
      readout_db_statement_bind_int64 (keywords, 1, readout_topic_get_id (topic));
      for (;;)
        {
          rc = readout_db_statement_step (keywords, &db_error);
          if (rc != READOUT_DB_ROW ||
              (language != NULL && strcmp (language, readout_db_statement_column_text (keywords, 0)) != 0))
            {
              if (language != NULL)
                {
                  g_ptr_array_add (words, NULL);
                  readout_topic_set_keywords (topic, language, (const char * const *) words->pdata);
                  g_ptr_array_set_size (words, 0);
                  g_clear_pointer (&language, g_free);
                }
              if (rc != READOUT_DB_ROW)
                break;
            }
          if (language == NULL)
            language = g_strdup (readout_db_statement_column_text (keywords, 0));
          g_ptr_array_add (words, g_strdup (readout_db_statement_column_text (keywords, 1)));
        }
      readout_db_statement_reset (keywords);
      if (rc != READOUT_DB_DONE)
        {
          readout_store_set_db_error (store, db_error, "Could not read the topic list", error);
          return NULL;
        }
    }
  return g_steal_pointer (&topics);
}

/* Topics match by name, case-insensitively. Into an empty store the document's list
 * replaces the shipped one, so that the round trip gives the same list; otherwise
 * matched topics gain the document's keywords. Each change re-tags the store's
 * statements (before the document's are added, so that costs nothing in an empty store). */
static gboolean
import_topics (Import    *import,
               ReadoutJsonDocument  *doc,
               GError   **error)
{
  g_autoptr(GPtrArray) existing = load_store_topics (import->store, error);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (existing, i);

      g_hash_table_insert (by_name, g_utf8_casefold (readout_topic_get_name (topic), -1), topic);
    }

  for (guint i = 0; i < doc->topics->len; i++)
    {
      ReadoutTopic *topic = g_ptr_array_index (doc->topics, i);
      g_autofree char *key = g_utf8_casefold (readout_topic_get_name (topic), -1);
      ReadoutTopic *match = g_hash_table_lookup (by_name, key);
      GError *local_error = NULL;

      if (match != NULL)
        {
          gboolean renamed = import->keep_ids &&
                             g_strcmp0 (readout_topic_get_name (match), readout_topic_get_name (topic)) != 0;

          g_hash_table_add (wanted, match);
          if (renamed)
            readout_topic_set_name (match, readout_topic_get_name (topic));
          if (merge_keywords (match, topic, import->keep_ids) || renamed)
            {
              if (!readout_store_update_topic (import->store, match, &local_error))
                return refused (error, local_error, "topic", 0);
              import->counts.topics_changed++;
            }
        }
      else
        {
          g_autoptr(ReadoutTopic) copy = readout_topic_new ();

          readout_topic_set_name (copy, readout_topic_get_name (topic));
          merge_keywords (copy, topic, TRUE);
          if (!readout_store_insert_topic (import->store, copy, &local_error))
            return refused (error, local_error, "topic", 0);
          g_hash_table_insert (by_name, g_steal_pointer (&key), copy);
          g_ptr_array_add (existing, g_object_ref (copy));
          g_hash_table_add (wanted, copy);
          import->counts.topics_added++;
        }
    }

  if (import->keep_ids && doc->has_topics)
    for (guint i = 0; i < existing->len; i++)
      {
        ReadoutTopic *topic = g_ptr_array_index (existing, i);
        GError *local_error = NULL;

        if (g_hash_table_contains (wanted, topic))
          continue;
        if (!readout_store_delete_topic (import->store, readout_topic_get_id (topic), &local_error))
          return refused (error, local_error, "topic", 0);
        import->counts.topics_changed++;
      }
  return TRUE;
}

static gint64
find_leader (Import       *import,
             const char   *name,
             const char   *country,
             gboolean      alias_too,
             GError      **error)
{
  ReadoutDbStatement *stmt;
  gint64 id = 0;

  /* The country must be the same, NULL matching NULL (SQLite reads IS NOT DISTINCT FROM
   * as its IS, PostgreSQL knows only the long form). */
  stmt = readout_store_prepare (import->store,
                                alias_too
                                ? "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                  " AND country IS NOT DISTINCT FROM upper (?2)"
                                  " UNION ALL SELECT l.id FROM leader_aliases a"
                                  " JOIN leaders l ON l.id = a.leader_id"
                                  " WHERE casefold (a.alias) = casefold (?1)"
                                  " AND l.country IS NOT DISTINCT FROM upper (?2)"
                                  " LIMIT 1"
                                : "SELECT id FROM leaders WHERE casefold (name) = casefold (?1)"
                                  " AND country IS NOT DISTINCT FROM upper (?2) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  readout_db_statement_bind_text (stmt, 1, name);
  if (country != NULL && country[0] != '\0')
    readout_db_statement_bind_text (stmt, 2, country);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    id = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return id;
}

static gboolean
merge_leader (Import         *import,
              gint64          id,
              ReadoutLeader  *from,
              GError        **error)
{
  g_autoptr(ReadoutLeader) leader = readout_store_get_leader (import->store, id, error);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  const char * const *old_aliases, *const *new_aliases;
  gboolean changed = FALSE;
  GError *local_error = NULL;

  if (leader == NULL)
    return FALSE;
  old_aliases = readout_leader_get_aliases (leader);
  new_aliases = readout_leader_get_aliases (from);
  for (guint i = 0; old_aliases != NULL && old_aliases[i] != NULL; i++)
    g_ptr_array_add (aliases, (gpointer) old_aliases[i]);
  for (guint i = 0; new_aliases != NULL && new_aliases[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (aliases, new_aliases[i], g_str_equal, NULL) &&
        g_strcmp0 (new_aliases[i], readout_leader_get_name (leader)) != 0)
      {
        g_ptr_array_add (aliases, (gpointer) new_aliases[i]);
        changed = TRUE;
      }
  g_ptr_array_add (aliases, NULL);

  /* What the store does not know yet is taken from the document; what it knows stays. */
#define FILL(field) \
  if (readout_leader_get_##field (leader) == NULL && readout_leader_get_##field (from) != NULL) \
    { readout_leader_set_##field (leader, readout_leader_get_##field (from)); changed = TRUE; }
  FILL (office)
  FILL (term_start)
  FILL (term_end)
#undef FILL

  if (!changed)
    return TRUE;
  readout_leader_set_aliases (leader, (const char * const *) aliases->pdata);
  if (!readout_store_update_leader (import->store, leader, &local_error))
    return refused (error, local_error, "leader", readout_leader_get_id (from));
  return TRUE;
}

/* A leader of the same country whose name is the document leader's name or one of its
 * aliases, or whose alias is the document leader's name, is the same person. Two
 * leaders that merely share an alias ("the Russian president") are not. */
static gboolean
import_leaders (Import    *import,
                ReadoutJsonDocument  *doc,
                GError   **error)
{
  for (guint i = 0; i < doc->leaders->len; i++)
    {
      ReadoutLeader *leader = g_ptr_array_index (doc->leaders, i);
      gint64 doc_id = readout_leader_get_id (leader);
      const char *country = readout_leader_get_country (leader);
      gint64 id = 0;
      GError *local_error = NULL;

      if (!import->keep_ids)
        {
          const char * const *aliases = readout_leader_get_aliases (leader);

          id = find_leader (import, readout_leader_get_name (leader), country, TRUE, error);
          for (guint j = 0; id == 0 && aliases != NULL && aliases[j] != NULL; j++)
            id = find_leader (import, aliases[j], country, FALSE, error);
          if (id < 0)
            return FALSE;
        }

      if (id > 0)
        {
          if (!merge_leader (import, id, leader, error))
            return FALSE;
          import->counts.leaders_matched++;
        }
      else
        {
          if (!import->keep_ids)
            readout_leader_set_id (leader, 0);
          if (!readout_store_insert_leader (import->store, leader, &local_error))
            return refused (error, local_error, "leader", doc_id);
          id = readout_leader_get_id (leader);
          import->counts.leaders_added++;
        }
      map_id (import->leader_map, doc_id, id);
    }
  return TRUE;
}

static gboolean
same_participants (Import        *import,
                   gint64         call_id,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  guint n = 0;
  gboolean same = TRUE;
  int rc;

  stmt = readout_store_prepare (import->store, "SELECT leader_id FROM call_participants"
                                               " WHERE call_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, call_id);
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      gint64 id = readout_db_statement_column_int64 (stmt, 0);
      gboolean found = FALSE;

      for (guint i = 0; !found && i < n_ids; i++)
        found = ids[i] == id;
      same = same && found;
      n++;
    }
  readout_db_statement_reset (stmt);
  return same && n == n_ids;
}

/* A stored call with the same participants within a day (for a date of day precision;
 * on the same month or year otherwise); 0 when there is none. */
static gint64
find_call (Import       *import,
           ReadoutCall  *call,
           GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  guint n_ids;
  ReadoutDatePrecision precision;
  GDate date;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  ReadoutDbStatement *stmt;
  int rc;

  ids = readout_call_get_participant_ids (call, &n_ids);
  if (n_ids == 0)
    return 0;
  g_date_clear (&date, 1);
  if (!readout_parse_iso_date (readout_call_get_date (call), &precision, &date))
    return 0;   /* the store will refuse it with its own message */

  if (precision == READOUT_DATE_PRECISION_DAY && g_date_valid (&date))
    {
      GDate day = date;

      g_date_subtract_days (&day, 1);
      low = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                             g_date_get_day (&day));
      g_date_add_days (&day, 2);
      high = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day));
    }
  else
    {
      low = g_strdup (readout_call_get_date (call));
      high = g_strdup (low);
    }

  /* The candidates lie at most a day away, so the nearest is simply the same date: no
   * date arithmetic, which the two engines spell differently. */
  stmt = readout_store_prepare (import->store,
                                "SELECT c.id FROM call_participants p JOIN calls c ON c.id = p.call_id"
                                " WHERE p.leader_id = ?1 AND p.call_date BETWEEN ?2 AND ?3"
                                " AND c.date_precision = ?4"
                                " ORDER BY CASE WHEN c.date = ?5 THEN 0 ELSE 1 END, c.id", error);
  if (stmt == NULL)
    return -1;
  readout_db_statement_bind_int64 (stmt, 1, ids[0]);
  readout_db_statement_bind_text (stmt, 2, low);
  readout_db_statement_bind_text (stmt, 3, high);
  readout_db_statement_bind_static_text (stmt, 4, readout_enum_to_string (READOUT_TYPE_DATE_PRECISION, precision), -1);
  readout_db_statement_bind_text (stmt, 5, readout_call_get_date (call));
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      gint64 id = readout_db_statement_column_int64 (stmt, 0);

      g_array_append_val (candidates, id);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (import->store, db_error, "Could not read the store", error);
      return -1;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);

      if (same_participants (import, id, ids, n_ids, error))
        return id;
    }
  return 0;
}

static gint64
find_source (Import         *import,
             ReadoutSource  *source,
             gint64          call_id,
             GError        **error)
{
  ReadoutDbStatement *stmt;
  gint64 id = 0;

  stmt = readout_store_prepare (import->store,
                                "SELECT id FROM sources WHERE call_id = ?1 AND publisher = ?2"
                                " AND coalesce (title, '') = coalesce (?3, '')"
                                " AND text = coalesce (?4, '') ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  readout_db_statement_bind_int64 (stmt, 1, call_id);
  readout_db_statement_bind_text (stmt, 2, readout_source_get_publisher (source));
  readout_db_statement_bind_text (stmt, 3, readout_source_get_title (source));
  readout_db_statement_bind_text (stmt, 4, readout_source_get_text (source));
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    id = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return id;
}

/* TRUE when @call_id already has a conflict on the same field with the same claims. */
static gboolean
has_conflict (Import           *import,
              gint64            call_id,
              ReadoutConflict  *conflict,
              GError          **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  gint64 current = 0;
  guint n = 0;
  gboolean same = FALSE, found = FALSE;
  int rc;

  stmt = readout_store_prepare (import->store,
                                "SELECT c.id, cc.value, cc.source_id FROM conflicts c"
                                " JOIN conflict_claims cc ON cc.conflict_id = c.id"
                                " WHERE c.call_id = ? AND c.field = ? ORDER BY c.id, cc.position",
                                error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_int64 (stmt, 1, call_id);
  readout_db_statement_bind_text (stmt, 2, readout_conflict_get_field (conflict));
  while (!found && (rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      gint64 id = readout_db_statement_column_int64 (stmt, 0);

      if (id != current)
        {
          found = current != 0 && same && n == readout_conflict_get_n_claims (conflict);
          current = id;
          same = TRUE;
          n = 0;
        }
      same = same && n < readout_conflict_get_n_claims (conflict) &&
             g_strcmp0 (readout_db_statement_column_text (stmt, 1),
                        readout_conflict_get_claim_value (conflict, n)) == 0 &&
             readout_db_statement_column_int64 (stmt, 2) == readout_conflict_get_claim_source_id (conflict, n);
      n++;
    }
  if (!found)
    found = current != 0 && same && n == readout_conflict_get_n_claims (conflict);
  readout_db_statement_reset (stmt);
  return found;
}

static gboolean
import_call (Import   *import,
             ReadoutJsonCall  *doc_call,
             GError  **error)
{
  ReadoutCall *call = doc_call->call;
  gint64 doc_id = readout_call_get_id (call);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *doc_ids;
  guint n_ids;
  gint64 call_id = 0;
  gboolean matched = FALSE;
  GError *local_error = NULL;

  doc_ids = readout_call_get_participant_ids (call, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 id = lookup_id (import->leader_map, doc_ids[i]);

      g_array_append_val (ids, id);
    }
  readout_call_set_participant_ids (call, (const gint64 *) (gpointer) ids->data, ids->len);
  if (readout_call_get_initiator_id (call) != 0)
    readout_call_set_initiator_id (call, lookup_id (import->leader_map,
                                                    readout_call_get_initiator_id (call)));

  if (!import->keep_ids)
    {
      call_id = find_call (import, call, error);
      if (call_id < 0)
        return FALSE;
      matched = call_id > 0;
    }
  if (matched)
    import->counts.calls_matched++;
  else
    {
      if (!import->keep_ids)
        readout_call_set_id (call, 0);
      if (!readout_store_insert_call (import->store, call, &local_error))
        return refused (error, local_error, "call", doc_id);
      call_id = readout_call_get_id (call);
      import->counts.calls_added++;
    }

  for (guint i = 0; i < doc_call->sources->len; i++)
    {
      ReadoutJsonSource *doc_source = g_ptr_array_index (doc_call->sources, i);
      ReadoutSource *source = doc_source->source;
      gint64 doc_source_id = readout_source_get_id (source);
      gint64 source_id = 0;

      /* The same article imported twice adds nothing the second time. */
      if (matched)
        {
          source_id = find_source (import, source, call_id, error);
          if (source_id < 0)
            return FALSE;
        }
      if (source_id > 0)
        {
          map_id (import->source_map, doc_source_id, source_id);
          import->counts.sources_skipped++;
          continue;
        }

      readout_source_set_call_id (source, call_id);
      if (!import->keep_ids)
        readout_source_set_id (source, 0);
      if (!readout_store_insert_source (import->store, source, &local_error))
        return refused (error, local_error, "source", doc_source_id);
      source_id = readout_source_get_id (source);
      map_id (import->source_map, doc_source_id, source_id);
      import->counts.sources_added++;

      for (guint j = 0; j < doc_source->statements->len; j++)
        {
          ReadoutStatement *statement = g_ptr_array_index (doc_source->statements, j);
          gint64 doc_statement_id = readout_statement_get_id (statement);

          readout_statement_set_source_id (statement, source_id);
          readout_statement_set_call_id (statement, 0);
          if (!import->keep_ids)
            readout_statement_set_id (statement, 0);
          if (!readout_store_insert_statement (import->store, statement, &local_error))
            return refused (error, local_error, "statement", doc_statement_id);
          import->counts.statements_added++;
        }
    }

  for (guint i = 0; i < doc_call->conflicts->len; i++)
    {
      ReadoutConflict *doc_conflict = g_ptr_array_index (doc_call->conflicts, i);
      g_autoptr(ReadoutConflict) conflict = readout_conflict_new ();

      readout_conflict_set_call_id (conflict, call_id);
      readout_conflict_set_field (conflict, readout_conflict_get_field (doc_conflict));
      for (guint j = 0; j < readout_conflict_get_n_claims (doc_conflict); j++)
        {
          gint64 source_id = readout_conflict_get_claim_source_id (doc_conflict, j);

          readout_conflict_add_claim (conflict, readout_conflict_get_claim_value (doc_conflict, j),
                                      source_id != 0 ? lookup_id (import->source_map, source_id) : 0,
                                      NULL);
        }
      if (matched && has_conflict (import, call_id, conflict, error))
        continue;
      if (!readout_store_insert_conflict (import->store, conflict, &local_error))
        return refused (error, local_error, "conflict of call", doc_id);
      import->counts.conflicts_added++;
    }
  return TRUE;
}

/* Reads and imports one call at a time, so only one call's tree is ever in memory. */
static gboolean
import_calls (Import               *import,
              ReadoutJsonDocument  *doc,
              GError              **error)
{
  for (guint i = 0; i < doc->calls->len; i++)
    {
      g_autoptr(ReadoutJsonCall) doc_call = readout_json_document_read_call (doc, i, error);

      if (doc_call == NULL || !import_call (import, doc_call, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_store_import_json (ReadoutStore             *store,
                           const char               *data,
                           gssize                    length,
                           ReadoutJsonImportCounts  *counts,
                           GError                  **error)
{
  g_auto(ReadoutJsonDocument) doc = { NULL, };
  g_autoptr(GHashTable) leader_map = NULL;
  g_autoptr(GHashTable) source_map = NULL;
  Import import = { NULL, };
  gboolean sqlite, ok;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  sqlite = readout_db_get_engine (readout_store_get_db (store)) == READOUT_DB_ENGINE_SQLITE;

  /* The outline, topics and leaders are checked before the store is touched; the calls
   * as they are imported, in the one transaction that an error rolls back. */
  if (!readout_json_document_read (&doc, data, length < 0 ? strlen (data) : (gsize) length, error))
    return FALSE;

  leader_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  source_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  import.store = store;
  import.leader_map = leader_map;
  import.source_map = source_map;

  if (!readout_store_begin (store, error))
    return FALSE;
  /* On a team store the rows' own announcements stay quiet (readout_notify in
   * readout-store-pg-schema.c), and the import is announced once on commit: a push of a
   * whole store must not send every open window a notification per row. */
  ok = sqlite || readout_store_exec (store, "SET LOCAL readout.quiet = 'on'",
                                     "Could not import the document", error);
  ok = ok && store_is_empty (store, &import.keep_ids, error) &&
       import_topics (&import, &doc, error) &&
       import_leaders (&import, &doc, error);
  /* Into an empty store, indexing everything in one pass at the end is faster than a
   * trigger per row; into a full one, re-indexing the whole store would not be. A team
   * store's search columns are generated with each row; its id sequences must learn of
   * the ids the document brought. */
  if (ok && import.keep_ids && sqlite)
    ok = readout_store_schema_suspend_fts (readout_store_get_db (store), error);
  ok = ok && import_calls (&import, &doc, error);
  if (ok && import.keep_ids)
    ok = sqlite ? readout_store_schema_resume_fts (readout_store_get_db (store), error)
                : readout_store_exec (store, "SELECT readout_sync_ids ()",
                                      "Could not import the document", error);
  if (ok && !sqlite)
    ok = readout_store_exec (store, "SELECT pg_notify ('" READOUT_STORE_PG_CHANNEL "', 'calls:import:0')",
                             "Could not import the document", error);
  if (!ok)
    {
      readout_store_rollback (store);
      return FALSE;
    }
  if (!readout_store_commit (store, error))
    return FALSE;
  if (counts != NULL)
    *counts = import.counts;
  return TRUE;
}

gboolean
readout_store_import_json_file (ReadoutStore             *store,
                                const char               *path,
                                ReadoutJsonImportCounts  *counts,
                                GError                  **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean too_large;

  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = readout_input_file_read (path, READOUT_JSON_MAX_IMPORT_SIZE, &length, &too_large, error);
  if (too_large)
    return readout_json_bad_input (error, _("“%s” is too large to be a Readout export (over 1 GB)."), path);
  if (data == NULL)
    return FALSE;
  if (length == 0)
    return readout_json_bad_input (error, _("“%s” is empty: there is nothing to import."), path);
  if (memchr (data, '\0', length) != NULL)
    return readout_json_bad_input (error, _("“%s” is not a Readout export: it is a binary file, "
                                            "not JSON text."), path);
  if (!g_utf8_validate (data, (gssize) length, NULL))
    return readout_json_bad_input (error, _("“%s” is not a Readout export: it is not UTF-8 text."), path);

  return readout_store_import_json (store, data, (gssize) length, counts, error);
}

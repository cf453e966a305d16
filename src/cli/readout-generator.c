#define G_LOG_DOMAIN "readout-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "readout-error.h"
#include "readout-generator.h"
#include "readout-safe-file.h"
#include "readout-store-private.h"
#include "readout-topic-tagger.h"

/* Words that carry no topic, so statements read like prose and search has common words. */
static const char * const filler_en[] = {
  "the", "two", "leaders", "discussed", "agreed", "to", "continue", "cooperation", "on",
  "and", "stressed", "importance", "of", "dialogue", "president", "said", "during", "call",
  "phone", "conversation", "sides", "expressed", "interest", "in", "further", "contacts",
  "issues", "regional", "situation", "exchanged", "views", "noted", "progress", "efforts",
  "joint", "work", "partners", "confirmed", "readiness", "support", "constructive", NULL
};
static const char * const filler_ru[] = {
  "стороны", "обсудили", "договорились", "продолжить", "сотрудничество", "по", "и",
  "подчеркнули", "важность", "диалога", "президент", "заявил", "в", "ходе", "телефонного",
  "разговора", "выразили", "заинтересованность", "дальнейших", "контактах", "вопросы",
  "ситуация", "обменялись", "мнениями", "отметили", "прогресс", "усилия", "совместной",
  "работы", "подтвердили", "готовность", "поддержку", "конструктивный", NULL
};
static const char * const first_names[] = {
  "Anna", "Boris", "Carlos", "Dana", "Emil", "Fatima", "Georg", "Hana", "Ivan", "Jun",
  "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Petra", "Raj", "Sofia", "Tomas", "Yuki", NULL
};
static const char * const last_names[] = {
  "Adler", "Berg", "Costa", "Dumas", "Eriksen", "Fischer", "Garcia", "Haas", "Ivanov",
  "Jensen", "Kato", "Lopez", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi",
  "Santos", "Tanaka", "Urban", "Varga", "Weber", "Young", "Zhou", NULL
};

typedef struct {
  sqlite3 *db;
  GRand *rand;
  GPtrArray *topic_words;   /* words taken from the topic keywords */
  GPtrArray *countries;     /* country codes */
  ReadoutTopicTagger *tagger;
} Generator;

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED, _("Could not generate the store: %s"),
               sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED, _("Could not generate the store: %s"),
                   sqlite3_errmsg (db));
      return NULL;
    }
  return stmt;
}

static gboolean
step (sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED, _("Could not generate the store: %s"),
               sqlite3_errstr (rc));
  return FALSE;
}

static const char *
pick (Generator          *gen,
      const char * const *words)
{
  return words[g_rand_int_range (gen->rand, 0, (gint32) g_strv_length ((char **) words))];
}

static gboolean
load_vocabulary (Generator     *gen,
                 ReadoutStore  *store,
                 GError       **error)
{
  g_autoptr(GListModel) topics = readout_store_list_topics (store);
  sqlite3_stmt *stmt;

  gen->tagger = readout_topic_tagger_new ();
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, i);
      g_auto(GStrv) languages = readout_topic_dup_languages (topic);

      readout_topic_tagger_add_topic (gen->tagger, readout_topic_get_id (topic), topic);
      for (guint l = 0; languages[l] != NULL; l++)
        {
          const char * const *keywords = readout_topic_get_keywords (topic, languages[l]);

          /* Whole one-word keywords only: prefixes ("сири*") are not words. */
          for (guint k = 0; keywords[k] != NULL; k++)
            if (strchr (keywords[k], '*') == NULL && strchr (keywords[k], ' ') == NULL)
              g_ptr_array_add (gen->topic_words, g_strdup (keywords[k]));
        }
    }
  if (gen->topic_words->len == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Could not generate the store: the topic list has no keywords."));
      return FALSE;
    }

  stmt = prepare (gen->db, "SELECT code FROM countries ORDER BY code", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (gen->countries, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Writing the texts and tagging them runs on a second thread while this one inserts,
 * so the two cores share the work. Batches go round between two queues: "full" to the
 * inserting thread, "empty" back to the writer, which bounds the memory in flight. */

#define BATCH_SIZE 1024
#define N_BATCHES 8

typedef struct {
  GString *text;
  GArray *topics;   /* topic ids */
  gboolean quote;
} GeneratedStatement;

typedef struct {
  GeneratedStatement items[BATCH_SIZE];
  guint len;
} Batch;

typedef struct {
  GAsyncQueue *full;
  GAsyncQueue *empty;
  ReadoutTopicTagger *tagger;   /* read-only once built, so safe to share */
  GPtrArray *topic_words;
  guint n_statements;
  guint32 seed;
  int stop;                     /* atomic: the inserting thread gave up */
  Batch *current;               /* the batch being inserted */
  guint next;                   /* its next item */
} StatementWriter;

static void
write_statement (StatementWriter    *writer,
                 GRand              *rand,
                 GeneratedStatement *statement)
{
  gboolean russian = g_rand_int_range (rand, 0, 6) == 0;
  const char * const *filler = russian ? filler_ru : filler_en;
  guint n_words = (guint) g_rand_int_range (rand, 10, 61);
  GString *text = statement->text;

  g_string_truncate (text, 0);
  for (guint i = 0; i < n_words; i++)
    {
      /* About one word in sixteen names a topic: one or two topics a statement, as
       * in real readouts. */
      const char *word = g_rand_int_range (rand, 0, 16) == 0
                         ? g_ptr_array_index (writer->topic_words,
                                              g_rand_int_range (rand, 0, (gint32) writer->topic_words->len))
                         : filler[g_rand_int_range (rand, 0, (gint32) g_strv_length ((char **) filler))];
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, word);
    }
  g_string_append_c (text, '.');
  statement->quote = g_rand_boolean (rand);

  /* Tagged as the store tags what it stores. */
  g_clear_pointer (&statement->topics, g_array_unref);
  statement->topics = readout_topic_tagger_tag (writer->tagger, text->str);
}

static gpointer
statement_writer_thread (gpointer data)
{
  StatementWriter *writer = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (writer->seed);
  guint left = writer->n_statements;

  while (left > 0 && !g_atomic_int_get (&writer->stop))
    {
      Batch *batch = g_async_queue_pop (writer->empty);

      batch->len = MIN (left, BATCH_SIZE);
      for (guint i = 0; i < batch->len; i++)
        write_statement (writer, rand, &batch->items[i]);
      left -= batch->len;
      g_async_queue_push (writer->full, batch);
    }
  return NULL;
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  for (guint i = 0; i < BATCH_SIZE; i++)
    batch->items[i].text = g_string_sized_new (512);
  return batch;
}

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      g_string_free (batch->items[i].text, TRUE);
      g_clear_pointer (&batch->items[i].topics, g_array_unref);
    }
  g_free (batch);
}

/* The next statement the writer thread made; valid until the next call. */
static GeneratedStatement *
statement_writer_next (StatementWriter *writer)
{
  if (writer->current != NULL && writer->next == writer->current->len)
    {
      g_async_queue_push (writer->empty, writer->current);
      writer->current = NULL;
    }
  if (writer->current == NULL)
    {
      writer->current = g_async_queue_pop (writer->full);
      writer->next = 0;
    }
  return &writer->current->items[writer->next++];
}

/* A skewed choice: a few leaders get most of the calls, as in real data. */
static guint
pick_leader (Generator *gen,
             guint      n_leaders)
{
  double u = g_rand_double (gen->rand);

  return MIN ((guint) (n_leaders * u * u * u), n_leaders - 1);
}

static gboolean
generate (Generator                     *gen,
          StatementWriter               *writer,
          const ReadoutGeneratorOptions *options,
          GError                       **error)
{
  sqlite3_stmt *leader = NULL, *call = NULL, *participant = NULL, *source = NULL;
  sqlite3_stmt *statement = NULL, *statement_topic = NULL;
  guint statements_left = options->n_statements;
  gboolean ok = TRUE;

  leader = prepare (gen->db, "INSERT INTO leaders (id, name, country, office) VALUES (?, ?, ?, ?)", error);
  call = prepare (gen->db, "INSERT INTO calls (id, date, date_precision, duration_minutes,"
                           " duration_qualifier, status) VALUES (?, ?, 'day', ?, ?, ?)", error);
  participant = prepare (gen->db, "INSERT INTO call_participants (call_id, leader_id, position,"
                                  " call_date) VALUES (?, ?, ?, ?)", error);
  source = prepare (gen->db, "INSERT INTO sources (id, call_id, publisher, kind, side, date, title, text)"
                             " VALUES (?, ?, ?, 'readout', ?, ?, ?, '')", error);
  statement = prepare (gen->db, "INSERT INTO statements (id, call_id, source_id, speaker, side, kind,"
                                " text, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  statement_topic = prepare (gen->db, "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id)"
                                      " VALUES (?, ?)", error);
  if (!leader || !call || !participant || !source || !statement || !statement_topic)
    ok = FALSE;

  for (guint i = 1; ok && i <= options->n_leaders; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", pick (gen, first_names),
                                               pick (gen, last_names), i);
      const char *country = g_ptr_array_index (gen->countries, (i - 1) % gen->countries->len);

      sqlite3_bind_int64 (leader, 1, i);
      sqlite3_bind_text (leader, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (leader, 3, country, -1, SQLITE_STATIC);
      sqlite3_bind_text (leader, 4, i % 3 == 0 ? "Prime Minister" : "President", -1, SQLITE_STATIC);
      ok = step (leader, error);
    }

  for (guint c = 1; ok && c <= options->n_calls; c++)
    {
      guint a = pick_leader (gen, options->n_leaders) + 1;
      guint b = (guint) g_rand_int_range (gen->rand, 1, (gint32) options->n_leaders + 1);
      g_autofree char *date = NULL;
      /* Spread statements evenly over the remaining calls. */
      guint n_statements = statements_left / (options->n_calls - c + 1);
      const char *side_a, *side_b;

      if (b == a)
        b = a % options->n_leaders + 1;
      date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (gen->rand, 1995, 2026),
                              g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
      side_a = g_ptr_array_index (gen->countries, (a - 1) % gen->countries->len);
      side_b = g_ptr_array_index (gen->countries, (b - 1) % gen->countries->len);

      sqlite3_bind_int64 (call, 1, c);
      sqlite3_bind_text (call, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (call, 3, g_rand_int_range (gen->rand, 15, 121));
      sqlite3_bind_text (call, 4, g_rand_boolean (gen->rand) ? "exact" : "about", -1, SQLITE_STATIC);
      sqlite3_bind_text (call, 5, c % 20 == 0 ? "announced" : "held", -1, SQLITE_STATIC);
      ok = step (call, error);

      for (guint p = 0; ok && p < 2; p++)
        {
          sqlite3_bind_int64 (participant, 1, c);
          sqlite3_bind_int64 (participant, 2, p == 0 ? a : b);
          sqlite3_bind_int (participant, 3, (int) p);
          sqlite3_bind_text (participant, 4, date, -1, SQLITE_TRANSIENT);
          ok = step (participant, error);
        }

      /* One readout from each side; statements alternate between them. */
      for (guint s = 0; ok && s < 2; s++)
        {
          sqlite3_bind_int64 (source, 1, (gint64) c * 2 + s);
          sqlite3_bind_int64 (source, 2, c);
          sqlite3_bind_text (source, 3, s == 0 ? "Office of the first participant"
                                               : "Office of the second participant", -1, SQLITE_STATIC);
          sqlite3_bind_text (source, 4, s == 0 ? side_a : side_b, -1, SQLITE_STATIC);
          sqlite3_bind_text (source, 5, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (source, 6, "Telephone conversation", -1, SQLITE_STATIC);
          ok = step (source, error);
        }

      for (guint s = 0; ok && s < n_statements; s++)
        {
          gint64 statement_id = options->n_statements - statements_left + 1;
          GeneratedStatement *generated = statement_writer_next (writer);

          sqlite3_bind_int64 (statement, 1, statement_id);
          sqlite3_bind_int64 (statement, 2, c);
          sqlite3_bind_int64 (statement, 3, (gint64) c * 2 + (s % 2));
          sqlite3_bind_text (statement, 4, s % 2 == 0 ? "Press office A" : "Press office B", -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (statement, 5, s % 2 == 0 ? side_a : side_b, -1, SQLITE_STATIC);
          sqlite3_bind_text (statement, 6, generated->quote ? "quote" : "paraphrase", -1, SQLITE_STATIC);
          sqlite3_bind_text (statement, 7, generated->text->str, (int) generated->text->len, SQLITE_STATIC);
          sqlite3_bind_int (statement, 8, (int) s);
          ok = step (statement, error);

          for (guint t = 0; ok && t < generated->topics->len; t++)
            {
              sqlite3_bind_int64 (statement_topic, 1, statement_id);
              sqlite3_bind_int64 (statement_topic, 2, g_array_index (generated->topics, gint64, t));
              ok = step (statement_topic, error);
            }
          statements_left--;
        }
    }

  sqlite3_finalize (leader);
  sqlite3_finalize (call);
  sqlite3_finalize (participant);
  sqlite3_finalize (source);
  sqlite3_finalize (statement);
  sqlite3_finalize (statement_topic);
  return ok;
}

/* The secondary indexes of the tables the generator fills are dropped for the fill and
 * built again in one sorted pass each, which is cheaper than keeping them in step row by
 * row. Their definitions are read from the schema itself, so nothing here repeats it. */
static GPtrArray *
drop_bulk_indexes (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(GPtrArray) definitions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = prepare (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                      " AND tbl_name IN ('statements', 'statement_topics', 'sources', 'call_participants', 'calls')",
                  error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (definitions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));

      if (!exec (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&definitions);
}

static gboolean
create_indexes (sqlite3    *db,
                GPtrArray  *definitions,
                GError    **error)
{
  for (guint i = 0; i < definitions->len; i++)
    if (!exec (db, g_ptr_array_index (definitions, i), error))
      return FALSE;
  return TRUE;
}

gboolean
readout_generator_run (const char                    *path,
                       const ReadoutGeneratorOptions *options,
                       GError                       **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GPtrArray) topic_words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_free);
  Generator gen = { 0, };
  gboolean ok;

  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  if (options->n_leaders < 2 || options->n_calls < 1)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("A generated store needs at least 2 leaders and 1 call."));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   _("“%s” already exists: choose a new file for the generated store."), path);
      return FALSE;
    }

  /* Filled under a temporary name and renamed when whole: a killed run leaves no store
   * that opens but is half written (without a journal, it would not even be consistent). */
  file = readout_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;
  store = readout_store_open (readout_safe_file_get_temp_path (file), error);
  if (store == NULL)
    return FALSE;

  gen.db = readout_store_get_db (store);
  gen.rand = g_rand_new_with_seed (options->seed);
  gen.topic_words = topic_words;
  gen.countries = countries;

  /* A new file being filled: a journal or durability during the fill buys nothing,
   * because a failed run removes the file. A large page cache keeps the indexes and the
   * full-text segments from spilling to disk half-built. */
  ok = load_vocabulary (&gen, store, error) &&
       exec (gen.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
                     " PRAGMA cache_size = -262144", error) &&
       readout_store_begin (store, error);
  if (ok)
    {
      StatementWriter writer = {
        .full = g_async_queue_new (),
        .empty = g_async_queue_new_full ((GDestroyNotify) batch_free),
        .tagger = gen.tagger,
        .topic_words = gen.topic_words,
        .n_statements = options->n_statements,
        .seed = options->seed ^ 0x5eed,
      };
      GPtrArray *indexes = NULL;
      GThread *thread;
      Batch *batch;

      for (guint i = 0; i < N_BATCHES; i++)
        g_async_queue_push (writer.empty, batch_new ());
      thread = g_thread_new ("statement-writer", statement_writer_thread, &writer);

      /* Indexing a million rows in one pass at the end beats a trigger per row. */
      ok = readout_store_schema_suspend_fts (gen.db, error) &&
           (indexes = drop_bulk_indexes (gen.db, error)) != NULL &&
           generate (&gen, &writer, options, error);

      /* Stop the writer thread, handing back whatever it still fills, then free it all. */
      g_atomic_int_set (&writer.stop, TRUE);
      if (writer.current != NULL)
        g_async_queue_push (writer.empty, writer.current);
      while ((batch = g_async_queue_try_pop (writer.full)) != NULL)
        g_async_queue_push (writer.empty, batch);
      g_thread_join (thread);
      while ((batch = g_async_queue_try_pop (writer.full)) != NULL)
        g_async_queue_push (writer.empty, batch);
      g_async_queue_unref (writer.full);
      g_async_queue_unref (writer.empty);

      ok = ok && create_indexes (gen.db, indexes, error) &&
           readout_store_schema_resume_fts (gen.db, error);
      g_clear_pointer (&indexes, g_ptr_array_unref);
      if (ok)
        ok = readout_store_commit (store, error);
      else
        readout_store_rollback (store);
    }
  if (ok)
    ok = exec (gen.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA optimize",
               error);

  g_rand_free (gen.rand);
  g_clear_pointer (&gen.tagger, readout_topic_tagger_free);
  g_clear_object (&store);
  return ok && readout_safe_file_commit (file, error);
}

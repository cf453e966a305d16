// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "readout-error.h"
#include "readout-generator.h"
#include "readout-safe-file.h"
#include "readout-store-bulk.h"
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
  ReadoutStoreBulk *bulk;
  GRand *rand;
  GPtrArray *topic_words;   /* words taken from the topic keywords */
  GStrv countries;          /* country codes */
  guint n_countries;
  ReadoutTopicTagger *tagger;
} Generator;

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

  gen->countries = readout_store_dup_country_codes (store);
  gen->n_countries = g_strv_length (gen->countries);
  if (gen->n_countries == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Could not generate the store: the store knows no countries."));
      return FALSE;
    }
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

/* One call: its two participants, a readout from each side, and its share of the
 * statements, which alternate between the two readouts. */
static gboolean
add_call (Generator        *gen,
          StatementWriter  *writer,
          guint             c,
          guint             n_leaders,
          guint             n_statements,
          gint64           *next_statement_id,
          GError          **error)
{
  guint a = pick_leader (gen, n_leaders) + 1;
  guint b = (guint) g_rand_int_range (gen->rand, 1, (gint32) n_leaders + 1);
  g_autofree char *date = NULL;
  const char *sides[2];
  gboolean ok;

  if (b == a)
    b = a % n_leaders + 1;
  date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (gen->rand, 1995, 2026),
                          g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
  sides[0] = gen->countries[(a - 1) % gen->n_countries];
  sides[1] = gen->countries[(b - 1) % gen->n_countries];

  ok = readout_store_bulk_add_call (gen->bulk, c, date, g_rand_int_range (gen->rand, 15, 121),
                                    g_rand_boolean (gen->rand) ? "exact" : "about",
                                    c % 20 == 0 ? "announced" : "held", error) &&
       readout_store_bulk_add_participant (gen->bulk, c, a, 0, date, error) &&
       readout_store_bulk_add_participant (gen->bulk, c, b, 1, date, error) &&
       readout_store_bulk_add_source (gen->bulk, (gint64) c * 2, c, "Office of the first participant",
                                      sides[0], date, "Telephone conversation", error) &&
       readout_store_bulk_add_source (gen->bulk, (gint64) c * 2 + 1, c, "Office of the second participant",
                                      sides[1], date, "Telephone conversation", error);

  for (guint s = 0; ok && s < n_statements; s++)
    {
      GeneratedStatement *generated = statement_writer_next (writer);

      ok = readout_store_bulk_add_statement (gen->bulk, (*next_statement_id)++, c, (gint64) c * 2 + (s % 2),
                                             s % 2 == 0 ? "Press office A" : "Press office B",
                                             sides[s % 2], generated->quote ? "quote" : "paraphrase",
                                             generated->text->str, (gssize) generated->text->len,
                                             (int) s, generated->topics, error);
    }
  return ok;
}

static gboolean
generate (Generator                     *gen,
          StatementWriter               *writer,
          const ReadoutGeneratorOptions *options,
          GError                       **error)
{
  guint statements_left = options->n_statements;
  gint64 next_statement_id = 1;
  gboolean ok = TRUE;

  for (guint i = 1; ok && i <= options->n_leaders; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", pick (gen, first_names),
                                               pick (gen, last_names), i);

      ok = readout_store_bulk_add_leader (gen->bulk, i, name, gen->countries[(i - 1) % gen->n_countries],
                                          i % 3 == 0 ? "Prime Minister" : "President", error);
    }

  for (guint c = 1; ok && c <= options->n_calls; c++)
    {
      /* Spread statements evenly over the remaining calls. */
      guint n_statements = statements_left / (options->n_calls - c + 1);

      ok = add_call (gen, writer, c, options->n_leaders, n_statements, &next_statement_id, error);
      statements_left -= n_statements;
    }
  return ok;
}

gboolean
readout_generator_run (const char                    *path,
                       const ReadoutGeneratorOptions *options,
                       GError                       **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GPtrArray) topic_words = g_ptr_array_new_with_free_func (g_free);
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

  gen.rand = g_rand_new_with_seed (options->seed);
  gen.topic_words = topic_words;

  ok = load_vocabulary (&gen, store, error) &&
       (gen.bulk = readout_store_bulk_begin (store, error)) != NULL;
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
      GThread *thread;
      Batch *batch;

      for (guint i = 0; i < N_BATCHES; i++)
        g_async_queue_push (writer.empty, batch_new ());
      thread = g_thread_new ("statement-writer", statement_writer_thread, &writer);

      ok = generate (&gen, &writer, options, error);

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

      /* On failure the first error stands; finishing then only rolls back. */
      ok = readout_store_bulk_finish (gen.bulk, ok, ok ? error : NULL);
    }

  g_rand_free (gen.rand);
  g_strfreev (gen.countries);
  g_clear_pointer (&gen.tagger, readout_topic_tagger_free);
  g_clear_object (&store);
  return ok && readout_safe_file_commit (file, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-topic-tagger"

#include "config.h"

#include <string.h>

#include "readout-text.h"
#include "readout-topic-tagger.h"

/* Tagging runs over every statement of the store when the topic list changes, a million
 * of them in the benchmarks, so the inner loop allocates nothing: tokens are found in
 * place and folded into stack buffers, and each token costs one exact-word hash lookup
 * plus one lookup in a table of prefix keywords bucketed by their first two characters. */

#define WORD_BUFFER_SIZE 128

typedef struct {
  char     *word;    /* folded */
  gsize     length;
  gboolean  prefix;  /* the keyword word ended in "*" */
} KeywordWord;

typedef struct {
  gint64       topic_id;
  guint        n_words;
  KeywordWord *words;
} Keyword;

struct _ReadoutTopicTagger
{
  GPtrArray  *keywords;        /* Keyword, owned */
  GHashTable *exact;           /* first word -> GPtrArray of Keyword */
  GHashTable *prefix_buckets;  /* bucket_key() of the first word -> GPtrArray of Keyword */
  GPtrArray  *short_prefixes;  /* prefix keywords whose first word is a single character */
};

static void
keyword_free (gpointer data)
{
  Keyword *keyword = data;

  for (guint i = 0; i < keyword->n_words; i++)
    g_free (keyword->words[i].word);
  g_free (keyword->words);
  g_free (keyword);
}

/* A hash of the first two characters of a folded word; collisions only cost a failed
 * prefix comparison. Returns FALSE when the word has fewer than two characters. */
static inline gboolean
bucket_key (const char *folded,
            gsize       length,
            guint      *key)
{
  const char *second;
  const char *third;
  guint h = 2166136261u;

  if (length == 0)
    return FALSE;
  second = g_utf8_next_char (folded);
  if ((gsize) (second - folded) >= length)
    return FALSE;
  third = g_utf8_next_char (second);

  for (const char *p = folded; p < third; p++)
    h = (h ^ (guchar) *p) * 16777619u;

  *key = h;
  return TRUE;
}

ReadoutTopicTagger *
readout_topic_tagger_new (void)
{
  ReadoutTopicTagger *self = g_new0 (ReadoutTopicTagger, 1);

  self->keywords = g_ptr_array_new_with_free_func (keyword_free);
  self->exact = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->prefix_buckets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  self->short_prefixes = g_ptr_array_new ();

  return self;
}

void
readout_topic_tagger_free (ReadoutTopicTagger *self)
{
  if (self == NULL)
    return;

  /* The tables point into the keywords: drop them first. */
  g_hash_table_unref (self->exact);
  g_hash_table_unref (self->prefix_buckets);
  g_ptr_array_unref (self->short_prefixes);
  g_ptr_array_unref (self->keywords);
  g_free (self);
}

static void
add_keyword (ReadoutTopicTagger *self,
             gint64              topic_id,
             const char         *text)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (KeywordWord));
  gsize length = strlen (text);
  gsize pos = 0;
  gsize start, end;
  Keyword *keyword;
  KeywordWord *first;
  GPtrArray *list;
  guint key;

  if (!g_utf8_validate (text, (gssize) length, NULL))
    {
      g_warning ("Ignoring a topic keyword that is not valid UTF-8");
      return;
    }

  while (readout_text_next_token (text, length, &pos, &start, &end))
    {
      KeywordWord word;

      word.word = readout_text_fold (text + start, (gssize) (end - start));
      word.length = strlen (word.word);
      word.prefix = end < length && text[end] == '*';
      g_array_append_val (words, word);
    }

  if (words->len == 0)
    return;

  keyword = g_new0 (Keyword, 1);
  keyword->topic_id = topic_id;
  keyword->n_words = words->len;
  keyword->words = (KeywordWord *) (gpointer) g_array_free (g_steal_pointer (&words), FALSE);
  g_ptr_array_add (self->keywords, keyword);

  first = &keyword->words[0];
  if (!first->prefix)
    {
      list = g_hash_table_lookup (self->exact, first->word);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->exact, first->word, list);
        }
      g_ptr_array_add (list, keyword);
    }
  else if (bucket_key (first->word, first->length, &key))
    {
      list = g_hash_table_lookup (self->prefix_buckets, GUINT_TO_POINTER (key));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->prefix_buckets, GUINT_TO_POINTER (key), list);
        }
      g_ptr_array_add (list, keyword);
    }
  else
    g_ptr_array_add (self->short_prefixes, keyword);
}

/**
 * readout_topic_tagger_add_topic:
 * @topic_id: the id to report when @topic's keywords occur
 * @topic: the topic whose keywords, in every language, to add
 *
 * A keyword is one or more words separated by spaces, matched in sequence against
 * consecutive words of the text, ignoring case; a word ending in "*" matches any word
 * that begins with it ("сири*" matches "Сирии").
 */
void
readout_topic_tagger_add_topic (ReadoutTopicTagger *self,
                                gint64              topic_id,
                                ReadoutTopic       *topic)
{
  g_auto(GStrv) languages = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  languages = readout_topic_dup_languages (topic);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char * const *keywords = readout_topic_get_keywords (topic, languages[i]);

      for (guint j = 0; keywords != NULL && keywords[j] != NULL; j++)
        add_keyword (self, topic_id, keywords[j]);
    }
}

/* "korea's" and "koreas'" should find the keyword "korea". */
static inline gboolean
word_matches (const KeywordWord *word,
              const char        *folded,
              gsize              length)
{
  if (word->prefix)
    return length >= word->length && memcmp (folded, word->word, word->length) == 0;

  if (length == word->length)
    return memcmp (folded, word->word, length) == 0;
  if (length == word->length + 2 && folded[length - 2] == '\'' && folded[length - 1] == 's')
    return memcmp (folded, word->word, word->length) == 0;
  return FALSE;
}

/* Whether the words after the first of @keyword follow at @pos in @text. */
static gboolean
rest_matches (const Keyword *keyword,
              const char    *text,
              gsize          length,
              gsize          pos)
{
  for (guint i = 1; i < keyword->n_words; i++)
    {
      char buffer[WORD_BUFFER_SIZE];
      gsize start, end;
      gsize folded_length;

      if (!readout_text_next_token (text, length, &pos, &start, &end))
        return FALSE;

      folded_length = readout_text_fold_to_buffer (text + start, end - start,
                                                   buffer, sizeof buffer);
      /* No keyword word is that long; a truncated buffer cannot match either. */
      if (folded_length >= sizeof buffer)
        return FALSE;

      if (!word_matches (&keyword->words[i], buffer, folded_length))
        return FALSE;
    }

  return TRUE;
}

static inline void
add_result (GArray *result,
            gint64  topic_id)
{
  for (guint i = 0; i < result->len; i++)
    if (g_array_index (result, gint64, i) == topic_id)
      return;
  g_array_append_val (result, topic_id);
}

static void
match_candidates (GPtrArray  *candidates,
                  const char *folded,
                  gsize       folded_length,
                  const char *text,
                  gsize       length,
                  gsize       pos,
                  GArray     *result)
{
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      const Keyword *keyword = g_ptr_array_index (candidates, i);

      if (word_matches (&keyword->words[0], folded, folded_length)
          && rest_matches (keyword, text, length, pos))
        add_result (result, keyword->topic_id);
    }
}

/* Tries every keyword that could start with the word @folded (NUL-terminated and
 * writable: the possessive is cut off in place). */
static void
match_word (ReadoutTopicTagger *self,
            char               *folded,
            gsize               folded_length,
            const char         *text,
            gsize               length,
            gsize               pos,
            GArray             *result)
{
  guint key;

  match_candidates (g_hash_table_lookup (self->exact, folded),
                    folded, folded_length, text, length, pos, result);

  if (folded_length > 2 && folded[folded_length - 2] == '\'' && folded[folded_length - 1] == 's')
    {
      folded[folded_length - 2] = '\0';
      match_candidates (g_hash_table_lookup (self->exact, folded),
                        folded, folded_length - 2, text, length, pos, result);
      folded[folded_length - 2] = '\'';
    }

  if (bucket_key (folded, folded_length, &key))
    match_candidates (g_hash_table_lookup (self->prefix_buckets, GUINT_TO_POINTER (key)),
                      folded, folded_length, text, length, pos, result);

  if (self->short_prefixes->len > 0)
    match_candidates (self->short_prefixes, folded, folded_length, text, length, pos, result);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * readout_topic_tagger_tag:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full) (element-type gint64): the ids of the topics whose keywords
 *   occur in @text, ascending, each once; empty for empty or invalid text, never %NULL
 */
GArray *
readout_topic_tagger_tag (ReadoutTopicTagger *self,
                          const char         *text)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize length;
  gsize pos = 0;
  gsize start, end;

  g_return_val_if_fail (self != NULL, result);

  if (text == NULL || self->keywords->len == 0)
    return result;

  length = strlen (text);
  if (!g_utf8_validate (text, (gssize) length, NULL))
    return result;

  while (readout_text_next_token (text, length, &pos, &start, &end))
    {
      char stack_buffer[WORD_BUFFER_SIZE];
      g_autofree char *heap_buffer = NULL;
      char *folded = stack_buffer;
      gsize folded_length;

      folded_length = readout_text_fold_to_buffer (text + start, end - start,
                                                   stack_buffer, sizeof stack_buffer);
      if (folded_length >= sizeof stack_buffer)
        {
          heap_buffer = readout_text_fold (text + start, (gssize) (end - start));
          folded = heap_buffer;
        }

      match_word (self, folded, folded_length, text, length, pos, result);

      /* "pro-Syrian" or "Trump-Putin": the parts of a hyphenated word are words too. */
      if (memchr (folded, '-', folded_length) != NULL)
        {
          char *part = folded;
          char *folded_end = folded + folded_length;

          while (part < folded_end)
            {
              char *hyphen = memchr (part, '-', (gsize) (folded_end - part));
              char *part_end = hyphen != NULL ? hyphen : folded_end;
              char saved = *part_end;

              *part_end = '\0';
              match_word (self, part, (gsize) (part_end - part), text, length, pos, result);
              *part_end = saved;
              part = part_end + 1;
            }
        }
    }

  g_array_sort (result, compare_int64);
  return result;
}

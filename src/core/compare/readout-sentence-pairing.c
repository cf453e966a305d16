// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-sentence-pairing"

#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-sentence-pairing.h"
#include "readout-text.h"

/* How much each kind of evidence counts; they add up to 1. Shared content words count
 * most. Shared topics let an English and a Russian statement on the same subject pair
 * when nothing else can; shared names and numbers ("Minsk", "2014") are strong evidence
 * that two sentences speak of the same thing even when worded apart. */
#define WEIGHT_COSINE   0.70
#define WEIGHT_TOPICS   0.15
#define WEIGHT_ENTITIES 0.15

struct _ReadoutSentencePairing
{
  GHashTable *document_frequency;  /* folded word -> number of documents */
  guint       n_documents;
};

typedef struct {
  guint  id;
  double weight;
} Term;

typedef struct {
  GArray *terms;     /* Term, sorted by id, weights normalised to a unit vector */
  GArray *entities;  /* guint ids, sorted, unique */
  GArray *topics;    /* guint ids, sorted, unique */
  guint   hash;      /* of the text, for symmetric tie-breaking */
} Vector;

ReadoutSentencePairing *
readout_sentence_pairing_new (void)
{
  ReadoutSentencePairing *self = g_new0 (ReadoutSentencePairing, 1);

  self->document_frequency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
readout_sentence_pairing_free (ReadoutSentencePairing *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->document_frequency);
  g_free (self);
}

/**
 * readout_sentence_pairing_add_document:
 * @text: (nullable): a document of the collection that IDF is fitted on
 *
 * Add every statement of the sides being compared, and as many other statements of the
 * store as are at hand: words that every readout uses ("discussed", "bilateral") then
 * weigh little.
 */
void
readout_sentence_pairing_add_document (ReadoutSentencePairing *self,
                                       const char             *text)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_if_fail (self != NULL);

  tokens = readout_text_tokenize (text, -1);
  readout_sentence_pairing_add_tokens (self, tokens);
}

/**
 * readout_sentence_pairing_add_tokens:
 * @tokens: (element-type ReadoutToken): the tokens of a document
 *
 * Like readout_sentence_pairing_add_document(), for callers that have the tokens.
 */
void
readout_sentence_pairing_add_tokens (ReadoutSentencePairing *self,
                                     GArray                 *tokens)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tokens != NULL);

  self->n_documents++;
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < tokens->len; i++)
    {
      ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);
      guint df;

      if ((token->flags & READOUT_TOKEN_STOP_WORD) || !g_hash_table_add (seen, token->folded))
        continue;

      /* Inserting an existing key keeps the stored key and frees the one passed in. */
      df = GPOINTER_TO_UINT (g_hash_table_lookup (self->document_frequency, token->folded));
      g_hash_table_insert (self->document_frequency, g_strdup (token->folded), GUINT_TO_POINTER (df + 1));
    }
}

static double
idf (ReadoutSentencePairing *self,
     const char             *folded)
{
  guint df = GPOINTER_TO_UINT (g_hash_table_lookup (self->document_frequency, folded));

  /* Smoothed, and never zero: with a tiny collection a word both sides use must still
   * count for something. */
  return log ((1.0 + self->n_documents) / (1.0 + df)) + 1.0;
}

static guint
vocabulary_id (GHashTable *vocabulary,
               const char *word)
{
  gpointer value;

  if (g_hash_table_lookup_extended (vocabulary, word, NULL, &value))
    return GPOINTER_TO_UINT (value);

  g_hash_table_insert (vocabulary, g_strdup (word), GUINT_TO_POINTER (g_hash_table_size (vocabulary)));
  return g_hash_table_size (vocabulary) - 1;
}

static int
compare_term (gconstpointer a,
              gconstpointer b)
{
  const Term *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *ids)
{
  guint n = 0;

  g_array_sort (ids, compare_uint);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, guint, n - 1) != g_array_index (ids, guint, i))
      g_array_index (ids, guint, n++) = g_array_index (ids, guint, i);
  g_array_set_size (ids, n);
}

/* A name is a capitalised word that does not start a sentence, or a number. */
static gboolean
starts_sentence (const char *text,
                 GArray     *tokens,
                 guint       i)
{
  ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);
  gsize from = i > 0 ? g_array_index (tokens, ReadoutToken, i - 1).end : 0;

  if (i == 0)
    return TRUE;
  for (gsize p = from; p < token->start; p++)
    if (text[p] == '.' || text[p] == '!' || text[p] == '?' || text[p] == '"' || text[p] == ':')
      return TRUE;
  return FALSE;
}

static void
vector_init (ReadoutSentencePairing *self,
             Vector                 *vector,
             GHashTable             *vocabulary,
             const ReadoutSentence  *sentence)
{
  const char *text = sentence->text != NULL ? sentence->text : "";
  g_autoptr(GArray) own_tokens = sentence->tokens == NULL ? readout_text_tokenize (text, -1) : NULL;
  GArray *tokens = sentence->tokens != NULL ? sentence->tokens : own_tokens;
  double norm = 0;
  guint n = 0;

  vector->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  vector->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  vector->topics = g_array_new (FALSE, FALSE, sizeof (guint));
  vector->hash = g_str_hash (text);

  for (guint i = 0; i < tokens->len; i++)
    {
      ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);
      Term term;

      if (token->flags & READOUT_TOKEN_STOP_WORD)
        continue;

      term.id = vocabulary_id (vocabulary, token->folded);
      term.weight = idf (self, token->folded);
      g_array_append_val (vector->terms, term);

      if ((token->flags & READOUT_TOKEN_NUMBER)
          || ((token->flags & READOUT_TOKEN_CAPITALISED) && !starts_sentence (text, tokens, i)))
        g_array_append_val (vector->entities, term.id);
    }

  /* Sum the weights of repeated words, with sublinear term frequency. */
  g_array_sort (vector->terms, compare_term);
  for (guint i = 0; i < vector->terms->len;)
    {
      Term term = g_array_index (vector->terms, Term, i);
      guint tf = 0;

      while (i < vector->terms->len && g_array_index (vector->terms, Term, i).id == term.id)
        tf++, i++;
      term.weight *= 1.0 + log (tf);
      norm += term.weight * term.weight;
      g_array_index (vector->terms, Term, n++) = term;
    }
  g_array_set_size (vector->terms, n);
  norm = sqrt (norm);
  for (guint i = 0; i < n && norm > 0; i++)
    g_array_index (vector->terms, Term, i).weight /= norm;

  sort_unique (vector->entities);

  for (guint i = 0; sentence->topics != NULL && sentence->topics[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("\x01topic:", sentence->topics[i], NULL);
      guint id = vocabulary_id (vocabulary, key);

      g_array_append_val (vector->topics, id);
    }
  sort_unique (vector->topics);
}

static void
vector_clear (Vector *vector)
{
  g_clear_pointer (&vector->terms, g_array_unref);
  g_clear_pointer (&vector->entities, g_array_unref);
  g_clear_pointer (&vector->topics, g_array_unref);
}

static double
cosine (const Vector *a,
        const Vector *b)
{
  const Term *x = (const Term *) (gpointer) a->terms->data;
  const Term *y = (const Term *) (gpointer) b->terms->data;
  guint i = 0, j = 0;
  double sum = 0;

  while (i < a->terms->len && j < b->terms->len)
    {
      if (x[i].id == y[j].id)
        sum += x[i++].weight * y[j++].weight;
      else if (x[i].id < y[j].id)
        i++;
      else
        j++;
    }

  return sum;
}

static double
jaccard (GArray *a,
         GArray *b)
{
  const guint *x = (const guint *) (gpointer) a->data;
  const guint *y = (const guint *) (gpointer) b->data;
  guint i = 0, j = 0, shared = 0;

  if (a->len == 0 || b->len == 0)
    return 0;

  while (i < a->len && j < b->len)
    {
      if (x[i] == y[j])
        shared++, i++, j++;
      else if (x[i] < y[j])
        i++;
      else
        j++;
    }

  return (double) shared / (a->len + b->len - shared);
}

static double
vector_similarity (const Vector *a,
                   const Vector *b)
{
  double s = WEIGHT_COSINE * cosine (a, b)
           + WEIGHT_TOPICS * jaccard (a->topics, b->topics)
           + WEIGHT_ENTITIES * jaccard (a->entities, b->entities);

  return CLAMP (s, 0.0, 1.0);
}

/**
 * readout_sentence_pairing_similarity:
 *
 * Returns: how similar @a and @b are, from 0 (nothing in common) to 1
 */
double
readout_sentence_pairing_similarity (ReadoutSentencePairing *self,
                                     const ReadoutSentence  *a,
                                     const ReadoutSentence  *b)
{
  g_autoptr(GHashTable) vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Vector va, vb;
  double s;

  g_return_val_if_fail (self != NULL && a != NULL && b != NULL, 0);

  vector_init (self, &va, vocabulary, a);
  vector_init (self, &vb, vocabulary, b);
  s = vector_similarity (&va, &vb);
  vector_clear (&va);
  vector_clear (&vb);

  return s;
}

/* The Hungarian algorithm (potentials, O(n² m)) for a minimum-cost assignment of each
 * of @n rows to a distinct one of @m >= @n columns. @cost is row-major, n × m.
 * On return, @row_column[i] is the column of row i. */
static void
hungarian (const double *cost,
           guint         n,
           guint         m,
           guint        *row_column)
{
  g_autofree double *u = g_new0 (double, n + 1);
  g_autofree double *v = g_new0 (double, m + 1);
  g_autofree guint *p = g_new0 (guint, m + 1);    /* column -> row (1-based), 0 free */
  g_autofree guint *way = g_new0 (guint, m + 1);
  g_autofree double *minv = g_new (double, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);

  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;

      p[0] = i;
      for (guint j = 0; j <= m; j++)
        {
          minv[j] = G_MAXDOUBLE;
          used[j] = FALSE;
        }

      do
        {
          guint i0 = p[j0], j1 = 0;
          double delta = G_MAXDOUBLE;

          used[j0] = TRUE;
          for (guint j = 1; j <= m; j++)
            {
              if (used[j])
                continue;

              {
                double cur = cost[(gsize) (i0 - 1) * m + (j - 1)] - u[i0] - v[j];

                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = j;
                  }
              }
            }

          for (guint j = 0; j <= m; j++)
            {
              if (used[j])
                {
                  u[p[j]] += delta;
                  v[j] -= delta;
                }
              else
                minv[j] -= delta;
            }
          j0 = j1;
        }
      while (p[j0] != 0);

      do
        {
          guint j1 = way[j0];

          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }

  for (guint j = 1; j <= m; j++)
    if (p[j] != 0)
      row_column[p[j] - 1] = j - 1;
}

static int
compare_pair (gconstpointer a,
              gconstpointer b)
{
  const ReadoutSentencePair *x = a, *y = b;

  return x->index_a < y->index_a ? -1 : x->index_a > y->index_a;
}

/**
 * readout_sentence_pairing_match:
 * @a: (array length=n_a): side A's sentences
 * @b: (array length=n_b): side B's sentences
 * @threshold: pairs less similar than this are not made
 *
 * The matching maximises the sum of (similarity − @threshold) over the pairs, so a
 * sentence stays unpaired rather than be paired with one that says something else. A tiny
 * tie-breaking term that depends on the two texts, never on their order or side, makes the
 * best matching unique, so swapping A and B gives the mirrored pairs.
 *
 * Returns: (transfer full) (element-type ReadoutSentencePair): the pairs, by index in A
 */
GArray *
readout_sentence_pairing_match (ReadoutSentencePairing *self,
                                const ReadoutSentence  *a,
                                guint                   n_a,
                                const ReadoutSentence  *b,
                                guint                   n_b,
                                double                  threshold)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (ReadoutSentencePair));
  g_autoptr(GHashTable) vocabulary = NULL;
  g_autofree Vector *va = NULL;
  g_autofree Vector *vb = NULL;
  g_autofree double *similarity = NULL;
  g_autofree double *cost = NULL;
  g_autofree guint *assignment = NULL;
  gboolean transposed;
  guint rows, columns;

  g_return_val_if_fail (self != NULL, pairs);

  if (n_a == 0 || n_b == 0)
    return pairs;

  vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  va = g_new0 (Vector, n_a);
  vb = g_new0 (Vector, n_b);
  for (guint i = 0; i < n_a; i++)
    vector_init (self, &va[i], vocabulary, &a[i]);
  for (guint j = 0; j < n_b; j++)
    vector_init (self, &vb[j], vocabulary, &b[j]);

  similarity = g_new (double, (gsize) n_a * n_b);
  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      similarity[(gsize) i * n_b + j] = vector_similarity (&va[i], &vb[j]);

  /* The algorithm wants no more rows than columns. */
  transposed = n_a > n_b;
  rows = transposed ? n_b : n_a;
  columns = transposed ? n_a : n_b;
  cost = g_new (double, (gsize) rows * columns);
  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        double s = similarity[(gsize) i * n_b + j];
        double gain = 0;

        if (s >= threshold)
          gain = (s - threshold) + 1e-9 + 1e-10 * ((va[i].hash ^ vb[j].hash) / (double) G_MAXUINT);

        if (transposed)
          cost[(gsize) j * columns + i] = -gain;
        else
          cost[(gsize) i * columns + j] = -gain;
      }

  assignment = g_new (guint, rows);
  hungarian (cost, rows, columns, assignment);

  for (guint r = 0; r < rows; r++)
    {
      ReadoutSentencePair pair;
      double s;

      pair.index_a = transposed ? assignment[r] : r;
      pair.index_b = transposed ? r : assignment[r];
      s = similarity[(gsize) pair.index_a * n_b + pair.index_b];
      if (s < threshold)
        continue;

      pair.similarity = s;
      g_array_append_val (pairs, pair);
    }
  g_array_sort (pairs, compare_pair);

  for (guint i = 0; i < n_a; i++)
    vector_clear (&va[i]);
  for (guint j = 0; j < n_b; j++)
    vector_clear (&vb[j]);

  return pairs;
}

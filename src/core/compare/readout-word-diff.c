// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-word-diff"

#include "config.h"

#include <string.h>

#include "readout-text.h"
#include "readout-word-diff.h"

/* Histogram diff (as in JGit) on token ids: strip the common head and tail, anchor on the
 * rarest word the two regions share, extend that match as far as it goes, and recurse on
 * both sides of it. Anchors are content words when there are any, so a shared "the" never
 * decides the alignment. A final pass ("semantic cleanup", after diff-match-patch) folds a
 * short run of shared stop-words that sits between two changes into the change. */

#define MAX_CHAIN 64        /* words more frequent than this in a region are no anchor */
#define MAX_DEPTH 4000      /* beyond this, a region is reported as changed as a whole */
#define CLEANUP_MAX_WORDS 3 /* the longest stop-word run that cleanup folds into a change */

typedef enum {
  OP_EQUAL,
  OP_CHANGE,
} OpKind;

typedef struct {
  OpKind kind;
  guint  a_lo, a_hi;
  guint  b_lo, b_hi;
} Op;

typedef struct {
  const guint  *a;
  const guint  *b;
  const guint8 *stop;   /* by token id */
  const char  **words;  /* by token id: the folded word */
  guint        *count;  /* by token id, zero between calls */
  guint        *head;   /* by token id: last occurrence in the region + 1, or 0 */
  guint        *chain;  /* by position in a: previous occurrence + 1, or 0 */
  GArray       *ops;
} Differ;

static void
emit (Differ *d,
      OpKind  kind,
      guint   a_lo,
      guint   a_hi,
      guint   b_lo,
      guint   b_hi)
{
  Op op = { kind, a_lo, a_hi, b_lo, b_hi };

  if (a_lo == a_hi && b_lo == b_hi)
    return;

  if (d->ops->len > 0)
    {
      Op *last = &g_array_index (d->ops, Op, d->ops->len - 1);

      if (last->kind == kind && last->a_hi == a_lo && last->b_hi == b_lo)
        {
          last->a_hi = a_hi;
          last->b_hi = b_hi;
          return;
        }
    }

  g_array_append_val (d->ops, op);
}

/* Between two equally good runs, the choice must not depend on which text is A, or
 * swapping the sides would not mirror the diff: decide by the runs' words, then by their
 * positions taken together. */
static gboolean
run_precedes (Differ *d,
              guint   as,
              guint   bs,
              guint   best_as,
              guint   best_bs)
{
  int order = strcmp (d->words[d->a[as]], d->words[d->a[best_as]]);

  if (order != 0)
    return order < 0;
  return as + bs < best_as + best_bs;
}

/* Finds the longest common run around the rarest shared word of the regions. */
static gboolean
find_anchor (Differ   *d,
             guint     a_lo,
             guint     a_hi,
             guint     b_lo,
             guint     b_hi,
             gboolean  content_only,
             guint    *anchor_a,
             guint    *anchor_b,
             guint    *anchor_length)
{
  guint best_count = MAX_CHAIN + 1;
  guint best_length = 0;

  for (guint i = a_lo; i < a_hi; i++)
    {
      guint t = d->a[i];

      d->count[t]++;
      d->chain[i] = d->head[t];
      d->head[t] = i + 1;
    }

  for (guint j = b_lo; j < b_hi; j++)
    {
      guint t = d->b[j];
      guint c = d->count[t];
      guint furthest = j + 1;

      if (c == 0 || c > best_count || (content_only && d->stop[t]))
        continue;

      for (guint ai = d->head[t]; ai != 0; ai = d->chain[ai - 1])
        {
          guint as = ai - 1, bs = j;
          guint ae = ai, be = j + 1;

          while (as > a_lo && bs > b_lo && d->a[as - 1] == d->b[bs - 1])
            as--, bs--;
          while (ae < a_hi && be < b_hi && d->a[ae] == d->b[be])
            ae++, be++;

          if (c < best_count || ae - as > best_length
              || (ae - as == best_length && run_precedes (d, as, bs, *anchor_a, *anchor_b)))
            {
              best_count = c;
              best_length = ae - as;
              *anchor_a = as;
              *anchor_b = bs;
            }
          furthest = MAX (furthest, be);
        }

      /* Positions inside a run just found would only find the same run again. */
      j = furthest - 1;
    }

  for (guint i = a_lo; i < a_hi; i++)
    {
      d->count[d->a[i]] = 0;
      d->head[d->a[i]] = 0;
    }

  *anchor_length = best_length;
  return best_length > 0;
}

static void
diff_region (Differ *d,
             guint   a_lo,
             guint   a_hi,
             guint   b_lo,
             guint   b_hi,
             guint   depth)
{
  guint prefix = 0, suffix = 0;
  guint anchor_a = 0, anchor_b = 0, anchor_length = 0;

  while (a_lo + prefix < a_hi && b_lo + prefix < b_hi
         && d->a[a_lo + prefix] == d->b[b_lo + prefix])
    prefix++;
  emit (d, OP_EQUAL, a_lo, a_lo + prefix, b_lo, b_lo + prefix);
  a_lo += prefix;
  b_lo += prefix;

  while (a_hi - suffix > a_lo && b_hi - suffix > b_lo
         && d->a[a_hi - suffix - 1] == d->b[b_hi - suffix - 1])
    suffix++;
  a_hi -= suffix;
  b_hi -= suffix;

  if (a_lo == a_hi || b_lo == b_hi || depth > MAX_DEPTH)
    emit (d, OP_CHANGE, a_lo, a_hi, b_lo, b_hi);
  else if (find_anchor (d, a_lo, a_hi, b_lo, b_hi, TRUE, &anchor_a, &anchor_b, &anchor_length)
           || find_anchor (d, a_lo, a_hi, b_lo, b_hi, FALSE, &anchor_a, &anchor_b, &anchor_length))
    {
      diff_region (d, a_lo, anchor_a, b_lo, anchor_b, depth + 1);
      emit (d, OP_EQUAL, anchor_a, anchor_a + anchor_length, anchor_b, anchor_b + anchor_length);
      diff_region (d, anchor_a + anchor_length, a_hi, anchor_b + anchor_length, b_hi, depth + 1);
    }
  else
    emit (d, OP_CHANGE, a_lo, a_hi, b_lo, b_hi);

  emit (d, OP_EQUAL, a_hi, a_hi + suffix, b_hi, b_hi + suffix);
}

static gboolean
all_stop_words (Differ   *d,
                const Op *op)
{
  for (guint i = op->a_lo; i < op->a_hi; i++)
    if (!d->stop[d->a[i]])
      return FALSE;
  return TRUE;
}

/* Folds short stop-word equalities between two changes into one change. */
static GArray *
semantic_cleanup (Differ *d)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Op), d->ops->len);

  for (guint k = 0; k < d->ops->len; k++)
    {
      Op op = g_array_index (d->ops, Op, k);
      Op *last = out->len > 0 ? &g_array_index (out, Op, out->len - 1) : NULL;

      if (op.kind == OP_EQUAL && last != NULL && last->kind == OP_CHANGE
          && k + 1 < d->ops->len && g_array_index (d->ops, Op, k + 1).kind == OP_CHANGE
          && op.a_hi - op.a_lo <= CLEANUP_MAX_WORDS && all_stop_words (d, &op))
        {
          last->a_hi = op.a_hi;
          last->b_hi = op.b_hi;
          continue;
        }

      if (op.kind == OP_CHANGE && last != NULL && last->kind == OP_CHANGE)
        {
          last->a_hi = op.a_hi;
          last->b_hi = op.b_hi;
          continue;
        }

      g_array_append_val (out, op);
    }

  return out;
}

static guint *
token_ids (GArray     *tokens,
           GHashTable *ids,
           GArray     *stop,
           GPtrArray  *words)
{
  guint *out = g_new (guint, MAX (tokens->len, 1));

  for (guint i = 0; i < tokens->len; i++)
    {
      ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);
      gpointer value;

      if (g_hash_table_lookup_extended (ids, token->folded, NULL, &value))
        out[i] = GPOINTER_TO_UINT (value);
      else
        {
          guint8 is_stop = (token->flags & READOUT_TOKEN_STOP_WORD) != 0;

          out[i] = g_hash_table_size (ids);
          g_hash_table_insert (ids, token->folded, GUINT_TO_POINTER (out[i]));
          g_array_append_val (stop, is_stop);
          g_ptr_array_add (words, token->folded);
        }
    }

  return out;
}

static void
range_bytes (GArray *tokens,
             guint   lo,
             guint   hi,
             gsize  *start,
             gsize  *end)
{
  if (lo < hi)
    {
      *start = g_array_index (tokens, ReadoutToken, lo).start;
      *end = g_array_index (tokens, ReadoutToken, hi - 1).end;
    }
  else if (lo < tokens->len)
    *start = *end = g_array_index (tokens, ReadoutToken, lo).start;
  else if (tokens->len > 0)
    *start = *end = g_array_index (tokens, ReadoutToken, tokens->len - 1).end;
  else
    *start = *end = 0;
}

/**
 * readout_word_diff:
 * @a: (nullable): UTF-8 text
 * @b: (nullable): UTF-8 text
 *
 * Returns: (transfer full) (element-type ReadoutWordDiffSpan): the spans of equal and
 *   differing words, in text order; in a change, the ONLY_A span comes first
 */
GArray *
readout_word_diff (const char *a,
                   const char *b)
{
  g_autoptr(GArray) tokens_a = readout_text_tokenize (a, -1);
  g_autoptr(GArray) tokens_b = readout_text_tokenize (b, -1);

  return readout_word_diff_tokens (tokens_a, tokens_b);
}

/**
 * readout_word_diff_tokens:
 * @tokens_a: (element-type ReadoutToken): the tokens of text A (readout_text_tokenize())
 * @tokens_b: (element-type ReadoutToken): the tokens of text B
 *
 * Like readout_word_diff(), for callers that already have the tokens.
 *
 * Returns: (transfer full) (element-type ReadoutWordDiffSpan): the spans
 */
GArray *
readout_word_diff_tokens (GArray *tokens_a,
                          GArray *tokens_b)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) stop = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree guint *ids_a = token_ids (tokens_a, ids, stop, words);
  g_autofree guint *ids_b = token_ids (tokens_b, ids, stop, words);
  guint n_ids = MAX (g_hash_table_size (ids), 1);
  g_autofree guint *count = g_new0 (guint, n_ids);
  g_autofree guint *head = g_new0 (guint, n_ids);
  g_autofree guint *chain = g_new0 (guint, MAX (tokens_a->len, 1));
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_autoptr(GArray) clean = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ReadoutWordDiffSpan));
  Differ d = { ids_a, ids_b, (const guint8 *) stop->data, (const char **) words->pdata,
               count, head, chain, ops };

  diff_region (&d, 0, tokens_a->len, 0, tokens_b->len, 0);
  clean = semantic_cleanup (&d);

  for (guint k = 0; k < clean->len; k++)
    {
      const Op *op = &g_array_index (clean, Op, k);
      ReadoutWordDiffSpan span = { 0, };

      range_bytes (tokens_a, op->a_lo, op->a_hi, &span.a_start, &span.a_end);
      range_bytes (tokens_b, op->b_lo, op->b_hi, &span.b_start, &span.b_end);

      if (op->kind == OP_EQUAL)
        {
          span.op = READOUT_WORD_DIFF_EQUAL;
          span.n_words_a = op->a_hi - op->a_lo;
          span.n_words_b = op->b_hi - op->b_lo;
          g_array_append_val (spans, span);
          continue;
        }

      if (op->a_hi > op->a_lo)
        {
          ReadoutWordDiffSpan only_a = span;

          only_a.op = READOUT_WORD_DIFF_ONLY_A;
          only_a.b_end = only_a.b_start;
          only_a.n_words_a = op->a_hi - op->a_lo;
          g_array_append_val (spans, only_a);
        }
      if (op->b_hi > op->b_lo)
        {
          ReadoutWordDiffSpan only_b = span;

          only_b.op = READOUT_WORD_DIFF_ONLY_B;
          only_b.a_start = only_b.a_end;
          only_b.n_words_b = op->b_hi - op->b_lo;
          g_array_append_val (spans, only_b);
        }
    }

  return spans;
}

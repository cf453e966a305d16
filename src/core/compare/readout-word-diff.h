// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word-level diff of two texts, for marking the words that only one of two paired
 * sentences uses. Words are compared by their folded form (see readout-text.h), so case
 * and punctuation never count as a difference. The diff anchors on content words first
 * (histogram diff) and then gives up coincidental matches of a few stop-words between two
 * changes, so "the" and "of" do not cut a rewritten phrase into pieces. */

typedef enum {
  READOUT_WORD_DIFF_EQUAL,   /* the same words in both texts */
  READOUT_WORD_DIFF_ONLY_A,  /* words of text A that text B does not have here */
  READOUT_WORD_DIFF_ONLY_B,  /* words of text B that text A does not have here */
} ReadoutWordDiffOp;

typedef struct {
  ReadoutWordDiffOp op;
  /* Byte ranges in the original texts, from the start of the first word of the span to
   * the end of its last word; empty (start == end) on the side an ONLY_ span is not in,
   * placed where the other side's words would go. */
  gsize a_start;
  gsize a_end;
  gsize b_start;
  gsize b_end;
  guint n_words_a;
  guint n_words_b;
} ReadoutWordDiffSpan;

GArray *readout_word_diff        (const char *a,
                                  const char *b);
GArray *readout_word_diff_tokens (GArray     *tokens_a,
                                  GArray     *tokens_b);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pairs the sentences of side A with the sentences of side B that say the most similar
 * thing: TF-IDF cosine over content words (IDF fitted on the documents added with
 * readout_sentence_pairing_add_document(), so boilerplate weighs little and stop-words
 * nothing), plus a bonus for shared topics and shared names and numbers. The pairs are a
 * maximum-weight matching in which a sentence may stay unpaired, and the result does not
 * depend on which side is A. */

typedef struct _ReadoutSentencePairing ReadoutSentencePairing;

typedef struct {
  const char         *text;
  const char * const *topics;  /* nullable */
  GArray             *tokens;  /* nullable: the tokens of @text, if the caller has them */
} ReadoutSentence;

typedef struct {
  guint  index_a;
  guint  index_b;
  double similarity;  /* 0 to 1 */
} ReadoutSentencePair;

#define READOUT_SENTENCE_PAIRING_DEFAULT_THRESHOLD 0.12

ReadoutSentencePairing *readout_sentence_pairing_new          (void);
void                    readout_sentence_pairing_free         (ReadoutSentencePairing *self);
void                    readout_sentence_pairing_add_document (ReadoutSentencePairing *self,
                                                               const char             *text);
void                    readout_sentence_pairing_add_tokens   (ReadoutSentencePairing *self,
                                                               GArray                 *tokens);
double                  readout_sentence_pairing_similarity   (ReadoutSentencePairing *self,
                                                               const ReadoutSentence  *a,
                                                               const ReadoutSentence  *b);
GArray                 *readout_sentence_pairing_match        (ReadoutSentencePairing *self,
                                                               const ReadoutSentence  *a,
                                                               guint                   n_a,
                                                               const ReadoutSentence  *b,
                                                               guint                   n_b,
                                                               double                  threshold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutSentencePairing, readout_sentence_pairing_free)

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Word tokens of UTF-8 text, shared by topic tagging, the word diff and sentence pairing.
 *
 * A token is a run of letters and digits (with their combining marks); an apostrophe or
 * hyphen between two letters stays inside ("don't", "al-Qaeda"), and so does a point or
 * comma between two digits ("3.5", "1,000"). Each CJK ideograph is a token of its own,
 * because those scripts do not separate words with spaces. Everything else (spaces,
 * punctuation, symbols) separates tokens and is never a token.
 *
 * The folded form of a token is what comparisons use: case-folded, NFKC-normalised,
 * typographic apostrophes and hyphens made ASCII, and Russian "ё" written "е" (Russian
 * prose writes both for the same word). */

typedef enum {
  READOUT_TOKEN_CAPITALISED = 1 << 0, /* starts with an upper-case or title-case letter */
  READOUT_TOKEN_NUMBER      = 1 << 1, /* starts with a digit */
  READOUT_TOKEN_IDEOGRAPH   = 1 << 2, /* a single CJK ideograph */
  READOUT_TOKEN_STOP_WORD   = 1 << 3, /* a function word (readout_text_is_stop_word()) */
} ReadoutTokenFlags;

typedef struct {
  gsize              start;  /* byte offset of the token in the original text */
  gsize              end;    /* byte offset just past it */
  char              *folded; /* owned by the array */
  ReadoutTokenFlags  flags;
} ReadoutToken;

GArray   *readout_text_tokenize        (const char *text,
                                        gssize      length);
gboolean  readout_text_next_token      (const char *text,
                                        gsize       length,
                                        gsize      *pos,
                                        gsize      *start,
                                        gsize      *end);
char     *readout_text_fold            (const char *word,
                                        gssize      length);
gsize     readout_text_fold_to_buffer  (const char *word,
                                        gsize       length,
                                        char       *buffer,
                                        gsize       size);
gboolean  readout_text_is_stop_word    (const char *folded);
gboolean  readout_text_is_report_word  (const char *folded);
gboolean  readout_text_is_ideograph    (gunichar    c);

G_END_DECLS

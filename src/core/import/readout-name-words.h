// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words of a name or title as keys: casefolded, "ё" as "е", punctuation dropped
 * ("H.E." is "h" "e", "Касым-Жомарт" "касым" "жомарт", "D'Alema" one word), Russian words
 * with @stem reduced to a stem that every case form shares ("Мирзиёевым", "Мирзиёев"
 * -> "мирзиеев"). Returns a NULL-terminated vector. */
char  **readout_name_words        (const char         *text,
                                   gboolean            stem);
/* The words of @text as written, punctuation dropped; NULL-terminated. */
char  **readout_name_tokens       (const char         *text);
/* One word of readout_name_tokens() folded as readout_name_words() does. */
char   *readout_name_fold         (const char         *token,
                                   gboolean            stem);
/* The stem of one folded word: Cyrillic endings stripped while two letters remain ("Ыном" -> "ын"). */
char   *readout_name_word_stem    (const char         *folded);
/* @n_words words from @words joined by spaces; in sorted order when @sorted, so that
 * "Kishida Fumio" and "Fumio Kishida" give one key. */
char   *readout_name_key          (const char * const *words,
                                   guint               n_words,
                                   gboolean            sorted);
/* Whether @text has a Cyrillic letter. */
gboolean readout_name_is_cyrillic (const char         *text);
/* @text in Latin letters by ICU's Russian-Latin/BGN, plain ASCII ("Шавкат Мирзиёев" ->
 * "Shavkat Mirziyeev"); NULL when ICU cannot. */
char   *readout_name_transliterate (const char        *text);

G_END_DECLS

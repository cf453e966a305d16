// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-name-words"

#include "config.h"

#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "readout-name-words.h"

/* Russian case and adjective endings, longest first. Stripping them again and again (down to two letters: "Ким Чен Ыном")
 * makes every case of a name meet at one stem ("Андреем" -> "андре" -> "андр",
 * "Андрей" -> "андр"); over-stemmed keys only ever meet other whole-name keys. */
static const char * const endings[] = {
  "иями", "ями", "ами", "ыми", "ими", "ого", "его", "ому", "ему", "ых", "их", "ой", "ей", "ий",
  "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ым", "им", "ом", "ем", "ам", "ям", "ах", "ях",
  "ов", "ев", "ою", "ею", "а", "я", "у", "ю", "е", "ы", "и", "ь", "й", "о",
};

gboolean
readout_name_is_cyrillic (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x400 && c <= 0x4FF)
        return TRUE;
    }
  return FALSE;
}

char *
readout_name_word_stem (const char *folded)
{
  g_autofree char *stem = g_strdup (folded);
  gboolean stripped = TRUE;

  if (!readout_name_is_cyrillic (folded))
    return g_steal_pointer (&stem);
  while (stripped)
    {
      glong n = g_utf8_strlen (stem, -1);

      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (endings) && !stripped; i++)
        {
          glong len = g_utf8_strlen (endings[i], -1);

          if (n - len >= 2 && g_str_has_suffix (stem, endings[i]))
            {
              stem[strlen (stem) - strlen (endings[i])] = '\0';
              stripped = TRUE;
            }
        }
    }
  return g_steal_pointer (&stem);
}

/* A letter, digit or an apostrophe inside a word: "D'Alema", "O’Neill". A hyphen parts
 * words, so that "Lee Jae Myung" is "Lee Jae-myung" and "Vice-President" "Vice President". */
static gboolean
is_word_char (const char *p,
              const char *start)
{
  gunichar c = g_utf8_get_char (p);

  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return TRUE;
  if (c == '\'' || c == 0x2019)
    {
      const char *next = g_utf8_next_char (p);

      return p > start && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))) &&
             g_unichar_isalnum (g_utf8_get_char (next));
    }
  return FALSE;
}

/* Whether @text has a letter with a Latin accent to drop ("é", or "e" and a mark). */
static gboolean
has_latin_accent (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xC0 && c < 0x400) || g_unichar_ismark (c))
        return TRUE;
    }
  return FALSE;
}

static char *
fold_word (const char *start,
           const char *end)
{
  g_autofree char *folded = g_utf8_casefold (start, end - start);
  g_autofree char *decomposed = NULL;
  GString *out = g_string_new (NULL);
  gunichar base = 0;

  /* Latin accents are often left out ("Lopez Obrador", "Nauseda"): dropped; Cyrillic
   * ones are letters ("й"). "ё" is often written "е"; the apostrophe has two forms. */
  if (has_latin_accent (folded))
    decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  for (const char *p = decomposed != NULL ? decomposed : folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) && base < 0x400)
        continue;
      if (!g_unichar_ismark (c))
        base = c;
      if (c == 0x451)
        c = 0x435;
      else if (c == 0x2019)
        c = '\'';
      g_string_append_unichar (out, c);
    }
  if (decomposed == NULL)
    return g_string_free (out, FALSE);
  g_free (folded);
  folded = g_string_free (out, FALSE);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

char **
readout_name_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new ();
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (p, text))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (p, text))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (tokens, FALSE);
}

char *
readout_name_fold (const char *token,
                   gboolean    stem)
{
  g_autofree char *folded = fold_word (token, token + strlen (token));

  return stem ? readout_name_word_stem (folded) : g_steal_pointer (&folded);
}

char **
readout_name_words (const char *text,
                    gboolean    stem)
{
  char **words = readout_name_tokens (text);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *folded = readout_name_fold (words[i], stem);

      g_free (words[i]);
      words[i] = folded;
    }
  return words;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
readout_name_key (const char * const *words,
                  guint               n_words,
                  gboolean            sorted)
{
  g_autofree const char **copy = g_new0 (const char *, n_words + 1);

  memcpy (copy, words, n_words * sizeof (char *));
  if (sorted)
    qsort (copy, n_words, sizeof (char *), compare_words);
  return g_strjoinv (" ", (char **) copy);
}

char *
readout_name_transliterate (const char *text)
{
  /* BGN's primes for the hard and soft signs are dropped, then the diacritics ("ë"). */
  static const char id[] = "Russian-Latin/BGN; [\\u02B9\\u02BA] Remove; Latin-ASCII";
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *trans;
  g_autofree UChar *uid = NULL;
  g_autofree UChar *buffer = NULL;
  int32_t length = 0, capacity, limit;
  char *out = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  u_strFromUTF8 (NULL, 0, &length, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  /* Latin may take three letters for one ("щ" -> "shch"). */
  capacity = length * 4 + 16;
  buffer = g_new0 (UChar, capacity);
  u_strFromUTF8 (buffer, capacity, &length, text, -1, &status);
  uid = g_new0 (UChar, sizeof id);
  u_uastrcpy (uid, id);
  trans = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    return NULL;
  limit = length;
  utrans_transUChars (trans, buffer, &length, capacity, 0, &limit, &status);
  utrans_close (trans);
  if (U_SUCCESS (status))
    {
      int32_t bytes = 0;

      u_strToUTF8 (NULL, 0, &bytes, buffer, length, &status);
      status = U_ZERO_ERROR;
      out = g_malloc0 (bytes + 1);
      u_strToUTF8 (out, bytes + 1, NULL, buffer, length, &status);
    }
  if (U_FAILURE (status))
    g_clear_pointer (&out, g_free);
  return out;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-text"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "readout-text.h"

/* Word lists are data files, one per language (data/words/), so a language is added
 * without touching the code. */
#define WORDS_RESOURCE "/io/github/readout/Readout/core/words/"

static const char * const word_list_languages[] = { "en", "ru" };

gboolean
readout_text_is_ideograph (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF)     /* CJK Unified Ideographs */
      || (c >= 0x3400 && c <= 0x4DBF)     /* Extension A */
      || (c >= 0xF900 && c <= 0xFAFF)     /* Compatibility Ideographs */
      || (c >= 0x20000 && c <= 0x3134F);  /* Extensions B to G */
}

static inline gunichar
char_at (const char *text,
         gsize       pos,
         gsize      *next)
{
  guchar b = (guchar) text[pos];

  if (b < 0x80)
    {
      *next = pos + 1;
      return b;
    }

  *next = (gsize) (g_utf8_next_char (text + pos) - text);
  return g_utf8_get_char (text + pos);
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_digit (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isdigit (c);
  return g_unichar_isdigit (c);
}

/* Characters that join two word characters into one token: apostrophes ("don't",
 * "Korea's"), hyphens ("al-Qaeda"), and the zero-width (non-)joiners of Persian and
 * Indic scripts. */
static inline gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011
      || c == 0x200C || c == 0x200D;
}

/**
 * readout_text_next_token:
 * @text: valid UTF-8
 * @length: the length of @text in bytes
 * @pos: (inout): where to start looking; on return, where to look for the next token
 * @start: (out): the byte offset of the token found
 * @end: (out): the byte offset just past it
 *
 * Finds the next token without allocating anything, for the hot loops of tagging.
 *
 * Returns: %FALSE when @text has no more tokens
 */
gboolean
readout_text_next_token (const char *text,
                         gsize       length,
                         gsize      *pos,
                         gsize      *start,
                         gsize      *end)
{
  gsize p = *pos;

  while (p < length)
    {
      gsize next;
      gunichar c = char_at (text, p, &next);
      gboolean last_digit;

      if (c >= 0x80 && readout_text_is_ideograph (c))
        {
          *start = p;
          *end = *pos = next;
          return TRUE;
        }

      /* A combining mark with no letter before it is not a word. */
      if (c < 0x80 ? !g_ascii_isalnum (c) : !g_unichar_isalnum (c))
        {
          p = next;
          continue;
        }

      *start = p;
      last_digit = is_digit (c);
      p = next;

      while (p < length)
        {
          gunichar d = char_at (text, p, &next);

          if (d >= 0x80 && readout_text_is_ideograph (d))
            break;

          if (is_word_char (d))
            {
              last_digit = is_digit (d);
              p = next;
              continue;
            }

          if (next < length && (is_joiner (d) || ((d == '.' || d == ',') && last_digit)))
            {
              gsize after;
              gunichar e = char_at (text, next, &after);
              gboolean joins;

              if (is_joiner (d))
                joins = (e < 0x80 ? g_ascii_isalnum (e) : g_unichar_isalnum (e))
                        && !readout_text_is_ideograph (e);
              else
                joins = is_digit (e);

              if (joins)
                {
                  p = next;
                  continue;
                }
            }

          break;
        }

      *end = *pos = p;
      return TRUE;
    }

  *pos = p;
  return FALSE;
}

/* Replaces "ё" by "е" in place: both are two bytes in UTF-8. */
static void
fold_yo (char *s,
         gsize length)
{
  for (gsize i = 0; i + 1 < length; i++)
    {
      if ((guchar) s[i] == 0xD1 && (guchar) s[i + 1] == 0x91)
        {
          s[i] = (char) 0xD0;
          s[i + 1] = (char) 0xB5;
          i++;
        }
    }
}

static char *
fold_slow (const char *word,
           gsize       length,
           gsize      *folded_length)
{
  g_autoptr(GString) mapped = g_string_sized_new (length);
  g_autofree char *casefolded = NULL;
  char *normalized;
  const char *p = word;
  const char *end = word + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019)
        g_string_append_c (mapped, '\'');
      else if (c == 0x2010 || c == 0x2011)
        g_string_append_c (mapped, '-');
      else if (c != 0x200C && c != 0x200D)
        g_string_append_unichar (mapped, c);

      p = g_utf8_next_char (p);
    }

  casefolded = g_utf8_casefold (mapped->str, (gssize) mapped->len);
  normalized = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    normalized = g_strdup (casefolded);

  *folded_length = strlen (normalized);
  fold_yo (normalized, *folded_length);
  return normalized;
}

/* The fast path covers ASCII and the Russian alphabet, the text of nearly every statement:
 * there, simple case mapping equals full case folding and NFKC changes nothing, and the
 * result is never longer than the input. Anything else takes the GLib route. */
static gboolean
fold_fast (const char *word,
           gsize       length,
           char       *out,
           gsize      *out_length)
{
  gsize o = 0;

  for (gsize i = 0; i < length;)
    {
      guchar b = (guchar) word[i];

      if (b < 0x80)
        {
          out[o++] = g_ascii_tolower (b);
          i++;
        }
      else if ((b == 0xD0 || b == 0xD1) && i + 1 < length)
        {
          gunichar c = ((gunichar) (b & 0x1F) << 6) | ((guchar) word[i + 1] & 0x3F);

          if (c > 0x45F)
            return FALSE;
          if (c < 0x410)
            c += 0x50;
          else if (c < 0x430)
            c += 0x20;
          if (c == 0x451)
            c = 0x435;

          out[o++] = (char) (0xC0 | (c >> 6));
          out[o++] = (char) (0x80 | (c & 0x3F));
          i += 2;
        }
      else if (b == 0xE2 && i + 2 < length && (guchar) word[i + 1] == 0x80)
        {
          guchar b2 = (guchar) word[i + 2];

          if (b2 == 0x99)
            out[o++] = '\'';
          else if (b2 == 0x90 || b2 == 0x91)
            out[o++] = '-';
          else if (b2 != 0x8C && b2 != 0x8D)
            return FALSE;
          i += 3;
        }
      else
        return FALSE;
    }

  *out_length = o;
  return TRUE;
}

/**
 * readout_text_fold_to_buffer:
 * @word: valid UTF-8
 * @length: its length in bytes
 * @buffer: where to write the folded form, NUL-terminated
 * @size: the size of @buffer
 *
 * Folds @word into @buffer as snprintf() would: when the result is @size or longer, the
 * buffer holds a truncated copy. Allocates nothing for English and Russian words that fit.
 *
 * Returns: the length of the whole folded form
 */
gsize
readout_text_fold_to_buffer (const char *word,
                             gsize       length,
                             char       *buffer,
                             gsize       size)
{
  g_autofree char *slow = NULL;
  gsize folded_length;

  g_return_val_if_fail (word != NULL, 0);
  g_return_val_if_fail (buffer != NULL && size > 0, 0);

  if (length < size && fold_fast (word, length, buffer, &folded_length))
    {
      buffer[folded_length] = '\0';
      return folded_length;
    }

  slow = fold_slow (word, length, &folded_length);
  g_strlcpy (buffer, slow, size);
  return folded_length;
}

/**
 * readout_text_fold:
 * @word: valid UTF-8
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * Returns: (transfer full): the folded form of @word
 */
char *
readout_text_fold (const char *word,
                   gssize      length)
{
  gsize len;
  gsize folded_length;
  char *out;

  g_return_val_if_fail (word != NULL, NULL);

  len = length < 0 ? strlen (word) : (gsize) length;
  out = g_malloc (len + 1);
  if (fold_fast (word, len, out, &folded_length))
    {
      out[folded_length] = '\0';
      return out;
    }

  g_free (out);
  return fold_slow (word, len, &folded_length);
}

/* Adds the folded words of the resource @name, one a line, "#" starting a comment. */
static void
add_word_list (GHashTable *table,
               const char *name)
{
  g_autofree char *path = g_strconcat (WORDS_RESOURCE, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;

  /* The lists are compiled into the core: missing, they are a broken build. */
  g_assert (bytes != NULL);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *word = g_strstrip (lines[i]);

      if (*word != '\0' && *word != '#')
        g_hash_table_add (table, readout_text_fold (word, -1));
    }
}

/* The words of the lists @prefix-LANG.txt of every language. */
static GHashTable *
load_word_lists (const char *prefix)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (word_list_languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.txt", prefix, word_list_languages[i]);

      add_word_list (table, name);
    }
  return table;
}

static GHashTable *
get_stop_words (void)
{
  static GHashTable *set = NULL;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, load_word_lists ("stop"));

  return set;
}

/**
 * readout_text_is_stop_word:
 * @folded: a folded token (see readout_text_fold())
 *
 * Returns: whether @folded is a common function word of a language Readout has a list
 *   for (data/words/stop-LANG.txt)
 */
gboolean
readout_text_is_stop_word (const char *folded)
{
  g_return_val_if_fail (folded != NULL, FALSE);

  return g_hash_table_contains (get_stop_words (), folded);
}

/**
 * readout_text_is_report_word:
 * @folded: a folded token
 *
 * Returns: whether @folded is a word any report of a call uses (a month, a day, "call",
 *   "discussed"; data/words/summary-LANG.txt), which says nothing of what one side
 *   stressed
 */
gboolean
readout_text_is_report_word (const char *folded)
{
  static GHashTable *set = NULL;

  g_return_val_if_fail (folded != NULL, FALSE);

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, load_word_lists ("summary"));

  return g_hash_table_contains (set, folded);
}

static void
clear_token (gpointer data)
{
  ReadoutToken *token = data;

  g_clear_pointer (&token->folded, g_free);
}

/**
 * readout_text_tokenize:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * Returns: (transfer full) (element-type ReadoutToken): the tokens of @text in order,
 *   with their byte offsets and folded forms; the array frees the folded strings
 */
GArray *
readout_text_tokenize (const char *text,
                       gssize      length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (ReadoutToken));
  gsize len;
  gsize pos = 0;
  gsize start, end;

  g_array_set_clear_func (tokens, clear_token);

  if (text == NULL)
    return tokens;

  len = length < 0 ? strlen (text) : (gsize) length;
  g_return_val_if_fail (g_utf8_validate (text, (gssize) len, NULL), tokens);

  while (readout_text_next_token (text, len, &pos, &start, &end))
    {
      ReadoutToken token;
      gunichar first = g_utf8_get_char (text + start);

      token.start = start;
      token.end = end;
      token.folded = readout_text_fold (text + start, (gssize) (end - start));
      token.flags = 0;

      if (g_unichar_isupper (first) || g_unichar_istitle (first))
        token.flags |= READOUT_TOKEN_CAPITALISED;
      if (is_digit (first))
        token.flags |= READOUT_TOKEN_NUMBER;
      if (readout_text_is_ideograph (first))
        token.flags |= READOUT_TOKEN_IDEOGRAPH;
      if (readout_text_is_stop_word (token.folded))
        token.flags |= READOUT_TOKEN_STOP_WORD;

      g_array_append_val (tokens, token);
    }

  return tokens;
}

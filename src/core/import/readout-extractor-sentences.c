// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <string.h>

#include "readout-extractor-private.h"

/* Reading: the text as tokens, grouped into sentences and paragraphs. */

gboolean
extractor_in_list (const char * const *list,
                   const char         *word)
{
  /* Every word list is static: each becomes a hash set the first time it is asked, since
   * the rules ask about every token of every text. */
  static GMutex lock;
  static GHashTable *sets;   /* list -> GHashTable of its words */
  GHashTable *set;

  g_mutex_lock (&lock);
  if (sets == NULL)
    sets = g_hash_table_new (NULL, NULL);
  set = g_hash_table_lookup (sets, list);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; list[i] != NULL; i++)
        g_hash_table_add (set, (gpointer) list[i]);
      g_hash_table_insert (sets, (gpointer) list, set);
    }
  g_mutex_unlock (&lock);
  return g_hash_table_contains (set, word);
}

gboolean
extractor_has_prefix_in_list (const char * const *list,
                              const char         *word)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (word, list[i]))
      return TRUE;
  return FALSE;
}

gboolean
extractor_is_cyrillic_word (const char *word)
{
  gunichar c = g_utf8_get_char (word);
  return c >= 0x400 && c <= 0x4FF;
}

/* The stem of a Russian name form: names decline ("Трамп", "Трампом", "Путиным",
 * "Ангелой"), so they are matched by their stem plus at most three letters. */
static char *
russian_stem (const char *folded)
{
  glong n = g_utf8_strlen (folded, -1);
  const char *last;
  gunichar c;

  if (n < 4)
    return g_strdup (folded);
  last = g_utf8_offset_to_pointer (folded, n - 1);
  c = g_utf8_get_char (last);
  if ((c == 0x430 || c == 0x44F || c == 0x43E || c == 0x435 || c == 0x451 ||
                c == 0x438 || c == 0x44B || c == 0x443 || c == 0x44E || c == 0x439 ||
                c == 0x44C))
    return g_strndup (folded, last - folded);
  return g_strdup (folded);
}

gboolean
extractor_word_matches (const char *form_word,
                        const char *token)
{
  if (g_str_equal (form_word, token))
    return TRUE;
  if (extractor_is_cyrillic_word (form_word) && g_str_has_prefix (token, form_word))
    return g_utf8_strlen (token + strlen (form_word), -1) <= 3;
  return FALSE;
}

char **
extractor_fold_words (const char *phrase)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GArray) tokens = readout_text_tokenize (phrase, -1);

  for (guint i = 0; i < tokens->len; i++)
    {
      ReadoutToken *t = &g_array_index (tokens, ReadoutToken, i);
      char *word = g_strdup (t->folded);

      /* "U.S." is one word in texts: keep it so. */
      if (g_str_equal (word, "u") && i + 1 < tokens->len &&
          g_str_equal (g_array_index (tokens, ReadoutToken, i + 1).folded, "s") &&
          phrase[t->end] == '.')
        {
          g_free (word);
          word = g_strdup ("u.s.");
          i++;
        }
      if (extractor_is_cyrillic_word (word))
        {
          char *stem = russian_stem (word);
          g_free (word);
          word = stem;
        }
      g_ptr_array_add (words, word);
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* Only spaces between two tokens (no comma, no dash, no quote). */
gboolean
extractor_gap_is_space (Work  *w,
                        guint  a,
                        guint  b)
{
  for (gsize p = tok_at (w, a)->end; p < tok_at (w, b)->start; p++)
    if (!g_ascii_isspace (w->text[p]))
      return FALSE;
  return TRUE;
}

gboolean
extractor_gap_is_comma (Work  *w,
                        guint  a,
                        guint  b)
{
  gboolean comma = FALSE;

  for (gsize p = tok_at (w, a)->end; p < tok_at (w, b)->start; p++)
    {
      if (w->text[p] == ',')
        comma = TRUE;
      else if (!g_ascii_isspace (w->text[p]))
        return FALSE;
    }
  return comma;
}

void
extractor_tokenize (Work *w)
{
  w->raw_tokens = readout_text_tokenize (w->text, w->length);
  w->strings = g_string_chunk_new (4096);
  w->toks = g_array_sized_new (FALSE, TRUE, sizeof (Tok), w->raw_tokens->len);

  for (guint i = 0; i < w->raw_tokens->len; i++)
    {
      ReadoutToken *t = &g_array_index (w->raw_tokens, ReadoutToken, i);
      Tok tok = { t->start, t->end, t->folded, 0, 0, 0 };
      gsize n = strlen (t->folded);

      tok.upper = (t->flags & READOUT_TOKEN_CAPITALISED) != 0;
      tok.number = (t->flags & READOUT_TOKEN_NUMBER) != 0;
      tok.cyrillic = extractor_is_cyrillic_word (t->folded);

      /* "U.S." */
      if (g_str_equal (t->folded, "u") && i + 1 < w->raw_tokens->len &&
          g_str_equal (g_array_index (w->raw_tokens, ReadoutToken, i + 1).folded, "s") &&
          t->end < w->length && w->text[t->end] == '.' &&
          g_array_index (w->raw_tokens, ReadoutToken, i + 1).start == t->end + 1)
        {
          tok.folded = "u.s.";
          tok.end = g_array_index (w->raw_tokens, ReadoutToken, i + 1).end;
          if (tok.end < w->length && w->text[tok.end] == '.')
            tok.end++;
          i++;
        }
      /* "Putin's" names Putin. */
      else if (n > 2 && g_str_has_suffix (t->folded, "'s"))
        tok.folded = g_string_chunk_insert_len (w->strings, t->folded, n - 2);

      g_array_append_val (w->toks, tok);
    }
}

static gboolean
is_abbreviation (const char *text,
                 gsize       start,
                 gsize       dot)
{
  static const char * const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "lt", "col", "no", "vs", "jr",
    "sr", "prof", "e.g", "i.e", "г", "гг", "т", "д", "им", "ул", "corp", "inc", "co", "messrs",
    "hon", "honorable", "honourable", NULL,
  };
  gsize ws = dot;
  g_autofree char *word = NULL;

  while (ws > start && (g_ascii_isalpha (text[ws - 1]) || (guchar) text[ws - 1] >= 0x80))
    ws--;
  if (ws == dot)
    return FALSE;
  /* An initial: "J. Smith", and the last letter of "U.S.". */
  if (dot - ws == 1 && g_ascii_isupper (text[ws]))
    return TRUE;
  word = g_utf8_strdown (text + ws, dot - ws);
  return extractor_in_list (abbreviations, word);
}

/* "21. Dezember 2021": a German day's full stop, followed by its month. */
static gboolean
is_german_day (const char *text,
               gsize       start,
               gsize       dot,
               gsize       next,
               gsize       end)
{
  gsize ws = dot, we = next;
  g_autofree char *word = NULL;

  while (ws > start && g_ascii_isdigit (text[ws - 1]))
    ws--;
  if (dot - ws < 1 || dot - ws > 2 || (ws > start && text[ws - 1] != ' ' && text[ws - 1] != '\n'))
    return FALSE;
  while (we < end && (g_ascii_isalpha (text[we]) || (guchar) text[we] >= 0x80))
    we++;
  word = g_utf8_strdown (text + next, we - next);
  return extractor_month_of (word) > 0 && !extractor_is_cyrillic_word (word);
}

static Where
classify_paragraph (const char *p,
                    gsize       length,
                    guint       index)
{
  g_autofree char *copy = g_strndup (p, length);
  gboolean terminal = length > 0 && strchr (".!?\"”»:", p[length - 1]) != NULL;

  if (strstr (copy, "Photo by") != NULL || strstr (copy, "License Photo") != NULL ||
      strstr (copy, "Photo:") != NULL || strstr (copy, "(Photo") != NULL ||
      strstr (copy, "File photo") != NULL || strstr (copy, "Фото:") != NULL ||
      g_str_has_prefix (copy, "Caption:") || strstr (copy, "Image:") != NULL)
    return WHERE_CAPTION;
  if (index == 0 && !terminal && length < 250)
    return WHERE_TITLE;
  if (!terminal && length < 80)
    return WHERE_OTHER;
  return WHERE_TEXT;
}

/* The length of a sentence's end mark at @i ("." "!" "?" "…"), 0 if there is none. */
static gsize
end_mark_at (const char *text,
             gsize       i,
             gsize       pe)
{
  if (text[i] == '.' || text[i] == '!' || text[i] == '?')
    return 1;
  if ((guchar) text[i] == 0xE2 && i + 2 < pe && (guchar) text[i + 1] == 0x80 &&
      (guchar) text[i + 2] == 0xA6)
    return 3;
  return 0;
}

/* Closing quotes and brackets belong to the sentence they close: past them from @j. */
static gsize
skip_closers (const char *text,
              gsize       j,
              gsize       pe)
{
  while (j < pe && (text[j] == '"' || text[j] == '\'' || text[j] == ')' ||
                    (j + 2 < pe && (guchar) text[j] == 0xE2 && (guchar) text[j + 1] == 0x80 &&
                     ((guchar) text[j + 2] == 0x9D || (guchar) text[j + 2] == 0x99)) ||
                    (j + 1 < pe && (guchar) text[j] == 0xC2 && (guchar) text[j + 1] == 0xBB)))
    j += ((guchar) text[j] == 0xE2) ? 3 : ((guchar) text[j] == 0xC2 ? 2 : 1);
  return j;
}

/* Whether the mark at @i ends the sentence begun at @start, the next one starting at @k
 * (after spaces from @j): not an abbreviation or a German day, and the next sentence
 * opens like one. */
static gboolean
ends_sentence (const char *text,
               gsize       start,
               gsize       i,
               gsize       j,
               gsize       k,
               gsize       pe)
{
  gunichar next;

  if (!(k > j && k < pe && (text[i] != '.' || !is_abbreviation (text, start, i)) &&
        !(text[i] == '.' && is_german_day (text, start, i, k, pe))))
    return FALSE;
  next = g_utf8_get_char_validated (text + k, pe - k);
  return next != (gunichar) -1 && next != (gunichar) -2 &&
         (g_unichar_isupper (next) || g_unichar_isdigit (next) || next == '"' ||
          next == 0x201C || next == 0xAB || next == '(' || next == 0x2014 || next == '-');
}

/* The sentences of the paragraph [ps, pe). */
static void
split_paragraph (Work  *w,
                 gsize  ps,
                 gsize  pe,
                 Where  where)
{
  const char *text = w->text;
  gsize start = ps;
  gsize i = ps;

  while (i < pe)
    {
      gsize mark = end_mark_at (text, i, pe);
      gsize j = i + (mark > 0 ? mark : 1);

      if (mark > 0)
        {
          gsize k;

          j = skip_closers (text, j, pe);
          k = j;
          while (k < pe && text[k] == ' ')
            k++;
          if (ends_sentence (text, start, i, j, k, pe))
            {
              Sentence s = { 0, 0, start, j, where };
              g_array_append_val (w->sentences, s);
              start = k;
            }
        }
      i = j;
    }
  if (start < pe)
    {
      Sentence s = { 0, 0, start, pe, where };
      g_array_append_val (w->sentences, s);
    }
}

void
extractor_split_sentences (Work *w)
{
  const char *text = w->text;
  gsize pos = 0;
  guint para_index = 0;
  guint tok = 0;

  w->sentences = g_array_new (FALSE, TRUE, sizeof (Sentence));

  while (pos < w->length)
    {
      const char *nl = memchr (text + pos, '\n', w->length - pos);
      gsize pe = nl != NULL ? (gsize) (nl - text) : w->length;
      gsize ps = pos;

      pos = pe + 1;
      while (ps < pe && g_ascii_isspace (text[ps]))
        ps++;
      while (pe > ps && g_ascii_isspace (text[pe - 1]))
        pe--;
      if (ps == pe)
        continue;
      split_paragraph (w, ps, pe, classify_paragraph (text + ps, pe - ps, para_index++));
    }

  /* Token ranges: both lists are in text order. */
  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);

      while (tok < w->toks->len && tok_at (w, tok)->start < sentence->start)
        tok++;
      sentence->tok_start = tok;
      while (tok < w->toks->len && tok_at (w, tok)->start < sentence->end)
        tok++;
      sentence->tok_end = tok;
    }
}

/* The length of a quote mark at @i (straight, curly or a guillemet), 0 if there is none. */
static gsize
quote_mark_at (const char *text,
               gsize       i,
               gsize       end)
{
  if (text[i] == '"')
    return 1;
  if (i + 2 < end && (guchar) text[i] == 0xE2 && (guchar) text[i + 1] == 0x80 &&
      ((guchar) text[i + 2] == 0x9C || (guchar) text[i + 2] == 0x9D))
    return 3;
  if (i + 1 < end && (guchar) text[i] == 0xC2 &&
      ((guchar) text[i + 1] == 0xAB || (guchar) text[i + 1] == 0xBB))
    return 2;
  return 0;
}

/* Whether @text quotes something of two words or more. */
gboolean
extractor_has_quote (const char *text,
                     gsize       length)
{
  guint words = 0;
  gboolean inside = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (quote_mark_at (text, i, length) > 0)
        {
          if (inside && words >= 2)
            return TRUE;
          inside = !inside;
          words = 0;
        }
      else if (inside && text[i] == ' ')
        words++;
    }
  return FALSE;
}

guint
extractor_count_quote_marks (const char *text,
                             gsize       start,
                             gsize       end)
{
  guint n = 0;

  for (gsize i = start; i < end; i++)
    if (quote_mark_at (text, i, end) > 0)
      n++;
  return n;
}

/* "\"The support is unprecedented. It brings us closer ...,\" Zelenskyy said": sentence @s
 * opens a quote that it does not close, so its speaker is named where the quote ends. */
gboolean
extractor_opens_quote_run (Work  *w,
                           guint  s)
{
  Sentence *sentence = sentence_at (w, s);

  return quote_mark_at (w->text, sentence->start, sentence->end) > 0 &&
         extractor_count_quote_marks (w->text, sentence->start, sentence->end) % 2 == 1;
}

/* Whether sentence @s reports what was said or done on the call: a verb of discussion. */
gboolean
extractor_is_discussion_sentence (Work  *w,
                                  guint  s)
{
  static const char * const english[] = {
    "discussed", "agreed", "exchanged", "raised", "focused", "expressed", "reaffirmed",
    "affirmed", "stressed", "emphasized", "emphasised", "underlined", "congratulated",
    "invited", "touched", "addressed", "talked", "reviewed", "welcomed", "thanked",
    "conveyed", "noted", "underscored", "discuss", "spoke", "pledged", "urged", "briefed",
    "informed", "condemned", "called", "highlighted", "described", "outlined", "reiterated",
    "offered", "shared", "assured", "proposed", "updated", "explained", "discussing",
    "speak", "confirmed", "stated", "requested", "appreciated", "commended", "recognized",
    "recognised", "announced", "announcing", "told", "said", "considered", "presented",
    "share", "committed", "added", "hoped",
    /* what an announced call will do: "will underscore ... and reaffirm ..." */
    "underscore", "reaffirm", "raise", "emphasize", "emphasise", "stress", "review", "address",
    /* "The main topic of the conversation was ..." */
    "topic", "topics",
    /* German */
    "erörterten", "sprachen", "gratulierte", "unterstrich", "vereinbarten", "betonte",
    "telefoniert", "drückte", "begrüßte", "informierte", NULL,
  };
  static const char * const russian[] = {
    "обсуди", "обмен", "договорил", "подчеркн", "выраз", "отмет", "затрон", "условил",
    "поздрав", "коснул", "рассмотре", "обсужд", "проинформир", "поблагодар", "приветств",
    "призвал", "выступил", "акцентир", "изложи", "предлож", "заверил", "информир", "подтверд",
    "пригла", "пожела", "оцени",
    /* "Особое внимание уделено ...", "Проведён обмен мнениями ..." */
    "уделен", "удели", "обмен", "выраж", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const char *f = tok_at (w, i)->folded;

      if (tok_at (w, i)->cyrillic ? extractor_has_prefix_in_list (russian, f) : extractor_in_list (english, f))
        return TRUE;
    }
  return FALSE;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <string.h>

#include "readout-extractor-private.h"

/* Leaders the store does not know yet, from title patterns ("German Chancellor Angela Merkel"). */

typedef struct {
  const char *first;
  const char *second;
  const char *english;
} Office;

static const Office offices[] = {
  { "prime", "minister", "Prime Minister" },
  { "vice", "president", "Vice President" },
  { "foreign", "minister", "Foreign Minister" },
  { "federal", "chancellor", "Chancellor" },
  { "crown", "prince", "Crown Prince" },
  { "president", NULL, "President" },
  { "chancellor", NULL, "Chancellor" },
  { "premier", NULL, "Premier" },
  { "king", NULL, "King" },
  { "emir", NULL, "Emir" },
  { "sultan", NULL, "Sultan" },
  { "taoiseach", NULL, "Taoiseach" },
};

/* Matches an office at token @i; returns tokens used and its English name. */
static guint
match_office (Work        *w,
              guint        i,
              guint        end,
              const char **english,
              gboolean    *russian_instrumental,
              gboolean    *russian_genitive)
{
  const char *f;

  *russian_instrumental = FALSE;
  *russian_genitive = FALSE;
  if (i >= end)
    return 0;
  f = tok_at (w, i)->folded;

  /* "Secretary of State Antony Blinken" (the United States' only, so no country) */
  if (g_str_equal (f, "secretary") && i + 2 < end && tok_is (w, i + 1, "of") && tok_is (w, i + 2, "state") &&
      tok_at (w, i + 2)->upper)
    {
      *english = "Secretary of State";
      return 3;
    }

  for (guint k = 0; k < G_N_ELEMENTS (offices); k++)
    {
      if (!g_str_equal (f, offices[k].first))
        continue;
      if (offices[k].second == NULL)
        {
          *english = offices[k].english;
          return 1;
        }
      if (i + 1 < end && tok_is (w, i + 1, offices[k].second))
        {
          *english = offices[k].english;
          return 2;
        }
    }

  if (tok_at (w, i)->cyrillic)
    {
      guint used = 1;
      const char *english_name = NULL;

      if (g_str_has_prefix (f, "федеральн") && i + 1 < end &&
          g_str_has_prefix (tok_at (w, i + 1)->folded, "канцлер"))
        {
          used = 2;
          f = tok_at (w, i + 1)->folded;
        }
      if (g_str_has_prefix (f, "президент"))
        english_name = "President";
      else if (g_str_has_prefix (f, "премьер-министр"))
        english_name = "Prime Minister";
      else if (g_str_has_prefix (f, "канцлер"))
        english_name = "Chancellor";
      else if (g_str_has_prefix (f, "председател"))
        english_name = "President";
      if (english_name == NULL)
        return 0;
      *english = english_name;
      *russian_instrumental = g_str_has_suffix (f, "ом") || g_str_has_suffix (f, "ем");
      *russian_genitive = g_str_has_suffix (f, "а") || g_str_has_suffix (f, "я");
      return used;
    }
  return 0;
}

gboolean
extractor_is_name_token (Work  *w,
                         guint  i)
{
  static const char * const not_names[] = {
    "the", "on", "in", "at", "and", "by", "for", "to", "of", "said", "says", "told", "with",
    "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "u.s.",
    "white", "house", "kremlin", "state", "department", "minister", "president", "prime",
    "chancellor", "also", "during", "after", "before", "who", "that", "this", "и", "в", "с",
    "республики", "республика", "государства", "королевства", "федерации", NULL,
  };
  Tok *t = tok_at (w, i);

  /* Arabic names keep a lower-case article: "el-Sisi", "al-Sharaa" */
  if (!t->upper && !t->number && t->end - t->start > 3 &&
      (g_str_has_prefix (t->folded, "el-") || g_str_has_prefix (t->folded, "al-")) &&
      g_ascii_isupper (w->text[t->start + 3]))
    return TRUE;
  if (!t->upper || t->number)
    return FALSE;
  if (extractor_in_list (not_names, t->folded) || extractor_month_of (t->folded) > 0)
    return FALSE;
  return TRUE;
}

/* Russian names after an office in the instrumental or genitive come back to the
 * nominative by their common endings; stored aliases cover the irregular ones. */
static char *
russian_nominative (const char *word,
                    gboolean    instrumental,
                    gboolean    genitive)
{
  glong n = g_utf8_strlen (word, -1);

  if (n <= 4)
    return g_strdup (word);
  if (instrumental)
    {
      if (g_str_has_suffix (word, "еем"))
        {
          g_autofree char *stem = g_strndup (word, strlen (word) - strlen ("ем"));
          return g_strconcat (stem, "й", NULL);
        }
      if (g_str_has_suffix (word, "ом") || g_str_has_suffix (word, "ым") || g_str_has_suffix (word, "им"))
        return g_strndup (word, strlen (word) - strlen ("ом"));
      if (g_str_has_suffix (word, "ем"))
        {
          g_autofree char *stem = g_strndup (word, strlen (word) - strlen ("ем"));
          return g_strconcat (stem, "ь", NULL);
        }
      if (g_str_has_suffix (word, "ой"))
        {
          g_autofree char *stem = g_strndup (word, strlen (word) - strlen ("ой"));
          return g_strconcat (stem, "а", NULL);
        }
    }
  else if (genitive)
    {
      if (g_str_has_suffix (word, "ы"))
        {
          g_autofree char *stem = g_strndup (word, strlen (word) - strlen ("ы"));
          return g_strconcat (stem, "а", NULL);
        }
      if (g_str_has_suffix (word, "а"))
        return g_strndup (word, strlen (word) - strlen ("а"));
    }
  return g_strdup (word);
}

static void
discover_leader (Work       *w,
                 guint       name_start,
                 guint       name_end,
                 const char *country,
                 const char *office,
                 gboolean    instrumental,
                 gboolean    genitive)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint known;
  Leader *leader;

  /* Already a leader we know by this name? */
  if (extractor_find_form_at (w, name_start, name_end, &known) > 0)
    return;

  for (guint i = name_start; i < name_end; i++)
    {
      Tok *t = tok_at (w, i);
      g_autofree char *word = g_strndup (w->text + t->start, t->end - t->start);

      if (name->len > 0)
        g_string_append_c (name, ' ');
      if (t->cyrillic)
        {
          g_autofree char *nominative = russian_nominative (word, instrumental, genitive);
          g_string_append (name, nominative);
        }
      else
        g_string_append (name, word);
    }
  if (g_str_has_suffix (name->str, "'s") || g_str_has_suffix (name->str, "’s"))
    g_string_truncate (name, name->len - (g_str_has_suffix (name->str, "'s") ? 2 : 4));

  for (guint i = 0; i < w->discovered->len; i++)
    if (g_str_equal (((Leader *) g_ptr_array_index (w->discovered, i))->name, name->str))
      return;

  /* A headline's "Foreign Minister Kuleba" and the body's "Foreign Minister Dmytro
   * Kuleba" are one person: the fuller name wins. */
  if (name_end - name_start > 1)
    {
      const char *last = strrchr (name->str, ' ') + 1;

      for (guint i = 0; i < w->leaders->len; i++)
        {
          leader = g_ptr_array_index (w->leaders, i);
          if (leader->discovered && strchr (leader->name, ' ') == NULL && g_str_equal (leader->name, last) &&
              g_strcmp0 (leader->country, country) == 0)
            {
              g_free (leader->name);
              leader->name = g_strdup (name->str);
              extractor_add_leader_forms (w->self, w->extra_forms, w->extra_index, leader, i);
              return;
            }
        }
    }

  leader = g_new0 (Leader, 1);
  leader->name = g_strdup (name->str);
  leader->country = g_strdup (country);
  leader->office = g_strdup (office);
  leader->discovered = TRUE;
  g_ptr_array_add (w->discovered, leader);
  g_ptr_array_add (w->leaders, leader);
  extractor_add_leader_forms (w->self, w->extra_forms, w->extra_index, leader, w->leaders->len - 1);
}

/* A country in one to three tokens at @i ("German", "South Korean", "United States"). */
guint
extractor_match_country (Work        *w,
                         guint        i,
                         guint        end,
                         const char **code)
{
  for (guint n = MIN (4, end - i); n >= 1; n--)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      guint k;

      for (k = 0; k < n; k++)
        {
          if (k > 0)
            {
              if (!extractor_gap_is_space (w, i + k - 1, i + k))
                break;
              g_string_append_c (phrase, ' ');
            }
          g_string_append (phrase, tok_at (w, i + k)->folded);
        }
      /* A phrase never runs over a comma: "Britain, and ..." is one word */
      if (k < n || (!tok_at (w, i)->upper && !tok_at (w, i)->cyrillic))
        continue;
      *code = extractor_lookup_country (w->self, phrase->str);
      if (*code != NULL)
        return n;
    }
  return 0;
}

/* Whether token @i's text ends with an English possessive ("Harris’s"), which its folded
 * form does not keep. */
gboolean
extractor_ends_possessive (Work  *w,
                           guint  i)
{
  Tok *t = tok_at (w, i);
  gsize n = t->end - t->start;

  return (n > 2 && strncmp (w->text + t->end - 2, "'s", 2) == 0) ||
         (n > 4 && strncmp (w->text + t->end - 4, "’s", 4) == 0);
}

static guint
name_run (Work  *w,
          guint  i,
          guint  end,
          guint  max)
{
  static const char * const particles[] = { "von", "der", "van", "de", "da", "bin", "al", "el", "ibn", NULL };
  guint n = 0;

  while (i + n < end && n < max + 2 && (n == 0 || extractor_gap_is_space (w, i + n - 1, i + n)))
    {
      /* "Ursula von der Leyen", "Mohammed bin Salman": lower-case particles inside a name */
      if (n > 0 && extractor_in_list (particles, tok_at (w, i + n)->folded) && !tok_at (w, i + n)->upper)
        {
          guint k = n;

          while (i + k < end && k < n + 2 && extractor_in_list (particles, tok_at (w, i + k)->folded) &&
                 extractor_gap_is_space (w, i + k - 1, i + k))
            k++;
          if (i + k < end && extractor_is_name_token (w, i + k) && extractor_gap_is_space (w, i + k - 1, i + k))
            {
              n = k + 1;
              continue;
            }
          break;
        }
      if (!extractor_is_name_token (w, i + n) || n >= max)
        break;
      n++;
      /* A possessive ends the name: "Harris’s Calls" */
      if (w->text[tok_at (w, i + n - 1)->end] == '\'' ||
          g_str_has_prefix (w->text + tok_at (w, i + n - 1)->end, "’") ||
          extractor_ends_possessive (w, i + n - 1))
        break;
    }
  return n;
}

/* Honorifics before a name: "President of Ukraine H.E. Volodymyr Zelenskyy", "Prime
 * Minister Shri Narendra Modi", "Mr. Kishida Fumio". */
static guint
skip_honorifics (Work  *w,
                 guint  i,
                 guint  end)
{
  static const char * const single[] = { "shri", "mr", "mrs", "ms", "dr", "господин", NULL };

  for (;;)
    {
      if (i + 1 < end && tok_is (w, i, "h") && tok_is (w, i + 1, "e") &&
          w->text[tok_at (w, i)->end] == '.')
        i += 2;
      else if (i + 1 < end && (tok_is (w, i, "his") || tok_is (w, i, "her")) && tok_is (w, i + 1, "excellency"))
        i += 2;
      else if (i < end && tok_at (w, i)->upper && extractor_in_list (single, tok_at (w, i)->folded))
        i++;
      else
        return i;
    }
}

/* Each discover_* rule reads a leader from its office at token @i (@no tokens) up to
 * @end, and returns the last token it used, or @i when it found none. */

/* "German Chancellor Angela Merkel", "Russian president Vladimir Putin" */
static guint
discover_country_office (Work  *w,
                         guint  i,
                         guint  end)
{
  const char *code = NULL, *office = NULL;
  gboolean instrumental, genitive;
  guint nc, no, ns, nn;

  nc = extractor_match_country (w, i, end, &code);
  if (!(nc > 0 && i + nc < end && extractor_gap_is_space (w, i + nc - 1, i + nc)))
    return i;
  no = match_office (w, i + nc, end, &office, &instrumental, &genitive);
  if (!(no > 0 && !tok_at (w, i + nc)->cyrillic))
    return i;
  ns = skip_honorifics (w, i + nc + no, end);
  nn = ns < end && extractor_gap_is_space (w, ns - 1, ns) ? name_run (w, ns, end, 4) : 0;
  if (nn == 0)
    return i;
  discover_leader (w, ns, ns + nn, code, office, FALSE, FALSE);
  return ns + nn - 1;
}

/* "Президентом США Дональдом Трампом", "Федеральным канцлером Германии Ангелой Меркель" */
static guint
discover_russian (Work       *w,
                  guint       i,
                  guint       no,
                  guint       end,
                  const char *office,
                  gboolean    instrumental,
                  gboolean    genitive)
{
  const char *code = NULL;
  guint j = i + no;
  guint nc = j < end ? extractor_match_country (w, j, end, &code) : 0;
  guint nn;

  if (nc == 0)
    return i;
  nn = name_run (w, j + nc, end, 3);
  if (nn == 0)
    return i;
  discover_leader (w, j + nc, j + nc + nn, code, office, instrumental, genitive);
  return j + nc + nn - 1;
}

/* "Secretary of State Antony Blinken" */
static guint
discover_secretary (Work       *w,
                    guint       i,
                    guint       no,
                    guint       end,
                    const char *office)
{
  guint ns = skip_honorifics (w, i + no, end);
  guint nn = ns < end ? name_run (w, ns, end, 3) : 0;

  if (nn == 0)
    return i;
  discover_leader (w, ns, ns + nn, "US", office, FALSE, FALSE);
  return ns + nn - 1;
}

/* "President of the United States Joseph Biden" */
static guint
discover_office_of (Work       *w,
                    guint       i,
                    guint       no,
                    guint       end,
                    const char *office)
{
  const char *code = NULL;
  guint j = i + no + 1 + (tok_is (w, i + no + 1, "the") ? 1 : 0);
  guint nc = j < end ? extractor_match_country (w, j, end, &code) : 0;
  guint ns, nn;

  if (nc == 0)
    return i;
  ns = skip_honorifics (w, j + nc, end);
  nn = ns < end ? name_run (w, ns, end, 4) : 0;
  /* "the Prime Minister of Ethiopia, Abiy Ahmed": a full name after a comma */
  if (!(nn > 0 && (ns > j + nc || extractor_gap_is_space (w, j + nc - 1, j + nc) ||
                   (nn >= 2 && extractor_gap_is_comma (w, j + nc - 1, j + nc)))))
    return i;
  discover_leader (w, ns, ns + nn, code, office, FALSE, FALSE);
  return ns + nn - 1;
}

/* "President Zelenskyy of Ukraine"; and a government names its own vice president
 * without the country: "Readout of Vice President Harris’s Calls with ..." */
static guint
discover_name_of (Work       *w,
                  guint       i,
                  guint       no,
                  guint       end,
                  const char *office)
{
  guint nn = name_run (w, i + no, end, 3);

  if (nn > 0 && tok_is (w, i + no + nn, "of"))
    {
      const char *code = NULL;
      guint j = i + no + nn + 1 + (tok_is (w, i + no + nn + 1, "the") ? 1 : 0);
      guint nc = j < end ? extractor_match_country (w, j, end, &code) : 0;

      if (nc == 0)
        return i;
      discover_leader (w, i + no, i + no + nn, code, office, FALSE, FALSE);
      return j + nc - 1;
    }
  if (nn > 0 && w->side != NULL && g_str_equal (office, "Vice President"))
    {
      guint ns = skip_honorifics (w, i + no, end);

      nn = name_run (w, ns, end, 4);
      if (nn == 0)
        return i;
      discover_leader (w, ns, ns + nn, w->side, office, FALSE, FALSE);
      return ns + nn - 1;
    }
  return i;
}

/* A leader named by an office at token @i; returns the last token used, or @i. */
static guint
discover_at (Work  *w,
             guint  i,
             guint  end)
{
  const char *office = NULL;
  gboolean instrumental, genitive;
  guint no, last = discover_country_office (w, i, end);

  if (last != i)
    return last;
  no = match_office (w, i, end, &office, &instrumental, &genitive);
  if (no == 0 || (!tok_at (w, i)->upper && !tok_at (w, i)->cyrillic))
    return i;
  if (tok_at (w, i)->cyrillic)
    return discover_russian (w, i, no, end, office, instrumental, genitive);
  if (g_str_equal (office, "Secretary of State"))
    return discover_secretary (w, i, no, end, office);
  if (tok_is (w, i + no, "of"))
    return discover_office_of (w, i, no, end, office);
  return discover_name_of (w, i, no, end, office);
}

void
extractor_discover_leaders (Work *w)
{
  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);

      for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
        i = discover_at (w, i, sentence->tok_end);
    }
}

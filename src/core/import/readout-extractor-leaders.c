// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <string.h>

#include "readout-country-names.h"
#include "readout-extractor-private.h"

/* Leaders: the known leaders' name forms, finding them in the text, and who was in office when. */

static const char * const title_words[] = {
  "president", "prime", "minister", "chancellor", "federal", "premier", "leader", "king",
  "emir", "crown", "prince", "counterpart", "secretary", "general", "the", "his", "her",
  "their", "of", "united", "states", "kingdom", "republic", "america", "federation", "sultan", "chairman", "state", "head", "vice", "acting", "colleague",
  "президент", "президентом", "президента", "президенту", "президенте", "премьер",
  "министр", "министром", "министра", "министру", "канцлер", "канцлером", "канцлера",
  "канцлеру", "федеральный", "федеральным", "федерального", "федеральному",
  "председатель", "председателем", "председателя", "председателю", "глава", "главой",
  "главы", "коллега", "коллегой", "коллеги", "король", "королем", "короля", "наследный",
  "наследным", "принц", "принцем", "эмир", "эмиром", NULL,
};

/* Country words outside countries.tsv: abbreviations and Russian forms. */
static const struct { const char *word; const char *code; } country_extras[] = {
  { "u.s.", "US" }, { "us", "US" }, { "usa", "US" }, { "american", "US" }, { "america", "US" },
  { "uk", "GB" }, { "britain", "GB" }, { "great britain", "GB" }, { "british", "GB" },
  { "сша", "US" }, { "американск", "US" }, { "россии", "RU" }, { "российск", "RU" },
  { "рф", "RU" }, { "франции", "FR" }, { "французск", "FR" }, { "германии", "DE" },
  { "германск", "DE" }, { "немецк", "DE" }, { "фрг", "DE" }, { "японии", "JP" },
  { "японск", "JP" }, { "китая", "CN" }, { "кнр", "CN" }, { "китайск", "CN" },
  { "великобритании", "GB" }, { "британск", "GB" }, { "турции", "TR" }, { "турецк", "TR" },
  { "украины", "UA" }, { "украинск", "UA" }, { "италии", "IT" }, { "итальянск", "IT" },
  { "индии", "IN" }, { "индийск", "IN" }, { "израиля", "IL" }, { "израильск", "IL" },
  { "ирана", "IR" }, { "иранск", "IR" }, { "финляндии", "FI" }, { "финляндск", "FI" },
  { "финск", "FI" }, { "казахстана", "KZ" }, { "казахстанск", "KZ" }, { "белоруссии", "BY" },
  { "беларуси", "BY" }, { "белорусск", "BY" }, { "египта", "EG" }, { "египетск", "EG" },
  { "сирии", "SY" }, { "сирийск", "SY" }, { "канады", "CA" }, { "канадск", "CA" },
  { "бразилии", "BR" }, { "бразильск", "BR" }, { "южно-африканской", "ZA" }, { "юар", "ZA" },
  { "азербайджана", "AZ" }, { "армении", "AM" }, { "узбекистана", "UZ" }, { "венесуэлы", "VE" },
  { "саудовской", "SA" }, { "оаэ", "AE" }, { "катара", "QA" }, { "южной", "KR" },
  /* Official long names, as foreign ministries write them */
  { "russian federation", "RU" }, { "french republic", "FR" }, { "commonwealth of australia", "AU" },
  { "federal republic of germany", "DE" }, { "republic of korea", "KR" }, { "italian republic", "IT" },
  { "people's republic of china", "CN" }, { "united states of america", "US" },
  { "kingdom of saudi arabia", "SA" }, { "republic of india", "IN" }, { "republic of finland", "FI" },
  { "republic of türkiye", "TR" }, { "türkiye", "TR" }, { "republic of turkey", "TR" },
  { "arab republic of egypt", "EG" }, { "federative republic of brazil", "BR" },
  { "republic of poland", "PL" }, { "state of qatar", "QA" }, { "republic of the philippines", "PH" },
  { "european commission", "EU" }, { "european council", "EU" }, { "european union", "EU" },
};

void
extractor_leader_free (Leader *leader)
{
  g_free (leader->name);
  g_free (leader->country);
  g_free (leader->office);
  g_free (leader->term_start);
  g_free (leader->term_end);
  g_strfreev (leader->aliases);
  g_free (leader);
}

void
extractor_form_free (Form *form)
{
  g_strfreev (form->words);
  g_free (form);
}

static void
add_form (GPtrArray  *forms,
          GHashTable *index,
          guint       leader,
          const char *phrase,
          gboolean    generic,
          const char *office)
{
  Form *form;
  GPtrArray *bucket;
  g_autofree char *key = NULL;
  char **words = extractor_fold_words (phrase);

  if (words[0] == NULL)
    {
      g_strfreev (words);
      return;
    }

  form = g_new0 (Form, 1);
  form->leader = leader;
  form->words = words;
  form->n_words = g_strv_length (words);
  form->generic = generic;
  form->office = office;
  form->need_upper = form->n_words == 1 && g_unichar_isupper (g_utf8_get_char (phrase));
  g_ptr_array_add (forms, form);

  /* Hundreds of forms start with "the" ("the Russian president"): those are found by
   * their first two words, so that every "the" of a text does not try them all. */
  key = form->n_words > 1 && g_str_equal (words[0], "the") ? g_strconcat ("the ", words[1], NULL)
                                                             : g_strdup (words[0]);
  bucket = g_hash_table_lookup (index, key);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (index, g_steal_pointer (&key), bucket);
    }
  g_ptr_array_add (bucket, form);
}

/* Whether @leader holds or held an office containing @word ("president"), in any term. */
static gboolean
leader_has_office (Leader     *leader,
                   const char *word)
{
  g_autofree char *office = g_ascii_strdown (leader->office != NULL ? leader->office : "", -1);

  if (strstr (office, word) != NULL)
    return TRUE;
  for (guint i = 0; leader->person != NULL && i < leader->person->terms->len; i++)
    {
      const ReadoutGazetteerTerm *term = g_ptr_array_index (leader->person->terms, i);
      g_autofree char *term_office = g_ascii_strdown (term->office, -1);

      if (strstr (term_office, word) != NULL)
        return TRUE;
    }
  return FALSE;
}

void
extractor_add_leader_forms (ReadoutExtractor *self,
                            GPtrArray        *forms,
                            GHashTable       *index,
                            Leader           *leader,
                            guint             leader_index)
{
  static const char * const generic_offices[] = { "president", "prime minister", "chancellor", NULL };
  const char *space = strrchr (leader->name, ' ');
  const char *demonym = leader->country != NULL ? g_hash_table_lookup (self->demonyms, leader->country) : NULL;

  add_form (forms, index, leader_index, leader->name, FALSE, NULL);
  /* The gazetteer lists the surnames that are safe to match alone ("Abe", not "May"). */
  if (space != NULL && strlen (space + 1) >= 3 && !leader->gazetteer)
    add_form (forms, index, leader_index, space + 1, FALSE, NULL);
  for (guint i = 0; leader->aliases != NULL && leader->aliases[i] != NULL; i++)
    add_form (forms, index, leader_index, leader->aliases[i],
              g_ascii_strncasecmp (leader->aliases[i], "the ", 4) == 0, NULL);

  /* "the Japanese leader", "the German chancellor" for leaders the store has no such alias for. */
  if (demonym != NULL)
    {
      g_autofree char *generic = g_strdup_printf ("the %s leader", demonym);

      add_form (forms, index, leader_index, generic, TRUE, NULL);
      for (guint k = 0; generic_offices[k] != NULL; k++)
        if (leader_has_office (leader, generic_offices[k]))
          {
            g_free (generic);
            generic = g_strdup_printf ("the %s %s", demonym, generic_offices[k]);
            add_form (forms, index, leader_index, generic, TRUE, generic_offices[k]);
          }
    }
}

/* Whether a stored leader and a person of the gazetteer are the same: the same country
 * and the full name of one is the other's name or a full-name alias (a bare surname
 * such as "Lee" or "Li" is shared by different people and does not count). */
static gboolean
same_person (Leader                       *leader,
             const ReadoutGazetteerPerson *person)
{
  g_autofree char *name = g_utf8_casefold (leader->name, -1);

  if (leader->country != NULL && person->country != NULL && g_strcmp0 (leader->country, person->country) != 0)
    return FALSE;
  for (int i = -1; person->aliases == NULL ? i < 0 : (i < 0 || person->aliases[i] != NULL); i++)
    {
      const char *other = i < 0 ? person->name : person->aliases[i];
      g_autofree char *folded = NULL;

      if (strchr (other, ' ') == NULL)
        continue;
      folded = g_utf8_casefold (other, -1);
      if (g_str_equal (folded, name))
        return TRUE;
      for (guint k = 0; leader->aliases != NULL && leader->aliases[k] != NULL; k++)
        {
          g_autofree char *alias = g_utf8_casefold (leader->aliases[k], -1);

          if (g_str_equal (folded, alias))
            return TRUE;
        }
    }
  return FALSE;
}

/* The built-in leaders after the store's: a stored leader is never shadowed, and one
 * stored without a term borrows the gazetteer's terms for the same person. */
static void
add_gazetteer_leaders (ReadoutExtractor *self)
{
  ReadoutLeaderGazetteer *gazetteer = readout_leader_gazetteer_get_default ();
  guint n_stored = self->leaders->len;

  for (guint p = 0; p < readout_leader_gazetteer_get_n_people (gazetteer); p++)
    {
      const ReadoutGazetteerPerson *person = readout_leader_gazetteer_get_person (gazetteer, p);
      const ReadoutGazetteerTerm *latest = g_ptr_array_index (person->terms, person->terms->len - 1);
      gboolean stored = FALSE;
      Leader *leader;

      for (guint i = 0; i < n_stored; i++)
        {
          leader = g_ptr_array_index (self->leaders, i);
          if (!same_person (leader, person))
            continue;
          stored = TRUE;
          if (leader->term_start == NULL && leader->term_end == NULL && leader->person == NULL)
            leader->person = person;
        }
      if (stored)
        continue;

      leader = g_new0 (Leader, 1);
      leader->name = g_strdup (person->name);
      leader->country = g_strdup (person->country);
      leader->office = g_strdup (latest->office);
      leader->aliases = g_strdupv (person->aliases);
      leader->gazetteer = TRUE;
      leader->person = person;
      g_ptr_array_add (self->leaders, leader);
    }
}

void
extractor_rebuild_forms (ReadoutExtractor *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->forms_lock);

  if (!self->forms_dirty)
    return;
  /* Drop the gazetteer's leaders of an earlier build: stored leaders may have come since. */
  for (guint i = 0; i < self->leaders->len; )
    {
      Leader *leader = g_ptr_array_index (self->leaders, i);

      if (leader->gazetteer)
        {
          g_ptr_array_remove_index (self->leaders, i);
          continue;
        }
      leader->person = NULL;
      i++;
    }
  if (self->use_gazetteer)
    add_gazetteer_leaders (self);
  g_ptr_array_set_size (self->forms, 0);
  g_hash_table_remove_all (self->form_index);
  for (guint i = 0; i < self->leaders->len; i++)
    extractor_add_leader_forms (self, self->forms, self->form_index, g_ptr_array_index (self->leaders, i), i);
  self->forms_dirty = FALSE;
}

void
extractor_load_countries (ReadoutExtractor *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/countries.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      lines = g_strsplit (text, "\n", -1);
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

          if (g_strv_length (fields) < 3)
            continue;
          g_hash_table_insert (self->countries, g_utf8_casefold (fields[1], -1), g_strdup (fields[0]));
          g_hash_table_insert (self->countries, g_utf8_casefold (fields[2], -1), g_strdup (fields[0]));
          g_hash_table_insert (self->demonyms, g_strdup (fields[0]), g_strdup (fields[2]));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (country_extras); i++)
    g_hash_table_insert (self->countries, g_strdup (country_extras[i].word),
                         g_strdup (country_extras[i].code));
  if (!g_hash_table_contains (self->demonyms, "US"))
    g_hash_table_insert (self->demonyms, g_strdup ("US"), g_strdup ("American"));
}

/* The country of a folded word or phrase: "russian", "united states", "сша", "американской". */
const char *
extractor_lookup_country (ReadoutExtractor *self,
                          const char       *folded)
{
  const char *code = g_hash_table_lookup (self->countries, folded);

  if (code == NULL && extractor_is_cyrillic_word (folded))
    {
      /* Russian adjectives: "американской", "российская" -> stem "американск";
       * "турецкой", "немецкой" -> "турецк". */
      const char *sk = strstr (folded, "ск");

      if (sk == NULL)
        sk = strstr (folded, "цк");
      if (sk != NULL)
        {
          g_autofree char *stem = g_strndup (folded, sk - folded + strlen ("ск"));
          code = g_hash_table_lookup (self->countries, stem);
        }
    }
  if (code == NULL && extractor_is_cyrillic_word (folded))
    {
      /* Every other country by its Russian name in any case, or its adjective:
       * "армянской", "катарской", "венгерской" (the names table declines them all). */
      const char *words[] = { folded, NULL };
      guint used;

      code = readout_country_names_match (readout_country_names_get_default (), words, &used);
    }
  return code;
}

static gboolean
term_covers (const char  *term_start,
             const char  *term_end,
             const GDate *date);

gboolean
extractor_has_terms (Leader *leader)
{
  return leader->term_start != NULL || leader->person != NULL;
}

/* Whether @leader was in office on @date (any office, or one containing @office_word):
 * by the stored term where there is one, else by the gazetteer's terms. */
gboolean
extractor_in_office_as (Leader      *leader,
                        const GDate *date,
                        const char  *office_word)
{
  if (date == NULL)
    return TRUE;
  if (leader->term_start == NULL && leader->term_end == NULL && leader->person != NULL)
    {
      for (guint i = 0; i < leader->person->terms->len; i++)
        {
          const ReadoutGazetteerTerm *term = g_ptr_array_index (leader->person->terms, i);
          g_autofree char *office = office_word != NULL ? g_ascii_strdown (term->office, -1) : NULL;

          if ((office == NULL || strstr (office, office_word) != NULL) &&
              term_covers (term->term_start, term->term_end, date))
            return TRUE;
        }
      return FALSE;
    }
  return term_covers (leader->term_start, leader->term_end, date);
}

gboolean
extractor_in_office (Leader      *leader,
                     const GDate *date)
{
  return extractor_in_office_as (leader, date, NULL);
}

static gboolean
term_covers (const char  *term_start,
             const char  *term_end,
             const GDate *date)
{
  GDate start, end;

  if (date == NULL)
    return TRUE;
  if (extractor_parse_iso (term_start, &start) && g_date_compare (date, &start) < 0)
    return FALSE;
  if (extractor_parse_iso (term_end, &end) && g_date_compare (date, &end) > 0)
    return FALSE;
  return TRUE;
}

static guint
form_length_at (Work  *w,
                Form  *form,
                guint  i,
                guint  end)
{
  if (i + form->n_words > end)
    return 0;
  if (form->need_upper && !tok_at (w, i)->upper)
    return 0;
  for (guint k = 0; k < form->n_words; k++)
    if (!extractor_word_matches (form->words[k], tok_at (w, i + k)->folded))
      return 0;
  return form->n_words;
}

static void
consider_bucket (Work      *w,
                 GPtrArray *bucket,
                 guint      i,
                 guint      end,
                 guint     *best_length,
                 guint     *best_leader,
                 gboolean  *best_fits)
{
  if (bucket == NULL)
    return;
  for (guint k = 0; k < bucket->len; k++)
    {
      Form *form = g_ptr_array_index (bucket, k);
      guint n = form_length_at (w, form, i, end);
      gboolean fits;

      if (n == 0)
        continue;
      fits = extractor_in_office_as (leader_at (w, form->leader), w->has_base ? &w->base : NULL, form->office);
      if (n > *best_length || (n == *best_length && fits && !*best_fits))
        {
          *best_length = n;
          *best_leader = form->leader;
          *best_fits = fits;
        }
    }
}

/* The longest leader form at token @i; prefers the leader in office at the text's date. */
guint
extractor_find_form_at (Work  *w,
                        guint  i,
                        guint  end,
                        guint *leader)
{
  const char *f = tok_at (w, i)->folded;
  guint best_length = 0, best_leader = NO_LEADER;
  gboolean best_fits = FALSE;

  if (g_str_equal (f, "the"))
    {
      g_autofree char *key = NULL;

      if (i + 1 >= end)
        {
          *leader = NO_LEADER;
          return 0;
        }
      key = g_strconcat ("the ", tok_at (w, i + 1)->folded, NULL);
      consider_bucket (w, g_hash_table_lookup (w->self->form_index, key), i, end,
                       &best_length, &best_leader, &best_fits);
      consider_bucket (w, g_hash_table_lookup (w->extra_index, key), i, end,
                       &best_length, &best_leader, &best_fits);
      *leader = best_leader;
      return best_length;
    }

  consider_bucket (w, g_hash_table_lookup (w->self->form_index, f), i, end,
                   &best_length, &best_leader, &best_fits);
  consider_bucket (w, g_hash_table_lookup (w->extra_index, f), i, end,
                   &best_length, &best_leader, &best_fits);

  if (tok_at (w, i)->cyrillic)
    {
      glong n = g_utf8_strlen (f, -1);

      for (glong cut = 1; cut <= 3 && n - cut >= 3; cut++)
        {
          g_autofree char *stem = g_strndup (f, g_utf8_offset_to_pointer (f, n - cut) - f);

          consider_bucket (w, g_hash_table_lookup (w->self->form_index, stem), i, end,
                           &best_length, &best_leader, &best_fits);
          consider_bucket (w, g_hash_table_lookup (w->extra_index, stem), i, end,
                           &best_length, &best_leader, &best_fits);
        }
    }

  *leader = best_leader;
  return best_length;
}

static gboolean
is_honorific (const char *folded)
{
  static const char * const honorifics[] = { "mr", "mrs", "ms", "dr", "hon", "honorable", "honourable", NULL };

  return extractor_in_list (honorifics, folded);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *x = a, *y = b;

  return x->tok_start < y->tok_start ? -1 : x->tok_start > y->tok_start;
}

gboolean
extractor_is_title_token (Work  *w,
                          guint  i)
{
  const char *code;

  if (extractor_in_list (title_words, tok_at (w, i)->folded))
    return TRUE;
  if (g_str_has_prefix (tok_at (w, i)->folded, "премьер-министр"))
    return TRUE;
  return extractor_match_country (w, i, i + 1, &code) == 1;
}

void
extractor_find_mentions (Work *w)
{
  w->mentions = g_array_new (FALSE, TRUE, sizeof (Mention));

  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);
      guint previous_end = sentence->tok_start;
      guint count = 0;

      for (guint i = sentence->tok_start; i < sentence->tok_end && count < MAX_MENTIONS_PER_SENTENCE; )
        {
          guint leader;
          guint n = extractor_find_form_at (w, i, sentence->tok_end, &leader);
          Mention m;

          if (n == 0)
            {
              i++;
              continue;
            }

          m.leader = leader;
          m.tok_start = i;
          m.tok_end = i + n;
          /* "King Hamad bin Isa Al Khalifa": an alias ("King Hamad") that a longer form of
           * the same leader overlaps is one mention, not two */
          for (guint k = i + 1; k < m.tok_end; k++)
            {
              guint other;
              guint length = extractor_find_form_at (w, k, sentence->tok_end, &other);

              if (other == leader && k + length > m.tok_end)
                m.tok_end = k + length;
            }
          n = m.tok_end - i;
          m.ext_start = i;
          m.sentence = s;
          /* Titles and the rest of the name: "Russian President Vladimir Putin",
           * "President Joseph R. Biden". */
          while (m.ext_start > previous_end && i - m.ext_start < 6 &&
                 (extractor_gap_is_space (w, m.ext_start - 1, m.ext_start) ||
                  ((strlen (tok_at (w, m.ext_start - 1)->folded) == 1 ||
                    is_honorific (tok_at (w, m.ext_start - 1)->folded)) &&
                   w->text[tok_at (w, m.ext_start - 1)->end] == '.')) &&
                 (extractor_is_title_token (w, m.ext_start - 1) || tok_at (w, m.ext_start - 1)->upper))
            m.ext_start--;
          /* "Joseph R. Biden, Jr. and ...": the suffix belongs to the name, so a list or a
           * verb after it still follows the name. */
          if (m.tok_end < sentence->tok_end && (tok_is (w, m.tok_end, "jr") || tok_is (w, m.tok_end, "sr")) &&
              (extractor_gap_is_space (w, m.tok_end - 1, m.tok_end) ||
               extractor_gap_is_comma (w, m.tok_end - 1, m.tok_end)))
            m.tok_end++;
          g_array_append_val (w->mentions, m);
          count++;
          previous_end = m.tok_end;
          i = m.tok_end;
        }
    }
}

/* In its own government's readout, "the Prime Minister" (not "the Prime Minister of Italy")
 * is that government's leader on the text's date. */
void
extractor_find_office_mentions (Work *w)
{
  guint own = w->official ? extractor_side_leader (w, w->side) : NO_LEADER;
  const char *main_office;
  g_auto(GStrv) office = NULL;
  guint n_words;
  gboolean added = FALSE;

  if (own == NO_LEADER || w->side == NULL)
    return;
  main_office = readout_leader_gazetteer_get_main_office (readout_leader_gazetteer_get_default (), w->side);
  if (main_office == NULL)
    return;
  {
    g_autofree char *folded = g_utf8_casefold (main_office, -1);
    office = g_strsplit (folded, " ", -1);
  }
  n_words = g_strv_length (office);

  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);

      for (guint i = sentence->tok_start; i + n_words < sentence->tok_end; i++)
        {
          guint k = 0;
          Mention m;

          if (!tok_is (w, i, "the") || (i > sentence->tok_start && tok_is (w, i - 1, "of")))
            continue;
          while (k < n_words && tok_is (w, i + 1 + k, office[k]) && tok_at (w, i + 1 + k)->upper)
            k++;
          if (k < n_words || tok_is (w, i + 1 + k, "of") || tok_is (w, i + 1 + k, "s") ||
              (i + 1 + k < sentence->tok_end && tok_at (w, i + 1 + k)->upper))
            continue;
          m.leader = own;
          m.ext_start = m.tok_start = i;
          m.tok_end = i + 1 + k;
          m.sentence = s;
          g_array_append_val (w->mentions, m);
          added = TRUE;
        }
    }
  if (added)
    g_array_sort (w->mentions, compare_mentions);
}

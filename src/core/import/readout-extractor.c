// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "readout-error.h"
#include "readout-extractor.h"
#include "readout-leader-gazetteer.h"
#include "readout-text.h"
#include "readout-topic-tagger.h"

/* The extractor reads the text as tokens (readout_text_tokenize) grouped into sentences
 * and paragraphs, finds leader mentions (stored names and aliases, Russian names in any
 * case by stem, and new leaders from title patterns such as "German Chancellor Angela
 * Merkel"), links mentions into calls through the words between them ("spoke WITH",
 * "Trump AND Putin discussed", "phoned"), and then reads each call's facts from the
 * sentences that concern it. It is a set of small, explainable rules rather than a model:
 * a user reviews every result, and a rule that fails is easy to find and fix. */

typedef enum {
  WHERE_TEXT,
  WHERE_TITLE,
  WHERE_CAPTION,
  WHERE_OTHER,
} Where;

typedef struct {
  gsize       start;
  gsize       end;
  const char *folded;  /* borrowed from the token array */
  guint       upper : 1;
  guint       number : 1;
  guint       cyrillic : 1;
} Tok;

typedef struct {
  guint tok_start;
  guint tok_end;
  gsize start;
  gsize end;
  Where where;
} Sentence;

typedef struct {
  char    *name;
  char    *country;
  char    *office;
  char    *term_start;
  char    *term_end;
  char   **aliases;
  gint64   id;
  gboolean discovered;
  gboolean gazetteer;   /* only in the built-in list, not in the store */
  const ReadoutGazetteerPerson *person;  /* its terms, for the gazetteer's and for a stored leader without any */
} Leader;

typedef struct {
  guint    leader;
  guint    n_words;
  char   **words;       /* folded; Cyrillic words as stems */
  gboolean generic;     /* "the Russian president": ambiguous across terms */
  const char *office;   /* a generic form's office ("president"), static; else NULL */
  gboolean need_upper;  /* a one-word name must be capitalised in the text */
} Form;

typedef struct {
  guint leader;
  guint tok_start;     /* the name itself */
  guint tok_end;
  guint ext_start;     /* with its title ("Russian President ...") */
  guint sentence;
} Mention;

typedef struct {
  guint   a;
  guint   b;
  guint   first_sentence;
  GArray *sentences;   /* guint: sentences that name this call explicitly */
  GArray *others;      /* guint: a third leader and more, "with Merkel and Hollande" */
} Link;

struct _ReadoutExtractor
{
  GObject parent_instance;

  GPtrArray          *leaders;        /* Leader */
  GPtrArray          *forms;          /* Form, of the known leaders */
  GHashTable         *form_index;     /* first word (two for "the ...") -> GPtrArray of Form (borrowed) */
  gboolean            forms_dirty;

  ReadoutTopicTagger *tagger;
  GPtrArray          *topic_names;    /* index = topic id - 1 */

  GHashTable         *countries;      /* folded name, demonym or Russian form -> code */
  GHashTable         *demonyms;       /* code -> demonym */
  char               *fallback_date;
  char               *today;
  gboolean            use_gazetteer;
};

G_DEFINE_FINAL_TYPE (ReadoutExtractor, readout_extractor, G_TYPE_OBJECT)

/* Word lists. */

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

static const char * const weekdays_en[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};

/* Stems of Russian weekdays, in GDateWeekday order. */
static const char * const weekdays_ru[] = {
  "понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень", NULL,
};

static const char * const months_en[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL,
};

static const char * const months_ru[] = {
  "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
  "ноябр", "декабр", NULL,
};

static const char * const speech_time_words[] = {
  "said", "says", "told", "announced", "tweeted", "confirmed", "stated", "appearance",
  "briefing", "reported", "wrote", "added", "noted", "interview", "press", "conference",
  "statement", "заявил", "сообщил", "сообщили", "сказал", "брифинге", NULL,
};

static const char * const other_event_words[] = {
  "meeting", "meet", "met", "visit", "visited", "summit", "inauguration", "accords",
  "agreements", "agreement", "election", "elections", "of", "since", "until", "встреч",
  "визит", "саммит", "соглашени", "выбор", "от", NULL,
};

/* A speaker who is not a leader: an institution or a spokesperson, with its side. */
typedef struct {
  const char *canonical;
  const char *side;
  const char *forms;   /* "|"-separated, as written in texts */
} Speaker;

static const Speaker speakers[] = {
  { "Kremlin", "RU", "Kremlin|the Kremlin|Кремль|Кремле|Кремля|Кремлем|пресс-служба Кремля|пресс-службе Кремля" },
  { "Dmitry Peskov", "RU", "Dmitry Peskov|Dmitri Peskov|Peskov|Дмитрий Песков|Песков|Пескова|Пескову" },
  { "Yury Ushakov", "RU", "Yury Ushakov|Yuri Ushakov|Ushakov|Юрий Ушаков|Ушаков|Ушакова" },
  { "Sergei Lavrov", "RU", "Sergei Lavrov|Sergey Lavrov|Lavrov|Сергей Лавров|Лавров|Лаврова" },
  { "Maria Zakharova", "RU", "Maria Zakharova|Zakharova|Мария Захарова|Захарова" },
  { "Russian Foreign Ministry", "RU", "Russian Foreign Ministry|Russian Foreign Ministry's|МИД России|МИД РФ" },
  { "TASS", "RU", "TASS|ТАСС" },
  { "RIA Novosti", "RU", "RIA Novosti|RIA|РИА Новости" },
  { "White House", "US", "White House|the White House|Белый дом|Белого дома|Белом доме" },
  { "Sean Spicer", "US", "Sean Spicer|Spicer|Шон Спайсер|Спайсер" },
  { "Sarah Sanders", "US", "Sarah Sanders|Sarah Huckabee Sanders|Huckabee Sanders" },
  { "Jen Psaki", "US", "Jen Psaki|Psaki|Псаки|Джен Псаки" },
  { "Karine Jean-Pierre", "US", "Karine Jean-Pierre|Jean-Pierre" },
  { "John Kirby", "US", "John Kirby|Kirby" },
  { "Jake Sullivan", "US", "Jake Sullivan|Sullivan" },
  { "Kellyanne Conway", "US", "Kellyanne Conway|Conway" },
  { "State Department", "US", "State Department|Department of State|U.S. State Department|Госдеп|Госдепартамент|Госдепартамента" },
  { "Ned Price", "US", "Ned Price" },
  { "Matthew Miller", "US", "Matthew Miller" },
  { "Rex Tillerson", "US", "Rex Tillerson|Tillerson" },
  { "Mike Pompeo", "US", "Mike Pompeo|Pompeo" },
  { "Antony Blinken", "US", "Antony Blinken|Blinken|Блинкен" },
  { "Élysée", "FR", "Élysée|Elysee|Élysée Palace|Elysee Palace|Елисейский дворец|Елисейского дворца" },
  { "German Federal Government", "DE", "Bundesregierung|German government|Federal Government|Chancellery|German Chancellery" },
  { "Steffen Seibert", "DE", "Steffen Seibert|Seibert|Зайберт" },
  { "Steffen Hebestreit", "DE", "Steffen Hebestreit|Hebestreit" },
  { "Ministry of Foreign Affairs of Japan", "JP", "Ministry of Foreign Affairs of Japan|Japanese Foreign Ministry|MOFA|Japan's Foreign Ministry" },
  { "Kantei", "JP", "Kantei|Prime Minister's Office of Japan" },
  { "Chief Cabinet Secretary", "JP", "Chief Cabinet Secretary" },
  { "Chinese Foreign Ministry", "CN", "Chinese Foreign Ministry|China's Foreign Ministry|МИД КНР|МИД Китая" },
  { "Xinhua", "CN", "Xinhua|Синьхуа" },
  { "Wang Wenbin", "CN", "Wang Wenbin" },
  { "Mao Ning", "CN", "Mao Ning" },
  { "Downing Street", "GB", "Downing Street|No 10|Number 10|Даунинг-стрит" },
  { "Office of the President of Ukraine", "UA", "Office of the President of Ukraine|Ukrainian presidency|Офис президента Украины" },
  { "Turkish Presidency", "TR", "Turkish presidency|Turkish Presidency|Directorate of Communications" },
  { "Ministry of External Affairs", "IN", "Ministry of External Affairs|MEA" },
  { "Prime Minister's Office of India", "IN", "Prime Minister's Office of India|PMO" },
};

static const Speaker *
speaker_table (guint *n)
{
  *n = G_N_ELEMENTS (speakers);
  return speakers;
}

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

/* Tables. */

static void
leader_free (Leader *leader)
{
  g_free (leader->name);
  g_free (leader->country);
  g_free (leader->office);
  g_free (leader->term_start);
  g_free (leader->term_end);
  g_strfreev (leader->aliases);
  g_free (leader);
}

static void
form_free (Form *form)
{
  g_strfreev (form->words);
  g_free (form);
}

static gboolean
in_list (const char * const *list,
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

static gboolean
has_prefix_in_list (const char * const *list,
                    const char         *word)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (word, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_cyrillic_word (const char *word)
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

static gboolean
word_matches (const char *form_word,
              const char *token)
{
  if (g_str_equal (form_word, token))
    return TRUE;
  if (is_cyrillic_word (form_word) && g_str_has_prefix (token, form_word))
    return g_utf8_strlen (token + strlen (form_word), -1) <= 3;
  return FALSE;
}

static char **
fold_words (const char *phrase)
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
      if (is_cyrillic_word (word))
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
  char **words = fold_words (phrase);

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

static void
add_leader_forms (ReadoutExtractor *self,
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

static void
rebuild_forms (ReadoutExtractor *self)
{
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
    add_leader_forms (self, self->forms, self->form_index, g_ptr_array_index (self->leaders, i), i);
  self->forms_dirty = FALSE;
}

static void
load_countries (ReadoutExtractor *self)
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
static const char *
lookup_country (ReadoutExtractor *self,
                const char       *folded)
{
  const char *code = g_hash_table_lookup (self->countries, folded);

  if (code == NULL && is_cyrillic_word (folded))
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
  return code;
}

/* GObject. */

static void
readout_extractor_finalize (GObject *object)
{
  ReadoutExtractor *self = READOUT_EXTRACTOR (object);

  g_ptr_array_unref (self->leaders);
  g_hash_table_unref (self->form_index);
  g_ptr_array_unref (self->forms);
  g_clear_pointer (&self->tagger, readout_topic_tagger_free);
  g_ptr_array_unref (self->topic_names);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->demonyms);
  g_free (self->fallback_date);
  g_free (self->today);

  G_OBJECT_CLASS (readout_extractor_parent_class)->finalize (object);
}

static void
readout_extractor_class_init (ReadoutExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = readout_extractor_finalize;
}

static void
readout_extractor_init (ReadoutExtractor *self)
{
  self->leaders = g_ptr_array_new_with_free_func ((GDestroyNotify) leader_free);
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) form_free);
  self->form_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->tagger = readout_topic_tagger_new ();
  self->topic_names = g_ptr_array_new_with_free_func (g_free);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->demonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->use_gazetteer = TRUE;
  self->forms_dirty = TRUE;
  load_countries (self);
}

ReadoutExtractor *
readout_extractor_new (void)
{
  return g_object_new (READOUT_TYPE_EXTRACTOR, NULL);
}

void
readout_extractor_add_leader (ReadoutExtractor *self,
                              ReadoutLeader    *leader)
{
  Leader *copy;

  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_return_if_fail (READOUT_IS_LEADER (leader));
  g_return_if_fail (readout_leader_get_name (leader) != NULL);

  copy = g_new0 (Leader, 1);
  copy->name = g_strdup (readout_leader_get_name (leader));
  copy->country = g_strdup (readout_leader_get_country (leader));
  copy->office = g_strdup (readout_leader_get_office (leader));
  copy->term_start = g_strdup (readout_leader_get_term_start (leader));
  copy->term_end = g_strdup (readout_leader_get_term_end (leader));
  copy->aliases = g_strdupv ((char **) readout_leader_get_aliases (leader));
  copy->id = readout_leader_get_id (leader);
  g_ptr_array_add (self->leaders, copy);
  self->forms_dirty = TRUE;
}

void
readout_extractor_add_topic (ReadoutExtractor *self,
                             ReadoutTopic     *topic)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_return_if_fail (READOUT_IS_TOPIC (topic));

  g_ptr_array_add (self->topic_names, g_strdup (readout_topic_get_name (topic)));
  readout_topic_tagger_add_topic (self->tagger, self->topic_names->len, topic);
}

gboolean
readout_extractor_add_default_topics (ReadoutExtractor  *self,
                                      GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *topics;

  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), FALSE);

  bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/topics.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  topics = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *object = json_array_get_object_element (topics, i);
      JsonObject *keywords = json_object_get_object_member (object, "keywords");
      g_autoptr(ReadoutTopic) topic = readout_topic_new ();
      g_autoptr(GList) languages = json_object_get_members (keywords);

      readout_topic_set_name (topic, json_object_get_string_member (object, "name"));
      for (GList *l = languages; l != NULL; l = l->next)
        {
          JsonArray *words = json_object_get_array_member (keywords, l->data);
          g_autoptr(GPtrArray) strv = g_ptr_array_new ();

          for (guint j = 0; j < json_array_get_length (words); j++)
            g_ptr_array_add (strv, (gpointer) json_array_get_string_element (words, j));
          g_ptr_array_add (strv, NULL);
          readout_topic_set_keywords (topic, l->data, (const char * const *) strv->pdata);
        }
      readout_extractor_add_topic (self, topic);
    }
  return TRUE;
}

void
readout_extractor_set_fallback_date (ReadoutExtractor *self,
                                     const char       *iso_date)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_free (self->fallback_date);
  self->fallback_date = g_strdup (iso_date);
}

void
readout_extractor_set_today (ReadoutExtractor *self,
                             const char       *iso_date)
{
  g_return_if_fail (READOUT_IS_EXTRACTOR (self));
  g_free (self->today);
  self->today = g_strdup (iso_date);
}

/* One extraction. */

#define NO_LEADER G_MAXUINT
#define HOST (G_MAXUINT - 1)
#define MAX_MENTIONS_PER_SENTENCE 64

typedef enum {
  CLAIM_WEEKDAY,
  CLAIM_RELATIVE,
  CLAIM_EXPLICIT,
} ClaimKind;

typedef struct {
  ClaimKind kind;
  int       weekday;  /* GDateWeekday */
  int       offset;
  int       year;     /* 0 = not given */
  int       month;
  int       day;
  Where     where;
  guint     tok;      /* where the claim starts */
} DateClaim;

typedef struct {
  int                      minutes;
  ReadoutDurationQualifier qualifier;
  Where                    where;
} DurationClaim;

typedef struct {
  ReadoutExtractor *self;
  const char       *text;
  gsize             length;

  GArray           *raw_tokens;   /* ReadoutToken */
  GStringChunk     *strings;
  GArray           *toks;         /* Tok */
  GArray           *sentences;    /* Sentence */

  GPtrArray        *leaders;      /* Leader, borrowed: known then discovered */
  GPtrArray        *discovered;   /* Leader, owned */
  GPtrArray        *extra_forms;  /* Form, owned: of discovered leaders */
  GHashTable       *extra_index;

  GArray           *mentions;     /* Mention, in text order */
  GArray           *links;        /* Link */
  GHashTable       *initiators;   /* leader index + 1 -> GUINT_TO_POINTER (1), "received a call from" */

  GDate             base;         /* the text's date, or the fallback */
  gboolean          has_base;
  gboolean          published_no_year;
  gboolean          year_guessed; /* published_no_year, and little told which year */
  int               published_month;
  int               published_day;
  guint             dateline_tok; /* the dateline's first token, or G_MAXUINT */

  GPtrArray        *seen_speakers; /* const char *: canonical, side, canonical, side... (borrowed) */

  char             *publisher;
  char             *side;
  gboolean          official;
  gboolean          joint;        /* a joint statement: every unattributed sentence is both sides' */
  ReadoutSourceKind kind;
} Work;

static void
work_clear (Work *w)
{
  g_clear_pointer (&w->raw_tokens, g_array_unref);
  g_clear_pointer (&w->strings, g_string_chunk_free);
  g_clear_pointer (&w->toks, g_array_unref);
  g_clear_pointer (&w->sentences, g_array_unref);
  g_clear_pointer (&w->leaders, g_ptr_array_unref);
  g_clear_pointer (&w->discovered, g_ptr_array_unref);
  g_clear_pointer (&w->extra_index, g_hash_table_unref);
  g_clear_pointer (&w->extra_forms, g_ptr_array_unref);
  g_clear_pointer (&w->mentions, g_array_unref);
  if (w->links != NULL)
    {
      for (guint i = 0; i < w->links->len; i++)
        {
          g_array_unref (g_array_index (w->links, Link, i).sentences);
          g_array_unref (g_array_index (w->links, Link, i).others);
        }
      g_clear_pointer (&w->links, g_array_unref);
    }
  g_clear_pointer (&w->initiators, g_hash_table_unref);
  g_clear_pointer (&w->seen_speakers, g_ptr_array_unref);
  g_clear_pointer (&w->publisher, g_free);
  g_clear_pointer (&w->side, g_free);
}

static inline Tok *
tok_at (Work *w,
        guint i)
{
  return &g_array_index (w->toks, Tok, i);
}

static inline Sentence *
sentence_at (Work *w,
             guint i)
{
  return &g_array_index (w->sentences, Sentence, i);
}

static inline Leader *
leader_at (Work *w,
           guint i)
{
  return g_ptr_array_index (w->leaders, i);
}

static gboolean
tok_is (Work       *w,
        guint       i,
        const char *word)
{
  return i < w->toks->len && g_str_equal (tok_at (w, i)->folded, word);
}

/* Only spaces between two tokens (no comma, no dash, no quote). */
static gboolean
gap_is_space (Work  *w,
              guint  a,
              guint  b)
{
  for (gsize p = tok_at (w, a)->end; p < tok_at (w, b)->start; p++)
    if (!g_ascii_isspace (w->text[p]))
      return FALSE;
  return TRUE;
}

static gboolean
gap_is_comma (Work  *w,
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

static void
tokenize (Work *w)
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
      tok.cyrillic = is_cyrillic_word (t->folded);

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
  return in_list (abbreviations, word);
}

static int month_of (const char *folded);

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
  return month_of (word) > 0 && !is_cyrillic_word (word);
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

static void
split_sentences (Work *w)
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
      Where where;
      gsize start, i;

      pos = pe + 1;
      while (ps < pe && g_ascii_isspace (text[ps]))
        ps++;
      while (pe > ps && g_ascii_isspace (text[pe - 1]))
        pe--;
      if (ps == pe)
        continue;

      where = classify_paragraph (text + ps, pe - ps, para_index++);
      start = ps;
      i = ps;
      while (i < pe)
        {
          gsize j;
          gboolean end_mark = FALSE;

          if (text[i] == '.' || text[i] == '!' || text[i] == '?')
            {
              j = i + 1;
              end_mark = TRUE;
            }
          else if ((guchar) text[i] == 0xE2 && i + 2 < pe && (guchar) text[i + 1] == 0x80 &&
                   (guchar) text[i + 2] == 0xA6)
            {
              j = i + 3;
              end_mark = TRUE;
            }
          else
            j = i + 1;

          if (end_mark)
            {
              gsize k;

              /* Closing quotes and brackets belong to the sentence they close. */
              while (j < pe && (text[j] == '"' || text[j] == '\'' || text[j] == ')' ||
                                (j + 2 < pe && (guchar) text[j] == 0xE2 && (guchar) text[j + 1] == 0x80 &&
                                 ((guchar) text[j + 2] == 0x9D || (guchar) text[j + 2] == 0x99)) ||
                                (j + 1 < pe && (guchar) text[j] == 0xC2 && (guchar) text[j + 1] == 0xBB)))
                j += ((guchar) text[j] == 0xE2) ? 3 : ((guchar) text[j] == 0xC2 ? 2 : 1);

              k = j;
              while (k < pe && text[k] == ' ')
                k++;
              if (k > j && k < pe && (text[i] != '.' || !is_abbreviation (text, start, i)) &&
                  !(text[i] == '.' && is_german_day (text, start, i, k, pe)))
                {
                  gunichar next = g_utf8_get_char_validated (text + k, pe - k);

                  if (next != (gunichar) -1 && next != (gunichar) -2 &&
                      (g_unichar_isupper (next) || g_unichar_isdigit (next) || next == '"' ||
                       next == 0x201C || next == 0xAB || next == '(' || next == 0x2014 ||
                       next == '-'))
                    {
                      Sentence s = { 0, 0, start, j, where };
                      g_array_append_val (w->sentences, s);
                      start = k;
                    }
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

/* Dates. */

static int
month_of (const char *folded)
{
  if (is_cyrillic_word (folded))
    {
      for (guint i = 0; months_ru[i] != NULL; i++)
        if (g_str_has_prefix (folded, months_ru[i]) &&
            (i != 4 || g_str_equal (folded, "мая") || g_str_equal (folded, "май")))
          return i + 1;
      return 0;
    }
  for (guint i = 0; months_en[i] != NULL; i++)
    {
      static const char * const full[] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
      };
      /* German, for the Federal Government's "21. Dezember 2021" */
      static const char * const german[] = {
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember",
      };
      if (g_str_equal (folded, months_en[i]) || g_str_equal (folded, full[i]) ||
          g_str_equal (folded, german[i]) ||
          (i == 8 && g_str_equal (folded, "sept")))
        return i + 1;
    }
  return 0;
}

static int
number_of (Tok *t)
{
  if (!t->number)
    return -1;
  for (const char *p = t->folded; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return -1;
  if (strlen (t->folded) > 4)
    return -1;
  return atoi (t->folded);
}

/* A calendar date starting at token @i, within [i, end): "January 27, 2017", "Nov. 21",
 * "27 января 2017 года", "28 January 2017", "2017-01-28". Returns the tokens used. */
static guint
parse_date_at (Work  *w,
               guint  i,
               guint  end,
               int   *year,
               int   *month,
               int   *day)
{
  int a = i < end ? number_of (tok_at (w, i)) : -1;
  int m;

  *year = 0;
  if (i >= end)
    return 0;

  /* "2022-07-29" is one token: hyphens join words. */
  {
    const char *f = tok_at (w, i)->folded;
    int yy, mm, dd, n = 0;

    if (strlen (f) == 10 && g_ascii_isdigit (f[0]) && f[4] == '-' && f[7] == '-' &&
        sscanf (f, "%4d-%2d-%2d%n", &yy, &mm, &dd, &n) == 3 && n == 10 &&
        yy >= 1000 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)
      {
        *year = yy;
        *month = mm;
        *day = dd;
        return 1;
      }
  }

  /* "2022-07-29" split by the tokenizer, or "2022/07/29" */
  if (a >= 1000 && i + 2 < end && tok_at (w, i + 1)->start == tok_at (w, i)->end + 1 &&
      (w->text[tok_at (w, i)->end] == '-' || w->text[tok_at (w, i)->end] == '/') &&
      tok_at (w, i + 2)->start == tok_at (w, i + 1)->end + 1 &&
      w->text[tok_at (w, i + 1)->end] == w->text[tok_at (w, i)->end])
    {
      int mm = number_of (tok_at (w, i + 1));
      int dd = number_of (tok_at (w, i + 2));

      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)
        {
          *year = a;
          *month = mm;
          *day = dd;
          return 3;
        }
    }

  m = month_of (tok_at (w, i)->folded);
  if (m > 0 && (tok_at (w, i)->upper || tok_at (w, i)->cyrillic) && i + 1 < end)
    {
      int d = number_of (tok_at (w, i + 1));

      if (d >= 1 && d <= 31 && strlen (tok_at (w, i + 1)->folded) <= 2)
        {
          *month = m;
          *day = d;
          if (i + 2 < end && number_of (tok_at (w, i + 2)) >= 1000)
            {
              *year = number_of (tok_at (w, i + 2));
              return 3;
            }
          return 2;
        }
    }
  if (a >= 1 && a <= 31 && i + 1 < end && strlen (tok_at (w, i)->folded) <= 2)
    {
      m = month_of (tok_at (w, i + 1)->folded);
      if (m > 0)
        {
          *month = m;
          *day = a;
          if (i + 2 < end && number_of (tok_at (w, i + 2)) >= 1000)
            {
              *year = number_of (tok_at (w, i + 2));
              return 3;
            }
          return 2;
        }
    }
  return 0;
}

static gboolean
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_iso (const char *iso,
           GDate      *date)
{
  int y = 0, m = 0, d = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  return set_date (date, y, m, d);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The text's own date: a dateline in the first paragraphs ("Nov. 21 (UPI) --",
 * "MOSCOW, January 28 /TASS/", a line with "January 27, 2017"). */
/* A schedule's title gives the day of everything in it: "Prime Minister’s itinerary for
 * Tuesday, October 31, 2023", released the day before. */
static gboolean
find_schedule_date (Work *w)
{
  Sentence *title;

  if (w->sentences->len == 0 || sentence_at (w, 0)->where != WHERE_TITLE)
    return FALSE;
  title = sentence_at (w, 0);
  for (guint i = title->tok_start; i < title->tok_end; i++)
    {
      int y, m, d;

      if (!(tok_is (w, i, "itinerary") || tok_is (w, i, "schedule")))
        continue;
      for (guint k = i + 1; k < title->tok_end; k++)
        if (parse_date_at (w, k, title->tok_end, &y, &m, &d) > 0 && y > 0)
          {
            w->has_base = set_date (&w->base, y, m, d);
            return w->has_base;
          }
    }
  return FALSE;
}

static void
find_published (Work *w)
{
  guint paragraphs = 0;
  gsize last_para_start = G_MAXSIZE;

  if (find_schedule_date (w))
    return;

  for (guint s = 0; s < w->sentences->len && paragraphs <= 4; s++)
    {
      Sentence *sentence = sentence_at (w, s);
      gsize para_start = sentence->start;

      /* Sentences of one paragraph share its first byte's line. */
      while (para_start > 0 && w->text[para_start - 1] != '\n')
        para_start--;
      if (para_start != last_para_start)
        {
          paragraphs++;
          last_para_start = para_start;
        }
      if (sentence->start != para_start)
        continue;

      for (guint i = sentence->tok_start; i < sentence->tok_end && i < sentence->tok_start + 4; i++)
        {
          int y, m, d;
          guint used;

          if (tok_at (w, i)->start - para_start > 40)
            break;
          used = parse_date_at (w, i, sentence->tok_end, &y, &m, &d);
          if (used == 0)
            continue;
          w->dateline_tok = i;
          if (y > 0)
            {
              w->has_base = set_date (&w->base, y, m, d);
              if (w->has_base)
                return;
            }
          else
            {
              w->published_no_year = TRUE;
              w->published_month = m;
              w->published_day = d;
              return;
            }
        }
    }
}

/* Publisher. */

static const Speaker *speaker_table (guint *n);

/* The name a government's readouts go by: its entry among the speakers ("White House",
 * "Office of the President of Ukraine"), else "Government of CC". */
static char *
government_of (const char *side)
{
  guint n;
  const Speaker *table = speaker_table (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].side, side))
      return g_strdup (table[i].canonical);
  return g_strdup_printf ("Government of %s", side);
}

/* A capital alone on its line under the title ("New Delhi"): where a government's release
 * was issued. A wire report's "MOSCOW, Jan 28 (Reuters)" has its agency found before this. */
static void
find_capital_line (Work       *w,
                   const char *head)
{
  static const struct { const char *city; const char *code; } capitals[] = {
    { "New Delhi", "IN" }, { "Moscow", "RU" }, { "Москва", "RU" }, { "Washington", "US" },
    { "Washington, D.C.", "US" }, { "Tokyo", "JP" }, { "Ottawa", "CA" }, { "London", "GB" },
    { "Paris", "FR" }, { "Berlin", "DE" }, { "Kyiv", "UA" }, { "Beijing", "CN" },
    { "Helsinki", "FI" }, { "Ankara", "TR" }, { "Canberra", "AU" }, { "Brasília", "BR" },
  };
  g_auto(GStrv) lines = g_strsplit (head, "\n", 5);
  guint n_lines = g_strv_length (lines);

  /* Lines 2 to 4, each with a line after it (the text's body) */
  for (guint l = 1; l + 1 < n_lines && l < 4; l++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[l]));
      size_t n;

      /* "New Delhi", or a date line "Paris, 8 March 2023" */
      for (guint i = 0; i < G_N_ELEMENTS (capitals); i++)
        if (g_str_equal (line, capitals[i].city) ||
            (n = strlen (capitals[i].city), strncmp (line, capitals[i].city, n) == 0 &&
             line[n] == ',' && line[n + 1] == ' ' && g_ascii_isdigit (line[n + 2])))
          {
            w->side = g_strdup (capitals[i].code);
            w->publisher = government_of (w->side);
            return;
          }
    }
}

/* The first speaker of the table named in @folded_line: its name and side, newly allocated. */
static gboolean
speaker_in (const char  *folded_line,
            char       **publisher,
            char       **side)
{
  guint n;
  const Speaker *table = speaker_table (&n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) forms = g_strsplit (table[i].forms, "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          g_autofree char *form = g_utf8_casefold (forms[k], -1);

          if (strlen (form) > 4 && strstr (folded_line, form) != NULL)
            {
              *publisher = g_strdup (table[i].canonical);
              *side = g_strdup (table[i].side);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
find_publisher (Work *w)
{
  static const struct { const char *marker; const char *name; } agencies[] = {
    { "(UPI)", "UPI" }, { "(Reuters)", "Reuters" }, { "(AP)", "AP" }, { "(AFP)", "AFP" },
    { "/TASS/", "TASS" }, { "(TASS)", "TASS" }, { "(Xinhua)", "Xinhua" }, { "/ТАСС/", "ТАСС" },
    { "— ТАСС", "ТАСС" }, { "РИА Новости", "РИА Новости" }, { "(Yonhap)", "Yonhap" },
    { "(Kyodo)", "Kyodo" }, { "(Bloomberg)", "Bloomberg" }, { "(dpa)", "dpa" },
    { "(CNN)", "CNN" }, { "(Interfax)", "Interfax" },
  };
  g_autofree char *head = g_strndup (w->text, MIN (w->length, 400));
  g_autofree char *lower = g_utf8_casefold (head, -1);
  g_autofree char *first_line = NULL;
  const char *nl = strchr (head, '\n');

  first_line = g_utf8_casefold (head, nl != NULL ? nl - head : -1);

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (strstr (head, agencies[i].marker) != NULL)
      {
        w->publisher = g_strdup (agencies[i].name);
        w->kind = READOUT_SOURCE_KIND_NEWS_REPORT;
        return;
      }

  if (g_str_has_prefix (lower, "telephone conversation with") ||
      g_str_has_prefix (lower, "телефонный разговор") ||
      strstr (lower, "kremlin.ru") != NULL)
    {
      w->publisher = g_strdup ("Kremlin");
      w->side = g_strdup ("RU");
    }
  else if (g_str_has_prefix (first_line, "secretary ") && strstr (first_line, "call with") != NULL)
    {
      /* "Secretary Blinken's Call with ...": the State Department's readout */
      w->publisher = g_strdup ("State Department");
      w->side = g_strdup ("US");
    }
  else if (strstr (lower, "pib delhi") != NULL || strstr (lower, "press information bureau") != NULL)
    {
      /* India's Press Information Bureau publishes the Prime Minister's Office's readouts */
      gboolean pm = g_str_has_prefix (first_line, "pm ") || g_str_has_prefix (first_line, "pm's") ||
                    g_str_has_prefix (first_line, "prime minister");

      w->publisher = g_strdup (pm ? "Prime Minister's Office of India" : "Ministry of External Affairs");
      w->side = g_strdup ("IN");
    }
  else if (strstr (lower, "mea.gov.in") != NULL || strstr (lower, "ministry of external affairs") != NULL)
    {
      w->publisher = g_strdup ("Ministry of External Affairs");
      w->side = g_strdup ("IN");
    }
  else if (g_str_has_prefix (first_line, "readout of") ||
           strstr (first_line, "readout of") != NULL)
    {
      gboolean state = strstr (first_line, "secretary") != NULL;

      w->publisher = g_strdup (state ? "State Department" : "White House");
      w->side = g_strdup ("US");
    }
  else if (strstr (first_line, "telephone talk") != NULL ||
           strstr (first_line, "summit telephone") != NULL)
    {
      w->publisher = g_strdup ("Ministry of Foreign Affairs of Japan");
      w->side = g_strdup ("JP");
    }
  else if (strstr (first_line, "élysée") != NULL || strstr (first_line, "elysee") != NULL)
    {
      w->publisher = g_strdup ("Élysée");
      w->side = g_strdup ("FR");
    }
  else if (strstr (lower, "press release") != NULL &&
           (strstr (lower, "federal chancellor") != NULL || strstr (lower, "federal government") != NULL))
    {
      w->publisher = g_strdup ("German Federal Government");
      w->side = g_strdup ("DE");
    }
  else if (g_str_has_prefix (first_line, "pm call with") || strstr (first_line, "downing street") != NULL)
    {
      w->publisher = g_strdup ("Downing Street");
      w->side = g_strdup ("GB");
    }
  else if (strstr (lower, ", prime minister of japan,") != NULL ||
           strstr (lower, "[provisional translation]") != NULL)
    {
      /* "Mr. KISHIDA Fumio, Prime Minister of Japan, held a summit telephone talk with ..." */
      gboolean kantei = strstr (lower, "[provisional translation]") != NULL;

      w->publisher = g_strdup (kantei ? "Prime Minister's Office of Japan" : "Ministry of Foreign Affairs of Japan");
      w->side = g_strdup ("JP");
    }
  else if (strstr (first_line, "prime minister") != NULL && strstr (first_line, "itinerary") != NULL)
    {
      /* pm.gc.ca: "Prime Minister’s itinerary for Tuesday, October 31, 2023" */
      w->publisher = g_strdup ("Prime Minister's Office of Canada");
      w->side = g_strdup ("CA");
    }
  else if (strstr (lower, "bundesregierung") != NULL || strstr (lower, "bundeskanzler") != NULL)
    {
      w->publisher = g_strdup ("German Federal Government");
      w->side = g_strdup ("DE");
    }
  else if (g_str_has_prefix (first_line, "statement by ") && speaker_in (first_line, &w->publisher, &w->side))
    {
      /* "Statement by Press Secretary Jen Psaki on ..." */
    }
  else if (strstr (first_line, "ministry of foreign affairs") != NULL ||
           strstr (first_line, "foreign ministry") != NULL)
    {
      /* "Chinese Foreign Ministry: ...", "Ministry of Foreign Affairs of Turkey: ..." */
      g_auto(GStrv) words = g_strsplit_set (first_line, " :,", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          const char *code = lookup_country (w->self, words[i]);

          if (code != NULL)
            {
              w->publisher = g_strdup_printf ("Foreign Ministry of %s", code);
              w->side = g_strdup (code);
              break;
            }
        }
    }

  if (w->side == NULL && g_str_has_prefix (first_line, "joint statement"))
    {
      w->joint = TRUE;
      w->publisher = g_strdup ("Joint statement");
      w->kind = READOUT_SOURCE_KIND_READOUT;
      return;
    }
  if (w->side == NULL)
    find_capital_line (w, head);

  if (w->side != NULL)
    {
      w->official = TRUE;
      w->kind = READOUT_SOURCE_KIND_READOUT;
    }
}

/* Leaders that the store does not know yet, from title patterns. */

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

static gboolean
is_name_token (Work  *w,
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
  if (in_list (not_names, t->folded) || month_of (t->folded) > 0)
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

static guint find_form_at (Work *w, guint i, guint end, guint *leader);

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
  if (find_form_at (w, name_start, name_end, &known) > 0)
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
              add_leader_forms (w->self, w->extra_forms, w->extra_index, leader, i);
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
  add_leader_forms (w->self, w->extra_forms, w->extra_index, leader, w->leaders->len - 1);
}

/* A country in one to three tokens at @i ("German", "South Korean", "United States"). */
static guint
match_country (Work        *w,
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
              if (!gap_is_space (w, i + k - 1, i + k))
                break;
              g_string_append_c (phrase, ' ');
            }
          g_string_append (phrase, tok_at (w, i + k)->folded);
        }
      /* A phrase never runs over a comma: "Britain, and ..." is one word */
      if (k < n || (!tok_at (w, i)->upper && !tok_at (w, i)->cyrillic))
        continue;
      *code = lookup_country (w->self, phrase->str);
      if (*code != NULL)
        return n;
    }
  return 0;
}

static gboolean
ends_possessive (Work  *w,
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

  while (i + n < end && n < max + 2 && (n == 0 || gap_is_space (w, i + n - 1, i + n)))
    {
      /* "Ursula von der Leyen", "Mohammed bin Salman": lower-case particles inside a name */
      if (n > 0 && in_list (particles, tok_at (w, i + n)->folded) && !tok_at (w, i + n)->upper)
        {
          guint k = n;

          while (i + k < end && k < n + 2 && in_list (particles, tok_at (w, i + k)->folded) &&
                 gap_is_space (w, i + k - 1, i + k))
            k++;
          if (i + k < end && is_name_token (w, i + k) && gap_is_space (w, i + k - 1, i + k))
            {
              n = k + 1;
              continue;
            }
          break;
        }
      if (!is_name_token (w, i + n) || n >= max)
        break;
      n++;
      /* A possessive ends the name: "Harris’s Calls" */
      if (w->text[tok_at (w, i + n - 1)->end] == '\'' ||
          g_str_has_prefix (w->text + tok_at (w, i + n - 1)->end, "’") ||
          ends_possessive (w, i + n - 1))
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
      else if (i < end && tok_at (w, i)->upper && in_list (single, tok_at (w, i)->folded))
        i++;
      else
        return i;
    }
}

static void
discover_leaders (Work *w)
{
  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);
      guint end = sentence->tok_end;

      for (guint i = sentence->tok_start; i < end; i++)
        {
          const char *code = NULL, *office = NULL;
          gboolean instrumental, genitive;
          guint nc, no, nn;

          /* "German Chancellor Angela Merkel", "Russian president Vladimir Putin" */
          nc = match_country (w, i, end, &code);
          if (nc > 0 && i + nc < end && gap_is_space (w, i + nc - 1, i + nc))
            {
              no = match_office (w, i + nc, end, &office, &instrumental, &genitive);
              if (no > 0 && !tok_at (w, i + nc)->cyrillic)
                {
                  guint ns = skip_honorifics (w, i + nc + no, end);

                  nn = ns < end && gap_is_space (w, ns - 1, ns) ? name_run (w, ns, end, 4) : 0;
                  if (nn > 0)
                    {
                      discover_leader (w, ns, ns + nn, code, office, FALSE, FALSE);
                      i = ns + nn - 1;
                      continue;
                    }
                }
            }

          no = match_office (w, i, end, &office, &instrumental, &genitive);
          if (no == 0)
            continue;
          if (!tok_at (w, i)->upper && !tok_at (w, i)->cyrillic)
            continue;

          if (tok_at (w, i)->cyrillic)
            {
              /* "Президентом США Дональдом Трампом", "Федеральным канцлером Германии Ангелой Меркель" */
              guint j = i + no;

              nc = j < end ? match_country (w, j, end, &code) : 0;
              if (nc == 0)
                continue;
              nn = name_run (w, j + nc, end, 3);
              if (nn > 0)
                {
                  discover_leader (w, j + nc, j + nc + nn, code, office, instrumental, genitive);
                  i = j + nc + nn - 1;
                }
              continue;
            }

          if (g_str_equal (office, "Secretary of State"))
            {
              guint ns = skip_honorifics (w, i + no, end);

              nn = ns < end ? name_run (w, ns, end, 3) : 0;
              if (nn > 0)
                {
                  discover_leader (w, ns, ns + nn, "US", office, FALSE, FALSE);
                  i = ns + nn - 1;
                }
              continue;
            }

          /* "President of the United States Joseph Biden" */
          if (tok_is (w, i + no, "of"))
            {
              guint j = i + no + 1 + (tok_is (w, i + no + 1, "the") ? 1 : 0);

              nc = j < end ? match_country (w, j, end, &code) : 0;
              if (nc > 0)
                {
                  guint ns = skip_honorifics (w, j + nc, end);

                  nn = ns < end ? name_run (w, ns, end, 4) : 0;
                  /* "the Prime Minister of Ethiopia, Abiy Ahmed": a full name after a comma */
                  if (nn > 0 && (ns > j + nc || gap_is_space (w, j + nc - 1, j + nc) ||
                                 (nn >= 2 && gap_is_comma (w, j + nc - 1, j + nc))))
                    {
                      discover_leader (w, ns, ns + nn, code, office, FALSE, FALSE);
                      i = ns + nn - 1;
                    }
                }
              continue;
            }

          /* "President Zelenskyy of Ukraine" */
          nn = name_run (w, i + no, end, 3);
          if (nn > 0 && tok_is (w, i + no + nn, "of"))
            {
              guint j = i + no + nn + 1 + (tok_is (w, i + no + nn + 1, "the") ? 1 : 0);

              nc = j < end ? match_country (w, j, end, &code) : 0;
              if (nc > 0)
                {
                  discover_leader (w, i + no, i + no + nn, code, office, FALSE, FALSE);
                  i = j + nc - 1;
                }
            }
          /* A government names its own vice president without the country: "Readout of
           * Vice President Harris’s Calls with ..." */
          else if (nn > 0 && w->side != NULL && g_str_equal (office, "Vice President"))
            {
              guint ns = skip_honorifics (w, i + no, end);

              nn = name_run (w, ns, end, 4);
              if (nn > 0)
                {
                  discover_leader (w, ns, ns + nn, w->side, office, FALSE, FALSE);
                  i = ns + nn - 1;
                }
            }
        }
    }
}

/* Mentions. */

static gboolean
term_covers (const char  *term_start,
             const char  *term_end,
             const GDate *date);

static gboolean
has_terms (Leader *leader)
{
  return leader->term_start != NULL || leader->person != NULL;
}

/* Whether @leader was in office on @date (any office, or one containing @office_word):
 * by the stored term where there is one, else by the gazetteer's terms. */
static gboolean
in_office_as (Leader      *leader,
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

static gboolean
in_office (Leader      *leader,
           const GDate *date)
{
  return in_office_as (leader, date, NULL);
}

static gboolean
term_covers (const char  *term_start,
             const char  *term_end,
             const GDate *date)
{
  GDate start, end;

  if (date == NULL)
    return TRUE;
  if (parse_iso (term_start, &start) && g_date_compare (date, &start) < 0)
    return FALSE;
  if (parse_iso (term_end, &end) && g_date_compare (date, &end) > 0)
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
    if (!word_matches (form->words[k], tok_at (w, i + k)->folded))
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
      fits = in_office_as (leader_at (w, form->leader), w->has_base ? &w->base : NULL, form->office);
      if (n > *best_length || (n == *best_length && fits && !*best_fits))
        {
          *best_length = n;
          *best_leader = form->leader;
          *best_fits = fits;
        }
    }
}

/* The longest leader form at token @i; prefers the leader in office at the text's date. */
static guint
find_form_at (Work  *w,
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

  return in_list (honorifics, folded);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *x = a, *y = b;

  return x->tok_start < y->tok_start ? -1 : x->tok_start > y->tok_start;
}

static guint side_leader (Work *w, const char *country);

static gboolean
is_title_token (Work  *w,
                guint  i)
{
  const char *code;

  if (in_list (title_words, tok_at (w, i)->folded))
    return TRUE;
  if (g_str_has_prefix (tok_at (w, i)->folded, "премьер-министр"))
    return TRUE;
  return match_country (w, i, i + 1, &code) == 1;
}

static void
find_mentions (Work *w)
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
          guint n = find_form_at (w, i, sentence->tok_end, &leader);
          Mention m;

          if (n == 0)
            {
              i++;
              continue;
            }

          m.leader = leader;
          m.tok_start = i;
          m.tok_end = i + n;
          m.ext_start = i;
          m.sentence = s;
          /* Titles and the rest of the name: "Russian President Vladimir Putin",
           * "President Joseph R. Biden". */
          while (m.ext_start > previous_end && i - m.ext_start < 6 &&
                 (gap_is_space (w, m.ext_start - 1, m.ext_start) ||
                  ((strlen (tok_at (w, m.ext_start - 1)->folded) == 1 ||
                    is_honorific (tok_at (w, m.ext_start - 1)->folded)) &&
                   w->text[tok_at (w, m.ext_start - 1)->end] == '.')) &&
                 (is_title_token (w, m.ext_start - 1) || tok_at (w, m.ext_start - 1)->upper))
            m.ext_start--;
          g_array_append_val (w->mentions, m);
          count++;
          previous_end = m.tok_end;
          i += n;
        }
    }
}

/* An official readout's title names its own leader first: "President Niinistö spoke with
 * US President Biden", "Zelenskyy has telephone conversation with Biden", "Statement by
 * President Joe Biden on ...", "Readout of President Biden’s Call with ...". A text with no
 * publisher yet and such a title is that leader's government's. */
static void
find_side_from_title (Work *w)
{
  static const char * const verbs[] = {
    "spoke", "speaks", "held", "holds", "had", "has", "talks", "talked", "telephoned", "calls",
    "called", "telephonic", "discussed", "discuss", "and", "hat", NULL,
  };
  static const char * const formal_verbs[] = { "has", "had", "held", "holds", NULL };
  Mention *m;
  Sentence *title;
  guint after;
  gboolean statement_by;

  if (w->publisher != NULL || w->mentions->len == 0 || w->sentences->len == 0)
    return;
  title = sentence_at (w, 0);
  m = &g_array_index (w->mentions, Mention, 0);
  if (title->where != WHERE_TITLE || m->sentence != 0)
    return;
  after = m->tok_end;
  if (tok_is (w, after, "s") && w->text[tok_at (w, after - 1)->end] != ' ')
    after++;   /* "Biden’s call" */
  statement_by = m->ext_start == title->tok_start + 2 && tok_is (w, title->tok_start, "statement") &&
                 tok_is (w, title->tok_start + 1, "by");
  if (!(m->ext_start == title->tok_start || statement_by) || after >= title->tok_end ||
      !(in_list (verbs, tok_at (w, after)->folded) || after > m->tok_end || statement_by))
    return;
  /* A headline's bare surnames ("Modi and Putin discuss ...") are a newspaper's, not a government's */
  if (m->tok_end - m->ext_start < 2 && !in_list (formal_verbs, tok_at (w, after)->folded))
    return;
  if (leader_at (w, m->leader)->country == NULL)
    return;
  w->side = g_strdup (leader_at (w, m->leader)->country);
  w->publisher = government_of (w->side);
  w->official = TRUE;
  w->kind = READOUT_SOURCE_KIND_READOUT;
}

/* In its own government's readout, "the Prime Minister" (not "the Prime Minister of Italy")
 * is that government's leader on the text's date. */
static void
find_office_mentions (Work *w)
{
  guint own = w->official ? side_leader (w, w->side) : NO_LEADER;
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

/* Calls. */

static gboolean
is_call_cue (const char *f)
{
  static const char * const english[] = {
    "phone", "phoned", "phones", "telephone", "telephoned", "call", "calls", "called",
    "spoke", "speak", "speaks", "speaking", "talk", "talks", "talked", "talking",
    "conversation", "conversations", "converse", "conversed", "discuss", "discussed",
    "discusses", "discussing", "discussion", "discussions", "videoconference",
    "video-conference", "rang", "dialed", "dialled", "chat", "chatted", "phone-call",
    "telefoniert", "telefonierte", "telefonat", "telefongespräch", "gespräch", "sprachen",
    "telephonic",
    NULL,
  };
  static const char * const russian[] = {
    "разговор", "беседова", "беседу", "беседа", "беседе", "созвон", "телефон", "переговор",
    "поговори", "обсуди", "обсужд", "побеседова", "видеоконферен", "звонок", "звонк",
    "позвони", "общени", NULL,
  };

  if (is_cyrillic_word (f))
    return has_prefix_in_list (russian, f);
  return in_list (english, f);
}

static gboolean
sentence_has_cue (Work  *w,
                  guint  from,
                  guint  to)
{
  for (guint i = from; i < to; i++)
    if (is_call_cue (tok_at (w, i)->folded))
      return TRUE;
  return FALSE;
}

static void
add_link (Work  *w,
          guint  a,
          guint  b,
          guint  sentence)
{
  Link link;

  if (a == b || a == NO_LEADER || b == NO_LEADER)
    return;
  if (b == HOST)
    {
      b = a;
      a = HOST;
    }
  for (guint i = 0; i < w->links->len; i++)
    {
      Link *l = &g_array_index (w->links, Link, i);

      if ((l->a == a && l->b == b) || (l->a == b && l->b == a))
        {
          g_array_append_val (l->sentences, sentence);
          return;
        }
    }
  link.a = a;
  link.b = b;
  link.first_sentence = sentence;
  link.sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  link.others = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (link.sentences, sentence);
  g_array_append_val (w->links, link);
}

static gboolean
link_has (Link  *link,
          guint  leader)
{
  if (link->a == leader || link->b == leader)
    return TRUE;
  for (guint i = 0; i < link->others->len; i++)
    if (g_array_index (link->others, guint, i) == leader)
      return TRUE;
  return FALSE;
}

/* Does sentence @s, or the one after it, say the calls were separate ("spoke separately
 * with", "In four separate calls")? */
static gboolean
separate_calls (Work  *w,
                guint  s)
{
  static const char * const words[] = {
    "separately", "separate", "respectively", "calls", "conversations", "отдельно", "раздельно", NULL,
  };

  for (guint k = s; k < w->sentences->len && k <= s + 1; k++)
    for (guint i = sentence_at (w, k)->tok_start; i < sentence_at (w, k)->tok_end; i++)
      if (in_list (words, tok_at (w, i)->folded))
        return TRUE;
  return FALSE;
}

/* One more leader in a list: "with Macron, Merkel and Draghi" is one call of four unless
 * the text says the calls were separate. @a and @b are two of the call the list began. */
static void
add_listed (Work  *w,
            guint  a,
            guint  b,
            guint  leader,
            guint  sentence)
{
  if (!separate_calls (w, sentence))
    for (guint i = 0; i < w->links->len; i++)
      {
        Link *l = &g_array_index (w->links, Link, i);

        if (l->first_sentence == sentence && link_has (l, a) && link_has (l, b))
          {
            if (!link_has (l, leader))
              g_array_append_val (l->others, leader);
            return;
          }
      }
  add_link (w, a, leader, sentence);
}

/* Is the text between two mentions a coordination: "and", ",", "as well as", "и"? */
static gboolean
coordinated (Work    *w,
             Mention *first,
             Mention *second)
{
  guint a = first->tok_end, b = second->ext_start;
  const char *code;

  /* "President Emmanuel Macron of France, Chancellor ..." */
  if (a + 1 < b && tok_is (w, a, "of"))
    {
      guint c = a + 1 + (tok_is (w, a + 1, "the") ? 1 : 0);
      guint n = c < b ? match_country (w, c, b, &code) : 0;

      if (n > 0)
        a = c + n;
    }
  if (b == a)
    return gap_is_comma (w, a - 1, b);
  if (b == a + 1)
    return (tok_is (w, a, "and") || tok_is (w, a, "и") || tok_is (w, a, "or")) ;
  if (b == a + 3)
    return tok_is (w, a, "as") && tok_is (w, a + 1, "well") && tok_is (w, a + 2, "as");
  if (b == a + 2)
    return (tok_is (w, a, "а") && tok_is (w, a + 1, "также")) ||
           (tok_is (w, a, "along") && tok_is (w, a + 1, "with"));
  return FALSE;
}

/* Where a mention's titles and appositions begin, back from @start but not before @floor:
 * "with H.E. Mr. Given SURNAME", "с Наследным принцем, Председателем Совета министров
 * Саудовской Аравии Мухаммедом ...", "with the Prime Minister of Italy, Giorgia Meloni". */
static guint
title_start (Work  *w,
             guint  start,
             guint  floor)
{
  static const char * const joiners[] = {
    "of", "the", "mr", "mrs", "ms", "dr", "h", "e", "hon", "honorable", "honourable",
    "excellency", "his", "her", "shri", "sheikh", "mp", "and", "dem", "der", "den", NULL,
  };
  guint p = start;

  while (p > floor && start - p < 14)
    {
      Tok *t = tok_at (w, p - 1);

      if (is_call_cue (t->folded) || tok_is (w, p - 1, "with") || tok_is (w, p - 1, "с") ||
          tok_is (w, p - 1, "со") || tok_is (w, p - 1, "from") || tok_is (w, p - 1, "от") ||
          tok_is (w, p - 1, "mit"))
        break;
      if (!(t->upper || t->cyrillic || in_list (joiners, t->folded) || is_title_token (w, p - 1) ||
            g_str_has_suffix (t->folded, "ischen")))
        break;
      /* "and" joins two offices of one person ("Crown Prince and Prime Minister"), never two people */
      if (tok_is (w, p - 1, "and") && (p - 1 == floor || !is_title_token (w, p - 2)))
        break;
      p--;
    }
  /* Only back to a word that opens the title: keep "with" in reach, not a stray capital */
  while (p < start && !(p > floor && (tok_is (w, p - 1, "with") || tok_is (w, p - 1, "с") ||
                                      tok_is (w, p - 1, "со") || tok_is (w, p - 1, "from") ||
                                      tok_is (w, p - 1, "от") || tok_is (w, p - 1, "mit") ||
                                      is_call_cue (tok_at (w, p - 1)->folded))))
    p++;
  return p == start ? start : p;
}

/* Is the word nearest before @to, among call cues and other events, another event? */
static gboolean
event_before (Work  *w,
              guint  from,
              guint  to)
{
  static const char * const events[] = {
    "meeting", "meet", "met", "visit", "visited", "summit", "встречи", "встрече", "встреча", NULL,
  };

  static const char * const nouns[] = { "discussions", "discussion", "talks", NULL };
  gboolean placed = FALSE;

  for (guint i = to; i > from; i--)
    {
      const char *f = tok_at (w, i - 1)->folded;

      if (in_list (events, f))
        return TRUE;
      /* "the discussions in Paris on 8 February with ..." were held in person */
      if (g_str_equal (f, "in") && i < to && tok_at (w, i)->upper)
        placed = TRUE;
      if (is_call_cue (f))
        return placed && in_list (nouns, f);
    }
  return FALSE;
}

/* A token's folded form without an English possessive: "turkey’s" is "turkey". */
static char *
possessive_stripped (Work  *w,
                     guint  i)
{
  const char *f = tok_at (w, i)->folded;

  if (g_str_has_suffix (f, "’s"))
    return g_strndup (f, strlen (f) - strlen ("’s"));
  if (g_str_has_suffix (f, "'s"))
    return g_strndup (f, strlen (f) - 2);
  return g_strdup (f);
}

static gboolean
lists_participants (Work  *w,
                    guint  s)
{
  Sentence *sentence = sentence_at (w, s);
  guint i = sentence->tok_start;

  if (tok_is (w, i, "the"))
    i++;
  return (tok_is (w, i, "participants") || tok_is (w, i, "participating")) &&
         sentence_has_cue (w, i, MIN (i + 6, sentence->tok_end));
}

static void
find_links (Work *w)
{
  Mention *mentions = (Mention *) (void *) w->mentions->data;
  guint m = 0;

  w->links = g_array_new (FALSE, FALSE, sizeof (Link));
  w->initiators = g_hash_table_new (NULL, NULL);

  while (m < w->mentions->len)
    {
      guint s = mentions[m].sentence;
      Sentence *sentence = sentence_at (w, s);
      guint first = m, count;
      guint subject_of[MAX_MENTIONS_PER_SENTENCE];
      gboolean apart[MAX_MENTIONS_PER_SENTENCE];

      while (m < w->mentions->len && mentions[m].sentence == s)
        m++;
      count = m - first;

      if (lists_participants (w, s))
        {
          /* "Participants in the call included A, B and C." */
          add_link (w, HOST, mentions[first].leader, s);
          for (guint q = 1; q < count; q++)
            add_listed (w, HOST, mentions[first].leader, mentions[first + q].leader, s);
          continue;
        }

      for (guint q = 0; q < count; q++)
        {
          Mention *mention = &mentions[first + q];
          guint floor = q > 0 ? mentions[first + q - 1].tok_end : sentence->tok_start;
          guint p = title_start (w, mention->ext_start, floor);
          guint before = p > sentence->tok_start ? p - 1 : G_MAXUINT;
          const char *prev = before != G_MAXUINT ? tok_at (w, before)->folded : "";

          subject_of[q] = NO_LEADER;
          apart[q] = FALSE;
          if (before == G_MAXUINT)
            continue;

          if (g_str_equal (prev, "with") || g_str_equal (prev, "с") || g_str_equal (prev, "со") ||
              g_str_equal (prev, "mit") ||
              (g_str_equal (prev, "to") && before > sentence->tok_start &&
               is_call_cue (tok_at (w, before - 1)->folded)))
            {
              guint from = before > sentence->tok_start + 12 ? before - 12 : sentence->tok_start;

              /* German puts the verb last: "hat heute mit dem Präsidenten ... telefoniert";
               * "the conversation was about his meeting with Putin" is no call with Putin */
              if ((sentence_has_cue (w, from, before) && !event_before (w, from, before)) ||
                  (g_str_equal (prev, "mit") && sentence_has_cue (w, mention->tok_end, sentence->tok_end)))
                {
                  guint subject = HOST;

                  for (guint r = q; r > 0; r--)
                    if (mentions[first + r - 1].tok_end <= before && subject_of[r - 1] == NO_LEADER)
                      {
                        subject = mentions[first + r - 1].leader;
                        break;
                      }
                  add_link (w, subject, mention->leader, s);
                  subject_of[q] = subject;
                  continue;
                }
            }

          if ((g_str_equal (prev, "from") || g_str_equal (prev, "от")) && before >= sentence->tok_start + 1 &&
              sentence_has_cue (w, before > sentence->tok_start + 3 ? before - 3 : sentence->tok_start, before))
            {
              guint subject = HOST;

              for (guint r = q; r > 0; r--)
                if (mentions[first + r - 1].tok_end <= before)
                  {
                    subject = mentions[first + r - 1].leader;
                    break;
                  }
              add_link (w, subject, mention->leader, s);
              subject_of[q] = subject;
              g_hash_table_add (w->initiators, GUINT_TO_POINTER (mention->leader + 1));
              continue;
            }

          if (g_str_equal (prev, "phoned") || g_str_equal (prev, "called") || g_str_equal (prev, "calls") ||
              g_str_equal (prev, "telephoned") || g_str_equal (prev, "rang") ||
              g_str_equal (prev, "dialed") || g_str_equal (prev, "dialled"))
            {
              guint subject = HOST;

              if (q > 0 && mentions[first + q - 1].tok_end + 2 >= before)
                subject = mentions[first + q - 1].leader;
              add_link (w, subject, mention->leader, s);
              subject_of[q] = subject;
              continue;
            }

          /* "with Putin on Saturday as well as Merkel and Hollande": three calls, where
           * "with Merkel and Hollande" is one call of three */
          if (q > 0 && subject_of[q - 1] != NO_LEADER &&
              (g_str_equal (prev, "and") || g_str_equal (prev, "и") || gap_is_comma (w, before, p) ||
               (g_str_equal (prev, "as") && before >= 2 && tok_is (w, before - 1, "well") &&
                tok_is (w, before - 2, "as"))))
            {
              apart[q] = apart[q - 1] || g_str_equal (prev, "as");
              if (apart[q])
                add_link (w, subject_of[q - 1], mention->leader, s);
              else
                add_listed (w, subject_of[q - 1], mentions[first + q - 1].leader, mention->leader, s);
              subject_of[q] = subject_of[q - 1];
              continue;
            }

          if (q > 0 && coordinated (w, &mentions[first + q - 1], mention))
            {
              Mention *previous = &mentions[first + q - 1];

              if (sentence_has_cue (w, mention->tok_end, sentence->tok_end) ||
                       (previous->ext_start > sentence->tok_start &&
                        (tok_is (w, previous->ext_start - 1, "between") ||
                         tok_is (w, previous->ext_start - 1, "между")) &&
                        sentence_has_cue (w, sentence->tok_start, previous->ext_start)))
                {
                  guint listed = NO_LEADER;

                  /* "A, B, C and D held a call": the list's first pair holds the rest */
                  for (guint r = 0; r < w->links->len && listed == NO_LEADER; r++)
                    {
                      Link *l = &g_array_index (w->links, Link, r);

                      if (l->first_sentence == s && link_has (l, previous->leader))
                        listed = l->a == previous->leader ? l->b : l->a;
                    }
                  if (listed != NO_LEADER)
                    add_listed (w, listed, previous->leader, mention->leader, s);
                  else
                    add_link (w, previous->leader, mention->leader, s);
                }
            }
        }
    }
}

static guint
side_leader (Work       *w,
             const char *country)
{
  for (guint i = 0; country != NULL && i < w->leaders->len; i++)
    {
      Leader *leader = leader_at (w, i);

      if (g_strcmp0 (leader->country, country) != 0 || !has_terms (leader))
        continue;
      /* A built-in leader only by the date, and in the office the country's readouts
       * come from: in 2010 the Kremlin's is the president, not Prime Minister Putin. */
      if (leader->gazetteer)
        {
          const char *main_office = readout_leader_gazetteer_get_main_office (readout_leader_gazetteer_get_default (),
                                                                             country);
          g_autofree char *office_word = main_office != NULL ? g_ascii_strdown (main_office, -1) : NULL;

          if (w->has_base && office_word != NULL && in_office_as (leader, &w->base, office_word))
            return i;
          continue;
        }
      if (in_office (leader, w->has_base ? &w->base : NULL))
        return i;
    }
  return NO_LEADER;
}

/* A link whose subject was implicit ("the president's conversation with Putin") belongs
 * to the text's main leader: the one named most often among those in calls. */
static void
resolve_host (Work *w)
{
  g_autofree guint *counts = g_new0 (guint, w->leaders->len + 1);
  guint host = NO_LEADER;
  guint best = 0;

  for (guint i = 0; i < w->mentions->len; i++)
    counts[g_array_index (w->mentions, Mention, i).leader]++;

  for (guint i = 0; i < w->links->len; i++)
    {
      Link *l = &g_array_index (w->links, Link, i);

      if (l->a != HOST && counts[l->a] > best)
        best = counts[l->a], host = l->a;
      if (counts[l->b] > best)
        best = counts[l->b], host = l->b;
    }

  for (guint i = 0; i < w->links->len; i++)
    {
      Link *l = &g_array_index (w->links, Link, i);

      if (l->a != HOST)
        continue;
      if (host == NO_LEADER || host == l->b)
        {
          guint alternative = NO_LEADER;

          best = 0;
          for (guint k = 0; k < w->leaders->len; k++)
            if (k != l->b && counts[k] > best)
              best = counts[k], alternative = k;
          /* An official readout's own leader need not be named ("Telephone conversation with..."). */
          if (alternative == NO_LEADER || (w->official && side_leader (w, w->side) != NO_LEADER &&
                                           side_leader (w, w->side) != l->b))
            alternative = side_leader (w, w->side);
          l->a = alternative;
        }
      else
        l->a = host;
    }

  /* Merge links that became the same pair. */
  for (guint i = 0; i < w->links->len; i++)
    {
      Link *l = &g_array_index (w->links, Link, i);

      for (guint k = i + 1; k < w->links->len; )
        {
          Link *o = &g_array_index (w->links, Link, k);

          if ((o->a == l->a && o->b == l->b) || (o->a == l->b && o->b == l->a))
            {
              g_array_append_vals (l->sentences, o->sentences->data, o->sentences->len);
              for (guint r = 0; r < o->others->len; r++)
                if (!link_has (l, g_array_index (o->others, guint, r)))
                  g_array_append_val (l->others, g_array_index (o->others, guint, r));
              g_array_unref (o->sentences);
              g_array_unref (o->others);
              g_array_remove_index (w->links, k);
              l = &g_array_index (w->links, Link, i);
            }
          else
            k++;
        }
    }
  for (guint i = 0; i < w->links->len; )
    {
      Link *l = &g_array_index (w->links, Link, i);

      /* The host named inside a list it was implicit for */
      for (guint r = 0; r < l->others->len; )
        if (g_array_index (l->others, guint, r) == l->a || g_array_index (l->others, guint, r) == l->b)
          g_array_remove_index (l->others, r);
        else
          r++;
      if (l->a == NO_LEADER || l->a == HOST || l->a == l->b)
        {
          g_array_unref (l->sentences);
          g_array_unref (l->others);
          g_array_remove_index (w->links, i);
        }
      else
        i++;
    }
}

/* Facts of each call. */

typedef struct {
  guint   a;
  guint   b;
  GArray *others;           /* guint, borrowed from the call's Link */
  GArray *date_claims;      /* DateClaim */
  GArray *duration_claims;  /* DurationClaim */
  int     held;
  int     announced;
  int     cancelled;
  guint   initiator;
} CallFacts;

static gboolean
facts_has (const CallFacts *facts,
           guint            leader)
{
  if (facts->a == leader || facts->b == leader)
    return TRUE;
  for (guint i = 0; i < facts->others->len; i++)
    if (g_array_index (facts->others, guint, i) == leader)
      return TRUE;
  return FALSE;
}

static int
weekday_of (Tok *t)
{
  if (t->cyrillic)
    {
      for (guint i = 0; weekdays_ru[i] != NULL; i++)
        if (g_str_has_prefix (t->folded, weekdays_ru[i]))
          return i + 1;
      return 0;
    }
  for (guint i = 0; weekdays_en[i] != NULL; i++)
    if (g_str_equal (t->folded, weekdays_en[i]))
      return i + 1;
  return 0;
}

static gboolean
near_word_from (Work               *w,
                guint               i,
                guint               from,
                guint               distance,
                const char * const *list,
                gboolean            prefix)
{
  for (guint k = i; k > from && i - k < distance; k--)
    {
      const char *f = tok_at (w, k - 1)->folded;

      if (prefix ? has_prefix_in_list (list, f) : in_list (list, f))
        return TRUE;
    }
  return FALSE;
}

static void
collect_date_claims (Work   *w,
                     guint   s,
                     GArray *claims)
{
  Sentence *sentence = sentence_at (w, s);

  if (!sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
    return;

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      Tok *t = tok_at (w, i);
      DateClaim claim = { 0, 0, 0, 0, 0, 0, sentence->where, i };
      int wd = weekday_of (t);
      int y, m, d;
      guint used;

      if (wd > 0 && (t->upper || t->cyrillic))
        {
          /* "Spicer said Friday that...": the day of the saying, not of the call. */
          if (i > sentence->tok_start && in_list (speech_time_words, tok_at (w, i - 1)->folded))
            continue;
          claim.kind = CLAIM_WEEKDAY;
          claim.weekday = wd;
          g_array_append_val (claims, claim);
          continue;
        }
      if (g_str_equal (t->folded, "today") || g_str_equal (t->folded, "сегодня") ||
          g_str_equal (t->folded, "yesterday") || g_str_equal (t->folded, "вчера") ||
          g_str_equal (t->folded, "tomorrow") || g_str_equal (t->folded, "завтра"))
        {
          claim.kind = CLAIM_RELATIVE;
          claim.offset = (g_str_equal (t->folded, "yesterday") || g_str_equal (t->folded, "вчера")) ? -1 :
                         (g_str_equal (t->folded, "tomorrow") || g_str_equal (t->folded, "завтра")) ? 1 : 0;
          g_array_append_val (claims, claim);
          continue;
        }
      used = parse_date_at (w, i, sentence->tok_end, &y, &m, &d);
      if (used > 0)
        {
          /* The dateline is the text's date, not a claim about the call's: "Nov. 14
           * (UPI) -- ... expected to speak on Thursday" names only Thursday. */
          /* "On the evening of July 28" is the call's day; "the meeting of ..." is not. */
          gboolean time_of_day = i >= sentence->tok_start + 2 && tok_is (w, i - 1, "of") &&
                                 (tok_is (w, i - 2, "morning") || tok_is (w, i - 2, "afternoon") ||
                                  tok_is (w, i - 2, "evening") || tok_is (w, i - 2, "night"));

          if (i != w->dateline_tok &&
              (time_of_day || !near_word_from (w, i, sentence->tok_start, 7, other_event_words, TRUE)))
            {
              claim.kind = CLAIM_EXPLICIT;
              claim.year = y;
              claim.month = m;
              claim.day = d;
              g_array_append_val (claims, claim);
            }
          i += used - 1;
        }
    }
}

static gboolean
resolve_claim (const DateClaim   *claim,
               const GDate       *base,
               ReadoutCallStatus  status,
               GDate             *out)
{
  if (claim->kind == CLAIM_EXPLICIT)
    {
      int year = claim->year;

      if (year == 0)
        {
          if (base == NULL)
            return FALSE;
          year = g_date_get_year (base);
        }
      if (!set_date (out, year, claim->month, claim->day))
        return FALSE;
      /* "on December 30" in a text of January 2: last year's. */
      if (claim->year == 0 && status == READOUT_CALL_STATUS_HELD && g_date_compare (out, base) > 0 &&
          g_date_days_between (base, out) > 7)
        set_date (out, year - 1, claim->month, claim->day);
      return g_date_valid (out);
    }
  if (base == NULL)
    return FALSE;
  *out = *base;
  if (claim->kind == CLAIM_RELATIVE)
    {
      if (claim->offset > 0)
        g_date_add_days (out, claim->offset);
      else if (claim->offset < 0)
        g_date_subtract_days (out, -claim->offset);
      return TRUE;
    }
  {
    int bw = g_date_get_weekday (base);

    if (status == READOUT_CALL_STATUS_HELD)
      g_date_subtract_days (out, (bw - claim->weekday + 7) % 7);
    else
      g_date_add_days (out, (claim->weekday - bw + 7) % 7);
  }
  return TRUE;
}

static int
number_word (const char *word)
{
  static const char * const words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  };

  if (g_str_equal (word, "a") || g_str_equal (word, "an"))
    return 1;
  if (g_ascii_isdigit (word[0]))
    return atoi (word);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      return i;
  if (g_str_equal (word, "двух")) return 2;
  if (g_str_equal (word, "трех") || g_str_equal (word, "трёх")) return 3;
  if (g_str_equal (word, "двадцати")) return 20;
  if (g_str_equal (word, "тридцати")) return 30;
  if (g_str_equal (word, "сорока")) return 40;
  if (g_str_equal (word, "пятидесяти")) return 50;
  return -1;
}

static ReadoutDurationQualifier
qualifier_of (const char *q)
{
  static const char * const more[] = {
    "more than", "over", "just over", "upwards of", "in excess of", "более", "свыше", "больше", NULL,
  };
  static const char * const less[] = {
    "nearly", "almost", "just under", "less than", "under", "менее", "меньше", "почти", NULL,
  };

  if (q == NULL || *q == '\0')
    return READOUT_DURATION_EXACT;
  if (in_list (more, q))
    return READOUT_DURATION_MORE_THAN;
  if (in_list (less, q))
    return READOUT_DURATION_LESS_THAN;
  return READOUT_DURATION_ABOUT;
}

static GRegex *
duration_regex_en (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new (
        "\\b(?:(more than|over|just over|upwards of|in excess of|nearly|almost|just under|less than|under|"
        "about|around|approximately|roughly|some|an estimated)\\s+)?"
        "(half an hour|an hour and a half|one and a half hours|hour-long|"
        "(?:an?|one|two|three|four|five|\\d{1,3})(?:\\s+and\\s+a\\s+half)?[\\s-]+(?:hours?|minutes?|mins?)"
        "(?:\\s+and\\s+(?:\\d{1,2}\\s+minutes?|a\\s+half))?)"
        "(?!\\s+(?:later|ago|after|before|earlier|of|into|since))",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

static GRegex *
duration_regex_ru (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new (
        "(?:(более|свыше|больше|около|примерно|почти|менее|меньше|порядка)\\s+)?"
        "(полутора часов|полтора часа|полчаса|"
        "(?:\\d{1,3}|двух|трех|трёх|двадцати|тридцати|сорока|пятидесяти)\\s+(?:часов|часа|минут|минуты|минуту)|"
        "часа|часов|час)(?=[\\s.,;)]|$)",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

static int
minutes_of (const char *phrase)
{
  g_autofree char *lower = g_utf8_strdown (phrase, -1);
  g_auto(GStrv) words = NULL;
  int n, minutes = 0;

  if (g_str_equal (lower, "half an hour") || g_str_equal (lower, "полчаса"))
    return 30;
  if (g_str_equal (lower, "an hour and a half") || g_str_equal (lower, "one and a half hours") ||
      g_str_equal (lower, "полутора часов") || g_str_equal (lower, "полтора часа"))
    return 90;
  if (g_str_equal (lower, "hour-long") || g_str_equal (lower, "часа") ||
      g_str_equal (lower, "час") || g_str_equal (lower, "часов"))
    return 60;

  words = g_strsplit_set (lower, " -", -1);
  n = words[0] != NULL ? number_word (words[0]) : -1;
  if (n < 0)
    return 0;
  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (g_str_has_prefix (word, "hour") || g_str_has_prefix (word, "час"))
        {
          minutes = n * 60;
          if (words[i + 1] != NULL && g_str_equal (words[i + 1], "and") && words[i + 2] != NULL)
            {
              if (g_str_equal (words[i + 2], "a"))
                minutes += 30;
              else
                minutes += MAX (0, atoi (words[i + 2]));
            }
          if (i >= 3 && g_str_equal (words[i - 1], "half"))
            minutes += 30;
          return minutes;
        }
      if (g_str_has_prefix (word, "min"))
        return n;
    }
  return 0;
}

static void
collect_durations (Work   *w,
                   guint   s,
                   GArray *claims)
{
  Sentence *sentence = sentence_at (w, s);
  g_autofree char *text = g_strndup (w->text + sentence->start, sentence->end - sentence->start);
  gboolean russian = FALSE;
  GRegex *regex;
  g_autoptr(GMatchInfo) info = NULL;

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const char *f = tok_at (w, i)->folded;

      if (g_str_has_prefix (f, "продолжал") || g_str_has_prefix (f, "длил") ||
          g_str_has_prefix (f, "длительност"))
        russian = TRUE;
    }

  if (!russian && !sentence_has_cue (w, sentence->tok_start, sentence->tok_end) &&
      strstr (text, "last") == NULL)
    return;

  regex = russian ? duration_regex_ru () : duration_regex_en ();
  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *qualifier = g_match_info_fetch (info, 1);
      g_autofree char *phrase = g_match_info_fetch (info, 2);
      g_autofree char *lower_qualifier = qualifier != NULL ? g_utf8_strdown (qualifier, -1) : NULL;
      int minutes = minutes_of (phrase);
      gboolean bare_hour = russian && (g_str_equal (phrase, "часа") || g_str_equal (phrase, "часов") ||
                                       g_str_equal (phrase, "час"));

      if (minutes > 0 && minutes < 24 * 60 && (!bare_hour || (lower_qualifier != NULL && *lower_qualifier != '\0')))
        {
          DurationClaim claim = { minutes, qualifier_of (lower_qualifier), sentence->where };

          /* "hour-long" is a round figure. */
          if (g_ascii_strcasecmp (phrase, "hour-long") == 0 && claim.qualifier == READOUT_DURATION_EXACT)
            claim.qualifier = READOUT_DURATION_ABOUT;
          g_array_append_val (claims, claim);
        }
      g_match_info_next (info, NULL);
    }
}

static void
count_status (Work      *w,
              guint      s,
              CallFacts *facts)
{
  static const char * const held[] = {
    "spoke", "talked", "discussed", "phoned", "telephoned", "held", "agreed", "reaffirmed",
    "affirmed", "underlined", "stressed", "emphasized", "emphasised", "exchanged", "expressed",
    "congratulated", "thanked", "welcomed", "raised", "reviewed", "conveyed", "lasted",
    "during", "chatted", "dialed", "conversed", "underscored", "briefed", NULL,
  };
  static const char * const held_ru[] = {
    "состоял", "обсудил", "обменял", "договорил", "подчеркнул", "выразил", "поблагодарил",
    "поздравил", "отметил", "провели", "провел", "проинформировал", "условил", "затронут",
    "продолжал", "обсуждал", "прош", NULL,
  };
  static const char * const announced[] = {
    "expected", "scheduled", "planned", "plans", "plan", "upcoming", "will", "would", "set",
    "'ll", "due", NULL,
  };
  static const char * const announced_ru[] = {
    "состоится", "проведут", "планирует", "запланирован", "ожидается", "пройдет", "будет",
    "поговорят", "обсудят", NULL,
  };
  static const char * const cancelled[] = {
    "cancelled", "canceled", "postponed", "scrapped", "off", NULL,
  };
  static const char * const cancelled_ru[] = {
    "отменен", "отменён", "отложен", "перенесен", NULL,
  };
  Sentence *sentence = sentence_at (w, s);
  gboolean is_held = FALSE, is_announced = FALSE, is_cancelled = FALSE;

  if (!sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
    return;

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const char *f = tok_at (w, i)->folded;

      if (tok_at (w, i)->cyrillic)
        {
          if (has_prefix_in_list (held_ru, f))
            is_held = TRUE;
          if (has_prefix_in_list (announced_ru, f))
            is_announced = TRUE;
          if (has_prefix_in_list (cancelled_ru, f))
            is_cancelled = TRUE;
          continue;
        }
      if (in_list (held, f))
        is_held = TRUE;
      if (in_list (announced, f))
        {
          /* A future tense about the call itself: "will speak", "expected to speak". */
          for (guint k = i + 1; k < sentence->tok_end && k <= i + 4; k++)
            if (is_call_cue (tok_at (w, k)->folded))
              is_announced = TRUE;
        }
      if (in_list (cancelled, f) && (!g_str_equal (f, "off") || (i > 0 && tok_is (w, i - 1, "called"))))
        is_cancelled = TRUE;
    }

  facts->held += is_held;
  facts->announced += is_announced;
  facts->cancelled += is_cancelled;
}

static void
find_initiator (Work      *w,
                guint      s,
                CallFacts *facts)
{
  static const char * const initiative[] = {
    "initiative", "request", "initiated", "инициативе", "просьбе", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  /* "spoke with Biden at the latter's request": the second of the pair named. */
  for (guint i = sentence->tok_start + 1; i + 1 < sentence->tok_end; i++)
    {
      gboolean latter = tok_is (w, i, "latter");

      if ((latter || tok_is (w, i, "former")) && tok_is (w, i + 1, "request") &&
          (tok_is (w, i - 1, "at") || (tok_is (w, i - 1, "the") && i >= sentence->tok_start + 2 &&
                                       tok_is (w, i - 2, "at"))))
        {
          guint named = NO_LEADER;

          for (guint k = 0; k < w->mentions->len; k++)
            {
              Mention *m = &g_array_index (w->mentions, Mention, k);

              if (m->sentence != s || m->tok_start >= i || !facts_has (facts, m->leader))
                continue;
              if (latter || named == NO_LEADER)
                named = m->leader;
            }
          if (named != NO_LEADER)
            {
              facts->initiator = named;
              return;
            }
        }
    }

  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);
      guint k;

      if (m->sentence != s || !facts_has (facts, m->leader))
        continue;
      k = m->tok_end;
      while (k < sentence->tok_end && (tok_is (w, k, "also") || tok_is (w, k, "first") ||
                                       tok_is (w, k, "personally") || tok_is (w, k, "had") ||
                                       tok_is (w, k, "jr")))
        k++;
      if (k < sentence->tok_end &&
          (tok_is (w, k, "phoned") || tok_is (w, k, "telephoned") || tok_is (w, k, "rang") ||
           tok_is (w, k, "dialed") || tok_is (w, k, "dialled") || tok_is (w, k, "initiated") ||
           tok_is (w, k, "позвонил") ||
           (tok_is (w, k, "called") && !tok_is (w, k + 1, "for") && !tok_is (w, k + 1, "on") &&
            !tok_is (w, k + 1, "upon") && !tok_is (w, k + 1, "off")) ||
           (tok_is (w, k, "placed") && tok_is (w, k + 2, "call"))))
        {
          facts->initiator = m->leader;
          return;
        }
      /* "at Trump's request" */
      if (m->tok_end < sentence->tok_end && tok_is (w, m->tok_end, "request") &&
          m->ext_start > sentence->tok_start && tok_is (w, m->ext_start - 1, "at"))
        {
          facts->initiator = m->leader;
          return;
        }
    }

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      if (!in_list (initiative, tok_at (w, i)->folded))
        continue;
      /* "по инициативе турецкой стороны" after the word, "at Turkey’s initiative" and "on
       * the German side’s initiative" before it */
      for (guint n = 1; n <= 8; n++)
        {
          guint k = n <= 5 ? i + n : i - (n - 5);
          g_autofree char *word = NULL;
          const char *code;

          if (k >= sentence->tok_end || k < sentence->tok_start || (n > 5 && n - 5 > i))
            continue;
          word = possessive_stripped (w, k);
          code = lookup_country (w->self, word);
          if (code == NULL)
            continue;
          if (g_strcmp0 (leader_at (w, facts->a)->country, code) == 0)
            facts->initiator = facts->a;
          else if (g_strcmp0 (leader_at (w, facts->b)->country, code) == 0)
            facts->initiator = facts->b;
          for (guint o = 0; o < facts->others->len && facts->initiator == NO_LEADER; o++)
            if (g_strcmp0 (leader_at (w, g_array_index (facts->others, guint, o))->country, code) == 0)
              facts->initiator = g_array_index (facts->others, guint, o);
          if (facts->initiator != NO_LEADER)
            return;
        }
      for (guint j = 0; j < w->mentions->len; j++)
        {
          Mention *m = &g_array_index (w->mentions, Mention, j);

          if (m->sentence == s && m->ext_start > i && m->ext_start <= i + 5 &&
              facts_has (facts, m->leader))
            {
              facts->initiator = m->leader;
              return;
            }
        }
    }
}

/* Statements. */

typedef struct {
  guint       start;
  guint       end;
  const char *canonical;
  const char *side;
  gboolean    agency;
  gboolean    leader;
} SpeakerSpan;

typedef struct {
  const Speaker *speaker;
  char         **words;
  guint          n_words;
  gboolean       need_upper;
} SpeakerForm;

static GPtrArray *
speaker_forms (void)
{
  static GPtrArray *forms;

  if (g_once_init_enter (&forms))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (guint k = 0; k < G_N_ELEMENTS (speakers); k++)
        {
          g_auto(GStrv) texts = g_strsplit (speakers[k].forms, "|", -1);

          for (guint f = 0; texts[f] != NULL; f++)
            {
              SpeakerForm *form = g_new0 (SpeakerForm, 1);

              form->speaker = &speakers[k];
              form->words = fold_words (texts[f]);
              form->n_words = g_strv_length (form->words);
              form->need_upper = form->n_words == 1 && g_unichar_isupper (g_utf8_get_char (texts[f]));
              g_ptr_array_add (list, form);
            }
        }
      g_once_init_leave (&forms, list);
    }
  return forms;
}

static guint
match_speaker_at (Work           *w,
                  guint           i,
                  guint           end,
                  const Speaker **found)
{
  GPtrArray *forms = speaker_forms ();
  guint best = 0;

  for (guint k = 0; k < forms->len; k++)
    {
      SpeakerForm *form = g_ptr_array_index (forms, k);
      gboolean ok = form->n_words > best && i + form->n_words <= end;

      for (guint j = 0; ok && j < form->n_words; j++)
        ok = word_matches (form->words[j], tok_at (w, i + j)->folded);
      if (ok && form->need_upper && !tok_at (w, i)->upper)
        ok = FALSE;
      if (ok)
        {
          best = form->n_words;
          *found = form->speaker;
        }
    }
  return best;
}

/* Speaker words are few and texts are short, so a table of first words keeps the search cheap. */
static GHashTable *
speaker_first_words (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < G_N_ELEMENTS (speakers); k++)
        {
          g_auto(GStrv) forms = g_strsplit (speakers[k].forms, "|", -1);

          for (guint f = 0; forms[f] != NULL; f++)
            {
              g_auto(GStrv) words = fold_words (forms[f]);

              /* Many forms share a first word; a second copy of a key would be lost. */
              if (words[0] != NULL && !g_hash_table_contains (t, words[0]))
                g_hash_table_add (t, g_strdup (words[0]));
            }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

static gboolean
speaker_may_start (const char *folded)
{
  GHashTable *table = speaker_first_words ();

  if (g_hash_table_contains (table, folded))
    return TRUE;
  if (is_cyrillic_word (folded))
    {
      glong n = g_utf8_strlen (folded, -1);

      for (glong cut = 1; cut <= 3 && n - cut >= 3; cut++)
        {
          g_autofree char *stem = g_strndup (folded, g_utf8_offset_to_pointer (folded, n - cut) - folded);

          if (g_hash_table_contains (table, stem))
            return TRUE;
        }
    }
  return FALSE;
}

static GArray *
find_speakers (Work  *w,
               guint  s)
{
  Sentence *sentence = sentence_at (w, s);
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (SpeakerSpan));

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const Speaker *speaker = NULL;
      guint n;

      if (!speaker_may_start (tok_at (w, i)->folded))
        continue;
      n = match_speaker_at (w, i, sentence->tok_end, &speaker);
      if (n > 0)
        {
          SpeakerSpan span = { i, i + n, speaker->canonical, speaker->side,
                               g_str_equal (speaker->canonical, "TASS") ||
                               g_str_equal (speaker->canonical, "RIA Novosti") ||
                               g_str_equal (speaker->canonical, "Xinhua"), FALSE };
          g_array_append_val (spans, span);
          i += n - 1;
        }
    }

  /* "the presidency said" after "the Turkish presidency said": the institution the text
   * last quoted whose name has that word. */
  for (guint i = sentence->tok_start + 1; i < sentence->tok_end; i++)
    {
      static const char * const nouns[] = {
        "presidency", "ministry", "office", "department", "palace", "chancellery", "government",
        "administration", NULL,
      };
      const char *noun = tok_at (w, i)->folded;
      gboolean covered = FALSE;

      if (!in_list (nouns, noun) || !tok_is (w, i - 1, "the"))
        continue;
      for (guint k = 0; k < spans->len && !covered; k++)
        covered = g_array_index (spans, SpeakerSpan, k).start <= i && g_array_index (spans, SpeakerSpan, k).end > i;
      for (guint k = w->seen_speakers->len; !covered && k >= 2; k -= 2)
        {
          const char *canonical = g_ptr_array_index (w->seen_speakers, k - 2);
          g_auto(GStrv) words = fold_words (canonical);

          if (g_strv_contains ((const char * const *) words, noun))
            {
              SpeakerSpan span = { i - 1, i + 1, canonical, g_ptr_array_index (w->seen_speakers, k - 1), FALSE, FALSE };

              g_array_append_val (spans, span);
              covered = TRUE;
            }
        }
    }

  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);
      Leader *leader;
      SpeakerSpan span;

      if (m->sentence != s)
        continue;
      leader = leader_at (w, m->leader);
      span.start = m->ext_start;
      span.end = m->tok_end;
      span.canonical = leader->name;
      span.side = leader->country;
      span.agency = FALSE;
      span.leader = TRUE;
      g_array_append_val (spans, span);
    }
  return spans;
}

static gboolean
is_speech_verb (const char *f)
{
  static const char * const english[] = {
    "said", "says", "tweeted", "told", "stated", "added", "noted", "announced", "wrote",
    "confirmed", "indicated", "stressed", "emphasized", "emphasised", "underlined",
    "reported", "explained", "declared", "posted", "commented", "insisted", "warned",
    "argued", "quoted", "according", "reiterated", "underscored", "affirmed", NULL,
  };
  static const char * const russian[] = {
    "заявил", "сообщил", "сообщает", "сообщается", "сказал", "отметил", "подчеркнул", "написал",
    "рассказал", "пояснил", "цитирует", "словам", "указал", "констатировал", NULL,
  };

  if (is_cyrillic_word (f))
    return has_prefix_in_list (russian, f);
  return in_list (english, f);
}

/* Where a clause starts: at the sentence's start or after a comma. */
static gboolean
clause_starts_at (Work  *w,
                  guint  s,
                  guint  i)
{
  return i == sentence_at (w, s)->tok_start || (i > 0 && gap_is_comma (w, i - 1, i));
}

/* "Conway, a top aide in Trump's White House, indicated": for a verb right after a
 * comma, the first token of an appositive that the comma closes ("a"), or G_MAXUINT. */
static guint
appositive_before (Work  *w,
                   guint  s,
                   guint  v)
{
  static const char * const determiners[] = {
    "a", "an", "the", "his", "her", "its", "their", NULL,
  };
  guint first = sentence_at (w, s)->tok_start;

  if (v < first + 3 || !gap_is_comma (w, v - 1, v))
    return G_MAXUINT;
  for (guint j = v - 1; j > first && v - j <= 12; j--)
    if (gap_is_comma (w, j - 1, j))
      return in_list (determiners, tok_at (w, j)->folded) ? j : G_MAXUINT;
  return G_MAXUINT;
}

/* The speaker of a sentence: the one written next to its speech verb ("the Kremlin said",
 * "Spicer tweeted", "according to a readout from the White House", "заявил Песков").
 * Of several, the attribution of the whole sentence wins: a trailing one ("Biden warned
 * that ..., the White House said"), else the outermost ("Xinhua said Xi warned ..."); a
 * speaker inside another's reported speech is content, not the source. A news agency
 * only speaks when nobody else does ("Peskov said, according to TASS"). */
typedef struct {
  SpeakerSpan *span;
  guint        verb;
  guint        distance;
  gboolean     trailing;
} Attribution;

static guint
attribution_rank (const Attribution *a,
                  const GArray      *all)
{
  gboolean embedded = FALSE;

  /* Inside the reported speech of an earlier verb: "Spicer said Trump told Putin". A
   * spokesperson quoted by an agency still speaks ("TASS reported Peskov said"); a leader
   * reported by state media does not ("Xinhua said Xi warned"). */
  for (guint k = 0; k < all->len && !embedded && !a->trailing; k++)
    {
      const Attribution *b = &g_array_index (all, Attribution, k);

      if (b != a && b->verb < a->span->start && b->span->end <= b->verb &&
          (!b->span->agency || a->span->leader))
        embedded = TRUE;
    }
  if (embedded)
    return a->span->agency ? 4 : 3;
  if (a->span->agency)
    return 2;
  return a->trailing ? 0 : 1;
}

static gboolean
find_attribution (Work        *w,
                  guint        s,
                  const char **speaker,
                  const char **side,
                  char       **unknown)
{
  Sentence *sentence = sentence_at (w, s);
  g_autoptr(GArray) spans = find_speakers (w, s);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Attribution));
  Attribution *best = NULL;
  guint best_rank = G_MAXUINT;
  gboolean any_verb = FALSE;

  *unknown = NULL;
  for (guint v = sentence->tok_start; v < sentence->tok_end; v++)
    {
      const char *f = tok_at (w, v)->folded;
      gboolean according = g_str_equal (f, "according") || g_str_equal (f, "словам") ||
                           g_str_equal (f, "цитирует");
      guint appositive;

      if (!is_speech_verb (f))
        continue;
      any_verb = TRUE;
      appositive = according ? G_MAXUINT : appositive_before (w, s, v);

      for (guint k = 0; k < spans->len; k++)
        {
          SpeakerSpan *span = &g_array_index (spans, SpeakerSpan, k);
          Attribution a = { span, v, 0, FALSE };
          gboolean attached;

          if (according)
            {
              attached = span->start > v && span->start <= v + 8;
              for (guint t = v + 1; attached && t <= span->start; t++)
                if (gap_is_comma (w, t - 1, t))
                  attached = FALSE;
            }
          else if (appositive != G_MAXUINT)
            attached = span->end == appositive || (span->start > v && span->start <= v + 2 && !span->leader);
          else
            attached = (span->end <= v && v - span->end <= 3) ||
                       (span->start > v && span->start <= v + 2 && !span->leader);
          if (!attached)
            continue;
          if (according)
            a.trailing = clause_starts_at (w, s, v) ||
                         (v > sentence->tok_start && tok_is (w, v - 1, "по") && clause_starts_at (w, s, v - 1));
          else if (span->end <= v)
            {
              /* The verb's own clause starts after a comma and holds the whole name:
               * "..., State Department spokesman Ned Price said" (both), not
               * "The Kremlin, which ..., said". */
              guint clause = v;

              while (clause > sentence->tok_start && !clause_starts_at (w, s, clause))
                clause--;
              a.trailing = clause > sentence->tok_start && clause <= span->start;
            }
          else
            a.trailing = v > sentence->tok_start && clause_starts_at (w, s, v);
          a.distance = span->end <= v ? v - span->end : span->start - v;
          /* "according to Chinese Foreign Ministry spokesperson Mao Ning": the name that
           * ends the phrase, not the institution that qualifies it. */
          if (according)
            a.distance = v + 8 - span->start;
          if (appositive != G_MAXUINT && span->end == appositive)
            a.distance = 0;
          g_array_append_val (found, a);
        }

      /* "Ivan Petrov said": a person the tables do not know. */
      if (found->len == 0 && !according && v >= sentence->tok_start + 2 &&
          tok_at (w, v - 1)->upper && tok_at (w, v - 2)->upper && v - 2 > sentence->tok_start &&
          gap_is_space (w, v - 2, v - 1) && is_name_token (w, v - 1) && is_name_token (w, v - 2))
        {
          g_free (*unknown);
          *unknown = g_strndup (w->text + tok_at (w, v - 2)->start,
                                tok_at (w, v - 1)->end - tok_at (w, v - 2)->start);
        }
    }

  for (guint k = 0; k < found->len; k++)
    {
      Attribution *a = &g_array_index (found, Attribution, k);
      guint rank = attribution_rank (a, found);

      if (best == NULL || rank < best_rank ||
          (rank == best_rank && (a->distance < best->distance ||
                                 (a->distance == best->distance && a->verb < best->verb))))
        {
          best = a;
          best_rank = rank;
        }
    }

  if (best != NULL)
    {
      g_clear_pointer (unknown, g_free);
      *speaker = best->span->canonical;
      *side = best->span->side;
      return TRUE;
    }
  return any_verb && *unknown != NULL;
}

static gboolean
has_quote (const char *text,
           gsize       length)
{
  guint words = 0;
  gboolean inside = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '"' || (c == 0xE2 && i + 2 < length && (guchar) text[i + 1] == 0x80 &&
                       ((guchar) text[i + 2] == 0x9C || (guchar) text[i + 2] == 0x9D)) ||
          (c == 0xC2 && i + 1 < length && ((guchar) text[i + 1] == 0xAB || (guchar) text[i + 1] == 0xBB)))
        {
          if (inside && words >= 2)
            return TRUE;
          inside = !inside;
          words = 0;
        }
      else if (inside && c == ' ')
        words++;
    }
  return FALSE;
}

static gboolean
is_discussion_sentence (Work  *w,
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
    "recognised", "announced", "told", "said",
    /* German */
    "erörterten", "sprachen", "gratulierte", "unterstrich", "vereinbarten", "betonte",
    "telefoniert", "drückte", "begrüßte", "informierte", NULL,
  };
  static const char * const russian[] = {
    "обсуди", "обменял", "договорил", "подчеркн", "выраз", "отмет", "затрон", "условил",
    "поздрав", "коснул", "рассмотре", "обсужд", "проинформир", "поблагодар", "приветств",
    "призвал", "выступил", "акцентир", "изложи", "предлож", "заверил", "информир", "подтверд",
    "пригла", "пожела", "оцени", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const char *f = tok_at (w, i)->folded;

      if (tok_at (w, i)->cyrillic ? has_prefix_in_list (russian, f) : in_list (english, f))
        return TRUE;
    }
  return FALSE;
}

static gboolean
mentions_the_pair (Work  *w,
                   guint  s)
{
  static const char * const pair_words[] = {
    "leaders", "presidents", "sides", "pair", "they", "both", "стороны", "президенты",
    "лидеры", "собеседники", "руководители", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    if (in_list (pair_words, tok_at (w, i)->folded))
      return TRUE;
  return FALSE;
}

static char **
tag_topics (Work       *w,
            const char *text)
{
  g_autoptr(GArray) ids = readout_topic_tagger_tag (w->self->tagger, text);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id >= 1 && id <= (gint64) w->self->topic_names->len)
        g_ptr_array_add (names, g_strdup (g_ptr_array_index (w->self->topic_names, id - 1)));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* The whole extraction. */

static void
add_statement (ReadoutExtractedCall *call,
               Work                 *w,
               Sentence             *sentence,
               const char           *speaker,
               const char           *side,
               gboolean              quote,
               char                **topics)
{
  ReadoutExtractedStatement *statement = readout_extracted_statement_new ();

  statement->speaker = g_strdup (speaker);
  statement->side = g_strdup (side);
  statement->kind = quote ? READOUT_STATEMENT_KIND_QUOTE : READOUT_STATEMENT_KIND_PARAPHRASE;
  statement->text = g_strndup (w->text + sentence->start, sentence->end - sentence->start);
  statement->topics = g_strdupv (topics);
  statement->start = sentence->start;
  statement->end = sentence->end;
  g_ptr_array_add (call->statements, statement);
}

/* A joint statement speaks for each government that signed it: the sentence once per side. */
static void
add_joint_statement (Work              *w,
                     ReadoutExtraction *extraction,
                     const CallFacts   *facts,
                     guint              c,
                     Sentence          *sentence,
                     char             **topics)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();

  g_ptr_array_add (sides, leader_at (w, facts->a)->country);
  g_ptr_array_add (sides, leader_at (w, facts->b)->country);
  for (guint o = 0; o < facts->others->len; o++)
    g_ptr_array_add (sides, leader_at (w, g_array_index (facts->others, guint, o))->country);
  for (guint i = 0; i < sides->len; i++)
    {
      const char *side = g_ptr_array_index (sides, i);
      gboolean seen = side == NULL;

      for (guint k = 0; k < i && !seen; k++)
        seen = g_strcmp0 (g_ptr_array_index (sides, k), side) == 0;
      if (!seen)
        add_statement (g_ptr_array_index (extraction->calls, c), w, sentence, w->publisher, side, FALSE, topics);
    }
}

static void
add_topics (GPtrArray  *names,
            char      **topics)
{
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < names->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (names, k), topics[i]);
      if (!seen)
        g_ptr_array_add (names, g_strdup (topics[i]));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static const char *
where_name (Where where)
{
  switch (where)
    {
    case WHERE_CAPTION:
      return "caption";
    case WHERE_TITLE:
      return "headline";
    case WHERE_TEXT:
    case WHERE_OTHER:
    default:
      return "text";
    }
}

static char *
duration_value (int                      minutes,
                ReadoutDurationQualifier qualifier)
{
  return g_strdup_printf ("%s %d minutes", readout_enum_to_string (READOUT_TYPE_DURATION_QUALIFIER, qualifier),
                          minutes);
}

/* Whether the text writes @year anywhere ("in January 2017", "2017-11-21"). */
static gboolean
text_names_year (Work *w,
                 int   year)
{
  char digits[8];

  g_snprintf (digits, sizeof digits, "%d", year);
  for (guint i = 0; i < w->toks->len; i++)
    if (g_str_equal (tok_at (w, i)->folded, digits))
      return TRUE;
  return FALSE;
}

/* A month/day dateline without a year ("Nov. 21 (UPI)"): the latest year, not in the
 * future, that the text names elsewhere, in which the participants were all in office
 * and the day fell on the weekday the text gives for the call. With no more to go on
 * than the weekday, the year is only a guess, and the review says so. */
static void
infer_year (Work      *w,
            CallFacts *facts,
            guint      n_calls)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  int best_year = 0, best_score = -1;
  int weekday = 0;

  if (!parse_iso (w->self->today, &today))
    set_date (&today, g_date_time_get_year (now), g_date_time_get_month (now),
              g_date_time_get_day_of_month (now));

  /* Only a report of a held call is usually dated the day it names. */
  for (guint c = 0; c < n_calls && weekday == 0; c++)
    for (guint k = 0; facts[c].held >= facts[c].announced && k < facts[c].date_claims->len; k++)
      {
        DateClaim *claim = &g_array_index (facts[c].date_claims, DateClaim, k);

        if (claim->kind == CLAIM_WEEKDAY && claim->where == WHERE_TEXT)
          {
            weekday = claim->weekday;
            break;
          }
      }

  for (int year = g_date_get_year (&today); year >= g_date_get_year (&today) - 40; year--)
    {
      GDate date;
      int score = 0;

      if (!set_date (&date, year, w->published_month, w->published_day) ||
          g_date_compare (&date, &today) > 0)
        continue;
      if (weekday != 0 && (int) g_date_get_weekday (&date) == weekday)
        score += 1;
      if (text_names_year (w, year))
        score += 2;
      for (guint c = 0; c < n_calls; c++)
        if (has_terms (leader_at (w, facts[c].a)) && has_terms (leader_at (w, facts[c].b)) &&
            in_office (leader_at (w, facts[c].a), &date) && in_office (leader_at (w, facts[c].b), &date))
          {
            score += 2;
            break;
          }
      if (score > best_score)
        {
          best_score = score;
          best_year = year;
        }
    }

  if (best_year > 0)
    w->has_base = set_date (&w->base, best_year, w->published_month, w->published_day);
  w->year_guessed = best_score < 2;
}

/* Which of a sentence's date claims belong to call @c, when the sentence names several
 * calls: the first claim after the call's own participant (one in no other call), else
 * the last one before it. "spoke with Macron on Monday and with Merkel on Tuesday";
 * "will speak with Putin on Saturday as well as Merkel and Hollande". Returns G_MAXUINT
 * when the sentence names no participant of the call's own: every claim is the call's. */
static guint
claim_for_call (Work            *w,
                guint            s,
                guint            c,
                GArray          *claims,
                const CallFacts *facts,
                const guint     *participant_calls)
{
  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);
      guint before = G_MAXUINT;

      if (m->sentence != s || participant_calls[m->leader] != 1 ||
          !facts_has (&facts[c], m->leader))
        continue;
      for (guint k = 0; k < claims->len; k++)
        {
          guint tok = g_array_index (claims, DateClaim, k).tok;

          if (tok >= m->tok_end)
            return k;
          before = k;
        }
      return before;
    }
  return G_MAXUINT;
}

/* The first token after an official, dated readout's lead (its first sentence about a
 * call), or G_MAXUINT when any date of the text may be the call's. */
static guint
official_lead_end (Work *w)
{
  if (!w->official || !w->has_base || w->dateline_tok == G_MAXUINT)
    return G_MAXUINT;
  for (guint s = 0; s < w->sentences->len; s++)
    {
      Sentence *sentence = sentence_at (w, s);

      if (sentence->where == WHERE_TEXT && sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
        return sentence->tok_end;
    }
  return G_MAXUINT;
}

static void
resolve_call_date (Work                 *w,
                   CallFacts            *facts,
                   GArray               *global_claims,
                   gboolean              first_call,
                   ReadoutExtractedCall *call)
{
  GArray *claims = facts->date_claims->len > 0 ? facts->date_claims : global_claims;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) wheres = g_array_new (FALSE, FALSE, sizeof (Where));
  const char *chosen = NULL;
  Where chosen_where = WHERE_OTHER;

  guint lead_end = first_call ? official_lead_end (w) : G_MAXUINT;

  for (guint k = 0; k < claims->len; k++)
    {
      DateClaim *claim = &g_array_index (claims, DateClaim, k);
      GDate date;
      gboolean seen = FALSE;

      /* An official readout's date line and its lead say when the call was; a date further
       * on ("... начиная с 18 марта") is about something else. */
      if (claim->kind == CLAIM_EXPLICIT && claim->where == WHERE_TEXT && claim->tok >= lead_end)
        continue;
      if (!resolve_claim (claim, w->has_base ? &w->base : NULL, call->status, &date))
        continue;
      {
        char *value = format_date (&date);

        for (guint v = 0; v < values->len; v++)
          if (g_str_equal (g_ptr_array_index (values, v), value))
            seen = TRUE;
        if (seen)
          {
            g_free (value);
            continue;
          }
        g_ptr_array_add (values, value);
        g_array_append_val (wheres, claim->where);
        /* The body of the text outranks a caption or a headline. */
        if (chosen == NULL || (chosen_where != WHERE_TEXT && claim->where == WHERE_TEXT))
          {
            chosen = value;
            chosen_where = claim->where;
          }
      }
    }

  if (chosen != NULL)
    call->date = g_strdup (chosen);
  else if (w->has_base)
    call->date = format_date (&w->base);
  call->date_precision = READOUT_DATE_PRECISION_DAY;

  if (values->len > 1)
    {
      ReadoutExtractedConflict *conflict = readout_extracted_conflict_new ("date");

      for (guint v = 0; v < values->len; v++)
        g_ptr_array_add (conflict->claims,
                         readout_extracted_claim_new (g_ptr_array_index (values, v),
                                                      where_name (g_array_index (wheres, Where, v)), 0));
      g_ptr_array_add (call->conflicts, conflict);
    }
}

static void
resolve_duration (CallFacts            *facts,
                  ReadoutExtractedCall *call)
{
  g_autoptr(GPtrArray) conflict_claims = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extracted_claim_free);
  DurationClaim *chosen = NULL;

  for (guint k = 0; k < facts->duration_claims->len; k++)
    {
      DurationClaim *claim = &g_array_index (facts->duration_claims, DurationClaim, k);
      g_autofree char *value = duration_value (claim->minutes, claim->qualifier);
      gboolean seen = FALSE;

      for (guint v = 0; v < conflict_claims->len; v++)
        if (g_str_equal (((ReadoutExtractedClaim *) g_ptr_array_index (conflict_claims, v))->value, value))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (conflict_claims, readout_extracted_claim_new (value, where_name (claim->where), 0));
      if (chosen == NULL || (chosen->where != WHERE_TEXT && claim->where == WHERE_TEXT))
        chosen = claim;
    }

  if (chosen != NULL)
    {
      call->duration_minutes = chosen->minutes;
      call->duration_qualifier = chosen->qualifier;
    }
  if (conflict_claims->len > 1)
    {
      ReadoutExtractedConflict *conflict = readout_extracted_conflict_new ("duration");

      g_ptr_array_extend_and_steal (conflict->claims, g_steal_pointer (&conflict_claims));
      g_ptr_array_add (call->conflicts, conflict);
    }
}

/* @date (nullable): the call's, to give a built-in leader the office of that day. */
static ReadoutExtractedParticipant *
participant_of (Work       *w,
                guint       index,
                const char *date)
{
  Leader *leader = leader_at (w, index);
  ReadoutExtractedParticipant *p = readout_extracted_participant_new (leader->name, leader->country);

  p->leader_id = leader->id;
  if (leader->discovered)
    p->office = g_strdup (leader->office);
  else if (leader->gazetteer)
    {
      g_autoptr(ReadoutLeader) made = readout_gazetteer_person_to_leader (leader->person, date);

      p->office = g_strdup (readout_leader_get_office (made));
      p->term_start = g_strdup (readout_leader_get_term_start (made));
      p->term_end = g_strdup (readout_leader_get_term_end (made));
      p->aliases = g_strdupv ((char **) readout_leader_get_aliases (made));
    }
  return p;
}

ReadoutExtraction *
readout_extractor_extract (ReadoutExtractor  *self,
                           const char        *text,
                           const char        *file,
                           GError           **error)
{
  Work w = { 0 };
  g_autoptr(ReadoutExtraction) extraction = NULL;
  g_autofree CallFacts *facts = NULL;
  g_autofree GArray **relations = NULL;
  g_autoptr(GArray) global_claims = NULL;
  g_autofree guint *participant_calls = NULL;
  guint n_calls;
  guint current = G_MAXUINT;
  const char *previous_speaker = NULL;
  const char *previous_side = NULL;
  gboolean previous_quote = FALSE;

  g_return_val_if_fail (READOUT_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  rebuild_forms (self);

  w.self = self;
  w.text = text;
  w.length = strlen (text);
  w.kind = READOUT_SOURCE_KIND_NEWS_REPORT;
  w.leaders = g_ptr_array_new ();
  for (guint i = 0; i < self->leaders->len; i++)
    g_ptr_array_add (w.leaders, g_ptr_array_index (self->leaders, i));
  w.discovered = g_ptr_array_new_with_free_func ((GDestroyNotify) leader_free);
  w.extra_forms = g_ptr_array_new_with_free_func ((GDestroyNotify) form_free);
  w.extra_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_date_clear (&w.base, 1);
  w.dateline_tok = G_MAXUINT;
  w.seen_speakers = g_ptr_array_new ();

  tokenize (&w);
  split_sentences (&w);
  find_published (&w);
  find_publisher (&w);
  if (!w.has_base && !w.published_no_year && self->fallback_date != NULL)
    w.has_base = parse_iso (self->fallback_date, &w.base);
  discover_leaders (&w);
  find_mentions (&w);
  find_side_from_title (&w);
  find_office_mentions (&w);
  find_links (&w);
  resolve_host (&w);

  if (w.links->len == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND,
                   _("No call found in %s: it does not name two leaders who spoke or will speak."),
                   file != NULL ? file : "the text");
      work_clear (&w);
      return NULL;
    }

  /* Calls in the order the text first reports them. */
  n_calls = w.links->len;
  for (guint i = 0; i < n_calls; i++)
    for (guint k = i + 1; k < n_calls; k++)
      {
        Link *a = &g_array_index (w.links, Link, i);
        Link *b = &g_array_index (w.links, Link, k);

        if (b->first_sentence < a->first_sentence)
          {
            Link tmp = *a;
            *a = *b;
            *b = tmp;
          }
      }

  facts = g_new0 (CallFacts, n_calls);
  participant_calls = g_new0 (guint, w.leaders->len);
  for (guint c = 0; c < n_calls; c++)
    {
      Link *link = &g_array_index (w.links, Link, c);

      facts[c].a = link->a;
      facts[c].b = link->b;
      facts[c].others = link->others;
      for (guint o = 0; o < link->others->len; o++)
        participant_calls[g_array_index (link->others, guint, o)]++;
      facts[c].date_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));
      facts[c].duration_claims = g_array_new (FALSE, FALSE, sizeof (DurationClaim));
      facts[c].initiator = NO_LEADER;
      participant_calls[link->a]++;
      participant_calls[link->b]++;
    }
  global_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));

  /* Which calls each sentence is about: those whose own participant it names, else the
   * call the text was last talking about. */
  relations = g_new0 (GArray *, w.sentences->len);
  for (guint s = 0; s < w.sentences->len; s++)
    {
      GArray *rel = g_array_new (FALSE, FALSE, sizeof (guint));

      relations[s] = rel;
      if (n_calls == 1)
        {
          guint zero = 0;
          g_array_append_val (rel, zero);
          continue;
        }
      for (guint c = 0; c < n_calls; c++)
        {
          Link *link = &g_array_index (w.links, Link, c);
          gboolean related = FALSE;

          for (guint k = 0; k < link->sentences->len && !related; k++)
            related = g_array_index (link->sentences, guint, k) == s;
          for (guint i = 0; i < w.mentions->len && !related; i++)
            {
              Mention *m = &g_array_index (w.mentions, Mention, i);

              if (m->sentence == s &&
                  link_has (link, m->leader) && participant_calls[m->leader] == 1)
                related = TRUE;
            }
          if (related)
            g_array_append_val (rel, c);
        }
      if (rel->len > 0)
        current = g_array_index (rel, guint, rel->len - 1);
      else if (current != G_MAXUINT)
        g_array_append_val (rel, current);
    }

  for (guint s = 0; s < w.sentences->len; s++)
    {
      GArray *rel = relations[s];

      if (rel->len == 0)
        {
          collect_date_claims (&w, s, global_claims);
          continue;
        }
      if (rel->len > 1)
        {
          /* "spoke with Macron on Monday and with Merkel on Tuesday": a day belongs to
           * the call whose own participant the sentence last named before it. */
          g_autoptr(GArray) claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));

          collect_date_claims (&w, s, claims);
          for (guint r = 0; r < rel->len && claims->len > 0; r++)
            {
              guint c = g_array_index (rel, guint, r);
              guint k = claim_for_call (&w, s, c, claims, facts, participant_calls);

              if (k == G_MAXUINT)
                g_array_append_vals (facts[c].date_claims, claims->data, claims->len);
              else
                g_array_append_val (facts[c].date_claims, g_array_index (claims, DateClaim, k));
            }
        }
      for (guint k = 0; k < rel->len; k++)
        {
          CallFacts *f = &facts[g_array_index (rel, guint, k)];

          if (rel->len == 1)
            collect_date_claims (&w, s, f->date_claims);
          collect_durations (&w, s, f->duration_claims);
          count_status (&w, s, f);
          if (f->initiator == NO_LEADER)
            find_initiator (&w, s, f);
        }
    }

  if (!w.has_base && w.published_no_year)
    infer_year (&w, facts, n_calls);

  extraction = readout_extraction_new ();
  extraction->file = g_strdup (file);
  extraction->text = g_strdup (text);
  extraction->publisher = g_strdup (w.publisher);
  extraction->side = g_strdup (w.side);
  extraction->kind = w.kind;
  if (w.has_base)
    extraction->published = format_date (&w.base);
  for (guint s = 0; s < w.sentences->len && extraction->title == NULL; s++)
    if (sentence_at (&w, s)->where == WHERE_TITLE)
      extraction->title = g_strndup (text + sentence_at (&w, s)->start,
                                     sentence_at (&w, s)->end - sentence_at (&w, s)->start);

  for (guint c = 0; c < n_calls; c++)
    {
      ReadoutExtractedCall *call = readout_extracted_call_new ();
      CallFacts *f = &facts[c];

      if (f->cancelled > 0 && f->cancelled >= f->held)
        call->status = READOUT_CALL_STATUS_CANCELLED;
      else if (f->held > 0 && f->held >= f->announced)
        call->status = READOUT_CALL_STATUS_HELD;
      else if (f->announced > 0)
        call->status = READOUT_CALL_STATUS_ANNOUNCED;
      else
        call->status = READOUT_CALL_STATUS_HELD;

      if (f->initiator == NO_LEADER)
        {
          if (g_hash_table_contains (w.initiators, GUINT_TO_POINTER (f->a + 1)))
            f->initiator = f->a;
          else if (g_hash_table_contains (w.initiators, GUINT_TO_POINTER (f->b + 1)))
            f->initiator = f->b;
        }
      if (f->initiator != NO_LEADER)
        call->initiator = g_strdup (leader_at (&w, f->initiator)->name);

      resolve_call_date (&w, f, global_claims, c == 0, call);
      call->year_guessed = w.year_guessed;
      resolve_duration (f, call);
      g_ptr_array_insert (call->participants, 0, participant_of (&w, f->a, call->date));
      g_ptr_array_insert (call->participants, 1, participant_of (&w, f->b, call->date));
      for (guint o = 0; o < f->others->len; o++)
        g_ptr_array_add (call->participants, participant_of (&w, g_array_index (f->others, guint, o), call->date));
      g_ptr_array_add (extraction->calls, call);
    }

  /* Statements. */
  for (guint s = 0; s < w.sentences->len; s++)
    {
      Sentence *sentence = sentence_at (&w, s);
      const char *speaker = NULL, *side = NULL;
      g_autofree char *unknown = NULL;
      g_auto(GStrv) topics = NULL;
      gboolean attributed, quote, include;
      GArray *rel = relations[s];

      if (sentence->where != WHERE_TEXT)
        {
          previous_quote = FALSE;
          continue;
        }

      quote = has_quote (text + sentence->start, sentence->end - sentence->start);
      attributed = find_attribution (&w, s, &speaker, &side, &unknown);
      if (attributed && unknown != NULL)
        speaker = unknown, side = NULL;

      /* A quote that runs on into a second sentence keeps its speaker. */
      if (!attributed && previous_quote && previous_speaker != NULL &&
          (text[sentence->start] == '"' || g_str_has_prefix (text + sentence->start, "“") ||
           g_str_has_prefix (text + sentence->start, "«")))
        {
          attributed = TRUE;
          speaker = previous_speaker;
          side = previous_side;
          quote = TRUE;
        }

      if (attributed)
        include = TRUE;
      else
        {
          gboolean names_participant = FALSE;

          for (guint i = 0; i < w.mentions->len && !names_participant; i++)
            {
              Mention *m = &g_array_index (w.mentions, Mention, i);

              if (m->sentence != s)
                continue;
              for (guint c = 0; c < n_calls && !names_participant; c++)
                names_participant = facts_has (&facts[c], m->leader);
            }
          include = is_discussion_sentence (&w, s) &&
                    (names_participant || mentions_the_pair (&w, s) || w.official);
          speaker = w.publisher;
          side = w.side;
        }

      if (attributed && side != NULL && speaker != NULL)
        {
          g_ptr_array_add (w.seen_speakers, (gpointer) speaker);
          g_ptr_array_add (w.seen_speakers, (gpointer) side);
        }
      previous_quote = attributed && quote;
      previous_speaker = attributed ? speaker : NULL;
      previous_side = attributed ? side : NULL;
      if (!include)
        continue;
      /* An official readout is its government's account, of what the other leader said too */
      if (w.official && w.side != NULL)
        side = w.side;

      {
        g_autofree char *sentence_text = g_strndup (text + sentence->start, sentence->end - sentence->start);
        topics = tag_topics (&w, sentence_text);
      }

      if (w.joint && !attributed)
        {
          add_joint_statement (&w, extraction, &facts[rel->len > 0 ? g_array_index (rel, guint, 0) : 0],
                               rel->len > 0 ? g_array_index (rel, guint, 0) : 0, sentence, topics);
          continue;
        }
      if (rel->len == 0)
        add_statement (g_ptr_array_index (extraction->calls, 0), &w, sentence, speaker, side, quote, topics);
      for (guint k = 0; k < rel->len; k++)
        add_statement (g_ptr_array_index (extraction->calls, g_array_index (rel, guint, k)),
                       &w, sentence, speaker, side, quote, topics);
    }

  for (guint c = 0; c < n_calls; c++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, c);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint k = 0; k < call->statements->len; k++)
        add_topics (names, ((ReadoutExtractedStatement *) g_ptr_array_index (call->statements, k))->topics);
      g_ptr_array_sort (names, compare_names);
      g_ptr_array_add (names, NULL);
      g_strfreev (call->topics);
      call->topics = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
    }

  for (guint c = 0; c < n_calls; c++)
    {
      g_array_unref (facts[c].date_claims);
      g_array_unref (facts[c].duration_claims);
    }
  for (guint s = 0; s < w.sentences->len; s++)
    g_array_unref (relations[s]);
  work_clear (&w);

  return g_steal_pointer (&extraction);
}

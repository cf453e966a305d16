// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-country-names"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "readout-builtin-data.h"
#include "readout-country-names.h"
#include "readout-error.h"
#include "readout-name-words.h"

#define N_CASES 5   /* genitive, dative, accusative, instrumental, prepositional */

struct _ReadoutCountryNames
{
  GObject     parent_instance;

  GHashTable *forms;       /* folded words joined by spaces -> code */
  GHashTable *adjectives;  /* Russian adjective stem ("армянск") -> code */
  guint       max_words;
};

G_DEFINE_FINAL_TYPE (ReadoutCountryNames, readout_country_names, G_TYPE_OBJECT)

static void
readout_country_names_finalize (GObject *object)
{
  ReadoutCountryNames *self = READOUT_COUNTRY_NAMES (object);

  g_hash_table_unref (self->forms);
  g_hash_table_unref (self->adjectives);
  G_OBJECT_CLASS (readout_country_names_parent_class)->finalize (object);
}

static void
readout_country_names_class_init (ReadoutCountryNamesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = readout_country_names_finalize;
}

static void
readout_country_names_init (ReadoutCountryNames *self)
{
  self->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->adjectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* How a Russian country name declines: the nominative ending, then the endings of the
 * genitive, dative, accusative, instrumental and prepositional. Adjectives first (a
 * name declines up to its first noun: "Саудовской Аравии", "Республики Беларусь");
 * "ь" is there twice because the gender is not in the word ("Беларуси", "Израиля");
 * "-ство" declines ("Государства Катар") while other names in "-о" do not ("Того"). */
typedef struct {
  const char *nominative;
  const char *cases[N_CASES];
  gboolean    adjective;
} Declension;

static const Declension declensions[] = {
  { "ий", { "ого", "ому", "ий", "им", "ом" }, TRUE },
  { "ый", { "ого", "ому", "ый", "ым", "ом" }, TRUE },
  { "ой", { "ого", "ому", "ой", "ым", "ом" }, TRUE },
  { "ая", { "ой", "ой", "ую", "ой", "ой" }, TRUE },
  { "яя", { "ей", "ей", "юю", "ей", "ей" }, TRUE },
  { "ое", { "ого", "ому", "ое", "ым", "ом" }, TRUE },
  { "ые", { "ых", "ым", "ые", "ыми", "ых" }, TRUE },
  { "ие", { "их", "им", "ие", "ими", "их" }, TRUE },
  { "ство", { "ства", "ству", "ство", "ством", "стве" }, FALSE },
  { "ия", { "ии", "ии", "ию", "ией", "ии" }, FALSE },
  { "ея", { "еи", "ее", "ею", "еей", "ее" }, FALSE },
  { "ка", { "ки", "ке", "ку", "кой", "ке" }, FALSE },
  { "га", { "ги", "ге", "гу", "гой", "ге" }, FALSE },
  { "ха", { "хи", "хе", "ху", "хой", "хе" }, FALSE },
  { "а", { "ы", "е", "у", "ой", "е" }, FALSE },
  { "я", { "и", "е", "ю", "ей", "е" }, FALSE },
  { "ь", { "и", "и", "ь", "ью", "и" }, FALSE },
  { "ь", { "я", "ю", "ь", "ем", "е" }, FALSE },
  { "й", { "я", "ю", "й", "ем", "е" }, FALSE },
  { "ы", { "ов", "ам", "ы", "ами", "ах" }, FALSE },
};

/* Endings of Russian adjectives, for "армянской", "российская", "американских". */
static const char * const adjective_endings[] = {
  "ими", "ыми", "ого", "его", "ому", "ему", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
  "ую", "юю", "им", "ым", "ом", "ем", "их", "ых", "ей",
};

static char *
replace_ending (const char *word,
                const char *old_ending,
                const char *new_ending)
{
  gsize keep = strlen (word) - strlen (old_ending);
  g_autofree char *stem = g_strndup (word, keep);

  return g_strconcat (stem, new_ending, NULL);
}

static gboolean
ends_in_consonant (const char *word)
{
  const char *last = g_utf8_offset_to_pointer (word, g_utf8_strlen (word, -1) - 1);
  gunichar c = g_utf8_get_char (last);

  return c >= 0x430 && c <= 0x44F && g_utf8_strchr ("аеиоуыэюяйьъ", -1, c) == NULL;
}

/* The forms of one word in case @c (0..4): one, or two for a word ending in "ь". A noun
 * ending in a consonant takes the masculine endings ("Катара", "Катаром"); a word ending
 * in another vowel does not decline ("Мали", "Перу"). *noun is set for a noun. */
static void
decline_word (const char *word,
              guint       c,
              GPtrArray  *out,
              gboolean   *noun)
{
  gboolean found = FALSE;

  *noun = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (declensions); i++)
    {
      const Declension *d = &declensions[i];

      if (!g_str_has_suffix (word, d->nominative) || g_utf8_strlen (word, -1) < 3)
        continue;
      if (found && !g_str_equal (d->nominative, "ь"))
        break;
      g_ptr_array_add (out, replace_ending (word, d->nominative, d->cases[c]));
      *noun = !d->adjective;
      found = TRUE;
      if (!g_str_equal (d->nominative, "ь"))
        break;
    }
  if (found)
    return;
  if (readout_name_is_cyrillic (word) && ends_in_consonant (word))
    {
      static const char * const consonant[N_CASES] = { "а", "у", "", "ом", "е" };

      g_ptr_array_add (out, g_strconcat (word, consonant[c], NULL));
      if (c == 3)
        g_ptr_array_add (out, g_strconcat (word, "ем", NULL));
      return;
    }
  g_ptr_array_add (out, g_strdup (word));
}

static void
add_form (ReadoutCountryNames *self,
          const char          *key,
          const char          *code)
{
  guint n_words = 1;

  for (const char *p = key; *p != '\0'; p++)
    n_words += *p == ' ';
  self->max_words = MAX (self->max_words, n_words);
  if (!g_hash_table_contains (self->forms, key))
    g_hash_table_insert (self->forms, g_strdup (key), g_strdup (code));
}

/* The forms of one word of a name in case @c: of its last part when hyphenated ("Коста-Рики",
 * "Шри-Ланки", "Южно-Африканской"). */
static void
decline_compound (const char *word,
                  guint       c,
                  GPtrArray  *out,
                  gboolean   *noun)
{
  const char *hyphen = strrchr (word, '-');
  g_autofree char *prefix = hyphen != NULL ? g_strndup (word, hyphen + 1 - word) : g_strdup ("");
  guint first = out->len;

  decline_word (hyphen != NULL ? hyphen + 1 : word, c, out, noun);
  for (guint i = first; i < out->len; i++)
    {
      char *whole = g_strconcat (prefix, g_ptr_array_index (out, i), NULL);

      g_free (g_ptr_array_index (out, i));
      g_ptr_array_index (out, i) = whole;
    }
}

static void
add_phrase (ReadoutCountryNames *self,
            const char          *phrase,
            const char          *code)
{
  g_auto(GStrv) words = readout_name_words (phrase, FALSE);
  g_autofree char *key = g_strjoinv (" ", words);

  if (*key != '\0')
    add_form (self, key, code);
}

/* Every case of a Russian name: its words decline up to the first noun, the rest stay
 * ("Республики Беларусь", "Соединённых Штатов Америки"). */
static void
add_russian_cases (ReadoutCountryNames *self,
                   const char          *name,
                   const char          *code)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
      gboolean declining = TRUE;

      g_ptr_array_add (phrases, g_strdup (""));
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) longer = g_ptr_array_new_with_free_func (g_free);
          gboolean noun = TRUE;

          if (declining)
            decline_compound (words[w], c, alternatives, &noun);
          else
            g_ptr_array_add (alternatives, g_strdup (words[w]));
          declining = declining && !noun;
          for (guint p = 0; p < phrases->len; p++)
            for (guint a = 0; a < alternatives->len; a++)
              g_ptr_array_add (longer, g_strconcat (g_ptr_array_index (phrases, p), w > 0 ? " " : "",
                                                    g_ptr_array_index (alternatives, a), NULL));
          g_ptr_array_unref (phrases);
          phrases = g_steal_pointer (&longer);
        }
      for (guint p = 0; p < phrases->len; p++)
        add_phrase (self, g_ptr_array_index (phrases, p), code);
    }
}

static void
add_names (ReadoutCountryNames *self,
           const char          *field,
           const char          *code,
           gboolean             russian)
{
  g_auto(GStrv) names = g_strsplit (field, "|", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) words = readout_name_words (names[i], FALSE);
      g_autofree char *key = NULL;

      if (words[0] == NULL)
        continue;
      key = g_strjoinv (" ", words);
      add_form (self, key, code);
      if (russian)
        add_russian_cases (self, names[i], code);
    }
}

static void
add_adjectives (ReadoutCountryNames *self,
                const char          *field,
                const char          *code)
{
  g_auto(GStrv) adjectives = g_strsplit (field, "|", -1);

  for (guint i = 0; adjectives[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (adjectives[i], -1);

      for (guint e = 0; e < G_N_ELEMENTS (adjective_endings); e++)
        if (g_str_has_suffix (folded, adjective_endings[e]))
          {
            folded[strlen (folded) - strlen (adjective_endings[e])] = '\0';
            g_hash_table_insert (self->adjectives, g_strdup (folded), g_strdup (code));
            break;
          }
    }
}

ReadoutCountryNames *
readout_country_names_new_from_data (const char  *tsv,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(ReadoutCountryNames) self = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (tsv != NULL, NULL);

  text = length < 0 ? g_strdup (tsv) : g_strndup (tsv, length);
  lines = g_strsplit (text, "\n", -1);
  if (!g_utf8_validate (text, -1, NULL) || lines[0] == NULL ||
      !g_str_has_prefix (lines[0], "code\tenglish\trussian\trussian_adjective"))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   "The list of country names is not UTF-8 text starting with the header line "
                   "“code, english, russian, russian_adjective”.");
      return NULL;
    }
  self = g_object_new (READOUT_TYPE_COUNTRY_NAMES, NULL);
  for (guint n = 1; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;

      /* Only a CR: a trailing tab is an empty field. */
      if (g_str_has_suffix (lines[n], "\r"))
        lines[n][strlen (lines[n]) - 1] = '\0';
      if (*lines[n] == '\0')
        continue;
      fields = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (fields) != 4 || strlen (fields[0]) != 2 || *fields[1] == '\0')
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                       "Line %u of the list of country names is not a code, English names, "
                       "Russian names and Russian adjectives separated by tabs.", n + 1);
          return NULL;
        }
      add_names (self, fields[1], fields[0], FALSE);
      add_names (self, fields[2], fields[0], TRUE);
      add_adjectives (self, fields[3], fields[0]);
    }
  return g_steal_pointer (&self);
}

ReadoutCountryNames *
readout_country_names_get_default (void)
{
  static ReadoutCountryNames *names;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, readout_builtin_data_load ("country-names.tsv",
                                                   (ReadoutBuiltinParser) readout_country_names_new_from_data,
                                                   READOUT_TYPE_COUNTRY_NAMES, "country names"));
  return names;
}

/* A Russian adjective of a country ("армянской") by its stem. */
static const char *
lookup_adjective (ReadoutCountryNames *self,
                  const char          *word)
{
  for (guint e = 0; e < G_N_ELEMENTS (adjective_endings); e++)
    if (g_str_has_suffix (word, adjective_endings[e]))
      {
        g_autofree char *stem = g_strndup (word, strlen (word) - strlen (adjective_endings[e]));
        const char *code = g_hash_table_lookup (self->adjectives, stem);

        if (code != NULL)
          return code;
      }
  return NULL;
}

const char *
readout_country_names_match (ReadoutCountryNames *self,
                             const char * const  *words,
                             guint               *n_used)
{
  guint available = 0;

  g_return_val_if_fail (READOUT_IS_COUNTRY_NAMES (self), NULL);

  *n_used = 0;
  while (words[available] != NULL && available < self->max_words)
    available++;
  for (guint n = available; n > 0; n--)
    {
      g_autofree char *key = readout_name_key (words, n, FALSE);
      const char *code = g_hash_table_lookup (self->forms, key);

      if (code == NULL && n == 1 && readout_name_is_cyrillic (words[0]))
        code = lookup_adjective (self, words[0]);
      if (code != NULL)
        {
          *n_used = n;
          return code;
        }
    }
  return NULL;
}

const char *
readout_country_names_lookup (ReadoutCountryNames *self,
                              const char          *phrase)
{
  g_auto(GStrv) words = NULL;
  guint n_used = 0;
  guint start = 0;
  const char *code;

  g_return_val_if_fail (READOUT_IS_COUNTRY_NAMES (self), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  words = readout_name_words (phrase, FALSE);
  /* "the United Kingdom", "Japan's" */
  if (words[0] != NULL && g_str_equal (words[0], "the"))
    start = 1;
  if (words[start] != NULL && g_str_has_suffix (words[start], "'s"))
    words[start][strlen (words[start]) - 2] = '\0';
  code = readout_country_names_match (self, (const char * const *) words + start, &n_used);
  return code != NULL && words[start + n_used] == NULL ? code : NULL;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
readout_country_names_get_codes (ReadoutCountryNames *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&iter, self->forms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_hash_table_add (seen, value))
      g_ptr_array_add (codes, g_strdup (value));
  g_ptr_array_sort (codes, compare_codes);
  return codes;
}

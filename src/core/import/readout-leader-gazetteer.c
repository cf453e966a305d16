// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader-gazetteer"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "readout-builtin-data.h"
#include "readout-error.h"
#include "readout-country-names.h"
#include "readout-leader-gazetteer.h"
#include "readout-name-words.h"

/* Heads of state and government of every country since 1991, foreign ministers of the
 * larger ones and the UN Secretaries-General (data/leaders.tsv), so that an import into
 * an empty store still knows "Putin", "Мирзиёевым" and "the Prime Minister" of a date.
 * The store's own leaders always come first: the extractor consults the gazetteer only
 * for names the store does not have. */

struct _ReadoutLeaderGazetteer
{
  GObject     parent_instance;

  GPtrArray  *people;        /* ReadoutGazetteerPerson */
  GHashTable *by_name;       /* casefolded name or alias -> GPtrArray of people (borrowed) */
  GHashTable *by_key;        /* stemmed words of a name or alias, in order -> people */
  GHashTable *by_sorted_key; /* the same words sorted ("fumio kishida" for "Kishida Fumio") */
  GHashTable *by_country;    /* country -> people */
  GHashTable *office_kinds;  /* office of the data -> ReadoutOfficeKind */
  GHashTable *main_offices;  /* country -> office of its first line */
};

G_DEFINE_FINAL_TYPE (ReadoutLeaderGazetteer, readout_leader_gazetteer, G_TYPE_OBJECT)

static void
term_free (ReadoutGazetteerTerm *term)
{
  g_free (term->country);
  g_free (term->office);
  g_free (term->term_start);
  g_free (term->term_end);
  g_free (term);
}

static void
person_free (ReadoutGazetteerPerson *person)
{
  g_free (person->name);
  g_free (person->country);
  g_strfreev (person->aliases);
  g_ptr_array_unref (person->terms);
  g_free (person);
}

static void
readout_leader_gazetteer_finalize (GObject *object)
{
  ReadoutLeaderGazetteer *self = READOUT_LEADER_GAZETTEER (object);

  g_hash_table_unref (self->by_name);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->by_sorted_key);
  g_hash_table_unref (self->by_country);
  g_hash_table_unref (self->office_kinds);
  g_hash_table_unref (self->main_offices);
  g_ptr_array_unref (self->people);

  G_OBJECT_CLASS (readout_leader_gazetteer_parent_class)->finalize (object);
}

static void
readout_leader_gazetteer_class_init (ReadoutLeaderGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = readout_leader_gazetteer_finalize;
}

static void
readout_leader_gazetteer_init (ReadoutLeaderGazetteer *self)
{
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->main_offices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->by_sorted_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->by_country = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->office_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
is_iso_day (const char *value)
{
  int y, m, d;
  char rest;

  return value != NULL && strlen (value) == 10 &&
         sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && g_date_valid_dmy (d, m, y);
}

static void
add_to_bucket (GHashTable             *table,
               char                   *key,
               ReadoutGazetteerPerson *person)
{
  GPtrArray *bucket = g_hash_table_lookup (table, key);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), bucket);
    }
  if (!g_ptr_array_find (bucket, person, NULL))
    g_ptr_array_add (bucket, person);
}

/* A name under its casefolded form, and under its stemmed words in order and sorted, so
 * that "Мирзиёевым" and "KISHIDA Fumio" find it. */
static void
index_name (ReadoutLeaderGazetteer *self,
            const char             *name,
            ReadoutGazetteerPerson *person)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = readout_name_words (name, TRUE);
  guint n_words = g_strv_length (words);
  g_autofree char *key = readout_name_key ((const char * const *) words, n_words, FALSE);
  g_autofree char *sorted = readout_name_key ((const char * const *) words, n_words, TRUE);

  add_to_bucket (self->by_name, folded, person);
  if (n_words == 0)
    return;
  add_to_bucket (self->by_key, key, person);
  add_to_bucket (self->by_sorted_key, sorted, person);
}

/* Whether @country is an international office's: the UN's (none) or the EU's. */
static gboolean
is_international (const char *country)
{
  return country == NULL || g_str_equal (country, "EU");
}

/* The person of an earlier line with the same name: of the same country, or one of them
 * in an international office (Charles Michel, Prime Minister of Belgium and President of
 * the European Council, is one person, filed under Belgium). */
static ReadoutGazetteerPerson *
find_person (ReadoutLeaderGazetteer *self,
             const char             *name,
             const char             *country)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GPtrArray *bucket = g_hash_table_lookup (self->by_name, folded);

  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    {
      ReadoutGazetteerPerson *person = g_ptr_array_index (bucket, i);

      if (!g_str_equal (person->name, name))
        continue;
      if (g_strcmp0 (person->country, country) == 0 || is_international (country))
        return person;
      if (is_international (person->country))
        {
          g_free (person->country);
          person->country = g_strdup (country);
          return person;
        }
    }
  return NULL;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const ReadoutGazetteerTerm *ta = *(ReadoutGazetteerTerm * const *) a;
  const ReadoutGazetteerTerm *tb = *(ReadoutGazetteerTerm * const *) b;

  return strcmp (ta->term_start, tb->term_start);
}

static void
merge_aliases (ReadoutGazetteerPerson *person,
               char                  **aliases)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new ();

  for (guint i = 0; person->aliases != NULL && person->aliases[i] != NULL; i++)
    g_ptr_array_add (merged, g_strdup (person->aliases[i]));
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      gboolean seen = *aliases[i] == '\0';

      for (guint k = 0; k < merged->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (merged, k), aliases[i]);
      if (!seen)
        g_ptr_array_add (merged, g_strdup (aliases[i]));
    }
  g_ptr_array_add (merged, NULL);
  g_strfreev (person->aliases);
  person->aliases = (char **) g_ptr_array_free (g_steal_pointer (&merged), FALSE);
}

/* The kind of an office of the data, worked out once per office name. */
static ReadoutOfficeKind
office_kind_cached (ReadoutLeaderGazetteer *self,
                    const char             *office)
{
  gpointer kind;

  if (!g_hash_table_lookup_extended (self->office_kinds, office, NULL, &kind))
    {
      kind = GINT_TO_POINTER (readout_office_kind (office));
      g_hash_table_insert (self->office_kinds, g_strdup (office), kind);
    }
  return GPOINTER_TO_INT (kind);
}

/* One checked line: its person (new, or the earlier one of the same name), aliases and term. */
static void
add_line (ReadoutLeaderGazetteer *self,
          char                  **fields)
{
  const char *country = *fields[2] != '\0' ? fields[2] : NULL;
  g_auto(GStrv) aliases = NULL;
  ReadoutGazetteerPerson *person;
  ReadoutGazetteerTerm *term;

  person = find_person (self, fields[0], country);
  if (person == NULL)
    {
      person = g_new0 (ReadoutGazetteerPerson, 1);
      person->name = g_strdup (fields[0]);
      person->country = g_strdup (country);
      person->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
      g_ptr_array_add (self->people, person);
      index_name (self, person->name, person);
    }
  if (country != NULL)
    add_to_bucket (self->by_country, (char *) country, person);
  aliases = g_strsplit (fields[1], "|", -1);
  merge_aliases (person, aliases);
  for (guint i = 0; aliases[i] != NULL; i++)
    if (*aliases[i] != '\0')
      index_name (self, aliases[i], person);

  term = g_new0 (ReadoutGazetteerTerm, 1);
  term->country = g_strdup (country);
  term->office = g_strdup (fields[3]);
  term->kind = office_kind_cached (self, fields[3]);
  term->term_start = g_strdup (fields[4]);
  term->term_end = *fields[5] != '\0' ? g_strdup (fields[5]) : NULL;
  g_ptr_array_add (person->terms, term);

  if (country != NULL && !g_hash_table_contains (self->main_offices, country))
    g_hash_table_insert (self->main_offices, g_strdup (country), g_strdup (fields[3]));
}

ReadoutLeaderGazetteer *
readout_leader_gazetteer_new_from_data (const char  *tsv,
                                        gssize       length,
                                        GError     **error)
{
  g_autoptr(ReadoutLeaderGazetteer) self = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (tsv != NULL, NULL);

  text = length < 0 ? g_strdup (tsv) : g_strndup (tsv, length);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   "The list of leaders is not UTF-8 text.");
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "name\taliases\tcountry\toffice\tterm_start\tterm_end"))
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                   "The list of leaders does not start with the header line "
                   "“name, aliases, country, office, term_start, term_end”.");
      return NULL;
    }

  self = g_object_new (READOUT_TYPE_LEADER_GAZETTEER, NULL);
  for (guint n = 1; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;

      /* Only a CR: a trailing tab is an empty term_end. */
      if (g_str_has_suffix (lines[n], "\r"))
        lines[n][strlen (lines[n]) - 1] = '\0';
      if (*lines[n] == '\0')
        continue;
      fields = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (fields) != 6 || *fields[0] == '\0' || *fields[3] == '\0' ||
          !is_iso_day (fields[4]) || (*fields[5] != '\0' && !is_iso_day (fields[5])) ||
          (*fields[5] != '\0' && strcmp (fields[5], fields[4]) < 0))
        {
          g_set_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT,
                       "Line %u of the list of leaders is not a name, aliases, a country, an office "
                       "and the term’s first and last days (YYYY-MM-DD) separated by tabs.", n + 1);
          return NULL;
        }

      add_line (self, fields);
    }
  for (guint i = 0; i < self->people->len; i++)
    g_ptr_array_sort (((ReadoutGazetteerPerson *) g_ptr_array_index (self->people, i))->terms, compare_terms);
  return g_steal_pointer (&self);
}

ReadoutLeaderGazetteer *
readout_leader_gazetteer_get_default (void)
{
  static ReadoutLeaderGazetteer *gazetteer;

  if (g_once_init_enter (&gazetteer))
    g_once_init_leave (&gazetteer, readout_builtin_data_load ("leaders.tsv",
                                                   (ReadoutBuiltinParser) readout_leader_gazetteer_new_from_data,
                                                   READOUT_TYPE_LEADER_GAZETTEER, "leaders"));
  return gazetteer;
}

guint
readout_leader_gazetteer_get_n_people (ReadoutLeaderGazetteer *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), 0);
  return self->people->len;
}

const ReadoutGazetteerPerson *
readout_leader_gazetteer_get_person (ReadoutLeaderGazetteer *self,
                                     guint                   index)
{
  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->people->len, NULL);
  return g_ptr_array_index (self->people, index);
}

static const char *
latest_start (const ReadoutGazetteerPerson *person)
{
  const char *latest = NULL;

  for (guint i = 0; i < person->terms->len; i++)
    {
      const ReadoutGazetteerTerm *term = g_ptr_array_index (person->terms, i);

      if (latest == NULL || strcmp (term->term_start, latest) > 0)
        latest = term->term_start;
    }
  return latest;
}

/* The person of @bucket for @country (nullable; ignored when nobody of the bucket is of
 * it) in office on @iso_date (nullable), else the one whose last term began latest. */
static const ReadoutGazetteerPerson *
pick (GPtrArray  *bucket,
      const char *country,
      const char *iso_date)
{
  const ReadoutGazetteerPerson *best = NULL;
  gboolean any_of_country = FALSE;

  if (bucket == NULL)
    return NULL;
  for (guint i = 0; country != NULL && i < bucket->len; i++)
    any_of_country |= g_strcmp0 (((ReadoutGazetteerPerson *) g_ptr_array_index (bucket, i))->country, country) == 0;
  for (guint i = 0; i < bucket->len; i++)
    {
      const ReadoutGazetteerPerson *person = g_ptr_array_index (bucket, i);

      if (any_of_country && g_strcmp0 (person->country, country) != 0)
        continue;
      if (iso_date != NULL && readout_gazetteer_person_term_at (person, iso_date) != NULL)
        return person;
      if (best == NULL || strcmp (latest_start (person), latest_start (best)) > 0)
        best = person;
    }
  return best;
}

/* A name by its stemmed words: in order ("Мирзиёевым"), then in any order ("KISHIDA Fumio"). */
static const ReadoutGazetteerPerson *
lookup_words (ReadoutLeaderGazetteer *self,
              const char * const     *words,
              const char             *country,
              const char             *iso_date)
{
  guint n_words = g_strv_length ((char **) words);
  g_autofree char *key = NULL;
  g_autofree char *sorted = NULL;
  const ReadoutGazetteerPerson *person;

  if (n_words == 0)
    return NULL;
  key = readout_name_key (words, n_words, FALSE);
  person = pick (g_hash_table_lookup (self->by_key, key), country, iso_date);
  if (person != NULL)
    return person;
  sorted = readout_name_key (words, n_words, TRUE);
  return pick (g_hash_table_lookup (self->by_sorted_key, sorted), country, iso_date);
}

const ReadoutGazetteerPerson *
readout_leader_gazetteer_lookup (ReadoutLeaderGazetteer *self,
                                 const char             *name,
                                 const char             *iso_date)
{
  g_autofree char *key = NULL;
  g_auto(GStrv) words = NULL;
  const ReadoutGazetteerPerson *person;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = g_utf8_casefold (name, -1);
  person = pick (g_hash_table_lookup (self->by_name, key), NULL, iso_date);
  if (person != NULL)
    return person;
  words = readout_name_words (name, TRUE);
  return lookup_words (self, (const char * const *) words, NULL, iso_date);
}

const char *
readout_leader_gazetteer_get_main_office (ReadoutLeaderGazetteer *self,
                                          const char             *country)
{
  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  return country != NULL ? g_hash_table_lookup (self->main_offices, country) : NULL;
}

const ReadoutGazetteerTerm *
readout_gazetteer_person_term_at (const ReadoutGazetteerPerson *person,
                                  const char                   *iso_date)
{
  const ReadoutGazetteerTerm *last_day = NULL;

  g_return_val_if_fail (person != NULL, NULL);
  if (iso_date == NULL)
    return NULL;

  /* On a handover day ("2008-05-07") the incoming term wins over the one ending. */
  for (guint i = 0; i < person->terms->len; i++)
    {
      const ReadoutGazetteerTerm *term = g_ptr_array_index (person->terms, i);

      if (strcmp (iso_date, term->term_start) < 0)
        continue;
      if (term->term_end == NULL || strcmp (iso_date, term->term_end) < 0)
        return term;
      if (strcmp (iso_date, term->term_end) == 0)
        last_day = term;
    }
  return last_day;
}

ReadoutLeader *
readout_gazetteer_person_to_leader (const ReadoutGazetteerPerson *person,
                                    const char                   *iso_date)
{
  const ReadoutGazetteerTerm *term;
  ReadoutLeader *leader;

  g_return_val_if_fail (person != NULL, NULL);
  g_return_val_if_fail (person->terms->len > 0, NULL);

  term = readout_gazetteer_person_term_at (person, iso_date);
  if (term == NULL)
    {
      const char *latest = latest_start (person);

      for (guint i = 0; i < person->terms->len && term == NULL; i++)
        if (g_str_equal (((ReadoutGazetteerTerm *) g_ptr_array_index (person->terms, i))->term_start, latest))
          term = g_ptr_array_index (person->terms, i);
    }

  leader = readout_leader_new ();
  readout_leader_set_name (leader, person->name);
  readout_leader_set_aliases (leader, (const char * const *) person->aliases);
  /* The country of the office held then: "EU" for a President of the European Council. */
  readout_leader_set_country (leader, term->country);
  readout_leader_set_office (leader, term->office);
  readout_leader_set_term_start (leader, term->term_start);
  readout_leader_set_term_end (leader, term->term_end);
  return leader;
}

/* Whether @term is of @kind, or holds @office itself ("President" of Iran, not its
 * Supreme Leader, both heads of state). */
static gboolean
term_fits (const ReadoutGazetteerTerm *term,
           ReadoutOfficeKind           kind,
           const char                 *office)
{
  if (office != NULL)
    {
      g_autofree char *folded_a = g_utf8_casefold (office, -1);
      g_autofree char *folded_b = g_utf8_casefold (term->office, -1);
      g_auto(GStrv) a = NULL;
      g_auto(GStrv) b = NULL;
      g_autofree char *key_a = NULL;
      g_autofree char *key_b = NULL;

      /* Stems only where the two may differ by case: one script, other words. */
      if (g_str_equal (folded_a, folded_b))
        return TRUE;
      if (readout_name_is_cyrillic (office) != readout_name_is_cyrillic (term->office))
        return FALSE;
      a = readout_name_words (office, TRUE);
      b = readout_name_words (term->office, TRUE);
      key_a = g_strjoinv (" ", a);
      key_b = g_strjoinv (" ", b);
      return g_str_equal (key_a, key_b);
    }
  return term->kind == kind;
}

/* The holder of an office of @country on @iso_date; on a handover day the incoming one
 * (Kishida, not Suga, on 2021-10-04). */
static const ReadoutGazetteerPerson *
holder (ReadoutLeaderGazetteer *self,
        const char             *country,
        ReadoutOfficeKind       kind,
        const char             *office,
        const char             *iso_date)
{
  static const char * const usual[] = { "President", "Prime Minister", "Foreign Minister", NULL };
  GPtrArray *people = g_hash_table_lookup (self->by_country, country);
  const ReadoutGazetteerPerson *found = NULL;
  int found_score = -1;

  /* Iran's head of state in a readout is its President, not its Supreme Leader: of two
   * holders of one kind, the usual office wins, and the incoming holder the outgoing. */
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const ReadoutGazetteerPerson *person = g_ptr_array_index (people, i);
      const ReadoutGazetteerTerm *term = readout_gazetteer_person_term_at (person, iso_date);
      int score;

      if (term == NULL || g_strcmp0 (term->country, country) != 0 || !term_fits (term, kind, office))
        continue;
      score = (g_strv_contains (usual, term->office) ? 2 : 0) + (g_strcmp0 (term->term_end, iso_date) != 0 ? 1 : 0);
      if (score > found_score)
        {
          found = person;
          found_score = score;
        }
    }
  return found;
}

const ReadoutGazetteerPerson *
readout_leader_gazetteer_get_office_holder (ReadoutLeaderGazetteer *self,
                                            const char             *country,
                                            const char             *office,
                                            const char             *iso_date)
{
  ReadoutOfficeKind kind;
  const ReadoutGazetteerPerson *person;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (office != NULL, NULL);
  if (country == NULL || iso_date == NULL)
    return NULL;

  /* The office as the data names it, then any of its kind ("Премьер-министр" is the
   * "Prime Minister", "Chancellor" the head of government). */
  person = holder (self, country, READOUT_OFFICE_KIND_NONE, office, iso_date);
  kind = readout_office_kind (office);
  if (person == NULL && kind != READOUT_OFFICE_KIND_NONE && kind != READOUT_OFFICE_KIND_OTHER)
    person = readout_leader_gazetteer_get_holder_of_kind (self, country, kind, iso_date);
  return person;
}

const ReadoutGazetteerPerson *
readout_leader_gazetteer_get_holder_of_kind (ReadoutLeaderGazetteer *self,
                                             const char             *country,
                                             ReadoutOfficeKind       kind,
                                             const char             *iso_date)
{
  const ReadoutGazetteerPerson *person;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  if (country == NULL || iso_date == NULL)
    return NULL;

  person = holder (self, country, kind, NULL, iso_date);
  /* Where the president heads the government (the United States), there is no other. */
  if (person == NULL && kind == READOUT_OFFICE_KIND_HEAD_OF_GOVERNMENT)
    person = holder (self, country, READOUT_OFFICE_KIND_HEAD_OF_STATE, NULL, iso_date);
  return person;
}

const char *
readout_leader_gazetteer_find_country (ReadoutLeaderGazetteer *self,
                                       const char             *phrase)
{
  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);
  return readout_country_names_lookup (readout_country_names_get_default (), phrase);
}

/* Whether every word of @words is a word of @form ("Salman" of "Salman bin Hamad Al Khalifa"). */
static gboolean
form_has_words (const char         *form,
                const char * const *words)
{
  g_auto(GStrv) own = readout_name_words (form, TRUE);

  for (guint i = 0; words[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) own, words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
person_has_words (const ReadoutGazetteerPerson *person,
                  const char * const           *words)
{
  if (form_has_words (person->name, words))
    return TRUE;
  for (guint i = 0; person->aliases[i] != NULL; i++)
    if (form_has_words (person->aliases[i], words))
      return TRUE;
  return FALSE;
}

/* A part of a name that no alias lists ("Hamad bin Isa", "Salman" for Bahrain's Crown
 * Prince): the one person of @country (in office on @iso_date when given), or else the
 * one in office on @iso_date, whose name has all of @words. Several fit: nobody, rather
 * than a guess. */
static const ReadoutGazetteerPerson *
lookup_part (ReadoutLeaderGazetteer *self,
             const char * const     *words,
             const char             *country,
             const char             *office,
             const char             *iso_date)
{
  GPtrArray *people = country != NULL ? g_hash_table_lookup (self->by_country, country) : self->people;
  ReadoutOfficeKind kind = office != NULL ? readout_office_kind (office) : READOUT_OFFICE_KIND_NONE;
  const ReadoutGazetteerPerson *found[2] = { NULL, NULL };  /* any, in the office named */
  guint n_found[2] = { 0, 0 };

  if (people == NULL || (country == NULL && iso_date == NULL))
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      const ReadoutGazetteerPerson *person = g_ptr_array_index (people, i);
      const ReadoutGazetteerTerm *term = iso_date != NULL ? readout_gazetteer_person_term_at (person, iso_date) : NULL;

      if ((iso_date != NULL && term == NULL) || !person_has_words (person, words))
        continue;
      found[0] = person;
      n_found[0]++;
      /* Of two Berdimuhamedows in office, "President" names the one who is. */
      if (term != NULL && kind != READOUT_OFFICE_KIND_NONE && term_fits (term, kind, NULL))
        {
          found[1] = person;
          n_found[1]++;
        }
    }
  if (n_found[1] > 0)
    return n_found[1] == 1 ? found[1] : NULL;
  return n_found[0] == 1 ? found[0] : NULL;
}

/* The one person holding @office on @iso_date in any country: an office that names its
 * own ("President of the European Commission", "UN Secretary-General"). */
static const ReadoutGazetteerPerson *
sole_holder (ReadoutLeaderGazetteer *self,
             const char             *office,
             const char             *iso_date)
{
  const ReadoutGazetteerPerson *found = NULL;

  for (guint i = 0; i < self->people->len; i++)
    {
      const ReadoutGazetteerPerson *person = g_ptr_array_index (self->people, i);
      const ReadoutGazetteerTerm *term = readout_gazetteer_person_term_at (person, iso_date);

      if (term == NULL || !term_fits (term, READOUT_OFFICE_KIND_NONE, office))
        continue;
      if (found != NULL)
        return NULL;
      found = person;
    }
  return found;
}

const ReadoutGazetteerPerson *
readout_leader_gazetteer_resolve (ReadoutLeaderGazetteer *self,
                                  const char             *text,
                                  const char             *country,
                                  const char             *iso_date)
{
  g_autoptr(ReadoutLeaderTitle) title = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) whole = NULL;
  const ReadoutGazetteerPerson *person;
  const char *where;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* A name or alias as a whole first: "King Salman", "Король Фахд". */
  folded = g_utf8_casefold (text, -1);
  person = pick (g_hash_table_lookup (self->by_name, folded), country, iso_date);
  whole = readout_name_words (text, TRUE);
  if (person == NULL)
    person = lookup_words (self, (const char * const *) whole, country, iso_date);
  if (person != NULL)
    return person;

  title = readout_leader_title_parse (text);
  where = title->country != NULL ? title->country : country;
  if (title->name[0] == NULL && (title->office == NULL || iso_date == NULL))
    return NULL;
  if (title->name[0] == NULL)
    return where != NULL ? readout_leader_gazetteer_get_office_holder (self, where, title->office, iso_date)
                         : sole_holder (self, title->office, iso_date);

  words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; title->name[i] != NULL; i++)
    g_ptr_array_add (words, readout_name_fold (title->name[i], TRUE));
  g_ptr_array_add (words, NULL);
  person = lookup_words (self, (const char * const *) words->pdata, where, iso_date);
  return person != NULL ? person : lookup_part (self, (const char * const *) words->pdata, where, title->office, iso_date);
}

ReadoutLeader *
readout_leader_gazetteer_leader_for (ReadoutLeaderGazetteer *self,
                                     const char             *text,
                                     const char             *country,
                                     const char             *iso_date)
{
  g_autoptr(ReadoutLeaderTitle) title = NULL;
  g_autofree char *nominative = NULL;
  g_autofree char *latin = NULL;
  const ReadoutGazetteerPerson *person;
  ReadoutLeader *leader;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  person = readout_leader_gazetteer_resolve (self, text, country, iso_date);
  if (person != NULL)
    return readout_gazetteer_person_to_leader (person, iso_date);

  title = readout_leader_title_parse (text);
  if (title->name[0] == NULL)
    return NULL;
  nominative = readout_leader_title_nominative ((const char * const *) title->name);
  leader = readout_leader_new ();
  /* A Russian name not in the data: filed in Latin letters, its Cyrillic form kept. */
  latin = readout_name_is_cyrillic (nominative) ? readout_name_transliterate (nominative) : NULL;
  readout_leader_set_name (leader, latin != NULL ? latin : nominative);
  if (latin != NULL)
    {
      const char *aliases[] = { nominative, NULL };

      readout_leader_set_aliases (leader, aliases);
    }
  readout_leader_set_country (leader, title->country != NULL ? title->country : country);
  readout_leader_set_office (leader, title->office);
  return leader;
}

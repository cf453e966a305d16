// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader-gazetteer"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "readout-error.h"
#include "readout-leader-gazetteer.h"

/* Heads of state and government since 2000 and the UN Secretaries-General, so that an
 * import into an empty store still knows "Putin" and "President Trump", and the terms
 * that resolve a dateline without a year. The store's own leaders always come first:
 * the extractor consults the gazetteer only for names the store does not have. */

struct _ReadoutLeaderGazetteer
{
  GObject     parent_instance;

  GPtrArray  *people;        /* ReadoutGazetteerPerson */
  GHashTable *by_name;       /* casefolded name or alias -> GPtrArray of people (borrowed) */
  GHashTable *main_offices;  /* country -> office of its first line */
};

G_DEFINE_FINAL_TYPE (ReadoutLeaderGazetteer, readout_leader_gazetteer, G_TYPE_OBJECT)

static void
term_free (ReadoutGazetteerTerm *term)
{
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
index_name (ReadoutLeaderGazetteer *self,
            const char             *name,
            ReadoutGazetteerPerson *person)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  GPtrArray *bucket = g_hash_table_lookup (self->by_name, key);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (self->by_name, g_steal_pointer (&key), bucket);
    }
  if (!g_ptr_array_find (bucket, person, NULL))
    g_ptr_array_add (bucket, person);
}

static ReadoutGazetteerPerson *
find_person (ReadoutLeaderGazetteer *self,
             const char             *name,
             const char             *country)
{
  for (guint i = 0; i < self->people->len; i++)
    {
      ReadoutGazetteerPerson *person = g_ptr_array_index (self->people, i);

      if (g_str_equal (person->name, name) && g_strcmp0 (person->country, country) == 0)
        return person;
    }
  return NULL;
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
      g_auto(GStrv) aliases = NULL;
      ReadoutGazetteerPerson *person;
      ReadoutGazetteerTerm *term;
      const char *country;

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

      country = *fields[2] != '\0' ? fields[2] : NULL;
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
      aliases = g_strsplit (fields[1], "|", -1);
      merge_aliases (person, aliases);
      for (guint i = 0; person->aliases[i] != NULL; i++)
        index_name (self, person->aliases[i], person);

      term = g_new0 (ReadoutGazetteerTerm, 1);
      term->office = g_strdup (fields[3]);
      term->term_start = g_strdup (fields[4]);
      term->term_end = *fields[5] != '\0' ? g_strdup (fields[5]) : NULL;
      g_ptr_array_add (person->terms, term);

      if (country != NULL && !g_hash_table_contains (self->main_offices, country))
        g_hash_table_insert (self->main_offices, g_strdup (country), g_strdup (fields[3]));
    }
  return g_steal_pointer (&self);
}

ReadoutLeaderGazetteer *
readout_leader_gazetteer_get_default (void)
{
  static ReadoutLeaderGazetteer *gazetteer;

  if (g_once_init_enter (&gazetteer))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      ReadoutLeaderGazetteer *loaded = NULL;

      bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/leaders.tsv",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        loaded = readout_leader_gazetteer_new_from_data (g_bytes_get_data (bytes, NULL),
                                                         g_bytes_get_size (bytes), &error);
      /* The list is built in: failing to read it is a packaging bug, not the user's. */
      if (loaded == NULL)
        {
          g_critical ("The built-in list of leaders cannot be read: %s", error->message);
          loaded = g_object_new (READOUT_TYPE_LEADER_GAZETTEER, NULL);
        }
      g_once_init_leave (&gazetteer, loaded);
    }
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

const ReadoutGazetteerPerson *
readout_leader_gazetteer_lookup (ReadoutLeaderGazetteer *self,
                                 const char             *name,
                                 const char             *iso_date)
{
  g_autofree char *key = NULL;
  GPtrArray *bucket;
  const ReadoutGazetteerPerson *best = NULL;

  g_return_val_if_fail (READOUT_IS_LEADER_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = g_utf8_casefold (name, -1);
  bucket = g_hash_table_lookup (self->by_name, key);
  if (bucket == NULL)
    return NULL;
  for (guint i = 0; i < bucket->len; i++)
    {
      const ReadoutGazetteerPerson *person = g_ptr_array_index (bucket, i);

      if (iso_date != NULL && readout_gazetteer_person_term_at (person, iso_date) != NULL)
        return person;
      if (best == NULL || strcmp (latest_start (person), latest_start (best)) > 0)
        best = person;
    }
  return best;
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
  readout_leader_set_country (leader, person->country);
  readout_leader_set_office (leader, term->office);
  readout_leader_set_term_start (leader, term->term_start);
  readout_leader_set_term_end (leader, term->term_end);
  return leader;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader-title"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "readout-country-names.h"
#include "readout-leader-title.h"
#include "readout-name-words.h"

/* Honorifics are a kind of their own: dropped, never an office. */
#define KIND_HONORIFIC ((ReadoutOfficeKind) 100)

typedef struct {
  GHashTable *kinds;      /* stemmed title words joined by spaces -> kind */
  guint       max_words;
} Titles;

static const struct { const char *name; ReadoutOfficeKind kind; } kind_names[] = {
  { "honorific", KIND_HONORIFIC },
  { "head-of-state", READOUT_OFFICE_KIND_HEAD_OF_STATE },
  { "head-of-government", READOUT_OFFICE_KIND_HEAD_OF_GOVERNMENT },
  { "foreign-minister", READOUT_OFFICE_KIND_FOREIGN_MINISTER },
  { "other", READOUT_OFFICE_KIND_OTHER },
};

/* Words that join a title to a country or a name: dropped. */
static const char * const connectives[] = { "of", "the", "and", "for", "и", "с", "со", "at", NULL };

static void
add_titles (Titles     *titles,
            const char *kind_name,
            const char *field)
{
  g_auto(GStrv) phrases = g_strsplit (field, "|", -1);
  ReadoutOfficeKind kind = READOUT_OFFICE_KIND_NONE;

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (kind_names[k].name, kind_name))
      kind = kind_names[k].kind;
  if (kind == READOUT_OFFICE_KIND_NONE)
    {
      g_critical ("Unknown kind of title “%s” in the built-in list", kind_name);
      return;
    }
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_auto(GStrv) words = readout_name_words (phrases[i], TRUE);
      guint n = g_strv_length (words);

      if (n == 0)
        continue;
      titles->max_words = MAX (titles->max_words, n);
      g_hash_table_insert (titles->kinds, g_strjoinv (" ", words), GINT_TO_POINTER (kind));
    }
}

/* The built-in titles, loaded once. */
static const Titles *
get_titles (void)
{
  static Titles *titles;

  if (g_once_init_enter (&titles))
    {
      Titles *loaded = g_new0 (Titles, 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      loaded->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      bytes = g_resources_lookup_data ("/io/github/readout/Readout/core/leader-titles.tsv",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_critical ("The built-in list of titles cannot be read: %s", error->message);
      else
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint n = 1; lines[n] != NULL; n++)
            {
              g_auto(GStrv) fields = g_strsplit (lines[n], "\t", 2);

              if (g_strv_length (fields) == 2)
                add_titles (loaded, fields[0], g_strchomp (fields[1]));
            }
        }
      g_once_init_leave (&titles, loaded);
    }
  return titles;
}

/* The longest title at @stems[0]: its kind, and its length in *n_used. */
static ReadoutOfficeKind
match_title (char  **stems,
             guint  *n_used)
{
  const Titles *titles = get_titles ();
  guint available = 0;

  while (stems[available] != NULL && available < titles->max_words)
    available++;
  for (guint n = available; n > 0; n--)
    {
      g_autofree char *key = readout_name_key ((const char * const *) stems, n, FALSE);
      gpointer kind;

      if (g_hash_table_lookup_extended (titles->kinds, key, NULL, &kind))
        {
          *n_used = n;
          return GPOINTER_TO_INT (kind);
        }
    }
  *n_used = 0;
  return READOUT_OFFICE_KIND_NONE;
}

ReadoutOfficeKind
readout_office_kind (const char *office)
{
  g_auto(GStrv) stems = NULL;
  ReadoutOfficeKind kind;
  guint n_used;

  g_return_val_if_fail (office != NULL, READOUT_OFFICE_KIND_NONE);
  stems = readout_name_words (office, TRUE);
  kind = match_title (stems, &n_used);
  return kind == KIND_HONORIFIC || n_used != g_strv_length (stems) ? READOUT_OFFICE_KIND_NONE : kind;
}

static void
note_office (ReadoutLeaderTitle *title,
             ReadoutOfficeKind   kind,
             char              **tokens,
             guint               n)
{
  if (kind == KIND_HONORIFIC)
    return;
  if (title->kind == READOUT_OFFICE_KIND_NONE ||
      (title->kind == READOUT_OFFICE_KIND_OTHER && kind != READOUT_OFFICE_KIND_OTHER))
    {
      g_autofree char **span = g_new0 (char *, n + 1);

      memcpy (span, tokens, n * sizeof (char *));
      g_free (title->office);
      title->office = g_strjoinv (" ", span);
      title->kind = kind;
    }
}

/* "Merkel's" is Merkel. */
static char *
without_possessive (const char *token)
{
  if (strlen (token) > 3 && (g_str_has_suffix (token, "'s") || g_str_has_suffix (token, "’s")))
    return g_strndup (token, strlen (token) - (g_str_has_suffix (token, "'s") ? 2 : strlen ("’s")));
  return g_strdup (token);
}

/* A Russian patronymic between a first name and a surname ("Vladimir Vladimirovich Putin",
 * "Владимиром Владимировичем Путиным") is in no alias: dropped. */
static void
drop_patronymic (GPtrArray *name)
{
  /* Latin ones end the word; Russian ones may be followed by a case ending ("-ичем"). */
  static const char * const latin[] = { "ovich", "evich", "ovna", "evna", NULL };
  static const char * const russian[] = { "ович", "евич", "овн", "евн", "ичн", NULL };

  if (name->len < 3)
    return;
  for (guint i = 1; i + 1 < name->len; i++)
    {
      g_autofree char *folded = readout_name_fold (g_ptr_array_index (name, i), FALSE);

      gboolean patronymic = FALSE;

      for (guint e = 0; latin[e] != NULL; e++)
        patronymic |= g_str_has_suffix (folded, latin[e]);
      for (guint e = 0; russian[e] != NULL; e++)
        patronymic |= strstr (folded, russian[e]) != NULL;
      if (patronymic && g_utf8_strlen (folded, -1) > 6)
        {
          g_free (g_ptr_array_steal_index (name, i));
          return;
        }
    }
}

ReadoutLeaderTitle *
readout_leader_title_parse (const char *text)
{
  ReadoutLeaderTitle *title = g_new0 (ReadoutLeaderTitle, 1);
  g_auto(GStrv) tokens = readout_name_tokens (text);
  g_auto(GStrv) plain = readout_name_words (text, FALSE);
  g_auto(GStrv) stems = readout_name_words (text, TRUE);
  g_autoptr(GPtrArray) name = g_ptr_array_new ();
  guint i = 0;

  while (tokens[i] != NULL)
    {
      guint n_used = 0;
      ReadoutOfficeKind kind = match_title (stems + i, &n_used);
      const char *country = NULL;

      if (n_used == 0)
        {
          /* "Japan's", "India’s" */
          if (g_str_has_suffix (plain[i], "'s"))
            plain[i][strlen (plain[i]) - 2] = '\0';
          country = readout_country_names_match (readout_country_names_get_default (),
                                                 (const char * const *) plain + i, &n_used);
        }
      if (n_used > 0)
        {
          note_office (title, kind, tokens + i, n_used);
          if (country != NULL && title->country == NULL)
            title->country = g_strdup (country);
          i += n_used;
          continue;
        }
      if (!g_strv_contains (connectives, plain[i]))
        g_ptr_array_add (name, without_possessive (tokens[i]));
      i++;
    }
  drop_patronymic (name);
  g_ptr_array_add (name, NULL);
  title->name = (char **) g_ptr_array_free (g_steal_pointer (&name), FALSE);
  return title;
}

void
readout_leader_title_free (ReadoutLeaderTitle *title)
{
  if (title == NULL)
    return;
  g_free (title->office);
  g_free (title->country);
  g_strfreev (title->name);
  g_free (title);
}

/* One Russian name word back in the nominative, where its ending says so. */
static char *
nominative_word (const char *word)
{
  static const struct { const char *ending; const char *nominative; } rules[] = {
    { "овым", "ов" }, { "евым", "ев" }, { "ёвым", "ёв" }, { "иным", "ин" }, { "ыным", "ын" },
    { "ову", "ов" }, { "еву", "ев" }, { "ёву", "ёв" }, { "ину", "ин" },
    { "ским", "ский" }, { "скому", "ский" }, { "ского", "ский" },
  };
  glong n = g_utf8_strlen (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_has_suffix (word, rules[i].ending) && n > g_utf8_strlen (rules[i].ending, -1) + 1)
      {
        g_autofree char *stem = g_strndup (word, strlen (word) - strlen (rules[i].ending));

        return g_strconcat (stem, rules[i].nominative, NULL);
      }
  /* "Шавкатом", "Касым-Жомарту": a consonant before "ом" or "у". */
  if (n > 4 && (g_str_has_suffix (word, "ом") || g_str_has_suffix (word, "у")))
    {
      gsize cut = g_str_has_suffix (word, "ом") ? strlen ("ом") : strlen ("у");
      g_autofree char *stem = g_strndup (word, strlen (word) - cut);
      const char *last = g_utf8_prev_char (stem + strlen (stem));

      if (g_utf8_strchr ("бвгджзклмнпрстфхцчшщ", -1, g_utf8_get_char (last)) != NULL)
        return g_steal_pointer (&stem);
    }
  return g_strdup (word);
}

char *
readout_leader_title_nominative (const char * const *name)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; name[i] != NULL; i++)
    g_ptr_array_add (words, readout_name_is_cyrillic (name[i]) ? nominative_word (name[i])
                                                              : g_strdup (name[i]));
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

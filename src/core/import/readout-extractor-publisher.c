// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <string.h>

#include "readout-extractor-private.h"

/* Publisher and sides: who issued the text, and its own leader. */

/* The name a government's readouts go by: its entry among the speakers ("White House",
 * "Office of the President of Ukraine"), else "Government of CC". */
char *
extractor_government_of (const char *side)
{
  guint n;
  const Speaker *table = extractor_speaker_table (&n);

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
    { "Brussels", "EU" },
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
            w->publisher = extractor_government_of (w->side);
            return;
          }
    }
}

/* A publisher's name alone on one of the lines under the title, as the EU's, Australia's,
 * Korea's and Türkiye's sites print it above the date. Checked before the title's forms:
 * "Readout of ..." and "Summit Telephone Call" are theirs too. */
static gboolean
find_publisher_line (Work       *w,
                     const char *lower)
{
  static const struct { const char *line; const char *publisher; const char *side; } marks[] = {
    { "european council", "European Council", "EU" },
    { "council of the eu", "European Council", "EU" },
    { "european commission", "European Commission", "EU" },
    { "prime minister of australia", "Government of AU", "AU" },
    { "office of the president, republic of korea", "Government of KR", "KR" },
    { "directorate of communications", "Turkish Presidency", "TR" },
  };
  g_auto(GStrv) lines = g_strsplit (lower, "\n", 6);

  for (guint l = 1; lines[l] != NULL && l < 5; l++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[l]));

      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        if (g_str_equal (line, marks[i].line))
          {
            w->publisher = g_strdup (marks[i].publisher);
            w->side = g_strdup (marks[i].side);
            return TRUE;
          }
    }
  return FALSE;
}

/* The first speaker of @table (@n long) named in @folded_line, or NULL; @end (nullable):
 * the byte offset in @folded_line after the form that named it. */
static const Speaker *
speaker_in (const Speaker *table,
            guint          n,
            const char    *folded_line,
            gsize         *end)
{
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) forms = g_strsplit (table[i].forms, "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          g_autofree char *form = g_utf8_casefold (forms[k], -1);
          const char *at = strlen (form) > 4 ? strstr (folded_line, form) : NULL;

          if (at != NULL)
            {
              if (end != NULL)
                *end = (gsize) (at - folded_line) + strlen (form);
              return &table[i];
            }
        }
    }
  return NULL;
}

/* The name after an office in a title in Latin script: "Press Secretary| Jen Psaki on
 * ...", @title from the byte offset @end; its capitalised words up to the first that is
 * not, when there are two to four. NULL otherwise (a Russian title's office is followed
 * by whose it is: "пресс-секретаря Президента"). */
static char *
name_after_office (const char *title,
                   gsize       end)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  guint n = 0;

  for (gsize i = 0; i < end; i++)
    if (title[i] == '\0' || (guchar) title[i] >= 0x80)
      return NULL;
  words = g_strsplit (title + end, " ", 6);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' && n == 0)
        continue;
      if (!g_ascii_isupper (*words[i]))
        break;
      g_string_append_printf (name, "%s%s", n > 0 ? " " : "", words[i]);
      n++;
    }
  return n >= 2 && n <= 4 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

/* A wire report, by its agency's mark in the first lines ("(Reuters)", "/TASS/"). */
static gboolean
find_agency (Work       *w,
             const char *head)
{
  static const struct { const char *marker; const char *name; } agencies[] = {
    { "(UPI)", "UPI" }, { "(Reuters)", "Reuters" }, { "(AP)", "AP" }, { "(AFP)", "AFP" },
    { "/TASS/", "TASS" }, { "(TASS)", "TASS" }, { "(Xinhua)", "Xinhua" }, { "/ТАСС/", "ТАСС" },
    { "— ТАСС", "ТАСС" }, { "РИА Новости", "РИА Новости" }, { "(Yonhap)", "Yonhap" },
    { "(Kyodo)", "Kyodo" }, { "(Bloomberg)", "Bloomberg" }, { "(dpa)", "dpa" },
    { "(CNN)", "CNN" }, { "(Interfax)", "Interfax" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (strstr (head, agencies[i].marker) != NULL)
      {
        w->publisher = g_strdup (agencies[i].name);
        w->kind = READOUT_SOURCE_KIND_NEWS_REPORT;
        return TRUE;
      }
  return FALSE;
}

static void
set_publisher (Work       *w,
               const char *publisher,
               const char *side)
{
  w->publisher = g_strdup (publisher);
  w->side = g_strdup (side);
}

/* "Chinese Foreign Ministry: ...", "Ministry of Foreign Affairs of Turkey: ...": the
 * ministry of the first country its first line names. */
static void
find_foreign_ministry (Work       *w,
                       const char *first_line)
{
  g_auto(GStrv) words = g_strsplit_set (first_line, " :,", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *code = extractor_lookup_country (w->self, words[i]);

      if (code != NULL)
        {
          w->publisher = g_strdup_printf ("Foreign Ministry of %s", code);
          w->side = g_strdup (code);
          break;
        }
    }
}

/* "Statement by Press Secretary Jen Psaki on ...", "Readout by NSC Spokesperson ...",
 * "Заявление пресс-секретаря Президента ...": a spokesperson's statement is their
 * institution's, by the office the title names, else by the person. Returns whether the
 * title is such a statement's. */
static gboolean
find_spokesperson (Work       *w,
                   const char *first_line)
{
  static const char * const leads[] = {
    "statement by ", "statement from ", "statement of ", "readout by ", "readout from ",
    "заявление ", "комментарий ", NULL,
  };
  const Speaker *offices, *speakers, *found, *person;
  guint n_offices, n_speakers;
  gsize end = 0;
  gboolean lead = FALSE;

  for (guint i = 0; leads[i] != NULL && !lead; i++)
    lead = g_str_has_prefix (first_line, leads[i]);
  if (!lead)
    return FALSE;
  offices = extractor_spokesperson_offices (&n_offices);
  speakers = extractor_speaker_table (&n_speakers);
  found = speaker_in (offices, n_offices, first_line, &end);
  /* "the Press Secretary of the President of Ukraine": another government's office. */
  if (found != NULL && g_str_has_prefix (first_line + end, " of "))
    found = NULL;
  person = speaker_in (speakers, n_speakers, first_line, NULL);
  if (found != NULL)
    {
      /* The statement's sentences are its spokesperson's, named after the office; a known
       * name elsewhere in the title may be whose call it reports ("NSC Spokesperson X on
       * National Security Advisor Jake Sullivan's Call"). */
      w->voice = name_after_office (w->text, end);
      if (w->voice == NULL && person != NULL && person->speaks_for != NULL)
        w->voice = g_strdup (person->canonical);
      set_publisher (w, found->canonical, found->side);
    }
  else if (person != NULL && person->speaks_for != NULL)
    {
      w->voice = g_strdup (person->canonical);
      set_publisher (w, person->speaks_for, person->side);
    }
  else if (person != NULL)
    set_publisher (w, person->canonical, person->side);
  else
    return FALSE;
  return TRUE;
}

/* Readouts of Russia, the United States, India and Japan by the marks of their
 * publishers (@lower: the text's head, @first_line: its title; both folded). Returns
 * whether one matched. A "Telephone Talk" is Japan's by name ("Japan-U.S. ... Telephone
 * Talk"): China's "Xi Jinping Holds Telephone Talks with ..." is found by its leader. */
static gboolean
find_government_a (Work       *w,
                   const char *lower,
                   const char *first_line)
{
  if (g_str_has_prefix (lower, "telephone conversation with") ||
      g_str_has_prefix (lower, "telephone conversations with") ||
      g_str_has_prefix (lower, "телефонный разговор") ||
      strstr (lower, "kremlin.ru") != NULL)
    set_publisher (w, "Kremlin", "RU");
  else if (g_str_has_prefix (first_line, "secretary ") && strstr (first_line, "call with") != NULL)
    /* "Secretary Blinken's Call with ...": the State Department's readout */
    set_publisher (w, "State Department", "US");
  else if (strstr (lower, "pib delhi") != NULL || strstr (lower, "press information bureau") != NULL)
    {
      /* India's Press Information Bureau publishes the Prime Minister's Office's readouts */
      gboolean pm = g_str_has_prefix (first_line, "pm ") || g_str_has_prefix (first_line, "pm's") ||
                    g_str_has_prefix (first_line, "prime minister");

      set_publisher (w, pm ? "Prime Minister's Office of India" : "Ministry of External Affairs", "IN");
    }
  else if (strstr (lower, "mea.gov.in") != NULL || strstr (lower, "ministry of external affairs") != NULL)
    set_publisher (w, "Ministry of External Affairs", "IN");
  else if (g_str_has_prefix (first_line, "readout of") ||
           strstr (first_line, "readout of") != NULL)
    set_publisher (w, strstr (first_line, "secretary") != NULL ? "State Department" : "White House", "US");
  else if ((strstr (first_line, "telephone talk") != NULL && strstr (first_line, "japan") != NULL) ||
           strstr (first_line, "summit telephone") != NULL)
    /* The Kantei marks its English versions "[Provisional translation]" */
    set_publisher (w, strstr (lower, "[provisional translation]") != NULL ?
                        "Prime Minister's Office of Japan" : "Ministry of Foreign Affairs of Japan", "JP");
  else
    return FALSE;
  return TRUE;
}

/* The rest of the governments' readouts by their marks, after find_government_a's. */
static void
find_government_b (Work       *w,
                   const char *lower,
                   const char *first_line)
{
  if (strstr (first_line, "élysée") != NULL || strstr (first_line, "elysee") != NULL ||
      strstr (lower, "\nélysée\n") != NULL || strstr (lower, "\nelysee\n") != NULL)
    /* in the title, or alone on a line under it as elysee.fr prints it */
    set_publisher (w, "Élysée", "FR");
  else if (strstr (lower, "press release") != NULL &&
           (strstr (lower, "federal chancellor") != NULL || strstr (lower, "federal government") != NULL))
    set_publisher (w, "German Federal Government", "DE");
  else if (g_str_has_prefix (first_line, "pm call with") || strstr (first_line, "downing street") != NULL)
    set_publisher (w, "Downing Street", "GB");
  else if (g_str_has_prefix (first_line, "foreign secretary call with") ||
           g_str_has_prefix (first_line, "foreign secretary's call with"))
    /* gov.uk: "Foreign Secretary call with ...: 4 February 2024", the FCDO's readout */
    set_publisher (w, "Foreign, Commonwealth & Development Office", "GB");
  else if (strstr (lower, ", prime minister of japan,") != NULL ||
           strstr (lower, "[provisional translation]") != NULL)
    /* "Mr. KISHIDA Fumio, Prime Minister of Japan, held a summit telephone talk with ..." */
    set_publisher (w, strstr (lower, "[provisional translation]") != NULL ?
                        "Prime Minister's Office of Japan" : "Ministry of Foreign Affairs of Japan", "JP");
  else if (strstr (first_line, "prime minister") != NULL && strstr (first_line, "itinerary") != NULL)
    /* pm.gc.ca: "Prime Minister’s itinerary for Tuesday, October 31, 2023" */
    set_publisher (w, "Prime Minister's Office of Canada", "CA");
  else if (strstr (lower, "bundesregierung") != NULL || strstr (lower, "bundeskanzler") != NULL)
    set_publisher (w, "German Federal Government", "DE");
  else if (find_spokesperson (w, first_line))
    ;
  else if (strstr (first_line, "ministry of foreign affairs") != NULL ||
           strstr (first_line, "foreign ministry") != NULL)
    find_foreign_ministry (w, first_line);
}

void
extractor_find_publisher (Work *w)
{
  g_autofree char *head = g_strndup (w->text, MIN (w->length, 400));
  g_autofree char *lower = g_utf8_casefold (head, -1);
  g_autofree char *first_line = NULL;
  const char *nl = strchr (head, '\n');

  first_line = g_utf8_casefold (head, nl != NULL ? nl - head : -1);
  if (find_agency (w, head))
    return;
  if (!find_publisher_line (w, lower) && !find_government_a (w, lower, first_line))
    find_government_b (w, lower, first_line);

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

/* "… on Vice President Kamala Harris’s Calls with …": in a statement by a spokesperson
 * (the White House's "Statement by Senior Advisor and Chief Spokesperson Symone Sanders on
 * Vice President Kamala Harris’s Calls with Foreign Leaders"), the leader whose calls it
 * is about is the one the spokesperson speaks for. @after: the token after the mention. */
static gboolean
on_leaders_calls (Work    *w,
                  Mention *m,
                  guint    after)
{
  static const char * const calls[] = { "call", "calls", "conversation", "conversations", NULL };

  return m->ext_start > 0 && tok_is (w, m->ext_start - 1, "on") && after < w->toks->len &&
         extractor_in_list (calls, tok_at (w, after)->folded);
}

/* Whether the title (sentence 0) has a "PM" or "Prime Minister" that no mention covers. */
static gboolean
title_has_unnamed_pm (Work *w)
{
  Sentence *title = sentence_at (w, 0);

  for (guint i = title->tok_start; i < title->tok_end; i++)
    {
      gboolean covered = FALSE;

      if (!tok_is (w, i, "pm") && !(tok_is (w, i, "prime") && tok_is (w, i + 1, "minister")))
        continue;
      for (guint k = 0; k < w->mentions->len && !covered; k++)
        {
          Mention *m = &g_array_index (w->mentions, Mention, k);

          covered = m->ext_start <= i && i < m->tok_end;
        }
      if (!covered)
        return TRUE;
    }
  return FALSE;
}

/* "Telephone conversation between PM and President of USA", then "Prime Minister Narendra
 * Modi had a telephone conversation today with ...": India's PIB names its own head of
 * government only by the office in the title. A title's unnamed Prime Minister is the one
 * the lead opens with, and the text is that government's. */
static void
find_side_from_unnamed_pm (Work *w)
{
  Mention *m = NULL;

  if (w->sentences->len == 0 || sentence_at (w, 0)->where != WHERE_TITLE || !title_has_unnamed_pm (w))
    return;
  /* the first leader named after the title (a date line may come between) */
  for (guint k = 0; k < w->mentions->len && m == NULL; k++)
    if (g_array_index (w->mentions, Mention, k).sentence > 0)
      m = &g_array_index (w->mentions, Mention, k);
  if (m == NULL || m->ext_start != sentence_at (w, m->sentence)->tok_start ||
      leader_at (w, m->leader)->country == NULL || leader_at (w, m->leader)->office == NULL ||
      g_ascii_strncasecmp (leader_at (w, m->leader)->office, "Prime Minister", strlen ("Prime Minister")) != 0)
    return;
  w->side = g_strdup (leader_at (w, m->leader)->country);
  w->publisher = extractor_government_of (w->side);
  w->official = TRUE;
  w->kind = READOUT_SOURCE_KIND_READOUT;
}

/* An official readout's title names its own leader first: "President Niinistö spoke with
 * US President Biden", "Zelenskyy has telephone conversation with Biden", "Statement by
 * President Joe Biden on ...", "Readout of President Biden’s Call with ...". A text with no
 * publisher yet and such a title is that leader's government's. */
void
extractor_find_side_from_title (Work *w)
{
  static const char * const verbs[] = {
    "spoke", "speaks", "held", "holds", "had", "has", "talks", "talked", "telephoned", "calls",
    "called", "telephonic", "discussed", "discuss", "and", "hat", NULL,
  };
  static const char * const formal_verbs[] = { "has", "had", "held", "holds", NULL };
  Mention *m;
  Sentence *title;
  guint after;
  gboolean statement_by, possessive;

  if (w->publisher != NULL || w->mentions->len == 0 || w->sentences->len == 0)
    return;
  find_side_from_unnamed_pm (w);
  if (w->publisher != NULL)
    return;
  title = sentence_at (w, 0);
  m = &g_array_index (w->mentions, Mention, 0);
  if (title->where != WHERE_TITLE || m->sentence != 0)
    return;
  after = m->tok_end;
  if (tok_is (w, after, "s") && w->text[tok_at (w, after - 1)->end] != ' ')
    after++;   /* "Biden’s call" */
  /* "President Erdoğan’s Phone Call with ...": the possessive is in the name's last token */
  possessive = after > m->tok_end || extractor_ends_possessive (w, m->tok_end - 1);
  statement_by = tok_is (w, title->tok_start, "statement") && tok_is (w, title->tok_start + 1, "by") &&
                 (m->ext_start == title->tok_start + 2 || on_leaders_calls (w, m, after));
  if (!(m->ext_start == title->tok_start || statement_by) || after >= title->tok_end ||
      !(extractor_in_list (verbs, tok_at (w, after)->folded) || possessive || statement_by))
    return;
  /* A headline's bare surnames ("Modi and Putin discuss ...") are a newspaper's, not a government's */
  if (m->tok_end - m->ext_start < 2 && !extractor_in_list (formal_verbs, tok_at (w, after)->folded))
    return;
  if (leader_at (w, m->leader)->country == NULL)
    return;
  w->side = g_strdup (leader_at (w, m->leader)->country);
  w->publisher = extractor_government_of (w->side);
  w->official = TRUE;
  w->kind = READOUT_SOURCE_KIND_READOUT;
}

/* Whether @leader holds the office the readouts of @country come from on @date. */
static gboolean
side_leader_on (Work        *w,
                Leader      *leader,
                const char  *country,
                const GDate *date)
{
  /* A built-in leader only by the date, and in the office the country's readouts
   * come from: in 2010 the Kremlin's is the president, not Prime Minister Putin. */
  if (leader->gazetteer)
    {
      const char *main_office = readout_leader_gazetteer_get_main_office (readout_leader_gazetteer_get_default (),
                                                                         country);
      g_autofree char *office_word = main_office != NULL ? g_ascii_strdown (main_office, -1) : NULL;

      return date != NULL && office_word != NULL && extractor_in_office_as (leader, date, office_word);
    }
  return extractor_in_office (leader, date);
}

/* The leader of @country in office on the text's date. On a handover day, when one
 * term ends and the next begins, the one still in office the day after: a readout is
 * published by the government in office at the day's end. */
guint
extractor_side_leader (Work       *w,
                       const char *country)
{
  guint found = NO_LEADER;
  GDate next = w->base;

  if (w->has_base)
    g_date_add_days (&next, 1);
  for (guint i = 0; country != NULL && i < w->leaders->len; i++)
    {
      Leader *leader = leader_at (w, i);

      if (g_strcmp0 (leader->country, country) != 0 || !extractor_has_terms (leader) ||
          !side_leader_on (w, leader, country, w->has_base ? &w->base : NULL))
        continue;
      if (!w->has_base || side_leader_on (w, leader, country, &next))
        return i;
      if (found == NO_LEADER)
        found = i;
    }
  return found;
}

/* A link whose subject was implicit ("the president's conversation with Putin") belongs
 * to the text's main leader: the one named most often among those in calls. */
/* Each implicit subject's leader: the host (@counts: mentions per leader), or when the
 * call is with the host itself, the next most named, or the readout's own leader. */
static void
assign_host (Work        *w,
             const guint *counts,
             guint        host)
{
  for (guint i = 0; i < w->links->len; i++)
    {
      Link *l = &g_array_index (w->links, Link, i);

      if (l->a != HOST)
        continue;
      if (host == NO_LEADER || host == l->b)
        {
          guint alternative = NO_LEADER;
          guint best = 0;

          for (guint k = 0; k < w->leaders->len; k++)
            if (k != l->b && counts[k] > best)
              best = counts[k], alternative = k;
          /* An official readout's own leader need not be named ("Telephone conversation with..."). */
          if (alternative == NO_LEADER || (w->official && extractor_side_leader (w, w->side) != NO_LEADER &&
                                           extractor_side_leader (w, w->side) != l->b))
            alternative = extractor_side_leader (w, w->side);
          l->a = alternative;
        }
      else
        l->a = host;
    }
}

static void
link_clear (Link *link)
{
  g_array_unref (link->sentences);
  g_array_unref (link->others);
}

/* Merges links that became the same pair. */
static void
merge_links (Work *w)
{
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
                if (!extractor_link_has (l, g_array_index (o->others, guint, r)))
                  g_array_append_val (l->others, g_array_index (o->others, guint, r));
              link_clear (o);
              g_array_remove_index (w->links, k);
              l = &g_array_index (w->links, Link, i);
            }
          else
            k++;
        }
    }
}

/* Drops the links left without a second leader. */
static void
drop_broken_links (Work *w)
{
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
          link_clear (l);
          g_array_remove_index (w->links, i);
        }
      else
        i++;
    }
}

void
extractor_resolve_host (Work *w)
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
  /* An official readout's implicit subject is its own leader when the text names them:
   * "Telephone conversations with A and B" are Putin's, however often A and B are named. */
  if (w->official && extractor_side_leader (w, w->side) != NO_LEADER &&
      counts[extractor_side_leader (w, w->side)] > 0)
    host = extractor_side_leader (w, w->side);
  assign_host (w, counts, host);
  merge_links (w);
  drop_broken_links (w);
}

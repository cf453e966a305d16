// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "readout-extractor-private.h"

/* Facts of each call: its duration, status and initiator. */

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
  if (extractor_in_list (more, q))
    return READOUT_DURATION_MORE_THAN;
  if (extractor_in_list (less, q))
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

void
extractor_collect_durations (Work   *w,
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

  if (!russian && !extractor_sentence_has_cue (w, sentence->tok_start, sentence->tok_end) &&
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

void
extractor_count_status (Work      *w,
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

  if (!extractor_sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
    return;

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    {
      const char *f = tok_at (w, i)->folded;

      if (tok_at (w, i)->cyrillic)
        {
          if (extractor_has_prefix_in_list (held_ru, f))
            is_held = TRUE;
          if (extractor_has_prefix_in_list (announced_ru, f))
            is_announced = TRUE;
          if (extractor_has_prefix_in_list (cancelled_ru, f))
            is_cancelled = TRUE;
          continue;
        }
      if (extractor_in_list (held, f))
        is_held = TRUE;
      if (extractor_in_list (announced, f))
        {
          /* A future tense about the call itself: "will speak", "expected to speak". */
          for (guint k = i + 1; k < sentence->tok_end && k <= i + 4; k++)
            if (extractor_is_call_cue (tok_at (w, k)->folded))
              is_announced = TRUE;
        }
      if (extractor_in_list (cancelled, f) && (!g_str_equal (f, "off") || (i > 0 && tok_is (w, i - 1, "called"))))
        is_cancelled = TRUE;
    }

  facts->held += is_held;
  facts->announced += is_announced;
  facts->cancelled += is_cancelled;
}

/* "spoke with Biden at the latter's request": the second of the pair named. */
static gboolean
initiator_by_former_latter (Work      *w,
                            guint      s,
                            CallFacts *facts)
{
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start + 1; i < sentence->tok_end; i++)
    {
      gboolean latter = tok_is (w, i, "latter");
      guint named = NO_LEADER;
      /* "at the latter's request", and "at the request of the latter" */
      gboolean before = i + 1 < sentence->tok_end && tok_is (w, i + 1, "request") &&
                        (tok_is (w, i - 1, "at") || (tok_is (w, i - 1, "the") && i >= sentence->tok_start + 2 &&
                                                     tok_is (w, i - 2, "at")));
      gboolean after = i >= sentence->tok_start + 3 && tok_is (w, i - 1, "the") && tok_is (w, i - 2, "of") &&
                       (tok_is (w, i - 3, "request") || tok_is (w, i - 3, "initiative"));

      if (!((latter || tok_is (w, i, "former")) && (before || after)))
        continue;
      for (guint k = 0; k < w->mentions->len; k++)
        {
          Mention *m = &g_array_index (w->mentions, Mention, k);

          if (m->sentence != s || m->tok_start >= i || !extractor_facts_has (facts, m->leader))
            continue;
          if (latter || named == NO_LEADER)
            named = m->leader;
        }
      if (named != NO_LEADER)
        {
          facts->initiator = named;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether token @k is a verb of placing a call: "phoned", "called" (not "called for"),
 * "placed a call". */
static gboolean
is_dialing_verb (Work  *w,
                 guint  k)
{
  static const char * const verbs[] = {
    "phoned", "telephoned", "rang", "dialed", "dialled", "initiated", "позвонил", NULL,
  };

  return extractor_in_list (verbs, tok_at (w, k)->folded) ||
         (tok_is (w, k, "called") && !tok_is (w, k + 1, "for") && !tok_is (w, k + 1, "on") &&
          !tok_is (w, k + 1, "upon") && !tok_is (w, k + 1, "off")) ||
         (tok_is (w, k, "placed") && tok_is (w, k + 2, "call"));
}

/* Past "of the Republic of Korea" after a name (up to five words, capitalised but for
 * "the" and "of"), or @k itself if no such phrase starts there. */
static guint
after_country_phrase (Work  *w,
                      guint  k,
                      guint  end)
{
  guint j = k + 1;

  if (k >= end || !tok_is (w, k, "of"))
    return k;
  while (j < end && j <= k + 5 && (tok_at (w, j)->upper || tok_is (w, j, "the") || tok_is (w, j, "of")))
    j++;
  return j > k + 1 ? j : k;
}

/* "Trump phoned Putin", "at Trump's request": a participant who placed or asked for the call. */
static gboolean
initiator_by_verb (Work      *w,
                   guint      s,
                   CallFacts *facts)
{
  Sentence *sentence = sentence_at (w, s);

  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);
      guint k;

      if (m->sentence != s || !extractor_facts_has (facts, m->leader))
        continue;
      k = m->tok_end;
      while (k < sentence->tok_end && (tok_is (w, k, "also") || tok_is (w, k, "first") ||
                                       tok_is (w, k, "personally") || tok_is (w, k, "had") ||
                                       tok_is (w, k, "jr")))
        k++;
      k = after_country_phrase (w, k, sentence->tok_end);
      if ((k < sentence->tok_end && is_dialing_verb (w, k)) ||
          /* "at Trump's request" */
          (m->tok_end < sentence->tok_end && tok_is (w, m->tok_end, "request") &&
           m->ext_start > sentence->tok_start && tok_is (w, m->ext_start - 1, "at")))
        {
          facts->initiator = m->leader;
          return TRUE;
        }
    }
  return FALSE;
}

/* The participant from country @code, if there is one. */
static guint
participant_from (Work            *w,
                  const CallFacts *facts,
                  const char      *code)
{
  if (g_strcmp0 (leader_at (w, facts->a)->country, code) == 0)
    return facts->a;
  if (g_strcmp0 (leader_at (w, facts->b)->country, code) == 0)
    return facts->b;
  for (guint o = 0; o < facts->others->len; o++)
    if (g_strcmp0 (leader_at (w, g_array_index (facts->others, guint, o))->country, code) == 0)
      return g_array_index (facts->others, guint, o);
  return NO_LEADER;
}

/* The initiative word at token @i: "по инициативе турецкой стороны" names the country
 * after the word, "at Turkey’s initiative" and "on the German side’s initiative" before
 * it; else a participant named just after it. */
static gboolean
initiator_at_initiative (Work      *w,
                         guint      s,
                         guint      i,
                         CallFacts *facts)
{
  Sentence *sentence = sentence_at (w, s);

  for (guint n = 1; n <= 8; n++)
    {
      guint k = n <= 5 ? i + n : i - (n - 5);
      g_autofree char *word = NULL;
      const char *code;

      if (k >= sentence->tok_end || k < sentence->tok_start || (n > 5 && n - 5 > i))
        continue;
      word = extractor_possessive_stripped (w, k);
      code = extractor_lookup_country (w->self, word);
      if (code == NULL)
        continue;
      facts->initiator = participant_from (w, facts, code);
      if (facts->initiator != NO_LEADER)
        return TRUE;
    }
  for (guint j = 0; j < w->mentions->len; j++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, j);

      if (m->sentence == s && m->ext_start > i && m->ext_start <= i + 5 &&
          extractor_facts_has (facts, m->leader))
        {
          facts->initiator = m->leader;
          return TRUE;
        }
    }
  return FALSE;
}

void
extractor_find_initiator (Work      *w,
                          guint      s,
                          CallFacts *facts)
{
  static const char * const initiative[] = {
    "initiative", "request", "initiated", "инициативе", "просьбе", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  if (initiator_by_former_latter (w, s, facts) || initiator_by_verb (w, s, facts))
    return;
  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    if (extractor_in_list (initiative, tok_at (w, i)->folded) &&
        initiator_at_initiative (w, s, i, facts))
      return;
}

const char *
extractor_where_name (Where where)
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

void
extractor_resolve_duration (CallFacts            *facts,
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
        g_ptr_array_add (conflict_claims, readout_extracted_claim_new (value, extractor_where_name (claim->where), 0));
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

/* A call's status by how many of its sentences say each: cancelled wins a tie with held,
 * held a tie with announced; held when none says. */
ReadoutCallStatus
extractor_call_status (const CallFacts *f)
{
  if (f->cancelled > 0 && f->cancelled >= f->held)
    return READOUT_CALL_STATUS_CANCELLED;
  if (f->held > 0 && f->held >= f->announced)
    return READOUT_CALL_STATUS_HELD;
  if (f->announced > 0)
    return READOUT_CALL_STATUS_ANNOUNCED;
  return READOUT_CALL_STATUS_HELD;
}

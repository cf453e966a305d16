// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "readout-extractor-private.h"

/* Dates: the text's own date, the dates it gives for a call, and the call's date from them. */

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

int
extractor_month_of (const char *folded)
{
  if (extractor_is_cyrillic_word (folded))
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

/* A date in digits at token @i: "2022-07-29" as one token (hyphens join words), or
 * split by the tokenizer, or "2022/07/29". Returns the tokens used, 0 if none. */
static guint
numeric_date_at (Work  *w,
                 guint  i,
                 guint  end,
                 int   *year,
                 int   *month,
                 int   *day)
{
  const char *f = tok_at (w, i)->folded;
  int a = number_of (tok_at (w, i));
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
  if (!(a >= 1000 && i + 2 < end && tok_at (w, i + 1)->start == tok_at (w, i)->end + 1 &&
        (w->text[tok_at (w, i)->end] == '-' || w->text[tok_at (w, i)->end] == '/') &&
        tok_at (w, i + 2)->start == tok_at (w, i + 1)->end + 1 &&
        w->text[tok_at (w, i + 1)->end] == w->text[tok_at (w, i)->end]))
    return 0;
  mm = number_of (tok_at (w, i + 1));
  dd = number_of (tok_at (w, i + 2));
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31))
    return 0;
  *year = a;
  *month = mm;
  *day = dd;
  return 3;
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
  guint n;

  *year = 0;
  if (i >= end)
    return 0;

  n = numeric_date_at (w, i, end, year, month, day);
  if (n > 0)
    return n;

  m = extractor_month_of (tok_at (w, i)->folded);
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
      m = extractor_month_of (tok_at (w, i + 1)->folded);
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

gboolean
extractor_parse_iso (const char *iso,
                     GDate      *date)
{
  int y = 0, m = 0, d = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  return set_date (date, y, m, d);
}

char *
extractor_format_date (const GDate *date)
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

void
extractor_find_published (Work *w)
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

      if (prefix ? extractor_has_prefix_in_list (list, f) : extractor_in_list (list, f))
        return TRUE;
    }
  return FALSE;
}

void
extractor_collect_date_claims (Work   *w,
                               guint   s,
                               GArray *claims)
{
  Sentence *sentence = sentence_at (w, s);

  if (!extractor_sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
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
          if (i > sentence->tok_start && extractor_in_list (speech_time_words, tok_at (w, i - 1)->folded))
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
  readout_day_from (claim->kind == CLAIM_WEEKDAY ? claim->weekday : 0, claim->offset, status, base, out);
  return TRUE;
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
void
extractor_infer_year (Work      *w,
                      CallFacts *facts,
                      guint      n_calls)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  int best_year = 0, best_score = -1;
  int weekday = 0;

  if (!extractor_parse_iso (w->self->today, &today))
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
        if (extractor_has_terms (leader_at (w, facts[c].a)) && extractor_has_terms (leader_at (w, facts[c].b)) &&
            extractor_in_office (leader_at (w, facts[c].a), &date) && extractor_in_office (leader_at (w, facts[c].b), &date))
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
guint
extractor_claim_for_call (Work            *w,
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
          !extractor_facts_has (&facts[c], m->leader))
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

      if (sentence->where == WHERE_TEXT && extractor_sentence_has_cue (w, sentence->tok_start, sentence->tok_end))
        return sentence->tok_end;
    }
  return G_MAXUINT;
}

/* A text with no date of its own: the weekday or relative day it names for the call, for
 * the import to date the call by (readout_undated_resolve()). The body outranks a caption. */
static void
keep_day_claim (GArray               *claims,
                ReadoutExtractedCall *call)
{
  DateClaim *kept = NULL;

  for (guint k = 0; k < claims->len; k++)
    {
      DateClaim *claim = &g_array_index (claims, DateClaim, k);

      if (claim->kind == CLAIM_EXPLICIT || (kept != NULL && kept->where == WHERE_TEXT))
        continue;
      if (kept == NULL || claim->where == WHERE_TEXT)
        kept = claim;
    }
  if (kept == NULL)
    return;
  call->day_weekday = kept->kind == CLAIM_WEEKDAY ? kept->weekday : 0;
  call->has_day_offset = kept->kind == CLAIM_RELATIVE;
  call->day_offset = kept->offset;
}

void
extractor_resolve_call_date (Work                 *w,
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
        char *value = extractor_format_date (&date);

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
    {
      call->date = extractor_format_date (&w->base);
      call->date_from_published = TRUE;
    }
  else
    keep_day_claim (claims, call);
  call->date_precision = READOUT_DATE_PRECISION_DAY;

  if (values->len > 1)
    {
      ReadoutExtractedConflict *conflict = readout_extracted_conflict_new ("date");

      for (guint v = 0; v < values->len; v++)
        g_ptr_array_add (conflict->claims,
                         readout_extracted_claim_new (g_ptr_array_index (values, v),
                                                      extractor_where_name (g_array_index (wheres, Where, v)), 0));
      g_ptr_array_add (call->conflicts, conflict);
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include <string.h>

#include "readout-extractor-private.h"

/* Calls: which mentioned leaders spoke with each other, and each call's participants. */

gboolean
extractor_is_call_cue (const char *f)
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

  if (extractor_is_cyrillic_word (f))
    return extractor_has_prefix_in_list (russian, f);
  return extractor_in_list (english, f);
}

gboolean
extractor_sentence_has_cue (Work  *w,
                            guint  from,
                            guint  to)
{
  for (guint i = from; i < to; i++)
    if (extractor_is_call_cue (tok_at (w, i)->folded))
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

gboolean
extractor_link_has (Link  *link,
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
      if (extractor_in_list (words, tok_at (w, i)->folded))
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

        if (l->first_sentence == sentence && extractor_link_has (l, a) && extractor_link_has (l, b))
          {
            if (!extractor_link_has (l, leader))
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
      guint n = c < b ? extractor_match_country (w, c, b, &code) : 0;

      if (n > 0)
        a = c + n;
    }
  if (b == a)
    return extractor_gap_is_comma (w, a - 1, b);
  /* "with Sunak, with Macron and with Meloni" */
  if (b == a + 1 && tok_is (w, a, "with"))
    return extractor_gap_is_comma (w, a - 1, a);
  if (b == a + 2 && tok_is (w, a + 1, "with"))
    return tok_is (w, a, "and");
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

      if (extractor_is_call_cue (t->folded) || tok_is (w, p - 1, "with") || tok_is (w, p - 1, "с") ||
          tok_is (w, p - 1, "со") || tok_is (w, p - 1, "from") || tok_is (w, p - 1, "от") ||
          tok_is (w, p - 1, "mit"))
        break;
      if (!(t->upper || t->cyrillic || extractor_in_list (joiners, t->folded) || extractor_is_title_token (w, p - 1) ||
            g_str_has_suffix (t->folded, "ischen")))
        break;
      /* "and" joins two offices of one person ("Crown Prince and Prime Minister"), never two people */
      if (tok_is (w, p - 1, "and") && (p - 1 == floor || !extractor_is_title_token (w, p - 2)))
        break;
      p--;
    }
  /* Only back to a word that opens the title: keep "with" in reach, not a stray capital */
  while (p < start && !(p > floor && (tok_is (w, p - 1, "with") || tok_is (w, p - 1, "с") ||
                                      tok_is (w, p - 1, "со") || tok_is (w, p - 1, "from") ||
                                      tok_is (w, p - 1, "от") || tok_is (w, p - 1, "mit") ||
                                      extractor_is_call_cue (tok_at (w, p - 1)->folded))))
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

      if (extractor_in_list (events, f))
        return TRUE;
      /* "the discussions in Paris on 8 February with ..." were held in person */
      if (g_str_equal (f, "in") && i < to && tok_at (w, i)->upper)
        placed = TRUE;
      if (extractor_is_call_cue (f))
        return placed && extractor_in_list (nouns, f);
    }
  return FALSE;
}

/* A token's folded form without an English possessive: "turkey’s" is "turkey". */
char *
extractor_possessive_stripped (Work  *w,
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
         extractor_sentence_has_cue (w, i, MIN (i + 6, sentence->tok_end));
}

/* One sentence's mentions, while the links between them are read. */
typedef struct {
  guint     s;
  Sentence *sentence;
  Mention  *mentions;                               /* the sentence's first */
  guint     subject_of[MAX_MENTIONS_PER_SENTENCE];  /* who spoke with each, or NO_LEADER */
  gboolean  apart[MAX_MENTIONS_PER_SENTENCE];       /* listed, but a call of its own */
} SentenceLinks;

/* The subject of a call with mention @q: the last mention ending by token @before (only
 * one not itself linked, if @unlinked), else the text's host. */
static guint
subject_before (SentenceLinks *sl,
                guint          q,
                guint          before,
                gboolean       unlinked)
{
  for (guint r = q; r > 0; r--)
    if (sl->mentions[r - 1].tok_end <= before && (!unlinked || sl->subject_of[r - 1] == NO_LEADER))
      return sl->mentions[r - 1].leader;
  return HOST;
}

/* Is there a call verb right before token @to, past words that only say when or how:
 * "spoke to", "spoke this morning to", "talked by phone today to"? */
static gboolean
cue_just_before (Work  *w,
                 guint  to,
                 guint  start)
{
  static const char * const fillers[] = {
    "this", "morning", "afternoon", "evening", "today", "tonight", "yesterday", "earlier",
    "again", "also", "directly", "separately", "by", "on", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
  };

  for (guint i = to; i > start && to - i < 5; i--)
    {
      const char *f = tok_at (w, i - 1)->folded;

      if (extractor_is_call_cue (f))
        return TRUE;
      if (!extractor_in_list (fillers, f))
        return FALSE;
    }
  return FALSE;
}

/* "spoke with Putin", "mit dem Präsidenten ... telefoniert", "called to Putin": a call
 * with mention @q, whose subject is the last mention before it not itself linked. */
static gboolean
link_after_with (Work          *w,
                 SentenceLinks *sl,
                 guint          q,
                 guint          before,
                 const char    *prev)
{
  Mention *mention = &sl->mentions[q];
  Sentence *sentence = sl->sentence;
  guint from = before > sentence->tok_start + 12 ? before - 12 : sentence->tok_start;
  guint subject;

  if (!(g_str_equal (prev, "with") || g_str_equal (prev, "с") || g_str_equal (prev, "со") ||
        g_str_equal (prev, "mit") ||
        (g_str_equal (prev, "to") && cue_just_before (w, before, sentence->tok_start))))
    return FALSE;
  /* German puts the verb last: "hat heute mit dem Präsidenten ... telefoniert";
   * "the conversation was about his meeting with Putin" is no call with Putin */
  if (!((extractor_sentence_has_cue (w, from, before) && !event_before (w, from, before)) ||
        (g_str_equal (prev, "mit") && extractor_sentence_has_cue (w, mention->tok_end, sentence->tok_end))))
    return FALSE;
  subject = subject_before (sl, q, before, TRUE);
  add_link (w, subject, mention->leader, sl->s);
  sl->subject_of[q] = subject;
  return TRUE;
}

/* "received a call from Putin": a call, and Putin its initiator. */
static gboolean
link_after_from (Work          *w,
                 SentenceLinks *sl,
                 guint          q,
                 guint          before,
                 const char    *prev)
{
  Mention *mention = &sl->mentions[q];
  guint start = sl->sentence->tok_start;
  guint subject;

  if (!((g_str_equal (prev, "from") || g_str_equal (prev, "от")) && before >= start + 1 &&
        extractor_sentence_has_cue (w, before > start + 3 ? before - 3 : start, before)))
    return FALSE;
  subject = subject_before (sl, q, before, FALSE);
  add_link (w, subject, mention->leader, sl->s);
  sl->subject_of[q] = subject;
  g_hash_table_add (w->initiators, GUINT_TO_POINTER (mention->leader + 1));
  return TRUE;
}

/* "Trump phoned Putin": a call, from the mention just before the verb if there is one. */
static gboolean
link_after_call_verb (Work          *w,
                      SentenceLinks *sl,
                      guint          q,
                      guint          before,
                      const char    *prev)
{
  static const char * const verbs[] = {
    "phoned", "called", "calls", "telephoned", "rang", "dialed", "dialled", NULL,
  };
  guint subject = HOST;

  if (!extractor_in_list (verbs, prev))
    return FALSE;
  if (q > 0 && sl->mentions[q - 1].tok_end + 2 >= before)
    subject = sl->mentions[q - 1].leader;
  add_link (w, subject, sl->mentions[q].leader, sl->s);
  sl->subject_of[q] = subject;
  return TRUE;
}

/* "with Putin on Saturday as well as Merkel and Hollande": three calls, where "with
 * Merkel and Hollande" is one call of three. Mention @q joins the previous one's call. */
static gboolean
link_listed_after (Work          *w,
                   SentenceLinks *sl,
                   guint          q,
                   guint          before,
                   guint          p,
                   const char    *prev)
{
  if (!(q > 0 && sl->subject_of[q - 1] != NO_LEADER &&
        (g_str_equal (prev, "and") || g_str_equal (prev, "и") || extractor_gap_is_comma (w, before, p) ||
         (g_str_equal (prev, "as") && before >= 2 && tok_is (w, before - 1, "well") &&
          tok_is (w, before - 2, "as")))))
    return FALSE;
  sl->apart[q] = sl->apart[q - 1] || g_str_equal (prev, "as");
  if (sl->apart[q])
    add_link (w, sl->subject_of[q - 1], sl->mentions[q].leader, sl->s);
  else
    add_listed (w, sl->subject_of[q - 1], sl->mentions[q - 1].leader, sl->mentions[q].leader, sl->s);
  sl->subject_of[q] = sl->subject_of[q - 1];
  return TRUE;
}

/* "Trump and Putin discussed", "a call between Trump and Putin": mention @q and the one
 * before it, coordinated, spoke with each other. */
static void
link_coordinated (Work          *w,
                  SentenceLinks *sl,
                  guint          q)
{
  Mention *mention = &sl->mentions[q];
  Mention *previous = &sl->mentions[q - 1];
  Sentence *sentence = sl->sentence;
  guint listed = NO_LEADER;

  if (!coordinated (w, previous, mention))
    return;
  if (!(extractor_sentence_has_cue (w, mention->tok_end, sentence->tok_end) ||
        (previous->ext_start > sentence->tok_start &&
         (tok_is (w, previous->ext_start - 1, "between") ||
          tok_is (w, previous->ext_start - 1, "между")) &&
         extractor_sentence_has_cue (w, sentence->tok_start, previous->ext_start))))
    return;
  /* "A, B, C and D held a call": the list's first pair holds the rest */
  for (guint r = 0; r < w->links->len && listed == NO_LEADER; r++)
    {
      Link *l = &g_array_index (w->links, Link, r);

      if (l->first_sentence == sl->s && extractor_link_has (l, previous->leader))
        listed = l->a == previous->leader ? l->b : l->a;
    }
  if (listed != NO_LEADER)
    add_listed (w, listed, previous->leader, mention->leader, sl->s);
  else
    add_link (w, previous->leader, mention->leader, sl->s);
}

/* The link mention @q of a sentence makes, by the words before its title. */
static void
link_mention (Work          *w,
              SentenceLinks *sl,
              guint          q)
{
  Mention *mention = &sl->mentions[q];
  guint floor = q > 0 ? sl->mentions[q - 1].tok_end : sl->sentence->tok_start;
  guint p = title_start (w, mention->ext_start, floor);
  guint before = p > sl->sentence->tok_start ? p - 1 : G_MAXUINT;
  const char *prev = before != G_MAXUINT ? tok_at (w, before)->folded : "";

  sl->subject_of[q] = NO_LEADER;
  sl->apart[q] = FALSE;
  if (before == G_MAXUINT)
    return;
  if (link_after_with (w, sl, q, before, prev) ||
      link_after_from (w, sl, q, before, prev) ||
      link_after_call_verb (w, sl, q, before, prev) ||
      link_listed_after (w, sl, q, before, p, prev))
    return;
  if (q > 0)
    link_coordinated (w, sl, q);
}

void
extractor_find_links (Work *w)
{
  Mention *mentions = (Mention *) (void *) w->mentions->data;
  guint m = 0;

  w->links = g_array_new (FALSE, FALSE, sizeof (Link));
  w->initiators = g_hash_table_new (NULL, NULL);

  while (m < w->mentions->len)
    {
      SentenceLinks sl;
      guint first = m;

      sl.s = mentions[m].sentence;
      sl.sentence = sentence_at (w, sl.s);
      sl.mentions = &mentions[first];
      while (m < w->mentions->len && mentions[m].sentence == sl.s)
        m++;

      if (lists_participants (w, sl.s))
        {
          /* "Participants in the call included A, B and C." */
          add_link (w, HOST, mentions[first].leader, sl.s);
          for (guint q = 1; q < m - first; q++)
            add_listed (w, HOST, mentions[first].leader, mentions[first + q].leader, sl.s);
          continue;
        }
      for (guint q = 0; q < m - first; q++)
        link_mention (w, &sl, q);
    }
}

gboolean
extractor_facts_has (const CallFacts *facts,
                     guint            leader)
{
  if (facts->a == leader || facts->b == leader)
    return TRUE;
  for (guint i = 0; i < facts->others->len; i++)
    if (g_array_index (facts->others, guint, i) == leader)
      return TRUE;
  return FALSE;
}

/* @date (nullable): the call's, to give a built-in leader the office of that day. */
ReadoutExtractedParticipant *
extractor_participant_of (Work       *w,
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

      /* The country of the office held that day: Charles Michel, filed under Belgium, took
       * part as President of the European Council for the EU. */
      g_free (p->country);
      p->country = g_strdup (readout_leader_get_country (made));
      p->office = g_strdup (readout_leader_get_office (made));
      p->term_start = g_strdup (readout_leader_get_term_start (made));
      p->term_end = g_strdup (readout_leader_get_term_end (made));
      p->aliases = g_strdupv ((char **) readout_leader_get_aliases (made));
    }
  return p;
}

/* Calls in the order the text first reports them. */
void
extractor_sort_links (Work *w)
{
  guint n_calls = w->links->len;

  for (guint i = 0; i < n_calls; i++)
    for (guint k = i + 1; k < n_calls; k++)
      {
        Link *a = &g_array_index (w->links, Link, i);
        Link *b = &g_array_index (w->links, Link, k);

        if (b->first_sentence < a->first_sentence)
          {
            Link tmp = *a;
            *a = *b;
            *b = tmp;
          }
      }
}

/* Each call's facts, empty but for its participants; @participant_calls gets, per
 * leader, the number of calls it is in. */
CallFacts *
extractor_call_facts_new (Work   *w,
                          guint **participant_calls)
{
  guint n_calls = w->links->len;
  CallFacts *facts = g_new0 (CallFacts, n_calls);
  guint *calls = g_new0 (guint, w->leaders->len);

  for (guint c = 0; c < n_calls; c++)
    {
      Link *link = &g_array_index (w->links, Link, c);

      facts[c].a = link->a;
      facts[c].b = link->b;
      facts[c].others = link->others;
      for (guint o = 0; o < link->others->len; o++)
        calls[g_array_index (link->others, guint, o)]++;
      facts[c].date_claims = g_array_new (FALSE, FALSE, sizeof (DateClaim));
      facts[c].duration_claims = g_array_new (FALSE, FALSE, sizeof (DurationClaim));
      facts[c].initiator = NO_LEADER;
      calls[link->a]++;
      calls[link->b]++;
    }
  *participant_calls = calls;
  return facts;
}

void
extractor_call_facts_free (CallFacts *facts,
                           guint      n_calls)
{
  for (guint c = 0; c < n_calls; c++)
    {
      g_array_unref (facts[c].date_claims);
      g_array_unref (facts[c].duration_claims);
    }
  g_free (facts);
}

/* Whether sentence @s names call @link: as one of the call's own sentences, or by a
 * participant who is in no other call. */
static gboolean
sentence_names_call (Work        *w,
                     guint        s,
                     Link        *link,
                     const guint *participant_calls)
{
  for (guint k = 0; k < link->sentences->len; k++)
    if (g_array_index (link->sentences, guint, k) == s)
      return TRUE;
  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);

      if (m->sentence == s &&
          extractor_link_has (link, m->leader) && participant_calls[m->leader] == 1)
        return TRUE;
    }
  return FALSE;
}

/* Were all the text's calls reported in one sentence ("spoke separately with A and B",
 * "spoke to A, B and C ... In three separate calls")? Then what follows is one account
 * of them all, not of the last one named. */
static guint
body_sentence (Work *w,
               Link *link)
{
  for (guint k = 0; k < link->sentences->len; k++)
    {
      guint s = g_array_index (link->sentences, guint, k);

      if (sentence_at (w, s)->where != WHERE_TITLE)
        return s;
    }
  return G_MAXUINT;
}

/* The title may name the calls too ("Readout of ...’s Calls with A and B"); the body's
 * sentence is the one that counts. Returns that sentence, or G_MAXUINT. */
static guint
one_account (Work *w)
{
  guint first = body_sentence (w, &g_array_index (w->links, Link, 0));

  for (guint c = 1; c < w->links->len; c++)
    if (body_sentence (w, &g_array_index (w->links, Link, c)) != first)
      return G_MAXUINT;
  return first;
}

/* Which calls each sentence is about (per sentence, a GArray of guint): those whose own
 * participant it names, else the call the text was last talking about (every call, when
 * one sentence reported them all). */
GArray **
extractor_sentence_calls (Work        *w,
                          const guint *participant_calls)
{
  guint n_calls = w->links->len;
  GArray **relations = g_new0 (GArray *, w->sentences->len);
  guint current = G_MAXUINT;
  guint all_from = n_calls > 1 ? one_account (w) : G_MAXUINT;

  for (guint s = 0; s < w->sentences->len; s++)
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
        if (sentence_names_call (w, s, &g_array_index (w->links, Link, c), participant_calls))
          g_array_append_val (rel, c);
      if (rel->len > 0)
        current = g_array_index (rel, guint, rel->len - 1);
      else if (all_from != G_MAXUINT && s > all_from)
        for (guint c = 0; c < n_calls; c++)
          g_array_append_val (rel, c);
      else if (current != G_MAXUINT)
        g_array_append_val (rel, current);
    }
  return relations;
}

void
extractor_sentence_calls_free (GArray **relations,
                               guint    n_sentences)
{
  for (guint s = 0; s < n_sentences; s++)
    g_array_unref (relations[s]);
  g_free (relations);
}

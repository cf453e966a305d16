// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-extractor"

#include "config.h"

#include "readout-extractor-private.h"

/* Statements: the sentences about a call, with their speaker and side. */

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
      guint n;
      const Speaker *speakers = extractor_speaker_table (&n);

      for (guint k = 0; k < n; k++)
        {
          g_auto(GStrv) texts = g_strsplit (speakers[k].forms, "|", -1);

          for (guint f = 0; texts[f] != NULL; f++)
            {
              SpeakerForm *form = g_new0 (SpeakerForm, 1);

              form->speaker = &speakers[k];
              form->words = extractor_fold_words (texts[f]);
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
        ok = extractor_word_matches (form->words[j], tok_at (w, i + j)->folded);
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
      guint n;
      const Speaker *speakers = extractor_speaker_table (&n);

      for (guint k = 0; k < n; k++)
        {
          g_auto(GStrv) forms = g_strsplit (speakers[k].forms, "|", -1);

          for (guint f = 0; forms[f] != NULL; f++)
            {
              g_auto(GStrv) words = extractor_fold_words (forms[f]);

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
  if (extractor_is_cyrillic_word (folded))
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

/* The leaders sentence @s names, as speakers; "Zelenskyy's office said" is his
 * government speaking, not the leader himself. */
static void
add_leader_spans (Work   *w,
                  guint   s,
                  GArray *spans)
{
  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);
      Leader *leader = leader_at (w, m->leader);
      guint k = m->tok_end + (tok_is (w, m->tok_end, "s") ? 1 : 0);
      SpeakerSpan span = { m->ext_start, m->tok_end, leader->name, leader->country, FALSE, TRUE };

      if (m->sentence != s)
        continue;
      if (leader->country != NULL && k < sentence_at (w, s)->tok_end &&
          (tok_is (w, k, "office") || tok_is (w, k, "spokesperson") || tok_is (w, k, "spokesman")))
        {
          g_autofree char *government = extractor_government_of (leader->country);

          span.end = k + 1;
          span.canonical = g_string_chunk_insert_const (w->strings, government);
          span.leader = FALSE;
        }
      g_array_append_val (spans, span);
    }
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

      if (!extractor_in_list (nouns, noun) || !tok_is (w, i - 1, "the"))
        continue;
      for (guint k = 0; k < spans->len && !covered; k++)
        covered = g_array_index (spans, SpeakerSpan, k).start <= i && g_array_index (spans, SpeakerSpan, k).end > i;
      for (guint k = w->seen_speakers->len; !covered && k >= 2; k -= 2)
        {
          const char *canonical = g_ptr_array_index (w->seen_speakers, k - 2);
          g_auto(GStrv) words = extractor_fold_words (canonical);

          if (g_strv_contains ((const char * const *) words, noun))
            {
              SpeakerSpan span = { i - 1, i + 1, canonical, g_ptr_array_index (w->seen_speakers, k - 1), FALSE, FALSE };

              g_array_append_val (spans, span);
              covered = TRUE;
            }
        }
    }

  add_leader_spans (w, s, spans);
  return spans;
}

static gboolean
is_speech_verb (const char *f)
{
  static const char * const english[] = {
    "said", "says", "tweeted", "told", "stated", "added", "noted", "announced", "wrote",
    "confirmed", "indicated", "stressed", "emphasized", "emphasised", "underlined",
    "reported", "explained", "declared", "posted", "commented", "insisted", "warned",
    "argued", "quoted", "according", "reiterated", "underscored", "affirmed", "pointed", NULL,
  };
  static const char * const russian[] = {
    "заявил", "сообщил", "сообщает", "сообщается", "сказал", "отметил", "подчеркнул", "написал",
    "рассказал", "пояснил", "цитирует", "словам", "указал", "констатировал", NULL,
  };

  if (extractor_is_cyrillic_word (f))
    return extractor_has_prefix_in_list (russian, f);
  return extractor_in_list (english, f);
}

/* Where a clause starts: at the sentence's start or after a comma. */
static gboolean
clause_starts_at (Work  *w,
                  guint  s,
                  guint  i)
{
  return i == sentence_at (w, s)->tok_start || (i > 0 && extractor_gap_is_comma (w, i - 1, i));
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

  if (v < first + 3 || !extractor_gap_is_comma (w, v - 1, v))
    return G_MAXUINT;
  for (guint j = v - 1; j > first && v - j <= 12; j--)
    if (extractor_gap_is_comma (w, j - 1, j))
      return extractor_in_list (determiners, tok_at (w, j)->folded) ? j : G_MAXUINT;
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

/* A speaker named after its verb, within a few words and no comma: "said Peskov",
 * "сообщил журналистам помощник президента Юрий Ушаков" (the Russian order puts the
 * addressee and the title between). */
static gboolean
follows_verb (Work  *w,
              guint  v,
              guint  start)
{
  if (start > v + 5)
    return FALSE;
  for (guint t = v + 1; t <= start; t++)
    if (extractor_gap_is_comma (w, t - 1, t))
      return FALSE;
  return TRUE;
}

/* Whether a leader named before verb @v is not its subject: "Trump and Putin's
 * conversation underlined" (a possessive: the conversation speaks, as "Trump's aides said"
 * are the aides), or "came a day after Trump said" (another occasion's words, in the
 * reporter's own sentence). */
static gboolean
leader_not_subject (Work              *w,
                    const SpeakerSpan *span,
                    guint              v)
{
  static const char * const occasions[] = { "after", "before", "since", "until", NULL };

  if (!span->leader)
    return FALSE;
  if (span->start > 0 && extractor_in_list (occasions, tok_at (w, span->start - 1)->folded))
    return TRUE;
  for (guint t = span->start; t < v; t++)
    {
      const char *end = w->text + tok_at (w, t)->end;
      gsize length = tok_at (w, t)->end - tok_at (w, t)->start;

      if ((length > 2 && g_str_has_prefix (end - 2, "'s")) ||
          (length > 4 && g_str_has_prefix (end - 4, "’s")) ||
          (tok_is (w, t, "s") && t > span->start && !extractor_gap_is_space (w, t - 1, t)))
        return TRUE;
    }
  return FALSE;
}

/* Whether speaker @span goes with the speech verb at @v ("according to" when
 * @according; @appositive: where an apposition before the verb starts, or G_MAXUINT),
 * and if so, @a's distance and whether the verb starts its clause. */
static gboolean
attach_span (Work        *w,
             guint        s,
             guint        v,
             gboolean     according,
             guint        appositive,
             Attribution *a)
{
  Sentence *sentence = sentence_at (w, s);
  const SpeakerSpan *span = a->span;
  gboolean attached;

  if (according)
    {
      attached = span->start > v && span->start <= v + 8;
      for (guint t = v + 1; attached && t <= span->start; t++)
        if (extractor_gap_is_comma (w, t - 1, t))
          attached = FALSE;
    }
  else if (appositive != G_MAXUINT)
    attached = span->end == appositive || (span->start > v && span->start <= v + 2 && !span->leader);
  else
    attached = (span->end <= v && v - span->end <= 3 && !leader_not_subject (w, span, v)) ||
               (span->start > v && !span->leader && follows_verb (w, v, span->start));
  if (!attached)
    return FALSE;
  if (according)
    a->trailing = clause_starts_at (w, s, v) ||
                  (v > sentence->tok_start && tok_is (w, v - 1, "по") && clause_starts_at (w, s, v - 1));
  else if (span->end <= v)
    {
      /* The verb's own clause starts after a comma and holds the whole name:
       * "..., State Department spokesman Ned Price said" (both), not
       * "The Kremlin, which ..., said". */
      guint clause = v;

      while (clause > sentence->tok_start && !clause_starts_at (w, s, clause))
        clause--;
      a->trailing = clause > sentence->tok_start && clause <= span->start;
    }
  else
    a->trailing = v > sentence->tok_start && clause_starts_at (w, s, v);
  a->distance = span->end <= v ? v - span->end : span->start - v;
  /* "according to Chinese Foreign Ministry spokesperson Mao Ning": the name that
   * ends the phrase, not the institution that qualifies it. */
  if (according)
    a->distance = v + 8 - span->start;
  if (appositive != G_MAXUINT && span->end == appositive)
    a->distance = 0;
  return TRUE;
}

/* "Ivan Petrov said": a person the tables do not know, in the two words before verb @v;
 * NULL if none. */
static char *
unknown_speaker_before (Work  *w,
                        guint  s,
                        guint  v)
{
  Sentence *sentence = sentence_at (w, s);

  if (v >= sentence->tok_start + 2 &&
      tok_at (w, v - 1)->upper && tok_at (w, v - 2)->upper && v - 2 > sentence->tok_start &&
      extractor_gap_is_space (w, v - 2, v - 1) && extractor_is_name_token (w, v - 1) &&
      extractor_is_name_token (w, v - 2))
    return g_strndup (w->text + tok_at (w, v - 2)->start, tok_at (w, v - 1)->end - tok_at (w, v - 2)->start);
  return NULL;
}

/* The attribution of lowest rank; of those, the nearest to its verb, then the first. */
static const Attribution *
best_attribution (const GArray *found)
{
  const Attribution *best = NULL;
  guint best_rank = G_MAXUINT;

  for (guint k = 0; k < found->len; k++)
    {
      const Attribution *a = &g_array_index (found, Attribution, k);
      guint rank = attribution_rank (a, found);

      if (best == NULL || rank < best_rank ||
          (rank == best_rank && (a->distance < best->distance ||
                                 (a->distance == best->distance && a->verb < best->verb))))
        {
          best = a;
          best_rank = rank;
        }
    }
  return best;
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
  const Attribution *best;
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
          Attribution a = { &g_array_index (spans, SpeakerSpan, k), v, 0, FALSE };

          if (attach_span (w, s, v, according, appositive, &a))
            g_array_append_val (found, a);
        }
      if (found->len == 0 && !according)
        {
          char *name = unknown_speaker_before (w, s, v);

          if (name != NULL)
            {
              g_free (*unknown);
              *unknown = name;
            }
        }
    }

  best = best_attribution (found);
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
mentions_the_pair (Work  *w,
                   guint  s)
{
  static const char * const pair_words[] = {
    "leaders", "presidents", "sides", "pair", "they", "both", "стороны", "президенты",
    "лидеры", "собеседники", "руководители", "ministers", "министры", NULL,
  };
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    if (extractor_in_list (pair_words, tok_at (w, i)->folded))
      return TRUE;
  return FALSE;
}

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

/* The speaker and side of the sentence before, for a quote that runs on into the next. */
typedef struct {
  const char *speaker;
  const char *side;
  gboolean    quote;
} Previous;

/* Whether sentence @s names a participant of any call. */
static gboolean
names_participant (Work            *w,
                   guint            s,
                   const CallFacts *facts,
                   guint            n_calls)
{
  for (guint i = 0; i < w->mentions->len; i++)
    {
      Mention *m = &g_array_index (w->mentions, Mention, i);

      if (m->sentence != s)
        continue;
      for (guint c = 0; c < n_calls; c++)
        if (extractor_facts_has (&facts[c], m->leader))
          return TRUE;
    }
  return FALSE;
}

/* A quote that runs on into a second sentence keeps its speaker. */
static gboolean
continues_quote (Work           *w,
                 const Sentence *sentence,
                 const Previous *previous)
{
  const char *start = w->text + sentence->start;

  return previous->quote && previous->speaker != NULL &&
         (start[0] == '"' || g_str_has_prefix (start, "“") || g_str_has_prefix (start, "«"));
}

/* Files sentence @s, spoken by @speaker for @side, under the calls @rel it is about. */
static void
file_statement (Work              *w,
                ReadoutExtraction *extraction,
                const CallFacts   *facts,
                guint              s,
                GArray            *rel,
                const char        *speaker,
                const char        *side,
                gboolean           attributed,
                gboolean           quote)
{
  Sentence *sentence = sentence_at (w, s);
  g_autofree char *sentence_text = g_strndup (w->text + sentence->start, sentence->end - sentence->start);
  g_auto(GStrv) topics = extractor_tag_topics (w, sentence_text);
  guint first = rel->len > 0 ? g_array_index (rel, guint, 0) : 0;

  /* An official readout is its government's account, of what the other leader said too */
  if (w->official && w->side != NULL)
    side = w->side;
  if (w->joint && !attributed)
    {
      add_joint_statement (w, extraction, &facts[first], first, sentence, topics);
      return;
    }
  if (rel->len == 0)
    add_statement (g_ptr_array_index (extraction->calls, 0), w, sentence, speaker, side, quote, topics);
  for (guint k = 0; k < rel->len; k++)
    add_statement (g_ptr_array_index (extraction->calls, g_array_index (rel, guint, k)),
                   w, sentence, speaker, side, quote, topics);
}

/* "The call came a day after Putin hosted Assad", "comes amid tensions": a reporter placing
 * the call among other events, which says nothing either side said. */
static gboolean
is_background (Work  *w,
               guint  s)
{
  static const char * const came[] = { "came", "comes", "come", NULL };
  static const char * const when[] = { "after", "before", "amid", NULL };
  Sentence *sentence = sentence_at (w, s);

  for (guint i = sentence->tok_start; i < sentence->tok_end; i++)
    if (extractor_in_list (came, tok_at (w, i)->folded))
      for (guint j = i + 1; j < sentence->tok_end && j <= i + 4; j++)
        if (extractor_in_list (when, tok_at (w, j)->folded))
          return TRUE;
  return FALSE;
}

/* Whether sentence @s of an official readout says something for its side: a few words, not
 * a lone mark ("###"), and not the report that the call took place ("Vladimir Putin had a
 * telephone conversation with ...", "will speak with"), which says nothing of a topic. */
static gboolean
is_substantive (Work  *w,
                guint  s)
{
  Sentence *sentence = sentence_at (w, s);

  return sentence->tok_end - sentence->tok_start >= 4 &&
         !extractor_sentence_has_cue (w, sentence->tok_start, sentence->tok_end);
}

/* The attribution of the sentence that closes the quote sentence @s opens (a few
 * sentences on at most, in the same paragraph kind). */
static gboolean
quote_run_speaker (Work        *w,
                   guint        s,
                   const char **speaker,
                   const char **side,
                   char       **unknown)
{
  for (guint t = s + 1; t < w->sentences->len && t <= s + 3; t++)
    {
      Sentence *next = sentence_at (w, t);

      if (next->where != WHERE_TEXT)
        return FALSE;
      if (extractor_count_quote_marks (w->text, next->start, next->end) % 2 == 1)
        return find_attribution (w, t, speaker, side, unknown);
    }
  return FALSE;
}

/* The statement of sentence @s, if it is one: what its speaker said, or the publisher's
 * account of the call. */
static void
read_statement (Work              *w,
                ReadoutExtraction *extraction,
                const CallFacts   *facts,
                guint              n_calls,
                guint              s,
                GArray            *rel,
                Previous          *previous)
{
  Sentence *sentence = sentence_at (w, s);
  const char *speaker = NULL, *side = NULL;
  g_autofree char *unknown = NULL;
  gboolean attributed, quote, include = TRUE;

  if (sentence->where != WHERE_TEXT)
    {
      previous->quote = FALSE;
      return;
    }

  quote = extractor_has_quote (w->text + sentence->start, sentence->end - sentence->start);
  attributed = find_attribution (w, s, &speaker, &side, &unknown);
  if (!attributed && extractor_opens_quote_run (w, s))
    quote = attributed = quote_run_speaker (w, s, &speaker, &side, &unknown);
  /* Kept for the whole extraction: a quote that runs on into the next sentence keeps it */
  if (attributed && unknown != NULL)
    speaker = g_string_chunk_insert_const (w->strings, unknown), side = NULL;
  if (!attributed && continues_quote (w, sentence, previous))
    {
      attributed = TRUE;
      speaker = previous->speaker;
      side = previous->side;
      quote = TRUE;
    }
  if (!attributed)
    {
      /* An official readout is nothing but its government's account of the call: every
       * sentence of it says something for its side, whatever its verb ("made clear",
       * "continued their dialogue", "must maintain"). */
      if (extractor_is_discussion_sentence (w, s))
        include = w->official ||
                  ((names_participant (w, s, facts, n_calls) || mentions_the_pair (w, s)) && !is_background (w, s));
      else
        include = w->official && is_substantive (w, s);
      speaker = w->voice != NULL ? w->voice : w->publisher;
      side = w->side;
    }

  if (attributed && side != NULL && speaker != NULL)
    {
      g_ptr_array_add (w->seen_speakers, (gpointer) speaker);
      g_ptr_array_add (w->seen_speakers, (gpointer) side);
    }
  previous->quote = attributed && quote;
  previous->speaker = attributed ? speaker : NULL;
  previous->side = attributed ? side : NULL;
  if (include)
    file_statement (w, extraction, facts, s, rel, speaker, side, attributed, quote);
}

/* The statements of every sentence, under the calls @relations says each is about. */
void
extractor_add_statements (Work              *w,
                          ReadoutExtraction *extraction,
                          const CallFacts   *facts,
                          guint              n_calls,
                          GArray           **relations)
{
  Previous previous = { NULL, NULL, FALSE };

  for (guint s = 0; s < w->sentences->len; s++)
    read_statement (w, extraction, facts, n_calls, s, relations[s], &previous);
}

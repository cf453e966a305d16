// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-extractor.h"
#include "readout-leader-gazetteer.h"
#include "readout-text.h"
#include "readout-topic-tagger.h"

G_BEGIN_DECLS

/* What the stages of the extractor share: one extraction's working state (Work), the
 * extractor's tables, and the functions one stage calls in another. */

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
  /* The forms are built by the first text read after a change, and the window reads
   * several texts at once, each in a thread of its own: one builds, the others wait. */
  GMutex              forms_lock;

  ReadoutTopicTagger *tagger;
  GPtrArray          *topic_names;    /* index = topic id - 1 */

  GHashTable         *countries;      /* folded name, demonym or Russian form -> code */
  GHashTable         *demonyms;       /* code -> demonym */
  char               *fallback_date;
  char               *today;
  gboolean            use_gazetteer;
};

/* A speaker who is not a leader: an institution or a spokesperson, with its side. */
typedef struct {
  const char *canonical;
  const char *side;
  const char *forms;       /* "|"-separated, as written in texts */
  const char *speaks_for;  /* a person's institution, which publishes their statements; NULL for one */
} Speaker;

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
  /* The spokesperson a statement's title names ("Statement by Press Secretary Jen Psaki
   * on ..."), who speaks its unattributed sentences for the publisher; or NULL. */
  char             *voice;
  gboolean          official;
  gboolean          joint;        /* a joint statement: every unattributed sentence is both sides' */
  ReadoutSourceKind kind;
} Work;

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

static inline gboolean
tok_is (Work       *w,
        guint       i,
        const char *word)
{
  return i < w->toks->len && g_str_equal (tok_at (w, i)->folded, word);
}

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

/* readout-extractor-leaders.c */
void extractor_leader_free (Leader *leader);
void extractor_form_free (Form *form);
void extractor_add_leader_forms (ReadoutExtractor *self, GPtrArray *forms, GHashTable *index,
                                 Leader *leader, guint leader_index);
void extractor_rebuild_forms (ReadoutExtractor *self);
void extractor_load_countries (ReadoutExtractor *self);
const char *extractor_lookup_country (ReadoutExtractor *self, const char *folded);
gboolean extractor_has_terms (Leader *leader);
gboolean extractor_in_office_as (Leader *leader, const GDate *date, const char *office_word);
gboolean extractor_in_office (Leader *leader, const GDate *date);
guint extractor_find_form_at (Work *w, guint i, guint end, guint *leader);
gboolean extractor_is_title_token (Work *w, guint i);
void extractor_find_mentions (Work *w);
void extractor_find_office_mentions (Work *w);

/* readout-extractor-dates.c */
int extractor_month_of (const char *folded);
gboolean extractor_parse_iso (const char *iso, GDate *date);
char *extractor_format_date (const GDate *date);
void extractor_find_published (Work *w);
void extractor_collect_date_claims (Work *w, guint s, GArray *claims);
void extractor_infer_year (Work *w, CallFacts *facts, guint n_calls);
guint extractor_claim_for_call (Work *w, guint s, guint c, GArray *claims, const CallFacts *facts,
                                const guint *participant_calls);
void extractor_resolve_call_date (Work *w, CallFacts *facts, GArray *global_claims,
                                  gboolean first_call, ReadoutExtractedCall *call);

/* readout-extractor-speakers.c */
const Speaker *extractor_speaker_table (guint *n);
/* Spokespeople's offices as titles name them ("press secretary", "пресс-секретаря
 * Президента"), each with the institution that publishes what they say: canonical is
 * the institution, forms the offices (folded), most particular first. */
const Speaker *extractor_spokesperson_offices (guint *n);

/* readout-extractor-statements.c */
void extractor_add_statements (Work *w, ReadoutExtraction *extraction, const CallFacts *facts,
                               guint n_calls, GArray **relations);

/* readout-extractor-sentences.c */
gboolean extractor_in_list (const char * const *list, const char *word);
gboolean extractor_has_prefix_in_list (const char * const *list, const char *word);
gboolean extractor_is_cyrillic_word (const char *word);
gboolean extractor_word_matches (const char *form_word, const char *token);
char **extractor_fold_words (const char *phrase);
gboolean extractor_gap_is_space (Work *w, guint a, guint b);
gboolean extractor_gap_is_comma (Work *w, guint a, guint b);
void extractor_tokenize (Work *w);
void extractor_split_sentences (Work *w);
gboolean extractor_has_quote (const char *text, gsize length);
guint extractor_count_quote_marks (const char *text, gsize start, gsize end);
gboolean extractor_opens_quote_run (Work *w, guint s);
gboolean extractor_is_discussion_sentence (Work *w, guint s);

/* readout-extractor-publisher.c */
void extractor_find_publisher (Work *w);
char *extractor_government_of (const char *side);
void extractor_find_side_from_title (Work *w);
guint extractor_side_leader (Work *w, const char *country);
void extractor_resolve_host (Work *w);

/* readout-extractor-discovery.c */
gboolean extractor_is_name_token (Work *w, guint i);
guint extractor_match_country (Work *w, guint i, guint end, const char **code);
void extractor_discover_leaders (Work *w);

/* readout-extractor-calls.c */
gboolean extractor_is_call_cue (const char *f);
gboolean extractor_sentence_has_cue (Work *w, guint from, guint to);
gboolean extractor_link_has (Link *link, guint leader);
char *extractor_possessive_stripped (Work *w, guint i);
gboolean extractor_ends_possessive (Work *w, guint i);
void extractor_find_links (Work *w);
gboolean extractor_facts_has (const CallFacts *facts, guint leader);
ReadoutExtractedParticipant *extractor_participant_of (Work *w, guint index, const char *date);
void extractor_sort_links (Work *w);
CallFacts *extractor_call_facts_new (Work *w, guint **participant_calls);
void extractor_call_facts_free (CallFacts *facts, guint n_calls);
GArray **extractor_sentence_calls (Work *w, const guint *participant_calls);
void extractor_sentence_calls_free (GArray **relations, guint n_sentences);

/* readout-extractor-facts.c */
void extractor_collect_durations (Work *w, guint s, GArray *claims);
void extractor_count_status (Work *w, guint s, CallFacts *facts);
void extractor_find_initiator (Work *w, guint s, CallFacts *facts);
const char *extractor_where_name (Where where);
void extractor_resolve_duration (CallFacts *facts, ReadoutExtractedCall *call);
ReadoutCallStatus extractor_call_status (const CallFacts *f);

/* readout-extractor-topics.c */
char **extractor_tag_topics (Work *w, const char *text);
void extractor_set_call_topics (ReadoutExtractedCall *call);

G_END_DECLS

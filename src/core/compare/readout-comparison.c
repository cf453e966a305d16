// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "readout-json.h"
#include "readout-comparison.h"
#include "readout-comparison-private.h"
#include "readout-display-names.h"
#include "readout-sentence-pairing.h"
#include "readout-text.h"
#include "readout-topic-kind.h"

#define N_DISTINCTIVE_WORDS 8
#define OTHER_TOPIC "Other"

typedef struct {
  char                    *topic;
  gboolean                 is_other;
  ReadoutComparisonStatus  status;
  GPtrArray               *statements[2];  /* ReadoutStatement */
  GPtrArray               *references[2];  /* ReadoutStatement shown in another row that
                                            * also has this topic */
  GArray                  *pairs;          /* ReadoutComparisonPair */
  double                   first[2];       /* where the side first mentions it, 0 to 1 */
} Row;

struct _ReadoutComparison
{
  GObject parent_instance;

  gint64     call_id;
  gboolean   of_sources;
  char      *labels[2];
  guint      n_statements[2];
  GPtrArray *rows;              /* Row */
  GHashTable *homes;            /* ReadoutStatement -> the Row it is shown in */
  GStrv      only_topics[2];
  GStrv      distinctive[2];
};

G_DEFINE_FINAL_TYPE (ReadoutComparison, readout_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALL_ID,
  PROP_LABEL_A,
  PROP_LABEL_B,
  PROP_N_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_pair (gpointer data)
{
  ReadoutComparisonPair *pair = data;

  g_clear_pointer (&pair->diff, g_array_unref);
}

static Row *
row_new (const char *topic,
         gboolean    is_other)
{
  Row *row = g_new0 (Row, 1);

  row->topic = g_strdup (topic);
  row->is_other = is_other;
  row->statements[0] = g_ptr_array_new_with_free_func (g_object_unref);
  row->statements[1] = g_ptr_array_new_with_free_func (g_object_unref);
  row->references[0] = g_ptr_array_new_with_free_func (g_object_unref);
  row->references[1] = g_ptr_array_new_with_free_func (g_object_unref);
  row->pairs = g_array_new (FALSE, TRUE, sizeof (ReadoutComparisonPair));
  g_array_set_clear_func (row->pairs, clear_pair);
  row->first[0] = row->first[1] = G_MAXDOUBLE;
  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->topic);
  g_ptr_array_unref (row->statements[0]);
  g_ptr_array_unref (row->statements[1]);
  g_ptr_array_unref (row->references[0]);
  g_ptr_array_unref (row->references[1]);
  g_array_unref (row->pairs);
  g_free (row);
}

static void
readout_comparison_finalize (GObject *object)
{
  ReadoutComparison *self = READOUT_COMPARISON (object);

  for (guint s = 0; s < 2; s++)
    {
      g_free (self->labels[s]);
      g_strfreev (self->only_topics[s]);
      g_strfreev (self->distinctive[s]);
    }
  g_clear_pointer (&self->homes, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (readout_comparison_parent_class)->finalize (object);
}

static void
readout_comparison_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutComparison *self = READOUT_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;

    case PROP_LABEL_A:
      g_value_set_string (value, self->labels[0]);
      break;

    case PROP_LABEL_B:
      g_value_set_string (value, self->labels[1]);
      break;

    case PROP_N_ROWS:
      g_value_set_uint (value, self->rows->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_comparison_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutComparison *self = READOUT_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      readout_comparison_set_call_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_comparison_class_init (ReadoutComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_comparison_finalize;
  object_class->get_property = readout_comparison_get_property;
  object_class->set_property = readout_comparison_set_property;

  /* The call compared, for the JSON output; 0 when the statements are not from the store */
  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LABEL_A] =
    g_param_spec_string ("label-a", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_LABEL_B] =
    g_param_spec_string ("label-b", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_comparison_init (ReadoutComparison *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->homes = g_hash_table_new (NULL, NULL);
}

/* Row order: topics both sides mention first, then those only A mentions, then those only
 * B mentions, "Other" last: the reader sees first where the two accounts can be compared,
 * then what each left out. Within a group, rows follow the order in which the topics come
 * up, measured on both sides at once (the earlier of the two relative positions), so the
 * order reads like the readouts and does not change when A and B are swapped. */
static int
group_of (const Row *row)
{
  if (row->is_other)
    return 3;
  return (int) row->status;
}

static gboolean
has_own_statements (const Row *row)
{
  return row->statements[0]->len + row->statements[1]->len > 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(const Row * const *) a;
  const Row *y = *(const Row * const *) b;
  double fx = MIN (x->first[0], x->first[1]);
  double fy = MIN (y->first[0], y->first[1]);

  if (group_of (x) != group_of (y))
    return group_of (x) - group_of (y);
  if (fx != fy)
    return fx < fy ? -1 : 1;
  /* Of two topics one statement raises, the row that shows it comes before the rows
   * that only refer to it. */
  if (has_own_statements (x) != has_own_statements (y))
    return has_own_statements (x) ? -1 : 1;
  return g_strcmp0 (x->topic, y->topic);
}

/* How often each side gives a topic, tags included, where it first came up, and how
 * much it tells a row apart (see topic_rank()). */
typedef struct {
  guint    count[2];
  guint    order;
  guint    rank;
  gboolean pervasive;  /* a place most statements of both sides name */
} TopicCount;

static void
count_topics (GHashTable *counts,
              GPtrArray  *order,
              guint       side,
              GPtrArray  *statements)
{
  for (guint i = 0; statements != NULL && i < statements->len; i++)
    {
      const char * const *topics = readout_statement_get_topics (g_ptr_array_index (statements, i));

      for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
        {
          TopicCount *count = g_hash_table_lookup (counts, topics[t]);

          if (count == NULL)
            {
              count = g_new0 (TopicCount, 1);
              count->order = order->len;
              g_ptr_array_add (order, g_strdup (topics[t]));
              g_hash_table_insert (counts, g_strdup (topics[t]), count);
            }
          count->count[side]++;
        }
    }
}

/* A topic of the whole call says nothing about one statement: the country of a
 * participant (a call with Kyiv is about Ukraine throughout). Above it a broad topic;
 * above that, themes and places alike. */
static guint
topic_rank (const char         *topic,
            const char * const *background)
{
  if (background != NULL && g_strv_contains (background, topic))
    return 0;
  return readout_topic_kind_of (topic) == READOUT_TOPIC_KIND_BROAD ? 1 : 2;
}

/* @n_statements: of both sides. A place that most statements of both sides name is what
 * the whole call is about ("military aid to Ukraine", "Ukraine's border", "the visit to
 * Kyiv"): it yields to a theme both sides give (see better_topic()). */
static void
rank_topics (GHashTable         *counts,
             const char * const *background,
             guint               n_statements)
{
  GHashTableIter iter;
  gpointer topic, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &topic, &value))
    {
      TopicCount *count = value;

      count->rank = topic_rank (topic, background);
      count->pervasive = readout_topic_kind_of (topic) == READOUT_TOPIC_KIND_PLACE &&
                         count->count[0] > 0 && count->count[1] > 0 &&
                         (count->count[0] + count->count[1]) * 2 > n_statements;
    }
}

/* Whether @x is the better main topic than @y: the more telling rank first; then a topic
 * both sides give, so the statement sits where it can be paired; then the topic more
 * statements share, so rows gather rather than scatter; then a place before a theme
 * ("Syria" before "Humanitarian aid"). Counts are over both sides, so swapping A and B
 * chooses the same topic. */
static gboolean
better_topic (const char       *x,
              const TopicCount *cx,
              const char       *y,
              const TopicCount *cy)
{
  gboolean both_x = cx->count[0] > 0 && cx->count[1] > 0;
  gboolean both_y = cy->count[0] > 0 && cy->count[1] > 0;
  guint nx = cx->count[0] + cx->count[1];
  guint ny = cy->count[0] + cy->count[1];

  if (cx->rank != cy->rank)
    return cx->rank > cy->rank;
  /* "military aid to Ukraine", in a call about Ukraine throughout, is about military aid
   * when both sides speak of military aid: that row pairs them better */
  if (cx->pervasive && both_y && readout_topic_kind_of (y) != READOUT_TOPIC_KIND_PLACE)
    return FALSE;
  if (cy->pervasive && both_x && readout_topic_kind_of (x) != READOUT_TOPIC_KIND_PLACE)
    return TRUE;
  if (both_x != both_y)
    return both_x;
  if (nx != ny)
    return nx > ny;
  return readout_topic_kind_of (x) == READOUT_TOPIC_KIND_PLACE
         && readout_topic_kind_of (y) != READOUT_TOPIC_KIND_PLACE;
}

/* The one topic a statement of several is shown under; the others become its tags. */
static const char *
main_topic (const char * const *topics,
            GHashTable         *counts)
{
  const char *best = topics[0];
  const TopicCount *best_count = g_hash_table_lookup (counts, best);

  for (guint t = 1; topics[t] != NULL; t++)
    {
      const TopicCount *count = g_hash_table_lookup (counts, topics[t]);

      if (better_topic (topics[t], count, best, best_count))
        {
          best = topics[t];
          best_count = count;
        }
    }
  return best;
}

/* Each statement goes into exactly one row: a statement with several topics is shown
 * once, under its main topic, rather than repeated under each. */
static void
add_side (ReadoutComparison *self,
          GHashTable        *rows_by_topic,
          GHashTable        *counts,
          guint              side,
          GPtrArray         *statements)
{
  if (statements == NULL)
    return;

  self->n_statements[side] = statements->len;

  for (guint i = 0; i < statements->len; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (statements, i);
      const char * const *topics = readout_statement_get_topics (statement);
      double position = (i + 0.5) / statements->len;
      gboolean other = topics == NULL || topics[0] == NULL;
      const char *key = other ? "\x01other" : main_topic (topics, counts);
      Row *row = g_hash_table_lookup (rows_by_topic, key);

      if (row == NULL)
        {
          row = other ? row_new (OTHER_TOPIC, TRUE) : row_new (key, FALSE);
          g_hash_table_insert (rows_by_topic, g_strdup (key), row);
          g_ptr_array_add (self->rows, row);
        }

      g_ptr_array_add (row->statements[side], g_object_ref (statement));
      g_hash_table_insert (self->homes, statement, row);
      row->first[side] = MIN (row->first[side], position);
    }
}

/* Whether a topic that is only ever a statement's further topic gets a row of its own.
 * A theme or a place does: the side raised it, and the reader looks for it among the
 * rows. A topic of the whole call (a participant's country) and a broad one ("Bilateral
 * relations", "Trade and economic ties", "Visits") do not: nearly every statement touches
 * them, and rows of nothing but cross-references to them would bury the rows that
 * compare; the summary still lists them among what one side alone mentioned. */
static gboolean
opens_row (const char         *topic,
           const char * const *background)
{
  return topic_rank (topic, background) == 2;
}

/* A statement counts for every topic it has, not just the one it is shown under: in the
 * row of each further topic where its side has no statement of its own, the side has it
 * as a reference (one line saying where it is shown), so that row says rightly that the
 * side mentioned the topic. Where the side has statements of its own, its presence is
 * plain and the references would only repeat the call (every statement of a call about
 * Ukraine names Ukraine). Runs after add_side() for both sides, so that rows of main
 * topics exist whatever their kind. */
static void
add_references (ReadoutComparison  *self,
                GHashTable         *rows_by_topic,
                const char * const *background,
                guint               side,
                GPtrArray          *statements)
{
  for (guint i = 0; statements != NULL && i < statements->len; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (statements, i);
      const char * const *topics = readout_statement_get_topics (statement);
      const Row *home = g_hash_table_lookup (self->homes, statement);
      double position = (i + 0.5) / statements->len;

      for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
        {
          Row *row = g_hash_table_lookup (rows_by_topic, topics[t]);

          if (row == home || (row != NULL && row->statements[side]->len > 0))
            continue;
          if (row == NULL)
            {
              if (!opens_row (topics[t], background))
                continue;
              row = row_new (topics[t], FALSE);
              g_hash_table_insert (rows_by_topic, g_strdup (topics[t]), row);
              g_ptr_array_add (self->rows, row);
            }
          if (g_ptr_array_find (row->references[side], statement, NULL))
            continue;
          g_ptr_array_add (row->references[side], g_object_ref (statement));
          row->first[side] = MIN (row->first[side], position);
        }
    }
}

/* The topics only one side gives anywhere, tags included: the rows' topics in row
 * order, then topics that are only ever tags, in the order they came up. */
static GStrv
only_topics (ReadoutComparison *self,
             GHashTable        *counts,
             GPtrArray         *order,
             guint              side)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  guint other = 1 - side;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < (pass == 0 ? self->rows->len : order->len); i++)
      {
        const char *topic = pass == 0 ? ((Row *) g_ptr_array_index (self->rows, i))->topic
                                      : g_ptr_array_index (order, i);
        const TopicCount *count = g_hash_table_lookup (counts, topic);

        if (count == NULL || count->count[side] == 0 || count->count[other] > 0
            || !g_hash_table_add (added, (gpointer) topic))
          continue;
        g_strv_builder_add (builder, topic);
      }
  return g_strv_builder_end (builder);
}

/* The topics of @statement other than its row's: its tags. */
static GStrv
tags_of (const Row        *row,
         ReadoutStatement *statement)
{
  const char * const *topics = readout_statement_get_topics (statement);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    if (row->is_other || g_strcmp0 (topics[i], row->topic) != 0)
      g_strv_builder_add (builder, topics[i]);
  return g_strv_builder_end (builder);
}

/* Pairing counts a statement's tags, not the row's topic: every statement of a row
 * shares that one, so counting it would pair any two of them, however unrelated. The
 * array is kept in @keep until the row is paired. */
static const char * const *
topics_besides (GPtrArray        *keep,
                ReadoutStatement *statement,
                const Row        *row)
{
  g_ptr_array_add (keep, tags_of (row, statement));
  return g_ptr_array_index (keep, keep->len - 1);
}

static void
pair_row (ReadoutSentencePairing *pairing,
          Row                    *row,
          GHashTable             *tokens)
{
  guint n_a = row->statements[0]->len;
  guint n_b = row->statements[1]->len;
  g_autofree ReadoutSentence *a = g_new0 (ReadoutSentence, MAX (n_a, 1));
  g_autofree ReadoutSentence *b = g_new0 (ReadoutSentence, MAX (n_b, 1));
  g_autoptr(GPtrArray) other_topics = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) pairs = NULL;

  for (guint i = 0; i < n_a; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (row->statements[0], i);

      a[i].text = readout_statement_get_text (statement);
      a[i].topics = topics_besides (other_topics, statement, row);
      a[i].tokens = g_hash_table_lookup (tokens, statement);
    }
  for (guint j = 0; j < n_b; j++)
    {
      ReadoutStatement *statement = g_ptr_array_index (row->statements[1], j);

      b[j].text = readout_statement_get_text (statement);
      b[j].topics = topics_besides (other_topics, statement, row);
      b[j].tokens = g_hash_table_lookup (tokens, statement);
    }

  pairs = readout_sentence_pairing_match (pairing, a, n_a, b, n_b,
                                          READOUT_SENTENCE_PAIRING_DEFAULT_THRESHOLD);

  for (guint k = 0; k < pairs->len; k++)
    {
      const ReadoutSentencePair *found = &g_array_index (pairs, ReadoutSentencePair, k);
      ReadoutComparisonPair pair;

      pair.index_a = found->index_a;
      pair.index_b = found->index_b;
      pair.similarity = found->similarity;
      pair.diff = readout_word_diff_tokens (a[found->index_a].tokens, b[found->index_b].tokens);
      g_array_append_val (row->pairs, pair);
    }
}

typedef struct {
  const char *folded;
  char       *display;
  guint       count[2];
  double      score;
} WordCount;

static void
word_count_free (gpointer data)
{
  WordCount *word = data;

  g_free (word->display);
  g_free (word);
}

/* A single letter that is not an ideograph: the "U" and "S" of "U.S.", an initial. */
static gboolean
is_fragment (const ReadoutToken *token)
{
  return (token->flags & READOUT_TOKEN_IDEOGRAPH) == 0 && g_utf8_strlen (token->folded, -1) == 1;
}

static guint
count_words (GHashTable *words,
             guint       side,
             GPtrArray  *statements,
             GHashTable *token_cache,
             GHashTable *excluded)
{
  guint total = 0;

  for (guint i = 0; statements != NULL && i < statements->len; i++)
    {
      ReadoutStatement *statement = g_ptr_array_index (statements, i);
      const char *text = readout_statement_get_text (statement);
      GArray *tokens = g_hash_table_lookup (token_cache, statement);

      for (guint k = 0; k < tokens->len; k++)
        {
          ReadoutToken *token = &g_array_index (tokens, ReadoutToken, k);
          WordCount *word;

          if (token->flags & (READOUT_TOKEN_STOP_WORD | READOUT_TOKEN_NUMBER))
            continue;
          /* Counted in the total, so the other words' rates stay true, but never listed; nor
           * is a lone letter, a piece of an abbreviation ("U" of "U.S."). */
          total++;
          if (readout_text_is_report_word (token->folded) || is_fragment (token)
              || (excluded != NULL && g_hash_table_contains (excluded, token->folded)))
            continue;

          word = g_hash_table_lookup (words, token->folded);
          if (word == NULL)
            {
              word = g_new0 (WordCount, 1);
              word->folded = g_strdup (token->folded);
              word->display = g_strndup (text + token->start, token->end - token->start);
              g_hash_table_insert (words, (gpointer) word->folded, word);
            }
          else if ((token->flags & READOUT_TOKEN_CAPITALISED) == 0
                   && g_unichar_isupper (g_utf8_get_char (word->display)))
            {
              /* Show "talks" rather than "Talks" when the word is not always capitalised. */
              g_free (word->display);
              word->display = g_strndup (text + token->start, token->end - token->start);
            }
          word->count[side]++;
        }
    }

  return total;
}

static int
compare_words_by_score (gconstpointer a,
                        gconstpointer b)
{
  const WordCount *x = *(const WordCount * const *) a;
  const WordCount *y = *(const WordCount * const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return strcmp (x->folded, y->folded);
}

/* Each side's most distinctive words: the log-odds ratio of a word's use on the two sides
 * with a Dirichlet prior, divided by its standard deviation (Monroe, Colaresi and Quinn,
 * "Fightin' Words", 2008). Unlike a raw frequency difference this does not just list the
 * longer side's commonest words, and unlike plain log-odds it does not favour words seen
 * once. The score of a word for B is minus its score for A, so swapping sides mirrors it. */
static void
compute_distinctive_words (ReadoutComparison *self,
                           GPtrArray         *statements_a,
                           GPtrArray         *statements_b,
                           GHashTable        *tokens,
                           GHashTable        *excluded)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_count_free);
  g_autoptr(GPtrArray) list = NULL;
  guint n[2];
  double prior_total;
  GHashTableIter iter;
  gpointer value;

  n[0] = count_words (words, 0, statements_a, tokens, excluded);
  n[1] = count_words (words, 1, statements_b, tokens, excluded);
  list = g_ptr_array_sized_new (g_hash_table_size (words));
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  prior_total = 0.5 * list->len;

  for (guint i = 0; i < list->len; i++)
    {
      WordCount *word = g_ptr_array_index (list, i);
      double prior = prior_total * (word->count[0] + word->count[1]) / MAX (n[0] + n[1], 1);
      double log_odds_a = log ((word->count[0] + prior) / (n[0] + prior_total - word->count[0] - prior));
      double log_odds_b = log ((word->count[1] + prior) / (n[1] + prior_total - word->count[1] - prior));
      double variance = 1.0 / (word->count[0] + prior) + 1.0 / (word->count[1] + prior);

      word->score = (log_odds_a - log_odds_b) / sqrt (variance);
    }

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint added = 0;

      g_ptr_array_sort (list, compare_words_by_score);
      for (guint i = 0; i < list->len && added < N_DISTINCTIVE_WORDS; i++)
        {
          WordCount *word = g_ptr_array_index (list, i);

          if (word->score <= 0)
            break;
          if (word->count[s] == 0)
            continue;
          g_strv_builder_add (builder, word->display);
          added++;
        }
      self->distinctive[s] = g_strv_builder_end (builder);

      /* Side B's ranking is side A's negated. */
      for (guint i = 0; i < list->len; i++)
        {
          WordCount *word = g_ptr_array_index (list, i);

          word->score = -word->score;
        }
    }
}

/**
 * readout_comparison_new:
 * @label_a: what to call side A ("US", "White House readout")
 * @statements_a: (element-type ReadoutStatement) (nullable): side A's statements, in the
 *   order of their sources, with their topics set
 * @label_b: what to call side B
 * @statements_b: (element-type ReadoutStatement) (nullable): side B's statements
 * @corpus: (nullable) (array zero-terminated=1): other texts (the store's statements of
 *   the call and others) that word weights are fitted on, besides the two sides'
 *
 * Returns: (transfer full): the comparison
 */
ReadoutComparison *
readout_comparison_new (const char         *label_a,
                        GPtrArray          *statements_a,
                        const char         *label_b,
                        GPtrArray          *statements_b,
                        const char * const *corpus)
{
  return readout_comparison_new_full (label_a, statements_a, label_b, statements_b, corpus, NULL, NULL);
}

/* The folded words of @names, such as "Vladimir Putin" and "Путин". */
static GHashTable *
fold_names (const char * const *names)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GArray) tokens = readout_text_tokenize (names[i], -1);

      for (guint k = 0; k < tokens->len; k++)
        g_hash_table_add (words, g_strdup (g_array_index (tokens, ReadoutToken, k).folded));
    }
  return words;
}

/**
 * readout_comparison_new_full:
 * @names: (nullable) (array zero-terminated=1): who speaks and for whom (the participants'
 *   names and aliases, their countries, the publishers and speakers), whose words the
 *   summary's distinctive words leave out (every account names them)
 * @background: (nullable) (array zero-terminated=1): topics of the whole call (the
 *   participants' countries), which a statement is shown under only when it has no other
 *
 * Like readout_comparison_new().
 *
 * Returns: (transfer full): the comparison
 */
ReadoutComparison *
readout_comparison_new_full (const char         *label_a,
                             GPtrArray          *statements_a,
                             const char         *label_b,
                             GPtrArray          *statements_b,
                             const char * const *corpus,
                             const char * const *names,
                             const char * const *background)
{
  ReadoutComparison *self = g_object_new (READOUT_TYPE_COMPARISON, NULL);
  g_autoptr(GHashTable) rows_by_topic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ReadoutSentencePairing) pairing = readout_sentence_pairing_new ();
  GPtrArray *sides[2] = { statements_a, statements_b };
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) topic_order = g_ptr_array_new_with_free_func (g_free);
  /* Each statement is tokenised once, for word weights, pairing, diffs and the summary. */
  g_autoptr(GHashTable) tokens = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) excluded = NULL;

  self->labels[0] = g_strdup (label_a != NULL ? label_a : "A");
  self->labels[1] = g_strdup (label_b != NULL ? label_b : "B");

  count_topics (counts, topic_order, 0, statements_a);
  count_topics (counts, topic_order, 1, statements_b);
  rank_topics (counts, background,
               (statements_a != NULL ? statements_a->len : 0) + (statements_b != NULL ? statements_b->len : 0));
  add_side (self, rows_by_topic, counts, 0, statements_a);
  add_side (self, rows_by_topic, counts, 1, statements_b);
  add_references (self, rows_by_topic, background, 0, statements_a);
  add_references (self, rows_by_topic, background, 1, statements_b);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      gboolean has_a = row->statements[0]->len + row->references[0]->len > 0;
      gboolean has_b = row->statements[1]->len + row->references[1]->len > 0;

      if (has_a && has_b)
        row->status = READOUT_COMPARISON_STATUS_BOTH;
      else if (has_a)
        row->status = READOUT_COMPARISON_STATUS_A_ONLY;
      else
        row->status = READOUT_COMPARISON_STATUS_B_ONLY;
    }
  g_ptr_array_sort (self->rows, compare_rows);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; sides[s] != NULL && i < sides[s]->len; i++)
      {
        ReadoutStatement *statement = g_ptr_array_index (sides[s], i);
        GArray *statement_tokens = g_hash_table_lookup (tokens, statement);

        /* The same statement on both sides (comparing a source with itself) counts once. */
        if (statement_tokens != NULL)
          continue;
        statement_tokens = readout_text_tokenize (readout_statement_get_text (statement), -1);
        g_hash_table_insert (tokens, statement, statement_tokens);
        readout_sentence_pairing_add_tokens (pairing, statement_tokens);
      }
  for (guint i = 0; corpus != NULL && corpus[i] != NULL; i++)
    readout_sentence_pairing_add_document (pairing, corpus[i]);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      /* Only statements shown in the row are paired: a reference is shown elsewhere. */
      if (row->statements[0]->len > 0 && row->statements[1]->len > 0)
        pair_row (pairing, row, tokens);
    }
  self->only_topics[0] = only_topics (self, counts, topic_order, 0);
  self->only_topics[1] = only_topics (self, counts, topic_order, 1);

  excluded = fold_names (names);
  compute_distinctive_words (self, statements_a, statements_b, tokens, excluded);

  return self;
}

gint64
readout_comparison_get_call_id (ReadoutComparison *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), 0);

  return self->call_id;
}

void
readout_comparison_set_call_id (ReadoutComparison *self,
                                gint64             call_id)
{
  g_return_if_fail (READOUT_IS_COMPARISON (self));

  if (self->call_id == call_id)
    return;

  self->call_id = call_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

/**
 * readout_comparison_set_of_sources:
 * @of_sources: whether A and B are two sources rather than two sides
 *
 * Says what the two labels name, for the words of the rows' statuses.
 */
void
readout_comparison_set_of_sources (ReadoutComparison *self,
                                   gboolean           of_sources)
{
  g_return_if_fail (READOUT_IS_COMPARISON (self));

  self->of_sources = !!of_sources;
}

const char *
readout_comparison_get_label (ReadoutComparison     *self,
                              ReadoutComparisonSide  side)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, NULL);

  return self->labels[side];
}

/**
 * readout_comparison_get_n_statements:
 *
 * Returns: how many statements @side has in all; 0 means the side said nothing
 */
guint
readout_comparison_get_n_statements (ReadoutComparison     *self,
                                     ReadoutComparisonSide  side)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), 0);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, 0);

  return self->n_statements[side];
}

guint
readout_comparison_get_n_rows (ReadoutComparison *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), 0);

  return self->rows->len;
}

static Row *
get_row (ReadoutComparison *self,
         guint              row)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

/**
 * readout_comparison_dup_status_text:
 *
 * Returns: (transfer full): the row's status in words, for the page and the PDF: "Both
 *   sides" (or "Both sources"), "Only Russia"
 */
char *
readout_comparison_dup_status_text (ReadoutComparison *self,
                                    guint              row)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);

  switch (r->status)
    {
    case READOUT_COMPARISON_STATUS_A_ONLY:
    case READOUT_COMPARISON_STATUS_B_ONLY:
      /* Translators: a topic only one side (or source) mentioned, "Only Russia" */
      return g_strdup_printf (_("Only %s"), self->labels[r->status == READOUT_COMPARISON_STATUS_A_ONLY ? 0 : 1]);
    case READOUT_COMPARISON_STATUS_BOTH:
    default:
      /* Translators: a topic both compared sources mentioned */
      return g_strdup (self->of_sources ? _("Both sources") : _("Both sides"));
    }
}

/**
 * readout_comparison_get_row_topic:
 *
 * Returns: the topic's name; for the row of statements without a topic, "Other"
 *   translated
 */
const char *
readout_comparison_get_row_topic (ReadoutComparison *self,
                                  guint              row)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);

  return r->is_other ? _("Other") : r->topic;
}

gboolean
readout_comparison_get_row_is_other (ReadoutComparison *self,
                                     guint              row)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, FALSE);

  return r->is_other;
}

ReadoutComparisonStatus
readout_comparison_get_row_status (ReadoutComparison *self,
                                   guint              row)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, READOUT_COMPARISON_STATUS_BOTH);

  return r->status;
}

/**
 * readout_comparison_get_row_statements:
 *
 * Returns: (transfer none) (element-type ReadoutStatement): @side's statements in the
 *   row, in their original order; empty when the side does not mention the topic
 */
GPtrArray *
readout_comparison_get_row_statements (ReadoutComparison     *self,
                                       guint                  row,
                                       ReadoutComparisonSide  side)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, NULL);

  return r->statements[side];
}

/**
 * readout_comparison_get_row_references:
 *
 * Returns: (transfer none) (element-type ReadoutStatement): @side's statements that also
 *   have the row's topic but are shown in another row (see
 *   readout_comparison_dup_reference_text()); they count for the row's status and are
 *   never paired. Empty when @side has statements of its own in the row.
 */
GPtrArray *
readout_comparison_get_row_references (ReadoutComparison     *self,
                                       guint                  row,
                                       ReadoutComparisonSide  side)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, NULL);

  return r->references[side];
}

/* The first words of @text, up to READOUT_COMPARISON_EXCERPT_WORDS (or, in a script
 * without spaces, READOUT_COMPARISON_EXCERPT_CHARS characters), with "…" when it goes on:
 * enough to recognise the statement, short enough not to repeat it. */
static char *
excerpt (const char *text)
{
  const char *p = text != NULL ? text : "";
  guint words = 0;
  guint chars = 0;

  while (*p == ' ')
    p++;
  text = p;
  for (; *p != '\0'; p = g_utf8_next_char (p), chars++)
    if ((*p == ' ' && p[1] != ' ' && p[1] != '\0' && ++words == READOUT_COMPARISON_EXCERPT_WORDS)
        || (chars >= READOUT_COMPARISON_EXCERPT_CHARS && p[0] != ' '))
      return g_strdup_printf ("%.*s…", (int) (p - text), text);
  return g_strdup (text);
}

static const char *
home_topic (ReadoutComparison *self,
            ReadoutStatement  *statement)
{
  const Row *home = g_hash_table_lookup (self->homes, statement);

  return home != NULL ? home->topic : NULL;
}

/**
 * readout_comparison_dup_reference_text:
 * @index: into readout_comparison_get_row_references()
 *
 * Returns: (transfer full): where the reference is shown and its first words, "Also
 *   under Military aid: The leaders affirmed their commitment to…"
 */
char *
readout_comparison_dup_reference_text (ReadoutComparison     *self,
                                       guint                  row,
                                       ReadoutComparisonSide  side,
                                       guint                  index)
{
  GPtrArray *references = readout_comparison_get_row_references (self, row, side);
  ReadoutStatement *statement;
  g_autofree char *words = NULL;

  g_return_val_if_fail (references != NULL && index < references->len, NULL);

  statement = g_ptr_array_index (references, index);
  words = excerpt (readout_statement_get_text (statement));
  /* Translators: a statement shown in another row of the comparison, "Also under
   * Military aid: The leaders affirmed…" */
  return g_strdup_printf (_("Also under %s: %s"),
                          readout_display_topic (home_topic (self, statement)), words);
}

guint
readout_comparison_get_row_n_pairs (ReadoutComparison *self,
                                    guint              row)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, 0);

  return r->pairs->len;
}

/**
 * readout_comparison_get_row_pair:
 *
 * Returns: (transfer none): the pair, pairs being ordered by their statement of side A
 */
const ReadoutComparisonPair *
readout_comparison_get_row_pair (ReadoutComparison *self,
                                 guint              row,
                                 guint              pair)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (pair < r->pairs->len, NULL);

  return &g_array_index (r->pairs, ReadoutComparisonPair, pair);
}

/**
 * readout_comparison_find_pair:
 * @index: the index of a statement of @side in the row
 *
 * Returns: (transfer none) (nullable): the pair that statement is in, or %NULL when it
 *   stays unpaired (the other side said nothing like it)
 */
const ReadoutComparisonPair *
readout_comparison_find_pair (ReadoutComparison     *self,
                              guint                  row,
                              ReadoutComparisonSide  side,
                              guint                  index)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);

  for (guint i = 0; i < r->pairs->len; i++)
    {
      const ReadoutComparisonPair *pair = &g_array_index (r->pairs, ReadoutComparisonPair, i);

      if ((side == READOUT_COMPARISON_SIDE_A ? pair->index_a : pair->index_b) == index)
        return pair;
    }

  return NULL;
}

/**
 * readout_comparison_dup_statement_tags:
 * @statement: a statement of @row
 *
 * Returns: (transfer full): the statement's topics other than its row's, which it is
 *   shown with as tags; empty for a statement with one topic
 */
GStrv
readout_comparison_dup_statement_tags (ReadoutComparison *self,
                                       guint              row,
                                       ReadoutStatement  *statement)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (READOUT_IS_STATEMENT (statement), NULL);

  return tags_of (r, statement);
}

/**
 * readout_comparison_get_only_topics:
 *
 * Returns: (transfer none): the topics only @side mentioned, as a row's topic or as a
 *   statement's tag: rows' topics in row order, then the others
 */
const char * const *
readout_comparison_get_only_topics (ReadoutComparison     *self,
                                    ReadoutComparisonSide  side)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, NULL);

  return (const char * const *) self->only_topics[side];
}

/**
 * readout_comparison_get_distinctive_words:
 *
 * Returns: (transfer none): up to 8 words @side used markedly more than the other side,
 *   most distinctive first (stop-words and numbers left out)
 */
const char * const *
readout_comparison_get_distinctive_words (ReadoutComparison     *self,
                                          ReadoutComparisonSide  side)
{
  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side <= READOUT_COMPARISON_SIDE_B, NULL);

  return (const char * const *) self->distinctive[side];
}

const char *
readout_comparison_statement_source (ReadoutStatement *statement)
{
  const char *publisher = readout_statement_get_source_publisher (statement);

  if (publisher != NULL && *publisher != '\0')
    return publisher;
  return readout_statement_get_source_title (statement);
}

/* @shown_under: for a reference, the topic of the row the statement is shown in */
static void
add_statement_json (JsonBuilder      *builder,
                    ReadoutStatement *statement,
                    const char       *shown_under)
{
  const char * const *topics = readout_statement_get_topics (statement);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, readout_statement_get_text (statement));
  json_builder_set_member_name (builder, "speaker");
  json_builder_add_string_value (builder, readout_statement_get_speaker (statement));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, readout_comparison_statement_source (statement));
  json_builder_set_member_name (builder, "source_id");
  json_builder_add_int_value (builder, readout_statement_get_source_id (statement));
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    json_builder_add_string_value (builder, topics[i]);
  json_builder_end_array (builder);
  if (shown_under != NULL)
    {
      json_builder_set_member_name (builder, "shown_under");
      json_builder_add_string_value (builder, shown_under);
    }
  json_builder_end_object (builder);
}


static void
add_pair_json (JsonBuilder                 *builder,
               const ReadoutComparisonPair *pair,
               const char                  *text_a,
               const char                  *text_b)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_int_value (builder, pair->index_a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_int_value (builder, pair->index_b);
  json_builder_set_member_name (builder, "similarity");
  json_builder_add_double_value (builder, round (pair->similarity * 1000) / 1000);
  json_builder_set_member_name (builder, "diff");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pair->diff->len; i++)
    {
      const ReadoutWordDiffSpan *span = &g_array_index (pair->diff, ReadoutWordDiffSpan, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder,
                                     span->op == READOUT_WORD_DIFF_EQUAL ? "equal" :
                                     span->op == READOUT_WORD_DIFF_ONLY_A ? "only_a" : "only_b");
      if (span->op != READOUT_WORD_DIFF_ONLY_B)
        {
          g_autofree char *words = g_strndup (text_a + span->a_start, span->a_end - span->a_start);

          json_builder_set_member_name (builder, "a");
          json_builder_add_string_value (builder, words);
        }
      if (span->op != READOUT_WORD_DIFF_ONLY_A)
        {
          g_autofree char *words = g_strndup (text_b + span->b_start, span->b_end - span->b_start);

          json_builder_set_member_name (builder, "b");
          json_builder_add_string_value (builder, words);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * readout_comparison_to_json:
 *
 * The keys are those of `readout-cli compare --json`: call_id, side_a, side_b, rows (each
 * with topic, status, a, b, also_a, also_b and pairs; also_a and also_b are the row's
 * references, each with the topic of the row it is shown in as shown_under) and summary (only_a, only_b, and the distinctive
 * words as distinctive_a and distinctive_b). Row topics are not translated.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
readout_comparison_to_json (ReadoutComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "call_id");
  json_builder_add_int_value (builder, self->call_id);
  json_builder_set_member_name (builder, "side_a");
  json_builder_add_string_value (builder, self->labels[0]);
  json_builder_set_member_name (builder, "side_b");
  json_builder_add_string_value (builder, self->labels[1]);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "topic");
      json_builder_add_string_value (builder, row->topic);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     readout_enum_to_string (READOUT_TYPE_COMPARISON_STATUS, row->status));
      for (guint s = 0; s < 2; s++)
        {
          json_builder_set_member_name (builder, s == 0 ? "a" : "b");
          json_builder_begin_array (builder);
          for (guint i = 0; i < row->statements[s]->len; i++)
            add_statement_json (builder, g_ptr_array_index (row->statements[s], i), NULL);
          json_builder_end_array (builder);
        }
      for (guint s = 0; s < 2; s++)
        {
          json_builder_set_member_name (builder, s == 0 ? "also_a" : "also_b");
          json_builder_begin_array (builder);
          for (guint i = 0; i < row->references[s]->len; i++)
            {
              ReadoutStatement *statement = g_ptr_array_index (row->references[s], i);

              add_statement_json (builder, statement, home_topic (self, statement));
            }
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "pairs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < row->pairs->len; i++)
        {
          const ReadoutComparisonPair *pair = &g_array_index (row->pairs, ReadoutComparisonPair, i);

          add_pair_json (builder, pair,
                         readout_statement_get_text (g_ptr_array_index (row->statements[0], pair->index_a)),
                         readout_statement_get_text (g_ptr_array_index (row->statements[1], pair->index_b)));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  readout_json_add_strv (builder, "only_a", (const char * const *) self->only_topics[0]);
  readout_json_add_strv (builder, "only_b", (const char * const *) self->only_topics[1]);
  readout_json_add_strv (builder, "distinctive_a", (const char * const *) self->distinctive[0]);
  readout_json_add_strv (builder, "distinctive_b", (const char * const *) self->distinctive[1]);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

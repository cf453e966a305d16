// SPDX-License-Identifier: GPL-3.0-or-later
/* Benchmark of the comparison engine: two synthetic readouts of 300 words (a typical
 * call) and of 5,000 words, split into statements and tagged, compared end to end; and
 * `git diff --no-index --word-diff` on the same two texts as files, for scale.
 *
 * Run with `meson test --benchmark -C BUILDDIR` or directly; prints the figures. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "readout-comparison.h"
#include "readout-topic-tagger.h"

static const char * const function_words[] = {
  "the", "of", "and", "to", "in", "a", "on", "that", "with", "for", "was", "is", "by",
  "as", "at", "its", "their", "both", "which", "also",
};

static const char * const topic_words[] = {
  "Syria", "North Korea", "Ukraine", "terrorism", "trade", "sanctions", "Iran",
  "nuclear non-proliferation", "the Middle East", "a meeting",
};

/* Content words drawn with a Zipf-like law from a made-up vocabulary, with function
 * words between them and now and then a topic keyword, so the texts have the statistics
 * of prose without being anyone's prose. */
static void
append_sentence (GString *text,
                 GRand   *rand,
                 guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      double r = g_rand_double (rand);

      if (i > 0)
        g_string_append_c (text, ' ');

      if (r < 0.40)
        g_string_append (text, function_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (function_words))]);
      else if (r < 0.45)
        g_string_append (text, topic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (topic_words))]);
      else
        {
          guint rank = (guint) floor (pow (2000.0, g_rand_double (rand)));
          static const char * const syllables[] = { "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "pa" };

          if (i == 0)
            g_string_append (text, "Ve");
          do
            {
              g_string_append (text, syllables[rank % 10]);
              rank /= 10;
            }
          while (rank > 0);
        }
    }
  g_string_append (text, ". ");
}

/* Side B: A's sentences, some kept with small edits, some moved, some left out, and new
 * ones, like a second government's account of the same call. */
static void
make_texts (guint     n_words,
            GString **a,
            GString **b)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171121);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  guint words = 0;

  *a = g_string_new (NULL);
  *b = g_string_new (NULL);

  while (words < n_words)
    {
      g_autoptr(GString) sentence = g_string_new (NULL);
      guint length = g_rand_int_range (rand, 10, 31);

      append_sentence (sentence, rand, length);
      g_string_append (*a, sentence->str);
      g_ptr_array_add (sentences, g_string_free (g_steal_pointer (&sentence), FALSE));
      words += length;
    }

  for (guint i = 0; i < sentences->len; i++)
    {
      double r = g_rand_double (rand);
      guint k = (i * 7) % sentences->len;  /* a shuffled order */
      const char *sentence = g_ptr_array_index (sentences, r < 0.2 ? k : i);

      if (r < 0.5)
        g_string_append (*b, sentence);
      else if (r < 0.7)
        {
          g_auto(GStrv) split = g_strsplit (sentence, " ", -1);
          guint n = g_strv_length (split);
          g_autofree char *joined = NULL;

          /* Rewrite a few words. */
          for (guint j = 0; j + 1 < n; j++)
            if (g_rand_double (rand) < 0.2)
              {
                g_free (split[j]);
                split[j] = g_strdup (function_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (function_words))]);
              }
          joined = g_strjoinv (" ", split);
          g_string_append (*b, joined);
        }
      else if (r < 0.85)
        append_sentence (*b, rand, g_rand_int_range (rand, 10, 31));
      /* else: B leaves the sentence out */
    }
}

static ReadoutTopicTagger *
make_tagger (GPtrArray **names)
{
  ReadoutTopicTagger *tagger = readout_topic_tagger_new ();
  const char *keywords[][2] = {
    { "Syria", "syria*" }, { "North Korea", "north korea*" }, { "Ukraine", "ukrain*" },
    { "Terrorism", "terror*" }, { "Trade", "trade" }, { "Sanctions", "sanction*" },
    { "Iran", "iran*" }, { "Non-proliferation", "non-proliferation" },
    { "Middle East", "middle east" }, { "Meeting", "meeting" },
  };

  *names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      g_autoptr(ReadoutTopic) topic = readout_topic_new ();
      const char * const en[] = { keywords[i][1], NULL };

      readout_topic_set_name (topic, keywords[i][0]);
      readout_topic_set_keywords (topic, "en", en);
      readout_topic_tagger_add_topic (tagger, i, topic);
      g_ptr_array_add (*names, g_strdup (keywords[i][0]));
    }

  return tagger;
}

/* Splits a text into tagged statements, as import does. */
static GPtrArray *
make_statements (const char         *text,
                 ReadoutTopicTagger *tagger,
                 GPtrArray          *names)
{
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) sentences = g_strsplit (text, ". ", -1);

  for (guint i = 0; sentences[i] != NULL; i++)
    {
      g_autoptr(ReadoutStatement) statement = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
      g_auto(GStrv) topic_list = NULL;

      if (*sentences[i] == '\0')
        continue;

      statement = readout_statement_new ();
      readout_statement_set_text (statement, sentences[i]);
      readout_statement_set_speaker (statement, "Spokesperson");
      ids = readout_topic_tagger_tag (tagger, sentences[i]);
      for (guint k = 0; k < ids->len; k++)
        g_strv_builder_add (topics, g_ptr_array_index (names, g_array_index (ids, gint64, k)));
      topic_list = g_strv_builder_end (topics);
      readout_statement_set_topics (statement, (const char * const *) topic_list);
      g_ptr_array_add (statements, g_steal_pointer (&statement));
    }

  return statements;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Returns the median time in milliseconds of building (and rendering) the comparison. */
static double
time_comparison (GPtrArray *a,
                 GPtrArray *b,
                 guint      runs,
                 gboolean   render)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(ReadoutComparison) comparison = readout_comparison_new ("A", a, "B", b, NULL);
      double ms;

      if (render)
        {
          g_autofree char *text = readout_comparison_to_text (comparison, 100);
          g_autoptr(JsonNode) json = readout_comparison_to_json (comparison);

          g_assert_nonnull (text);
          g_assert_nonnull (json);
        }
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_assert_cmpuint (readout_comparison_get_n_rows (comparison), >, 0);
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* Milliseconds `git diff --no-index --word-diff` takes on the texts, or -1 without git. */
static double
time_git (const char *a,
          const char *b)
{
  g_autofree char *dir = g_dir_make_tmp ("readout-bench-XXXXXX", NULL);
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *git = g_find_program_in_path ("git");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double result = -1;

  if (dir == NULL || git == NULL)
    return -1;

  path_a = g_build_filename (dir, "a.txt", NULL);
  path_b = g_build_filename (dir, "b.txt", NULL);
  if (g_file_set_contents (path_a, a, -1, NULL) && g_file_set_contents (path_b, b, -1, NULL))
    {
      for (guint i = 0; i < 5; i++)
        {
          const char *argv[] = { git, "diff", "--no-index", "--word-diff", path_a, path_b, NULL };
          gint64 begin = g_get_monotonic_time ();
          double ms;

          if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, NULL, NULL, NULL, NULL))
            break;
          ms = (g_get_monotonic_time () - begin) / 1000.0;
          g_array_append_val (times, ms);
        }
      if (times->len > 0)
        {
          g_array_sort (times, compare_doubles);
          result = g_array_index (times, double, times->len / 2);
        }
    }

  g_unlink (path_a);
  g_unlink (path_b);
  g_rmdir (dir);
  return result;
}

static void
bench (guint               n_words,
       guint               runs,
       double              target_ms,
       ReadoutTopicTagger *tagger,
       GPtrArray          *names)
{
  GString *a = NULL, *b = NULL;
  g_autoptr(GPtrArray) statements_a = NULL;
  g_autoptr(GPtrArray) statements_b = NULL;
  double build_ms, full_ms, git_ms;

  make_texts (n_words, &a, &b);
  statements_a = make_statements (a->str, tagger, names);
  statements_b = make_statements (b->str, tagger, names);

  build_ms = time_comparison (statements_a, statements_b, runs, FALSE);
  full_ms = time_comparison (statements_a, statements_b, runs, TRUE);
  git_ms = time_git (a->str, b->str);

  g_print ("%5u words a side (%u and %u statements): comparison %.3f ms, with text and JSON %.3f ms (target %.0f ms: %s)\n",
           n_words, statements_a->len, statements_b->len, build_ms, full_ms, target_ms,
           build_ms <= target_ms ? "met" : "MISSED");
  if (git_ms >= 0)
    g_print ("%5u words a side: git diff --no-index --word-diff %.3f ms, %.1f× the comparison's time\n",
             n_words, git_ms, git_ms / build_ms);

  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(ReadoutTopicTagger) tagger = make_tagger (&names);

  bench (300, 51, 2.0, tagger, names);
  bench (5000, 11, 20.0, tagger, names);

  return 0;
}

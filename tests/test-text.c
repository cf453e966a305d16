// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-text.h"
#include "readout-topic-tagger.h"

/* Asserts the folded tokens of @text, and that each token's byte range in @text is the
 * original spelling given in @originals. */
static void
assert_tokens (const char         *text,
               const char * const *folded,
               const char * const *originals)
{
  g_autoptr(GArray) tokens = readout_text_tokenize (text, -1);

  g_assert_cmpuint (tokens->len, ==, g_strv_length ((char **) folded));
  for (guint i = 0; i < tokens->len; i++)
    {
      ReadoutToken *token = &g_array_index (tokens, ReadoutToken, i);
      g_autofree char *original = g_strndup (text + token->start, token->end - token->start);

      g_assert_cmpstr (token->folded, ==, folded[i]);
      g_assert_cmpstr (original, ==, originals[i]);
    }
}

static void
test_tokens_english (void)
{
  const char *text = "  The U.S. and al-Qaeda: don't stop—“Korea’s” 1,000 troops, 3.5%!";
  const char * const folded[] = {
    "the", "u", "s", "and", "al-qaeda", "don't", "stop", "korea's", "1,000", "troops", "3.5", NULL
  };
  const char * const originals[] = {
    "The", "U", "S", "and", "al-Qaeda", "don't", "stop", "Korea’s", "1,000", "troops", "3.5", NULL
  };
  g_autoptr(GArray) tokens = NULL;

  assert_tokens (text, folded, originals);

  tokens = readout_text_tokenize (text, -1);
  g_assert_true (g_array_index (tokens, ReadoutToken, 0).flags & READOUT_TOKEN_CAPITALISED);
  g_assert_true (g_array_index (tokens, ReadoutToken, 0).flags & READOUT_TOKEN_STOP_WORD);
  g_assert_true (g_array_index (tokens, ReadoutToken, 8).flags & READOUT_TOKEN_NUMBER);
  g_assert_false (g_array_index (tokens, ReadoutToken, 9).flags & READOUT_TOKEN_STOP_WORD);

  /* Trailing or doubled joiners are not part of a word. */
  {
    const char * const f2[] = { "north", "south", "rock", NULL };
    const char * const o2[] = { "north", "south", "rock", NULL };

    assert_tokens ("north--south 'rock'-", f2, o2);
  }
}

static void
test_tokens_cyrillic (void)
{
  const char *text = "Стороны обсудили ситуацию в Сирии, ЁЛКА и «Минские» договорённости.";
  const char * const folded[] = {
    "стороны", "обсудили", "ситуацию", "в", "сирии", "елка", "и", "минские", "договоренности", NULL
  };
  const char * const originals[] = {
    "Стороны", "обсудили", "ситуацию", "в", "Сирии", "ЁЛКА", "и", "Минские", "договорённости", NULL
  };

  assert_tokens (text, folded, originals);

  /* A decomposed й (и + combining breve) folds to the same word as the composed one. */
  {
    const char * const f2[] = { "мой", "край", NULL };
    const char * const o2[] = { "мой", "Кра\xd0\xb8\xcc\x86", NULL };

    assert_tokens ("мой Кра\xd0\xb8\xcc\x86", f2, o2);
  }
}

static void
test_tokens_cjk_rtl (void)
{
  {
    /* Each ideograph is a word; Latin words between them keep their offsets. */
    const char *text = "中国和Russia讨论了叙利亚。";
    const char * const folded[] = { "中", "国", "和", "russia", "讨", "论", "了", "叙", "利", "亚", NULL };
    const char * const originals[] = { "中", "国", "和", "Russia", "讨", "论", "了", "叙", "利", "亚", NULL };
    g_autoptr(GArray) tokens = readout_text_tokenize (text, -1);

    assert_tokens (text, folded, originals);
    g_assert_true (g_array_index (tokens, ReadoutToken, 0).flags & READOUT_TOKEN_IDEOGRAPH);
    g_assert_false (g_array_index (tokens, ReadoutToken, 3).flags & READOUT_TOKEN_IDEOGRAPH);
  }

  {
    /* Hebrew and Arabic (with a vowel mark) */
    const char *text = "שלום, עולם! مَرحبا";
    const char * const folded[] = { "שלום", "עולם", "مَرحبا", NULL };
    const char * const originals[] = { "שלום", "עולם", "مَرحبا", NULL };

    assert_tokens (text, folded, originals);
  }

  {
    /* Full-width Latin folds to ASCII (NFKC); ß case-folds to ss. */
    const char * const folded[] = { "ab", "strasse", NULL };
    const char * const originals[] = { "ＡＢ", "Straße", NULL };

    assert_tokens ("ＡＢ Straße", folded, originals);
  }
}

static void
test_tokens_empty (void)
{
  g_autoptr(GArray) empty = readout_text_tokenize ("", -1);
  g_autoptr(GArray) punctuation = readout_text_tokenize (" ,.-—!? ", -1);
  g_autoptr(GArray) null_text = readout_text_tokenize (NULL, -1);
  g_autoptr(GArray) counted = readout_text_tokenize ("one two three", 7);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punctuation->len, ==, 0);
  g_assert_cmpuint (null_text->len, ==, 0);
  g_assert_cmpuint (counted->len, ==, 2);
}

static void
test_fold (void)
{
  char buffer[8];
  g_autofree char *folded = readout_text_fold ("АЛЬ‑КАИДА", -1);

  g_assert_cmpstr (folded, ==, "аль-каида");

  /* Longer than the buffer: truncated, and the whole length is reported. */
  g_assert_cmpuint (readout_text_fold_to_buffer ("Washington", 10, buffer, sizeof buffer), ==, 10);
  g_assert_cmpstr (buffer, ==, "washing");
  g_assert_cmpuint (readout_text_fold_to_buffer ("Straße", strlen ("Straße"), buffer, sizeof buffer), ==, 7);
  g_assert_cmpstr (buffer, ==, "strasse");
}

static void
test_stop_words (void)
{
  g_assert_true (readout_text_is_stop_word ("the"));
  g_assert_true (readout_text_is_stop_word ("and"));
  g_assert_true (readout_text_is_stop_word ("и"));
  g_assert_true (readout_text_is_stop_word ("что"));
  g_assert_true (readout_text_is_stop_word ("ее")); /* "её", folded */
  g_assert_false (readout_text_is_stop_word ("syria"));
  g_assert_false (readout_text_is_stop_word ("сирия"));
  g_assert_false (readout_text_is_stop_word ("The")); /* only folded forms */
  g_assert_false (readout_text_is_stop_word (""));
}

static ReadoutTopic *
make_topic (const char         *name,
            const char * const *english,
            const char * const *russian)
{
  ReadoutTopic *topic = readout_topic_new ();

  readout_topic_set_name (topic, name);
  readout_topic_set_keywords (topic, "en", english);
  readout_topic_set_keywords (topic, "ru", russian);
  return topic;
}

static ReadoutTopicTagger *
make_tagger (void)
{
  ReadoutTopicTagger *tagger = readout_topic_tagger_new ();
  const char * const syria_en[] = { "syria*", NULL };
  const char * const syria_ru[] = { "сири*", NULL };
  const char * const korea_en[] = { "north korea*", "pyongyang", "dprk", NULL };
  const char * const korea_ru[] = { "кндр", "северн* коре*", NULL };
  const char * const terror_en[] = { "terror*", "isis", "al-qaeda", "taliban", NULL };
  const char * const terror_ru[] = { "террор*", "игил", NULL };
  const char * const trade_en[] = { "trade", "economic ties", NULL };
  const char * const trade_ru[] = { "торгов*", "экономическ* связ*", NULL };
  const char * const ukraine_en[] = { "ukrain*", "minsk", NULL };
  const char * const ukraine_ru[] = { "украин*", "минск*", NULL };
  g_autoptr(ReadoutTopic) syria = make_topic ("Syria", syria_en, syria_ru);
  g_autoptr(ReadoutTopic) korea = make_topic ("North Korea", korea_en, korea_ru);
  g_autoptr(ReadoutTopic) terror = make_topic ("Terrorism", terror_en, terror_ru);
  g_autoptr(ReadoutTopic) trade = make_topic ("Trade", trade_en, trade_ru);
  g_autoptr(ReadoutTopic) ukraine = make_topic ("Ukraine", ukraine_en, ukraine_ru);

  /* Added out of id order on purpose: the result must still be sorted. */
  readout_topic_tagger_add_topic (tagger, 5, ukraine);
  readout_topic_tagger_add_topic (tagger, 1, syria);
  readout_topic_tagger_add_topic (tagger, 2, korea);
  readout_topic_tagger_add_topic (tagger, 3, terror);
  readout_topic_tagger_add_topic (tagger, 4, trade);

  return tagger;
}

/* Asserts the topic ids (terminated by 0) that @text is tagged with. */
static void
assert_tags (ReadoutTopicTagger *tagger,
             const char         *text,
             const gint64       *expected)
{
  g_autoptr(GArray) result = readout_topic_tagger_tag (tagger, text);
  guint n = 0;

  while (expected[n] != 0)
    n++;

  if (result->len != n)
    g_error ("“%s”: %u topics, expected %u", text, result->len, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (result, gint64, i), ==, expected[i]);
}

static void
test_tagger_english (void)
{
  g_autoptr(ReadoutTopicTagger) tagger = make_tagger ();

  assert_tags (tagger, "They discussed the UN plans for peace in Syria.", (gint64[]) { 1, 0 });
  assert_tags (tagger, "the Syrian conflict", (gint64[]) { 1, 0 });
  assert_tags (tagger, "NORTH KOREA's missile programme and terrorism",
               (gint64[]) { 2, 3, 0 });
  assert_tags (tagger, "the North Korean regime", (gint64[]) { 2, 0 });
  /* A phrase needs its words in sequence. */
  assert_tags (tagger, "north of South Korea", (gint64[]) { 0 });
  assert_tags (tagger, "Korea in the north", (gint64[]) { 0 });
  /* Phrases may span line breaks and punctuation between words. */
  assert_tags (tagger, "strong economic\nties", (gint64[]) { 4, 0 });
  /* Hyphenated keywords, and parts of hyphenated words */
  assert_tags (tagger, "defeating al-Qaeda and the Taliban", (gint64[]) { 3, 0 });
  assert_tags (tagger, "defeating Al‑Qaeda", (gint64[]) { 3, 0 });
  assert_tags (tagger, "the anti-terrorist coalition", (gint64[]) { 3, 0 });
  /* Prefix keywords only match at the start of a word; exact ones only whole words. */
  assert_tags (tagger, "a presyrian asyria", (gint64[]) { 0 });
  assert_tags (tagger, "free trader", (gint64[]) { 0 });
  assert_tags (tagger, "Trade. Syria. Minsk. Pyongyang",
               (gint64[]) { 1, 2, 4, 5, 0 });
  /* Duplicates are reported once. */
  assert_tags (tagger, "Syria, Syria and Syrian", (gint64[]) { 1, 0 });
}

static void
test_tagger_russian (void)
{
  g_autoptr(ReadoutTopicTagger) tagger = make_tagger ();

  assert_tags (tagger, "Обсуждалась ситуация в Сирии.", (gint64[]) { 1, 0 });
  assert_tags (tagger, "урегулирование сирийского кризиса", (gint64[]) { 1, 0 });
  assert_tags (tagger, "ядерная проблема Северной Кореи", (gint64[]) { 2, 0 });
  assert_tags (tagger, "КНДР и борьба с терроризмом", (gint64[]) { 2, 3, 0 });
  assert_tags (tagger, "выполнение Минских договорённостей по Украине",
               (gint64[]) { 5, 0 });
  assert_tags (tagger, "взаимовыгодные торгово-экономические связи",
               (gint64[]) { 4, 0 });
  assert_tags (tagger, "налаживание экономических связей", (gint64[]) { 4, 0 });
  /* "несирийский" does not start with "сири" */
  assert_tags (tagger, "несирийский", (gint64[]) { 0 });
  assert_tags (tagger, "СИРИЯ", (gint64[]) { 1, 0 });
}

static void
test_tagger_empty (void)
{
  g_autoptr(ReadoutTopicTagger) tagger = make_tagger ();
  g_autoptr(ReadoutTopicTagger) no_topics = readout_topic_tagger_new ();
  g_autoptr(GArray) null_result = readout_topic_tagger_tag (tagger, NULL);
  g_autoptr(GArray) no_topics_result = readout_topic_tagger_tag (no_topics, "Syria");
  g_autoptr(ReadoutTopic) blank = readout_topic_new ();
  const char * const blank_keywords[] = { "", " * ", "—", NULL };

  assert_tags (tagger, "", (gint64[]) { 0 });
  assert_tags (tagger, " .,;!? ", (gint64[]) { 0 });
  assert_tags (tagger, "\xff\xfe Syria", (gint64[]) { 0 }); /* not UTF-8 */
  assert_tags (tagger, "中国和叙利亚", (gint64[]) { 0 });
  g_assert_nonnull (null_result);
  g_assert_cmpuint (null_result->len, ==, 0);
  g_assert_nonnull (no_topics_result);
  g_assert_cmpuint (no_topics_result->len, ==, 0);

  /* Keywords without a word in them are ignored rather than matching everything. */
  readout_topic_set_keywords (blank, "en", blank_keywords);
  readout_topic_tagger_add_topic (no_topics, 9, blank);
  assert_tags (no_topics, "anything at all", (gint64[]) { 0 });
}

static void
test_tagger_speed (void)
{
  g_autoptr(ReadoutTopicTagger) tagger = make_tagger ();
  g_autoptr(GString) text = g_string_new (NULL);
  const char *words[] = { "The", "presidents", "discussed", "bilateral", "relations", "and",
                          "the", "situation", "in", "Syria", "стороны", "обсудили",
                          "торгово-экономические", "связи", "North", "Korea's", "nuclear",
                          "programme", "Kremlin", "said" };
  guint n_words = 0;
  gint64 begin;
  double per_word;

  /* A timing, not a check: it runs with -m perf (`_build/tests/test-text -m perf`), so a
   * loaded machine or a sanitizer build cannot fail the suite. */
  if (!g_test_perf ())
    {
      g_test_skip ("a timing: run with -m perf");
      return;
    }

  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (text, "%s ", words[(i * 7) % G_N_ELEMENTS (words)]);
      n_words++;
    }

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GArray) result = readout_topic_tagger_tag (tagger, text->str);

      g_assert_cmpuint (result->len, >, 0);
    }
  per_word = (double) (g_get_monotonic_time () - begin) / (20000.0 * n_words);
  /* The goal is 2 µs a word. */
  g_test_minimized_result (per_word, "tagging: %.3f µs per word", per_word);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/tokens/english", test_tokens_english);
  g_test_add_func ("/text/tokens/cyrillic", test_tokens_cyrillic);
  g_test_add_func ("/text/tokens/cjk-rtl", test_tokens_cjk_rtl);
  g_test_add_func ("/text/tokens/empty", test_tokens_empty);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/stop-words", test_stop_words);
  g_test_add_func ("/text/tagger/english", test_tagger_english);
  g_test_add_func ("/text/tagger/russian", test_tagger_russian);
  g_test_add_func ("/text/tagger/empty", test_tagger_empty);
  g_test_add_func ("/text/tagger/speed", test_tagger_speed);

  return g_test_run ();
}

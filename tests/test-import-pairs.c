// SPDX-License-Identifier: GPL-3.0-or-later
/* Both governments' readouts of one call make one call (issue 11): the pairs of
 * tests/fixtures/pairs, written in our own words after the forms of real readouts, are
 * each imported into a fresh store, one text after the other; and the matcher's rules
 * one by one: a leader named in passing, a date a day off, the user's choice. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "readout-importer.h"
#include "readout-test-util.h"

static char *
pairs_dir (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  return g_build_filename (srcdir != NULL ? srcdir : ".", "fixtures", "pairs", NULL);
}

/* Extracts @path, matches it against the store and files it; the number of new calls. */
static guint
import_file (ReadoutImporter *importer,
             const char      *path)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction = readout_importer_extract_file (importer, path, &error);
  guint n_calls = 0, n_sources = 0;

  g_assert_no_error (error);
  readout_importer_match (importer, extraction);
  g_ptr_array_add (extractions, extraction);
  g_assert_true (readout_importer_file (importer, extractions, &n_calls, &n_sources, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources, ==, 1);
  return n_calls;
}

static gboolean
has_participant (ReadoutCall *call,
                 const char  *surname)
{
  const char * const *names = readout_call_get_participant_names (call);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (strstr (names[i], surname) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_side (ReadoutStore *store,
          ReadoutCall  *call,
          const char   *side)
{
  g_autoptr(GListModel) sources = readout_store_list_sources (store, readout_call_get_id (call));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (readout_source_get_side (source), side) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Checks the store against NN.expect: "date D", "participant SURNAME CC", "side CC". */
static void
check_expect (ReadoutStore *store,
              const char   *expect_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (expect_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  call = g_list_model_get_item (calls, 0);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);

      if (words[0] == NULL || words[1] == NULL || words[0][0] == '#')
        continue;
      if (g_str_equal (words[0], "date"))
        g_assert_cmpstr (readout_call_get_date (call), ==, words[1]);
      else if (g_str_equal (words[0], "participant"))
        g_assert_true (has_participant (call, words[1]));
      else if (g_str_equal (words[0], "side"))
        g_assert_true (has_side (store, call, words[1]));
    }
}

static void
test_pairs (void)
{
  g_autofree char *dir = pairs_dir ();
  guint n_pairs = 0;

  for (guint n = 1; n <= 99; n++)
    {
      g_autofree char *expect = g_strdup_printf ("%s/%02u.expect", dir, n);
      g_autofree char *a = g_strdup_printf ("%s/%02u-a.txt", dir, n);
      g_autofree char *b = g_strdup_printf ("%s/%02u-b.txt", dir, n);
      g_autofree char *folder = NULL;
      g_autoptr(ReadoutStore) store = NULL;
      g_autoptr(ReadoutImporter) importer = NULL;

      if (!g_file_test (expect, G_FILE_TEST_EXISTS))
        continue;
      g_test_message ("pair %02u", n);
      folder = readout_test_make_folder ();
      store = readout_test_open_store (folder, "pairs.db");
      importer = readout_importer_new (store);
      g_assert_cmpuint (import_file (importer, a), ==, 1);
      g_assert_cmpuint (import_file (importer, b), ==, 0);
      check_expect (store, expect);
      n_pairs++;
      g_clear_object (&importer);
      g_clear_object (&store);
      readout_test_remove_folder (folder);
    }
  g_assert_cmpuint (n_pairs, >=, 6);
}

/* The White House's readout of pair 04, extracted, with the leader it names in passing
 * put first among the participants, as an extractor that took him for one would. */
static ReadoutExtraction *
extract_with_passer_by (ReadoutImporter *importer)
{
  g_autofree char *dir = pairs_dir ();
  g_autofree char *path = g_build_filename (dir, "04-a.txt", NULL);
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction = readout_importer_extract_file (importer, path, &error);
  ReadoutExtractedCall *call;

  g_assert_no_error (error);
  call = g_ptr_array_index (extraction->calls, 0);
  g_ptr_array_insert (call->participants, 0, readout_extracted_participant_new ("Fumio Kishida", "JP"));
  return extraction;
}

static void
test_third_leader (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
  g_autoptr(ReadoutImporter) importer = readout_importer_new (store);
  g_autofree char *dir = pairs_dir ();
  g_autofree char *b = g_build_filename (dir, "04-b.txt", NULL);
  g_autoptr(ReadoutLeader) kishida = readout_test_add_leader (store, "Fumio Kishida", "JP");
  g_autoptr(ReadoutExtraction) extraction = NULL;
  ReadoutExtractedCall *call;
  gint64 stored_id;

  g_assert_cmpuint (import_file (importer, b), ==, 1);
  {
    g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);
    g_autoptr(ReadoutCall) stored = g_list_model_get_item (calls, 0);

    stored_id = readout_call_get_id (stored);
  }

  extraction = extract_with_passer_by (importer);
  readout_importer_match (importer, extraction);
  call = g_ptr_array_index (extraction->calls, 0);
  g_assert_cmpint (call->matches_call_id, ==, stored_id);

  g_clear_object (&importer);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* The review's choice: another call, or a new one, stands when matching runs again (as
 * it does inside the filing transaction); the candidates it offers are within three days. */
static void
test_chosen_match (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
  g_autoptr(ReadoutImporter) importer = readout_importer_new (store);
  g_autofree char *dir = pairs_dir ();
  g_autofree char *a = g_build_filename (dir, "03-a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "03-b.txt", NULL);
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction;
  ReadoutExtractedCall *call;
  guint n_calls = 0;

  g_assert_cmpuint (import_file (importer, a), ==, 1);
  extraction = readout_importer_extract_file (importer, b, &error);
  g_assert_no_error (error);
  g_ptr_array_add (extractions, extraction);
  call = g_ptr_array_index (extraction->calls, 0);

  readout_importer_match (importer, extraction);
  g_assert_cmpint (call->matches_call_id, >, 0);
  candidates = readout_importer_list_candidates (importer, call);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpint (readout_call_get_id (g_ptr_array_index (candidates, 0)), ==, call->matches_call_id);

  call->matches_call_id = 0;
  call->match_chosen = TRUE;
  readout_importer_match (importer, extraction);
  g_assert_cmpint (call->matches_call_id, ==, 0);
  g_assert_true (readout_importer_file (importer, extractions, &n_calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls, ==, 1);
  calls = readout_store_list_calls (store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 2);

  g_clear_object (&importer);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Two governments' accounts of one call, in our own words: the White House names the
 * day ("today", in a text of 2 January); the Ukrainian text names the next day, or no
 * day at all, only its own date. */
static const char white_house_text[] =
  "Readout of President Biden's Call with President Zelenskyy of Ukraine\n"
  "The White House\n"
  "January 2, 2022\n"
  "President Biden spoke today with President Zelenskyy of Ukraine. The leaders discussed "
  "diplomacy and the security of Europe.\n";
static const char ukraine_next_day_text[] =
  "Zelenskyy had a telephone conversation with Biden\n"
  "4 January 2022\n"
  "On 3 January, President of Ukraine Volodymyr Zelenskyy had a telephone conversation with "
  "U.S. President Joseph Biden. The parties discussed the situation near the borders of our state.\n";
static const char ukraine_undated_text[] =
  "Zelenskyy had a telephone conversation with Biden\n"
  "3 January 2022\n"
  "President of Ukraine Volodymyr Zelenskyy had a telephone conversation with "
  "U.S. President Joseph Biden. The parties discussed the situation near the borders of our state.\n";

/* Writes @text to @name in @folder and extracts it. */
static ReadoutExtraction *
extract_text (ReadoutImporter *importer,
              const char      *folder,
              const char      *name,
              const char      *text)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  extraction = readout_importer_extract_file (importer, path, &error);
  g_assert_no_error (error);
  return extraction;
}

/* Files the texts @texts (NULL-terminated, with @names) one import each, or all in one
 * when @together; returns the one call they make. */
static ReadoutCall *
file_texts (ReadoutStore       *store,
            const char         *folder,
            const char * const *names,
            const char * const *texts,
            gboolean            together)
{
  g_autoptr(ReadoutImporter) importer = readout_importer_new (store);
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      ReadoutExtraction *extraction = extract_text (importer, folder, names[i], texts[i]);

      readout_importer_match (importer, extraction);
      g_ptr_array_add (extractions, extraction);
      if (!together || texts[i + 1] == NULL)
        {
          g_assert_true (readout_importer_file (importer, extractions, NULL, NULL, &error));
          g_assert_no_error (error);
          g_ptr_array_set_size (extractions, 0);
        }
    }
  calls = readout_store_list_calls (store, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  return g_list_model_get_item (calls, 0);
}

/* The id of the source of @call that @publisher published. */
static gint64
source_of (ReadoutStore *store,
           ReadoutCall  *call,
           const char   *publisher)
{
  g_autoptr(GListModel) sources = readout_store_list_sources (store, readout_call_get_id (call));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (readout_source_get_publisher (source), publisher) == 0)
        return readout_source_get_id (source);
    }
  g_assert_not_reached ();
}

/* A text that disagrees with the stored call on the day: each claim of the conflict
 * cites the source it came from, the stored call's the text that gave its day, whether
 * the texts come in two imports or in one. */
static void
test_conflict_sources (void)
{
  const char *names[] = { "white-house.txt", "ukraine.txt", NULL };
  const char *texts[] = { white_house_text, ukraine_next_day_text, NULL };

  for (int together = 0; together <= 1; together++)
    {
      g_autofree char *folder = readout_test_make_folder ();
      g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
      g_autoptr(ReadoutCall) call = file_texts (store, folder, names, texts, together);
      g_autoptr(GListModel) conflicts = readout_store_list_conflicts (store, readout_call_get_id (call));
      g_autoptr(ReadoutConflict) conflict = NULL;

      g_assert_cmpstr (readout_call_get_date (call), ==, "2022-01-02");
      g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
      conflict = g_list_model_get_item (conflicts, 0);
      g_assert_cmpstr (readout_conflict_get_field (conflict), ==, "date");
      g_assert_cmpuint (readout_conflict_get_n_claims (conflict), ==, 2);
      g_assert_cmpstr (readout_conflict_get_claim_value (conflict, 0), ==, "2022-01-02");
      g_assert_cmpint (readout_conflict_get_claim_source_id (conflict, 0), ==, source_of (store, call, "White House"));
      g_assert_cmpstr (readout_conflict_get_claim_source_publisher (conflict, 0), ==, "White House");
      g_assert_cmpstr (readout_conflict_get_claim_value (conflict, 1), ==, "2022-01-03");
      g_assert_cmpint (readout_conflict_get_claim_source_id (conflict, 1), ==,
                       source_of (store, call, "Office of the President of Ukraine"));
      g_clear_object (&store);
      readout_test_remove_folder (folder);
    }
}

/* A day known only from a text's own date (published the morning after) is "on or
 * before" evidence: in either order, in one import or two, the day the other text names
 * is the call's, and there is no conflict. */
static void
test_published_date_yields (void)
{
  const char *names[] = { "white-house.txt", "ukraine.txt", NULL };
  const char *texts[] = { white_house_text, ukraine_undated_text, NULL };
  const char *names_reversed[] = { "ukraine.txt", "white-house.txt", NULL };
  const char *texts_reversed[] = { ukraine_undated_text, white_house_text, NULL };

  for (guint run = 0; run < 4; run++)
    {
      g_autofree char *folder = readout_test_make_folder ();
      g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
      gboolean reversed = run % 2 == 1;
      g_autoptr(ReadoutCall) call = file_texts (store, folder, reversed ? names_reversed : names,
                                                reversed ? texts_reversed : texts, run >= 2);
      g_autoptr(GListModel) conflicts = readout_store_list_conflicts (store, readout_call_get_id (call));

      g_test_message ("run %u", run);
      g_assert_cmpstr (readout_call_get_date (call), ==, "2022-01-02");
      g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 0);
      g_clear_object (&store);
      readout_test_remove_folder (folder);
    }
}

/* A text that does not say who published it is filed under no publisher: not its file's
 * name (which the CLI has and the window's review does not show), nor an empty one, which
 * is what the review gives when its Publisher field is left empty. */
static void
test_unknown_publisher (void)
{
  static const char text[] =
    "Putin and Trump talk by phone\n"
    "Russian President Vladimir Putin had a telephone conversation with US President Donald Trump. "
    "The leaders discussed the situation in Syria.\n";

  for (int emptied = 0; emptied <= 1; emptied++)
    {
      g_autofree char *folder = readout_test_make_folder ();
      g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "pairs.db");
      g_autoptr(ReadoutImporter) importer = readout_importer_new (store);
      g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
      g_autoptr(GListModel) calls = NULL;
      g_autoptr(ReadoutCall) call = NULL;
      g_autoptr(GListModel) sources = NULL;
      g_autoptr(ReadoutSource) source = NULL;
      g_autoptr(GError) error = NULL;
      ReadoutExtraction *extraction;

      readout_extractor_set_fallback_date (readout_importer_get_extractor (importer), "2017-01-28");
      extraction = extract_text (importer, folder, "000_43bc02b21b3e2524.txt", text);
      g_assert_null (extraction->publisher);
      if (emptied)
        extraction->publisher = g_strdup ("");
      g_ptr_array_add (extractions, extraction);
      g_assert_true (readout_importer_file (importer, extractions, NULL, NULL, &error));
      g_assert_no_error (error);
      calls = readout_store_list_calls (store, 0, 0);
      call = g_list_model_get_item (calls, 0);
      sources = readout_store_list_sources (store, readout_call_get_id (call));
      source = g_list_model_get_item (sources, 0);
      g_assert_cmpstr (readout_source_get_publisher (source), ==, "Unknown publisher");
      g_clear_object (&importer);
      g_clear_object (&store);
      readout_test_remove_folder (folder);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pairs/fixtures", test_pairs);
  g_test_add_func ("/import-pairs/third-leader", test_third_leader);
  g_test_add_func ("/import-pairs/chosen-match", test_chosen_match);
  g_test_add_func ("/import-pairs/conflict-sources", test_conflict_sources);
  g_test_add_func ("/import-pairs/published-date-yields", test_published_date_yields);
  g_test_add_func ("/import-pairs/unknown-publisher", test_unknown_publisher);

  return g_test_run ();
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* A text without a date that names the call's day only as "on Saturday" or "yesterday"
 * (issue 11): dated by the other texts of the same import where exactly one day fits,
 * else by the stored calls of the same leaders, else the import asks for the date. The
 * texts are tests/fixtures/undated, in our own words. */
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-importer.h"
#include "readout-test-util.h"
#include "readout-undated.h"

typedef struct {
  char            *folder;
  ReadoutStore    *store;
  ReadoutImporter *importer;
  GPtrArray       *extractions;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = readout_test_make_folder ();
  f->store = readout_test_open_store (f->folder, "undated.db");
  f->importer = readout_importer_new (f->store);
  f->extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  /* The fixtures are of June 2023: "today" is a few days after their calls. */
  readout_extractor_set_today (readout_importer_get_extractor (f->importer), "2023-06-15");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->extractions);
  g_object_unref (f->importer);
  g_object_unref (f->store);
  readout_test_remove_folder (f->folder);
  g_free (f->folder);
}

/* Reads fixture @name into the import; its extraction. */
static ReadoutExtraction *
add_text (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "undated", name, NULL);
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction = readout_importer_extract_file (f->importer, path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (extraction->calls->len, ==, 1);
  g_ptr_array_add (f->extractions, extraction);
  return extraction;
}

static ReadoutExtractedCall *
first_call (ReadoutExtraction *extraction)
{
  return g_ptr_array_index (extraction->calls, 0);
}

/* Resolves and matches the import as `readout-cli import` does. */
static void
resolve (Fixture *f)
{
  readout_undated_resolve (f->importer, f->extractions);
  for (guint i = 0; i < f->extractions->len; i++)
    readout_importer_match (f->importer, g_ptr_array_index (f->extractions, i));
}

static gboolean
file (Fixture  *f,
      guint    *n_calls,
      guint    *n_sources,
      GError  **error)
{
  gboolean ok = readout_importer_file (f->importer, f->extractions, n_calls, n_sources, error);

  g_ptr_array_set_size (f->extractions, 0);
  return ok;
}

static guint
count_calls (ReadoutStore *store)
{
  g_autoptr(GListModel) calls = readout_store_list_calls (store, 0, 0);

  return g_list_model_get_n_items (calls);
}

/* Without the import or the store, the text names the day but not which one. */
static void
test_extraction_keeps_weekday (Fixture       *f,
                               gconstpointer  data)
{
  ReadoutExtractedCall *saturday = first_call (add_text (f, "pmo-saturday.txt"));
  ReadoutExtractedCall *yesterday = first_call (add_text (f, "pmo-yesterday.txt"));

  g_assert_null (saturday->date);
  g_assert_cmpint (saturday->day_weekday, ==, G_DATE_SATURDAY);
  g_assert_false (saturday->has_day_offset);
  g_assert_null (yesterday->date);
  g_assert_cmpint (yesterday->day_weekday, ==, 0);
  g_assert_true (yesterday->has_day_offset);
  g_assert_cmpint (yesterday->day_offset, ==, -1);
}

/* One dated text of the same leaders in the import: its Saturday. Filed, one call with
 * both texts as sources. Either text may come first (@data: 1 when the undated one does). */
static void
test_import_fits_one (Fixture       *f,
                      gconstpointer  data)
{
  gboolean undated_first = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  ReadoutExtractedCall *undated;
  guint n_calls = 0, n_sources = 0;

  if (!undated_first)
    add_text (f, "kantei-0610.txt");
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  if (undated_first)
    add_text (f, "kantei-0610.txt");
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-10");
  g_assert_cmpint (undated->date_from, ==, READOUT_DATE_FROM_IMPORT);
  g_assert_true (file (f, &n_calls, &n_sources, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls, ==, 1);
  g_assert_cmpuint (n_sources, ==, 2);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
}

/* "Yesterday" in an undated text: the dated text's call itself. */
static void
test_import_fits_yesterday (Fixture       *f,
                            gconstpointer  data)
{
  ReadoutExtractedCall *undated;

  add_text (f, "kantei-0610.txt");
  undated = first_call (add_text (f, "pmo-yesterday.txt"));
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-10");
  g_assert_cmpint (undated->date_from, ==, READOUT_DATE_FROM_IMPORT);
}

/* Two dated texts of the same leaders on two Saturdays: the import asks, files nothing. */
static void
test_import_fits_two (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadoutExtractedCall *undated;
  ReadoutExtraction *extraction;
  guint n_calls = 0;

  add_text (f, "kantei-0610.txt");
  add_text (f, "kantei-0603.txt");
  extraction = add_text (f, "pmo-saturday.txt");
  undated = first_call (extraction);
  resolve (f);
  g_assert_null (undated->date);
  g_assert_cmpuint (undated->day_fits, ==, 2);
  g_assert_false (readout_importer_check_call (f->importer, extraction, 0, &error));
  g_assert_nonnull (strstr (error->message, "pmo-saturday.txt"));
  g_assert_nonnull (strstr (error->message, "2 days fit"));
  g_clear_error (&error);
  g_assert_false (file (f, &n_calls, NULL, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND);
  g_assert_cmpuint (count_calls (f->store), ==, 0);
}

/* A call of the import on that weekday wins over the weekday in another text's week: a
 * call of Tuesday 20 June would also offer Saturday 17 June, where no call is known. */
static void
test_import_call_before_week (Fixture       *f,
                              gconstpointer  data)
{
  ReadoutExtractedCall *undated;

  add_text (f, "kantei-0610.txt");
  add_text (f, "kantei-0620.txt");
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-10");
  g_assert_cmpuint (undated->day_fits, ==, 1);

  /* With only the Tuesday call, its week's Saturday is the one day that fits. */
  g_ptr_array_set_size (f->extractions, 0);
  add_text (f, "kantei-0620.txt");
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-17");
}

/* Nothing in the import or the store: the import asks, and says it looked. */
static void
test_fits_none (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReadoutExtraction *extraction = add_text (f, "pmo-saturday.txt");

  resolve (f);
  g_assert_null (first_call (extraction)->date);
  g_assert_cmpuint (first_call (extraction)->day_fits, ==, 0);
  g_assert_false (readout_importer_check_call (f->importer, extraction, 0, &error));
  g_assert_nonnull (strstr (error->message, "no other text of this import"));
}

/* Files @name on its own, as an earlier import. */
static void
store_text (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;

  add_text (f, name);
  resolve (f);
  g_assert_true (file (f, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The stored call of the same leaders on the one Saturday of the last two weeks: its
 * date, its match, and filing adds the text to it rather than a second call. */
static void
test_store_fits_one (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(ReadoutCall) stored = NULL;
  g_autoptr(GListModel) sources = NULL;
  ReadoutExtractedCall *undated;
  guint n_calls = 0, n_sources = 0;

  store_text (f, "kantei-0610.txt");
  calls = readout_store_list_calls (f->store, 0, 0);
  stored = g_list_model_get_item (calls, 0);
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-10");
  g_assert_cmpint (undated->date_from, ==, READOUT_DATE_FROM_STORE);
  g_assert_cmpint (undated->matches_call_id, ==, readout_call_get_id (stored));
  g_assert_true (file (f, &n_calls, &n_sources, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls, ==, 0);
  g_assert_cmpuint (n_sources, ==, 1);
  g_assert_cmpuint (count_calls (f->store), ==, 1);
  sources = readout_store_list_sources (f->store, readout_call_get_id (stored));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
}

/* Two stored Saturdays of the same leaders within two weeks: the import asks. */
static void
test_store_fits_two (Fixture       *f,
                     gconstpointer  data)
{
  ReadoutExtractedCall *undated;

  store_text (f, "kantei-0610.txt");
  store_text (f, "kantei-0603.txt");
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  resolve (f);
  g_assert_null (undated->date);
  g_assert_cmpuint (undated->day_fits, ==, 2);
}

/* A stored call older than two weeks, or on another weekday, does not fit. */
static void
test_store_fits_none (Fixture       *f,
                      gconstpointer  data)
{
  ReadoutExtractor *extractor = readout_importer_get_extractor (f->importer);
  ReadoutExtractedCall *undated;

  store_text (f, "kantei-0610.txt");
  readout_extractor_set_today (extractor, "2023-06-30");
  undated = first_call (add_text (f, "pmo-saturday.txt"));
  resolve (f);
  g_assert_null (undated->date);
  g_assert_cmpuint (undated->day_fits, ==, 0);

  /* Within the window but a Saturday is not a Friday. */
  readout_extractor_set_today (extractor, "2023-06-15");
  undated->day_weekday = G_DATE_FRIDAY;
  resolve (f);
  g_assert_null (undated->date);
}

/* Resolving again follows the import as it grows; a date the user gave stays. */
static void
test_resolve_again (Fixture       *f,
                    gconstpointer  data)
{
  ReadoutExtractedCall *undated = first_call (add_text (f, "pmo-saturday.txt"));

  add_text (f, "kantei-0610.txt");
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-10");
  add_text (f, "kantei-0603.txt");
  resolve (f);
  g_assert_null (undated->date);

  undated->date = g_strdup ("2023-06-03");
  undated->date_from = READOUT_DATE_FROM_TEXT;
  resolve (f);
  g_assert_cmpstr (undated->date, ==, "2023-06-03");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/undated/extraction-keeps-weekday", test_extraction_keeps_weekday);
  ADD ("/import/undated/import-fits-one", test_import_fits_one);
  g_test_add ("/import/undated/import-fits-one-undated-first", Fixture, GUINT_TO_POINTER (1),
              fixture_set_up, test_import_fits_one, fixture_tear_down);
  ADD ("/import/undated/import-fits-yesterday", test_import_fits_yesterday);
  ADD ("/import/undated/import-fits-two", test_import_fits_two);
  ADD ("/import/undated/import-call-before-week", test_import_call_before_week);
  ADD ("/import/undated/fits-none", test_fits_none);
  ADD ("/import/undated/store-fits-one", test_store_fits_one);
  ADD ("/import/undated/store-fits-two", test_store_fits_two);
  ADD ("/import/undated/store-fits-none", test_store_fits_none);
  ADD ("/import/undated/resolve-again", test_resolve_again);
#undef ADD

  return g_test_run ();
}

// SPDX-License-Identifier: GPL-3.0-or-later
/* Tests of the comparison of a stored call (readout-call-comparison), the PDF layout and
 * export (readout-pdf-layout) and `readout-cli compare` / `export-pdf`. The PDFs are
 * checked with poppler-utils (pdfinfo, pdffonts, pdftotext); without them those checks
 * skip. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pdf-fixture.h"
#include "readout-call-comparison.h"
#include "readout-error.h"
#include "readout-pdf-layout.h"
#include "readout-sample.h"

/* Helpers ------------------------------------------------------------------------- */

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("readout-test-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static ReadoutStore *
open_sample (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "sample.db", NULL);
  g_autoptr(ReadoutStore) store = readout_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  return pdfinfo != NULL && pdffonts != NULL && pdftotext != NULL;
}

/* Runs a program, asserts it exits 0, returns its standard output. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

/* The text without any white space, so that a phrase wrapped across lines is found, and
 * without hyphens: pdftotext joins a word broken after its hyphen ("high-" / "level")
 * into "highlevel". */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_pdf_info (const char *path,
                 const char *title_part,
                 guint       min_pages)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  g_autofree char *pages_line = NULL;
  const char *pages = strstr (info, "\nPages:");
  const char *title = strstr (info, "Title:");

  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, title_part));
  g_assert_nonnull (strstr (info, "Creator:         Readout"));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10), >=, min_pages);
}

/* Every font is embedded: the "emb" column of pdffonts says yes on each line. */
static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = run (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      /* name type encoding emb sub uni object ID, columns separated by runs of spaces:
       * count from the end, where the columns are single words. */
      n = g_strv_length (fields);
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint f = 0; f < n; f++)
          if (fields[f][0] != '\0')
            g_ptr_array_add (words, fields[f]);
        g_assert_cmpuint (words->len, >=, 7);
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Builds and exports a comparison, then checks that every row's topic comes out in row
 * order with the text of both columns. */
static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* How many rows refer to @statement, shown in another */
static guint
count_references (ReadoutComparison *comparison,
                  ReadoutStatement  *statement)
{
  guint n = 0;

  for (guint row = 0; row < readout_comparison_get_n_rows (comparison); row++)
    for (guint s = 0; s < 2; s++)
      n += g_ptr_array_find (readout_comparison_get_row_references (comparison, row, s), statement, NULL);
  return n;
}

static void
check_comparison_pdf (ReadoutStore      *store,
                      ReadoutComparison *comparison,
                      const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *cursor;
  guint n_rows = readout_comparison_get_n_rows (comparison);

  g_assert_true (readout_pdf_export_comparison (store, comparison, READOUT_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  assert_pdf_info (path, "Call between", 1);
  assert_fonts_embedded (path);

  text = pdf_text (path);
  flat = squeeze (text);
  cursor = flat;
  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *topic = squeeze (readout_comparison_get_row_topic (comparison, row));
      const char *found = strstr (cursor, topic);

      if (found == NULL)
        g_error ("topic “%s” of row %u missing or out of order", topic, row);
      cursor = found + strlen (topic);

      for (guint s = 0; s < 2; s++)
        {
          GPtrArray *statements = readout_comparison_get_row_statements (comparison, row, s);

          for (guint i = 0; statements != NULL && i < statements->len; i++)
            {
              g_autofree char *want = squeeze (readout_statement_get_text (g_ptr_array_index (statements, i)));

              /* A long statement may go on past a page's footer: look for its start. */
              if (strlen (want) > 60)
                want[g_utf8_find_prev_char (want, want + 60) - want] = '\0';
              if (strstr (flat, want) == NULL)
                g_error ("statement text “%s” (row %u, side %u) missing", want, row, s);
              /* A statement of several topics is printed once, not under each: the rows
               * of its other topics quote only its first words, in a reference. */
              if (count_occurrences (flat, want) > 1 + count_references (comparison, g_ptr_array_index (statements, i)))
                g_error ("statement text “%s” (row %u, side %u) printed twice", want, row, s);
            }
          for (guint i = 0; i < readout_comparison_get_row_references (comparison, row, s)->len; i++)
            {
              g_autofree char *reference = readout_comparison_dup_reference_text (comparison, row, s, i);
              g_autofree char *want = squeeze (reference);

              if (strlen (want) > 40)
                want[g_utf8_find_prev_char (want, want + 40) - want] = '\0';
              if (strstr (flat, want) == NULL)
                g_error ("reference “%s” (row %u, side %u) missing", want, row, s);
            }
        }
    }
}

/* Comparison of stored calls ------------------------------------------------------ */

static void
test_call_comparison_sample (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(ReadoutStore) store = open_sample (folder);
  g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "Putin");
  g_autoptr(ReadoutLeader) putin = g_list_model_get_item (leaders, 0);
  g_autoptr(GListModel) calls = readout_store_list_calls (store, readout_leader_get_id (putin), 0);
  gboolean found_nov = FALSE;

  g_assert_nonnull (putin);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);
      g_autoptr(ReadoutComparison) comparison = NULL;
      g_autoptr(ReadoutComparison) swapped = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (readout_call_get_date (call), "2017-11-21") != 0)
        continue;
      found_nov = TRUE;

      comparison = readout_call_comparison_new (store, readout_call_get_id (call), NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_A), ==, "United States");
      g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_B), ==, "Russia");
      g_assert_cmpint (readout_comparison_get_call_id (comparison), ==, readout_call_get_id (call));
      for (guint row = 0; row < readout_comparison_get_n_rows (comparison); row++)
        if (g_strcmp0 (readout_comparison_get_row_topic (comparison, row), "Ukraine") == 0)
          g_assert_cmpint (readout_comparison_get_row_status (comparison, row), ==,
                           READOUT_COMPARISON_STATUS_BOTH);

      /* Lower case codes are accepted, and the sides can be swapped. */
      swapped = readout_call_comparison_new (store, readout_call_get_id (call), "ru", "us", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (readout_comparison_get_label (swapped, READOUT_COMPARISON_SIDE_A), ==, "Russia");
      g_assert_cmpuint (readout_comparison_get_n_rows (swapped), ==,
                        readout_comparison_get_n_rows (comparison));
    }
  g_assert_true (found_nov);

  remove_folder (folder);
}

static void
test_call_comparison_errors (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStatement) statement = readout_statement_new ();
  g_auto(GStrv) sides = NULL;
  gint64 call_id, source_a, source_b;

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);

  comparison = readout_call_comparison_new (store, call_id + 100, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the United States has said something yet. */
  readout_statement_set_source_id (statement, source_a);
  readout_statement_set_side (statement, "US");
  readout_statement_set_text (statement, "The presidents discussed Syria.");
  g_assert_true (readout_store_insert_statement (store, statement, &error));
  g_assert_no_error (error);

  comparison = readout_call_comparison_new (store, call_id, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND);
  g_assert_nonnull (strstr (error->message, "Russia"));
  g_assert_nonnull (strstr (error->message, "United States (US)"));
  g_clear_error (&error);

  sides = readout_call_comparison_dup_sides (store, call_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sides), ==, 1);
  g_assert_cmpstr (sides[0], ==, "US");

  comparison = readout_call_comparison_new (store, call_id, "XX", "US", &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  comparison = readout_call_comparison_new (store, call_id, "US", "Russia", &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  comparison = readout_call_comparison_new (store, call_id, "US", "us", &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  comparison = readout_call_comparison_new_for_sources (store, source_a, source_a, &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);

  comparison = readout_call_comparison_new_for_sources (store, source_a, source_b, &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND);
  g_clear_error (&error);

  comparison = readout_call_comparison_new_for_sources (store, source_a, source_b + 100, &error);
  g_assert_null (comparison);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  remove_folder (folder);
}

static void
test_call_comparison_sources (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id, source_a, source_b;
  const char *texts[] = { "Президенты обсудили ситуацию на Украине и в Сирии.",
                          "The presidents discussed Ukraine and Syria." };

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ReadoutStatement) statement = readout_statement_new ();

      readout_statement_set_source_id (statement, i == 0 ? source_b : source_a);
      readout_statement_set_side (statement, i == 0 ? "RU" : "US");
      readout_statement_set_text (statement, texts[i]);
      g_assert_true (readout_store_insert_statement (store, statement, &error));
      g_assert_no_error (error);
    }

  comparison = readout_call_comparison_new_for_sources (store, source_b, source_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_A), ==, "Kremlin");
  g_assert_cmpstr (readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_B), ==, "White House");
  g_assert_cmpint (readout_comparison_get_call_id (comparison), ==, call_id);
  g_assert_cmpuint (readout_comparison_get_n_statements (comparison, READOUT_COMPARISON_SIDE_A), ==, 1);

  remove_folder (folder);
}

/* PDF ----------------------------------------------------------------------------- */

static void
test_pdf_sample (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  guint n_exported = 0;

  if (!have_poppler ())
    {
      g_test_skip ("poppler-utils (pdfinfo, pdffonts, pdftotext) are not installed");
      return;
    }

  folder = make_folder ();
  store = open_sample (folder);
  for (gint64 id = 1; ; id++)
    {
      g_autoptr(ReadoutCall) call = NULL;
      g_autoptr(ReadoutComparison) comparison = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("compare-%" G_GINT64_FORMAT ".pdf", id);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *call_name = g_strdup_printf ("call-%" G_GINT64_FORMAT ".pdf", id);
      g_autofree char *call_path = g_build_filename (folder, call_name, NULL);
      g_autofree char *call_raw = NULL;
      g_autofree char *call_text = NULL;
      g_autoptr(GListModel) sources = NULL;

      call = readout_store_get_call (store, id, &error);
      if (call == NULL)
        {
          g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
          break;
        }

      /* The whole call, for the archive: every source's title comes out. */
      g_assert_true (readout_pdf_export_call (store, id, READOUT_PAPER_LETTER, call_path, &error));
      g_assert_no_error (error);
      assert_pdf_info (call_path, "Call between", 1);
      assert_fonts_embedded (call_path);
      call_raw = pdf_text (call_path);
      call_text = squeeze (call_raw);
      sources = readout_store_list_sources (store, id);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
          g_autofree char *publisher = squeeze (readout_source_get_publisher (source));

          g_assert_nonnull (strstr (call_text, publisher));
        }

      comparison = readout_call_comparison_new (store, id, NULL, NULL, &error);
      if (comparison == NULL)
        {
          /* Announced calls have one side only: a clear error, and no file. */
          g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOTHING_FOUND);
          continue;
        }
      check_comparison_pdf (store, comparison, path);
      n_exported++;
    }
  g_assert_cmpuint (n_exported, >=, 2);

  remove_folder (folder);
}

/* Statement text is text: markup-like strings print as typed, Cyrillic intact. */
static void
test_pdf_literal_text (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id, source_a, source_b;
  const char *texts[] = {
    "The presidents discussed Syria: <b>&amp; x</b> and <i>not italic</i>.",
    "Президенты обсудили ситуацию в Сирии и на Украине.",
  };

  if (!have_poppler ())
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  folder = make_folder ();
  path = g_build_filename (folder, "literal.pdf", NULL);
  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ReadoutStatement) statement = readout_statement_new ();

      readout_statement_set_source_id (statement, i == 0 ? source_a : source_b);
      readout_statement_set_side (statement, i == 0 ? "US" : "RU");
      readout_statement_set_speaker (statement, i == 0 ? "<Spokes & person>" : "Дмитрий Песков");
      readout_statement_set_text (statement, texts[i]);
      g_assert_true (readout_store_insert_statement (store, statement, &error));
      g_assert_no_error (error);
    }

  comparison = readout_call_comparison_new (store, call_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (readout_pdf_export_comparison (store, comparison, READOUT_PAPER_A4, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "<b>&amp; x</b>"));
  g_assert_nonnull (strstr (text, "<i>not italic</i>"));
  g_assert_nonnull (strstr (text, "<Spokes & person>"));
  g_assert_nonnull (strstr (text, "Президенты обсудили ситуацию"));
  g_assert_nonnull (strstr (text, "Дмитрий Песков"));
  g_assert_nonnull (strstr (text, "Борис Примеров"));
  assert_fonts_embedded (path);

  remove_folder (folder);
}

/* A comparison over several pages, with a row taller than a page: the row goes on with
 * its topic repeated, and no line is lost or printed twice. */
static void
test_pdf_long (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "long.pdf", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(ReadoutPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 call_id, source_a, source_b;
  const guint huge_words = 1500;
  guint n_pages;

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  comparison = pdf_fixture_comparison (call_id, source_a, source_b, 40, 5, huge_words);
  layout = readout_pdf_layout_new_for_comparison (store, comparison, &error);
  g_assert_no_error (error);
  readout_pdf_layout_set_paper (layout, READOUT_PAPER_A4);
  n_pages = readout_pdf_layout_paginate (layout);
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (readout_pdf_layout_get_n_pages (layout), ==, n_pages);

  /* Letter is shorter than A4: no fewer pages. */
  readout_pdf_layout_set_paper (layout, READOUT_PAPER_LETTER);
  g_assert_cmpuint (readout_pdf_layout_paginate (layout), >=, n_pages);
  readout_pdf_layout_set_paper (layout, READOUT_PAPER_A4);
  g_assert_cmpuint (readout_pdf_layout_get_n_pages (layout), ==, n_pages);

  g_assert_true (readout_pdf_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);

  if (!have_poppler ())
    {
      g_test_skip ("poppler-utils are not installed");
      remove_folder (folder);
      return;
    }

  assert_pdf_info (path, "Alice Example", n_pages);
  check_comparison_pdf (store, comparison, path);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Topic 006 (continued)"));
  /* The sources' URLs are links. */
  {
    const char *want = "/URI (https://example.org/readout?id=1&lang=en)";
    g_autofree char *raw = NULL;
    gboolean found = FALSE;
    gsize length;

    g_assert_true (g_file_get_contents (path, &raw, &length, NULL));

    /* The file has NUL bytes: search it byte by byte. */
    for (gsize i = 0; !found && i + strlen (want) <= length; i++)
      found = memcmp (raw + i, want, strlen (want)) == 0;
    g_assert_true (found);
  }
  {
    g_autofree char *last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (text, last_page));
  }
  /* Each numbered word of the huge statement exactly once, in order, in the rows after
   * the summary (whose distinctive words may be some of them). */
  {
    const char *summary = strstr (text, "Summary");
    const char *cursor;

    g_assert_nonnull (summary);
    g_assert_true (summary < strstr (text, "Topic 001"));
    cursor = strstr (summary, "Topic 001");

    for (guint w = 1; w <= huge_words; w++)
      {
        char word[8];
        const char *found;

        g_snprintf (word, sizeof word, "w%04u", w);
        found = strstr (cursor, word);
        if (found == NULL)
          g_error ("word %s of the long statement missing or out of order", word);
        cursor = found + 5;
        g_assert_null (strstr (cursor, word));
      }
  }

  remove_folder (folder);
}

/* The same drawing code draws on any cairo surface, as a print operation does. */
static void
test_pdf_draw_page_on_image (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(ReadoutPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id, source_a, source_b;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0;
  unsigned char *data;
  int stride;

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  comparison = pdf_fixture_comparison (call_id, source_a, source_b, 3, -1, 0);
  layout = readout_pdf_layout_new_for_comparison (store, comparison, &error);
  g_assert_no_error (error);
  readout_pdf_layout_set_page_size (layout, 612, 792);
  g_assert_cmpuint (readout_pdf_layout_paginate (layout), ==, 1);
  g_assert_nonnull (strstr (readout_pdf_layout_get_title (layout), "Alice Example"));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 306, 396);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  readout_pdf_layout_draw_page (layout, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 396; y++)
    for (int x = 0; x < 306; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  /* Text was drawn, and the page is not a black square. */
  g_assert_cmpuint (dark, >, 500);
  g_assert_cmpuint (dark, <, 306 * 396 / 4);
  cairo_surface_destroy (surface);

  remove_folder (folder);
}

typedef struct {
  gboolean  done;
  gboolean  written;
  GError   *error;
} WriteResult;

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  WriteResult *write = user_data;

  write->written = readout_pdf_layout_write_pdf_finish (READOUT_PDF_LAYOUT (object), result,
                                                        &write->error);
  write->done = TRUE;
}

/* Written off the main loop, then drawn again on the main thread, with the same pages. */
static void
test_pdf_async (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "async.pdf", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing", "async.pdf", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(ReadoutPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  WriteResult write = { FALSE, FALSE, NULL };
  gint64 call_id, source_a, source_b;
  guint n_pages;

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  comparison = pdf_fixture_comparison (call_id, source_a, source_b, 30, -1, 0);
  layout = readout_pdf_layout_new_for_comparison (store, comparison, &error);
  g_assert_no_error (error);
  n_pages = readout_pdf_layout_paginate (layout);

  readout_pdf_layout_write_pdf_async (layout, path, NULL, on_written_cb, &write);
  while (!write.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (write.error);
  g_assert_true (write.written);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (readout_pdf_layout_get_n_pages (layout), ==, n_pages);

  write = (WriteResult) { FALSE, FALSE, NULL };
  readout_pdf_layout_write_pdf_async (layout, missing, NULL, on_written_cb, &write);
  while (!write.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (write.written);
  g_assert_error (write.error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&write.error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  if (have_poppler ())
    assert_pdf_info (path, "Alice Example", n_pages);

  remove_folder (folder);
}

static void
test_pdf_unwritable (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "out.pdf", NULL);
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(ReadoutComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  gint64 call_id, source_a, source_b;
  guint n_files;

  store = pdf_fixture_store (folder, &call_id, &source_a, &source_b);
  comparison = pdf_fixture_comparison (call_id, source_a, source_b, 3, -1, 0);
  n_files = count_files (folder);

  g_assert_false (readout_pdf_export_comparison (store, comparison, READOUT_PAPER_A4, missing, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A folder where the file should be: refused, the folder untouched. */
  g_assert_false (readout_pdf_export_comparison (store, comparison, READOUT_PAPER_A4, folder, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (folder), ==, n_files);

  /* A missing call. */
  {
    g_autofree char *path = g_build_filename (folder, "missing-call.pdf", NULL);

    g_assert_false (readout_pdf_export_call (store, call_id + 10, READOUT_PAPER_A4, path, &error));
    g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Overwriting an existing file replaces it whole, and leaves no temporary file. */
  {
    g_autofree char *path = g_build_filename (folder, "replace.pdf", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    g_assert_true (readout_pdf_export_comparison (store, comparison, READOUT_PAPER_A4, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpuint (count_files (folder), ==, n_files + 1);
  }

  remove_folder (folder);
}

static void
test_paper (void)
{
  ReadoutPaper paper = READOUT_PAPER_A4;
  double width, height;

  g_assert_true (readout_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, READOUT_PAPER_LETTER);
  g_assert_true (readout_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, READOUT_PAPER_A4);
  g_assert_false (readout_paper_from_string ("a5", &paper));
  g_assert_false (readout_paper_from_string (NULL, &paper));

  readout_paper_get_size (READOUT_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
  readout_paper_get_size (READOUT_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  /* The test runs in the C locale (or whatever the caller has); either answer is a paper. */
  paper = readout_paper_from_locale ();
  g_assert_true (paper == READOUT_PAPER_A4 || paper == READOUT_PAPER_LETTER);
}

/* readout-cli --------------------------------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static gboolean
run_cli (CliResult          *result,
         const char * const *args)
{
  const char *cli = g_getenv ("READOUT_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (cli == NULL)
    return FALSE;
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                &result->err, &wait_status, &error);
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return TRUE;
}

/* A failure is one sentence on one line of stderr, nothing on stdout. */
static void
assert_cli_error (CliResult *result)
{
  g_assert_cmpint (result->status, !=, 0);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "readout-cli: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
}

/* The id of the sample call with Putin on @date, in a new sample store in @folder
 * that is closed again on return. */
static gint64
find_sample_call (const char *folder,
                  const char *date)
{
  g_autoptr(ReadoutStore) store = open_sample (folder);
  g_autoptr(GListModel) leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, "Putin");
  g_autoptr(ReadoutLeader) putin = g_list_model_get_item (leaders, 0);
  g_autoptr(GListModel) calls = readout_store_list_calls (store, readout_leader_get_id (putin), 0);

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (calls, i);

      if (g_strcmp0 (readout_call_get_date (call), date) == 0)
        return readout_call_get_id (call);
    }
  g_assert_not_reached ();
}

static void
test_cli_compare (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *db = NULL;
  g_autofree char *call_arg = NULL;
  gint64 nov_call;

  if (g_getenv ("READOUT_CLI") == NULL)
    {
      g_test_skip ("READOUT_CLI is not set");
      return;
    }

  folder = make_folder ();
  db = g_build_filename (folder, "sample.db", NULL);
  /* Closed (every model too) before readout-cli opens the file. */
  nov_call = find_sample_call (folder, "2017-11-21");
  call_arg = g_strdup_printf ("%" G_GINT64_FORMAT, nov_call);

  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", call_arg, "--database", db, "--json", NULL };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;
    JsonArray *rows;

    run_cli (&result, args);
    if (result.status != 0)
      g_error ("compare failed: %s", result.err);
    g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "call_id"), ==, nov_call);
    g_assert_true (json_object_has_member (root, "side_a"));
    g_assert_true (json_object_has_member (root, "side_b"));
    g_assert_true (json_object_has_member (root, "summary"));
    rows = json_object_get_array_member (root, "rows");
    g_assert_cmpuint (json_array_get_length (rows), >, 0);
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);
        const char *status = json_object_get_string_member (row, "status");

        g_assert_true (g_strv_contains ((const char * const []) { "both", "a_only", "b_only", NULL }, status));
        g_assert_true (json_object_has_member (row, "topic"));
        g_assert_true (json_object_has_member (row, "a"));
        g_assert_true (json_object_has_member (row, "b"));
      }
  }

  /* Sides by name and by demonym; text output names both. */
  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", call_arg, "--database", db, "--side-a", "Russian",
                           "--side-b", "united states", NULL };

    run_cli (&result, args);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "Russia"));
    g_assert_nonnull (strstr (result.out, "Ukraine"));
  }

  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", "9999", "--database", db, NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
  }
  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", call_arg, "--database", db, "--side-a", "Narnia", NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
    g_assert_nonnull (strstr (result.err, "Narnia"));
  }
  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", call_arg, "--database", db, "--side-b", "Japan", NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
    g_assert_nonnull (strstr (result.err, "Japan"));
  }
  {
    g_auto(CliResult) result = { 0, };
    const char *args[] = { "compare", "abc", "--database", db, NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
  }

  /* export-pdf: writes the file; an unwritable path fails and leaves nothing. */
  {
    g_auto(CliResult) result = { 0, };
    g_autofree char *pdf = g_build_filename (folder, "out.pdf", NULL);
    const char *args[] = { "export-pdf", call_arg, "--database", db, "--output", pdf,
                           "--paper", "letter", NULL };

    run_cli (&result, args);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    if (have_poppler ())
      {
        const char *info_argv[] = { "pdfinfo", pdf, NULL };
        g_autofree char *info = run (info_argv);

        g_assert_nonnull (strstr (info, "612 x 792"));
      }
  }
  {
    g_auto(CliResult) result = { 0, };
    g_autofree char *pdf = g_build_filename (folder, "nowhere", "out.pdf", NULL);
    const char *args[] = { "export-pdf", call_arg, "--database", db, "--output", pdf, NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(CliResult) result = { 0, };
    g_autofree char *pdf = g_build_filename (folder, "a5.pdf", NULL);
    const char *args[] = { "export-pdf", call_arg, "--database", db, "--output", pdf,
                           "--paper", "a5", NULL };

    run_cli (&result, args);
    assert_cli_error (&result);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(CliResult) result = { 0, };
    g_autofree char *pdf = g_build_filename (folder, "whole.pdf", NULL);
    const char *args[] = { "export-pdf", call_arg, "--database", db, "--output", pdf,
                           "--whole-call", "--json", NULL };

    run_cli (&result, args);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "\"pages\""));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-comparison/sample", test_call_comparison_sample);
  g_test_add_func ("/call-comparison/errors", test_call_comparison_errors);
  g_test_add_func ("/call-comparison/sources", test_call_comparison_sources);
  g_test_add_func ("/pdf/paper", test_paper);
  g_test_add_func ("/pdf/sample", test_pdf_sample);
  g_test_add_func ("/pdf/literal-text", test_pdf_literal_text);
  g_test_add_func ("/pdf/long", test_pdf_long);
  g_test_add_func ("/pdf/draw-page-on-image", test_pdf_draw_page_on_image);
  g_test_add_func ("/pdf/unwritable", test_pdf_unwritable);
  g_test_add_func ("/pdf/async", test_pdf_async);
  g_test_add_func ("/cli/compare-and-export", test_cli_compare);

  return g_test_run ();
}

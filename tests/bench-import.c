// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "import-fixtures.h"

/* Field-level accuracy of the extractor over tests/fixtures/import, and its speed on
 * 800-word articles. Run with `meson test --benchmark -C BUILD import` or directly;
 * --verbose lists every miss. */

static char *
article_of_800_words (void)
{
  g_autofree char *dir = import_fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "20-62-minutes.txt", NULL);
  g_autofree char *head = NULL;
  g_autoptr(GString) text = NULL;
  guint words = 0;
  const char *filler =
    "The talks came as officials in both capitals weighed the next steps on the economy, "
    "energy prices and the security of the region, analysts said in comments to reporters. ";

  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  text = g_string_new (head);
  for (const char *p = head; *p != '\0'; p++)
    words += *p == ' ';
  while (words < 800)
    {
      g_string_append (text, filler);
      words += 28;
      if (words % 140 < 28)
        g_string_append (text, "\n\nThe two leaders also discussed Syria and North Korea, the Kremlin said.\n\n");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ReadoutExtractor) extractor = import_fixture_extractor ();
  g_autofree char *article = article_of_800_words ();
  gboolean verbose = argc > 1 && g_str_equal (argv[1], "--verbose");
  guint correct[N_FIELDS];
  guint total, n = 400;
  gint64 start;
  double seconds, worst = 1.0;

  /* --dump FILE: the extraction of one text as JSON, to see why a field is missed. */
  if (argc > 2 && g_str_equal (argv[1], "--dump"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = readout_import_text_load (argv[2], &error);
      g_autoptr(ReadoutExtraction) extraction = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *json = NULL;

      if (text != NULL)
        extraction = readout_extractor_extract (extractor, text, argv[2], &error);
      if (extraction == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      node = readout_extraction_to_json (extraction);
      json = json_to_string (node, TRUE);
      g_print ("%s\n", json);
      return 0;
    }

  import_fixture_score (extractor, correct, &total, verbose);
  g_print ("Field accuracy over %u calls of the fixture set:\n", total);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      double accuracy = total > 0 ? (double) correct[f] / total : 0;

      worst = MIN (worst, accuracy);
      g_print ("  %-20s %5.1f%% (%u/%u)\n", import_field_names[f], 100 * accuracy, correct[f], total);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReadoutExtraction) extraction = readout_extractor_extract (extractor, article, NULL, &error);

      g_assert_no_error (error);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("Speed: %.0f articles of 800 words per second (target 200)\n", n / seconds);

  return worst >= 0.95 && n / seconds >= 200 ? 0 : 1;
}

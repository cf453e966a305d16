// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-release-notes.h"

/* A metainfo as i18n.merge_file writes it: translations beside the English. */
static const char metainfo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <description><p>Not the release notes.</p></description>\n"
  "  <releases>\n"
  "    <release version=\"0.2.0\" date=\"2026-12-01\">\n"
  "      <description>\n"
  "        <p>Second release &amp; more.</p>\n"
  "        <p xml:lang=\"de\">Zweite Veröffentlichung.</p>\n"
  "        <ul>\n"
  "          <li>Faster search</li>\n"
  "          <li xml:lang=\"de\">Schnellere Suche</li>\n"
  "          <li xml:lang=\"ru\">Быстрый поиск</li>\n"
  "        </ul>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"0.1.0\" date=\"2026-11-23\">\n"
  "      <description><p>First.</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static void
test_untranslated (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "fr", "C", NULL };

  g_assert_true (readout_release_notes_parse (metainfo, -1, languages, &version, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "0.2.0");
  g_assert_cmpstr (notes, ==, "<p>Second release &amp; more.</p><ul><li>Faster search</li></ul>");
}

static void
test_translated (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  const char *languages[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };

  g_assert_true (readout_release_notes_parse (metainfo, -1, languages, &version, &notes, NULL));
  g_assert_cmpstr (notes, ==, "<p>Zweite Veröffentlichung.</p><ul><li>Schnellere Suche</li></ul>");
}

static void
test_no_release (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (readout_release_notes_parse ("<component/>", -1, NULL, &version, &notes, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (readout_release_notes_parse ("<component><releases>", -1, NULL, &version, &notes, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/release-notes/untranslated", test_untranslated);
  g_test_add_func ("/release-notes/translated", test_translated);
  g_test_add_func ("/release-notes/no-release", test_no_release);

  return g_test_run ();
}

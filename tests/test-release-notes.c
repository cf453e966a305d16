// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-release-notes.h"
#include "readout-release-notes-module.h"

/* A metainfo as i18n.merge_file writes it: translations beside the English. */
static const char metainfo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <id>io.github.readout.Readout</id>\n"
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

/* libappstream writes the markup with a line break and indentation between elements,
 * as it hands it to every AppStream reader (libadwaita 1.4 builds its About window's
 * notes from the same call); the comparison skips that white space. */
static char *
squeeze (const char *markup)
{
  g_autoptr(GRegex) between = g_regex_new (">\\s+<", 0, 0, NULL);
  g_autofree char *squeezed = g_regex_replace_literal (between, markup, -1, 0, "><", 0, NULL);

  return g_strstrip (g_steal_pointer (&squeezed));
}

static void
test_untranslated (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "fr", "C", NULL };

  g_assert_true (readout_release_notes_parse (metainfo, -1, languages, &version, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "0.2.0");
  shown = squeeze (notes);
  g_assert_cmpstr (shown, ==, "<p>Second release &amp; more.</p><ul><li>Faster search</li></ul>");
}

/* The window reads the notes through the module the build puts beside it, loaded when
 * first asked: the same reader, and libappstream is not loaded before then. */
static void
test_module (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "C", NULL };

  g_assert_true (readout_release_notes_read (metainfo, -1, languages, &version, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "0.2.0");
  g_assert_nonnull (strstr (notes, "Faster search"));
  g_clear_pointer (&version, g_free);
  g_clear_pointer (&notes, g_free);
  g_assert_false (readout_release_notes_read ("<component/>", -1, languages, &version, &notes, &error));
  g_assert_nonnull (error);
}

static void
test_translated (void)
{
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *shown = NULL;
  const char *languages[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };

  g_assert_true (readout_release_notes_parse (metainfo, -1, languages, &version, &notes, NULL));
  shown = squeeze (notes);
  g_assert_cmpstr (shown, ==, "<p>Zweite Veröffentlichung.</p><ul><li>Schnellere Suche</li></ul>");
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
  g_clear_error (&error);
  /* A component with no id is no component to AppStream, whatever its releases. */
  g_assert_false (readout_release_notes_parse ("<component><releases><release version=\"1\"/></releases></component>",
                                               -1, NULL, &version, &notes, &error));
  g_assert_nonnull (error);
  g_assert_null (version);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/release-notes/untranslated", test_untranslated);
  g_test_add_func ("/release-notes/translated", test_translated);
  g_test_add_func ("/release-notes/no-release", test_no_release);
  g_test_add_func ("/release-notes/module", test_module);

  return g_test_run ();
}

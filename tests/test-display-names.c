// SPDX-License-Identifier: GPL-3.0-or-later
/* The data in the user's language: country names from iso-codes, topics and offices
 * from the data files. Runs in Russian (LANGUAGE=ru), set before anything is loaded. */
#define G_LOG_DOMAIN "test-display-names"

#include "config.h"

#include <locale.h>

#include "readout-country-translation.h"
#include "readout-display-names.h"
#include "readout-format.h"

static gboolean
have_iso_codes (void)
{
  g_autofree char *json = g_build_filename (ISO_CODES_DATADIR, "iso_3166-1.json", NULL);
  g_autofree char *mo = g_build_filename (ISO_CODES_LOCALEDIR, "ru", "LC_MESSAGES", "iso_3166-1.mo", NULL);

  return g_file_test (json, G_FILE_TEST_EXISTS) && g_file_test (mo, G_FILE_TEST_EXISTS);
}

/* "Только United States" is what a Russian window said. */
static void
test_countries (void)
{
  g_autofree char *side = NULL;

  if (!have_iso_codes ())
    {
      g_test_skip ("iso-codes and its Russian translations are not installed");
      return;
    }
  g_assert_cmpstr (readout_country_name_translate ("DE", "Germany"), ==, "Германия");
  /* Our name ("Russia") is not iso-codes' ("Russian Federation"): found by the code. */
  g_assert_cmpstr (readout_country_name_translate ("RU", "Russia"), ==, "Российская Федерация");
  g_assert_cmpstr (readout_country_name_translate ("KP", "North Korea"), ==, "Северная Корея");
  /* A code iso-codes does not know keeps the name it was given. */
  g_assert_cmpstr (readout_country_name_translate ("XK", "Kosovo"), ==, "Kosovo");
  side = readout_format_side (NULL, "US");
  g_assert_cmpstr (side, !=, "United States");
  g_assert_cmpstr (side, !=, "US");
}

static void
test_topics_and_offices (void)
{
  g_autofree char *joined = NULL;
  const char *topics[] = { "Syria", "Trade and economic ties", "Topic the user added", NULL };

  g_assert_cmpstr (readout_display_topic ("Syria"), ==, "Сирия");
  g_assert_cmpstr (readout_display_topic ("North Korea"), ==, "Северная Корея");
  g_assert_cmpstr (readout_display_topic ("Topic the user added"), ==, "Topic the user added");
  g_assert_cmpstr (readout_display_office ("President"), ==, "Президент");
  g_assert_cmpstr (readout_display_office ("Prime Minister"), ==, "Премьер-министр");
  g_assert_cmpstr (readout_display_office ("Grand Vizier"), ==, "Grand Vizier");
  g_assert_null (readout_display_office (NULL));

  joined = readout_display_join_topics (topics, ", ");
  g_assert_cmpstr (joined, ==, "Сирия, Торгово-экономические связи, Topic the user added");
  g_assert_null (readout_display_join_topics (NULL, ", "));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/display-names/countries", test_countries);
  g_test_add_func ("/display-names/topics-and-offices", test_topics_and_offices);
  return g_test_run ();
}

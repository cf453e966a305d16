// SPDX-License-Identifier: GPL-3.0-or-later
/* Lists of names in the user's language through ICU's list formatter, and the
 * language chosen from the translation gettext uses (German here, from the build's
 * catalogue), set before anything is formatted. */
#define G_LOG_DOMAIN "test-list-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "readout-list-format.h"

static const char * const three[] = { "Donald Trump", "Shinzo Abe", "Vladimir Putin", NULL };
static const char * const two[] = { "Дональд Трамп", "Владимир Путин", NULL };
static const char * const one[] = { "Angela Merkel", NULL };

static void
test_languages (void)
{
  g_autofree char *de = readout_format_list_for_locale (three, "de");
  g_autofree char *ru = readout_format_list_for_locale (three, "ru");
  g_autofree char *ru_two = readout_format_list_for_locale (two, "ru_RU");
  g_autofree char *gb = readout_format_list_for_locale (three, "en_GB");
  g_autofree char *single = readout_format_list_for_locale (one, "de");
  g_autofree char *empty = readout_format_list_for_locale (NULL, "de");

  g_assert_cmpstr (de, ==, "Donald Trump, Shinzo Abe und Vladimir Putin");
  g_assert_cmpstr (ru, ==, "Donald Trump, Shinzo Abe и Vladimir Putin");
  g_assert_cmpstr (ru_two, ==, "Дональд Трамп и Владимир Путин");
  g_assert_cmpstr (gb, ==, "Donald Trump, Shinzo Abe and Vladimir Putin");
  g_assert_cmpstr (single, ==, "Angela Merkel");
  g_assert_cmpstr (empty, ==, "");
}

/* The window's German sentences get a German list, whatever LANG says. */
static void
test_interface_language (void)
{
  g_autofree char *catalogue = g_test_build_filename (G_TEST_BUILT, "..", "po", "de", "LC_MESSAGES",
                                                      GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *text = NULL;

  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The German catalogue is not built");
      return;
    }
  text = readout_format_list (three);
  g_assert_cmpstr (text, ==, "Donald Trump, Shinzo Abe und Vladimir Putin");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/list-format/languages", test_languages);
  g_test_add_func ("/list-format/interface-language", test_interface_language);
  return g_test_run ();
}

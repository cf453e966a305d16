// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-list-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/ulistformatter.h>

#include "readout-list-format.h"

/* ICU wants UTF-16; GLib's gunichar2 and ICU's UChar are both 16-bit code units. */
G_STATIC_ASSERT (sizeof (gunichar2) == sizeof (UChar));

static char *
format_with (const UListFormatter *formatter,
             const char * const   *items)
{
  guint n = items != NULL ? g_strv_length ((char **) items) : 0;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree int32_t *lengths = g_new0 (int32_t, MAX (n, 1));
  g_autofree UChar *result = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  for (guint i = 0; i < n; i++)
    {
      glong items_written = 0;
      gunichar2 *utf16 = g_utf8_to_utf16 (items[i], -1, NULL, &items_written, NULL);

      /* Text that is not UTF-8 never reaches the model; be safe rather than sorry. */
      if (utf16 == NULL)
        utf16 = g_new0 (gunichar2, 1);
      g_ptr_array_add (strings, utf16);
      lengths[i] = (int32_t) items_written;
    }

  length = ulistfmt_format (formatter, (const UChar * const *) strings->pdata, lengths, (int32_t) n,
                            NULL, 0, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  result = g_new0 (UChar, length + 1);
  ulistfmt_format (formatter, (const UChar * const *) strings->pdata, lengths, (int32_t) n,
                   result, length + 1, &status);
  if (U_FAILURE (status))
    return NULL;
  return g_utf16_to_utf8 ((const gunichar2 *) result, length, NULL, NULL, NULL);
}

/* Where ICU cannot help (no data for the locale, which a stripped ICU may lack), a
 * plain comma list still says every name. */
static char *
format_or_join (const UListFormatter *formatter,
                const char * const   *items)
{
  char *text = formatter != NULL ? format_with (formatter, items) : NULL;

  if (text == NULL)
    text = items != NULL ? g_strjoinv (", ", (char **) items) : g_strdup ("");
  return text;
}

char *
readout_format_list_for_locale (const char * const *items,
                                const char         *locale)
{
  UErrorCode status = U_ZERO_ERROR;
  UListFormatter *formatter = ulistfmt_open (locale, &status);
  char *text;

  text = format_or_join (U_SUCCESS (status) ? formatter : NULL, items);
  if (formatter != NULL)
    ulistfmt_close (formatter);
  return text;
}

/* The "Language:" of the catalog gettext uses for our strings, so that a list reads in
 * the language of the sentence around it even where LANGUAGE and LANG differ. */
static char *
ui_locale (void)
{
  /* The header is the empty msgid's translation; a variable, not a literal, so that
   * xgettext does not take it for a string to translate. */
  static const char header_msgid[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *language = header != NULL && *header != '\0' ? strstr (header, "Language: ") : NULL;
  const char * const *names;

  if (language != NULL)
    {
      language += strlen ("Language: ");
      if (*language != '\n' && *language != '\0')
        return g_strndup (language, strcspn (language, "\n"));
    }

  /* Untranslated: English, and the user's own English where that is what they use. */
  names = g_get_language_names ();
  if (g_str_has_prefix (names[0], "en_"))
    return g_strndup (names[0], strcspn (names[0], ".@"));
  return g_strdup ("en");
}

char *
readout_format_list (const char * const *items)
{
  static gsize initialized;
  static UListFormatter *formatter;

  /* One formatter for the process: the language does not change while it runs, and
   * the calls list formats a row's names every time it shows one. ICU's format is
   * const and safe from any thread. */
  if (g_once_init_enter (&initialized))
    {
      g_autofree char *locale = ui_locale ();
      UErrorCode status = U_ZERO_ERROR;

      formatter = ulistfmt_open (locale, &status);
      if (U_FAILURE (status))
        {
          g_debug ("No list format for %s: %s", locale, u_errorName (status));
          formatter = NULL;
        }
      g_once_init_leave (&initialized, 1);
    }
  return format_or_join (formatter, items);
}

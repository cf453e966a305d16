// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lists for people, "Donald Trump, Shinzo Abe and Vladimir Putin", by ICU's list
 * formatter so that every language gets its own words and commas ("A, B und C",
 * "A, B и C"). */

/* In the language the user interface is shown in: the language of the translation
 * gettext found, or the user's English (with or without the serial comma) where there
 * is none. An empty or NULL list gives "". */
char *readout_format_list            (const char * const *items);
/* In @locale ("de", "ru_RU", "en_GB"). */
char *readout_format_list_for_locale (const char * const *items,
                                      const char         *locale);

G_END_DECLS

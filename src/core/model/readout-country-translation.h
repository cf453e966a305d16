// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Country names in the user's language, from iso-codes' translations (the
 * "iso_3166-1" gettext domain), as GNOME applications translate them. The store keeps
 * English names; this is for display only. */

/* @code's name translated; @english_name (or the code) where iso-codes has no
 * translation for the language, or no such code. */
const char *readout_country_name_translate (const char *code,
                                            const char *english_name);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define READOUT_TYPE_COUNTRY_NAMES (readout_country_names_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCountryNames, readout_country_names, READOUT, COUNTRY_NAMES, GObject)

/* Countries by the names texts give them, in English and Russian: names, short and
 * official forms ("Belarus", "Republic of Belarus", "Республика Беларусь"), every case
 * of a Russian name ("Катара", "Саудовской Аравией"), adjectives ("Armenian",
 * "армянской") and abbreviations ("КНР", "UAE"). */

/* The built-in names (data/country-names.tsv in the core GResource), loaded once. */
ReadoutCountryNames *readout_country_names_get_default (void);
/* Names from TSV text with the header line "code english russian russian_adjective"
 * (tab-separated, forms "|"-separated). */
ReadoutCountryNames *readout_country_names_new_from_data (const char  *tsv,
                                                          gssize       length,
                                                          GError     **error);
/* The ISO 3166 code of @phrase as a whole ("Prime Minister of" stripped by the caller),
 * or NULL. */
const char          *readout_country_names_lookup     (ReadoutCountryNames *self,
                                                       const char          *phrase);
/* The longest country name at the start of @words (folded, unstemmed: see
 * readout_name_words()); its length in *n_used. NULL when none starts there. */
const char          *readout_country_names_match      (ReadoutCountryNames *self,
                                                       const char * const  *words,
                                                       guint               *n_used);
/* Every code with a name, for tests: a new list, sorted. */
GPtrArray           *readout_country_names_get_codes  (ReadoutCountryNames *self);

G_END_DECLS

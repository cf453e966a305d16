// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Small JsonBuilder helpers shared by every JSON the project writes (the CLI's --json,
 * comparisons, extractions), so that absent values look the same everywhere. */

/* Adds @member with @value, or null when @value is NULL or empty. */
void readout_json_add_string (JsonBuilder        *builder,
                              const char         *member,
                              const char         *value);
/* Adds @member as an array of the strings of @values (NULL gives an empty array). */
void readout_json_add_strv   (JsonBuilder        *builder,
                              const char         *member,
                              const char * const *values);

G_END_DECLS

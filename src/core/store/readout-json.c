// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-json"

#include "config.h"

#include "readout-json.h"

void
readout_json_add_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && value[0] != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
readout_json_add_strv (JsonBuilder        *builder,
                       const char         *member,
                       const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

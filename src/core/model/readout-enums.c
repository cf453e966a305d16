// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-enums"

#include "config.h"

#include <glib-object.h>

#include "readout-enums.h"

const char *
readout_enum_to_string (GType enum_type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  /* Nicks are static strings owned by the type, which lives for the whole program. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
readout_enum_from_string (GType       enum_type,
                          const char *name,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (name == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, name);
  if (enum_value == NULL)
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;
  return TRUE;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "readout-strv.h"

gboolean
readout_strv_replace (char               ***field,
                      const char * const   *value)
{
  char **copy;

  if (*field == (char **) value)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  copy = g_strdupv ((char **) value);
  g_strfreev (*field);
  *field = copy;
  return TRUE;
}

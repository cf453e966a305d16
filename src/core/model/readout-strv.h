// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets *@field to a copy of @value (NULL allowed) unless they hold the same strings;
 * TRUE when it changed, so that the model's setter notifies. The copy is made before
 * the old list is freed: @value may hold strings of the old list (a merge passes the
 * stored aliases back with new ones added). */
gboolean readout_strv_replace (char               ***field,
                               const char * const   *value);

G_END_DECLS

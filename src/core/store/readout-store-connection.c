// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store"

#include "config.h"

#include "readout-store-connection.h"
#include "readout-store-private.h"

gboolean
readout_store_is_connection_lost (ReadoutStore *self)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  return readout_db_is_connection_lost (readout_store_get_db (self));
}

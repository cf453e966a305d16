// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-db.h"

G_BEGIN_DECLS

/* The team store's schema on PostgreSQL (issue 16). Version 1 holds what the SQLite
 * schema's version 4 holds. */
#define READOUT_STORE_PG_SCHEMA_VERSION 1

/* The LISTEN/NOTIFY channel every change is announced on, as "<table>:<op>:<id>". */
#define READOUT_STORE_PG_CHANNEL "readout"

gboolean readout_store_pg_schema_migrate (ReadoutDb  *db,
                                          GError    **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>
#include "readout-db-statement.h"
#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_QUERY_MODEL (readout_query_model_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutQueryModel, readout_query_model, READOUT, QUERY_MODEL, GObject)

/* Builds one item from the current row of a page query. */
typedef GObject *(*ReadoutRowBuilder) (ReadoutDbStatement *stmt);

/* A GListModel over an SQL query that pages its rows in on demand.
 *
 * @count_sql gives the exact number of rows; @page_sql gives the rows in order and
 * ends with "LIMIT ? OFFSET ?". Both take the values of @params (a tuple of int64 "x"
 * and maybe-string "ms" values) as their first parameters. Only a bounded number of
 * pages is kept; the model re-reads itself when the store reports a change of a kind
 * in @watched. */
GListModel *readout_query_model_new (ReadoutStore      *store,
                                     GType              item_type,
                                     ReadoutChangeKind  watched,
                                     const char        *count_sql,
                                     const char        *page_sql,
                                     GVariant          *params,
                                     ReadoutRowBuilder  builder);

G_END_DECLS

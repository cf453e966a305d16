// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* A whole store as one JSON document, to move it to another computer or share it:
 *
 *   {"format":"readout","version":1,
 *    "topics":[{"name":…,"keywords":{"en":[…],"ru":[…]}},…],
 *    "leaders":[{"id":…,"name":…,"aliases":[…],"country":…,…},…],
 *    "calls":[{"id":…,"date":…,"participants":[leader ids],"sources":[{…,"statements":[…]}],
 *              "conflicts":[{"field":…,"claims":[{"value":…,"source":source id}]}]},…]}
 *
 * Countries are not part of it: every store ships the same list. */

#define READOUT_JSON_FORMAT  "readout"
#define READOUT_JSON_VERSION 1

/* What an import wrote and what it found already stored. */
typedef struct {
  guint topics_added;
  guint topics_changed;
  guint leaders_added;
  guint leaders_matched;
  guint calls_added;
  guint calls_matched;
  guint sources_added;
  guint sources_skipped;   /* already stored with the matched call */
  guint statements_added;
  guint conflicts_added;
} ReadoutJsonImportCounts;

gboolean readout_store_export_json       (ReadoutStore             *store,
                                          GOutputStream            *output,
                                          GCancellable             *cancellable,
                                          GError                  **error);
/* Writes to a temporary file beside @path and renames it into place. */
gboolean readout_store_export_json_file  (ReadoutStore             *store,
                                          const char               *path,
                                          GError                  **error);

/* Imports a document written by readout_store_export_json() in one transaction: all of
 * it or, on error (READOUT_ERROR_BAD_INPUT with one sentence saying what is wrong),
 * nothing. Into a store without leaders or calls, ids are kept and the topic list is
 * replaced by the document's (when it has one); into any other store, leaders, calls, sources and topics
 * that are already there are matched rather than duplicated. @counts is nullable. */
gboolean readout_store_import_json       (ReadoutStore             *store,
                                          const char               *data,
                                          gssize                    length,
                                          ReadoutJsonImportCounts  *counts,
                                          GError                  **error);
/* The largest export readout_store_import_json_file() reads: 1 GB (10^9 bytes). Only
 * the file and one call at a time are held in memory, so an import needs little more
 * memory than the file's size. */
#define READOUT_JSON_MAX_IMPORT_SIZE 1000000000
gboolean readout_store_import_json_file  (ReadoutStore             *store,
                                          const char               *path,
                                          ReadoutJsonImportCounts  *counts,
                                          GError                  **error);

G_END_DECLS

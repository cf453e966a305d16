// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* Filling a new, empty store with many rows at once (readout-cli generate): rows come
 * with their ids, nothing is journalled, the full-text and secondary indexes are built
 * once at the end, and the topics of a statement are given rather than tagged here.
 * Not for a user's store: a failed fill leaves the file to be thrown away. */

typedef struct _ReadoutStoreBulk ReadoutStoreBulk;

ReadoutStoreBulk *readout_store_bulk_begin           (ReadoutStore      *store,
                                                      GError           **error);
gboolean          readout_store_bulk_add_leader      (ReadoutStoreBulk  *self,
                                                      gint64             id,
                                                      const char        *name,
                                                      const char        *country,
                                                      const char        *office,
                                                      GError           **error);
gboolean          readout_store_bulk_add_call        (ReadoutStoreBulk  *self,
                                                      gint64             id,
                                                      const char        *date,
                                                      int                duration_minutes,
                                                      const char        *duration_qualifier,
                                                      const char        *status,
                                                      GError           **error);
gboolean          readout_store_bulk_add_participant (ReadoutStoreBulk  *self,
                                                      gint64             call_id,
                                                      gint64             leader_id,
                                                      int                position,
                                                      const char        *call_date,
                                                      GError           **error);
gboolean          readout_store_bulk_add_source      (ReadoutStoreBulk  *self,
                                                      gint64             id,
                                                      gint64             call_id,
                                                      const char        *publisher,
                                                      const char        *side,
                                                      const char        *date,
                                                      const char        *title,
                                                      GError           **error);
gboolean          readout_store_bulk_add_statement   (ReadoutStoreBulk  *self,
                                                      gint64             id,
                                                      gint64             call_id,
                                                      gint64             source_id,
                                                      const char        *speaker,
                                                      const char        *side,
                                                      const char        *kind,
                                                      const char        *text,
                                                      gssize             text_length,
                                                      int                position,
                                                      GArray            *topic_ids,
                                                      GError           **error);
/* Builds the indexes and commits when @keep is TRUE, rolls back otherwise; frees @self
 * either way. */
gboolean          readout_store_bulk_finish          (ReadoutStoreBulk  *self,
                                                      gboolean           keep,
                                                      GError           **error);

G_END_DECLS

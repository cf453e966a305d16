// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CONFLICT (readout_conflict_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutConflict, readout_conflict, READOUT, CONFLICT, GObject)

ReadoutConflict *readout_conflict_new (void);

gint64       readout_conflict_get_id      (ReadoutConflict *self);
gint64       readout_conflict_get_call_id (ReadoutConflict *self);
const char * readout_conflict_get_field   (ReadoutConflict *self);
void         readout_conflict_set_id      (ReadoutConflict *self, gint64 value);
void         readout_conflict_set_call_id (ReadoutConflict *self, gint64 value);
void         readout_conflict_set_field   (ReadoutConflict *self, const char *value);

/* One claim of a conflict: what a source says about the fact. */
void        readout_conflict_add_claim                   (ReadoutConflict *self,
                                                          const char      *value,
                                                          gint64           source_id,
                                                          const char      *source_publisher);
guint       readout_conflict_get_n_claims                (ReadoutConflict *self);
const char *readout_conflict_get_claim_value             (ReadoutConflict *self,
                                                          guint            index);
gint64      readout_conflict_get_claim_source_id         (ReadoutConflict *self,
                                                          guint            index);
const char *readout_conflict_get_claim_source_publisher  (ReadoutConflict *self,
                                                          guint            index);

G_END_DECLS

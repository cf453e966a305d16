// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CALL (readout_call_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCall, readout_call, READOUT, CALL, GObject)

ReadoutCall *readout_call_new (void);

gint64                   readout_call_get_id                    (ReadoutCall *self);
const char *             readout_call_get_date                  (ReadoutCall *self);
ReadoutDatePrecision     readout_call_get_date_precision        (ReadoutCall *self);
const char *             readout_call_get_time                  (ReadoutCall *self);
int                      readout_call_get_duration_minutes      (ReadoutCall *self);
ReadoutDurationQualifier readout_call_get_duration_qualifier    (ReadoutCall *self);
ReadoutCallStatus        readout_call_get_status                (ReadoutCall *self);
gint64                   readout_call_get_initiator_id          (ReadoutCall *self);
const char *             readout_call_get_initiator_name        (ReadoutCall *self);
const char * const *     readout_call_get_participant_names     (ReadoutCall *self);
const char * const *     readout_call_get_participant_countries (ReadoutCall *self);
const char * const *     readout_call_get_topics                (ReadoutCall *self);
void                     readout_call_set_id                    (ReadoutCall *self, gint64 value);
gint64 readout_call_get_row_version (ReadoutCall *self);
void readout_call_set_row_version (ReadoutCall *self, gint64 value);
void                     readout_call_set_date                  (ReadoutCall *self, const char *value);
void                     readout_call_set_date_precision        (ReadoutCall *self, ReadoutDatePrecision value);
void                     readout_call_set_time                  (ReadoutCall *self, const char *value);
void                     readout_call_set_duration_minutes      (ReadoutCall *self, int value);
void                     readout_call_set_duration_qualifier    (ReadoutCall *self, ReadoutDurationQualifier value);
void                     readout_call_set_status                (ReadoutCall *self, ReadoutCallStatus value);
void                     readout_call_set_initiator_id          (ReadoutCall *self, gint64 value);
void                     readout_call_set_initiator_name        (ReadoutCall *self, const char *value);
void                     readout_call_set_participant_names     (ReadoutCall *self, const char * const *value);
void                     readout_call_set_participant_countries (ReadoutCall *self, const char * const *value);
void                     readout_call_set_topics                (ReadoutCall *self, const char * const *value);

void          readout_call_set_participant_ids (ReadoutCall  *self,
                                                const gint64 *ids,
                                                guint         n_ids);
const gint64 *readout_call_get_participant_ids (ReadoutCall  *self,
                                                guint        *n_ids);
gboolean      readout_call_has_participant     (ReadoutCall  *self,
                                                gint64        leader_id);

G_END_DECLS

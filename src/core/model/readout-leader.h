// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_LEADER (readout_leader_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutLeader, readout_leader, READOUT, LEADER, GObject)

ReadoutLeader *readout_leader_new (void);

gint64               readout_leader_get_id             (ReadoutLeader *self);
const char *         readout_leader_get_name           (ReadoutLeader *self);
const char * const * readout_leader_get_aliases        (ReadoutLeader *self);
const char *         readout_leader_get_country        (ReadoutLeader *self);
const char *         readout_leader_get_country_name   (ReadoutLeader *self);
const char *         readout_leader_get_office         (ReadoutLeader *self);
const char *         readout_leader_get_term_start     (ReadoutLeader *self);
const char *         readout_leader_get_term_end       (ReadoutLeader *self);
guint                readout_leader_get_call_count     (ReadoutLeader *self);
const char *         readout_leader_get_last_call_date (ReadoutLeader *self);
void                 readout_leader_set_id             (ReadoutLeader *self, gint64 value);
gint64 readout_leader_get_row_version (ReadoutLeader *self);
void readout_leader_set_row_version (ReadoutLeader *self, gint64 value);
void                 readout_leader_set_name           (ReadoutLeader *self, const char *value);
void                 readout_leader_set_aliases        (ReadoutLeader *self, const char * const *value);
void                 readout_leader_set_country        (ReadoutLeader *self, const char *value);
void                 readout_leader_set_country_name   (ReadoutLeader *self, const char *value);
void                 readout_leader_set_office         (ReadoutLeader *self, const char *value);
void                 readout_leader_set_term_start     (ReadoutLeader *self, const char *value);
void                 readout_leader_set_term_end       (ReadoutLeader *self, const char *value);
void                 readout_leader_set_call_count     (ReadoutLeader *self, guint value);
void                 readout_leader_set_last_call_date (ReadoutLeader *self, const char *value);

char *readout_leader_dup_initials (ReadoutLeader *self);

G_END_DECLS

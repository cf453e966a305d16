// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SEARCH_HIT (readout_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchHit, readout_search_hit, READOUT, SEARCH_HIT, GObject)

ReadoutSearchHit *readout_search_hit_new (void);

gint64       readout_search_hit_get_statement_id      (ReadoutSearchHit *self);
gint64       readout_search_hit_get_source_id         (ReadoutSearchHit *self);
gint64       readout_search_hit_get_call_id           (ReadoutSearchHit *self);
const char * readout_search_hit_get_snippet           (ReadoutSearchHit *self);
const char * readout_search_hit_get_speaker           (ReadoutSearchHit *self);
const char * readout_search_hit_get_side              (ReadoutSearchHit *self);
const char * readout_search_hit_get_call_date         (ReadoutSearchHit *self);
const char * readout_search_hit_get_call_participants (ReadoutSearchHit *self);
const char * readout_search_hit_get_source_publisher  (ReadoutSearchHit *self);
void         readout_search_hit_set_statement_id      (ReadoutSearchHit *self, gint64 value);
void         readout_search_hit_set_source_id         (ReadoutSearchHit *self, gint64 value);
void         readout_search_hit_set_call_id           (ReadoutSearchHit *self, gint64 value);
void         readout_search_hit_set_snippet           (ReadoutSearchHit *self, const char *value);
void         readout_search_hit_set_speaker           (ReadoutSearchHit *self, const char *value);
void         readout_search_hit_set_side              (ReadoutSearchHit *self, const char *value);
void         readout_search_hit_set_call_date         (ReadoutSearchHit *self, const char *value);
void         readout_search_hit_set_call_participants (ReadoutSearchHit *self, const char *value);
void         readout_search_hit_set_source_publisher  (ReadoutSearchHit *self, const char *value);

char *readout_search_hit_dup_snippet_markup (ReadoutSearchHit *self);

G_END_DECLS

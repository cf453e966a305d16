// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_SOURCE (readout_source_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSource, readout_source, READOUT, SOURCE, GObject)

ReadoutSource *readout_source_new (void);

gint64            readout_source_get_id        (ReadoutSource *self);
gint64            readout_source_get_call_id   (ReadoutSource *self);
const char *      readout_source_get_publisher (ReadoutSource *self);
ReadoutSourceKind readout_source_get_kind      (ReadoutSource *self);
const char *      readout_source_get_side      (ReadoutSource *self);
const char *      readout_source_get_date      (ReadoutSource *self);
const char *      readout_source_get_title     (ReadoutSource *self);
const char *      readout_source_get_url       (ReadoutSource *self);
const char *      readout_source_get_text      (ReadoutSource *self);
void              readout_source_set_id        (ReadoutSource *self, gint64 value);
gint64 readout_source_get_row_version (ReadoutSource *self);
void readout_source_set_row_version (ReadoutSource *self, gint64 value);
void              readout_source_set_call_id   (ReadoutSource *self, gint64 value);
void              readout_source_set_publisher (ReadoutSource *self, const char *value);
void              readout_source_set_kind      (ReadoutSource *self, ReadoutSourceKind value);
void              readout_source_set_side      (ReadoutSource *self, const char *value);
void              readout_source_set_date      (ReadoutSource *self, const char *value);
void              readout_source_set_title     (ReadoutSource *self, const char *value);
void              readout_source_set_url       (ReadoutSource *self, const char *value);
void              readout_source_set_text      (ReadoutSource *self, const char *value);

G_END_DECLS

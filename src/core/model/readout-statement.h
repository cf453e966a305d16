// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_STATEMENT (readout_statement_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutStatement, readout_statement, READOUT, STATEMENT, GObject)

ReadoutStatement *readout_statement_new (void);

gint64               readout_statement_get_id               (ReadoutStatement *self);
gint64               readout_statement_get_call_id          (ReadoutStatement *self);
gint64               readout_statement_get_source_id        (ReadoutStatement *self);
const char *         readout_statement_get_speaker          (ReadoutStatement *self);
const char *         readout_statement_get_side             (ReadoutStatement *self);
ReadoutStatementKind readout_statement_get_kind             (ReadoutStatement *self);
const char *         readout_statement_get_text             (ReadoutStatement *self);
int                  readout_statement_get_position         (ReadoutStatement *self);
const char * const * readout_statement_get_topics           (ReadoutStatement *self);
const char *         readout_statement_get_source_publisher (ReadoutStatement *self);
const char *         readout_statement_get_source_title     (ReadoutStatement *self);
void                 readout_statement_set_id               (ReadoutStatement *self, gint64 value);
gint64 readout_statement_get_row_version (ReadoutStatement *self);
void readout_statement_set_row_version (ReadoutStatement *self, gint64 value);
void                 readout_statement_set_call_id          (ReadoutStatement *self, gint64 value);
void                 readout_statement_set_source_id        (ReadoutStatement *self, gint64 value);
void                 readout_statement_set_speaker          (ReadoutStatement *self, const char *value);
void                 readout_statement_set_side             (ReadoutStatement *self, const char *value);
void                 readout_statement_set_kind             (ReadoutStatement *self, ReadoutStatementKind value);
void                 readout_statement_set_text             (ReadoutStatement *self, const char *value);
void                 readout_statement_set_position         (ReadoutStatement *self, int value);
void                 readout_statement_set_topics           (ReadoutStatement *self, const char * const *value);
void                 readout_statement_set_source_publisher (ReadoutStatement *self, const char *value);
void                 readout_statement_set_source_title     (ReadoutStatement *self, const char *value);

G_END_DECLS

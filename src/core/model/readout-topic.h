// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-enums.h"
#include "readout-enum-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_TOPIC (readout_topic_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutTopic, readout_topic, READOUT, TOPIC, GObject)

ReadoutTopic *readout_topic_new (void);

gint64       readout_topic_get_id   (ReadoutTopic *self);
const char * readout_topic_get_name (ReadoutTopic *self);
void         readout_topic_set_id   (ReadoutTopic *self, gint64 value);
gint64 readout_topic_get_row_version (ReadoutTopic *self);
void readout_topic_set_row_version (ReadoutTopic *self, gint64 value);
void         readout_topic_set_name (ReadoutTopic *self, const char *value);

/* Keywords are matched case-insensitively on word boundaries; a keyword ending in "*"
 * matches any word that starts with it ("сири*" matches "Сирии"). */
void                 readout_topic_set_keywords    (ReadoutTopic       *self,
                                                    const char         *language,
                                                    const char * const *keywords);
const char * const  *readout_topic_get_keywords    (ReadoutTopic       *self,
                                                    const char         *language);
char               **readout_topic_dup_languages   (ReadoutTopic       *self);

G_END_DECLS

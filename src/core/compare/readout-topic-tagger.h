// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

#include "readout-topic.h"

G_BEGIN_DECLS

/* Finds which topics a text is about from the topics' keywords (all languages at once).
 * Built once per topic list and then used read-only, so one tagger may tag from several
 * threads at the same time. */
typedef struct _ReadoutTopicTagger ReadoutTopicTagger;

ReadoutTopicTagger *readout_topic_tagger_new       (void);
void                readout_topic_tagger_free      (ReadoutTopicTagger *self);
void                readout_topic_tagger_add_topic (ReadoutTopicTagger *self,
                                                    gint64              topic_id,
                                                    ReadoutTopic       *topic);
GArray             *readout_topic_tagger_tag       (ReadoutTopicTagger *self,
                                                    const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTopicTagger, readout_topic_tagger_free)

G_END_DECLS

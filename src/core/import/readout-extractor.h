// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "readout-extraction.h"
#include "readout-leader.h"
#include "readout-topic.h"

G_BEGIN_DECLS

#define READOUT_TYPE_EXTRACTOR (readout_extractor_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutExtractor, readout_extractor, READOUT, EXTRACTOR, GObject)

/* Finds the calls a readout or an article reports, with their date, participants,
 * duration, status and initiator, and the statements with their speaker, side and
 * topics. Leaders and topics are given once (from the store, or from a list); one
 * extractor then reads any number of texts and is not changed by reading. */
ReadoutExtractor  *readout_extractor_new                (void);
/* A leader the texts may name, by name or alias; its id is kept for matching. */
void               readout_extractor_add_leader         (ReadoutExtractor  *self,
                                                         ReadoutLeader     *leader);
void               readout_extractor_add_topic          (ReadoutExtractor  *self,
                                                         ReadoutTopic      *topic);
/* The built-in topic list (data/topics.json). */
gboolean           readout_extractor_add_default_topics (ReadoutExtractor  *self,
                                                         GError           **error);
/* The date to resolve "on Saturday" against when a text carries no date of its own. */
void               readout_extractor_set_fallback_date  (ReadoutExtractor  *self,
                                                         const char        *iso_date);
/* "Today" for guessing the year of a dateline without one ("Nov. 21 (UPI)");
 * the real date unless set (tests set it). */
void               readout_extractor_set_today          (ReadoutExtractor  *self,
                                                         const char        *iso_date);
/* The "today" set with readout_extractor_set_today(), or NULL for the real one. */
const char        *readout_extractor_get_today          (ReadoutExtractor  *self);
/* Fails with READOUT_ERROR_NOTHING_FOUND when the text reports no call. @file
 * (nullable) names the text in messages and in the result. */
ReadoutExtraction *readout_extractor_extract            (ReadoutExtractor  *self,
                                                         const char        *text,
                                                         const char        *file,
                                                         GError           **error);

G_END_DECLS

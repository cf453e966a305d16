// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How specific a topic is, which decides the one row of Compare a statement of several
 * topics is shown in: a place ("Syria", "Indo-Pacific") names what the statement is about,
 * a theme ("Military aid", "Wildfires") what about it, and a broad topic ("Bilateral
 * relations", "Security and defence") fits nearly every statement. The kinds are the
 * "kind" members of data/topics.json; a topic the user added is a theme. */
typedef enum {
  READOUT_TOPIC_KIND_BROAD,
  READOUT_TOPIC_KIND_THEME,
  READOUT_TOPIC_KIND_PLACE,
} ReadoutTopicKind;

ReadoutTopicKind readout_topic_kind_of (const char *topic);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names of the data in the user's language: the topics of data/topics.json ("names") and
 * the offices of data/offices.json. The store keeps the English names, which stay the
 * keys (and what the CLI's JSON prints); these are for display. A name the data files
 * do not translate (a topic the user added) is shown as it is. */

const char *readout_display_topic  (const char *topic);
const char *readout_display_office (const char *office);
/* The topics' display names joined with @separator; NULL for none. */
char       *readout_display_join_topics (const char * const *topics,
                                         const char         *separator);

G_END_DECLS

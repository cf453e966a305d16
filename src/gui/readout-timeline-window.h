// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_TIMELINE_WINDOW (readout_timeline_window_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutTimelineWindow, readout_timeline_window, READOUT, TIMELINE_WINDOW, AdwWindow)

/* Calls over time: the timeline of @leader_id's calls, the relations of the whole store
 * (the pairs that talk most) and one topic across a pair's calls. ::call-activated
 * (gint64 call id) asks the main window to show a call. */
ReadoutTimelineWindow *readout_timeline_window_new (GtkWindow    *parent,
                                                    ReadoutStore *store,
                                                    gint64        leader_id);
/* Shows one topic across the calls of two leaders (the "Topic History" page). */
void readout_timeline_window_show_topic_history (ReadoutTimelineWindow *self,
                                                 gint64                 leader_a,
                                                 gint64                 leader_b);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-store.h"

G_BEGIN_DECLS

#define READOUT_TYPE_TIMELINE_VIEW (readout_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutTimelineView, readout_timeline_view, READOUT, TIMELINE_VIEW, GtkWidget)

/* A leader's calls over time (ReadoutTimelineChart on screen): hover a mark for its
 * call, click it or press Enter to open it (::call-activated); Left and Right step
 * through the marks in view, plus and minus zoom, scrolling zooms around the pointer,
 * dragging or a horizontal scroll pans, a pinch zooms. */
GtkWidget *readout_timeline_view_new        (void);
/* Loads @leader_id's calls; FALSE (with @error) when the store cannot be read. */
gboolean   readout_timeline_view_set_leader (ReadoutTimelineView *self,
                                             ReadoutStore        *store,
                                             gint64               leader_id,
                                             GError             **error);
/* Writes the chart as it shows (its size, at least 800 × 500, its span and style) with
 * @title to @path: PNG, SVG or PDF after the extension. */
gboolean   readout_timeline_view_export     (ReadoutTimelineView *self,
                                             const char          *path,
                                             const char          *title,
                                             GError             **error);
/* The call of the selected mark, 0 when none is. */
gint64     readout_timeline_view_get_selected_call (ReadoutTimelineView *self);
/* The first and last day in view as ISO dates; FALSE when no leader is loaded. */
gboolean   readout_timeline_view_dup_period (ReadoutTimelineView  *self,
                                             char                **first,
                                             char                **last);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays out one row of the Compare page: the first child is the topic's header across
 * the whole width; the children after it come in twos, side A's cell then side B's.
 * Wide, each two share a line whose height is the taller cell's, so the two columns
 * stay level however the prose wraps. Narrower than the stacking width, the cells stack:
 * A above B, line by line. An invisible cell leaves its column empty. */

#define READOUT_TYPE_COMPARE_LAYOUT (readout_compare_layout_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCompareLayout, readout_compare_layout, READOUT, COMPARE_LAYOUT, GtkLayoutManager)

/* Below this width (in pixels, of the row) the columns stack. */
#define READOUT_COMPARE_LAYOUT_STACK_WIDTH 480

GtkLayoutManager *readout_compare_layout_new         (void);
/* Whether the last allocation stacked the columns. */
gboolean          readout_compare_layout_get_stacked (ReadoutCompareLayout *self);

G_END_DECLS

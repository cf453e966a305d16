// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define READOUT_TYPE_WRAP_LAYOUT (readout_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutWrapLayout, readout_wrap_layout, READOUT, WRAP_LAYOUT, GtkLayoutManager)

/* Lays children out left to right at their natural width, wrapping to a new line when
 * the next one does not fit: tags such as topic labels, each as wide as its word.
 * (GtkFlowBox aligns its children in columns, which leaves gaps between short tags.) */
GtkLayoutManager *readout_wrap_layout_new (int spacing);

G_END_DECLS

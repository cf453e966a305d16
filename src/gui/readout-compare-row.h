// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "readout-comparison.h"

G_BEGIN_DECLS

/* One topic of the Compare page: a header with the topic and its status in words and an
 * icon, then side A's statements beside side B's (stacked when narrow; see
 * readout-compare-layout.h). Paired sentences mark the words only one side used.
 *
 * Each statement shows its speaker and a button for its source; the source's popover
 * offers "Show in Call", which activates "compare.show-statement" with the statement's
 * id, for the page to handle. */

#define READOUT_TYPE_COMPARE_ROW (readout_compare_row_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutCompareRow, readout_compare_row, READOUT, COMPARE_ROW, GtkWidget)

typedef struct {
  GdkRGBA only_a;  /* background of the words only side A used */
  GdkRGBA only_b;  /* background of the words only side B used */
} ReadoutCompareColors;

/* @sources: (element-type gint64 ReadoutSource): the call's sources by id, to name each
 * statement's source; it may lack some. */
GtkWidget               *readout_compare_row_new         (ReadoutComparison          *comparison,
                                                          guint                       row,
                                                          GHashTable                 *sources,
                                                          const ReadoutCompareColors *colors);
/* The summary above the rows: what each side alone mentioned, and its typical words,
 * in the same two columns. */
GtkWidget               *readout_compare_row_new_summary (ReadoutComparison          *comparison,
                                                          const ReadoutCompareColors *colors);
const char              *readout_compare_row_get_topic   (ReadoutCompareRow          *self);
ReadoutComparisonStatus  readout_compare_row_get_status  (ReadoutCompareRow          *self);
/* The status in words, as the header shows it ("Both sides", "Only Russia"). */
const char              *readout_compare_row_get_status_text (ReadoutCompareRow      *self);
/* Whether the row's columns are stacked (the row is narrow). */
gboolean                 readout_compare_row_get_stacked (ReadoutCompareRow          *self);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-comparison.h"
#include "readout-store.h"

G_BEGIN_DECLS

/* Shared by test-pdf and bench-pdf: a store with one United States–Russia call and one
 * source per side, and comparisons of that call built in memory with any number of rows. */

ReadoutStore      *pdf_fixture_store      (const char *folder,
                                           gint64     *call_id,
                                           gint64     *source_a,
                                           gint64     *source_b);
/* @n_rows topics "Topic 001"…, each with a statement of each side, the two paired with
 * a few words changed. Row @huge_row (or none if -1) gets on side A a statement of
 * @huge_words numbered words "w0001 w0002 …", taller than a page. */
ReadoutComparison *pdf_fixture_comparison (gint64      call_id,
                                           gint64      source_a,
                                           gint64      source_b,
                                           guint       n_rows,
                                           int         huge_row,
                                           guint       huge_words);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* What `readout-cli bench` needs of the store beyond its public reads: the subjects of
 * the timed reads, and the same SQL the list models run, read row by row with no
 * objects built, as the baseline the model layer is measured against. */

gboolean  readout_store_bench_pick_subjects      (ReadoutStore  *self,
                                                  gint64        *busiest_leader_id,
                                                  gint64        *middle_call_id,
                                                  GError       **error);
void      readout_store_bench_read_call_page     (ReadoutStore  *self,
                                                  gint64         leader_id);
void      readout_store_bench_read_call          (ReadoutStore  *self,
                                                  gint64         call_id);

G_END_DECLS

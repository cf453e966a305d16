// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Synthetic stores for benchmarks: a few leaders with thousands of calls, most with a
 * handful; statements of 10–60 words drawn from the topics' English and Russian
 * vocabulary. The same seed gives the same store. */
typedef struct {
  guint   n_leaders;
  guint   n_calls;
  guint   n_statements;
  guint32 seed;
} ReadoutGeneratorOptions;

/* Writes a new store at @path, which must not exist. */
gboolean readout_generator_run (const char                    *path,
                                const ReadoutGeneratorOptions *options,
                                GError                       **error);

G_END_DECLS

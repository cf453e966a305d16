// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When the process started, for READOUT_BENCH (readout-window-debug.c): main() marks
 * it first thing, the window reports from there. No type here: plain functions. */
void    readout_startup_time_mark                (void);
gint64  readout_startup_time_get_start           (void);
/* Milliseconds from the exec of the process to main(), from /proc; -1 where unknown. */
double  readout_startup_time_get_exec_to_main_ms (void);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout"

#include "config.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

#include "readout-startup-time.h"

static gint64 start_time;
static double exec_to_main_ms = -1;

void
readout_startup_time_mark (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;

  start_time = g_get_monotonic_time ();

  /* Field 22 of /proc/self/stat is when the process started, in clock ticks since
   * boot (CLOCK_BOOTTIME), so the time before main() (dynamic linking, the
   * constructors of GTK) is part of the startup figure too. */
  if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) &&
      clock_gettime (CLOCK_BOOTTIME, &now) == 0)
    {
      const char *p = strrchr (stat, ')');
      g_auto(GStrv) fields = p != NULL ? g_strsplit (p + 2, " ", 0) : NULL;

      /* After "pid (comm) ", field 3 (state) is index 0, so field 22 is index 19. */
      if (fields != NULL && g_strv_length (fields) > 19)
        {
          double ticks = g_ascii_strtod (fields[19], NULL);
          double started = ticks / sysconf (_SC_CLK_TCK);
          double now_s = now.tv_sec + now.tv_nsec / 1e9;

          exec_to_main_ms = (now_s - started) * 1000.0;
        }
    }
}

gint64
readout_startup_time_get_start (void)
{
  return start_time;
}

double
readout_startup_time_get_exec_to_main_ms (void)
{
  return exec_to_main_ms;
}

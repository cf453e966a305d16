// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-window"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "readout-startup-time.h"
#include "readout-topics-window.h"
#include "readout-window-private.h"

/* Hooks for benchmarks and screenshots, compiled in with -Ddebug-hooks=true only
 * (build-aux/test turns it on); a release build reads neither variable.
 *
 * READOUT_BENCH=1: prints how long the first frame and selecting the busiest leader
 * took, then quits. Startup is measured from the exec of the process; the leader is
 * selected once the window is idle after its first frame, as a click would be.
 *
 * READOUT_OPEN_FORM=WHAT: once a store is shown, opens a form as its action would:
 * "leader:ID", "new-leader", "call:ID", "new-call", "source:ID", "new-source:CALL",
 * "statement:ID", "new-statement:SOURCE", "topics", "topic:POSITION",
 * "merge-leader:ID", "merge-call:ID", "timeline" (the selected leader's calls over time), "connect-team-store". */

static double
ms_since (gint64 mark)
{
  return (g_get_monotonic_time () - mark) / 1000.0;
}

/* The main thread's CPU time: on a machine shared with builds, wall time to a frame
 * varies twofold from run to run; this varies less. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* The bench's stages: waiting for the first frame, for the window to be idle, for the
 * frame after the selection; done. */
enum {
  BENCH_FIRST_FRAME,
  BENCH_IDLE,
  BENCH_SELECTED,
  BENCH_DONE
};

static void
bench_finish (ReadoutWindow *self)
{
  g_print ("bench: RSS: %ld KiB\n", rss_kib ());
  self->bench_stage = BENCH_DONE;
  g_clear_signal_handler (&self->bench_paint_handler, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  g_idle_add_once ((GSourceOnceFunc) gtk_window_destroy, self);
}

/* Selects the busiest leader once the window has done what it does after its first
 * frame, as a click comes when the window is idle. */
static gboolean
bench_select_cb (gpointer user_data)
{
  ReadoutWindow *self = user_data;
  GListModel *leaders = readout_leaders_pane_get_model (self->leaders_pane);
  guint n_leaders = leaders != NULL ? g_list_model_get_n_items (leaders) : 0;
  guint busiest = 0, most = 0;

  self->bench_select_idle = 0;
  if (n_leaders == 0)
    {
      bench_finish (self);
      return G_SOURCE_REMOVE;
    }

  /* Not timed: finding the busiest leader reads every row on purpose. */
  for (guint i = 0; i < n_leaders; i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);

      if (leader != NULL && readout_leader_get_call_count (leader) > most)
        {
          most = readout_leader_get_call_count (leader);
          busiest = i;
        }
    }

  self->bench_leader_calls = most;
  self->bench_stage = BENCH_SELECTED;
  self->bench_mark = g_get_monotonic_time ();
  self->bench_cpu_mark = thread_cpu_ms ();
  /* As a click does: by position, not by a search for the id. */
  readout_leaders_pane_select_position (self->leaders_pane, busiest);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
print_first_frame (ReadoutWindow *self)
{
  GListModel *leaders = readout_leaders_pane_get_model (self->leaders_pane);
  double exec_ms = readout_startup_time_get_exec_to_main_ms ();
  double main_ms = ms_since (readout_startup_time_get_start ());

  g_print ("bench: leaders listed: %u\n", leaders != NULL ? g_list_model_get_n_items (leaders) : 0);
  g_print ("bench: exec to main: %.1f ms\n", exec_ms);
  g_print ("bench: main to first frame: %.1f ms\n", main_ms);
  if (exec_ms >= 0)
    g_print ("bench: exec to first frame: %.1f ms\n", exec_ms + main_ms);
  /* The main thread began with the process: its CPU time so far is the start's. */
  g_print ("bench: exec to first frame, main thread CPU: %.1f ms\n", thread_cpu_ms ());
}

static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         ReadoutWindow *self)
{
  if (self->bench_stage == BENCH_FIRST_FRAME)
    {
      print_first_frame (self);
      self->bench_stage = BENCH_IDLE;
      /* After the window's own idle work, which runs at G_PRIORITY_LOW at the most. */
      self->bench_select_idle = g_idle_add_full (G_PRIORITY_LOW + 1, bench_select_cb, self, NULL);
    }
  else if (self->bench_stage == BENCH_SELECTED)
    {
      GListModel *calls = readout_calls_pane_get_model (self->calls_pane);

      g_print ("bench: select busiest leader (%u calls, %u listed) to frame: %.1f ms\n",
               self->bench_leader_calls, calls != NULL ? g_list_model_get_n_items (calls) : 0,
               ms_since (self->bench_mark));
      g_print ("bench: select busiest leader, main thread CPU: %.1f ms\n",
               thread_cpu_ms () - self->bench_cpu_mark);
      bench_finish (self);
    }
}

static void
bench_start (ReadoutWindow *self)
{
  if (self->bench_paint_handler != 0)
    return;

  /* The frame clock exists once the window is realized. */
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    gtk_widget_realize (GTK_WIDGET (self));

  self->bench_stage = BENCH_FIRST_FRAME;
  self->bench_paint_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                                "after-paint",
                                                G_CALLBACK (on_bench_after_paint_cb), self);
}

/* What READOUT_OPEN_FORM names, and the action that opens it. */
static const struct {
  const char *what;
  const char *action;
} forms[] = {
  { "leader", "win.edit-leader" },
  { "new-leader", "win.add-leader" },
  { "call", "win.edit-call" },
  { "new-call", "win.add-call" },
  { "source", "win.edit-source" },
  { "new-source", "win.add-source" },
  { "statement", "win.edit-statement" },
  { "new-statement", "win.add-statement" },
  { "topics", "win.edit-topics" },
  { "merge-leader", "win.merge-leader" },
  { "merge-call", "win.merge-call" },
  { "timeline", "win.show-timeline" },
  { "connect-team-store", "win.connect-team-store" },
};

static void
open_form (ReadoutWindow *self,
           const char    *description)
{
  g_auto(GStrv) parts = g_strsplit (description, ":", 2);
  gint64 id = parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0;

  if (g_str_equal (parts[0], "topic"))
    {
      GtkWindow *topics = _readout_window_edit_open_topics (self);

      if (topics != NULL)
        readout_topics_window_edit_topic (READOUT_TOPICS_WINDOW (topics), (guint) id);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (parts[0], forms[i].what))
      {
        /* An action with a parameter takes the id; one without, nothing. */
        if (parts[1] != NULL)
          gtk_widget_activate_action (GTK_WIDGET (self), forms[i].action, "x", id);
        else
          gtk_widget_activate_action (GTK_WIDGET (self), forms[i].action, NULL);
        return;
      }
  g_warning ("Unknown form “%s”", description);
}

static void
open_form_from_environment_cb (gpointer user_data)
{
  ReadoutWindow *self = user_data;

  self->open_form_idle = 0;
  open_form (self, g_getenv ("READOUT_OPEN_FORM"));
}

void
_readout_window_debug_store_shown (ReadoutWindow *self)
{
  if (g_getenv ("READOUT_BENCH") != NULL)
    bench_start (self);
  /* After the window has shown the store, as a user would open the form. */
  if (g_getenv ("READOUT_OPEN_FORM") != NULL && self->open_form_idle == 0)
    self->open_form_idle = g_idle_add_once (open_form_from_environment_cb, self);
}

void
_readout_window_debug_dispose (ReadoutWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_handle_id (&self->open_form_idle, g_source_remove);
  g_clear_handle_id (&self->bench_select_idle, g_source_remove);
  if (self->bench_paint_handler != 0 && clock != NULL)
    g_clear_signal_handler (&self->bench_paint_handler, clock);
}

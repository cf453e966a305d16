// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "readout-gui-test-util.h"

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
readout_gui_test_wait_for_frames (GtkWidget *window,
                                  int        frames)
{
  for (int i = 0; i < frames; i++)
    {
      gboolean painted = FALSE;
      GdkFrameClock *clock;
      gulong handler;
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      while (!gtk_widget_get_mapped (window) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);

      clock = gtk_widget_get_frame_clock (window);
      g_assert_nonnull (clock);
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
      gtk_widget_queue_draw (window);
      while (!painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_signal_handler_disconnect (clock, handler);
      g_assert_true (painted);
    }
}

void
readout_gui_test_remove_store (const char *folder,
                               const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (folder);
}

GtkWidget *
readout_gui_test_find_row (GtkWidget  *root,
                           const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = readout_gui_test_find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
readout_gui_test_action_enabled (GtkWidget  *widget,
                                 const char *action)
{
  /* A button inside @widget, as a menu item or a toolbar button would be: it follows
   * whether the action is there and enabled. A class action (gtk_widget_class_install_action)
   * is in no GActionGroup a test could ask. */
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_popover_set_child (GTK_POPOVER (popover), button);
  gtk_widget_set_parent (popover, widget);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (popover);
  return enabled;
}

GtkWidget *
readout_gui_test_find_widget (GtkWidget *root,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = readout_gui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

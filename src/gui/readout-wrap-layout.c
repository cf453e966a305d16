// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-wrap-layout"

#include "config.h"

#include "readout-wrap-layout.h"

struct _ReadoutWrapLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (ReadoutWrapLayout, readout_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Walks the visible children as they would be placed in @width; allocates them when
 * @allocate is set. Returns the height used. */
static int
flow (ReadoutWrapLayout *self,
      GtkWidget         *widget,
      int                width,
      gboolean           allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_width, nat_width, child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      child_width = width > 0 ? MIN (nat_width, MAX (width, min_width)) : nat_width;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);

      if (x > 0 && width > 0 && x + child_width > width)
        {
          y += line_height + self->spacing;
          x = 0;
          line_height = 0;
        }
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_width, child_height }, -1);
      x += child_width + self->spacing;
      line_height = MAX (line_height, child_height);
    }
  return y + line_height;
}

static GtkSizeRequestMode
readout_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
readout_wrap_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  ReadoutWrapLayout *self = READOUT_WRAP_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, total = 0, n = 0;

      /* As narrow as the widest child; as wide as all of them on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          widest = MAX (widest, child_min);
          total += child_nat;
          n++;
        }
      *minimum = widest;
      *natural = total + MAX (n - 1, 0) * self->spacing;
    }
  else
    *minimum = *natural = flow (self, widget, for_size, FALSE);
}

static void
readout_wrap_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  flow (READOUT_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
readout_wrap_layout_class_init (ReadoutWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = readout_wrap_layout_get_request_mode;
  manager_class->measure = readout_wrap_layout_measure;
  manager_class->allocate = readout_wrap_layout_allocate;
}

static void
readout_wrap_layout_init (ReadoutWrapLayout *self)
{
}

GtkLayoutManager *
readout_wrap_layout_new (int spacing)
{
  ReadoutWrapLayout *self = g_object_new (READOUT_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  return GTK_LAYOUT_MANAGER (self);
}

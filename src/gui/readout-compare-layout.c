// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-compare-layout"

#include "config.h"

#include "readout-compare-layout.h"

#define COLUMN_GAP 24
#define LINE_GAP   12
#define HEADER_GAP 10

struct _ReadoutCompareLayout
{
  GtkLayoutManager parent_instance;

  gboolean         stacked;
};

G_DEFINE_FINAL_TYPE (ReadoutCompareLayout, readout_compare_layout, GTK_TYPE_LAYOUT_MANAGER)

static gboolean
is_stacked (int width)
{
  return width >= 0 && width < READOUT_COMPARE_LAYOUT_STACK_WIDTH;
}

static int
column_width (int width)
{
  return MAX (0, (width - COLUMN_GAP) / 2);
}

/* The height of @child at @width (never narrower than it can be). */
static void
measure_height (GtkWidget *child,
                int        width,
                int       *minimum,
                int       *natural)
{
  int min_width = 0;

  if (width >= 0)
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      width = MAX (width, min_width);
    }
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
readout_compare_layout_get_request_mode (GtkLayoutManager *manager,
                                         GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure_width (GtkWidget *widget,
               int       *minimum,
               int       *natural)
{
  int header_min = 0, header_nat = 0, cell_min = 0, cell_nat = 0;
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &header_min, &header_nat, NULL, NULL);

  for (child = child != NULL ? gtk_widget_get_next_sibling (child) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      cell_min = MAX (cell_min, child_min);
      cell_nat = MAX (cell_nat, child_nat);
    }

  /* The least is one column (stacked); what it would like is two. */
  *minimum = MAX (header_min, cell_min);
  *natural = MAX (header_nat, 2 * cell_nat + COLUMN_GAP);
}

/* Walks the lines at @width: with @allocate, places each cell; returns the heights. */
static void
layout_lines (GtkWidget *widget,
              int        width,
              gboolean   allocate,
              int       *minimum,
              int       *natural)
{
  GtkWidget *header = gtk_widget_get_first_child (widget);
  gboolean stacked = is_stacked (width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int cell_width = stacked ? width : column_width (width);
  int total_min = 0, total_nat = 0;
  GtkWidget *a;

  if (header == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (gtk_widget_should_layout (header))
    {
      int header_min, header_nat;

      measure_height (header, width, &header_min, &header_nat);
      if (allocate)
        gtk_widget_size_allocate (header, &(GtkAllocation) { 0, 0, width, header_min }, -1);
      total_min = header_min;
      total_nat = header_nat;
    }

  for (a = gtk_widget_get_next_sibling (header); a != NULL; )
    {
      GtkWidget *b = gtk_widget_get_next_sibling (a);
      GtkWidget *cells[2] = { a, b };
      int heights_min[2] = { 0, 0 }, heights_nat[2] = { 0, 0 };
      gboolean shown[2];

      for (int i = 0; i < 2; i++)
        {
          shown[i] = cells[i] != NULL && gtk_widget_should_layout (cells[i]);
          if (shown[i])
            measure_height (cells[i], cell_width, &heights_min[i], &heights_nat[i]);
        }

      if (stacked)
        {
          for (int i = 0; i < 2; i++)
            {
              if (!shown[i])
                continue;
              total_min += (total_min > 0 ? LINE_GAP : 0);
              total_nat += (total_nat > 0 ? LINE_GAP : 0);
              if (allocate)
                gtk_widget_size_allocate (cells[i],
                                          &(GtkAllocation) { 0, total_min, width, heights_min[i] },
                                          -1);
              total_min += heights_min[i];
              total_nat += heights_nat[i];
            }
        }
      else if (shown[0] || shown[1])
        {
          int line_min = MAX (heights_min[0], heights_min[1]);
          int line_nat = MAX (heights_nat[0], heights_nat[1]);

          total_min += (total_min > 0 ? (a == gtk_widget_get_next_sibling (header) ? HEADER_GAP : LINE_GAP) : 0);
          total_nat += (total_nat > 0 ? (a == gtk_widget_get_next_sibling (header) ? HEADER_GAP : LINE_GAP) : 0);
          for (int i = 0; i < 2 && allocate; i++)
            {
              /* Side A reads first: on the left, or on the right in a right-to-left locale. */
              int x = (i == 0) != rtl ? 0 : width - cell_width;

              if (shown[i])
                gtk_widget_size_allocate (cells[i],
                                          &(GtkAllocation) { x, total_min, cell_width, line_min },
                                          -1);
            }
          total_min += line_min;
          total_nat += line_nat;
        }

      a = b != NULL ? gtk_widget_get_next_sibling (b) : NULL;
    }

  *minimum = total_min;
  *natural = MAX (total_min, total_nat);
}

static void
readout_compare_layout_measure (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                GtkOrientation    orientation,
                                int               for_size,
                                int              *minimum,
                                int              *natural,
                                int              *minimum_baseline,
                                int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    measure_width (widget, minimum, natural);
  else
    {
      int width = for_size;

      if (width < 0)
        {
          int min_width, nat_width;

          measure_width (widget, &min_width, &nat_width);
          width = nat_width;
        }
      layout_lines (widget, width, FALSE, minimum, natural);
    }
}

static void
readout_compare_layout_allocate (GtkLayoutManager *manager,
                                 GtkWidget        *widget,
                                 int               width,
                                 int               height,
                                 int               baseline)
{
  ReadoutCompareLayout *self = READOUT_COMPARE_LAYOUT (manager);
  int minimum, natural;

  self->stacked = is_stacked (width);
  layout_lines (widget, width, TRUE, &minimum, &natural);
}

static void
readout_compare_layout_class_init (ReadoutCompareLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = readout_compare_layout_get_request_mode;
  manager_class->measure = readout_compare_layout_measure;
  manager_class->allocate = readout_compare_layout_allocate;
}

static void
readout_compare_layout_init (ReadoutCompareLayout *self)
{
}

GtkLayoutManager *
readout_compare_layout_new (void)
{
  return g_object_new (READOUT_TYPE_COMPARE_LAYOUT, NULL);
}

gboolean
readout_compare_layout_get_stacked (ReadoutCompareLayout *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_LAYOUT (self), FALSE);

  return self->stacked;
}

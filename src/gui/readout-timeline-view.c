// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "readout-format.h"
#include "readout-timeline-chart.h"
#include "readout-timeline-view.h"

struct _ReadoutTimelineView
{
  GtkWidget parent_instance;

  ReadoutStore *store;
  ReadoutTimelineChart *chart;
  int selected;          /* mark index, -1 for none */
  double pointer_x;      /* for zooming around the pointer */
  double drag_first;     /* the view's first day when a drag began */
  double zoom_width;     /* the view's width when a pinch began */
};

G_DEFINE_FINAL_TYPE (ReadoutTimelineView, readout_timeline_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CALL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
plot_anchor (ReadoutTimelineView *self,
             double               x)
{
  double left, plot_width;

  readout_timeline_chart_get_plot (self->chart, gtk_widget_get_width (GTK_WIDGET (self)), &left, &plot_width);
  return (x - left) / plot_width;
}

static void
zoom_at (ReadoutTimelineView *self,
         double               factor,
         double               x)
{
  if (self->chart == NULL)
    return;
  readout_timeline_chart_zoom (self->chart, factor, plot_anchor (self, x));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *dup_tooltip (ReadoutTimelineView *self, const ReadoutTimelineMark *mark);

/* Selects mark @index, panning the view to it when it lies outside. */
static void
select_mark (ReadoutTimelineView *self,
             int                  index)
{
  const ReadoutTimelineMark *mark;
  double first, last;

  if (self->chart == NULL || index < 0 || (guint) index >= readout_timeline_chart_get_n_marks (self->chart))
    return;
  self->selected = index;
  mark = readout_timeline_chart_get_mark (self->chart, (guint) index);
  readout_timeline_chart_get_view (self->chart, &first, &last);
  if (mark->julian_day < first || mark->julian_day > last)
    readout_timeline_chart_set_view (self->chart, mark->julian_day - (last - first) / 2,
                                     mark->julian_day + (last - first) / 2);
  /* What a screen reader says of the chart: the selected call. */
  {
    g_autofree char *description = dup_tooltip (self, mark);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_selected (ReadoutTimelineView *self)
{
  gint64 call_id = readout_timeline_view_get_selected_call (self);

  if (call_id != 0)
    g_signal_emit (self, signals[SIGNAL_CALL_ACTIVATED], 0, call_id);
}

/* ---------------------------------------------------------------------------------- */
/* Input                                                                              */

static void
on_pressed_cb (GtkGestureClick     *gesture,
               int                  n_press,
               double               x,
               double               y,
               ReadoutTimelineView *self)
{
  int index;

  if (self->chart == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  index = readout_timeline_chart_mark_at (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                          gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (index < 0)
    return;
  select_mark (self, index);
  activate_selected (self);
}

/* Keyboard: the actions below, bound to keys in class_init. */
static void
next_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  ReadoutTimelineView *self = READOUT_TIMELINE_VIEW (widget);

  if (self->chart != NULL)
    select_mark (self, readout_timeline_chart_visible_mark (self->chart, self->selected + 1, 1));
}

static void
previous_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  ReadoutTimelineView *self = READOUT_TIMELINE_VIEW (widget);

  if (self->chart != NULL)
    select_mark (self, readout_timeline_chart_visible_mark (self->chart, self->selected < 0 ? -1 : self->selected - 1, -1));
}

static void
activate_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  activate_selected (READOUT_TIMELINE_VIEW (widget));
}

/* "timeline.zoom" takes a factor (< 1 zooms in), "timeline.pan" a fraction of the view. */
static void
zoom_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  zoom_at (READOUT_TIMELINE_VIEW (widget), g_variant_get_double (parameter), gtk_widget_get_width (widget) / 2.0);
}

static void
pan_activated (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  ReadoutTimelineView *self = READOUT_TIMELINE_VIEW (widget);

  if (self->chart == NULL)
    return;
  readout_timeline_chart_pan (self->chart, g_variant_get_double (parameter));
  gtk_widget_queue_draw (widget);
}

static void
install_keys (GtkWidgetClass *widget_class)
{
  const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_space };
  const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "d", zoom_activated);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "d", pan_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, activate_keys[i], 0, "timeline.activate", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], 0, "timeline.zoom", "d", 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], 0, "timeline.zoom", "d", 2.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan", "d", -0.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan", "d", 0.5);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              ReadoutTimelineView      *self)
{
  if (self->chart == NULL)
    return FALSE;
  if (dx != 0)
    readout_timeline_chart_pan (self->chart, dx * 0.05);
  if (dy != 0)
    readout_timeline_chart_zoom (self->chart, pow (1.2, dy), plot_anchor (self, self->pointer_x));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              ReadoutTimelineView      *self)
{
  self->pointer_x = x;
}

static void
on_drag_begin_cb (GtkGestureDrag      *gesture,
                  double               x,
                  double               y,
                  ReadoutTimelineView *self)
{
  double last;

  if (self->chart != NULL)
    readout_timeline_chart_get_view (self->chart, &self->drag_first, &last);
}

static void
on_drag_update_cb (GtkGestureDrag      *gesture,
                   double               dx,
                   double               dy,
                   ReadoutTimelineView *self)
{
  double first, last, left, plot_width, width;

  if (self->chart == NULL)
    return;
  readout_timeline_chart_get_view (self->chart, &first, &last);
  readout_timeline_chart_get_plot (self->chart, gtk_widget_get_width (GTK_WIDGET (self)), &left, &plot_width);
  width = last - first;
  first = self->drag_first - dx / plot_width * width;
  readout_timeline_chart_set_view (self->chart, first, first + width);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_zoom_begin_cb (GtkGesture          *gesture,
                  GdkEventSequence    *sequence,
                  ReadoutTimelineView *self)
{
  double first, last;

  if (self->chart == NULL)
    return;
  readout_timeline_chart_get_view (self->chart, &first, &last);
  self->zoom_width = last - first;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                          double               scale,
                          ReadoutTimelineView *self)
{
  double first, last, x, y;

  if (self->chart == NULL || scale <= 0)
    return;
  readout_timeline_chart_get_view (self->chart, &first, &last);
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  readout_timeline_chart_zoom (self->chart, self->zoom_width / scale / (last - first), plot_anchor (self, x));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
dup_tooltip (ReadoutTimelineView       *self,
             const ReadoutTimelineMark *mark)
{
  g_autoptr(ReadoutCall) call = readout_store_get_call (self->store, mark->call_id, NULL);
  g_autofree char *date = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *topics = NULL;
  GString *text = g_string_new (NULL);

  if (call == NULL)
    return g_string_free (text, FALSE);
  date = readout_format_date (readout_call_get_date (call), readout_call_get_date_precision (call));
  duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                      readout_call_get_duration_qualifier (call));
  topics = g_strjoinv (", ", (char **) readout_call_get_topics (call));
  g_string_append_printf (text, "%s\n%s · %s", date,
                          readout_timeline_chart_get_counterpart_name (self->chart, mark),
                          readout_format_call_status (readout_call_get_status (call)));
  if (duration != NULL)
    g_string_append_printf (text, " · %s", duration);
  if (topics[0] != '\0')
    g_string_append_printf (text, "\n%s", topics);
  return g_string_free (text, FALSE);
}

/* The tooltip is plain text (gtk_tooltip_set_text), so names and topics are never markup. */
static gboolean
on_query_tooltip_cb (GtkWidget           *widget,
                     int                  x,
                     int                  y,
                     gboolean             keyboard,
                     GtkTooltip          *tooltip,
                     ReadoutTimelineView *self)
{
  g_autofree char *text = NULL;
  int index;

  if (self->chart == NULL)
    return FALSE;
  index = keyboard ? self->selected
                   : readout_timeline_chart_mark_at (self->chart, gtk_widget_get_width (widget),
                                                     gtk_widget_get_height (widget), x, y);
  if (index < 0)
    return FALSE;
  text = dup_tooltip (self, readout_timeline_chart_get_mark (self->chart, (guint) index));
  gtk_tooltip_set_text (tooltip, text);
  return text[0] != '\0';
}

/* ---------------------------------------------------------------------------------- */

/* The chart is drawn into pixels at the display's scale and handed to GTK as a texture:
 * there the chart copies its marks from ready-drawn sprites, where a recorded cairo
 * node would fill and stroke each of thousands of circles again. */
static GdkTexture *
draw_texture (ReadoutTimelineView *self,
              int                  width,
              int                  height,
              int                  scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  ReadoutChartPalette palette;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  readout_chart_palette_init (&palette, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cr = cairo_create (surface);
  readout_timeline_chart_draw (self->chart, cr, width, height, &palette,
                               gtk_widget_has_focus (GTK_WIDGET (self)) ? self->selected : -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The texture keeps the surface's pixels, and the surface, until it is done. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) cairo_image_surface_get_stride (surface));
}

static void
readout_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ReadoutTimelineView *self = READOUT_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkTexture) texture = NULL;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  texture = draw_texture (self, width, height, gtk_widget_get_scale_factor (widget));
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
on_dark_changed_cb (ReadoutTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
readout_timeline_view_dispose (GObject *object)
{
  ReadoutTimelineView *self = READOUT_TIMELINE_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, readout_timeline_chart_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (readout_timeline_view_parent_class)->dispose (object);
}

static void
readout_timeline_view_class_init (ReadoutTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_timeline_view_dispose;
  widget_class->snapshot = readout_timeline_view_snapshot;

  signals[SIGNAL_CALL_ACTIVATED] = g_signal_new ("call-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  install_keys (widget_class);
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
add_controllers (ReadoutTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  gtk_widget_add_controller (widget, scroll);
  gtk_widget_add_controller (widget, motion);
}

static void
readout_timeline_view_init (ReadoutTimelineView *self)
{
  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 260);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);
  add_controllers (self);
}

GtkWidget *
readout_timeline_view_new (void)
{
  return g_object_new (READOUT_TYPE_TIMELINE_VIEW, NULL);
}

gboolean
readout_timeline_view_set_leader (ReadoutTimelineView  *self,
                                  ReadoutStore         *store,
                                  gint64                leader_id,
                                  GError              **error)
{
  ReadoutTimelineChart *chart;

  g_return_val_if_fail (READOUT_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (READOUT_IS_STORE (store), FALSE);

  chart = readout_timeline_chart_new (store, leader_id, error);
  if (chart == NULL)
    return FALSE;
  g_set_object (&self->store, store);
  g_clear_pointer (&self->chart, readout_timeline_chart_free);
  self->chart = chart;
  self->selected = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
readout_timeline_view_export (ReadoutTimelineView  *self,
                              const char           *path,
                              const char           *title,
                              GError              **error)
{
  g_return_val_if_fail (READOUT_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);

  return readout_timeline_chart_export (self->chart, path,
                                        MAX (800, gtk_widget_get_width (GTK_WIDGET (self))),
                                        MAX (500, gtk_widget_get_height (GTK_WIDGET (self))),
                                        title, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                        error);
}

gint64
readout_timeline_view_get_selected_call (ReadoutTimelineView *self)
{
  g_return_val_if_fail (READOUT_IS_TIMELINE_VIEW (self), 0);

  if (self->chart == NULL || self->selected < 0)
    return 0;
  return readout_timeline_chart_get_mark (self->chart, (guint) self->selected)->call_id;
}

static char *
julian_to_iso (double julian_day)
{
  g_autoptr(GDate) date = NULL;
  char text[16];

  date = g_date_new_julian ((guint32) CLAMP (julian_day, 1, G_MAXINT32));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

gboolean
readout_timeline_view_dup_period (ReadoutTimelineView  *self,
                                  char                **first,
                                  char                **last)
{
  double first_day, last_day;

  g_return_val_if_fail (READOUT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->chart == NULL)
    return FALSE;
  readout_timeline_chart_get_view (self->chart, &first_day, &last_day);
  /* Whole days: a day half in view counts. */
  *first = julian_to_iso (floor (first_day));
  *last = julian_to_iso (floor (last_day));
  return TRUE;
}

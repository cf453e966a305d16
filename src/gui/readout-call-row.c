// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "readout-call-row.h"
#include "readout-display-names.h"
#include "readout-format.h"
#include "readout-gui-util.h"

/* The row is one widget that lays out and draws its own text: the calls list keeps about
 * 30 rows, and as seven widgets each (labels in boxes) they were most of the time it took
 * to show a leader's calls. Each line is a PangoLayout made once and kept; binding a new
 * call only sets its text, and a layout is shaped again only when its text, the width or
 * the font changes. Screen readers read the row from its accessible label and description. */

typedef enum {
  LINE_DATE,
  LINE_STATUS,
  LINE_COUNTERPART,
  LINE_DURATION,
  LINE_TOPICS,
  N_LINES
} Line;

/* The sizes and weights of libadwaita's style classes the lines had as labels:
 * .heading for the date, .body for the other side, .caption for the rest. */
static const struct {
  int         points;
  PangoWeight weight;
} line_fonts[N_LINES] = {
  [LINE_DATE] = { 11, PANGO_WEIGHT_BOLD },
  [LINE_STATUS] = { 9, PANGO_WEIGHT_NORMAL },
  [LINE_COUNTERPART] = { 11, PANGO_WEIGHT_NORMAL },
  [LINE_DURATION] = { 9, PANGO_WEIGHT_NORMAL },
  [LINE_TOPICS] = { 9, PANGO_WEIGHT_NORMAL },
};

/* A line that may be cut is laid out from its first PREFIX_BYTES bytes, and further
 * only when a row is wide enough to show more (see ensure_prefix ()): the generated
 * store's topic lines run to 2,000 px, and shaping what no row shows was a tenth of
 * the time it took to show a leader's calls. */
#define PREFIX_BYTES 128

#define LINE_SPACING 3
#define ICON_SPACING 6
#define ICON_SIZE 16
/* libadwaita's .dim-label */
#define DIM_OPACITY 0.55f

struct _ReadoutCallRow
{
  GtkWidget    parent_instance;

  char        *texts[N_LINES];
  /* How many bytes of each text its layout holds. */
  gsize        shaped_lengths[N_LINES];
  const char  *icon_name;
  PangoLayout *layouts[N_LINES];
  /* Each line's size uncut, the width -1 until it is laid out so, and whether
   * it is in one font (one run). */
  int          natural_widths[N_LINES];
  int          natural_heights[N_LINES];
  gboolean     one_font[N_LINES];
  guint        context_serial;
  GdkPaintable *icon;

  ReadoutCall *call;
  gint64       leader_id;
};

G_DEFINE_FINAL_TYPE (ReadoutCallRow, readout_call_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CALL,
  PROP_LEADER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "with Vladimir Putin": the participants other than the leader whose calls these are. */
static char *
dup_counterparts (ReadoutCall *call,
                  gint64       leader_id)
{
  const char * const *names = readout_call_get_participant_names (call);
  guint n_ids = 0;
  const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (i >= n_ids || ids[i] != leader_id)
      g_ptr_array_add (others, (gpointer) names[i]);
  g_ptr_array_add (others, NULL);

  joined = readout_gui_join_names ((const char * const *) others->pdata);
  /* Translators: the other side of a call in the calls list, "with Vladimir Putin" */
  return g_strdup_printf (_("with %s"), joined);
}

static gboolean
line_shown (ReadoutCallRow *self,
            Line            line)
{
  return self->texts[line] != NULL && self->texts[line][0] != '\0';
}

/* A cut line (status, other side, topics) can be laid out from a prefix of its text;
 * the date and the duration are shown whole. */
static gboolean
line_may_be_cut (Line line)
{
  return line != LINE_DATE && line != LINE_DURATION;
}

/* What @line's layout holds: its text, or a prefix of it ending on a whole character. */
static void
set_layout_text (ReadoutCallRow *self,
                 Line            line)
{
  const char *text = self->texts[line] != NULL ? self->texts[line] : "";
  gsize length = strlen (text);

  if (line_may_be_cut (line) && self->shaped_lengths[line] < length)
    length = g_utf8_find_prev_char (text, text + self->shaped_lengths[line] + 1) - text;
  self->shaped_lengths[line] = length;
  pango_layout_set_text (self->layouts[line], text, (int) length);
  self->natural_widths[line] = -1;
}

static void
clear_layouts (ReadoutCallRow *self)
{
  for (guint i = 0; i < N_LINES; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_object (&self->icon);
}

static PangoLayout *
make_layout (ReadoutCallRow *self,
             Line            line)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoLayout *layout = pango_layout_new (context);

  pango_font_description_set_size (font, line_fonts[line].points * PANGO_SCALE);
  pango_font_description_set_weight (font, line_fonts[line].weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  /* The date is never cut; a long status, other side or topic list gives way. */
  if (line_may_be_cut (line))
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (line == LINE_DURATION || line == LINE_TOPICS)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* At most two lines of topics keep rows short; the detail shows them as labels. */
  if (line == LINE_TOPICS)
    pango_layout_set_height (layout, -2);
  return layout;
}

/* The layouts, made again when the widget's font or direction changed since. */
static void
ensure_layouts (ReadoutCallRow *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->layouts[0] != NULL && serial == self->context_serial)
    return;

  clear_layouts (self);
  for (guint i = 0; i < N_LINES; i++)
    {
      self->layouts[i] = make_layout (self, i);
      set_layout_text (self, i);
    }
  self->context_serial = serial;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
natural_width (ReadoutCallRow *self,
               Line            line)
{
  if (self->natural_widths[line] < 0)
    {
      PangoLayout *layout = self->layouts[line];
      PangoLayoutLine *first;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &self->natural_widths[line], &self->natural_heights[line]);
      first = pango_layout_get_line_readonly (layout, 0);
      self->one_font[line] = pango_layout_get_line_count (layout) == 1
                             && (first == NULL || g_slist_length (first->runs) <= 1);
    }
  return self->natural_widths[line];
}

/* Lays @line out from a prefix long enough to show what a row @width wide shows of it
 * (-1: any prefix will do). Two lines hold at most twice the width, less what the first
 * leaves at its end when it wraps (a space, narrower than a line is high), so a prefix
 * wider than that shows as the whole text does. */
static void
ensure_prefix (ReadoutCallRow *self,
               Line            line,
               int             width)
{
  gsize length = self->texts[line] != NULL ? strlen (self->texts[line]) : 0;

  while (width >= 0 && self->shaped_lengths[line] < length)
    {
      /* natural_width () measures the height too. */
      int natural = natural_width (self, line);

      if (natural > 2 * width + self->natural_heights[line])
        return;
      self->shaped_lengths[line] = MAX (2 * self->shaped_lengths[line], PREFIX_BYTES);
      set_layout_text (self, line);
    }
}

/* Wraps or cuts @line at @width only if it is wider: a layout whose width changes is
 * laid out and shaped again, and most lines fit. */
static void
fit_line (ReadoutCallRow *self,
          Line            line,
          int             width)
{
  gboolean fits;

  ensure_prefix (self, line, width);
  fits = width < 0 || natural_width (self, line) <= width;
  pango_layout_set_width (self->layouts[line], fits ? -1 : width * PANGO_SCALE);
}

/* The width @line gets in a row @width wide (-1: any). The status gets what the
 * date and the icon leave of the first line. */
static int
line_width (ReadoutCallRow *self,
            Line            line,
            int             width)
{
  if (line != LINE_STATUS || width < 0)
    return width;
  return MAX (0, width - natural_width (self, LINE_DATE) - 2 * ICON_SPACING - ICON_SIZE);
}

/* Fits the lines to @width (-1: any). */
static void
set_width (ReadoutCallRow *self,
           int             width)
{
  for (Line line = LINE_STATUS; line < N_LINES; line++)
    fit_line (self, line, line_width (self, line, width));
}

/* How many lines @line takes at @width, 0 if only laying it out tells: a cut status
 * or other side is one line, cut topics two (wrapped, then ellipsized). */
static int
n_lines_at (ReadoutCallRow *self,
            Line            line,
            int             width)
{
  if (width < 0 || natural_width (self, line) <= width)
    return 1;
  if (line == LINE_STATUS || line == LINE_COUNTERPART)
    return 1;
  return line == LINE_TOPICS ? 2 : 0;
}

/* The height of @line at the row width @width. Pango shapes a layout again whenever
 * its width changes, and GTK 4.8 measures every row it keeps (about 30) at widths it
 * does not draw at; a line in one font is as high as its uncut self times its lines,
 * so only the rows drawn are laid out at their width. */
static int
line_height (ReadoutCallRow *self,
             Line            line,
             int             width)
{
  int fitted = line_width (self, line, width);
  int n_lines;

  /* The date is never cut. */
  if (line == LINE_DATE)
    return layout_height (self->layouts[line]);
  ensure_prefix (self, line, fitted);
  n_lines = n_lines_at (self, line, fitted);
  if (n_lines > 0 && self->one_font[line])
    return n_lines * self->natural_heights[line];
  fit_line (self, line, fitted);
  return layout_height (self->layouts[line]);
}

static int
first_line_height (ReadoutCallRow *self,
                   int             width)
{
  return MAX (MAX (line_height (self, LINE_DATE, width), ICON_SIZE),
              line_height (self, LINE_STATUS, width));
}

static int
height_for_width (ReadoutCallRow *self,
                  int             width)
{
  int height = first_line_height (self, width) + LINE_SPACING
               + line_height (self, LINE_COUNTERPART, width);

  for (Line line = LINE_DURATION; line < N_LINES; line++)
    if (line_shown (self, line))
      height += LINE_SPACING + line_height (self, line, width);
  return height;
}

/* The duration and topics wrap: the height depends on the width. */
static GtkSizeRequestMode
readout_call_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
readout_call_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (widget);

  ensure_layouts (self);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = height_for_width (self, for_size);
      return;
    }

  *minimum = natural_width (self, LINE_DATE) + 2 * ICON_SPACING + ICON_SIZE;
  *natural = *minimum + natural_width (self, LINE_STATUS);
  for (Line line = LINE_COUNTERPART; line < N_LINES; line++)
    if (line_shown (self, line))
      *natural = MAX (*natural, natural_width (self, line));
}

/* The icon @icon_name as a row in @widget's place draws it. */
static GdkPaintable *
lookup_icon (GtkWidget  *widget,
             const char *icon_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  return GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE,
                                                    gtk_widget_get_scale_factor (widget),
                                                    gtk_widget_get_direction (widget), 0));
}

static GdkPaintable *
ensure_icon (ReadoutCallRow *self)
{
  if (self->icon == NULL && self->icon_name != NULL)
    self->icon = lookup_icon (GTK_WIDGET (self), self->icon_name);
  return self->icon;
}

static void
get_colors (ReadoutCallRow *self,
            GdkRGBA        *color,
            GdkRGBA        *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, color);
  /* What libadwaita's .topics-line colour (style.css) is: the accent colour. */
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = *color;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* x of a block @block_width wide that starts @start from the leading edge. */
static int
leading_x (ReadoutCallRow *self,
           int             start,
           int             block_width)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (GTK_WIDGET (self)) - start - block_width;
  return start;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The date at the start; the icon and the status at the end, the date taking what is over. */
static void
draw_first_line (ReadoutCallRow *self,
                 GtkSnapshot    *snapshot,
                 const GdkRGBA  *color)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = first_line_height (self, width);
  PangoLayout *date = self->layouts[LINE_DATE], *status = self->layouts[LINE_STATUS];
  int status_width = layout_width (status);
  int status_start = width - status_width;
  int icon_start = status_start - ICON_SPACING - ICON_SIZE;
  GdkPaintable *icon = ensure_icon (self);

  draw_layout (snapshot, date, leading_x (self, 0, layout_width (date)),
               (height - layout_height (date)) / 2, color);
  if (icon != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (leading_x (self, icon_start, ICON_SIZE),
                                                              (height - ICON_SIZE) / 2));
      gtk_snapshot_push_opacity (snapshot, DIM_OPACITY);
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                ICON_SIZE, ICON_SIZE, color, 1);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
  draw_layout (snapshot, status, leading_x (self, status_start, status_width),
               (height - layout_height (status)) / 2, color);
}

static void
readout_call_row_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, dim, accent;
  int y;

  ensure_layouts (self);
  set_width (self, width);
  get_colors (self, &color, &accent);
  dim = color;
  dim.alpha *= DIM_OPACITY;

  draw_first_line (self, snapshot, &color);
  y = first_line_height (self, width) + LINE_SPACING;
  draw_layout (snapshot, self->layouts[LINE_COUNTERPART],
               leading_x (self, 0, width), y, &color);
  y += layout_height (self->layouts[LINE_COUNTERPART]);
  for (Line line = LINE_DURATION; line < N_LINES; line++)
    if (line_shown (self, line))
      {
        y += LINE_SPACING;
        draw_layout (snapshot, self->layouts[line], leading_x (self, 0, width), y,
                     line == LINE_TOPICS ? &accent : &dim);
        y += layout_height (self->layouts[line]);
      }
}

static void
readout_call_row_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  clear_layouts (READOUT_CALL_ROW (widget));
  GTK_WIDGET_CLASS (readout_call_row_parent_class)->direction_changed (widget, previous);
}

static void
readout_call_row_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (widget);

  GTK_WIDGET_CLASS (readout_call_row_parent_class)->css_changed (widget, change);
  /* A new icon theme or scale; the font is seen by ensure_layouts (). */
  g_clear_object (&self->icon);
}

/* What a screen reader says: the first two lines as the row's name, the rest as its
 * description. */
static void
update_accessible (ReadoutCallRow *self)
{
  /* Translators: how a screen reader names a row of the calls list: its date, its
   * status and the other side, e.g. "Tuesday, 21 November 2017, Held, with Donald Trump" */
  g_autofree char *label = g_strdup_printf (_("%s, %s, %s"), self->texts[LINE_DATE],
                                            self->texts[LINE_STATUS], self->texts[LINE_COUNTERPART]);
  g_autofree char *description = g_strjoin ("\n",
                                            line_shown (self, LINE_DURATION) ? self->texts[LINE_DURATION] : "",
                                            line_shown (self, LINE_TOPICS) ? self->texts[LINE_TOPICS] : "",
                                            NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, g_strstrip (description),
                                  -1);
}

static void
set_line (ReadoutCallRow *self,
          Line            line,
          char           *text)
{
  /* A call's notify fires for any property: an unchanged line is not laid out again. */
  if (g_strcmp0 (self->texts[line], text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (self->texts[line]);
  self->texts[line] = text;
  self->shaped_lengths[line] = PREFIX_BYTES;
  if (self->layouts[line] != NULL)
    set_layout_text (self, line);
}

static void
update (ReadoutCallRow *self)
{
  ReadoutCall *call = self->call;
  ReadoutCallStatus status = readout_call_get_status (call);
  const char *icon_name = readout_gui_call_status_icon (status);

  set_line (self, LINE_DATE, readout_format_date (readout_call_get_date (call),
                                                  readout_call_get_date_precision (call)));
  set_line (self, LINE_STATUS, g_strdup (readout_format_call_status (status)));
  set_line (self, LINE_COUNTERPART, dup_counterparts (call, self->leader_id));
  set_line (self, LINE_DURATION, readout_format_duration (readout_call_get_duration_minutes (call),
                                                          readout_call_get_duration_qualifier (call)));
  /* Translators: the separator between topics in a calls list row */
  set_line (self, LINE_TOPICS, readout_display_join_topics (readout_call_get_topics (call), _(" · ")));
  if (g_strcmp0 (icon_name, self->icon_name) != 0)
    {
      self->icon_name = icon_name;
      g_clear_object (&self->icon);
    }
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
readout_call_row_dispose (GObject *object)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (object);

  readout_call_row_set_call (self, NULL);
  clear_layouts (self);

  G_OBJECT_CLASS (readout_call_row_parent_class)->dispose (object);
}

static void
readout_call_row_finalize (GObject *object)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (object);

  for (guint i = 0; i < N_LINES; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (readout_call_row_parent_class)->finalize (object);
}

static void
readout_call_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (object);

  switch (prop_id)
    {
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_LEADER_ID:
      g_value_set_int64 (value, self->leader_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (object);

  switch (prop_id)
    {
    case PROP_CALL:
      readout_call_row_set_call (self, g_value_get_object (value));
      break;
    case PROP_LEADER_ID:
      readout_call_row_set_leader_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_row_class_init (ReadoutCallRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_call_row_dispose;
  object_class->finalize = readout_call_row_finalize;
  object_class->get_property = readout_call_row_get_property;
  object_class->set_property = readout_call_row_set_property;
  widget_class->get_request_mode = readout_call_row_get_request_mode;
  widget_class->measure = readout_call_row_measure;
  widget_class->snapshot = readout_call_row_snapshot;
  widget_class->direction_changed = readout_call_row_direction_changed;
  widget_class->css_changed = readout_call_row_css_changed;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL,
                         READOUT_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The leader whose calls the list shows: the row names the others. */
  properties[PROP_LEADER_ID] =
    g_param_spec_int64 ("leader-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "callrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
readout_call_row_init (ReadoutCallRow *self)
{
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
}

GtkWidget *
readout_call_row_new (void)
{
  return g_object_new (READOUT_TYPE_CALL_ROW, NULL);
}

ReadoutCall *
readout_call_row_get_call (ReadoutCallRow *self)
{
  g_return_val_if_fail (READOUT_IS_CALL_ROW (self), NULL);

  return self->call;
}

/**
 * readout_call_row_set_call:
 * @call: (nullable): the call to show; %NULL when the row is not bound
 */
void
readout_call_row_set_call (ReadoutCallRow *self,
                           ReadoutCall    *call)
{
  g_return_if_fail (READOUT_IS_CALL_ROW (self));
  g_return_if_fail (call == NULL || READOUT_IS_CALL (call));

  if (self->call == call)
    return;

  if (self->call != NULL)
    g_signal_handlers_disconnect_by_func (self->call, update, self);
  g_set_object (&self->call, call);
  if (call != NULL)
    {
      /* An edit elsewhere (a new date, a topic tagged) shows at once. */
      g_signal_connect_swapped (call, "notify", G_CALLBACK (update), self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

gint64
readout_call_row_get_leader_id (ReadoutCallRow *self)
{
  g_return_val_if_fail (READOUT_IS_CALL_ROW (self), 0);

  return self->leader_id;
}

void
readout_call_row_set_leader_id (ReadoutCallRow *self,
                                gint64          leader_id)
{
  g_return_if_fail (READOUT_IS_CALL_ROW (self));

  if (self->leader_id == leader_id)
    return;

  self->leader_id = leader_id;
  if (self->call != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER_ID]);
}

/**
 * readout_call_row_load_status_icons:
 * @widget: a widget where rows will be shown
 *
 * Loads the icons of every call status as rows in @widget's place draw them. An icon
 * theme reads and renders an icon's SVG when it is first drawn, which took a twentieth
 * of the time to show a leader's first calls; the theme keeps the loaded icons for as
 * long as the returned array holds them.
 *
 * Returns: (transfer full): the icons, to keep
 */
GPtrArray *
readout_call_row_load_status_icons (GtkWidget *widget)
{
  GPtrArray *icons = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), icons);

  for (ReadoutCallStatus status = READOUT_CALL_STATUS_HELD; status <= READOUT_CALL_STATUS_CANCELLED; status++)
    {
      GdkPaintable *icon = lookup_icon (widget, readout_gui_call_status_icon (status));
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      /* Drawing it is what loads it. */
      gdk_paintable_snapshot (icon, snapshot, ICON_SIZE, ICON_SIZE);
      node = gtk_snapshot_free_to_node (snapshot);
      g_clear_pointer (&node, gsk_render_node_unref);
      g_ptr_array_add (icons, icon);
    }
  return icons;
}

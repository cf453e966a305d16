// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call-row"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-call-row.h"
#include "readout-display-names.h"
#include "readout-format.h"
#include "readout-gui-util.h"

struct _ReadoutCallRow
{
  GtkWidget    parent_instance;

  GtkLabel    *date;
  GtkImage    *status_icon;
  GtkLabel    *status;
  GtkLabel    *counterpart;
  GtkLabel    *duration;
  GtkLabel    *topics;

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

static void
update (ReadoutCallRow *self)
{
  ReadoutCall *call = self->call;
  ReadoutCallStatus status = readout_call_get_status (call);
  g_autofree char *date = readout_format_date (readout_call_get_date (call),
                                               readout_call_get_date_precision (call));
  g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                       readout_call_get_duration_qualifier (call));
  g_autofree char *counterpart = dup_counterparts (call, self->leader_id);
  /* Translators: the separator between topics in a calls list row */
  g_autofree char *topics = readout_display_join_topics (readout_call_get_topics (call), _(" · "));

  gtk_label_set_text (self->date, date);
  gtk_label_set_text (self->counterpart, counterpart);
  gtk_label_set_text (self->status, readout_format_call_status (status));
  gtk_image_set_from_icon_name (self->status_icon, readout_gui_call_status_icon (status));
  gtk_label_set_text (self->duration, duration != NULL ? duration : "");
  gtk_widget_set_visible (GTK_WIDGET (self->duration), duration != NULL);
  gtk_label_set_text (self->topics, topics != NULL ? topics : "");
  gtk_widget_set_visible (GTK_WIDGET (self->topics), topics != NULL && *topics != '\0');
}

static void
readout_call_row_dispose (GObject *object)
{
  ReadoutCallRow *self = READOUT_CALL_ROW (object);
  GtkWidget *child;

  readout_call_row_set_call (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_CALL_ROW);
  /* The box of the first line is no template child: the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (readout_call_row_parent_class)->dispose (object);
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
  object_class->get_property = readout_call_row_get_property;
  object_class->set_property = readout_call_row_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-call-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, date);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, status);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, counterpart);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, duration);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallRow, topics);

  gtk_widget_class_set_css_name (widget_class, "callrow");
}

static void
readout_call_row_init (ReadoutCallRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

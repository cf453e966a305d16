// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-display-names.h"
#include "readout-edit-util.h"
#include "readout-gui-util.h"
#include "readout-leader-row.h"

struct _ReadoutLeaderRow
{
  GtkWidget      parent_instance;

  AdwAvatar     *avatar;
  GtkLabel      *name;
  GtkLabel      *office;
  GtkLabel      *count;
  GtkLabel      *last;

  ReadoutLeader *leader;
};

G_DEFINE_FINAL_TYPE (ReadoutLeaderRow, readout_leader_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "President, Russia", or the office or the country alone; NULL with neither. */
static char *
dup_office_text (ReadoutLeader *leader)
{
  const char *country = readout_gui_leader_country (leader);
  const char *office = readout_display_office (readout_leader_get_office (leader));
  const char *country_name = readout_leader_get_country_name (leader);

  if (country == NULL || *country == '\0')
    country = readout_leader_get_country (leader);

  /* "President of Russia" needs no ", Russia" after it: told on the English names,
   * which the translations ("Präsident Russlands", "Russische Föderation") hide. */
  if (office != NULL && *office != '\0' && country != NULL && *country != '\0' &&
      (country_name == NULL || strstr (readout_leader_get_office (leader), country_name) == NULL))
    /* Translators: a leader's office and country, "President, Russia" */
    return g_strdup_printf (C_("leader row", "%s, %s"), office, country);

  return g_strdup (office != NULL && *office != '\0' ? office : country);
}

static void
update (ReadoutLeaderRow *self)
{
  guint n_calls = readout_leader_get_call_count (self->leader);
  g_autofree char *office_text = dup_office_text (self->leader);
  g_autofree char *count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", n_calls),
                                                 n_calls);
  g_autofree char *last_text = readout_gui_format_short_date (readout_leader_get_last_call_date (self->leader),
                                                              READOUT_DATE_PRECISION_DAY);

  adw_avatar_set_text (self->avatar, readout_leader_get_name (self->leader));
  gtk_label_set_text (self->name, readout_leader_get_name (self->leader));
  gtk_label_set_text (self->office, office_text != NULL ? office_text : "");
  gtk_label_set_text (self->count, count_text);
  gtk_label_set_text (self->last, last_text != NULL ? last_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->office), office_text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->last), last_text != NULL);
}

static void
popup_menu (ReadoutLeaderRow *self,
            double            x,
            double            y)
{
  g_autoptr(GMenuModel) menu = NULL;
  gint64 id;
  GtkWidget *popover;

  if (self->leader == NULL || (id = readout_leader_get_id (self->leader)) <= 0)
    return;

  /* The window's actions take the leader by id, so the menu acts on this row's leader
   * whichever row is selected. */
  menu = readout_edit_menu_new (id,
                                _("_Edit Leader…"), "win.edit-leader",
                                _("_Merge Into…"), "win.merge-leader",
                                _("_Delete Leader"), "win.delete-leader",
                                NULL);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  /* The popover goes with its menu: unparent it once closed. */
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_context_pressed_cb (GtkGestureClick  *gesture,
                       int               n_press,
                       double            x,
                       double            y,
                       ReadoutLeaderRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    ReadoutLeaderRow    *self)
{
  popup_menu (self, x, y);
}

static void
readout_leader_row_dispose (GObject *object)
{
  ReadoutLeaderRow *self = READOUT_LEADER_ROW (object);
  GtkWidget *child;

  readout_leader_row_set_leader (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_LEADER_ROW);
  /* The boxes of the two columns and an open context menu are no template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (readout_leader_row_parent_class)->dispose (object);
}

static void
readout_leader_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutLeaderRow *self = READOUT_LEADER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEADER:
      g_value_set_object (value, self->leader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leader_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutLeaderRow *self = READOUT_LEADER_ROW (object);

  switch (prop_id)
    {
    case PROP_LEADER:
      readout_leader_row_set_leader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leader_row_class_init (ReadoutLeaderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_leader_row_dispose;
  object_class->get_property = readout_leader_row_get_property;
  object_class->set_property = readout_leader_row_set_property;

  properties[PROP_LEADER] =
    g_param_spec_object ("leader", NULL, NULL,
                         READOUT_TYPE_LEADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-leader-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderRow, name);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderRow, office);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderRow, count);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderRow, last);
  gtk_widget_class_bind_template_callback (widget_class, on_context_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_long_pressed_cb);

  gtk_widget_class_set_css_name (widget_class, "leaderrow");
}

static void
readout_leader_row_init (ReadoutLeaderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
readout_leader_row_new (void)
{
  return g_object_new (READOUT_TYPE_LEADER_ROW, NULL);
}

ReadoutLeader *
readout_leader_row_get_leader (ReadoutLeaderRow *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER_ROW (self), NULL);

  return self->leader;
}

/**
 * readout_leader_row_set_leader:
 * @leader: (nullable): the leader to show; %NULL when the row is not bound
 */
void
readout_leader_row_set_leader (ReadoutLeaderRow *self,
                               ReadoutLeader    *leader)
{
  g_return_if_fail (READOUT_IS_LEADER_ROW (self));
  g_return_if_fail (leader == NULL || READOUT_IS_LEADER (leader));

  if (self->leader == leader)
    return;

  if (self->leader != NULL)
    g_signal_handlers_disconnect_by_func (self->leader, update, self);
  g_set_object (&self->leader, leader);
  if (leader != NULL)
    {
      /* An edit elsewhere (a rename, a new call) shows at once. */
      g_signal_connect_swapped (leader, "notify", G_CALLBACK (update), self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
}

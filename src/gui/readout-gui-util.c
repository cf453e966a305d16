// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-gui-util"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "readout-country-translation.h"
#include "readout-gui-util.h"
#include "readout-wrap-layout.h"
#include "readout-format.h"
#include "readout-list-format.h"
#include "readout-display-names.h"

char *
readout_gui_format_short_date (const char           *iso_date,
                               ReadoutDatePrecision  precision)
{
  ReadoutDatePrecision parsed_precision;
  GDate date;
  char buffer[64];
  const char *format;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  g_date_clear (&date, 1);
  if (!readout_parse_iso_date (iso_date, &parsed_precision, &date))
    return g_strdup (iso_date);

  /* The coarser of the two: a call stored as "2017-01" with day precision is still
   * only known to the month. */
  precision = MAX (precision, parsed_precision);

  switch (precision)
    {
    case READOUT_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", g_date_get_year (&date));
    case READOUT_DATE_PRECISION_MONTH:
      /* Translators: a month and year in a list row, strftime format */
      format = C_("short date", "%b %Y");
      break;
    case READOUT_DATE_PRECISION_DAY:
    default:
      /* Translators: a day in a list row, strftime format */
      format = C_("short date", "%e %b %Y");
      break;
    }

  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup (iso_date);

  return g_strdup (g_strstrip (buffer));
}

const char *
readout_gui_call_status_icon (ReadoutCallStatus status)
{
  switch (status)
    {
    case READOUT_CALL_STATUS_HELD:
      return "call-start-symbolic";
    case READOUT_CALL_STATUS_ANNOUNCED:
      return "x-office-calendar-symbolic";
    case READOUT_CALL_STATUS_CANCELLED:
      return "call-missed-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

static const char *
surname_of (const char *name)
{
  const char *space = name != NULL ? strrchr (name, ' ') : NULL;

  return space != NULL ? space + 1 : (name != NULL ? name : "");
}

char *
readout_gui_short_names (const char * const *names,
                         guint               n)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (joined, " – ");
      g_string_append (joined, surname_of (names[i]));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

char *
readout_gui_join_names (const char * const *names)
{
  if (names == NULL || names[0] == NULL)
    return g_strdup (_("Unknown participants"));
  return readout_format_list (names);
}

GtkWidget *
readout_gui_label_new (const char *text,
                       const char *first_class,
                       ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  va_start (args, first_class);
  for (const char *name = first_class; name != NULL; name = va_arg (args, const char *))
    gtk_widget_add_css_class (label, name);
  va_end (args);

  return label;
}

void
readout_gui_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_widget_unparent (child);
    }
}

void
readout_gui_fill_topics (GtkWidget          *box,
                         const char * const *topics,
                         const char         *action_name)
{
  readout_gui_remove_children (box);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      GtkWidget *label = readout_gui_label_new (readout_display_topic (topics[i]), "topic", "caption", NULL);
      GtkWidget *button;

      if (action_name == NULL)
        {
          gtk_box_append (GTK_BOX (box), label);
          continue;
        }
      /* A tag that can be clicked: it filters the calls list by its topic. */
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "topic-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (topics[i]));
      gtk_widget_set_tooltip_text (button, _("Show the Calls on This Topic"));
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_widget_set_visible (box, topics != NULL && topics[0] != NULL);
}

GtkWidget *
readout_gui_tags_box_new (int spacing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  readout_gui_use_wrap_layout (box, spacing);
  return box;
}

void
readout_gui_use_wrap_layout (GtkWidget *box,
                             int        spacing)
{
  gtk_widget_set_layout_manager (box, readout_wrap_layout_new (spacing));
}

char *
readout_gui_import_hint (void)
{
  g_autofree char *import = gtk_accelerator_get_label (GDK_KEY_i, GDK_CONTROL_MASK);
  g_autofree char *paste = gtk_accelerator_get_label (GDK_KEY_v, GDK_CONTROL_MASK);

  /* Translators: the two %s are keyboard shortcuts, "Ctrl+I" and "Ctrl+V". */
  return g_strdup_printf (_("Or drop files or a text on this window. %s imports files, %s the text on the clipboard."),
                          import, paste);
}

static gboolean
activate_selected_cb (gpointer user_data)
{
  GtkWidget *view = user_data;
  g_autoptr(GtkSelectionModel) model = NULL;
  guint position;

  g_object_get (view, "model", &model, NULL);
  position = GTK_IS_SINGLE_SELECTION (model)
             ? gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model))
             : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    g_signal_emit_by_name (view, "activate", position);
  return G_SOURCE_REMOVE;
}

static void
on_list_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkWidget       *view)
{
  /* The row selects itself on this same click: activate once it has. A double click
   * activates through the list itself. */
  if (n_press == 1)
    g_idle_add_full (G_PRIORITY_DEFAULT, activate_selected_cb, g_object_ref (view), g_object_unref);
}

void
readout_gui_set_single_click (GtkWidget *view,
                              gboolean   single_click)
{
  GtkEventController *click = g_object_get_data (G_OBJECT (view), "readout-single-click");

  g_return_if_fail (GTK_IS_LIST_VIEW (view) || GTK_IS_GRID_VIEW (view));

  if (click == NULL)
    {
      click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      g_signal_connect_object (click, "released", G_CALLBACK (on_list_released_cb), view, 0);
      gtk_widget_add_controller (GTK_WIDGET (view), click);
      /* A helper for any list or grid view: the view is the only owner it has. */
      g_object_set_data (G_OBJECT (view), "readout-single-click", click);
    }
  /* Capture: the rows' own gestures claim the click before it would bubble up. */
  gtk_event_controller_set_propagation_phase (click, single_click ? GTK_PHASE_CAPTURE : GTK_PHASE_NONE);
}

const char *
readout_gui_leader_country (ReadoutLeader *leader)
{
  g_return_val_if_fail (READOUT_IS_LEADER (leader), NULL);

  if (readout_leader_get_country (leader) == NULL)
    return readout_leader_get_country_name (leader);
  return readout_country_name_translate (readout_leader_get_country (leader),
                                         readout_leader_get_country_name (leader));
}

/* A list holding a stand-in leader with id 0 named "Anyone", for no filter. */
static GListStore *
anyone_store_new (void)
{
  GListStore *anyone_store = g_list_store_new (READOUT_TYPE_LEADER);
  g_autoptr(ReadoutLeader) anyone = readout_leader_new ();

  readout_leader_set_name (anyone, _("Anyone"));
  g_list_store_append (anyone_store, anyone);
  return anyone_store;
}

/* "Anyone" and then the store's leaders, those @filter keeps when it is given. */
GListModel *
readout_gui_leaders_with_anyone (ReadoutStore *store,
                                 GtkFilter    *filter)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) anyone_store = anyone_store_new ();

  /* The real leaders follow straight from the store's paged model. */
  g_list_store_append (parts, anyone_store);
  if (store != NULL)
    {
      GListModel *leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
      g_autoptr(GtkFilterListModel) kept = gtk_filter_list_model_new (leaders, filter != NULL ? g_object_ref (filter) : NULL);

      g_list_store_append (parts, kept);
    }
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

/* GtkDropDown 4.8 says nothing when it opens; its list is a popover child of it. */
gboolean
readout_gui_drop_down_connect_opened (GtkDropDown *dropdown,
                                      GCallback    callback,
                                      gpointer     data)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        g_signal_connect_swapped (child, "show", callback, data);
        return TRUE;
      }
  return FALSE;
}

GListModel *
readout_gui_anyone_and (ReadoutLeader *leader)
{
  GListStore *few = anyone_store_new ();

  g_return_val_if_fail (leader == NULL || READOUT_IS_LEADER (leader), NULL);

  if (leader != NULL)
    g_list_store_append (few, leader);
  return G_LIST_MODEL (few);
}

static void
set_menu_on_open_cb (GtkMenuButton *button,
                     gpointer       menu)
{
  /* Called at every opening. */
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* A menu button given a model makes its popover, a widget per item, at once: the
 * window's five menus were about a fiftieth of its start. */
void
readout_gui_menu_button_set_menu_on_open (GtkMenuButton *button,
                                          GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, set_menu_on_open_cb, g_object_ref (menu), g_object_unref);
}

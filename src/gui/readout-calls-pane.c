// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-calls-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-call-row.h"
#include "readout-calls-pane.h"
#include "readout-selection-keeper.h"
#include "readout-edit-util.h"
#include "readout-gui-util.h"
#include "readout-format.h"
#include "readout-display-names.h"

struct _ReadoutCallsPane
{
  GtkWidget           parent_instance;

  GtkDropDown        *counterpart_dropdown;
  GtkDropDown        *status_dropdown;
  GtkEditable        *from_entry;
  GtkEditable        *to_entry;
  GtkWidget          *topic_bar;
  GtkLabel           *topic_label;
  GtkStack           *stack;
  GtkGridView        *list;
  GtkSingleSelection *selection;
  AdwStatusPage      *empty_page;
  ReadoutSelectionKeeper *keeper;

  ReadoutStore       *store;
  ReadoutLeader      *leader;
  gint64              other_leader_id;
  char               *topic;
  GListModel         *model;
  /* The drop-down's model while it is open: "Anyone" followed by the store's leaders;
   * NULL while it is closed (see show_few_counterparts). */
  GListModel         *counterparts;
  /* Keeps the leader whose calls these are out of the drop-down. */
  GtkFilter          *not_the_leader;
  gboolean            updating_dropdown;
  /* The rows' status icons, loaded once the pane is shown (see load_status_icons_cb). */
  GPtrArray          *status_icons;
  guint               status_icons_idle;
  /* The call selected when the model began to change (a re-tag rewrites every row),
   * to select again once it has; 0 outside a change. */
};

G_DEFINE_FINAL_TYPE (ReadoutCallsPane, readout_calls_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LEADER,
  PROP_SELECTED_CALL,
  N_PROPS
};

enum {
  CALL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Whether the topic, date or status filters narrow the list. */
static gboolean
calls_filtered (ReadoutCallsPane *self)
{
  return self->topic != NULL || gtk_drop_down_get_selected (self->status_dropdown) > 0
         || *gtk_editable_get_text (self->from_entry) != '\0'
         || *gtk_editable_get_text (self->to_entry) != '\0';
}

static void
update_empty_state (ReadoutCallsPane *self)
{
  const char *page = "list";

  if (self->leader == NULL)
    page = "no-leader";
  else if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    {
      g_autofree char *description = NULL;

      if (calls_filtered (self))
        {
          adw_status_page_set_title (self->empty_page, _("No Calls Match"));
          description = g_strdup (_("No call of this leader has the topic, dates and status chosen."));
        }
      else if (self->other_leader_id != 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Calls Between Them"));
          description = g_strdup_printf (_("The store holds no call between %s and the chosen leader."),
                                         readout_leader_get_name (self->leader));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Calls"));
          description = g_strdup_printf (_("The store holds no call of %s yet."),
                                         readout_leader_get_name (self->leader));
        }

      /* The description is Pango markup; a name is text. */
      {
        g_autofree char *escaped = g_markup_escape_text (description, -1);
        adw_status_page_set_description (self->empty_page, escaped);
      }
      page = "empty";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->counterpart_dropdown), self->leader != NULL);
}

static void
on_items_changed_cb (ReadoutCallsPane *self)
{
  update_empty_state (self);
}

/* The store's calls of the leader, narrowed by the filters in SQL. While a date is
 * being typed and is not yet one, the list stays as it was. */
static void
reload (ReadoutCallsPane *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GListModel *model = NULL;
  gboolean dates_ok = readout_edit_read_date_entry (self->from_entry, &from);

  dates_ok = readout_edit_read_date_entry (self->to_entry, &to) && dates_ok;
  if (!dates_ok)
    return;

  if (self->store != NULL && self->leader != NULL)
    {
      ReadoutCallFilter filter = READOUT_CALL_FILTER_INIT;
      guint status = gtk_drop_down_get_selected (self->status_dropdown);

      filter.topic = self->topic;
      filter.date_from = from;
      filter.date_to = to;
      filter.status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int) status - 1 : -1;
      model = readout_store_list_calls_filtered (self->store, readout_leader_get_id (self->leader),
                                                 self->other_leader_id, &filter, NULL);
    }

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  self->model = model;
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  /* Detach the old model first: with a selected item, GtkSingleSelection would read
   * every row of the new model looking for it, thousands of rows on a busy leader. */
  gtk_single_selection_set_model (self->selection, NULL);
  readout_selection_keeper_set_model (self->keeper, self->model);
  gtk_single_selection_set_model (self->selection, self->model);
  update_empty_state (self);
}

static void
on_filter_changed_cb (ReadoutCallsPane *self)
{
  reload (self);
}

static void
on_clear_topic_clicked_cb (ReadoutCallsPane *self)
{
  readout_calls_pane_set_topic (self, NULL);
}

/* The closed drop-down holds "Anyone" and the chosen leader only: every leader is read,
 * filtered and given a row of the drop-down's list when it opens. Doing that for each
 * leader selected took most of the time of selecting a busy leader. */
static void
show_few_counterparts (ReadoutCallsPane *self)
{
  g_autoptr(ReadoutLeader) other = NULL;
  g_autoptr(GListModel) few = NULL;

  if (self->other_leader_id != 0 && self->store != NULL)
    other = readout_store_get_leader (self->store, self->other_leader_id, NULL);
  few = readout_gui_anyone_and (other);

  g_clear_object (&self->counterparts);
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->counterpart_dropdown, few);
  gtk_drop_down_set_selected (self->counterpart_dropdown, other != NULL ? 1 : 0);
  self->updating_dropdown = FALSE;
}

static gboolean
is_not_the_leader (gpointer item,
                   gpointer user_data)
{
  ReadoutCallsPane *self = user_data;

  return self->leader == NULL || readout_leader_get_id (item) != readout_leader_get_id (self->leader);
}

/* The drop-down opens: every leader but the one whose calls these are, with the chosen
 * one selected. */
static void
on_counterparts_shown_cb (ReadoutCallsPane *self)
{
  guint position = 0;

  if (self->counterparts != NULL)
    return;

  self->counterparts = readout_gui_leaders_with_anyone (self->store, self->not_the_leader);
  for (guint i = 1; self->other_leader_id != 0 && i < g_list_model_get_n_items (self->counterparts); i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (self->counterparts, i);

      if (readout_leader_get_id (leader) == self->other_leader_id)
        {
          position = i;
          break;
        }
    }
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->counterpart_dropdown, self->counterparts);
  gtk_drop_down_set_selected (self->counterpart_dropdown, position);
  self->updating_dropdown = FALSE;
}

static void
on_counterpart_changed_cb (ReadoutCallsPane *self)
{
  ReadoutLeader *other;

  if (self->updating_dropdown)
    return;

  other = gtk_drop_down_get_selected_item (self->counterpart_dropdown);
  readout_calls_pane_set_other_leader_id (self, other != NULL ? readout_leader_get_id (other) : 0);
}

static void
on_selection_changed_cb (ReadoutCallsPane *self)
{
  /* A refresh that keeps the same row selected is no new selection. */
  if (readout_selection_keeper_is_restoring (self->keeper))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CALL]);
}

static void
on_row_activated_cb (ReadoutCallsPane *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[CALL_ACTIVATED], 0);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, readout_call_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReadoutCallsPane         *self)
{
  ReadoutCallRow *row = READOUT_CALL_ROW (gtk_list_item_get_child (item));

  readout_call_row_set_leader_id (row, self->leader != NULL ? readout_leader_get_id (self->leader) : 0);
  readout_call_row_set_call (row, gtk_list_item_get_item (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  readout_call_row_set_call (READOUT_CALL_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Loads what the first rows draw before a leader is chosen, when the window has
 * nothing else to do, rather than when the first leader is. */
static gboolean
load_status_icons_cb (gpointer user_data)
{
  ReadoutCallsPane *self = user_data;

  self->status_icons_idle = 0;
  self->status_icons = readout_call_row_load_status_icons (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
readout_calls_pane_map (GtkWidget *widget)
{
  ReadoutCallsPane *self = READOUT_CALLS_PANE (widget);

  GTK_WIDGET_CLASS (readout_calls_pane_parent_class)->map (widget);
  /* Below drawing's priority: after the window's first frame. */
  if (self->status_icons == NULL && self->status_icons_idle == 0)
    self->status_icons_idle = g_idle_add_full (G_PRIORITY_LOW, load_status_icons_cb, self, NULL);
}

static void
readout_calls_pane_dispose (GObject *object)
{
  ReadoutCallsPane *self = READOUT_CALLS_PANE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_pointer (&self->keeper, readout_selection_keeper_free);
  g_clear_handle_id (&self->status_icons_idle, g_source_remove);
  g_clear_pointer (&self->status_icons, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_CALLS_PANE);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_pointer (&self->topic, g_free);
  g_clear_object (&self->counterparts);
  g_clear_object (&self->not_the_leader);
  g_clear_object (&self->leader);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (readout_calls_pane_parent_class)->dispose (object);
}

static void
readout_calls_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutCallsPane *self = READOUT_CALLS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LEADER:
      g_value_set_object (value, self->leader);
      break;
    case PROP_SELECTED_CALL:
      g_value_set_object (value, readout_calls_pane_get_selected_call (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_calls_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutCallsPane *self = READOUT_CALLS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_calls_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_LEADER:
      readout_calls_pane_set_leader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_calls_pane_class_init (ReadoutCallsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_calls_pane_dispose;
  object_class->get_property = readout_calls_pane_get_property;
  object_class->set_property = readout_calls_pane_set_property;
  widget_class->map = readout_calls_pane_map;

  properties[PROP_LEADER] =
    g_param_spec_object ("leader", NULL, NULL,
                         READOUT_TYPE_LEADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CALL] =
    g_param_spec_object ("selected-call", NULL, NULL,
                         READOUT_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CALL_ACTIVATED] =
    g_signal_new ("call-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-calls-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, counterpart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, topic_bar);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, topic_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallsPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_counterpart_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_topic_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);

  gtk_widget_class_set_css_name (widget_class, "callspane");
}

static void
readout_calls_pane_init (ReadoutCallsPane *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->keeper = readout_selection_keeper_new (self->selection);

  /* After "Any Status", the statuses in the order of the enum: position - 1 is the value. */
  for (ReadoutCallStatus status = READOUT_CALL_STATUS_HELD; status <= READOUT_CALL_STATUS_CANCELLED; status++)
    gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->status_dropdown)),
                            readout_format_call_status (status));

  name = gtk_property_expression_new (READOUT_TYPE_LEADER, NULL, "name");
  gtk_drop_down_set_expression (self->counterpart_dropdown, name);
  self->not_the_leader = GTK_FILTER (gtk_custom_filter_new (is_not_the_leader, self, NULL));
  if (!readout_gui_drop_down_connect_opened (self->counterpart_dropdown,
                                             G_CALLBACK (on_counterparts_shown_cb), self))
    g_warning ("The drop-down of leaders has no popover; it lists every leader from the start");
  show_few_counterparts (self);
  update_empty_state (self);
}

GtkWidget *
readout_calls_pane_new (void)
{
  return g_object_new (READOUT_TYPE_CALLS_PANE, NULL);
}

void
readout_calls_pane_set_store (ReadoutCallsPane *self,
                              ReadoutStore     *store)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->leader);
  self->other_leader_id = 0;
  show_few_counterparts (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ReadoutLeader *
readout_calls_pane_get_leader (ReadoutCallsPane *self)
{
  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), NULL);

  return self->leader;
}

void
readout_calls_pane_set_leader (ReadoutCallsPane *self,
                               ReadoutLeader    *leader)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));
  g_return_if_fail (leader == NULL || READOUT_IS_LEADER (leader));

  if (self->leader == leader ||
      (self->leader != NULL && leader != NULL &&
       readout_leader_get_id (self->leader) == readout_leader_get_id (leader)))
    {
      /* The same leader as a fresh object from a reloaded list: keep the place. */
      g_set_object (&self->leader, leader);
      return;
    }

  g_set_object (&self->leader, leader);
  /* "With" never offers the leader themself: calls with them are every call. */
  if (leader != NULL && readout_leader_get_id (leader) == self->other_leader_id)
    self->other_leader_id = 0;
  show_few_counterparts (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
}

gint64
readout_calls_pane_get_other_leader_id (ReadoutCallsPane *self)
{
  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), 0);

  return self->other_leader_id;
}

void
readout_calls_pane_set_other_leader_id (ReadoutCallsPane *self,
                                        gint64            leader_id)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  if (self->other_leader_id == leader_id)
    return;

  self->other_leader_id = leader_id;

  if (leader_id == 0 && gtk_drop_down_get_selected (self->counterpart_dropdown) != 0)
    {
      self->updating_dropdown = TRUE;
      gtk_drop_down_set_selected (self->counterpart_dropdown, 0);
      self->updating_dropdown = FALSE;
    }

  reload (self);
}

GListModel *
readout_calls_pane_get_model (ReadoutCallsPane *self)
{
  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), NULL);

  return self->model;
}

ReadoutCall *
readout_calls_pane_get_selected_call (ReadoutCallsPane *self)
{
  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
readout_calls_pane_select_call (ReadoutCallsPane *self,
                                gint64            call_id)
{
  guint n_items;

  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  /* A leader's calls number in the hundreds at most; a scan is cheap. */
  n_items = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReadoutCall) call = g_list_model_get_item (self->model, i);

      if (call != NULL && readout_call_get_id (call) == call_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

void
readout_calls_pane_unselect (ReadoutCallsPane *self)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
readout_calls_pane_focus_list (ReadoutCallsPane *self)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

void
readout_calls_pane_set_single_click (ReadoutCallsPane *self,
                                     gboolean         single_click)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  readout_gui_set_single_click (GTK_WIDGET (self->list), single_click);
}

/**
 * readout_calls_pane_set_topic:
 * @topic: (nullable): a topic's name, or %NULL for calls on every topic
 *
 * Shows only the calls with a statement about @topic (a topic tag of a call was
 * clicked), with a bar that says so and clears it.
 */
void
readout_calls_pane_set_topic (ReadoutCallsPane *self,
                              const char       *topic)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  if (g_strcmp0 (self->topic, topic) == 0)
    return;
  g_free (self->topic);
  self->topic = g_strdup (topic);
  if (topic != NULL)
    {
      /* Translators: above the calls list filtered by a topic, "Topic: Syria" */
      g_autofree char *text = g_strdup_printf (_("Topic: %s"), readout_display_topic (topic));

      gtk_label_set_text (self->topic_label, text);
    }
  gtk_widget_set_visible (self->topic_bar, topic != NULL);
  reload (self);
}

const char *
readout_calls_pane_get_topic (ReadoutCallsPane *self)
{
  g_return_val_if_fail (READOUT_IS_CALLS_PANE (self), NULL);

  return self->topic;
}

/**
 * readout_calls_pane_set_period:
 * @from: (nullable): the first day ("2022-02-24"), or %NULL for no lower bound
 * @to: (nullable): the last day, or %NULL for no upper bound
 *
 * Narrows the list to the calls of a period, as typing in the From and To entries
 * does (the timeline's "Show These Calls").
 */
void
readout_calls_pane_set_period (ReadoutCallsPane *self,
                               const char       *from,
                               const char       *to)
{
  g_return_if_fail (READOUT_IS_CALLS_PANE (self));

  gtk_editable_set_text (self->from_entry, from != NULL ? from : "");
  gtk_editable_set_text (self->to_entry, to != NULL ? to : "");
}

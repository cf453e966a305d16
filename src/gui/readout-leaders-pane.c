// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leaders-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-gui-util.h"
#include "readout-leader-row.h"
#include "readout-leaders-pane.h"
#include "readout-selection-keeper.h"

/* Selecting a remembered leader scans the list for its id; past this many rows the
 * list is too long for that and the leader stays unselected. */
#define MAX_SCAN 20000

struct _ReadoutLeadersPane
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkGridView        *list;
  GtkSingleSelection *selection;
  AdwStatusPage      *empty_page;
  ReadoutSelectionKeeper *keeper;
  GtkWidget          *start_box;
  GtkLabel           *start_hint;

  ReadoutStore       *store;
  GListModel         *model;
  ReadoutLeaderSort   sort;
  char               *filter;
};

G_DEFINE_FINAL_TYPE (ReadoutLeadersPane, readout_leaders_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT,
  PROP_SELECTED_LEADER,
  N_PROPS
};

enum {
  LEADER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_empty_state (ReadoutLeadersPane *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gboolean new_store = empty && self->store != NULL && (self->filter == NULL || *self->filter == '\0');

  /* A new store is where a first-time user lands: offer what fills it. */
  gtk_widget_set_visible (self->start_box, new_store);
  adw_status_page_set_icon_name (self->empty_page, new_store ? "document-open-symbolic" : "edit-find-symbolic");
  if (new_store)
    {
      adw_status_page_set_title (self->empty_page, _("No Leaders Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import an official readout or an article about a call, and Readout adds its leaders, the call and what each side said."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Leaders Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("No name, alias or country matches the filter."));
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_items_changed_cb (ReadoutLeadersPane *self)
{
  update_empty_state (self);
}

static void
reload (ReadoutLeadersPane *self)
{
  ReadoutLeader *selected = readout_leaders_pane_get_selected_leader (self);
  gint64 selected_id = selected != NULL ? readout_leader_get_id (selected) : 0;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);

  if (self->store != NULL)
    {
      self->model = readout_store_list_leaders (self->store, self->sort, self->filter);
      g_signal_connect_swapped (self->model, "items-changed",
                                G_CALLBACK (on_items_changed_cb), self);
    }

  /* Detach the old model first: with a selected item, GtkSingleSelection would read
   * every row of the new model looking for it, thousands of rows on a busy leader. */
  gtk_single_selection_set_model (self->selection, NULL);
  readout_selection_keeper_set_model (self->keeper, self->model);
  gtk_single_selection_set_model (self->selection, self->model);

  /* A new filter or sort keeps the leader the user was looking at, if still listed. */
  if (selected_id != 0)
    readout_leaders_pane_select_leader (self, selected_id);

  update_empty_state (self);
}

static void
on_filter_changed_cb (ReadoutLeadersPane *self)
{
  readout_leaders_pane_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static void
on_filter_stopped_cb (ReadoutLeadersPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
on_filter_activated_cb (ReadoutLeadersPane *self)
{
  /* Enter in the filter takes the first match, so a name can be typed and opened. */
  if (self->model != NULL && g_list_model_get_n_items (self->model) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      g_signal_emit (self, signals[LEADER_ACTIVATED], 0);
    }
}

static void
on_selection_changed_cb (ReadoutLeadersPane *self)
{
  /* A refresh that keeps the same row selected is no new selection. */
  if (readout_selection_keeper_is_restoring (self->keeper))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEADER]);
}

static void
on_row_activated_cb (ReadoutLeadersPane *self,
                     guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[LEADER_ACTIVATED], 0);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, readout_leader_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  readout_leader_row_set_leader (READOUT_LEADER_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  readout_leader_row_set_leader (READOUT_LEADER_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
readout_leaders_pane_dispose (GObject *object)
{
  ReadoutLeadersPane *self = READOUT_LEADERS_PANE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_pointer (&self->keeper, readout_selection_keeper_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_LEADERS_PANE);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (readout_leaders_pane_parent_class)->dispose (object);
}

static void
readout_leaders_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReadoutLeadersPane *self = READOUT_LEADERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_SELECTED_LEADER:
      g_value_set_object (value, readout_leaders_pane_get_selected_leader (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leaders_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReadoutLeadersPane *self = READOUT_LEADERS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_leaders_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SORT:
      readout_leaders_pane_set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_leaders_pane_class_init (ReadoutLeadersPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_leaders_pane_dispose;
  object_class->get_property = readout_leaders_pane_get_property;
  object_class->set_property = readout_leaders_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       READOUT_TYPE_LEADER_SORT, READOUT_LEADER_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_LEADER] =
    g_param_spec_object ("selected-leader", NULL, NULL,
                         READOUT_TYPE_LEADER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter, a double click, or a single click in the narrow layout: go to the calls. */
  signals[LEADER_ACTIVATED] =
    g_signal_new ("leader-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-leaders-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, selection);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, start_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeadersPane, start_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);

  gtk_widget_class_set_css_name (widget_class, "leaderspane");
}

static void
readout_leaders_pane_init (ReadoutLeadersPane *self)
{
  g_autofree char *hint = readout_gui_import_hint ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->keeper = readout_selection_keeper_new (self->selection);
  gtk_label_set_text (self->start_hint, hint);
  update_empty_state (self);
}

GtkWidget *
readout_leaders_pane_new (void)
{
  return g_object_new (READOUT_TYPE_LEADERS_PANE, NULL);
}

ReadoutStore *
readout_leaders_pane_get_store (ReadoutLeadersPane *self)
{
  g_return_val_if_fail (READOUT_IS_LEADERS_PANE (self), NULL);

  return self->store;
}

void
readout_leaders_pane_set_store (ReadoutLeadersPane *self,
                                ReadoutStore       *store)
{
  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (self->store == store)
    return;

  /* Another store's ids mean other leaders: drop the selection before reloading. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_set_object (&self->store, store);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ReadoutLeaderSort
readout_leaders_pane_get_sort (ReadoutLeadersPane *self)
{
  g_return_val_if_fail (READOUT_IS_LEADERS_PANE (self), READOUT_LEADER_SORT_NAME);

  return self->sort;
}

void
readout_leaders_pane_set_sort (ReadoutLeadersPane *self,
                               ReadoutLeaderSort   sort)
{
  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

void
readout_leaders_pane_set_filter (ReadoutLeadersPane *self,
                                 const char         *filter)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));

  stripped = g_strstrip (g_strdup (filter != NULL ? filter : ""));
  if (g_strcmp0 (stripped, self->filter != NULL ? self->filter : "") == 0)
    return;

  g_free (self->filter);
  self->filter = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), filter != NULL ? filter : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), filter != NULL ? filter : "");

  reload (self);
}

GListModel *
readout_leaders_pane_get_model (ReadoutLeadersPane *self)
{
  g_return_val_if_fail (READOUT_IS_LEADERS_PANE (self), NULL);

  return self->model;
}

ReadoutLeader *
readout_leaders_pane_get_selected_leader (ReadoutLeadersPane *self)
{
  g_return_val_if_fail (READOUT_IS_LEADERS_PANE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
readout_leaders_pane_select_leader (ReadoutLeadersPane *self,
                                    gint64              leader_id)
{
  guint n_items;

  g_return_val_if_fail (READOUT_IS_LEADERS_PANE (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  n_items = MIN (g_list_model_get_n_items (self->model), MAX_SCAN);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (self->model, i);

      if (leader != NULL && readout_leader_get_id (leader) == leader_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

void
readout_leaders_pane_select_position (ReadoutLeadersPane *self,
                                      guint               position)
{
  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

void
readout_leaders_pane_focus_list (ReadoutLeadersPane *self)
{
  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

void
readout_leaders_pane_set_single_click (ReadoutLeadersPane *self,
                                       gboolean           single_click)
{
  g_return_if_fail (READOUT_IS_LEADERS_PANE (self));

  readout_gui_set_single_click (GTK_WIDGET (self->list), single_click);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-search-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-search-pane.h"
#include "readout-search-row.h"
#include "readout-gui-util.h"
#include "readout-search-hit.h"
#include "readout-format.h"
#include "readout-edit-util.h"
#include "readout-search-model.h"

struct _ReadoutSearchPane
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *entry;
  GtkDropDown        *leader_dropdown;
  GtkDropDown        *side_dropdown;
  GtkEditable        *from_entry;
  GtkEditable        *to_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkGridView        *list;
  GtkSingleSelection *selection;
  AdwStatusPage      *empty_page;

  ReadoutStore       *store;
  GListModel         *model;
  GListModel         *leaders;  /* "Anyone", then the store's leaders; NULL until opened */
  GListModel         *sides;    /* "Any Side", the independent press (""), the countries;
                                 * NULL until opened */
  char               *query;
  gboolean            updating_dropdown;
};

G_DEFINE_FINAL_TYPE (ReadoutSearchPane, readout_search_pane, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "12 results", or "More than 5000 results" when there were too many to count. */
static void
update_count (ReadoutSearchPane *self)
{
  guint n = self->model != NULL ? readout_search_model_get_n_matches (READOUT_SEARCH_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (n > READOUT_STORE_SEARCH_RANK_LIMIT)
    /* Translators: the number of search results when there are too many to count */
    text = g_strdup_printf (_("More than %u results"), READOUT_STORE_SEARCH_RANK_LIMIT);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->query != NULL && self->model != NULL);
}

static GListModel *
search_store (ReadoutSearchPane  *self,
              GError            **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  ReadoutSearchFilter filter = { 0, };
  ReadoutLeader *leader = gtk_drop_down_get_selected_item (self->leader_dropdown);
  guint side = gtk_drop_down_get_selected (self->side_dropdown);
  gboolean dates_ok = readout_edit_read_date_entry (self->from_entry, &from);

  if (!(readout_edit_read_date_entry (self->to_entry, &to) && dates_ok))
    return NULL;
  filter.leader_id = leader != NULL ? readout_leader_get_id (leader) : 0;
  filter.side = self->sides != NULL && side != GTK_INVALID_LIST_POSITION
                ? readout_edit_countries_get_code (self->sides, side) : NULL;
  filter.date_from = from;
  filter.date_to = to;
  return readout_store_search_filtered (self->store, self->query, &filter, error);
}

static void
run_search (ReadoutSearchPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->model);

  if (self->store != NULL && self->query != NULL)
    self->model = search_store (self, &error);
  update_count (self);

  /* Detach the old model first: with a selected item, GtkSingleSelection would read
   * every row of the new model looking for it, thousands of rows on a busy leader. */
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, self->model);

  if (self->query == NULL)
    gtk_stack_set_visible_child_name (self->stack, "start");
  else if (error != NULL)
    {
      /* The query could not run (a store error); say so where the results go. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->empty_page, _("Search Failed"));
      adw_status_page_set_description (self->empty_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("No statement uses these words. Try fewer or other words."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_filter_changed_cb (ReadoutSearchPane *self)
{
  if (!self->updating_dropdown)
    run_search (self);
}

/* Closed, the drop-down of leaders holds "Anyone" only: reading every leader of the
 * store and making rows of the drop-down's list for them waits until it opens, which
 * took a tenth of the time to the window's first frame. */
static void
show_anyone (ReadoutSearchPane *self)
{
  g_autoptr(GListModel) anyone = readout_gui_anyone_and (NULL);

  g_clear_object (&self->leaders);
  gtk_drop_down_set_model (self->leader_dropdown, anyone);
}

/* "Any Side", then the independent press (code ""), then the countries, sorted by
 * their names in the user's language. */
static void
on_sides_shown_cb (ReadoutSearchPane *self)
{
  GObject *independent;

  if (self->sides != NULL)
    return;

  self->sides = readout_edit_countries_new (_("Any Side"));
  gtk_string_list_splice (GTK_STRING_LIST (self->sides), 1, 0,
                          (const char * const []) { _("Independent press"), NULL });
  independent = g_list_model_get_item (self->sides, 1);
  g_object_set_data_full (independent, "readout-code", g_strdup (""), g_free);
  g_object_unref (independent);
  /* Nothing but "Any Side" could be chosen before: it stays chosen, the first row. */
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->side_dropdown, self->sides);
  self->updating_dropdown = FALSE;
}

static void
on_leaders_shown_cb (ReadoutSearchPane *self)
{
  if (self->leaders != NULL || self->store == NULL)
    return;

  /* Nothing but "Anyone" could be chosen before: it stays chosen, the first row. */
  self->leaders = readout_gui_leaders_with_anyone (self->store, NULL);
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->leader_dropdown, self->leaders);
  self->updating_dropdown = FALSE;
}

static void
set_query_internal (ReadoutSearchPane *self,
                    const char        *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));

  if (g_strcmp0 (*stripped != '\0' ? stripped : NULL, self->query) == 0)
    return;

  g_free (self->query);
  self->query = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  run_search (self);
}

static void
on_search_changed_cb (ReadoutSearchPane *self)
{
  set_query_internal (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_entry_activated_cb (ReadoutSearchPane *self)
{
  /* Enter runs a pending search at once and opens the best match. */
  on_search_changed_cb (self);
  if (self->model != NULL && g_list_model_get_n_items (self->model) > 0)
    readout_search_pane_activate (self, 0);
}

static void
on_stop_search_cb (ReadoutSearchPane *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_row_activated_cb (ReadoutSearchPane *self,
                     guint              position)
{
  readout_search_pane_activate (self, position);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, readout_search_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReadoutSearchPane        *self)
{
  ReadoutSearchRow *row = READOUT_SEARCH_ROW (gtk_list_item_get_child (item));

  readout_search_row_set_store (row, self->store);
  readout_search_row_set_hit (row, gtk_list_item_get_item (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  readout_search_row_set_hit (READOUT_SEARCH_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
readout_search_pane_dispose (GObject *object)
{
  ReadoutSearchPane *self = READOUT_SEARCH_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_SEARCH_PANE);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->leaders);
  g_clear_object (&self->sides);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (readout_search_pane_parent_class)->dispose (object);
}

static void
readout_search_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReadoutSearchPane *self = READOUT_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReadoutSearchPane *self = READOUT_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_search_pane_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_search_pane_class_init (ReadoutSearchPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_search_pane_dispose;
  object_class->get_property = readout_search_pane_get_property;
  object_class->set_property = readout_search_pane_set_property;

  /* Bound to the window's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Escape in the entry: the user is done searching. */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-search-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, leader_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, selection);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSearchPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "searchpane");
}

static void
readout_search_pane_init (ReadoutSearchPane *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (READOUT_TYPE_LEADER, NULL, "name");
  g_autoptr(GListModel) any_side = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "start");
  /* A hit is opened with one click at every width: selecting it alone shows nothing. */
  readout_gui_set_single_click (GTK_WIDGET (self->list), TRUE);

  gtk_drop_down_set_expression (self->leader_dropdown, name);
  show_anyone (self);
  if (!readout_gui_drop_down_connect_opened (self->leader_dropdown, G_CALLBACK (on_leaders_shown_cb), self))
    g_warning ("The search's drop-down of leaders has no popover; it offers “Anyone” only");

  /* The sides too wait until their drop-down opens. */
  any_side = G_LIST_MODEL (gtk_string_list_new ((const char * const []) { _("Any Side"), NULL }));
  readout_edit_setup_country_dropdown (self->side_dropdown, any_side);
  if (!readout_gui_drop_down_connect_opened (self->side_dropdown, G_CALLBACK (on_sides_shown_cb), self))
    g_warning ("The search's drop-down of sides has no popover; it offers “Any Side” only");
}

GtkWidget *
readout_search_pane_new (void)
{
  return g_object_new (READOUT_TYPE_SEARCH_PANE, NULL);
}

void
readout_search_pane_set_store (ReadoutSearchPane *self,
                               ReadoutStore      *store)
{
  g_return_if_fail (READOUT_IS_SEARCH_PANE (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  self->updating_dropdown = TRUE;
  show_anyone (self);
  self->updating_dropdown = FALSE;
  run_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
readout_search_pane_set_query (ReadoutSearchPane *self,
                               const char        *query)
{
  g_return_if_fail (READOUT_IS_SEARCH_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
  set_query_internal (self, query);
}

const char *
readout_search_pane_get_query (ReadoutSearchPane *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_PANE (self), NULL);

  return self->query;
}

GListModel *
readout_search_pane_get_model (ReadoutSearchPane *self)
{
  g_return_val_if_fail (READOUT_IS_SEARCH_PANE (self), NULL);

  return self->model;
}

void
readout_search_pane_activate (ReadoutSearchPane *self,
                              guint              position)
{
  g_autoptr(ReadoutSearchHit) hit = NULL;

  g_return_if_fail (READOUT_IS_SEARCH_PANE (self));

  if (self->model == NULL)
    return;

  hit = g_list_model_get_item (self->model, position);
  if (hit == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  /* The window shows the call, scrolled to the statement. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-call", "(xx)",
                              readout_search_hit_get_call_id (hit),
                              readout_search_hit_get_statement_id (hit));
}

void
readout_search_pane_focus_entry (ReadoutSearchPane *self)
{
  g_return_if_fail (READOUT_IS_SEARCH_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

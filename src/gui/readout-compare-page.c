// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-compare-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-call-comparison.h"
#include "readout-compare-layout.h"
#include "readout-compare-page.h"
#include "readout-compare-row.h"
#include "readout-error.h"
#include "readout-exportable.h"
#include "readout-format.h"
#include "readout-gui-util.h"

/* The width of "Copy Comparison" text: what fits an e-mail. */
#define TEXT_WIDTH 72

/* One entry of the side pickers: a side of the call, or one of its sources. */
typedef struct {
  char   *side;       /* NULL for a source */
  gint64  source_id;  /* 0 for a side */
} Choice;

static void
choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->side);
}

struct _ReadoutComparePage
{
  GtkWidget           parent_instance;

  AdwToastOverlay    *toasts;
  GtkStack           *stack;
  AdwStatusPage      *nothing_page;
  GtkDropDown        *picker_a;
  GtkDropDown        *picker_b;
  GtkStack           *content_stack;
  GtkScrolledWindow  *scrolled;
  GtkWidget          *summary_box;
  GtkWidget          *rows_box;
  AdwStatusPage      *error_page;

  ReadoutStore       *store;
  ReadoutCall        *call;
  ReadoutComparison  *comparison;
  GListModel         *statements;
  GtkStringList      *choice_names;
  GArray             *choices;      /* of Choice, parallel to choice_names */
  /* The call's sources by id, for naming each statement's source. */
  GHashTable         *sources;

  guint               previous_a;
  guint               previous_b;
  gboolean            updating_pickers;
  guint               reload_idle;
  guint               restyle_idle;
};

static void compare_page_exportable_init (ReadoutExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReadoutComparePage, readout_compare_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (READOUT_TYPE_EXPORTABLE, compare_page_exportable_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CALL,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_STATEMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ReadoutComparePage *self);

/* The highlight colours come from the stylesheet (which takes them from libadwaita's
 * named colours), so they follow the light, dark and high-contrast styles. */
static void
lookup_colors (ReadoutComparePage   *self,
               ReadoutCompareColors *colors)
{
  GtkStyleContext *context;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  if (!gtk_style_context_lookup_color (context, "readout_only_a_bg", &colors->only_a))
    colors->only_a = (GdkRGBA) { 0.75, 0.38, 0.80, 0.28 };
  if (!gtk_style_context_lookup_color (context, "readout_only_b_bg", &colors->only_b))
    colors->only_b = (GdkRGBA) { 0.90, 0.65, 0.04, 0.30 };
G_GNUC_END_IGNORE_DEPRECATIONS
}

static const Choice *
get_choice (ReadoutComparePage *self,
            guint               position)
{
  if (self->choices == NULL || position >= self->choices->len)
    return NULL;
  return &g_array_index (self->choices, Choice, position);
}

static gboolean
choices_same_kind (const Choice *a,
                   const Choice *b)
{
  return (a->side != NULL) == (b->side != NULL);
}

static void
set_pickers (ReadoutComparePage *self,
             guint               a,
             guint               b)
{
  self->updating_pickers = TRUE;
  gtk_drop_down_set_selected (self->picker_a, a);
  gtk_drop_down_set_selected (self->picker_b, b);
  self->updating_pickers = FALSE;
  self->previous_a = a;
  self->previous_b = b;
}

/* Rows */

static void
fill_rows (ReadoutComparePage *self)
{
  ReadoutCompareColors colors;
  GtkWidget *summary;
  guint n_rows;

  readout_gui_remove_children (self->rows_box);
  if (self->comparison == NULL)
    {
      readout_gui_remove_children (self->summary_box);
      return;
    }

  lookup_colors (self, &colors);
  readout_gui_remove_children (self->summary_box);
  summary = readout_compare_row_new_summary (self->comparison, &colors);
  gtk_widget_add_css_class (summary, "card");
  gtk_box_append (GTK_BOX (self->summary_box), summary);

  n_rows = readout_comparison_get_n_rows (self->comparison);
  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *row = readout_compare_row_new (self->comparison, i, self->sources, &colors);

      gtk_widget_add_css_class (row, "card");
      gtk_box_append (GTK_BOX (self->rows_box), row);
    }

  if (n_rows == 0)
    gtk_box_append (GTK_BOX (self->rows_box),
                    readout_gui_label_new (_("Neither side’s statements are about a topic."), "dim-label", NULL));
}

static void
update_actions (ReadoutComparePage *self)
{
  gboolean have = self->comparison != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy-comparison", have);
  readout_exportable_set_actions_enabled (READOUT_EXPORTABLE (self), have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap",
                                 self->choices != NULL && self->choices->len >= 2);
}

/* Compares what the pickers say. */
static void
compare (ReadoutComparePage *self)
{
  const Choice *a = get_choice (self, gtk_drop_down_get_selected (self->picker_a));
  const Choice *b = get_choice (self, gtk_drop_down_get_selected (self->picker_b));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->comparison);
  adw_status_page_set_title (self->error_page, _("Cannot Compare These"));

  if (self->call == NULL || self->store == NULL || a == NULL || b == NULL)
    ;
  else if (a->side != NULL && g_strcmp0 (a->side, b->side) == 0)
    {
      g_autofree char *name = readout_format_side (self->store, a->side);

      adw_status_page_set_title (self->error_page, _("Only One Side"));
      g_set_error (&error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   /* Translators: %s is a country, "United States" or "Russia" */
                   _("Only one side, %s, gave an account of this call, so there is no other side to compare "
                     "it with. Choose two of its sources to compare them, or import the other side’s readout."),
                   name);
    }
  else if (!choices_same_kind (a, b))
    g_set_error_literal (&error, READOUT_ERROR, READOUT_ERROR_INVALID,
                         _("Compare two sides, or two sources, of the call: choose a side or a source for both."));
  else if (a->side != NULL)
    self->comparison = readout_call_comparison_new (self->store, readout_call_get_id (self->call),
                                                    a->side, b->side, &error);
  else
    self->comparison = readout_call_comparison_new_for_sources (self->store, a->source_id, b->source_id, &error);

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "rows");

  fill_rows (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/* Pickers */

static GtkWidget *
create_picker_label (gboolean in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Long source names must not make the window wider than a phone. */
  gtk_label_set_width_chars (GTK_LABEL (label), in_list ? 12 : 4);
  gtk_label_set_max_width_chars (GTK_LABEL (label), in_list ? 48 : 30);
  return label;
}

static void
on_setup_button_item_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item)
{
  gtk_list_item_set_child (item, create_picker_label (FALSE));
}

static void
on_setup_list_item_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  gtk_list_item_set_child (item, create_picker_label (TRUE));
}

static void
on_bind_item_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = string != NULL ? gtk_string_object_get_string (string) : "";

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
create_picker_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup",
                    in_list ? G_CALLBACK (on_setup_list_item_cb) : G_CALLBACK (on_setup_button_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_item_cb), NULL);
  return factory;
}

/* After the user picks @changed for one side: if it is what the other side showed, the
 * sides trade places; if it is a source across from a side (or the other way round),
 * the other side becomes the first choice of the same kind. */
static guint
fit_other (ReadoutComparePage *self,
           guint               changed,
           guint               other,
           guint               previous)
{
  const Choice *picked = get_choice (self, changed);
  const Choice *current = get_choice (self, other);

  if (picked == NULL || current == NULL)
    return other;

  if (changed == other)
    return previous;

  if (!choices_same_kind (picked, current))
    for (guint i = 0; i < self->choices->len; i++)
      if (i != changed && choices_same_kind (picked, get_choice (self, i)))
        return i;

  return other;
}

static void
on_picker_a_changed_cb (ReadoutComparePage *self)
{
  guint a = gtk_drop_down_get_selected (self->picker_a);
  guint b = gtk_drop_down_get_selected (self->picker_b);

  if (self->updating_pickers || self->choices == NULL)
    return;

  set_pickers (self, a, fit_other (self, a, b, self->previous_a));
  compare (self);
}

static void
on_picker_b_changed_cb (ReadoutComparePage *self)
{
  guint a = gtk_drop_down_get_selected (self->picker_a);
  guint b = gtk_drop_down_get_selected (self->picker_b);

  if (self->updating_pickers || self->choices == NULL)
    return;

  set_pickers (self, fit_other (self, b, a, self->previous_b), b);
  compare (self);
}

static int
find_side_choice (ReadoutComparePage *self,
                  const char         *side,
                  int                 except)
{
  for (guint i = 0; side != NULL && i < self->choices->len; i++)
    {
      const Choice *choice = get_choice (self, i);

      if ((int) i != except && choice->side != NULL && g_ascii_strcasecmp (choice->side, side) == 0)
        return i;
    }
  return -1;
}

static gint64 *
int64_key (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

/* Lists what can be compared (the sides with statements, then each source with
 * statements) and picks the two participants' countries when it can. */
static void
fill_choices (ReadoutComparePage *self)
{
  g_auto(GStrv) sides = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *countries;
  guint n_sides = 0, n_sources = 0;
  int a = -1, b = -1;

  g_array_set_size (self->choices, 0);
  g_hash_table_remove_all (self->sources);

  sides = readout_call_comparison_dup_sides (self->store, readout_call_get_id (self->call), &error);
  if (sides == NULL)
    g_debug ("No sides for call %" G_GINT64_FORMAT ": %s",
             readout_call_get_id (self->call), error != NULL ? error->message : "");

  for (guint i = 0; sides != NULL && sides[i] != NULL; i++)
    {
      Choice choice = { g_strdup (sides[i]), 0 };
      g_autofree char *name = readout_format_side (self->store, sides[i]);

      g_array_append_val (self->choices, choice);
      gtk_string_list_append (names, name);
      n_sides++;
    }

  sources = readout_store_list_sources (self->store, readout_call_get_id (self->call));
  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GListModel) statements = NULL;
      const char *publisher;
      g_autofree char *name = NULL;
      Choice choice = { NULL, 0 };

      if (source == NULL)
        continue;

      g_hash_table_insert (self->sources, int64_key (readout_source_get_id (source)), g_object_ref (source));

      statements = readout_store_list_source_statements (self->store, readout_source_get_id (source));
      if (statements == NULL || g_list_model_get_n_items (statements) == 0)
        continue;

      publisher = readout_source_get_publisher (source);
      /* Translators: a single source in the Compare page's side pickers, its publisher
       * and kind: "TASS · News report" */
      name = g_strdup_printf (_("%s · %s"),
                              publisher != NULL && *publisher != '\0' ? publisher : _("Unknown publisher"),
                              readout_format_source_kind (readout_source_get_kind (source)));
      choice.source_id = readout_source_get_id (source);
      g_array_append_val (self->choices, choice);
      gtk_string_list_append (names, name);
      n_sources++;
    }

  countries = readout_call_get_participant_countries (self->call);
  if (countries != NULL && countries[0] != NULL)
    {
      a = find_side_choice (self, countries[0], -1);
      if (countries[1] != NULL)
        b = find_side_choice (self, countries[1], a);
    }
  if (n_sides >= 2)
    {
      if (a < 0)
        a = (b == 0) ? 1 : 0;
      if (b < 0)
        b = (a == 0) ? 1 : 0;
    }
  else if (n_sides == 1)
    /* One side published: say so (compare() does) rather than pick two things at random. */
    a = b = 0;
  else if (n_sources >= 2)
    {
      a = n_sides;
      b = n_sides + 1;
    }
  else
    a = b = -1;

  g_set_object (&self->choice_names, names);
  self->updating_pickers = TRUE;
  gtk_drop_down_set_model (self->picker_a, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->picker_b, G_LIST_MODEL (names));
  self->updating_pickers = FALSE;

  if (a >= 0 && b >= 0)
    set_pickers (self, a, b);
}

static void
on_statements_changed_cb (ReadoutComparePage *self)
{
  /* An import adds many statements at once: compare again once they are in. */
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_once ((GSourceOnceFunc) reload, self);
}

static void
clear_statements (ReadoutComparePage *self)
{
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_func (self->statements, on_statements_changed_cb, self);
  g_clear_object (&self->statements);
}

static void
reload (ReadoutComparePage *self)
{
  const Choice *a, *b;
  g_autofree char *side_a = NULL;
  g_autofree char *side_b = NULL;
  gint64 source_a = 0, source_b = 0;

  g_clear_handle_id (&self->reload_idle, g_source_remove);

  if (self->call == NULL || self->store == NULL)
    {
      clear_statements (self);
      g_clear_object (&self->comparison);
      g_array_set_size (self->choices, 0);
      g_hash_table_remove_all (self->sources);
      fill_rows (self);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
      return;
    }

  if (self->statements == NULL)
    {
      self->statements = readout_store_list_statements (self->store, readout_call_get_id (self->call));
      g_signal_connect_swapped (self->statements, "items-changed", G_CALLBACK (on_statements_changed_cb), self);
    }

  /* Keep what the user picked across a reload of the same call. */
  a = get_choice (self, gtk_drop_down_get_selected (self->picker_a));
  b = get_choice (self, gtk_drop_down_get_selected (self->picker_b));
  if (a != NULL && b != NULL)
    {
      side_a = g_strdup (a->side);
      side_b = g_strdup (b->side);
      source_a = a->source_id;
      source_b = b->source_id;
    }

  fill_choices (self);

  if (self->choices->len < 2 || gtk_drop_down_get_selected (self->picker_a) == GTK_INVALID_LIST_POSITION)
    {
      g_clear_object (&self->comparison);
      fill_rows (self);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "nothing");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
      return;
    }

  if (side_a != NULL || source_a != 0)
    {
      int keep_a = -1, keep_b = -1;

      for (guint i = 0; i < self->choices->len; i++)
        {
          const Choice *choice = get_choice (self, i);

          if (g_strcmp0 (choice->side, side_a) == 0 && choice->source_id == source_a)
            keep_a = i;
          if (g_strcmp0 (choice->side, side_b) == 0 && choice->source_id == source_b)
            keep_b = i;
        }
      if (keep_a >= 0 && keep_b >= 0 && keep_a != keep_b)
        set_pickers (self, keep_a, keep_b);
    }

  compare (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

/* Actions */

static void
swap_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (widget);
  guint a = gtk_drop_down_get_selected (self->picker_a);
  guint b = gtk_drop_down_get_selected (self->picker_b);

  if (a == GTK_INVALID_LIST_POSITION || b == GTK_INVALID_LIST_POSITION)
    return;

  set_pickers (self, b, a);
  compare (self);
}

static void
copy_comparison_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (widget);
  g_autofree char *text = NULL;

  if (self->comparison == NULL)
    return;

  text = readout_comparison_to_text (self->comparison, TEXT_WIDTH);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Comparison copied")));
}

static ReadoutPdfLayout *
compare_page_create_layout (ReadoutExportable  *exportable,
                            GError            **error)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (exportable);

  if (self->comparison == NULL || self->store == NULL)
    return NULL;
  return readout_pdf_layout_new_for_comparison (self->store, self->comparison, error);
}

static ReadoutCall *
compare_page_get_call (ReadoutExportable *exportable)
{
  return READOUT_COMPARE_PAGE (exportable)->call;
}

static AdwToastOverlay *
compare_page_get_toasts (ReadoutExportable *exportable)
{
  return READOUT_COMPARE_PAGE (exportable)->toasts;
}

static void
compare_page_exportable_init (ReadoutExportableInterface *iface)
{
  iface->create_layout = compare_page_create_layout;
  iface->get_call = compare_page_get_call;
  iface->get_toasts = compare_page_get_toasts;
}

static void
show_statement_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_STATEMENT], 0, g_variant_get_int64 (parameter));
}

/* Style */

static void
restyle (ReadoutComparePage *self)
{
  self->restyle_idle = 0;
  fill_rows (self);
}

static void
on_style_changed_cb (ReadoutComparePage *self)
{
  /* The stylesheet follows the style after this notification: read the colours once
   * it has. */
  if (self->restyle_idle == 0)
    self->restyle_idle = g_idle_add_once ((GSourceOnceFunc) restyle, self);
}

/* GObject */

static void
readout_compare_page_dispose (GObject *object)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);
  GtkWidget *child;

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_style_changed_cb, self);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->restyle_idle, g_source_remove);
  clear_statements (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_COMPARE_PAGE);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->comparison);
  g_clear_object (&self->choice_names);
  g_clear_object (&self->call);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (readout_compare_page_parent_class)->dispose (object);
}

static void
readout_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReadoutComparePage *self = READOUT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_compare_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CALL:
      readout_compare_page_set_call (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_compare_page_class_init (ReadoutComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_compare_page_dispose;
  object_class->get_property = readout_compare_page_get_property;
  object_class->set_property = readout_compare_page_set_property;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL,
                         READOUT_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         READOUT_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReadoutComparePage::show-statement:
   * @statement_id: the statement whose source the user wants to see
   *
   * Asks for the statement to be shown among its call's sources.
   */
  signals[SHOW_STATEMENT] =
    g_signal_new ("show-statement",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_activated);
  gtk_widget_class_install_action (widget_class, "compare.copy-comparison", NULL, copy_comparison_activated);
  gtk_widget_class_install_action (widget_class, "compare.show-statement", "x", show_statement_activated);
  readout_exportable_install_actions (widget_class);

  /* Ctrl+C copies the selected text of a label; with nothing selected there, the
   * whole comparison is the shift away. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.copy-comparison", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, toasts);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, picker_a);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, picker_b);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, rows_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutComparePage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_a_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_b_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "comparepage");
}

static void
readout_compare_page_init (ReadoutComparePage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = create_picker_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = create_picker_factory (TRUE);
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, choice_clear);
  self->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->picker_a, button_factory);
  gtk_drop_down_set_list_factory (self->picker_a, list_factory);
  gtk_drop_down_set_factory (self->picker_b, button_factory);
  gtk_drop_down_set_list_factory (self->picker_b, list_factory);

  g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (on_style_changed_cb), self);
  g_signal_connect_swapped (style, "notify::high-contrast", G_CALLBACK (on_style_changed_cb), self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

GtkWidget *
readout_compare_page_new (void)
{
  return g_object_new (READOUT_TYPE_COMPARE_PAGE, NULL);
}

void
readout_compare_page_set_store (ReadoutComparePage *self,
                                ReadoutStore       *store)
{
  g_return_if_fail (READOUT_IS_COMPARE_PAGE (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      clear_statements (self);
      if (self->call != NULL)
        {
          g_clear_object (&self->call);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
        }
      reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

ReadoutCall *
readout_compare_page_get_call (ReadoutComparePage *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_PAGE (self), NULL);

  return self->call;
}

void
readout_compare_page_set_call (ReadoutComparePage *self,
                               ReadoutCall        *call)
{
  gboolean same_call;

  g_return_if_fail (READOUT_IS_COMPARE_PAGE (self));
  g_return_if_fail (call == NULL || READOUT_IS_CALL (call));

  if (self->call == call)
    return;

  same_call = self->call != NULL && call != NULL &&
              readout_call_get_id (self->call) == readout_call_get_id (call);
  g_set_object (&self->call, call);

  if (!same_call)
    {
      clear_statements (self);
      /* A new call starts from its participants, not from the last call's picks. */
      self->updating_pickers = TRUE;
      gtk_drop_down_set_model (self->picker_a, NULL);
      gtk_drop_down_set_model (self->picker_b, NULL);
      self->updating_pickers = FALSE;
      g_array_set_size (self->choices, 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

ReadoutComparison *
readout_compare_page_get_comparison (ReadoutComparePage *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_PAGE (self), NULL);

  return self->comparison;
}

gboolean
readout_compare_page_export_pdf_to_file (ReadoutComparePage *self,
                                         GFile              *file)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_PAGE (self), FALSE);

  return readout_exportable_export_pdf_to_file (READOUT_EXPORTABLE (self), file);
}

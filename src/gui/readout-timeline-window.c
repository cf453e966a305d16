// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-timeline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-export.h"
#include "readout-format.h"
#include "readout-relations-chart.h"
#include "readout-store-timeline.h"
#include "readout-timeline-chart.h"
#include "readout-timeline-view.h"
#include "readout-timeline-window.h"

/* The pairs listed on the Relations page: enough to scroll, few enough to build at once. */
#define RELATIONS_SHOWN 150

struct _ReadoutTimelineWindow
{
  AdwWindow parent_instance;

  ReadoutStore *store;
  AdwToastOverlay *toasts;
  AdwViewStack *stack;
  GtkLabel *timeline_title;
  GtkDropDown *leader_choice;
  GArray *leader_ids;          /* gint64, in the order of leader_choice's names */
  gint64 leader_id;            /* whose timeline shows */
  ReadoutTimelineView *timeline;
  GtkListBox *relations_list;
  GtkEntry *relations_filter[3];   /* country, from, to */
  GPtrArray *relations;        /* ReadoutRelation, drawn by the rows' sparklines */
  guint years_first, years_last, years_most;  /* the sparklines' shared axis and scale */
  GtkLabel *relations_hint;    /* says which years the sparklines span */
  GtkLabel *history_title;
  GtkDropDown *topic_choice;
  GtkBox *history_box;
  GtkWidget *history_export;   /* insensitive until a pair is picked */
  gint64 pair[2];
};

G_DEFINE_FINAL_TYPE (ReadoutTimelineWindow, readout_timeline_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CALL_ACTIVATED,
  SIGNAL_PERIOD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ReadoutTimelineWindow *self,
            const GError          *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
on_call_activated_cb (ReadoutTimelineWindow *self,
                      gint64                 call_id)
{
  g_signal_emit (self, signals[SIGNAL_CALL_ACTIVATED], 0, call_id);
}

/* ---------------------------------------------------------------------------------- */
/* Timeline                                                                           */

static void
show_timeline (ReadoutTimelineWindow *self,
               gint64                 leader_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) leader = readout_store_get_leader (self->store, leader_id, &error);
  g_autofree char *title = NULL;

  if (leader == NULL || !readout_timeline_view_set_leader (self->timeline, self->store, leader_id, &error))
    {
      show_error (self, error);
      return;
    }
  self->leader_id = leader_id;
  /* Translators: the title of the timeline page; %s is a leader's name */
  title = g_strdup_printf (_("Calls of %s"), readout_leader_get_name (leader));
  gtk_label_set_text (self->timeline_title, title);
  for (guint i = 0; i < self->leader_ids->len; i++)
    if (g_array_index (self->leader_ids, gint64, i) == leader_id &&
        gtk_drop_down_get_selected (self->leader_choice) != i)
      gtk_drop_down_set_selected (self->leader_choice, i);
}

/* Writes one of the window's charts to a file the user chose. */
typedef gboolean (*ChartWriter) (ReadoutTimelineWindow *self,
                                 const char            *path,
                                 GError               **error);

static void
on_export_chooser_response_cb (GtkNativeDialog       *dialog,
                               int                    response,
                               ReadoutTimelineWindow *self)
{
  ChartWriter writer = g_object_get_data (G_OBJECT (dialog), "readout-chart-writer");
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (path == NULL)
    return;
  if (!writer (self, path, &error))
    show_error (self, error);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after exporting a chart; %s is the file's name */
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
}

/* PNG for a slide, SVG to edit, PDF to print: the extension the user types decides. */
static void
choose_chart_file (ReadoutTimelineWindow *self,
                   const char            *dialog_title,
                   const char            *name,
                   ChartWriter            writer)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) charts = gtk_file_filter_new ();
  g_autofree char *file_name = g_strdup_printf ("%s.png", name);

  chooser = gtk_file_chooser_native_new (dialog_title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (charts, _("Charts (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (charts, "png");
  gtk_file_filter_add_suffix (charts, "svg");
  gtk_file_filter_add_suffix (charts, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), charts);
  g_strdelimit (file_name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* One-off data on a file chooser: which writer its answer goes to. */
  g_object_set_data (G_OBJECT (chooser), "readout-chart-writer", writer);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
write_timeline (ReadoutTimelineWindow  *self,
                const char             *path,
                GError                **error)
{
  return readout_timeline_view_export (self->timeline, path, gtk_label_get_text (self->timeline_title), error);
}

static void
on_export_timeline_clicked_cb (ReadoutTimelineWindow *self)
{
  if (self->leader_id != 0)
    choose_chart_file (self, _("Export Timeline"), gtk_label_get_text (self->timeline_title), write_timeline);
}

/* The relations as listed, at a size that holds them. */
static gboolean
write_relations (ReadoutTimelineWindow  *self,
                 const char             *path,
                 GError                **error)
{
  return readout_relations_chart_export (self->relations, path, 1280,
                                         CLAMP (80 + 26.0 * (self->relations->len + 1), 400, 4000),
                                         _("Who Talks Most"), NULL,
                                         adw_style_manager_get_dark (adw_style_manager_get_default ()), error);
}

static void
on_export_relations_clicked_cb (ReadoutTimelineWindow *self)
{
  if (self->relations != NULL)
    choose_chart_file (self, _("Export Relations"), _("Who Talks Most"), write_relations);
}

/* The period in view, as the main window's calls list: zoom and pan to select it. */
static void
on_show_period_clicked_cb (ReadoutTimelineWindow *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (self->leader_id != 0 && readout_timeline_view_dup_period (self->timeline, &first, &last))
    g_signal_emit (self, signals[SIGNAL_PERIOD_ACTIVATED], 0, self->leader_id, first, last);
}

static void
on_leader_chosen_cb (ReadoutTimelineWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->leader_choice);

  if (selected < self->leader_ids->len && g_array_index (self->leader_ids, gint64, selected) != self->leader_id)
    show_timeline (self, g_array_index (self->leader_ids, gint64, selected));
}

/* Every leader with calls, by name, to pick whose timeline to show; typing searches. */
static GtkWidget *
build_leader_choice (ReadoutTimelineWindow *self)
{
  g_autoptr(GListModel) leaders = readout_store_list_leaders (self->store, READOUT_LEADER_SORT_NAME, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  self->leader_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (leaders, i);
      gint64 id = readout_leader_get_id (leader);

      if (readout_leader_get_call_count (leader) == 0)
        continue;
      gtk_string_list_append (names, readout_leader_get_name (leader));
      g_array_append_val (self->leader_ids, id);
    }
  self->leader_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names),
                                                          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->leader_choice, TRUE);
  gtk_drop_down_set_selected (self->leader_choice, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_valign (GTK_WIDGET (self->leader_choice), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->leader_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Leader"), -1);
  g_signal_connect_swapped (self->leader_choice, "notify::selected", G_CALLBACK (on_leader_chosen_cb), self);
  return GTK_WIDGET (self->leader_choice);
}

static GtkWidget *
build_timeline_page (ReadoutTimelineWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Scroll to zoom, drag to move in time; hover a call for its topics, click it to open it."));

  self->timeline_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->timeline_title), "title-3");
  gtk_label_set_xalign (self->timeline_title, 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  self->timeline = READOUT_TIMELINE_VIEW (readout_timeline_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  g_signal_connect_swapped (self->timeline, "call-activated", G_CALLBACK (on_call_activated_cb), self);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  {
    /* The controls wrap under each other in a narrow window rather than widen it. The flow
     * box fills the row: started at its natural width, GTK 4.8 lays it out one control per
     * line and overlaps what follows. */
    GtkWidget *row = gtk_flow_box_new ();
    GtkWidget *export, *show_period;

    gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row), GTK_SELECTION_NONE);
    gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (row), 6);
    gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (row), 6);
    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row), 3);
    gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (row), 1);
    gtk_label_set_wrap (self->timeline_title, TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline_title));
    show_period = gtk_button_new_with_mnemonic (_("_List These Calls"));
    gtk_widget_set_tooltip_text (show_period, _("Lists the calls of the period in view in the main window"));
    g_signal_connect_swapped (show_period, "clicked", G_CALLBACK (on_show_period_clicked_cb), self);
    export = gtk_button_new_with_mnemonic (_("_Export…"));
    g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_timeline_clicked_cb), self);
    for (GtkWidget *control = build_leader_choice (self); control != NULL;
         control = control == show_period ? export : control == export ? NULL : show_period)
      {
        gtk_flow_box_append (GTK_FLOW_BOX (row), control);
        /* The controls take the focus, not the flow box's cells around them. */
        gtk_widget_set_focusable (gtk_widget_get_parent (control), FALSE);
      }
    gtk_box_append (GTK_BOX (box), row);
  }
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline));
  return box;
}

/* ---------------------------------------------------------------------------------- */
/* Relations                                                                          */

/* A pair's calls per year, on the axis of years that every listed pair shares, so that a
 * year sits at the same place in every row and the bars compare. */
static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  ReadoutTimelineWindow *self = READOUT_TIMELINE_WINDOW (gtk_widget_get_root (GTK_WIDGET (area)));
  const ReadoutRelation *relation = data;
  GdkRGBA color;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (area), &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
#endif
  gdk_cairo_set_source_rgba (cr, &color);
  readout_relations_chart_draw_bars (cr, relation, self->years_first, self->years_last, self->years_most,
                                     0, 0, width, height);
}

/* The bars in words, for a hover and a screen reader: "2017: 3 calls, 2018: 1 call". */
static void
set_sparkline_tooltip (GtkWidget       *sparkline,
                       ReadoutRelation *relation)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < relation->n_years; i++)
    {
      guint n = relation->per_year[i];

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a year and its number of calls in a sparkline's tooltip */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u: %u call", "%u: %u calls", n),
                              relation->first_year + i, n);
    }
  gtk_widget_set_tooltip_text (sparkline, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sparkline), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

static GtkWidget *
build_relation_row (ReadoutRelation *relation)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sparkline = gtk_drawing_area_new ();
  g_autofree char *title = g_strdup_printf ("%s – %s", relation->name_a, relation->name_b);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls",
                                                         relation->n_calls), relation->n_calls);
  g_autofree char *years = relation->n_years > 1
                           ? g_strdup_printf ("%s · %u–%u", count, relation->first_year,
                                              relation->first_year + relation->n_years - 1)
                           : g_strdup_printf ("%s · %u", count, relation->first_year);

  /* Names are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), years);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (sparkline), 120);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (sparkline), 28);
  gtk_widget_set_valign (sparkline, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (sparkline, "accent");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (sparkline), draw_sparkline, relation, NULL);
  set_sparkline_tooltip (sparkline, relation);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sparkline);
  return row;
}

static void
on_relation_activated_cb (GtkListBox            *list,
                          GtkListBoxRow         *row,
                          ReadoutTimelineWindow *self)
{
  ReadoutRelation *relation = g_ptr_array_index (self->relations, gtk_list_box_row_get_index (row));

  readout_timeline_window_show_topic_history (self, relation->leader_a, relation->leader_b);
}

/* The filter's text, NULL when empty; FALSE (the entry marked) when it is not a country
 * or a date. */
static gboolean
read_filter (ReadoutTimelineWindow  *self,
             guint                   which,
             char                  **value)
{
  GtkWidget *entry = GTK_WIDGET (self->relations_filter[which]);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean valid = TRUE;

  *value = NULL;
  if (text[0] != '\0' && which == 0)
    valid = (*value = readout_store_find_country_code (self->store, text)) != NULL;
  else if (text[0] != '\0')
    valid = readout_parse_iso_date (text, NULL, NULL) && (*value = g_strdup (text)) != NULL;
  if (valid)
    gtk_widget_remove_css_class (entry, "error");
  else
    gtk_widget_add_css_class (entry, "error");
  return valid;
}

/* The sparklines have no axis of their own: the hint names the years they span. */
static void
update_relations_hint (ReadoutTimelineWindow *self)
{
  g_autofree char *text = NULL;

  if (self->relations->len == 0)
    text = g_strdup (_("No two leaders in the store have a call in this range."));
  else if (self->years_first == self->years_last)
    text = g_strdup_printf (_("The pairs of leaders by their number of calls, all in %u. "
                              "Pick a pair to follow a topic through its calls."), self->years_first);
  else
    /* Translators: the bars are each pair's calls per year, from the first year to the last */
    text = g_strdup_printf (_("The pairs of leaders by their number of calls; the bars are their calls "
                              "in each year from %u to %u. Pick a pair to follow a topic through its calls."),
                            self->years_first, self->years_last);
  gtk_label_set_text (self->relations_hint, text);
}

static void
load_relations (ReadoutTimelineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *country = NULL, *from = NULL, *to = NULL;
  ReadoutRelationsQuery query = { .limit = RELATIONS_SHOWN };
  GtkListBoxRow *row;

  if (!read_filter (self, 0, &country) || !read_filter (self, 1, &from) || !read_filter (self, 2, &to))
    return;
  query.country = country;
  query.from = from;
  query.to = to;
  while ((row = gtk_list_box_get_row_at_index (self->relations_list, 0)) != NULL)
    gtk_list_box_remove (self->relations_list, GTK_WIDGET (row));
  /* The rows are gone, and the sparklines that drew from the old relations with them. */
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  self->relations = readout_store_relations (self->store, &query, &error);
  if (self->relations == NULL)
    {
      show_error (self, error);
      return;
    }
  readout_relations_year_span (self->relations, self->relations->len,
                               &self->years_first, &self->years_last, &self->years_most);
  update_relations_hint (self);
  for (guint i = 0; i < self->relations->len; i++)
    gtk_list_box_append (self->relations_list, build_relation_row (g_ptr_array_index (self->relations, i)));
}

static GtkWidget *
build_relations_filters (ReadoutTimelineWindow *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *placeholders[3] = { _("Any country"), _("From"), _("To") };

  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholders[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholders[i], -1);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
      gtk_widget_set_tooltip_text (entry, i == 0 ? _("A country’s name, code or demonym")
                                                 : _("A date: YYYY, YYYY-MM or YYYY-MM-DD"));
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (load_relations), self);
      self->relations_filter[i] = GTK_ENTRY (entry);
      gtk_box_append (GTK_BOX (row), entry);
    }
  return row;
}

static GtkWidget *
build_relations_page (ReadoutTimelineWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Who Talks Most"));
  GtkWidget *hint = gtk_label_new (NULL);

  self->relations_hint = GTK_LABEL (hint);

  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  self->relations_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->relations_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->relations_list), "boxed-list");
  g_signal_connect (self->relations_list, "row-activated", G_CALLBACK (on_relation_activated_cb), self);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  {
    GtkWidget *row = build_relations_filters (self);
    GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

    g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_relations_clicked_cb), self);
    gtk_box_append (GTK_BOX (row), export);
    gtk_box_append (GTK_BOX (box), row);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->relations_list));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

/* ---------------------------------------------------------------------------------- */
/* One topic across a pair's calls                                                    */

static GtkWidget *
build_statement_label (ReadoutStatement *statement)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (readout_statement_get_text (statement));
  g_autofree char *meta = g_strdup_printf ("— %s · %s",
                                           readout_statement_get_speaker (statement) != NULL
                                           ? readout_statement_get_speaker (statement) : "",
                                           readout_statement_get_source_publisher (statement));
  GtkWidget *by = gtk_label_new (meta);

  for (GtkWidget *label = text; label != NULL; label = label == text ? by : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (by, "dim-label");
  gtk_widget_add_css_class (by, "caption");
  return box;
}

static GtkWidget *
build_side_column (GPtrArray *statements)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_set_hexpand (column, TRUE);
  if (statements->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Not mentioned"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (column), none);
    }
  for (guint i = 0; i < statements->len; i++)
    gtk_box_append (GTK_BOX (column), build_statement_label (g_ptr_array_index (statements, i)));
  return column;
}

/* A call's block: its date and who raised the topic, then each side's statements in two
 * columns, side A on the left as on the Compare page. */
static GtkWidget *
build_history_entry (ReadoutTimelineWindow    *self,
                     ReadoutTopicHistoryEntry *entry,
                     const char               *name_a,
                     const char               *name_b)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autofree char *date = readout_format_date (readout_call_get_date (entry->call),
                                               readout_call_get_date_precision (entry->call));
  g_autofree char *raised = readout_topic_mentioned_by_format (entry->mentioned_by, name_a, name_b);
  g_autofree char *heading_text = g_strdup_printf ("%s · %s", date, raised);
  GtkWidget *heading = gtk_label_new (heading_text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_box_append (GTK_BOX (columns), build_side_column (entry->side_a));
  gtk_box_append (GTK_BOX (columns), build_side_column (entry->side_b));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), columns);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return box;
}

/* Which column is whose, above the calls: the side of each leader, as the Compare page's
 * column headings say it. */
static GtkWidget *
build_sides_header (const char *side_a,
                    const char *side_b)
{
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  for (const char *side = side_a; side != NULL; side = side == side_a ? side_b : NULL)
    {
      GtkWidget *label = gtk_label_new (side);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "title-4");
      gtk_box_append (GTK_BOX (columns), label);
    }
  return columns;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
load_topic_history (ReadoutTimelineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutLeader) a = NULL;
  g_autoptr(ReadoutLeader) b = NULL;
  g_autoptr(ReadoutTopic) topic = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *side_a = NULL, *side_b = NULL, *title = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->topic_choice);

  clear_box (self->history_box);
  if (item == NULL || self->pair[0] == 0)
    return;
  if ((a = readout_store_get_leader (self->store, self->pair[0], &error)) == NULL ||
      (b = readout_store_get_leader (self->store, self->pair[1], &error)) == NULL ||
      (topic = readout_store_find_topic (self->store, gtk_string_object_get_string (item), &error)) == NULL ||
      (history = readout_store_topic_history (self->store, self->pair[0], self->pair[1],
                                              readout_topic_get_id (topic), &error)) == NULL)
    {
      GtkWidget *message = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_box_append (self->history_box, message);
      return;
    }
  side_a = readout_format_side (self->store, readout_leader_get_country (a));
  side_b = readout_format_side (self->store, readout_leader_get_country (b));
  /* Translators: the heading of a topic's history: two leaders and their countries */
  title = g_strdup_printf (_("%s (%s) – %s (%s)"), readout_leader_get_name (a), side_a,
                           readout_leader_get_name (b), side_b);
  gtk_label_set_text (self->history_title, title);
  gtk_box_append (self->history_box, build_sides_header (side_a, side_b));
  for (guint i = 0; i < history->len; i++)
    gtk_box_append (self->history_box, build_history_entry (self, g_ptr_array_index (history, i), side_a, side_b));
}

static void
on_export_history_clicked_cb (ReadoutTimelineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutPdfLayout) layout = NULL;
  g_autofree char *name = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->topic_choice);

  if (item == NULL || self->pair[0] == 0)
    return;
  layout = readout_pdf_layout_new_for_topic_history (self->store, self->pair[0], self->pair[1],
                                                     gtk_string_object_get_string (item), &error);
  if (layout == NULL)
    {
      show_error (self, error);
      return;
    }
  name = g_strdup_printf ("%s.pdf", readout_pdf_layout_get_title (layout));
  g_strdelimit (name, "/\\:", '-');
  readout_export_pdf_with_chooser (GTK_WIDGET (self), layout, name, self->toasts);
}

static GtkWidget *
build_topic_page (ReadoutTimelineWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GListModel) topics = readout_store_list_topics (self->store);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint ukraine = 0;

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(ReadoutTopic) topic = g_list_model_get_item (topics, i);

      gtk_string_list_append (names, readout_topic_get_name (topic));
      /* Start on the topic most of the sample's calls are about. */
      if (g_strcmp0 (readout_topic_get_name (topic), "Ukraine") == 0)
        ukraine = i;
    }
  self->topic_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_drop_down_set_enable_search (self->topic_choice, TRUE);
  gtk_drop_down_set_selected (self->topic_choice, ukraine);
  gtk_widget_set_halign (GTK_WIDGET (self->topic_choice), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topic"), -1);
  g_signal_connect_swapped (self->topic_choice, "notify::selected", G_CALLBACK (load_topic_history), self);
  self->history_title = GTK_LABEL (gtk_label_new (_("Pick a pair of leaders on the Relations page.")));
  gtk_label_set_wrap (self->history_title, TRUE);
  gtk_label_set_xalign (self->history_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_title), "title-3");
  self->history_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export PDF…"));

    self->history_export = export;
    gtk_widget_set_sensitive (export, FALSE);
    g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_history_clicked_cb), self);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->topic_choice));
    gtk_box_append (GTK_BOX (row), export);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history_title));
    gtk_box_append (GTK_BOX (box), row);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history_box));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

void
readout_timeline_window_show_topic_history (ReadoutTimelineWindow *self,
                                            gint64                 leader_a,
                                            gint64                 leader_b)
{
  g_return_if_fail (READOUT_IS_TIMELINE_WINDOW (self));

  self->pair[0] = leader_a;
  self->pair[1] = leader_b;
  gtk_widget_set_sensitive (self->history_export, TRUE);
  load_topic_history (self);
  adw_view_stack_set_visible_child_name (self->stack, "topic");
}

/* ---------------------------------------------------------------------------------- */

static void
readout_timeline_window_dispose (GObject *object)
{
  ReadoutTimelineWindow *self = READOUT_TIMELINE_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (readout_timeline_window_parent_class)->dispose (object);
}

static void
readout_timeline_window_finalize (GObject *object)
{
  ReadoutTimelineWindow *self = READOUT_TIMELINE_WINDOW (object);

  /* The rows' sparklines draw from these until the rows are gone. */
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->leader_ids, g_array_unref);
  G_OBJECT_CLASS (readout_timeline_window_parent_class)->finalize (object);
}

static void
readout_timeline_window_class_init (ReadoutTimelineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_timeline_window_dispose;
  object_class->finalize = readout_timeline_window_finalize;
  signals[SIGNAL_CALL_ACTIVATED] = g_signal_new ("call-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A leader's id and the first and last day of the period in view (ISO dates). */
  signals[SIGNAL_PERIOD_ACTIVATED] = g_signal_new ("period-activated", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
readout_timeline_window_init (ReadoutTimelineWindow *self)
{
}

static void
build_window (ReadoutTimelineWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_view_stack_add_titled_with_icon (self->stack, build_timeline_page (self), "timeline",
                                       _("Timeline"), "x-office-calendar-symbolic");
  adw_view_stack_add_titled_with_icon (self->stack, build_relations_page (self), "relations",
                                       _("Relations"), "system-users-symbolic");
  adw_view_stack_add_titled_with_icon (self->stack, build_topic_page (self), "topic",
                                       _("Topic History"), "view-list-symbolic");
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), self->stack);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), _("Calls Over Time"));
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->stack);
  /* Narrow windows move the page switcher to the bottom. */
  g_object_bind_property (title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (toolbar), bar);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

ReadoutTimelineWindow *
readout_timeline_window_new (GtkWindow    *parent,
                             ReadoutStore *store,
                             gint64        leader_id)
{
  ReadoutTimelineWindow *self;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  self = g_object_new (READOUT_TYPE_TIMELINE_WINDOW,
                       "transient-for", parent,
                       "default-width", 1100,
                       "default-height", 720,
                       "title", _("Calls Over Time"),
                       NULL);
  self->store = g_object_ref (store);
  build_window (self);
  load_relations (self);
  /* Without a selected leader, the timeline shows the one of the pair that talks most. */
  if (leader_id == 0 && self->relations != NULL && self->relations->len > 0)
    leader_id = ((ReadoutRelation *) g_ptr_array_index (self->relations, 0))->leader_a;
  if (leader_id != 0)
    show_timeline (self, leader_id);
  return self;
}

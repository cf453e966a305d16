// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "readout-call-detail.h"
#include "readout-edit-util.h"
#include "readout-exportable.h"
#include "readout-gui-util.h"
#include "readout-format.h"

/* Frames to wait for the new statements to be laid out before giving up scrolling. */
#define MAX_REVEAL_FRAMES 60

struct _ReadoutCallDetail
{
  GtkWidget          parent_instance;

  AdwToastOverlay   *toasts;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkWidget         *content;
  GtkLabel          *title_label;
  GtkWidget         *call_actions;
  GtkLabel          *date_label;
  GtkLabel          *duration_caption;
  GtkLabel          *duration_label;
  GtkImage          *status_icon;
  GtkLabel          *status_label;
  GtkLabel          *initiator_label;
  GtkLabel          *participants_label;
  GtkWidget         *topics_box;
  GtkWidget         *conflicts_section;
  GtkListBox        *conflicts_list;
  GtkWidget         *sides_box;

  ReadoutStore      *store;
  ReadoutCall       *call;
  GListModel        *conflicts;
  GListModel        *sources;
  GListModel        *statements;
  /* statement id -> its widget, for scrolling to a search hit */
  GHashTable        *statement_widgets;

  gint64             revealed_statement;
  guint              reveal_tick;
  guint              reveal_frames;
  /* Where the statement and the end of the page were last frame: the reveal is done once
   * they stay put. */
  double             reveal_last_y;
  double             reveal_last_upper;
};

static void call_detail_exportable_init (ReadoutExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReadoutCallDetail, readout_call_detail, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (READOUT_TYPE_EXPORTABLE, call_detail_exportable_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (ReadoutCallDetail *self);

static const char *
conflict_field_title (const char *field)
{
  if (g_strcmp0 (field, "weekday") == 0)
    return _("Weekday");
  if (g_strcmp0 (field, "date") == 0)
    return _("Date");
  if (g_strcmp0 (field, "time") == 0)
    return _("Time");
  if (g_strcmp0 (field, "duration") == 0)
    return _("Duration");
  if (g_strcmp0 (field, "initiator") == 0)
    return _("Who called whom");
  if (g_strcmp0 (field, "status") == 0)
    return _("Status");
  if (g_strcmp0 (field, "participants") == 0)
    return _("Participants");
  return field;
}

static GtkWidget *
create_conflict_row (gpointer item,
                     gpointer user_data)
{
  ReadoutConflict *conflict = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  guint n_claims = readout_conflict_get_n_claims (conflict);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box),
                  readout_gui_label_new (conflict_field_title (readout_conflict_get_field (conflict)),
                                         "heading", NULL));

  for (guint i = 0; i < n_claims; i++)
    {
      const char *publisher = readout_conflict_get_claim_source_publisher (conflict, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (publisher != NULL && *publisher != '\0')
        /* Translators: a claim of a conflict and the source that makes it, "Tuesday — Reuters" */
        text = g_strdup_printf (_("%s — according to %s"),
                                readout_conflict_get_claim_value (conflict, i), publisher);
      else
        text = g_strdup (readout_conflict_get_claim_value (conflict, i));

      label = readout_gui_label_new (text, "conflict-claim", NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static gint64 *
int64_key (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static GtkWidget *
create_statement_widget (ReadoutCallDetail *self,
                         ReadoutStatement  *statement)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  ReadoutStatementKind kind = readout_statement_get_kind (statement);
  const char *speaker = readout_statement_get_speaker (statement);
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  GtkWidget *header;
  GtkWidget *speaker_label;
  GtkWidget *text_label;
  GtkWidget *topics;

  if (speaker != NULL && *speaker != '\0')
    /* Translators: who said it and how, "Dmitry Peskov · Quote" */
    who = g_strdup_printf (_("%s · %s"), speaker, readout_format_statement_kind (kind));
  else
    who = g_strdup (readout_format_statement_kind (kind));

  if (kind == READOUT_STATEMENT_KIND_QUOTE)
    /* Translators: a quotation, in the quotation marks of your language */
    text = g_strdup_printf (_("“%s”"), readout_statement_get_text (statement));
  else
    text = g_strdup (readout_statement_get_text (statement));

  speaker_label = readout_gui_label_new (who, "caption-heading", NULL);
  gtk_label_set_wrap (GTK_LABEL (speaker_label), TRUE);
  text_label = readout_gui_label_new (text, kind == READOUT_STATEMENT_KIND_QUOTE ? "quote" : "paraphrase", NULL);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);

  topics = readout_gui_tags_box_new (4);
  gtk_widget_add_css_class (topics, "topics");
  readout_gui_fill_topics (topics, readout_statement_get_topics (statement), NULL);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (speaker_label, TRUE);
  gtk_box_append (GTK_BOX (header), speaker_label);
  gtk_box_append (GTK_BOX (header),
                  readout_edit_menu_button_new (_("Statement Actions"), readout_statement_get_id (statement),
                                                _("_Edit Statement…"), "win.edit-statement",
                                                _("_Delete Statement"), "win.delete-statement",
                                                NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), topics);
  gtk_widget_add_css_class (box, "statement");
  /* Focusable so that a search hit can take the keyboard there. */
  gtk_widget_set_focusable (box, TRUE);

  g_hash_table_insert (self->statement_widgets,
                       int64_key (readout_statement_get_id (statement)),
                       box);

  return box;
}

static GtkWidget *
create_source_card (ReadoutCallDetail *self,
                    ReadoutSource     *source,
                    GtkWidget        **statements_box)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *title = readout_source_get_title (source);
  const char *publisher = readout_source_get_publisher (source);
  const char *url = readout_source_get_url (source);
  g_autofree char *date = readout_gui_format_short_date (readout_source_get_date (source),
                                                         READOUT_DATE_PRECISION_DAY);
  g_autoptr(GString) meta = g_string_new (publisher != NULL ? publisher : _("Unknown publisher"));
  GtkWidget *title_label;
  GtkWidget *meta_label;

  g_string_append (meta, _(" · "));
  g_string_append (meta, readout_format_source_kind (readout_source_get_kind (source)));
  if (date != NULL)
    {
      g_string_append (meta, _(" · "));
      g_string_append (meta, date);
    }

  title_label = readout_gui_label_new (title != NULL && *title != '\0' ? title : publisher, "heading", NULL);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  meta_label = readout_gui_label_new (meta->str, "caption", "dim-label", NULL);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), title_label);
  gtk_box_append (GTK_BOX (titles), meta_label);
  gtk_box_append (GTK_BOX (header), titles);

  if (url != NULL && *url != '\0')
    {
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Open Source"));

      gtk_widget_set_tooltip_text (link, url);
      gtk_widget_set_valign (link, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), link);
    }

  gtk_box_append (GTK_BOX (header),
                  readout_edit_menu_button_new (_("Source Actions"), readout_source_get_id (source),
                                                _("_Edit Source…"), "win.edit-source",
                                                _("_Add Statement…"), "win.add-statement",
                                                _("_Delete Source"), "win.delete-source",
                                                NULL));

  *statements_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), *statements_box);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "source");

  return card;
}

typedef struct {
  GtkWidget *box;      /* the side's section */
  GtkWidget *cards;    /* its source cards */
} SideSection;

static SideSection *
ensure_side_section (ReadoutCallDetail *self,
                     GHashTable        *sections,
                     const char        *side)
{
  const char *key = side != NULL ? side : "";
  SideSection *section = g_hash_table_lookup (sections, key);
  g_autofree char *side_name = NULL;
  GtkWidget *heading;

  if (section != NULL)
    return section;

  side_name = readout_format_side (self->store, side);
  section = g_new0 (SideSection, 1);
  section->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  section->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  heading = readout_gui_label_new (side_name, "title-4", NULL);
  gtk_widget_add_css_class (section->box, "side");
  gtk_box_append (GTK_BOX (section->box), heading);
  gtk_box_append (GTK_BOX (section->box), section->cards);
  gtk_box_append (GTK_BOX (self->sides_box), section->box);
  g_hash_table_insert (sections, g_strdup (key), section);

  return section;
}

/* Statements come grouped by side and, within a side, by source: each side gets a
 * heading and each source a card under it. A source quoted for two sides (a news
 * report quoting both governments) shows under both; a source with no statements
 * still shows, under its own side. */
static void
rebuild_sides (ReadoutCallDetail *self)
{
  g_autoptr(GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) sources_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) shown_sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_sources = self->sources != NULL ? g_list_model_get_n_items (self->sources) : 0;
  guint n_statements = self->statements != NULL ? g_list_model_get_n_items (self->statements) : 0;
  g_autofree char *current_side = NULL;
  gint64 current_source = -1;
  GtkWidget *current_box = NULL;

  readout_gui_remove_children (self->sides_box);
  g_hash_table_remove_all (self->statement_widgets);

  if (self->call == NULL)
    return;

  gtk_box_append (GTK_BOX (self->sides_box),
                  readout_gui_label_new (_("What Each Side Said"), "title-3", NULL));

  for (guint i = 0; i < n_sources; i++)
    {
      ReadoutSource *source = g_list_model_get_item (self->sources, i);

      if (source != NULL)
        g_hash_table_insert (sources_by_id, int64_key (readout_source_get_id (source)), source);
    }

  for (guint i = 0; i < n_statements; i++)
    {
      g_autoptr(ReadoutStatement) statement = g_list_model_get_item (self->statements, i);
      const char *side;
      gint64 source_id;

      if (statement == NULL)
        continue;

      side = readout_statement_get_side (statement);
      source_id = readout_statement_get_source_id (statement);

      if (current_box == NULL || g_strcmp0 (side, current_side) != 0 || source_id != current_source)
        {
          SideSection *section = ensure_side_section (self, sections, side);
          ReadoutSource *source = g_hash_table_lookup (sources_by_id, &source_id);

          if (source != NULL)
            {
              gtk_box_append (GTK_BOX (section->cards),
                              create_source_card (self, source, &current_box));
              g_hash_table_add (shown_sources, int64_key (source_id));
            }
          else
            {
              current_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
              gtk_widget_add_css_class (current_box, "card");
              gtk_widget_add_css_class (current_box, "source");
              gtk_box_append (GTK_BOX (section->cards), current_box);
            }

          g_free (current_side);
          current_side = g_strdup (side);
          current_source = source_id;
        }

      gtk_box_append (GTK_BOX (current_box), create_statement_widget (self, statement));
    }

  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(ReadoutSource) source = g_list_model_get_item (self->sources, i);
      gint64 source_id;
      SideSection *section;
      GtkWidget *statements_box;

      if (source == NULL)
        continue;

      source_id = readout_source_get_id (source);
      if (g_hash_table_contains (shown_sources, &source_id))
        continue;

      section = ensure_side_section (self, sections, readout_source_get_side (source));
      gtk_box_append (GTK_BOX (section->cards), create_source_card (self, source, &statements_box));
      gtk_box_append (GTK_BOX (statements_box),
                      readout_gui_label_new (_("No statements recorded from this source."),
                                             "dim-label", NULL));
    }

  if (n_sources == 0 && n_statements == 0)
    gtk_box_append (GTK_BOX (self->sides_box),
                    readout_gui_label_new (_("No sources recorded for this call yet."), "dim-label", NULL));
}

static void
update_facts (ReadoutCallDetail *self)
{
  ReadoutCall *call = self->call;
  const char * const *names = readout_call_get_participant_names (call);
  const char * const *countries = readout_call_get_participant_countries (call);
  const char *time = readout_call_get_time (call);
  const char *initiator = readout_call_get_initiator_name (call);
  ReadoutCallStatus status = readout_call_get_status (call);
  g_autofree char *title = readout_gui_join_names (names);
  g_autofree char *date = readout_format_date (readout_call_get_date (call),
                                               readout_call_get_date_precision (call));
  g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                       readout_call_get_duration_qualifier (call));
  g_autoptr(GString) participants = g_string_new (NULL);

  gtk_label_set_text (self->title_label, title);
  /* Edit, Add Source and Delete act on this call (window actions, readout-window-edit.c). */
  for (GtkWidget *button = gtk_widget_get_first_child (self->call_actions); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", readout_call_get_id (call));

  if (time != NULL && *time != '\0')
    {
      /* Translators: a call's date and its start time, "Saturday, 28 January 2017 at 12:00" */
      g_autofree char *with_time = g_strdup_printf (_("%s at %s"), date, time);
      gtk_label_set_text (self->date_label, with_time);
    }
  else
    gtk_label_set_text (self->date_label, date);

  gtk_label_set_text (self->duration_label, duration != NULL ? duration : _("Not known"));
  gtk_label_set_text (self->status_label, readout_format_call_status (status));
  gtk_image_set_from_icon_name (self->status_icon, readout_gui_call_status_icon (status));
  gtk_label_set_text (self->initiator_label,
                      initiator != NULL && *initiator != '\0' ? initiator : _("Not known"));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *code = countries != NULL && i < g_strv_length ((char **) countries) ? countries[i] : NULL;
      g_autofree char *country = code != NULL && *code != '\0' ? readout_format_side (self->store, code) : NULL;

      if (i > 0)
        g_string_append_c (participants, '\n');
      if (country != NULL)
        /* Translators: a participant of a call and their country, "Vladimir Putin (Russia)" */
        g_string_append_printf (participants, _("%s (%s)"), names[i], country);
      else
        g_string_append (participants, names[i]);
    }
  gtk_label_set_text (self->participants_label, participants->str);

  readout_gui_fill_topics (self->topics_box, readout_call_get_topics (call), "win.filter-topic");
}

static void
on_content_changed_cb (ReadoutCallDetail *self)
{
  gint64 revealed = self->revealed_statement;

  rebuild_sides (self);

  /* The widgets were made anew: keep the statement a search led to in view. */
  if (revealed != 0)
    readout_call_detail_reveal_statement (self, revealed);
}

static void
on_conflicts_changed_cb (ReadoutCallDetail *self)
{
  gtk_widget_set_visible (self->conflicts_section,
                          self->conflicts != NULL && g_list_model_get_n_items (self->conflicts) > 0);
}

static void
stop_reveal (ReadoutCallDetail *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
}

static void
clear_models (ReadoutCallDetail *self)
{
  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_func (self->sources, on_content_changed_cb, self);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_func (self->statements, on_content_changed_cb, self);
  if (self->conflicts != NULL)
    g_signal_handlers_disconnect_by_func (self->conflicts, on_conflicts_changed_cb, self);

  gtk_list_box_bind_model (self->conflicts_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sources);
  g_clear_object (&self->statements);
  g_clear_object (&self->conflicts);
}

static void
reload (ReadoutCallDetail *self)
{
  stop_reveal (self);
  clear_models (self);
  self->revealed_statement = 0;
  update_actions (self);

  if (self->call == NULL || self->store == NULL)
    {
      rebuild_sides (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->sources = readout_store_list_sources (self->store, readout_call_get_id (self->call));
  self->statements = readout_store_list_statements (self->store, readout_call_get_id (self->call));
  self->conflicts = readout_store_list_conflicts (self->store, readout_call_get_id (self->call));
  g_signal_connect_swapped (self->sources, "items-changed", G_CALLBACK (on_content_changed_cb), self);
  g_signal_connect_swapped (self->statements, "items-changed", G_CALLBACK (on_content_changed_cb), self);
  g_signal_connect_swapped (self->conflicts, "items-changed", G_CALLBACK (on_conflicts_changed_cb), self);
  gtk_list_box_bind_model (self->conflicts_list, self->conflicts, create_conflict_row, self, NULL);

  update_facts (self);
  on_conflicts_changed_cb (self);
  rebuild_sides (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  gtk_stack_set_visible_child_name (self->stack, "call");
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  ReadoutCallDetail *self = READOUT_CALL_DETAIL (widget);
  GtkWidget *target = g_hash_table_lookup (self->statement_widgets, &self->revealed_statement);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gboolean placed, settled;
  graphene_point_t point;
  double upper;

  if (target == NULL)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }

  placed = gtk_widget_get_height (target) > 0 &&
           gtk_widget_compute_point (target, self->content, &GRAPHENE_POINT_INIT (0, 0), &point);
  if (placed)
    {
      /* A little of what comes before, so the statement does not sit on the edge. */
      upper = gtk_adjustment_get_upper (vadjustment);
      gtk_adjustment_set_value (vadjustment, MAX (0, point.y - 48));
      /* A page shown for the first time (Show in Call from Compare) lays its text out
       * over several frames, and the first place is not the last: keep at it until
       * the statement and the page's length stay put. */
      settled = self->reveal_frames > 0 && point.y == self->reveal_last_y && upper == self->reveal_last_upper;
      self->reveal_last_y = point.y;
      self->reveal_last_upper = upper;
      if (settled)
        gtk_widget_grab_focus (target);
    }
  else
    settled = FALSE;

  if (!settled && ++self->reveal_frames < MAX_REVEAL_FRAMES)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Export and print: the whole call, for the archive. */

static ReadoutPdfLayout *
call_detail_create_layout (ReadoutExportable  *exportable,
                           GError            **error)
{
  ReadoutCallDetail *self = READOUT_CALL_DETAIL (exportable);

  if (self->call == NULL || self->store == NULL)
    return NULL;
  return readout_pdf_layout_new_for_call (self->store, readout_call_get_id (self->call), error);
}

static ReadoutCall *
call_detail_get_call (ReadoutExportable *exportable)
{
  return READOUT_CALL_DETAIL (exportable)->call;
}

static AdwToastOverlay *
call_detail_get_toasts (ReadoutExportable *exportable)
{
  return READOUT_CALL_DETAIL (exportable)->toasts;
}

static void
call_detail_exportable_init (ReadoutExportableInterface *iface)
{
  iface->create_layout = call_detail_create_layout;
  iface->get_call = call_detail_get_call;
  iface->get_toasts = call_detail_get_toasts;
}

static void
update_actions (ReadoutCallDetail *self)
{
  gboolean have = self->call != NULL && self->store != NULL;

  readout_exportable_set_actions_enabled (READOUT_EXPORTABLE (self), have);
}

static void
readout_call_detail_dispose (GObject *object)
{
  ReadoutCallDetail *self = READOUT_CALL_DETAIL (object);
  GtkWidget *child;

  stop_reveal (self);
  clear_models (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_CALL_DETAIL);
  /* Children the template does not bind are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->call);
  g_clear_object (&self->store);
  g_clear_pointer (&self->statement_widgets, g_hash_table_unref);

  G_OBJECT_CLASS (readout_call_detail_parent_class)->dispose (object);
}

static void
readout_call_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReadoutCallDetail *self = READOUT_CALL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReadoutCallDetail *self = READOUT_CALL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      readout_call_detail_set_store (self, g_value_get_object (value));
      break;
    case PROP_CALL:
      readout_call_detail_set_call (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_call_detail_class_init (ReadoutCallDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_call_detail_dispose;
  object_class->get_property = readout_call_detail_get_property;
  object_class->set_property = readout_call_detail_set_property;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL,
                         READOUT_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         READOUT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The same names as the Compare page's, for the window's Ctrl+E and Ctrl+P. */
  readout_exportable_install_actions (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-call-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, toasts);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, content);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, call_actions);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, date_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, duration_caption);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, duration_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, initiator_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, participants_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, topics_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, conflicts_section);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallDetail, sides_box);

  gtk_widget_class_set_css_name (widget_class, "calldetail");
}

static void
readout_call_detail_init (ReadoutCallDetail *self)
{
  self->statement_widgets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  readout_gui_use_wrap_layout (self->topics_box, 6);
  /* The buttons wrap rather than make the pane wider than the window has room for. */
  readout_gui_use_wrap_layout (self->call_actions, 6);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

GtkWidget *
readout_call_detail_new (void)
{
  return g_object_new (READOUT_TYPE_CALL_DETAIL, NULL);
}

void
readout_call_detail_set_store (ReadoutCallDetail *self,
                               ReadoutStore      *store)
{
  g_return_if_fail (READOUT_IS_CALL_DETAIL (self));
  g_return_if_fail (store == NULL || READOUT_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->call);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ReadoutCall *
readout_call_detail_get_call (ReadoutCallDetail *self)
{
  g_return_val_if_fail (READOUT_IS_CALL_DETAIL (self), NULL);

  return self->call;
}

void
readout_call_detail_set_call (ReadoutCallDetail *self,
                              ReadoutCall       *call)
{
  g_return_if_fail (READOUT_IS_CALL_DETAIL (self));
  g_return_if_fail (call == NULL || READOUT_IS_CALL (call));

  if (self->call == call)
    return;

  g_set_object (&self->call, call);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

gboolean
readout_call_detail_reveal_statement (ReadoutCallDetail *self,
                                      gint64             statement_id)
{
  GtkWidget *target;
  GtkWidget *previous;

  g_return_val_if_fail (READOUT_IS_CALL_DETAIL (self), FALSE);

  target = g_hash_table_lookup (self->statement_widgets, &statement_id);
  if (target == NULL)
    return FALSE;

  previous = g_hash_table_lookup (self->statement_widgets, &self->revealed_statement);
  if (previous != NULL)
    gtk_widget_remove_css_class (previous, "revealed");

  self->revealed_statement = statement_id;
  self->reveal_frames = 0;
  self->reveal_last_y = -1;
  self->reveal_last_upper = -1;
  gtk_widget_add_css_class (target, "revealed");

  stop_reveal (self);
  self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);

  return TRUE;
}

gint64
readout_call_detail_get_revealed_statement (ReadoutCallDetail *self)
{
  g_return_val_if_fail (READOUT_IS_CALL_DETAIL (self), 0);

  return self->revealed_statement;
}

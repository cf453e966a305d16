// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-import-call-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-edit-util.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-gui-util.h"
#include "readout-edit-util.h"
#include "readout-import-call-editor.h"

struct _ReadoutImportCallEditor
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *call_group;
  GtkSwitch            *include_switch;
  AdwActionRow         *match_row;
  AdwComboRow          *file_as_row;    /* under the match: the stored calls it could report */
  AdwEntryRow          *date_row;
  AdwActionRow         *year_row;       /* under the date while its year is a guess */
  AdwActionRow         *day_row;        /* under the date: a weekday without a date, and its date */
  AdwComboRow          *precision_row;
  AdwComboRow          *status_row;
  AdwActionRow         *duration_row;
  GtkSpinButton        *duration_spin;
  AdwComboRow          *qualifier_row;
  AdwComboRow          *initiator_row;
  AdwPreferencesGroup  *participants_group;
  AdwPreferencesGroup  *conflicts_group;
  AdwPreferencesGroup  *statements_group;

  ReadoutStore         *store;
  ReadoutExtractedCall *call;
  guint                 index;
  guint                 n_calls;
  GPtrArray            *conflict_rows;  /* borrowed: the group holds them */
  /* AdwExpanderRow (borrowed: a group holds it) to its ItemRow: what each participant's
   * and statement's row shows, found from the row a change comes from. */
  GHashTable           *item_rows;
  GPtrArray            *candidates;     /* ReadoutCall: what file_as_row offers, then a new call */
  /* The last whole day the date had: the text's date claims were worked out against it. */
  char                 *claims_date;
  /* While the fields are filled from the call, their change handlers do nothing. */
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (ReadoutImportCallEditor, readout_import_call_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  SPANS_CHANGED,
  SHOW_SPAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A participant's or a statement's row: the extracted item it edits (owned by the call)
 * and, for a participant, the entries a stored leader makes read-only. */
typedef struct {
  gpointer   item;
  GtkWidget *country_row;
  GtkWidget *office_row;
} ItemRow;

/* The expander row a field, button or nested row belongs to, and its item. */
static ItemRow *
item_row_of (ReadoutImportCallEditor  *self,
             gpointer                  widget,
             AdwExpanderRow          **row)
{
  *row = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_EXPANDER_ROW));
  return g_hash_table_lookup (self->item_rows, *row);
}

static ItemRow *
add_item_row (ReadoutImportCallEditor *self,
              AdwExpanderRow          *row,
              gpointer                 item)
{
  ItemRow *item_row = g_new0 (ItemRow, 1);

  item_row->item = item;
  g_hash_table_insert (self->item_rows, row, item_row);
  return item_row;
}

static void fill_conflicts (ReadoutImportCallEditor *self);

static char *
participant_names (ReadoutExtractedCall *call)
{
  g_autofree const char **names = g_new0 (const char *, call->participants->len + 1);

  for (guint i = 0; i < call->participants->len; i++)
    names[i] = ((ReadoutExtractedParticipant *) g_ptr_array_index (call->participants, i))->name;
  return readout_gui_short_names (names, call->participants->len);
}

static void
set_string (char       **field,
            const char  *text)
{
  g_free (*field);
  *field = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
update_title (ReadoutImportCallEditor *self)
{
  g_autofree char *names = participant_names (self->call);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (self->n_calls > 1)
    /* Translators: "Call 1 of 2: Trump – Putin" */
    title = g_strdup_printf (_("Call %u of %u: %s"), self->index + 1, self->n_calls, names);
  else
    /* Translators: "Call: Trump – Putin" */
    title = g_strdup_printf (_("Call: %s"), names);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (self->call_group, escaped);
}

/* "12 Apr 2022: Johnson – Biden": a stored call, by its date and leaders (short enough
 * for the list of file_as_row on a narrow window). */
static char *
describe_stored_call (ReadoutCall *stored)
{
  const char * const *names = readout_call_get_participant_names (stored);
  g_autofree char *who = readout_gui_short_names (names, names != NULL ? g_strv_length ((char **) names) : 0);
  g_autofree char *when = readout_gui_format_short_date (readout_call_get_date (stored),
                                                         readout_call_get_date_precision (stored));

  /* Translators: "12 Apr 2022: Johnson – Biden", a stored call in a list */
  return g_strdup_printf (_("%s: %s"), when, who);
}

/* The item of file_as_row for the call's match: a candidate, or the last, "a new call". */
static void
select_file_as (ReadoutImportCallEditor *self)
{
  guint selected = self->candidates->len;
  gboolean filling = self->filling;

  for (guint i = 0; i < self->candidates->len; i++)
    if (readout_call_get_id (g_ptr_array_index (self->candidates, i)) == self->call->matches_call_id)
      selected = i;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->file_as_row, selected);
  self->filling = filling;
}

static void
on_file_as_changed_cb (ReadoutImportCallEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->file_as_row);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->call->matches_call_id = selected < self->candidates->len
                                ? readout_call_get_id (g_ptr_array_index (self->candidates, selected)) : 0;
  self->call->match_chosen = TRUE;
  readout_import_call_editor_update_match (self);
}

/**
 * readout_import_call_editor_set_candidates:
 * @calls: (element-type ReadoutCall): the stored calls this call may report
 *   (readout_importer_list_candidates())
 *
 * Lets the user file the call with one of @calls or as a new call, where there is a choice.
 */
void
readout_import_call_editor_set_candidates (ReadoutImportCallEditor *self,
                                           GPtrArray               *calls)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  gboolean filling = self->filling;

  g_return_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self));
  g_return_if_fail (calls != NULL);

  g_ptr_array_set_size (self->candidates, 0);
  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *label = describe_stored_call (g_ptr_array_index (calls, i));

      g_ptr_array_add (self->candidates, g_object_ref (g_ptr_array_index (calls, i)));
      gtk_string_list_append (model, label);
    }
  gtk_string_list_append (model, _("A new call"));
  self->filling = TRUE;
  adw_combo_row_set_model (self->file_as_row, G_LIST_MODEL (model));
  self->filling = filling;
  gtk_widget_set_visible (GTK_WIDGET (self->file_as_row), calls->len > 0);
  select_file_as (self);
}

/* The row to file the call with another stored call or as a new one; under the match. */
static void
add_file_as_row (ReadoutImportCallEditor *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->match_row));

  self->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  self->file_as_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_as_row), _("File With"));
  gtk_widget_set_visible (GTK_WIDGET (self->file_as_row), FALSE);
  g_signal_connect_object (self->file_as_row, "notify::selected", G_CALLBACK (on_file_as_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->file_as_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->match_row)) + 1);
}

void
readout_import_call_editor_update_match (ReadoutImportCallEditor *self)
{
  g_autoptr(ReadoutCall) stored = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self));

  if (self->call->matches_call_id > 0 && self->store != NULL)
    stored = readout_store_get_call (self->store, self->call->matches_call_id, NULL);

  if (stored != NULL)
    {
      g_autofree char *which = describe_stored_call (stored);

      /* Translators: "Matches the call of 12 Apr 2022: Johnson – Biden" */
      title = g_strdup_printf (_("Matches the call of %s"), which);
      adw_action_row_set_icon_name (self->match_row, "mail-attachment-symbolic");
      adw_action_row_set_subtitle (self->match_row, self->call->match_chosen
                                   ? _("As you chose: this text becomes one more of its sources.")
                                   : self->call->date_from == READOUT_DATE_FROM_STORE
                                   ? _("The call that dates this text, which names only the day of the week: the text becomes one more of its sources.")
                                   : _("Two of its leaders within a day of a stored call: this text becomes one more of its sources."));
    }
  else
    {
      title = g_strdup (_("Creates a new call"));
      adw_action_row_set_icon_name (self->match_row, "list-add-symbolic");
      adw_action_row_set_subtitle (self->match_row, self->call->match_chosen
                                   ? _("As you chose, although a stored call has two of these leaders near this date.")
                                   : _("No stored call has these leaders within a day of this date."));
    }
  select_file_as (self);

  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->match_row), escaped);
  /* Matching took the year of the stored call this text reports: show it. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->year_row)) && !self->call->year_guessed)
    {
      gboolean filling = self->filling;

      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->call->date);
      set_string (&self->claims_date, self->call->date);
      gtk_widget_set_visible (GTK_WIDGET (self->year_row), FALSE);
      self->filling = filling;
    }
  /* Matching adds the conflicts with what the store says. */
  fill_conflicts (self);
}

static void
on_year_confirmed_cb (ReadoutImportCallEditor *self)
{
  self->call->year_guessed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), FALSE);
}

/* The row that says the year is a guess; it sits under the date. */
static void
add_year_row (ReadoutImportCallEditor *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->date_row));
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("_Right Year"));

  self->year_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_icon_name (self->year_row, "dialog-warning-symbolic");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _("The Year Is a Guess"));
  adw_action_row_set_subtitle (self->year_row,
                               _("The text gives the day without a year, and nothing in it or in the store "
                                 "says which. Check the year, and correct the date if it is wrong."));
  gtk_widget_add_css_class (GTK_WIDGET (self->year_row), "warning");
  gtk_widget_set_valign (confirm, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (confirm, _("The Date Is Right"));
  g_signal_connect_object (confirm, "clicked", G_CALLBACK (on_year_confirmed_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->year_row, confirm);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->year_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->date_row)) + 1);
}

/* What the date row cannot say: the text named only a weekday or "yesterday", and which
 * other text or stored call dated it, or that the user must. */
static void
update_day_row (ReadoutImportCallEditor *self)
{
  ReadoutExtractedCall *call = self->call;
  g_autofree char *subtitle = NULL;
  const char *title = _("Which Day?");

  if (call->date_from == READOUT_DATE_FROM_IMPORT)
    {
      title = _("Dated by Another Text");
      subtitle = g_strdup (_("This text names only the day of the week or “yesterday”: another text of this import about these leaders gives the date. Correct it if it is wrong."));
    }
  else if (call->date_from == READOUT_DATE_FROM_STORE)
    {
      title = _("Dated by a Stored Call");
      subtitle = g_strdup (_("This text names only the day of the week or “yesterday”: the one stored call of these leaders on that day in the last two weeks gives the date."));
    }
  else if (call->date == NULL && call->day_fits > 1)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "This text names only the day of the week or “yesterday”, and %u day fits it. Type the call's date.",
                                             "This text names only the day of the week or “yesterday”, and %u days fit it. Type the call's date.",
                                             call->day_fits), call->day_fits);
  else if (call->date == NULL && (call->day_weekday != 0 || call->has_day_offset))
    subtitle = g_strdup (_("This text names only the day of the week or “yesterday”, and no other text of this import nor any stored call of these leaders tells which. Type the call's date."));

  gtk_widget_set_visible (GTK_WIDGET (self->day_row), subtitle != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), title);
  adw_action_row_set_subtitle (self->day_row, subtitle != NULL ? subtitle : "");
}

static void
add_day_row (ReadoutImportCallEditor *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->date_row));

  self->day_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_icon_name (self->day_row, "x-office-calendar-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->day_row), FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->day_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->date_row)) + 1);
}

/* The date row from the call's date, when resolving dated or undated it anew. */
void
readout_import_call_editor_update_date (ReadoutImportCallEditor *self)
{
  gboolean filling = self->filling;
  const char *date = self->call->date;

  g_return_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : "");
  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  set_string (&self->claims_date, date);
  adw_combo_row_set_selected (self->precision_row, self->call->date_precision);
  self->filling = filling;
  update_day_row (self);
}

/* Initiator */

static void
fill_initiator (ReadoutImportCallEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;
  gboolean filling = self->filling;

  gtk_string_list_append (model, C_("initiator", "Not known"));
  for (guint i = 0; i < self->call->participants->len; i++)
    {
      ReadoutExtractedParticipant *p = g_ptr_array_index (self->call->participants, i);

      gtk_string_list_append (model, p->name != NULL ? p->name : "");
      if (self->call->initiator != NULL && g_strcmp0 (p->name, self->call->initiator) == 0)
        selected = i + 1;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->initiator_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->initiator_row, selected);
  self->filling = filling;
}

static void
on_initiator_changed_cb (ReadoutImportCallEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->initiator_row);
  ReadoutExtractedParticipant *p;

  if (self->filling)
    return;

  p = selected > 0 && selected <= self->call->participants->len
    ? g_ptr_array_index (self->call->participants, selected - 1) : NULL;
  set_string (&self->call->initiator, p != NULL ? p->name : NULL);
}

/* Participants */

static void
update_participant_row (ReadoutImportCallEditor *self,
                        AdwExpanderRow          *row)
{
  ItemRow *item_row = g_hash_table_lookup (self->item_rows, row);
  ReadoutExtractedParticipant *p = item_row->item;
  g_autofree char *title = g_markup_escape_text (p->name != NULL ? p->name : _("No name"), -1);
  g_autofree char *country = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  country = p->country != NULL ? readout_format_side (self->store, p->country)
                                : g_strdup (_("country not known"));

  if (p->leader_id > 0)
    /* Translators: a participant matched to a leader in the store, with the country */
    subtitle = g_strdup_printf (_("Stored leader · %s"), country);
  else if (p->office != NULL)
    /* Translators: a leader the import will add: country · office */
    subtitle = g_strdup_printf (_("New leader · %s · %s"), country, p->office);
  else
    subtitle = g_strdup_printf (_("New leader · %s"), country);

  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, escaped);
  adw_expander_row_set_icon_name (row, p->leader_id > 0 ? "avatar-default-symbolic" : "list-add-symbolic");

  /* A stored leader's country and office are the store's. */
  gtk_widget_set_sensitive (item_row->country_row, p->leader_id <= 0);
  gtk_widget_set_sensitive (item_row->office_row, p->leader_id <= 0);
}

static void
on_participant_name_changed_cb (GtkEditable             *editable,
                                ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedParticipant *p = item_row_of (self, editable, &row)->item;
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(ReadoutLeader) leader = NULL;
  gboolean was_initiator;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->filling)
    return;

  was_initiator = self->call->initiator != NULL && g_strcmp0 (self->call->initiator, p->name) == 0;
  set_string (&p->name, stripped);
  if (was_initiator)
    set_string (&self->call->initiator, p->name);

  if (self->store != NULL && p->name != NULL)
    leader = readout_store_find_leader (self->store, p->name, NULL);
  if (leader != NULL)
    {
      p->leader_id = readout_leader_get_id (leader);
      set_string (&p->country, readout_leader_get_country (leader));
      set_string (&p->office, readout_leader_get_office (leader));
    }
  else
    p->leader_id = 0;

  update_participant_row (self, row);
  update_title (self);
  fill_initiator (self);
  self->call->match_chosen = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_participant_country_changed_cb (GtkEditable             *editable,
                                   ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedParticipant *p = item_row_of (self, editable, &row)->item;
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (editable), -1);

  if (self->filling || p->leader_id > 0)
    return;
  set_string (&p->country, g_strstrip (code));
  update_participant_row (self, row);
}

static void
on_participant_office_changed_cb (GtkEditable             *editable,
                                  ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedParticipant *p = item_row_of (self, editable, &row)->item;
  g_autofree char *office = g_strdup (gtk_editable_get_text (editable));

  if (self->filling || p->leader_id > 0)
    return;
  set_string (&p->office, g_strstrip (office));
  update_participant_row (self, row);
}

static GtkWidget *
add_entry (AdwExpanderRow *expander,
           const char     *title,
           const char     *text,
           GCallback       callback,
           gpointer        user_data)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "changed", callback, user_data);
  adw_expander_row_add_row (expander, row);
  return row;
}

static void
add_participant_row (ReadoutImportCallEditor     *self,
                     ReadoutExtractedParticipant *p)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  ItemRow *item_row = add_item_row (self, row, p);

  add_entry (row, _("Name"), p->name, G_CALLBACK (on_participant_name_changed_cb), self);
  item_row->country_row = add_entry (row, _("Country (ISO code, such as RU)"), p->country,
                                     G_CALLBACK (on_participant_country_changed_cb), self);
  item_row->office_row = add_entry (row, _("Office"), p->office,
                                    G_CALLBACK (on_participant_office_changed_cb), self);
  update_participant_row (self, row);
  adw_preferences_group_add (self->participants_group, GTK_WIDGET (row));
}

/* Statements */

static void
update_statements_description (ReadoutImportCallEditor *self)
{
  guint n = self->call->statements->len;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No statements: the call is filed with its facts only."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u statement. Topics are tagged from the topic list when it is stored.",
                                         "%u statements. Topics are tagged from the topic list when they are stored.",
                                         n), n);
  adw_preferences_group_set_description (self->statements_group, text);
}

static void
update_statement_row (ReadoutImportCallEditor *self,
                      AdwExpanderRow          *row)
{
  ReadoutExtractedStatement *s = ((ItemRow *) g_hash_table_lookup (self->item_rows, row))->item;
  g_autofree char *side = readout_format_side (self->store, s->side);
  g_autofree char *topics = s->topics != NULL && s->topics[0] != NULL
                            ? g_strjoinv (", ", s->topics) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  subtitle = g_strdup_printf ("%s · %s · %s%s%s",
                              s->speaker != NULL ? s->speaker : _("The publisher"),
                              side,
                              readout_format_statement_kind (s->kind),
                              topics != NULL ? " · " : "",
                              topics != NULL ? topics : "");
  escaped = g_markup_escape_text (subtitle, -1);
  adw_expander_row_set_subtitle (row, escaped);
}

static void
on_statement_speaker_changed_cb (GtkEditable             *editable,
                                 ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedStatement *s = item_row_of (self, editable, &row)->item;
  g_autofree char *speaker = g_strdup (gtk_editable_get_text (editable));

  set_string (&s->speaker, g_strstrip (speaker));
  update_statement_row (self, row);
}

static void
on_statement_side_changed_cb (GtkEditable             *editable,
                              ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedStatement *s = item_row_of (self, editable, &row)->item;
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (editable), -1);

  set_string (&s->side, g_strstrip (code));
  update_statement_row (self, row);
}

static void
on_statement_kind_changed_cb (AdwComboRow             *combo,
                              GParamSpec              *pspec,
                              ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedStatement *s = item_row_of (self, combo, &row)->item;

  s->kind = adw_combo_row_get_selected (combo) == 0 ? READOUT_STATEMENT_KIND_QUOTE
                                                    : READOUT_STATEMENT_KIND_PARAPHRASE;
  update_statement_row (self, row);
}

static void
on_statement_remove_clicked_cb (GtkButton               *button,
                                ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedStatement *s = item_row_of (self, button, &row)->item;
  guint index;

  if (g_ptr_array_find (self->call->statements, s, &index))
    g_ptr_array_remove_index (self->call->statements, index);
  g_hash_table_remove (self->item_rows, row);
  adw_preferences_group_remove (self->statements_group, GTK_WIDGET (row));
  update_statements_description (self);
  g_signal_emit (self, signals[SPANS_CHANGED], 0);
}

static void
on_statement_show_clicked_cb (GtkButton               *button,
                              ReadoutImportCallEditor *self)
{
  AdwExpanderRow *row;
  ReadoutExtractedStatement *s = item_row_of (self, button, &row)->item;

  g_signal_emit (self, signals[SHOW_SPAN], 0, (guint64) s->start, (guint64) s->end);
}

static GtkWidget *
action_button (AdwExpanderRow *row,
               const char     *icon_name,
               const char     *tooltip,
               GCallback       callback,
               gpointer        user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, user_data);
  adw_expander_row_add_action (row, button);
  return button;
}

static void
add_statement_row (ReadoutImportCallEditor   *self,
                   ReadoutExtractedStatement *s)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = g_markup_escape_text (s->text != NULL ? s->text : "", -1);
  g_autoptr(GtkStringList) kinds = NULL;
  GtkWidget *kind_row;
  GtkWidget *remove_button;

  add_item_row (self, row, s);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (GTK_WIDGET (row), "import-statement");
  if (s->kind == READOUT_STATEMENT_KIND_QUOTE)
    gtk_widget_add_css_class (GTK_WIDGET (row), "quote");

  action_button (row, "find-location-symbolic", _("Show in the Text"),
                 G_CALLBACK (on_statement_show_clicked_cb), self);
  remove_button = action_button (row, "user-trash-symbolic", _("Remove Statement"),
                                 G_CALLBACK (on_statement_remove_clicked_cb), self);
  gtk_widget_set_name (remove_button, "remove-statement");

  add_entry (row, _("Speaker"), s->speaker, G_CALLBACK (on_statement_speaker_changed_cb), self);
  add_entry (row, _("Side (country code; empty for the press)"), s->side,
             G_CALLBACK (on_statement_side_changed_cb), self);

  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, readout_format_statement_kind (READOUT_STATEMENT_KIND_QUOTE));
  gtk_string_list_append (kinds, readout_format_statement_kind (READOUT_STATEMENT_KIND_PARAPHRASE));
  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), s->kind == READOUT_STATEMENT_KIND_QUOTE ? 0 : 1);
  g_signal_connect (kind_row, "notify::selected", G_CALLBACK (on_statement_kind_changed_cb), self);
  adw_expander_row_add_row (row, kind_row);

  update_statement_row (self, row);
  adw_preferences_group_add (self->statements_group, GTK_WIDGET (row));
}

/* Conflicts */

static const char *
conflict_field_label (const char *field)
{
  if (g_strcmp0 (field, "date") == 0)
    return _("Date");
  if (g_strcmp0 (field, "duration") == 0)
    return _("Duration");
  if (g_strcmp0 (field, "initiator") == 0)
    return _("Initiator");
  if (g_strcmp0 (field, "weekday") == 0)
    return _("Weekday");
  return field;
}

static void
fill_conflicts (ReadoutImportCallEditor *self)
{
  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);

  for (guint i = 0; i < self->call->conflicts->len; i++)
    {
      ReadoutExtractedConflict *c = g_ptr_array_index (self->call->conflicts, i);
      g_autoptr(GString) claims = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = g_markup_escape_text (conflict_field_label (c->field), -1);
      GtkWidget *row = adw_action_row_new ();

      for (guint k = 0; k < c->claims->len; k++)
        {
          ReadoutExtractedClaim *claim = g_ptr_array_index (c->claims, k);

          if (k > 0)
            g_string_append (claims, " / ");
          /* Translators: a claim of a conflict: "Monday (caption)" */
          g_string_append_printf (claims, _("%s (%s)"), claim->value != NULL ? claim->value : "",
                                  claim->where != NULL ? claim->where : "");
        }
      subtitle = g_markup_escape_text (claims->str, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      g_ptr_array_add (self->conflict_rows, row);
      adw_preferences_group_add (self->conflicts_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), self->call->conflicts->len > 0);
}

/* Call fields */

static void
on_date_changed_cb (ReadoutImportCallEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  ReadoutDatePrecision precision;
  GDate date;

  if (self->filling)
    return;

  g_strstrip (text);
  g_date_clear (&date, 1);
  if (readout_parse_iso_date (text, &precision, &date))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      /* The text's weekdays and "yesterday"s move with a corrected date. */
      readout_extracted_call_move_date (self->call, self->claims_date, text);
      if (precision == READOUT_DATE_PRECISION_DAY)
        set_string (&self->claims_date, text);
      self->call->year_guessed = FALSE;
      /* The day the user gives is the call's, not the text's, and stands. */
      self->call->date_from_published = FALSE;
      self->call->date_from = READOUT_DATE_FROM_TEXT;
      self->call->day_fits = 0;
      update_day_row (self);
      gtk_widget_set_visible (GTK_WIDGET (self->year_row), FALSE);
      fill_conflicts (self);
      /* The precision is what the complete date says: "2017-11" is known to the month,
       * and typing on from "2017" to "2017-01-28" makes it known to the day again. */
      adw_combo_row_set_selected (self->precision_row, precision);
      self->call->match_chosen = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
on_precision_changed_cb (ReadoutImportCallEditor *self)
{
  if (!self->filling)
    self->call->date_precision = adw_combo_row_get_selected (self->precision_row);
}

static void
on_status_changed_cb (ReadoutImportCallEditor *self)
{
  if (!self->filling)
    self->call->status = adw_combo_row_get_selected (self->status_row);
}

static void
on_duration_changed_cb (ReadoutImportCallEditor *self)
{
  int minutes = gtk_spin_button_get_value_as_int (self->duration_spin);

  if (self->filling)
    return;

  self->call->duration_minutes = minutes;
  if (minutes <= 0)
    self->call->duration_qualifier = READOUT_DURATION_UNKNOWN;
  else
    self->call->duration_qualifier = READOUT_DURATION_EXACT + adw_combo_row_get_selected (self->qualifier_row);
}

static void
on_qualifier_changed_cb (ReadoutImportCallEditor *self)
{
  if (!self->filling && self->call->duration_minutes > 0)
    self->call->duration_qualifier = READOUT_DURATION_EXACT + adw_combo_row_get_selected (self->qualifier_row);
}

static void
on_include_changed_cb (ReadoutImportCallEditor *self)
{
  gboolean included = gtk_switch_get_active (self->include_switch);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->match_row), GTK_WIDGET (self->date_row), GTK_WIDGET (self->precision_row),
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->duration_row), GTK_WIDGET (self->qualifier_row),
    GTK_WIDGET (self->initiator_row), GTK_WIDGET (self->participants_group),
    GTK_WIDGET (self->conflicts_group), GTK_WIDGET (self->statements_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], included);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->include_switch),
                               included ? _("Import This Call") : _("This Call Is Skipped"));
}

static void
fill (ReadoutImportCallEditor *self)
{
  ReadoutExtractedCall *call = self->call;

  self->filling = TRUE;

  update_title (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), call->date != NULL ? call->date : "");
  if (call->date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  if (call->date_precision == READOUT_DATE_PRECISION_DAY)
    set_string (&self->claims_date, call->date);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), call->year_guessed);
  update_day_row (self);
  adw_combo_row_set_selected (self->precision_row, call->date_precision);
  adw_combo_row_set_selected (self->status_row, call->status);
  gtk_spin_button_set_value (self->duration_spin, MAX (call->duration_minutes, 0));
  adw_combo_row_set_selected (self->qualifier_row,
                              call->duration_qualifier > READOUT_DURATION_UNKNOWN
                              ? call->duration_qualifier - READOUT_DURATION_EXACT : 0);
  fill_initiator (self);

  for (guint i = 0; i < call->participants->len; i++)
    add_participant_row (self, g_ptr_array_index (call->participants, i));
  for (guint i = 0; i < call->statements->len; i++)
    add_statement_row (self, g_ptr_array_index (call->statements, i));
  update_statements_description (self);
  readout_import_call_editor_update_match (self);

  self->filling = FALSE;
}

ReadoutExtractedCall *
readout_import_call_editor_get_call (ReadoutImportCallEditor *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self), NULL);

  return self->call;
}

gboolean
readout_import_call_editor_get_included (ReadoutImportCallEditor *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self), FALSE);

  return gtk_switch_get_active (self->include_switch);
}

void
readout_import_call_editor_set_included (ReadoutImportCallEditor *self,
                                         gboolean                 included)
{
  g_return_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self));

  gtk_switch_set_active (self->include_switch, included);
}

gboolean
readout_import_call_editor_validate (ReadoutImportCallEditor  *self,
                                     GError                  **error)
{
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  ReadoutDatePrecision precision;
  guint named = 0;

  g_return_val_if_fail (READOUT_IS_IMPORT_CALL_EDITOR (self), FALSE);

  if (!readout_import_call_editor_get_included (self))
    return TRUE;

  for (guint i = 0; i < self->call->participants->len; i++)
    if (((ReadoutExtractedParticipant *) g_ptr_array_index (self->call->participants, i))->name != NULL)
      named++;
  if (named < 2 || named != self->call->participants->len)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   /* Translators: %u is the call's number in the text */
                   _("Call %u needs the names of at least two participants."), self->index + 1);
      return FALSE;
    }

  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  precision = adw_combo_row_get_selected (self->precision_row);
  message = readout_edit_check_date (*date != '\0' ? date : NULL, TRUE, &precision);
  if (message != NULL)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID,
                   /* Translators: %u is the call's number in the text, %s what is wrong with
                    * its date: "Call 1, date: A date known to the year is written YYYY." */
                   _("Call %u, date: %s"), self->index + 1, message);
      return FALSE;
    }
  return TRUE;
}

/* GObject */

static void
readout_import_call_editor_dispose (GObject *object)
{
  ReadoutImportCallEditor *self = READOUT_IMPORT_CALL_EDITOR (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_IMPORT_CALL_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->claims_date, g_free);

  G_OBJECT_CLASS (readout_import_call_editor_parent_class)->dispose (object);
}

static void
readout_import_call_editor_class_init (ReadoutImportCallEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_import_call_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SPANS_CHANGED] = g_signal_new ("spans-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_SPAN] = g_signal_new ("show-span", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/readout/Readout/readout-import-call-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, call_group);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, include_switch);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, match_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, precision_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, qualifier_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, initiator_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportCallEditor, statements_group);
  gtk_widget_class_bind_template_callback (widget_class, on_include_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_precision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qualifier_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_initiator_changed_cb);
}

static void
readout_import_call_editor_init (ReadoutImportCallEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Setting the models selects their first items: not an edit, and there is no call yet. */
  self->filling = TRUE;
  readout_edit_setup_call_rows (self->precision_row, self->status_row, self->duration_spin,
                                self->qualifier_row);
  self->filling = FALSE;
  self->conflict_rows = g_ptr_array_new ();
  self->item_rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  add_year_row (self);
  add_day_row (self);
  add_file_as_row (self);
}

GtkWidget *
readout_import_call_editor_new (ReadoutStore         *store,
                                ReadoutExtractedCall *call,
                                guint                 index,
                                guint                 n_calls)
{
  ReadoutImportCallEditor *self;

  g_return_val_if_fail (store == NULL || READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  self = g_object_new (READOUT_TYPE_IMPORT_CALL_EDITOR, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->call = call;
  self->index = index;
  self->n_calls = n_calls;
  fill (self);
  return GTK_WIDGET (self);
}

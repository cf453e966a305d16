// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-call-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "readout-call-form.h"
#include "readout-edit-util.h"
#include "readout-gui-util.h"
#include "readout-format.h"
#include "readout-display-names.h"

struct _ReadoutCallForm
{
  ReadoutEditForm  parent_instance;

  GtkListBox      *participants_list;
  GtkWidget       *add_row;
  GtkDropDown     *leader_dropdown;
  GtkWidget       *add_button;
  GtkWidget       *participants_error;
  AdwComboRow     *precision_row;
  GtkWidget       *date_row;
  GtkWidget       *time_row;
  GtkWidget       *date_error;
  GtkSpinButton   *duration_spin;
  AdwComboRow     *qualifier_row;
  AdwComboRow     *status_row;
  AdwComboRow     *initiator_row;

  ReadoutCall     *call;
  GListModel      *leaders;
  /* ReadoutLeader, in the order they were added */
  GPtrArray       *participants;
  gint64           call_id;
  gboolean         ready;
  gboolean         touched;
};

G_DEFINE_FINAL_TYPE (ReadoutCallForm, readout_call_form, READOUT_TYPE_EDIT_FORM)

/* The qualifier row lists every qualifier but "unknown", which a duration of 0 means. */
#define QUALIFIER_TO_ROW(q) ((q) == READOUT_DURATION_UNKNOWN ? 0u : (guint) (q) - 1)
#define ROW_TO_QUALIFIER(r) ((ReadoutDurationQualifier) ((r) + 1))

static char *
check_time (const char *time)
{
  unsigned hours, minutes;
  char extra;

  if (time == NULL)
    return NULL;
  if (strlen (time) != 5 || sscanf (time, "%2u:%2u%c", &hours, &minutes, &extra) != 2 ||
      hours > 23 || minutes > 59)
    return g_strdup (_("Write the start time as HH:MM, from 00:00 to 23:59."));
  return NULL;
}

static void
validate (ReadoutCallForm *self)
{
  ReadoutDatePrecision precision = adw_combo_row_get_selected (self->precision_row);
  g_autofree char *date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *time = readout_edit_dup_text (GTK_EDITABLE (self->time_row));
  g_autofree char *date_message = readout_edit_check_date (date, TRUE, &precision);
  g_autofree char *time_message = check_time (time);
  gboolean enough = self->participants->len >= 2;

  /* A new form asks for a second participant once the user starts on it, not before. */
  readout_edit_set_field_error (NULL, self->participants_error,
                                enough || !self->touched ? NULL : _("A call needs at least two participants."));
  /* An empty new form says what it needs only once the user starts on the date. */
  if (date == NULL && !self->touched)
    g_clear_pointer (&date_message, g_free);
  readout_edit_set_field_error (self->date_row, NULL, date_message);
  readout_edit_set_field_error (self->time_row, NULL, time_message);
  readout_edit_set_field_error (NULL, self->date_error, date_message != NULL ? date_message : time_message);


  readout_edit_form_set_valid (READOUT_EDIT_FORM (self),
                               enough && date != NULL && date_message == NULL && time_message == NULL);
}

static void
on_changed_cb (ReadoutCallForm *self)
{
  if (self->ready)
    self->touched = TRUE;
  validate (self);
}

static void
update_initiators (ReadoutCallForm *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Not known"));
  for (guint i = 0; i < self->participants->len; i++)
    gtk_string_list_append (names, readout_leader_get_name (g_ptr_array_index (self->participants, i)));

  adw_combo_row_set_model (self->initiator_row, G_LIST_MODEL (names));
}

static gint64
get_initiator_id (ReadoutCallForm *self)
{
  guint selected = adw_combo_row_get_selected (self->initiator_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->participants->len)
    return 0;
  return readout_leader_get_id (g_ptr_array_index (self->participants, selected - 1));
}

static void
select_initiator (ReadoutCallForm *self,
                  gint64           leader_id)
{
  for (guint i = 0; i < self->participants->len; i++)
    if (readout_leader_get_id (g_ptr_array_index (self->participants, i)) == leader_id)
      {
        adw_combo_row_set_selected (self->initiator_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->initiator_row, 0);
}

/* A row's Remove button names its leader as the action's target. */
static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  readout_call_form_remove_participant (READOUT_CALL_FORM (widget), g_variant_get_int64 (parameter));
}

/* @initiator: who called, kept through a change of the participants if they still
 * take part. */
static gboolean
takes_part (ReadoutCallForm *self,
            gint64           leader_id)
{
  for (guint i = 0; i < self->participants->len; i++)
    if (readout_leader_get_id (g_ptr_array_index (self->participants, i)) == leader_id)
      return TRUE;
  return FALSE;
}

/* The Add drop-down offers a leader who is not in the call yet: the first one in the
 * list that is not (a few items read, however many leaders the store has). */
static void
offer_next_leader (ReadoutCallForm *self)
{
  ReadoutLeader *selected = gtk_drop_down_get_selected_item (self->leader_dropdown);
  guint n;

  if (self->leaders == NULL || (selected != NULL && !takes_part (self, readout_leader_get_id (selected))))
    return;
  n = g_list_model_get_n_items (self->leaders);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutLeader) leader = g_list_model_get_item (self->leaders, i);

      if (leader != NULL && !takes_part (self, readout_leader_get_id (leader)))
        {
          gtk_drop_down_set_selected (self->leader_dropdown, i);
          return;
        }
    }
}

static void
rebuild_participants (ReadoutCallForm *self,
                      gint64           initiator)
{
  GtkWidget *child;

  /* Every row but the last, the Add row. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list))) != self->add_row)
    gtk_list_box_remove (self->participants_list, child);

  for (guint i = 0; i < self->participants->len; i++)
    {
      ReadoutLeader *leader = g_ptr_array_index (self->participants, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      const char *country = readout_gui_leader_country (leader);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), readout_leader_get_name (leader));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   country != NULL ? country : readout_display_office (readout_leader_get_office (leader)));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove from the Call"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "call-form.remove-participant");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new_int64 (readout_leader_get_id (leader)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_insert (self->participants_list, row, (int) i);
    }

  update_initiators (self);
  select_initiator (self, initiator);
  offer_next_leader (self);
  validate (self);
}

gboolean
readout_call_form_add_participant (ReadoutCallForm *self,
                                   gint64           leader_id)
{
  g_autoptr(ReadoutLeader) leader = NULL;
  gint64 initiator;

  g_return_val_if_fail (READOUT_IS_CALL_FORM (self), FALSE);

  if (takes_part (self, leader_id))
    return FALSE;

  leader = readout_store_get_leader (readout_edit_form_get_store (READOUT_EDIT_FORM (self)), leader_id, NULL);
  if (leader == NULL)
    return FALSE;

  initiator = get_initiator_id (self);
  self->touched = self->touched || self->ready;
  g_ptr_array_add (self->participants, g_steal_pointer (&leader));
  rebuild_participants (self, initiator);
  return TRUE;
}

gboolean
readout_call_form_remove_participant (ReadoutCallForm *self,
                                      gint64           leader_id)
{
  g_return_val_if_fail (READOUT_IS_CALL_FORM (self), FALSE);

  for (guint i = 0; i < self->participants->len; i++)
    if (readout_leader_get_id (g_ptr_array_index (self->participants, i)) == leader_id)
      {
        gint64 initiator = get_initiator_id (self);

        self->touched = self->touched || self->ready;
        g_ptr_array_remove_index (self->participants, i);
        rebuild_participants (self, initiator);
        return TRUE;
      }
  return FALSE;
}

static void
on_add_clicked_cb (ReadoutCallForm *self)
{
  ReadoutLeader *leader = gtk_drop_down_get_selected_item (self->leader_dropdown);

  if (leader != NULL)
    readout_call_form_add_participant (self, readout_leader_get_id (leader));
}

static gboolean
readout_call_form_save (ReadoutEditForm  *form,
                        GError          **error)
{
  ReadoutCallForm *self = READOUT_CALL_FORM (form);
  ReadoutUndoStack *stack = readout_edit_form_get_undo_stack (form);
  g_autoptr(ReadoutCall) call = readout_call_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *time = readout_edit_dup_text (GTK_EDITABLE (self->time_row));
  int minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  gboolean ok;

  for (guint i = 0; i < self->participants->len; i++)
    {
      gint64 id = readout_leader_get_id (g_ptr_array_index (self->participants, i));
      g_array_append_val (ids, id);
    }

  readout_call_set_participant_ids (call, (const gint64 *) ids->data, ids->len);
  readout_call_set_date (call, date);
  readout_call_set_date_precision (call, adw_combo_row_get_selected (self->precision_row));
  readout_call_set_time (call, time);
  readout_call_set_duration_minutes (call, minutes > 0 ? minutes : -1);
  readout_call_set_duration_qualifier (call, minutes > 0
                                             ? ROW_TO_QUALIFIER (adw_combo_row_get_selected (self->qualifier_row))
                                             : READOUT_DURATION_UNKNOWN);
  readout_call_set_status (call, adw_combo_row_get_selected (self->status_row));
  readout_call_set_initiator_id (call, get_initiator_id (self));

  if (self->call != NULL)
    {
      readout_call_set_id (call, readout_call_get_id (self->call));
      /* The version read: a team store refuses the save if someone changed it since. */
      readout_call_set_row_version (call, readout_call_get_row_version (self->call));
      ok = readout_undo_stack_update_call (stack, call, error);
    }
  else
    ok = readout_undo_stack_insert_call (stack, call, error);

  if (ok)
    self->call_id = readout_call_get_id (call);
  return ok;
}

static void
readout_call_form_dispose (GObject *object)
{
  ReadoutCallForm *self = READOUT_CALL_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_CALL_FORM);
  g_clear_object (&self->call);
  g_clear_object (&self->leaders);
  g_clear_pointer (&self->participants, g_ptr_array_unref);

  G_OBJECT_CLASS (readout_call_form_parent_class)->dispose (object);
}

static void
readout_call_form_class_init (ReadoutCallFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReadoutEditFormClass *form_class = READOUT_EDIT_FORM_CLASS (klass);

  object_class->dispose = readout_call_form_dispose;
  form_class->save = readout_call_form_save;

  gtk_widget_class_install_action (widget_class, "call-form.remove-participant", "x", remove_participant_action);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-call-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, participants_list);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, add_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, leader_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, participants_error);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, precision_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, time_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, qualifier_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutCallForm, initiator_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
readout_call_form_init (ReadoutCallForm *self)
{
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  readout_edit_setup_call_rows (self->precision_row, self->status_row, self->duration_spin,
                                self->qualifier_row);
}

ReadoutCallForm *
readout_call_form_new (ReadoutUndoStack *undo_stack,
                       ReadoutCall      *call,
                       gint64            first_leader_id)
{
  ReadoutCallForm *self;
  g_autoptr(ReadoutCall) current = NULL;
  ReadoutStore *store;
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (call == NULL || READOUT_IS_CALL (call), NULL);

  self = g_object_new (READOUT_TYPE_CALL_FORM, "undo-stack", undo_stack, NULL);
  store = readout_undo_stack_get_store (undo_stack);
  /* A row from a list carries no row version: edit the row as the store has it now, so
   * that a team store refuses the save if a colleague changes it while the form is open
   * (a silent overwrite otherwise). */
  if (call != NULL && readout_call_get_row_version (call) == 0 &&
      (current = readout_store_get_call (readout_undo_stack_get_store (undo_stack),
                                         readout_call_get_id (call), NULL)) != NULL)
    call = current;

  /* Paged out of the store like the leaders pane, so a long list costs nothing. */
  self->leaders = readout_store_list_leaders (store, READOUT_LEADER_SORT_NAME, NULL);
  expression = gtk_property_expression_new (READOUT_TYPE_LEADER, NULL, "name");
  gtk_drop_down_set_expression (self->leader_dropdown, expression);
  gtk_drop_down_set_model (self->leader_dropdown, self->leaders);

  if (call != NULL)
    {
      guint n_ids = 0;
      const gint64 *ids = readout_call_get_participant_ids (call, &n_ids);
      int minutes = readout_call_get_duration_minutes (call);

      self->call = g_object_ref (call);
      self->touched = TRUE;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Call"));

      for (guint i = 0; i < n_ids; i++)
        {
          ReadoutLeader *leader = readout_store_get_leader (store, ids[i], NULL);

          if (leader != NULL)
            g_ptr_array_add (self->participants, leader);
        }

      adw_combo_row_set_selected (self->precision_row, readout_call_get_date_precision (call));
      readout_edit_set_text (GTK_EDITABLE (self->date_row), readout_call_get_date (call));
      readout_edit_set_text (GTK_EDITABLE (self->time_row), readout_call_get_time (call));
      gtk_spin_button_set_value (self->duration_spin, MAX (minutes, 0));
      adw_combo_row_set_selected (self->qualifier_row,
                                  QUALIFIER_TO_ROW (readout_call_get_duration_qualifier (call)));
      adw_combo_row_set_selected (self->status_row, readout_call_get_status (call));
      rebuild_participants (self, readout_call_get_initiator_id (call));
    }
  else
    {
      /* Most calls are known to the day and were held. */
      adw_combo_row_set_selected (self->precision_row, READOUT_DATE_PRECISION_DAY);
      adw_combo_row_set_selected (self->status_row, READOUT_CALL_STATUS_HELD);
      if (first_leader_id != 0)
        readout_call_form_add_participant (self, first_leader_id);
      else
        rebuild_participants (self, 0);
    }

  self->ready = TRUE;
  validate (self);
  return self;
}

gint64
readout_call_form_get_call_id (ReadoutCallForm *self)
{
  g_return_val_if_fail (READOUT_IS_CALL_FORM (self), 0);

  return self->call_id;
}

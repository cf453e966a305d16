// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-leader-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-leader-form.h"

struct _ReadoutLeaderForm
{
  ReadoutEditForm  parent_instance;

  GtkWidget       *name_row;
  GtkWidget       *aliases_row;
  GtkDropDown     *country_dropdown;
  GtkWidget       *office_row;
  GtkWidget       *name_error;
  GtkWidget       *term_start_row;
  GtkWidget       *term_end_row;
  GtkWidget       *term_error;

  GListModel      *countries;
  ReadoutLeader   *leader;
  gint64           leader_id;
};

G_DEFINE_FINAL_TYPE (ReadoutLeaderForm, readout_leader_form, READOUT_TYPE_EDIT_FORM)

static void
validate (ReadoutLeaderForm *self)
{
  g_autofree char *name = readout_edit_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *start = readout_edit_dup_text (GTK_EDITABLE (self->term_start_row));
  g_autofree char *end = readout_edit_dup_text (GTK_EDITABLE (self->term_end_row));
  g_autofree char *start_error = readout_edit_check_date (start, FALSE, NULL);
  g_autofree char *end_error = readout_edit_check_date (end, FALSE, NULL);
  gboolean order_wrong = FALSE;

  readout_edit_set_field_error (self->name_row, self->name_error,
                                name == NULL ? _("A leader needs a name.") : NULL);

  /* The store orders term dates as text, "2017" before "2017-01-20": so does the form. */
  if (start != NULL && end != NULL && start_error == NULL && end_error == NULL &&
      strcmp (end, start) < 0)
    order_wrong = TRUE;

  if (order_wrong)
    end_error = g_strdup (_("The term cannot end before it starts."));

  /* Both rows show whether they are wrong; the caption under the group says why. */
  readout_edit_set_field_error (self->term_start_row, NULL, start_error);
  readout_edit_set_field_error (self->term_end_row, NULL, end_error);
  readout_edit_set_field_error (NULL, self->term_error, start_error != NULL ? start_error : end_error);

  readout_edit_form_set_valid (READOUT_EDIT_FORM (self),
                               name != NULL && start_error == NULL && end_error == NULL);
}

static void
on_changed_cb (ReadoutLeaderForm *self)
{
  validate (self);
}

static gboolean
readout_leader_form_save (ReadoutEditForm  *form,
                          GError          **error)
{
  ReadoutLeaderForm *self = READOUT_LEADER_FORM (form);
  ReadoutUndoStack *stack = readout_edit_form_get_undo_stack (form);
  g_autoptr(ReadoutLeader) leader = readout_leader_new ();
  g_autofree char *name = readout_edit_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *office = readout_edit_dup_text (GTK_EDITABLE (self->office_row));
  g_autofree char *start = readout_edit_dup_text (GTK_EDITABLE (self->term_start_row));
  g_autofree char *end = readout_edit_dup_text (GTK_EDITABLE (self->term_end_row));
  g_auto(GStrv) aliases = readout_edit_split_list (gtk_editable_get_text (GTK_EDITABLE (self->aliases_row)));
  const char *country = readout_edit_countries_get_code (self->countries,
                                                         gtk_drop_down_get_selected (self->country_dropdown));
  gboolean ok;

  /* A new object: the one from the list belongs to its model. */
  readout_leader_set_name (leader, name);
  readout_leader_set_aliases (leader, (const char * const *) aliases);
  readout_leader_set_country (leader, country);
  readout_leader_set_office (leader, office);
  readout_leader_set_term_start (leader, start);
  readout_leader_set_term_end (leader, end);

  if (self->leader != NULL)
    {
      readout_leader_set_id (leader, readout_leader_get_id (self->leader));
      /* The version read: a team store refuses the save if someone changed it since. */
      readout_leader_set_row_version (leader, readout_leader_get_row_version (self->leader));
      ok = readout_undo_stack_update_leader (stack, leader, error);
    }
  else
    ok = readout_undo_stack_insert_leader (stack, leader, error);

  if (ok)
    self->leader_id = readout_leader_get_id (leader);
  return ok;
}

static void
readout_leader_form_dispose (GObject *object)
{
  ReadoutLeaderForm *self = READOUT_LEADER_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_LEADER_FORM);
  g_clear_object (&self->countries);
  g_clear_object (&self->leader);

  G_OBJECT_CLASS (readout_leader_form_parent_class)->dispose (object);
}

static void
readout_leader_form_class_init (ReadoutLeaderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReadoutEditFormClass *form_class = READOUT_EDIT_FORM_CLASS (klass);

  object_class->dispose = readout_leader_form_dispose;
  form_class->save = readout_leader_form_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-leader-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, office_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, term_start_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, term_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutLeaderForm, term_error);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
readout_leader_form_init (ReadoutLeaderForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->countries = readout_edit_countries_new (_("No country"));
  readout_edit_setup_country_dropdown (self->country_dropdown, self->countries);
}

ReadoutLeaderForm *
readout_leader_form_new (ReadoutUndoStack *undo_stack,
                         ReadoutLeader    *leader)
{
  ReadoutLeaderForm *self;
  g_autoptr(ReadoutLeader) current = NULL;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (leader == NULL || READOUT_IS_LEADER (leader), NULL);

  self = g_object_new (READOUT_TYPE_LEADER_FORM, "undo-stack", undo_stack, NULL);
  /* A row from a list carries no row version: edit the row as the store has it now, so
   * that a team store refuses the save if a colleague changes it while the form is open
   * (a silent overwrite otherwise). */
  if (leader != NULL && readout_leader_get_row_version (leader) == 0 &&
      (current = readout_store_get_leader (readout_undo_stack_get_store (undo_stack),
                                           readout_leader_get_id (leader), NULL)) != NULL)
    leader = current;

  if (leader != NULL)
    {
      g_autofree char *aliases = readout_edit_join_list (readout_leader_get_aliases (leader));

      self->leader = g_object_ref (leader);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Leader"));
      readout_edit_set_text (GTK_EDITABLE (self->name_row), readout_leader_get_name (leader));
      readout_edit_set_text (GTK_EDITABLE (self->aliases_row), aliases);
      readout_edit_set_text (GTK_EDITABLE (self->office_row), readout_leader_get_office (leader));
      readout_edit_set_text (GTK_EDITABLE (self->term_start_row), readout_leader_get_term_start (leader));
      readout_edit_set_text (GTK_EDITABLE (self->term_end_row), readout_leader_get_term_end (leader));
      gtk_drop_down_set_selected (self->country_dropdown,
                                  readout_edit_countries_find (self->countries,
                                                               readout_leader_get_country (leader)));
    }

  validate (self);
  /* A new form does not greet the user with "needs a name" before they typed. */
  if (leader == NULL)
    readout_edit_set_field_error (self->name_row, self->name_error, NULL);

  return self;
}

gint64
readout_leader_form_get_leader_id (ReadoutLeaderForm *self)
{
  g_return_val_if_fail (READOUT_IS_LEADER_FORM (self), 0);

  return self->leader_id;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-statement-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-format.h"
#include "readout-statement-form.h"

struct _ReadoutStatementForm
{
  ReadoutEditForm   parent_instance;

  GtkWidget        *speaker_row;
  GtkDropDown      *side_dropdown;
  AdwComboRow      *kind_row;
  AdwActionRow     *topics_row;
  GtkTextView      *text_view;
  GtkWidget        *text_error;

  GListModel       *sides;
  ReadoutStatement *statement;
  gint64            source_id;
  gint64            call_id;
  int               position;
  gint64            statement_id;
  gboolean          ready;
  gboolean          touched;
};

G_DEFINE_FINAL_TYPE (ReadoutStatementForm, readout_statement_form, READOUT_TYPE_EDIT_FORM)

static char *
dup_text (ReadoutStatementForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
validate (ReadoutStatementForm *self)
{
  g_autofree char *text = dup_text (self);

  readout_edit_set_field_error (NULL, self->text_error,
                                text == NULL && self->touched
                                ? _("Write down what was said: the quote, or its paraphrase.") : NULL);
  readout_edit_form_set_valid (READOUT_EDIT_FORM (self), text != NULL);
}

static void
on_text_changed_cb (ReadoutStatementForm *self)
{
  self->touched = self->ready;
  validate (self);
}

static gboolean
readout_statement_form_save (ReadoutEditForm  *form,
                             GError          **error)
{
  ReadoutStatementForm *self = READOUT_STATEMENT_FORM (form);
  ReadoutUndoStack *stack = readout_edit_form_get_undo_stack (form);
  g_autoptr(ReadoutStatement) statement = readout_statement_new ();
  g_autofree char *speaker = readout_edit_dup_text (GTK_EDITABLE (self->speaker_row));
  g_autofree char *text = dup_text (self);
  gboolean ok;

  readout_statement_set_call_id (statement, self->call_id);
  readout_statement_set_source_id (statement, self->source_id);
  readout_statement_set_position (statement, self->position);
  readout_statement_set_speaker (statement, speaker);
  readout_statement_set_side (statement, readout_edit_countries_get_code (self->sides,
                                                                          gtk_drop_down_get_selected (self->side_dropdown)));
  readout_statement_set_kind (statement, adw_combo_row_get_selected (self->kind_row));
  readout_statement_set_text (statement, text);

  if (self->statement != NULL)
    {
      readout_statement_set_id (statement, readout_statement_get_id (self->statement));
      /* The version read: a team store refuses the save if someone changed it since. */
      readout_statement_set_row_version (statement, readout_statement_get_row_version (self->statement));
      ok = readout_undo_stack_update_statement (stack, statement, error);
    }
  else
    ok = readout_undo_stack_insert_statement (stack, statement, error);

  if (ok)
    self->statement_id = readout_statement_get_id (statement);
  return ok;
}

static void
readout_statement_form_dispose (GObject *object)
{
  ReadoutStatementForm *self = READOUT_STATEMENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_STATEMENT_FORM);
  g_clear_object (&self->sides);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (readout_statement_form_parent_class)->dispose (object);
}

static void
readout_statement_form_class_init (ReadoutStatementFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReadoutEditFormClass *form_class = READOUT_EDIT_FORM_CLASS (klass);

  object_class->dispose = readout_statement_form_dispose;
  form_class->save = readout_statement_form_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-statement-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, topics_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, text_view);
  gtk_widget_class_bind_template_child (widget_class, ReadoutStatementForm, text_error);
}

static void
readout_statement_form_init (ReadoutStatementForm *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, readout_format_statement_kind (READOUT_STATEMENT_KIND_QUOTE));
  gtk_string_list_append (kinds, readout_format_statement_kind (READOUT_STATEMENT_KIND_PARAPHRASE));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->sides = readout_edit_countries_new (_("Independent press"));
  readout_edit_setup_country_dropdown (self->side_dropdown, self->sides);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
}

ReadoutStatementForm *
readout_statement_form_new (ReadoutUndoStack *undo_stack,
                            ReadoutStatement *statement,
                            ReadoutSource    *source)
{
  ReadoutStatementForm *self;
  g_autoptr(ReadoutStatement) current = NULL;
  const char * const *topics;
  g_autofree char *topic_list = NULL;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (statement == NULL || READOUT_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (statement != NULL || READOUT_IS_SOURCE (source), NULL);

  self = g_object_new (READOUT_TYPE_STATEMENT_FORM, "undo-stack", undo_stack, NULL);
  /* A row from a list carries no row version: edit the row as the store has it now, so
   * that a team store refuses the save if a colleague changes it while the form is open
   * (a silent overwrite otherwise). */
  if (statement != NULL && readout_statement_get_row_version (statement) == 0 &&
      (current = readout_store_get_statement (readout_undo_stack_get_store (undo_stack),
                                              readout_statement_get_id (statement), NULL)) != NULL)
    statement = current;

  if (statement != NULL)
    {
      self->statement = g_object_ref (statement);
      self->source_id = readout_statement_get_source_id (statement);
      self->call_id = readout_statement_get_call_id (statement);
      self->position = readout_statement_get_position (statement);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Statement"));
      readout_edit_set_text (GTK_EDITABLE (self->speaker_row), readout_statement_get_speaker (statement));
      gtk_drop_down_set_selected (self->side_dropdown,
                                  readout_edit_countries_find (self->sides, readout_statement_get_side (statement)));
      adw_combo_row_set_selected (self->kind_row, readout_statement_get_kind (statement));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                readout_statement_get_text (statement), -1);
      topics = readout_statement_get_topics (statement);
    }
  else
    {
      g_autoptr(GListModel) existing =
        readout_store_list_source_statements (readout_undo_stack_get_store (undo_stack),
                                              readout_source_get_id (source));

      /* A new statement comes last in its source and, most often, speaks for its side. */
      self->source_id = readout_source_get_id (source);
      self->call_id = readout_source_get_call_id (source);
      self->position = g_list_model_get_n_items (existing);
      gtk_drop_down_set_selected (self->side_dropdown,
                                  readout_edit_countries_find (self->sides, readout_source_get_side (source)));
      adw_combo_row_set_selected (self->kind_row, READOUT_STATEMENT_KIND_PARAPHRASE);
      topics = NULL;
    }

  /* Topics come from tagging with the topics' keywords, not from the user. */
  topic_list = topics != NULL && topics[0] != NULL ? g_strjoinv (", ", (char **) topics) : NULL;
  adw_action_row_set_subtitle (self->topics_row,
                               topic_list != NULL ? topic_list
                               : _("None yet: topics are found from their keywords when the statement is saved"));

  self->ready = TRUE;
  validate (self);
  return self;
}

gint64
readout_statement_form_get_statement_id (ReadoutStatementForm *self)
{
  g_return_val_if_fail (READOUT_IS_STATEMENT_FORM (self), 0);

  return self->statement_id;
}

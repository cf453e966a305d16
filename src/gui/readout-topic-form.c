// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-topic-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-error.h"
#include "readout-topic-form.h"

struct _ReadoutTopicForm
{
  ReadoutEditForm  parent_instance;

  GtkWidget       *name_row;
  GtkWidget       *name_error;
  GtkWidget       *english_row;
  GtkWidget       *russian_row;
  GtkWidget       *keywords_error;

  ReadoutTopic    *topic;
  gint64           topic_id;
  gboolean         ready;
  gboolean         touched;
};

G_DEFINE_FINAL_TYPE (ReadoutTopicForm, readout_topic_form, READOUT_TYPE_EDIT_FORM)

static gboolean
has_keywords (GtkWidget *row)
{
  g_auto(GStrv) keywords = readout_edit_split_list (gtk_editable_get_text (GTK_EDITABLE (row)));

  return keywords[0] != NULL;
}

static void
validate (ReadoutTopicForm *self)
{
  g_autofree char *name = readout_edit_dup_text (GTK_EDITABLE (self->name_row));
  gboolean any_keyword = has_keywords (self->english_row) || has_keywords (self->russian_row);

  readout_edit_set_field_error (self->name_row, self->name_error,
                                name == NULL && self->touched ? _("A topic needs a name.") : NULL);
  /* A topic without keywords would never tag a statement. */
  readout_edit_set_field_error (NULL, self->keywords_error,
                                !any_keyword && self->touched
                                ? _("Give at least one keyword, so that statements can be found for the topic.")
                                : NULL);
  readout_edit_form_set_valid (READOUT_EDIT_FORM (self), name != NULL && any_keyword);
}

static void
on_changed_cb (ReadoutTopicForm *self)
{
  self->touched = self->ready;
  validate (self);
}

static gboolean
readout_topic_form_save (ReadoutEditForm  *form,
                         GError          **error)
{
  ReadoutTopicForm *self = READOUT_TOPIC_FORM (form);
  ReadoutUndoStack *stack = readout_edit_form_get_undo_stack (form);
  g_autoptr(ReadoutTopic) topic = readout_topic_new ();
  g_autofree char *name = readout_edit_dup_text (GTK_EDITABLE (self->name_row));
  g_auto(GStrv) english = readout_edit_split_list (gtk_editable_get_text (GTK_EDITABLE (self->english_row)));
  g_auto(GStrv) russian = readout_edit_split_list (gtk_editable_get_text (GTK_EDITABLE (self->russian_row)));

  /* Keywords in other languages (from an import) are kept as they were. */
  if (self->topic != NULL)
    {
      g_auto(GStrv) languages = readout_topic_dup_languages (self->topic);

      for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
        readout_topic_set_keywords (topic, languages[i],
                                    readout_topic_get_keywords (self->topic, languages[i]));
    }

  readout_topic_set_name (topic, name);
  readout_topic_set_keywords (topic, "en", (const char * const *) english);
  readout_topic_set_keywords (topic, "ru", (const char * const *) russian);

  /* Every stored statement is tagged again: in the background, with its progress in
   * the topics window, which also shows a failure (ReadoutUndoStack::topic-change-failed). */
  if (readout_undo_stack_get_busy (stack))
    {
      g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_LOCKED,
                           _("The statements are still being tagged for the last change of topics."));
      return FALSE;
    }
  if (self->topic != NULL)
    {
      readout_topic_set_id (topic, readout_topic_get_id (self->topic));
      /* The version read: a team store refuses the save if someone changed it since. */
      readout_topic_set_row_version (topic, readout_topic_get_row_version (self->topic));
      readout_undo_stack_update_topic_async (stack, topic, NULL, NULL);
    }
  else
    readout_undo_stack_insert_topic_async (stack, topic, NULL, NULL);

  self->topic_id = readout_topic_get_id (topic);
  return TRUE;
}

static void
readout_topic_form_dispose (GObject *object)
{
  ReadoutTopicForm *self = READOUT_TOPIC_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_TOPIC_FORM);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (readout_topic_form_parent_class)->dispose (object);
}

static void
readout_topic_form_class_init (ReadoutTopicFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReadoutEditFormClass *form_class = READOUT_EDIT_FORM_CLASS (klass);

  object_class->dispose = readout_topic_form_dispose;
  form_class->save = readout_topic_form_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-topic-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicForm, english_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicForm, russian_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutTopicForm, keywords_error);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
readout_topic_form_init (ReadoutTopicForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReadoutTopicForm *
readout_topic_form_new (ReadoutUndoStack *undo_stack,
                        ReadoutTopic     *topic)
{
  ReadoutTopicForm *self;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (topic == NULL || READOUT_IS_TOPIC (topic), NULL);

  self = g_object_new (READOUT_TYPE_TOPIC_FORM, "undo-stack", undo_stack, NULL);

  if (topic != NULL)
    {
      g_autofree char *english = readout_edit_join_list (readout_topic_get_keywords (topic, "en"));
      g_autofree char *russian = readout_edit_join_list (readout_topic_get_keywords (topic, "ru"));

      self->topic = g_object_ref (topic);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Topic"));
      readout_edit_set_text (GTK_EDITABLE (self->name_row), readout_topic_get_name (topic));
      readout_edit_set_text (GTK_EDITABLE (self->english_row), english);
      readout_edit_set_text (GTK_EDITABLE (self->russian_row), russian);
    }

  self->ready = TRUE;
  validate (self);
  return self;
}

gint64
readout_topic_form_get_topic_id (ReadoutTopicForm *self)
{
  g_return_val_if_fail (READOUT_IS_TOPIC_FORM (self), 0);

  return self->topic_id;
}

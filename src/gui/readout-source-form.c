// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-source-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-format.h"
#include "readout-source-fields.h"
#include "readout-source-form.h"

struct _ReadoutSourceForm
{
  ReadoutEditForm  parent_instance;

  ReadoutSourceFields *fields;
  GtkTextView     *text_view;

  ReadoutSource   *source;
  gint64           call_id;
  gint64           source_id;
};

G_DEFINE_FINAL_TYPE (ReadoutSourceForm, readout_source_form, READOUT_TYPE_EDIT_FORM)

static void
on_changed_cb (ReadoutSourceForm *self)
{
  readout_edit_form_set_valid (READOUT_EDIT_FORM (self), readout_source_fields_validate (self->fields, TRUE, NULL));
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
readout_source_form_save (ReadoutEditForm  *form,
                          GError          **error)
{
  ReadoutSourceForm *self = READOUT_SOURCE_FORM (form);
  ReadoutUndoStack *stack = readout_edit_form_get_undo_stack (form);
  g_autoptr(ReadoutSource) source = readout_source_new ();
  g_autofree char *text = dup_text_view (self->text_view);
  gboolean ok;

  readout_source_set_call_id (source, self->call_id);
  readout_source_fields_apply (self->fields, source);
  readout_source_set_text (source, text);

  if (self->source != NULL)
    {
      readout_source_set_id (source, readout_source_get_id (self->source));
      /* The version read: a team store refuses the save if someone changed it since. */
      readout_source_set_row_version (source, readout_source_get_row_version (self->source));
      ok = readout_undo_stack_update_source (stack, source, error);
    }
  else
    ok = readout_undo_stack_insert_source (stack, source, error);

  if (ok)
    self->source_id = readout_source_get_id (source);
  return ok;
}

static void
readout_source_form_dispose (GObject *object)
{
  ReadoutSourceForm *self = READOUT_SOURCE_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_SOURCE_FORM);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (readout_source_form_parent_class)->dispose (object);
}

static void
readout_source_form_class_init (ReadoutSourceFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReadoutEditFormClass *form_class = READOUT_EDIT_FORM_CLASS (klass);

  object_class->dispose = readout_source_form_dispose;
  form_class->save = readout_source_form_save;

  g_type_ensure (READOUT_TYPE_SOURCE_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-source-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, fields);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
readout_source_form_init (ReadoutSourceForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReadoutSourceForm *
readout_source_form_new (ReadoutUndoStack *undo_stack,
                         ReadoutSource    *source,
                         gint64            call_id)
{
  ReadoutSourceForm *self;
  g_autoptr(ReadoutSource) current = NULL;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (source == NULL || READOUT_IS_SOURCE (source), NULL);
  g_return_val_if_fail (source != NULL || call_id > 0, NULL);

  self = g_object_new (READOUT_TYPE_SOURCE_FORM, "undo-stack", undo_stack, NULL);
  /* A row from a list carries no row version: edit the row as the store has it now, so
   * that a team store refuses the save if a colleague changes it while the form is open
   * (a silent overwrite otherwise). */
  if (source != NULL && readout_source_get_row_version (source) == 0 &&
      (current = readout_store_get_source (readout_undo_stack_get_store (undo_stack),
                                           readout_source_get_id (source), NULL)) != NULL)
    source = current;
  self->call_id = source != NULL ? readout_source_get_call_id (source) : call_id;

  if (source != NULL)
    {
      self->source = g_object_ref (source);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Source"));
      readout_source_fields_set_source (self->fields, source);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                readout_source_get_text (source) != NULL ? readout_source_get_text (source) : "", -1);
    }

  on_changed_cb (self);
  return self;
}

gint64
readout_source_form_get_source_id (ReadoutSourceForm *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE_FORM (self), 0);

  return self->source_id;
}

#define G_LOG_DOMAIN "readout-source-form"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-format.h"
#include "readout-source-form.h"

struct _ReadoutSourceForm
{
  ReadoutEditForm  parent_instance;

  GtkWidget       *publisher_row;
  AdwComboRow     *kind_row;
  GtkDropDown     *side_dropdown;
  GtkWidget       *date_row;
  GtkWidget       *title_row;
  GtkWidget       *url_row;
  GtkWidget       *source_error;
  GtkTextView     *text_view;

  GListModel      *sides;
  ReadoutSource   *source;
  gint64           call_id;
  gint64           source_id;
  gboolean         ready;
  gboolean         touched;
};

G_DEFINE_FINAL_TYPE (ReadoutSourceForm, readout_source_form, READOUT_TYPE_EDIT_FORM)

static char *
check_url (const char *url)
{
  const char *scheme;

  if (url == NULL)
    return NULL;
  scheme = g_uri_peek_scheme (url);
  if ((g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      !g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return g_strdup (_("Give a web address that starts with https:// or http://, or leave it empty."));
  return NULL;
}

static void
validate (ReadoutSourceForm *self)
{
  g_autofree char *publisher = readout_edit_dup_text (GTK_EDITABLE (self->publisher_row));
  g_autofree char *date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *url = readout_edit_dup_text (GTK_EDITABLE (self->url_row));
  g_autofree char *date_message = readout_edit_check_date (date, FALSE, NULL);
  g_autofree char *url_message = check_url (url);
  const char *publisher_message = NULL;

  /* A new, empty form does not scold before the user has typed anything. */
  if (publisher == NULL && self->touched)
    publisher_message = _("Say who published the source: a government, an agency, a newspaper.");

  readout_edit_set_field_error (self->publisher_row, NULL, publisher_message);
  readout_edit_set_field_error (self->date_row, NULL, date_message);
  readout_edit_set_field_error (self->url_row, NULL, url_message);
  readout_edit_set_field_error (NULL, self->source_error,
                                publisher_message != NULL ? publisher_message :
                                date_message != NULL ? date_message : url_message);

  readout_edit_form_set_valid (READOUT_EDIT_FORM (self),
                               publisher != NULL && date_message == NULL && url_message == NULL);
}

static void
on_changed_cb (ReadoutSourceForm *self)
{
  self->touched = self->ready;
  validate (self);
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
  g_autofree char *publisher = readout_edit_dup_text (GTK_EDITABLE (self->publisher_row));
  g_autofree char *date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *title = readout_edit_dup_text (GTK_EDITABLE (self->title_row));
  g_autofree char *url = readout_edit_dup_text (GTK_EDITABLE (self->url_row));
  g_autofree char *text = dup_text_view (self->text_view);
  gboolean ok;

  readout_source_set_call_id (source, self->call_id);
  readout_source_set_publisher (source, publisher);
  readout_source_set_kind (source, adw_combo_row_get_selected (self->kind_row));
  readout_source_set_side (source, readout_edit_countries_get_code (self->sides,
                                                                    gtk_drop_down_get_selected (self->side_dropdown)));
  readout_source_set_date (source, date);
  readout_source_set_title (source, title);
  readout_source_set_url (source, url);
  readout_source_set_text (source, text);

  if (self->source != NULL)
    {
      readout_source_set_id (source, readout_source_get_id (self->source));
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
  g_clear_object (&self->sides);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-source-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, url_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, source_error);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceForm, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
readout_source_form_init (ReadoutSourceForm *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of the enum, so that a row's position is the value. */
  for (int kind = READOUT_SOURCE_KIND_READOUT; kind <= READOUT_SOURCE_KIND_SOCIAL_POST; kind++)
    gtk_string_list_append (kinds, readout_format_source_kind (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->sides = readout_edit_countries_new (_("Independent press"));
  readout_edit_setup_country_dropdown (self->side_dropdown, self->sides);
}

ReadoutSourceForm *
readout_source_form_new (ReadoutUndoStack *undo_stack,
                         ReadoutSource    *source,
                         gint64            call_id)
{
  ReadoutSourceForm *self;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (source == NULL || READOUT_IS_SOURCE (source), NULL);
  g_return_val_if_fail (source != NULL || call_id > 0, NULL);

  self = g_object_new (READOUT_TYPE_SOURCE_FORM, "undo-stack", undo_stack, NULL);
  self->call_id = source != NULL ? readout_source_get_call_id (source) : call_id;

  if (source != NULL)
    {
      self->source = g_object_ref (source);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Source"));
      readout_edit_set_text (GTK_EDITABLE (self->publisher_row), readout_source_get_publisher (source));
      adw_combo_row_set_selected (self->kind_row, readout_source_get_kind (source));
      gtk_drop_down_set_selected (self->side_dropdown,
                                  readout_edit_countries_find (self->sides, readout_source_get_side (source)));
      readout_edit_set_text (GTK_EDITABLE (self->date_row), readout_source_get_date (source));
      readout_edit_set_text (GTK_EDITABLE (self->title_row), readout_source_get_title (source));
      readout_edit_set_text (GTK_EDITABLE (self->url_row), readout_source_get_url (source));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                readout_source_get_text (source) != NULL ? readout_source_get_text (source) : "", -1);
    }

  self->ready = TRUE;
  validate (self);
  return self;
}

gint64
readout_source_form_get_source_id (ReadoutSourceForm *self)
{
  g_return_val_if_fail (READOUT_IS_SOURCE_FORM (self), 0);

  return self->source_id;
}

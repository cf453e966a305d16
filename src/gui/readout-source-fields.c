// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-source-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-edit-util.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-source-fields.h"

struct _ReadoutSourceFields
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *publisher_row;
  AdwComboRow         *kind_row;
  GtkDropDown         *side_dropdown;
  GtkWidget           *date_row;
  GtkWidget           *title_row;
  GtkWidget           *url_row;
  GtkWidget           *error_label;

  GListModel          *sides;
  gboolean             filling;
  gboolean             touched;       /* the user typed: a missing publisher may be said */
  gboolean             kind_chosen;   /* the user picked a kind: it no longer follows the side */
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ReadoutSourceFields, readout_source_fields, ADW_TYPE_PREFERENCES_GROUP)

static void
on_changed_cb (ReadoutSourceFields *self)
{
  if (self->filling)
    return;
  self->touched = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_kind_changed_cb (ReadoutSourceFields *self)
{
  if (self->filling)
    return;
  self->kind_chosen = TRUE;
  on_changed_cb (self);
}

/* A country's own text is most often its official readout; the independent press
 * writes news reports. */
static void
on_side_changed_cb (ReadoutSourceFields *self)
{
  if (self->filling)
    return;
  if (!self->kind_chosen)
    {
      const char *side = readout_edit_countries_get_code (self->sides,
                                                          gtk_drop_down_get_selected (self->side_dropdown));

      self->filling = TRUE;
      adw_combo_row_set_selected (self->kind_row, side != NULL ? READOUT_SOURCE_KIND_READOUT
                                                               : READOUT_SOURCE_KIND_NEWS_REPORT);
      self->filling = FALSE;
    }
  on_changed_cb (self);
}

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

gboolean
readout_source_fields_validate (ReadoutSourceFields  *self,
                                gboolean              require_publisher,
                                GError              **error)
{
  g_autofree char *publisher = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date_message = NULL;
  g_autofree char *url_message = NULL;
  const char *publisher_message = NULL;
  const char *message;

  g_return_val_if_fail (READOUT_IS_SOURCE_FIELDS (self), FALSE);

  publisher = readout_edit_dup_text (GTK_EDITABLE (self->publisher_row));
  date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  url = readout_edit_dup_text (GTK_EDITABLE (self->url_row));
  date_message = readout_edit_check_date (date, FALSE, NULL);
  url_message = check_url (url);

  /* A new, empty form does not scold before the user has typed anything. */
  if (require_publisher && publisher == NULL && self->touched)
    publisher_message = _("Say who published the source: a government, an agency, a newspaper.");

  readout_edit_set_field_error (self->publisher_row, NULL, publisher_message);
  readout_edit_set_field_error (self->date_row, NULL, date_message);
  readout_edit_set_field_error (self->url_row, NULL, url_message);
  message = publisher_message != NULL ? publisher_message :
            date_message != NULL ? date_message : url_message;
  readout_edit_set_field_error (NULL, self->error_label, message);
  if (message != NULL)
    g_set_error_literal (error, READOUT_ERROR, READOUT_ERROR_INVALID, message);

  return (!require_publisher || publisher != NULL) && date_message == NULL && url_message == NULL;
}

void
readout_source_fields_set_source (ReadoutSourceFields *self,
                                  ReadoutSource       *source)
{
  g_return_if_fail (READOUT_IS_SOURCE_FIELDS (self));
  g_return_if_fail (READOUT_IS_SOURCE (source));

  self->filling = TRUE;
  readout_edit_set_text (GTK_EDITABLE (self->publisher_row), readout_source_get_publisher (source));
  adw_combo_row_set_selected (self->kind_row, readout_source_get_kind (source));
  gtk_drop_down_set_selected (self->side_dropdown,
                              readout_edit_countries_find (self->sides, readout_source_get_side (source)));
  readout_edit_set_text (GTK_EDITABLE (self->date_row), readout_source_get_date (source));
  readout_edit_set_text (GTK_EDITABLE (self->title_row), readout_source_get_title (source));
  readout_edit_set_text (GTK_EDITABLE (self->url_row), readout_source_get_url (source));
  self->filling = FALSE;
  /* A kind that was stored or found in the text is the user's to change, not the side's. */
  self->kind_chosen = TRUE;
}

void
readout_source_fields_apply (ReadoutSourceFields *self,
                             ReadoutSource       *source)
{
  g_autofree char *publisher = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (READOUT_IS_SOURCE_FIELDS (self));
  g_return_if_fail (READOUT_IS_SOURCE (source));

  publisher = readout_edit_dup_text (GTK_EDITABLE (self->publisher_row));
  date = readout_edit_dup_text (GTK_EDITABLE (self->date_row));
  title = readout_edit_dup_text (GTK_EDITABLE (self->title_row));
  url = readout_edit_dup_text (GTK_EDITABLE (self->url_row));

  readout_source_set_publisher (source, publisher);
  readout_source_set_kind (source, adw_combo_row_get_selected (self->kind_row));
  readout_source_set_side (source, readout_edit_countries_get_code (self->sides,
                                                                    gtk_drop_down_get_selected (self->side_dropdown)));
  readout_source_set_date (source, date);
  readout_source_set_title (source, title);
  readout_source_set_url (source, url);
}

static void
readout_source_fields_dispose (GObject *object)
{
  ReadoutSourceFields *self = READOUT_SOURCE_FIELDS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_SOURCE_FIELDS);
  g_clear_object (&self->sides);

  G_OBJECT_CLASS (readout_source_fields_parent_class)->dispose (object);
}

static void
readout_source_fields_class_init (ReadoutSourceFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_source_fields_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/readout-source-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, date_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, url_row);
  gtk_widget_class_bind_template_child (widget_class, ReadoutSourceFields, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_side_changed_cb);
}

static void
readout_source_fields_init (ReadoutSourceFields *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  /* In the order of the enum, so that a row's position is the value. */
  for (int kind = READOUT_SOURCE_KIND_READOUT; kind <= READOUT_SOURCE_KIND_SOCIAL_POST; kind++)
    gtk_string_list_append (kinds, readout_format_source_kind (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->sides = readout_edit_countries_new (_("Independent press"));
  readout_edit_setup_country_dropdown (self->side_dropdown, self->sides);
  /* A new source is the independent press's until a side is chosen: a news report. */
  adw_combo_row_set_selected (self->kind_row, READOUT_SOURCE_KIND_NEWS_REPORT);
  self->filling = FALSE;
}

GtkWidget *
readout_source_fields_new (void)
{
  return g_object_new (READOUT_TYPE_SOURCE_FIELDS, NULL);
}

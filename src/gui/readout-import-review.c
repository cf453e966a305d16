// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-import-review"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-error.h"
#include "readout-format.h"
#include "readout-gui-util.h"
#include "readout-import-call-editor.h"
#include "readout-import-review.h"
#include "readout-import-task.h"
#include "readout-source-fields.h"

struct _ReadoutImportReview
{
  AdwBin               parent_instance;

  AdwFlap             *flap;
  GtkFlowBox          *legend;
  GtkTextView         *text_view;
  GtkToggleButton     *text_toggle;
  GtkLabel            *notice_label;
  ReadoutSourceFields *source_fields;
  GtkBox              *calls_box;

  ReadoutImporter     *importer;
  ReadoutStore        *store;
  ReadoutExtraction   *extraction;
  GPtrArray           *editors;   /* borrowed: calls_box holds them */
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (ReadoutImportReview, readout_import_review, ADW_TYPE_BIN)

/* The highlights, strongest last: a participant inside a statement shows as a participant. */
static const struct {
  ReadoutImportSpanKind  kind;
  const char            *tag;
  const char            *legend;
} span_tags[] = {
  { READOUT_IMPORT_SPAN_STATEMENT, "statement", N_("Statement") },
  { READOUT_IMPORT_SPAN_CALL, "call", N_("The call") },
  { READOUT_IMPORT_SPAN_PARTICIPANT, "participant", N_("Participant") },
  { READOUT_IMPORT_SPAN_DATE, "date", N_("Date") },
  { READOUT_IMPORT_SPAN_DURATION, "duration", N_("Duration") },
};

static void
create_tags (ReadoutImportReview *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* Told apart by shape as well as colour: statements are shaded, the call sentence is
   * underlined, participants are bold, dates and durations are marked. */
  gtk_text_buffer_create_tag (buffer, "statement",
                              "background", dark ? "rgba(120,174,237,0.16)" : "rgba(53,132,228,0.12)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "call",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "participant",
                              "weight", PANGO_WEIGHT_BOLD,
                              "foreground", dark ? "#99c1f1" : "#1a5fb4",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "date",
                              "background", dark ? "rgba(229,165,10,0.35)" : "rgba(246,211,45,0.5)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "duration",
                              "background", dark ? "rgba(38,162,105,0.4)" : "rgba(143,240,164,0.6)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "shown",
                              "paragraph-background", dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.04)",
                              NULL);

  for (guint i = 0; i < G_N_ELEMENTS (span_tags); i++)
    {
      GtkWidget *label = readout_gui_label_new (_(span_tags[i].legend), "caption", NULL);
      g_autofree char *css = g_strconcat ("legend-", span_tags[i].tag, NULL);

      gtk_widget_add_css_class (label, css);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_flow_box_append (self->legend, label);
      gtk_widget_set_can_focus (gtk_widget_get_parent (label), FALSE);
    }
}

static void
get_iter_at_byte (GtkTextBuffer *buffer,
                  const char    *text,
                  gsize          byte,
                  GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter, g_utf8_pointer_to_offset (text, text + byte));
}

static void
apply_highlights (ReadoutImportReview *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->extraction->text != NULL ? self->extraction->text : "";
  g_autoptr(GArray) spans = readout_import_find_spans (self->extraction);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (span_tags); i++)
    gtk_text_buffer_remove_tag_by_name (buffer, span_tags[i].tag, &start, &end);

  for (guint i = 0; i < spans->len; i++)
    {
      ReadoutImportSpan *span = &g_array_index (spans, ReadoutImportSpan, i);

      for (guint k = 0; k < G_N_ELEMENTS (span_tags); k++)
        if (span_tags[k].kind == span->kind)
          {
            get_iter_at_byte (buffer, text, span->start, &start);
            get_iter_at_byte (buffer, text, span->end, &end);
            gtk_text_buffer_apply_tag_by_name (buffer, span_tags[k].tag, &start, &end);
          }
    }
}

static void
on_spans_changed_cb (ReadoutImportReview *self)
{
  apply_highlights (self);
}

static void
on_show_span_cb (ReadoutImportReview *self,
                 guint64              start_byte,
                 guint64              end_byte)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->extraction->text != NULL ? self->extraction->text : "";
  gsize length = strlen (text);
  GtkTextIter start, end;

  if (end_byte <= start_byte || end_byte > length)
    return;

  get_iter_at_byte (buffer, text, start_byte, &start);
  get_iter_at_byte (buffer, text, end_byte, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, TRUE, 0.0, 0.2);
}

static void
update_notice (ReadoutImportReview *self)
{
  gboolean duplicate = readout_import_review_is_duplicate (self);

  gtk_label_set_text (self->notice_label,
                      _("This text is already a source of the call it reports: importing it again adds nothing."));
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), duplicate);
}

/* Participants or a date changed: the text may now report another stored call. */
static void
on_call_changed_cb (ReadoutImportReview *self)
{
  readout_importer_match (self->importer, self->extraction);
  for (guint i = 0; i < self->editors->len; i++)
    {
      ReadoutImportCallEditor *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GPtrArray) candidates = readout_importer_list_candidates (self->importer,
                                                                          readout_import_call_editor_get_call (editor));

      readout_import_call_editor_set_candidates (editor, candidates);
      readout_import_call_editor_update_match (editor);
    }
  update_notice (self);
  apply_highlights (self);
}

void
readout_import_review_update_dates (ReadoutImportReview *self)
{
  g_return_if_fail (READOUT_IS_IMPORT_REVIEW (self));

  for (guint i = 0; i < self->editors->len; i++)
    readout_import_call_editor_update_date (g_ptr_array_index (self->editors, i));
  /* A new date: the text may now report a stored call, or no longer. */
  on_call_changed_cb (self);
}

static void
on_folded_changed_cb (ReadoutImportReview *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->text_toggle), adw_flap_get_folded (self->flap));
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The review's source fields are the Add Source form's: what is typed goes into the
 * extraction as it would into a stored source. A date that does not parse is marked and
 * keeps the last good one. */
static void
on_source_changed_cb (ReadoutImportReview *self)
{
  ReadoutExtraction *e = self->extraction;
  g_autoptr(ReadoutSource) source = readout_source_new ();
  const char *published;
  ReadoutDatePrecision precision;
  GDate date;

  if (self->filling)
    return;

  readout_source_fields_apply (self->source_fields, source);
  replace_string (&e->publisher, readout_source_get_publisher (source));
  replace_string (&e->side, readout_source_get_side (source));
  replace_string (&e->title, readout_source_get_title (source));
  replace_string (&e->url, readout_source_get_url (source));
  e->kind = readout_source_get_kind (source);

  published = readout_source_get_date (source);
  g_date_clear (&date, 1);
  if (published == NULL)
    g_clear_pointer (&e->published, g_free);
  else if (readout_parse_iso_date (published, &precision, &date))
    {
      replace_string (&e->published, published);
      e->published_precision = precision;
    }
  readout_source_fields_validate (self->source_fields, FALSE, NULL);
}

/* The extraction's source facts, as a source for the fields to show. */
static ReadoutSource *
extraction_source (ReadoutExtraction *e)
{
  ReadoutSource *source = readout_source_new ();

  readout_source_set_publisher (source, e->publisher);
  readout_source_set_kind (source, e->kind);
  readout_source_set_side (source, e->side);
  readout_source_set_date (source, e->published);
  readout_source_set_title (source, e->title);
  readout_source_set_url (source, e->url);
  return source;
}

static void
fill (ReadoutImportReview *self)
{
  ReadoutExtraction *e = self->extraction;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  self->filling = TRUE;

  /* The text is data: inserted as it is, never parsed as markup. */
  gtk_text_buffer_set_text (buffer, e->text != NULL ? e->text : "", -1);
  apply_highlights (self);

  {
    g_autoptr(ReadoutSource) source = extraction_source (e);

    readout_source_fields_set_source (self->source_fields, source);
  }

  for (guint i = 0; i < e->calls->len; i++)
    {
      GtkWidget *editor = readout_import_call_editor_new (self->store, g_ptr_array_index (e->calls, i),
                                                          i, e->calls->len);
      g_autoptr(GPtrArray) candidates = readout_importer_list_candidates (self->importer,
                                                                          g_ptr_array_index (e->calls, i));

      readout_import_call_editor_set_candidates (READOUT_IMPORT_CALL_EDITOR (editor), candidates);

      g_signal_connect_object (editor, "changed", G_CALLBACK (on_call_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "spans-changed", G_CALLBACK (on_spans_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "show-span", G_CALLBACK (on_show_span_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->calls_box, editor);
      g_ptr_array_add (self->editors, editor);
    }

  update_notice (self);
  self->filling = FALSE;
}

ReadoutExtraction *
readout_import_review_get_extraction (ReadoutImportReview *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_REVIEW (self), NULL);

  return self->extraction;
}

GPtrArray *
readout_import_review_dup_included_calls (ReadoutImportReview *self)
{
  GPtrArray *calls;

  g_return_val_if_fail (READOUT_IS_IMPORT_REVIEW (self), NULL);

  calls = g_ptr_array_new ();
  for (guint i = 0; i < self->editors->len; i++)
    {
      ReadoutImportCallEditor *editor = g_ptr_array_index (self->editors, i);

      if (readout_import_call_editor_get_included (editor))
        g_ptr_array_add (calls, readout_import_call_editor_get_call (editor));
    }
  return calls;
}

gboolean
readout_import_review_is_duplicate (ReadoutImportReview *self)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_REVIEW (self), FALSE);

  return readout_importer_is_duplicate (self->importer, self->extraction);
}

gboolean
readout_import_review_validate (ReadoutImportReview  *self,
                                GError              **error)
{
  g_return_val_if_fail (READOUT_IS_IMPORT_REVIEW (self), FALSE);

  if (!readout_source_fields_validate (self->source_fields, FALSE, error))
    return FALSE;

  for (guint i = 0; i < self->editors->len; i++)
    if (!readout_import_call_editor_validate (g_ptr_array_index (self->editors, i), error))
      return FALSE;
  return TRUE;
}

/* GObject */

static void
readout_import_review_dispose (GObject *object)
{
  ReadoutImportReview *self = READOUT_IMPORT_REVIEW (object);

  /* The editors point into the extraction: they go first. The bin's child is a
   * template child too: unparented once, here. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_IMPORT_REVIEW);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->extraction, readout_extraction_free);
  g_clear_object (&self->importer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (readout_import_review_parent_class)->dispose (object);
}

static void
readout_import_review_class_init (ReadoutImportReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_import_review_dispose;

  g_type_ensure (READOUT_TYPE_SOURCE_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/readout/Readout/readout-import-review.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, flap);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, legend);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, text_view);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, text_toggle);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, notice_label);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, source_fields);
  gtk_widget_class_bind_template_child (widget_class, ReadoutImportReview, calls_box);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed_cb);
}

static void
readout_import_review_init (ReadoutImportReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_ptr_array_new ();
  create_tags (self);
}

GtkWidget *
readout_import_review_new (ReadoutImporter   *importer,
                           ReadoutStore      *store,
                           ReadoutExtraction *extraction)
{
  ReadoutImportReview *self;

  g_return_val_if_fail (READOUT_IS_IMPORTER (importer), NULL);
  g_return_val_if_fail (extraction != NULL, NULL);

  self = g_object_new (READOUT_TYPE_IMPORT_REVIEW, NULL);
  self->importer = g_object_ref (importer);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->extraction = extraction;
  fill (self);
  return GTK_WIDGET (self);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-compare-row"

#include "config.h"

#include <glib/gi18n.h>

#include "readout-compare-layout.h"
#include "readout-compare-row.h"
#include "readout-format.h"
#include "readout-gui-util.h"
#include "readout-source.h"
#include "readout-display-names.h"

struct _ReadoutCompareRow
{
  GtkWidget                parent_instance;

  char                    *topic;
  char                    *status_text;
  ReadoutComparisonStatus  status;
};

G_DEFINE_FINAL_TYPE (ReadoutCompareRow, readout_compare_row, GTK_TYPE_WIDGET)

static const char *
status_icon (ReadoutComparisonStatus status)
{
  switch (status)
    {
    case READOUT_COMPARISON_STATUS_A_ONLY:
      return "sidebar-show-symbolic";
    case READOUT_COMPARISON_STATUS_B_ONLY:
      return "sidebar-show-right-symbolic";
    case READOUT_COMPARISON_STATUS_BOTH:
    default:
      return "view-dual-symbolic";
    }
}

static GtkWidget *
create_header (ReadoutCompareRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *topic_label = readout_gui_label_new (self->topic, "title-4", NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (self->status));
  GtkWidget *status_label = readout_gui_label_new (self->status_text, "caption-heading", NULL);

  gtk_label_set_wrap (GTK_LABEL (topic_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (topic_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (topic_label, TRUE);
  gtk_widget_set_valign (status_box, GTK_ALIGN_CENTER);
  /* The icon repeats the words; a screen reader needs only the words. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (status_box), icon);
  gtk_box_append (GTK_BOX (status_box), status_label);
  gtk_widget_add_css_class (status_box, "compare-status");
  gtk_widget_add_css_class (status_box,
                            self->status == READOUT_COMPARISON_STATUS_BOTH ? "both" :
                            self->status == READOUT_COMPARISON_STATUS_A_ONLY ? "a-only" : "b-only");
  gtk_box_append (GTK_BOX (header), topic_label);
  gtk_box_append (GTK_BOX (header), status_box);
  gtk_widget_add_css_class (header, "compare-row-header");

  return header;
}

/* Opening, the popover would give the focus to its first selectable label, which then
 * shows all its text selected: give it to Show in Call instead. */
static void
on_source_popover_mapped_cb (GtkWidget *show_button)
{
  gtk_widget_grab_focus (show_button);
}

static GtkWidget *
create_source_popover (ReadoutSource    *source,
                       ReadoutStatement *statement)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *title = readout_source_get_title (source);
  const char *publisher = readout_source_get_publisher (source);
  const char *url = readout_source_get_url (source);
  g_autofree char *date = readout_gui_format_short_date (readout_source_get_date (source),
                                                         READOUT_DATE_PRECISION_DAY);
  g_autoptr(GString) meta = g_string_new (publisher != NULL && *publisher != '\0' ? publisher : _("Unknown publisher"));
  GtkWidget *label;
  GtkWidget *show_button;

  g_string_append (meta, _(" · "));
  g_string_append (meta, readout_format_source_kind (readout_source_get_kind (source)));
  if (date != NULL)
    {
      g_string_append (meta, _(" · "));
      g_string_append (meta, date);
    }

  gtk_widget_set_size_request (box, 260, -1);
  if (title != NULL && *title != '\0')
    {
      label = readout_gui_label_new (title, "heading", NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  label = readout_gui_label_new (meta->str, "dim-label", NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);

  if (url != NULL && *url != '\0')
    {
      label = readout_gui_label_new (url, "caption", NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  show_button = gtk_button_new_with_mnemonic (_("_Show in Call"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_button), "compare.show-statement");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (show_button),
                                          g_variant_new_int64 (readout_statement_get_id (statement)));
  gtk_widget_set_margin_top (show_button, 6);
  gtk_box_append (GTK_BOX (box), show_button);

  if (url != NULL && *url != '\0')
    {
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Open Source"));

      gtk_widget_set_tooltip_text (link, url);
      gtk_box_append (GTK_BOX (box), link);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "map", G_CALLBACK (on_source_popover_mapped_cb), show_button,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return popover;
}

static GtkWidget *
create_source_button (ReadoutSource    *source,
                      ReadoutStatement *statement)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *publisher = readout_source_get_publisher (source);
  g_autofree char *date = readout_gui_format_short_date (readout_source_get_date (source),
                                                         READOUT_DATE_PRECISION_DAY);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  if (publisher == NULL || *publisher == '\0')
    publisher = _("Unknown publisher");
  if (date != NULL)
    /* Translators: a statement's source under it, "White House, 21 Nov 2017" */
    text = g_strdup_printf (_("%s, %s"), publisher, date);
  else
    text = g_strdup (publisher);

  label = readout_gui_label_new (text, "source-label", NULL);
  /* A long publisher gives way in its middle: the date at the end is what tells two
   * sources of one publisher apart. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("emblem-documents-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), create_source_popover (source, statement));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "source-button");
  /* Translators: the tooltip of a statement's source button */
  tooltip = g_strdup_printf (_("Source: %s"), text);
  gtk_widget_set_tooltip_text (button, tooltip);

  return button;
}

/* The statement's text as a label, with the words of @pair that only this side used
 * marked by more than colour: underlined on side A, bold on side B. */
static GtkWidget *
create_text_label (ReadoutStatement            *statement,
                   ReadoutComparisonSide        side,
                   const ReadoutComparisonPair *pair,
                   const ReadoutCompareColors  *colors)
{
  const char *text = readout_statement_get_text (statement);
  gboolean quote = readout_statement_get_kind (statement) == READOUT_STATEMENT_KIND_QUOTE;
  g_autofree char *shown = NULL;
  gsize offset = 0;
  GtkWidget *label;

  if (quote)
    {
      /* Translators: a quotation, in the quotation marks of your language */
      const char *quote_format = _("“%s”");
      const char *placeholder = strstr (quote_format, "%s");

      /* The diff's byte ranges are into the bare text: they move by the opening mark. */
      offset = placeholder != NULL ? (gsize) (placeholder - quote_format) : 0;
      shown = placeholder != NULL ? g_strdup_printf (_("“%s”"), text) : g_strdup (text);
    }
  else
    shown = g_strdup (text);

  label = readout_gui_label_new (shown, quote ? "quote" : "paraphrase", NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "statement-text");

  if (pair != NULL && pair->diff != NULL)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      ReadoutWordDiffOp own = side == READOUT_COMPARISON_SIDE_A ? READOUT_WORD_DIFF_ONLY_A : READOUT_WORD_DIFF_ONLY_B;
      const GdkRGBA *color = side == READOUT_COMPARISON_SIDE_A ? &colors->only_a : &colors->only_b;
      gsize length = strlen (text);

      for (guint i = 0; i < pair->diff->len; i++)
        {
          const ReadoutWordDiffSpan *span = &g_array_index (pair->diff, ReadoutWordDiffSpan, i);
          gsize start = side == READOUT_COMPARISON_SIDE_A ? span->a_start : span->b_start;
          gsize end = side == READOUT_COMPARISON_SIDE_A ? span->a_end : span->b_end;
          PangoAttribute *attr;

          if (span->op != own || end <= start || end > length)
            continue;

          start += offset;
          end += offset;

          attr = pango_attr_background_new (color->red * 65535, color->green * 65535, color->blue * 65535);
          attr->start_index = start;
          attr->end_index = end;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_background_alpha_new (MAX (1, color->alpha * 65535));
          attr->start_index = start;
          attr->end_index = end;
          pango_attr_list_insert (attrs, attr);

          if (side == READOUT_COMPARISON_SIDE_A)
            attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
          else
            attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          attr->start_index = start;
          attr->end_index = end;
          pango_attr_list_insert (attrs, attr);
        }

      gtk_label_set_attributes (GTK_LABEL (label), attrs);
    }

  return label;
}

static GtkWidget *
create_statement_widget (ReadoutComparison           *comparison,
                         guint                        row,
                         ReadoutStatement            *statement,
                         ReadoutComparisonSide        side,
                         const ReadoutComparisonPair *pair,
                         GHashTable                  *sources,
                         const ReadoutCompareColors  *colors)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *speaker = readout_statement_get_speaker (statement);
  const char *label = readout_comparison_get_label (comparison, side);
  gint64 source_id = readout_statement_get_source_id (statement);
  ReadoutSource *source = sources != NULL ? g_hash_table_lookup (sources, &source_id) : NULL;
  g_autofree char *who = NULL;
  GtkWidget *who_label;
  g_auto(GStrv) tags = readout_comparison_dup_statement_tags (comparison, row, statement);

  /* The side is named on each statement, for the narrow window where the columns
   * stack and no longer say whose they are by their place. */
  if (speaker != NULL && *speaker != '\0')
    /* Translators: the side and the speaker of a statement, "Russia · the Kremlin" */
    who = g_strdup_printf (_("%s · %s"), label, speaker);
  else
    who = g_strdup (label);

  who_label = readout_gui_label_new (who, "caption-heading", NULL);
  gtk_label_set_wrap (GTK_LABEL (who_label), TRUE);
  gtk_box_append (GTK_BOX (box), who_label);
  gtk_box_append (GTK_BOX (box), create_text_label (statement, side, pair, colors));

  /* The statement's other topics: it is shown once, under its main topic. */
  if (tags[0] != NULL)
    {
      GtkWidget *tags_box = readout_gui_tags_box_new (4);

      gtk_widget_add_css_class (tags_box, "compare-tags");
      readout_gui_fill_topics (tags_box, (const char * const *) tags, NULL);
      gtk_box_append (GTK_BOX (box), tags_box);
    }

  if (source != NULL)
    gtk_box_append (GTK_BOX (box), create_source_button (source, statement));

  gtk_widget_add_css_class (box, "compare-statement");
  gtk_widget_add_css_class (box, side == READOUT_COMPARISON_SIDE_A ? "side-a" : "side-b");
  return box;
}

/* An empty place in a column: nothing to show across from an unpaired sentence. */
static GtkWidget *
create_gap (void)
{
  GtkWidget *gap = gtk_label_new (NULL);

  gtk_widget_set_visible (gap, FALSE);
  return gap;
}

static void
append_line (ReadoutCompareRow *self,
             GtkWidget         *a,
             GtkWidget         *b)
{
  gtk_widget_set_parent (a != NULL ? a : create_gap (), GTK_WIDGET (self));
  gtk_widget_set_parent (b != NULL ? b : create_gap (), GTK_WIDGET (self));
}

/* Appends to @box the side's references: statements shown under another topic that also
 * have this one, each as a dimmed line naming that topic and quoting the first words.
 * Returns whether there were any. */
static gboolean
append_references (GtkWidget             *box,
                   ReadoutComparison     *comparison,
                   guint                  row,
                   ReadoutComparisonSide  side)
{
  GPtrArray *references = readout_comparison_get_row_references (comparison, row, side);

  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      g_autofree char *reference = readout_comparison_dup_reference_text (comparison, row, side, i);
      /* Named by side like the statements, for the narrow window where the columns stack. */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), readout_comparison_get_label (comparison, side),
                                               reference);
      GtkWidget *label = readout_gui_label_new (text, "dim-label", NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "compare-reference");
      gtk_widget_add_css_class (label, side == READOUT_COMPARISON_SIDE_A ? "side-a" : "side-b");
      gtk_box_append (GTK_BOX (box), label);
    }
  return references != NULL && references->len > 0;
}

static GtkWidget *
create_references_cell (ReadoutComparison     *comparison,
                        guint                  row,
                        ReadoutComparisonSide  side)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (append_references (cell, comparison, row, side))
    return cell;
  g_object_ref_sink (cell);
  g_object_unref (cell);
  return NULL;
}

/* A side with no statement of its own in the row: all of the other side's statements go
 * in one cell (there is nothing to keep them level with), across from where the silent
 * side mentioned the topic under another one, or a sentence saying it did not. */
static void
append_one_sided (ReadoutCompareRow          *self,
                  ReadoutComparison          *comparison,
                  guint                       row,
                  ReadoutComparisonSide       side,
                  GHashTable                 *sources,
                  const ReadoutCompareColors *colors)
{
  GPtrArray *statements = readout_comparison_get_row_statements (comparison, row, side);
  ReadoutComparisonSide silent = side == READOUT_COMPARISON_SIDE_A ? READOUT_COMPARISON_SIDE_B : READOUT_COMPARISON_SIDE_A;
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *other = create_references_cell (comparison, row, silent);

  for (guint i = 0; statements != NULL && i < statements->len; i++)
    gtk_box_append (GTK_BOX (cell),
                    create_statement_widget (comparison, row, g_ptr_array_index (statements, i),
                                             side, NULL, sources, colors));
  append_references (cell, comparison, row, side);

  if (other == NULL)
    {
      g_autofree char *absent = NULL;

      /* Translators: in the column of a side that did not mention a row's topic, "Russia did not mention this." */
      absent = g_strdup_printf (_("%s did not mention this."), readout_comparison_get_label (comparison, silent));
      other = readout_gui_label_new (absent, "dim-label", NULL);
      gtk_label_set_wrap (GTK_LABEL (other), TRUE);
      gtk_widget_add_css_class (other, "compare-absent");
    }
  gtk_widget_set_valign (other, GTK_ALIGN_START);

  if (side == READOUT_COMPARISON_SIDE_A)
    append_line (self, cell, other);
  else
    append_line (self, other, cell);
}

/* Both sides: a line per statement of A, beside the statement of B it is paired with;
 * an A statement that pairs with none sits beside the next B statement that pairs with
 * none, so the row starts level rather than as a staircase; then what is left of B. */
static void
append_paired (ReadoutCompareRow          *self,
               ReadoutComparison          *comparison,
               guint                       row,
               GHashTable                 *sources,
               const ReadoutCompareColors *colors)
{
  GPtrArray *statements_a = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_A);
  GPtrArray *statements_b = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_B);
  guint n_a = statements_a != NULL ? statements_a->len : 0;
  guint n_b = statements_b != NULL ? statements_b->len : 0;
  guint next_unpaired_b = 0;

  for (guint i = 0; i < n_a; i++)
    {
      const ReadoutComparisonPair *pair = readout_comparison_find_pair (comparison, row, READOUT_COMPARISON_SIDE_A, i);
      GtkWidget *a = create_statement_widget (comparison, row, g_ptr_array_index (statements_a, i),
                                              READOUT_COMPARISON_SIDE_A, pair, sources, colors);
      GtkWidget *b = NULL;

      if (pair != NULL && pair->index_b < n_b)
        b = create_statement_widget (comparison, row, g_ptr_array_index (statements_b, pair->index_b),
                                     READOUT_COMPARISON_SIDE_B, pair, sources, colors);
      else
        {
          while (next_unpaired_b < n_b &&
                 readout_comparison_find_pair (comparison, row, READOUT_COMPARISON_SIDE_B, next_unpaired_b) != NULL)
            next_unpaired_b++;
          if (next_unpaired_b < n_b)
            b = create_statement_widget (comparison, row, g_ptr_array_index (statements_b, next_unpaired_b++),
                                         READOUT_COMPARISON_SIDE_B, NULL, sources, colors);
        }
      append_line (self, a, b);
    }

  for (; next_unpaired_b < n_b; next_unpaired_b++)
    if (readout_comparison_find_pair (comparison, row, READOUT_COMPARISON_SIDE_B, next_unpaired_b) == NULL)
      append_line (self, NULL,
                   create_statement_widget (comparison, row, g_ptr_array_index (statements_b, next_unpaired_b),
                                            READOUT_COMPARISON_SIDE_B, NULL, sources, colors));
}

static void
readout_compare_row_dispose (GObject *object)
{
  ReadoutCompareRow *self = READOUT_COMPARE_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (readout_compare_row_parent_class)->dispose (object);
}

static void
readout_compare_row_finalize (GObject *object)
{
  ReadoutCompareRow *self = READOUT_COMPARE_ROW (object);

  g_free (self->topic);
  g_free (self->status_text);

  G_OBJECT_CLASS (readout_compare_row_parent_class)->finalize (object);
}

static void
readout_compare_row_class_init (ReadoutCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_compare_row_dispose;
  object_class->finalize = readout_compare_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, READOUT_TYPE_COMPARE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
readout_compare_row_init (ReadoutCompareRow *self)
{
}

GtkWidget *
readout_compare_row_new (ReadoutComparison          *comparison,
                         guint                       row,
                         GHashTable                 *sources,
                         const ReadoutCompareColors *colors)
{
  ReadoutCompareRow *self;
  guint n_a, n_b;

  g_return_val_if_fail (READOUT_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (row < readout_comparison_get_n_rows (comparison), NULL);
  g_return_val_if_fail (colors != NULL, NULL);

  self = g_object_new (READOUT_TYPE_COMPARE_ROW, NULL);
  self->status = readout_comparison_get_row_status (comparison, row);
  self->topic = g_strdup (readout_comparison_get_row_is_other (comparison, row)
                          ? _("Other")
                          : readout_display_topic (readout_comparison_get_row_topic (comparison, row)));

  self->status_text = readout_comparison_dup_status_text (comparison, row);

  gtk_widget_set_parent (create_header (self), GTK_WIDGET (self));

  n_a = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_A)->len;
  n_b = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_B)->len;
  /* A side with statements of its own in the row has no references there (see
   * readout_comparison_get_row_references()). */
  if (n_a > 0 && n_b > 0)
    append_paired (self, comparison, row, sources, colors);
  else
    append_one_sided (self, comparison, row,
                      n_a > 0 || (n_b == 0 && self->status != READOUT_COMPARISON_STATUS_B_ONLY)
                      ? READOUT_COMPARISON_SIDE_A : READOUT_COMPARISON_SIDE_B,
                      sources, colors);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->topic, -1);

  return GTK_WIDGET (self);
}

/* The summary */

static GtkWidget *
create_summary_item (const char           *caption,
                     const char           *text,
                     const GdkRGBA        *background,
                     ReadoutComparisonSide side)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = readout_gui_label_new (caption, "caption-heading", "dim-label", NULL);
  GtkWidget *text_label = readout_gui_label_new (text, "summary-text", NULL);

  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);

  /* Distinctive words look as the words only one side used look in the rows, which
   * makes them the legend of the rows' marks too. */
  if (background != NULL)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_background_new (background->red * 65535,
                                                                background->green * 65535,
                                                                background->blue * 65535));
      pango_attr_list_insert (attrs, pango_attr_background_alpha_new (MAX (1, background->alpha * 65535)));
      if (side == READOUT_COMPARISON_SIDE_A)
        pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
      else
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (text_label), attrs);
    }

  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), text_label);
  return box;
}

static char *
join_or (const char * const *items,
         const char         *none)
{
  if (items == NULL || items[0] == NULL)
    return g_strdup (none);
  /* Translators: the separator of a list of topics or words */
  return g_strjoinv (_(", "), (char **) items);
}

GtkWidget *
readout_compare_row_new_summary (ReadoutComparison          *comparison,
                                 const ReadoutCompareColors *colors)
{
  ReadoutCompareRow *self;
  GtkWidget *items[2][2];
  GtkWidget *title;

  g_return_val_if_fail (READOUT_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (colors != NULL, NULL);

  self = g_object_new (READOUT_TYPE_COMPARE_ROW, NULL);
  self->topic = g_strdup (_("Summary"));

  for (int s = 0; s < 2; s++)
    {
      ReadoutComparisonSide side = s == 0 ? READOUT_COMPARISON_SIDE_A : READOUT_COMPARISON_SIDE_B;
      const char *label = readout_comparison_get_label (comparison, side);
      const char * const *words = readout_comparison_get_distinctive_words (comparison, side);
      gboolean have_words = words != NULL && words[0] != NULL;
      g_autofree char *only_caption = NULL;
      g_autofree char *only_text = NULL;
      g_autofree char *words_caption = NULL;
      g_autofree char *words_text = NULL;

      /* Translators: a heading of the comparison's summary, "Only Russia mentioned" */
      only_caption = g_strdup_printf (_("Only %s mentioned"), label);
      /* Translators: a heading of the comparison's summary, "Words typical of Russia" */
      words_caption = g_strdup_printf (_("Words typical of %s"), label);

      if (readout_comparison_get_n_statements (comparison, side) == 0)
        {
          /* Translators: the summary of a side with no statements, "Russia said nothing on record about this call." */
          only_text = g_strdup_printf (_("%s said nothing on record about this call."), label);
          words_text = g_strdup (_("None"));
        }
      else
        {
          /* Translators: the separator of a list of topics or words */
          only_text = readout_display_join_topics (readout_comparison_get_only_topics (comparison, side), _(", "));
          if (only_text == NULL)
            only_text = g_strdup (_("Nothing"));
          words_text = join_or (words, _("None"));
        }

      items[0][s] = create_summary_item (only_caption, only_text, NULL, side);
      items[1][s] = create_summary_item (words_caption, words_text,
                                         have_words ? (side == READOUT_COMPARISON_SIDE_A ? &colors->only_a : &colors->only_b) : NULL,
                                         side);
    }

  title = readout_gui_label_new (self->topic, "title-4", NULL);
  gtk_widget_set_parent (title, GTK_WIDGET (self));
  for (int line = 0; line < 2; line++)
    for (int s = 0; s < 2; s++)
      gtk_widget_set_parent (items[line][s], GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "compare-summary");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->topic, -1);
  return GTK_WIDGET (self);
}

const char *
readout_compare_row_get_topic (ReadoutCompareRow *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_ROW (self), NULL);

  return self->topic;
}

ReadoutComparisonStatus
readout_compare_row_get_status (ReadoutCompareRow *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_ROW (self), READOUT_COMPARISON_STATUS_BOTH);

  return self->status;
}

const char *
readout_compare_row_get_status_text (ReadoutCompareRow *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_ROW (self), NULL);

  return self->status_text;
}

gboolean
readout_compare_row_get_stacked (ReadoutCompareRow *self)
{
  g_return_val_if_fail (READOUT_IS_COMPARE_ROW (self), FALSE);

  return readout_compare_layout_get_stacked (READOUT_COMPARE_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))));
}

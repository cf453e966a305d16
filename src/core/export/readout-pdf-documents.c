// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-pdf-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-display-names.h"
#include "readout-error.h"
#include "readout-format.h"
#include "readout-list-format.h"
#include "readout-pdf-layout-private.h"
#include "readout-store-timeline.h"

/* What goes on paper: the groups and bands of the three documents, a comparison, a
 * call with all of its sources, and a topic's history across calls. The pages are
 * measured, cut and drawn in readout-pdf-layout.c. */

/* ---------------------------------------------------------------------------------- */
/* Building the document                                                              */

static void
para_free (gpointer data)
{
  Para *para = data;

  g_free (para->text);
  g_free (para->link);
  g_clear_pointer (&para->attrs, pango_attr_list_unref);
  g_clear_object (&para->layout);
  g_free (para);
}

void
_readout_pdf_band_free (gpointer data)
{
  Band *band = data;

  if (band == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&band->cells[i].paras, g_ptr_array_unref);
      g_clear_pointer (&band->cells[i].breaks, g_array_unref);
    }
  g_free (band);
}

void
_readout_pdf_group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->bands);
  _readout_pdf_band_free (group->continuation);
  g_free (group);
}

static Band *
band_new (BandKind kind)
{
  Band *band = g_new0 (Band, 1);

  band->kind = kind;
  for (guint i = 0; i < 2; i++)
    {
      band->cells[i].paras = g_ptr_array_new_with_free_func (para_free);
      band->cells[i].breaks = g_array_new (FALSE, FALSE, sizeof (double));
    }
  return band;
}

/* Adds a paragraph; @text is copied, and made valid UTF-8 if it is not (Pango would
 * refuse it), in which case @attrs are dropped since their byte ranges no longer fit. */
static Para *
cell_add (Band          *band,
          guint          cell,
          Style          style,
          const char    *text,
          PangoAttrList *attrs)
{
  Para *para = g_new0 (Para, 1);

  para->style = style;
  para->alignment = PANGO_ALIGN_LEFT;
  if (text == NULL)
    text = "";
  if (g_utf8_validate (text, -1, NULL))
    {
      para->text = g_strdup (text);
      para->attrs = attrs != NULL ? pango_attr_list_ref (attrs) : NULL;
    }
  else
    para->text = g_utf8_make_valid (text, -1);
  if (band->cells[cell].paras->len > 0)
    para->space_before = style == STYLE_META ? 2.0 : 5.0;
  g_ptr_array_add (band->cells[cell].paras, para);
  return para;
}

static Group *
add_group (ReadoutPdfLayout *self)
{
  Group *group = g_new0 (Group, 1);

  group->bands = g_ptr_array_new_with_free_func (_readout_pdf_band_free);
  g_ptr_array_add (self->groups, group);
  return group;
}

static Band *
group_add_band (Group    *group,
                BandKind  kind)
{
  Band *band = band_new (kind);

  g_ptr_array_add (group->bands, band);
  return band;
}

static Band *
add_full (Group      *group,
          Style       style,
          const char *text)
{
  Band *band = group_add_band (group, BAND_FULL);

  cell_add (band, 0, style, text, NULL);
  return band;
}

/* A paragraph with one part emphasised by @attribute, e.g. a legend "underlined". */
static void
attrs_insert_range (PangoAttrList  *attrs,
                    PangoAttribute *attribute,
                    gsize           start,
                    gsize           end)
{
  attribute->start_index = (guint) start;
  attribute->end_index = (guint) end;
  pango_attr_list_insert (attrs, attribute);
}

/* The source list: one number per source, shown as [n] after each statement. */
typedef struct {
  ReadoutSource *source;
  guint          number;
} SourceRef;

static GPtrArray *
load_sources (ReadoutStore *store,
              gint64        call_id)
{
  g_autoptr(GListModel) model = readout_store_list_sources (store, call_id);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *sources = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sources, g_list_model_get_item (model, i));
  return sources;
}

static guint
source_number (GPtrArray *sources,
               gint64     source_id)
{
  for (guint i = 0; i < sources->len; i++)
    if (readout_source_get_id (g_ptr_array_index (sources, i)) == source_id)
      return i + 1;
  return 0;
}

static char *
join_strv (const char * const *strv,
           const char         *separator)
{
  if (strv == NULL || strv[0] == NULL)
    return NULL;
  return g_strjoinv (separator, (GStrv) strv);
}

/* The call header shared by both documents: title, date, duration, status, initiator. */
static void
add_call_header (ReadoutPdfLayout *self,
                 Group            *group,
                 ReadoutCall      *call,
                 const char       *heading)
{
  g_autofree char *names = readout_format_list (readout_call_get_participant_names (call));
  g_autofree char *date = readout_format_date (readout_call_get_date (call),
                                               readout_call_get_date_precision (call));
  g_autofree char *duration = readout_format_duration (readout_call_get_duration_minutes (call),
                                                       readout_call_get_duration_qualifier (call));
  g_autoptr(GString) facts = g_string_new (date);
  Band *band;

  /* Translators: the title of an exported call, e.g. "Call between Donald Trump and
   * Vladimir Putin" */
  self->title = g_strdup_printf (_("Call between %s, %s"), names, date);

  band = group_add_band (group, BAND_FULL);
  if (heading != NULL)
    cell_add (band, 0, STYLE_META, heading, NULL);
  {
    g_autofree char *title = g_strdup_printf (_("Call between %s"), names);
    cell_add (band, 0, STYLE_TITLE, title, NULL);
  }
  if (readout_call_get_time (call) != NULL)
    g_string_append_printf (facts, ", %s", readout_call_get_time (call));
  if (duration != NULL)
    g_string_append_printf (facts, " · %s", duration);
  g_string_append_printf (facts, " · %s", readout_format_call_status (readout_call_get_status (call)));
  if (readout_call_get_initiator_name (call) != NULL)
    {
      /* Translators: who placed the call, e.g. "Donald Trump called" */
      g_autofree char *initiator = g_strdup_printf (_("%s called"),
                                                    readout_call_get_initiator_name (call));
      g_string_append_printf (facts, " · %s", initiator);
    }
  cell_add (band, 0, STYLE_SUBTITLE, facts->str, NULL);
}

/* Statement text with the quote marks a quote deserves and the words of a word diff
 * marked; @attrs (out) gets the marks, shifted past the opening quote mark. */
static char *
statement_display_text (ReadoutStatement           *statement,
                        const ReadoutComparisonPair *pair,
                        ReadoutComparisonSide       side,
                        PangoAttrList             **attrs_out)
{
  const char *text = readout_statement_get_text (statement);
  gboolean quote = readout_statement_get_kind (statement) == READOUT_STATEMENT_KIND_QUOTE
                   && text != NULL && !g_str_has_prefix (text, "“") && text[0] != '"';
  const char *open = quote ? "“" : "";
  gsize shift = strlen (open);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (text == NULL)
    text = "";

  if (pair != NULL && pair->diff != NULL)
    for (guint i = 0; i < pair->diff->len; i++)
      {
        const ReadoutWordDiffSpan *span = &g_array_index (pair->diff, ReadoutWordDiffSpan, i);
        gsize len = strlen (text);

        if (side == READOUT_COMPARISON_SIDE_A && span->op == READOUT_WORD_DIFF_ONLY_A
            && span->a_end > span->a_start && span->a_end <= len)
          {
            /* Underline for side A and bold for side B survive a black-and-white
             * printout; the tint only helps on screen and in colour. */
            attrs_insert_range (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
                                span->a_start + shift, span->a_end + shift);
            attrs_insert_range (attrs, pango_attr_background_new (0xeaea, 0xdcdc, 0xf4f4),
                                span->a_start + shift, span->a_end + shift);
          }
        else if (side == READOUT_COMPARISON_SIDE_B && span->op == READOUT_WORD_DIFF_ONLY_B
                 && span->b_end > span->b_start && span->b_end <= len)
          {
            attrs_insert_range (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                                span->b_start + shift, span->b_end + shift);
            attrs_insert_range (attrs, pango_attr_background_new (0xffff, 0xe8e8, 0xd0d0),
                                span->b_start + shift, span->b_end + shift);
          }
      }

  *attrs_out = g_steal_pointer (&attrs);
  return g_strconcat (open, text, quote ? "”" : "", NULL);
}

/* "— Dmitry Peskov · Quote · TASS [3]", then "· Topics: Syria" when @topics_label is
 * given and @topics is not empty. */
static char *
statement_meta (ReadoutStatement   *statement,
                GPtrArray          *sources,
                const char         *topics_label,
                const char * const *topics)
{
  g_autoptr(GString) meta = g_string_new ("— ");
  const char *speaker = readout_statement_get_speaker (statement);
  const char *publisher = readout_statement_get_source_publisher (statement);
  guint number = source_number (sources, readout_statement_get_source_id (statement));

  if (speaker != NULL && speaker[0] != '\0')
    g_string_append_printf (meta, "%s · ", speaker);
  g_string_append (meta, readout_format_statement_kind (readout_statement_get_kind (statement)));
  if (publisher != NULL && publisher[0] != '\0')
    g_string_append_printf (meta, " · %s", publisher);
  if (number > 0)
    g_string_append_printf (meta, " [%u]", number);
  if (topics_label != NULL)
    {
      g_autofree char *joined = readout_display_join_topics (topics, ", ");

      if (joined != NULL)
        g_string_append_printf (meta, " · %s %s", topics_label, joined);
    }
  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static void
add_statement_cell (Band                        *band,
                    guint                        cell,
                    ReadoutStatement            *statement,
                    const ReadoutComparisonPair *pair,
                    ReadoutComparisonSide        side,
                    GPtrArray                   *sources,
                    const char                  *topics_label,
                    const char * const          *topics)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = statement_display_text (statement, pair, side, &attrs);
  g_autofree char *meta = statement_meta (statement, sources, topics_label, topics);

  cell_add (band, cell, STYLE_BODY, text, attrs);
  cell_add (band, cell, STYLE_META, meta, NULL);
}

/* The sources section: "[n] Publisher — Title", kind, side and date, URL; and for the
 * archive, the source's text. */
static void
add_sources (ReadoutPdfLayout *self,
             ReadoutStore     *store,
             GPtrArray        *sources,
             const gboolean   *wanted,
             gboolean          with_text)
{
  gboolean first = TRUE;

  for (guint i = 0; i < sources->len; i++)
    {
      ReadoutSource *source = g_ptr_array_index (sources, i);
      g_autofree char *heading = NULL;
      g_autofree char *side = NULL;
      g_autofree char *date = NULL;
      g_autoptr(GString) facts = NULL;
      Group *group;
      Band *band;

      if (wanted != NULL && !wanted[i])
        continue;

      group = add_group (self);
      if (first)
        {
          Band *heading_band = add_full (group, STYLE_HEADING, _("Sources"));

          heading_band->pad_top = 6.0;
          first = FALSE;
        }

      if (readout_source_get_title (source) != NULL && readout_source_get_title (source)[0] != '\0')
        heading = g_strdup_printf ("[%u] %s — %s", i + 1, readout_source_get_publisher (source),
                                   readout_source_get_title (source));
      else
        heading = g_strdup_printf ("[%u] %s", i + 1, readout_source_get_publisher (source));

      side = readout_format_side (store, readout_source_get_side (source));
      facts = g_string_new (readout_format_source_kind (readout_source_get_kind (source)));
      g_string_append_printf (facts, " · %s", side);
      if (readout_source_get_date (source) != NULL)
        {
          date = readout_format_date (readout_source_get_date (source), READOUT_DATE_PRECISION_DAY);
          g_string_append_printf (facts, " · %s", date);
        }

      band = group_add_band (group, BAND_FULL);
      cell_add (band, 0, STYLE_BODY, heading, NULL);
      cell_add (band, 0, STYLE_META, facts->str, NULL);
      if (readout_source_get_url (source) != NULL && readout_source_get_url (source)[0] != '\0')
        {
          Para *url = cell_add (band, 0, STYLE_META, readout_source_get_url (source), NULL);

          url->link = g_strdup (readout_source_get_url (source));
        }
      band->pad_bottom = 4.0;

      if (with_text && readout_source_get_text (source) != NULL
          && readout_source_get_text (source)[0] != '\0')
        {
          Band *text_band = group_add_band (group, BAND_FULL);
          g_auto(GStrv) paragraphs = g_strsplit (readout_source_get_text (source), "\n", -1);

          for (guint p = 0; paragraphs[p] != NULL; p++)
            {
              g_strstrip (paragraphs[p]);
              if (paragraphs[p][0] != '\0')
                cell_add (text_band, 0, STYLE_NOTE, paragraphs[p], NULL);
            }
          text_band->pad_bottom = 6.0;
        }
    }
}

static Band *
topic_band (const char *topic,
            const char *status)
{
  Band *band = band_new (BAND_TOPIC);
  Para *para;

  cell_add (band, 0, STYLE_TOPIC, topic, NULL);
  para = cell_add (band, 1, STYLE_STATUS, status, NULL);
  para->alignment = PANGO_ALIGN_RIGHT;
  /* Smaller than the topic: lowered so the two share a baseline. */
  para->space_before = 2.0;
  band->pad_top = 3.0;
  band->pad_bottom = 3.0;
  return band;
}

/* A statement of a comparison's row, with its other topics as tags: it is shown once,
 * under its main topic. */
static void
add_row_statement_cell (Band                        *band,
                        ReadoutComparison           *comparison,
                        guint                        row,
                        ReadoutStatement            *statement,
                        const ReadoutComparisonPair *pair,
                        ReadoutComparisonSide        side,
                        GPtrArray                   *sources)
{
  g_auto(GStrv) tags = readout_comparison_dup_statement_tags (comparison, row, statement);

  /* Translators: a statement's further topics follow, "Also about: Syria, Iran" */
  add_statement_cell (band, side == READOUT_COMPARISON_SIDE_A ? 0 : 1, statement, pair, side,
                      sources, _("Also about:"), (const char * const *) tags);
}

/* In the cell of a side with no statement of its own in the row: where it mentioned the
 * topic under another one (its references), or a note that it did not. */
static void
add_absent_cell (Band                  *band,
                 ReadoutComparison     *comparison,
                 guint                  row,
                 ReadoutComparisonSide  side)
{
  GPtrArray *references = readout_comparison_get_row_references (comparison, row, side);
  g_autofree char *missing = NULL;

  for (guint i = 0; i < references->len; i++)
    {
      g_autofree char *reference = readout_comparison_dup_reference_text (comparison, row, side, i);

      cell_add (band, side == READOUT_COMPARISON_SIDE_A ? 0 : 1, STYLE_NOTE, reference, NULL);
    }
  if (references->len > 0)
    return;
  missing = g_strdup_printf (_("%s did not mention this topic."), readout_comparison_get_label (comparison, side));
  cell_add (band, side == READOUT_COMPARISON_SIDE_A ? 0 : 1, STYLE_NOTE, missing, NULL);
}

/* A band with the statements of side A that have no partner in the left cell and those
 * of side B in the right; the first one, in the cell of a side that has nothing of its
 * own on the topic, says where it mentioned it or that it did not. */
static void
add_unpaired_band (Group             *group,
                   ReadoutComparison *comparison,
                   guint              row,
                   GPtrArray         *statements[2],
                   GArray            *pending[2],
                   GPtrArray         *sources,
                   gboolean          *said_absent)
{
  gboolean one_sided = statements[0]->len == 0 || statements[1]->len == 0;
  Band *band;

  if (pending[0]->len == 0 && pending[1]->len == 0 && (*said_absent || !one_sided))
    return;

  band = group_add_band (group, BAND_COLUMNS);
  band->pad_top = 4.0;
  for (guint c = 0; c < 2; c++)
    {
      ReadoutComparisonSide side = c == 0 ? READOUT_COMPARISON_SIDE_A : READOUT_COMPARISON_SIDE_B;

      for (guint i = 0; i < pending[c]->len; i++)
        add_row_statement_cell (band, comparison, row,
                                g_ptr_array_index (statements[c], g_array_index (pending[c], guint, i)),
                                NULL, side, sources);
      if (statements[c]->len == 0 && !*said_absent)
        add_absent_cell (band, comparison, row, side);
      g_array_set_size (pending[c], 0);
    }
  *said_absent = *said_absent || one_sided;
}

static void
add_row (ReadoutPdfLayout  *self,
         ReadoutComparison *comparison,
         guint              row,
         GPtrArray         *sources)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  GPtrArray *statements[2];
  g_autoptr(GArray) pending_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) pending_b = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *pending[2] = { pending_a, pending_b };
  const char *topic = readout_display_topic (readout_comparison_get_row_topic (comparison, row));
  g_autofree char *status_text = readout_comparison_dup_status_text (comparison, row);
  g_autofree char *continued = NULL;
  gboolean said_absent = FALSE;
  guint next_b = 0;
  Group *group = add_group (self);

  statements[0] = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_A);
  statements[1] = readout_comparison_get_row_statements (comparison, row, READOUT_COMPARISON_SIDE_B);
  for (guint c = 0; c < 2; c++)
    if (statements[c] == NULL)
      statements[c] = empty;

  if (topic == NULL)
    topic = _("Other");

  group->in_rows = TRUE;
  g_ptr_array_add (group->bands, topic_band (topic, status_text));
  /* Translators: a topic header repeated at the top of the next page */
  continued = g_strdup_printf (_("%s (continued)"), topic);
  group->continuation = topic_band (continued, status_text);
  /* The statement under it goes on without its own top padding. */
  group->continuation->pad_bottom += 4.0;

  /* Each pair gets a band of its own, so that paired sentences start level. Sentences
   * without a partner that come between two pairs share one band, A's on the left and
   * B's on the right, each side in its own order. */
  for (guint i = 0; i < statements[0]->len; i++)
    {
      const ReadoutComparisonPair *pair = readout_comparison_find_pair (comparison, row,
                                                                        READOUT_COMPARISON_SIDE_A, i);
      Band *band;

      if (pair == NULL || pair->index_b >= statements[1]->len)
        {
          g_array_append_val (pending[0], i);
          continue;
        }

      for (; next_b < pair->index_b; next_b++)
        if (readout_comparison_find_pair (comparison, row, READOUT_COMPARISON_SIDE_B, next_b) == NULL)
          g_array_append_val (pending[1], next_b);
      next_b = MAX (next_b, pair->index_b + 1);
      add_unpaired_band (group, comparison, row, statements, pending, sources, &said_absent);

      band = group_add_band (group, BAND_COLUMNS);
      band->pad_top = 4.0;
      add_row_statement_cell (band, comparison, row, g_ptr_array_index (statements[0], i), pair,
                              READOUT_COMPARISON_SIDE_A, sources);
      add_row_statement_cell (band, comparison, row, g_ptr_array_index (statements[1], pair->index_b), pair,
                              READOUT_COMPARISON_SIDE_B, sources);
    }
  for (; next_b < statements[1]->len; next_b++)
    if (readout_comparison_find_pair (comparison, row, READOUT_COMPARISON_SIDE_B, next_b) == NULL)
      g_array_append_val (pending[1], next_b);
  add_unpaired_band (group, comparison, row, statements, pending, sources, &said_absent);

  ((Band *) g_ptr_array_index (group->bands, group->bands->len - 1))->pad_bottom = 4.0;
}

static void
add_summary (ReadoutPdfLayout  *self,
             ReadoutComparison *comparison)
{
  Group *group = add_group (self);
  Band *band;

  band = add_full (group, STYLE_HEADING, _("Summary"));
  band->pad_top = 6.0;
  band = group_add_band (group, BAND_FULL);

  for (guint s = 0; s < 2; s++)
    {
      ReadoutComparisonSide side = s == 0 ? READOUT_COMPARISON_SIDE_A : READOUT_COMPARISON_SIDE_B;
      ReadoutComparisonSide other = s == 0 ? READOUT_COMPARISON_SIDE_B : READOUT_COMPARISON_SIDE_A;
      const char *label = readout_comparison_get_label (comparison, side);
      const char *other_label = readout_comparison_get_label (comparison, other);
      g_autofree char *topics = readout_display_join_topics (readout_comparison_get_only_topics (comparison, side), ", ");
      g_autofree char *words = join_strv (readout_comparison_get_distinctive_words (comparison, side),
                                          ", ");
      g_autofree char *line = NULL;

      if (readout_comparison_get_n_statements (comparison, side) == 0)
        line = g_strdup_printf (_("%s said nothing about this call."), label);
      else if (topics != NULL)
        /* Translators: "Only Russia mentioned: trade. The United States left it out." */
        line = g_strdup_printf (_("Only %s mentioned: %s. %s left these out."), label, topics,
                                other_label);
      else
        line = g_strdup_printf (_("%s mentioned no topic that %s left out."), label, other_label);
      cell_add (band, 0, STYLE_BODY, line, NULL);

      if (words != NULL)
        {
          g_autofree char *words_line = g_strdup_printf (_("Words most distinctive of %s: %s."),
                                                         label, words);
          cell_add (band, 0, STYLE_META, words_line, NULL);
        }
    }
}

ReadoutPdfLayout *
readout_pdf_layout_new_for_comparison (ReadoutStore      *store,
                                       ReadoutComparison *comparison,
                                       GError           **error)
{
  g_autoptr(ReadoutPdfLayout) self = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) cited_sources = NULL;
  g_autofree gboolean *cited = NULL;
  g_autoptr(PangoAttrList) legend_attrs = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *legend = NULL;
  g_autofree char *underlined = NULL;
  g_autofree char *bold = NULL;
  const char *label_a, *label_b;
  const char *found;
  Group *group;
  Band *band;
  guint n_rows;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (READOUT_IS_COMPARISON (comparison), NULL);

  call = readout_store_get_call (store, readout_comparison_get_call_id (comparison), error);
  if (call == NULL)
    return NULL;

  self = g_object_new (READOUT_TYPE_PDF_LAYOUT, NULL);
  label_a = readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_A);
  label_b = readout_comparison_get_label (comparison, READOUT_COMPARISON_SIDE_B);
  sources = load_sources (store, readout_call_get_id (call));
  cited = g_new0 (gboolean, MAX (sources->len, 1));

  group = add_group (self);
  /* Translators: the kicker above an exported comparison, e.g. "United States and
   * Russia compared" */
  heading = g_strdup_printf (_("%s and %s compared"), label_a, label_b);
  add_call_header (self, group, call, heading);
  self->subject = g_strdup (heading);

  /* The legend, with its own words marked the way the rows mark them. */
  underlined = g_strdup (_("underlined"));
  bold = g_strdup (_("bold"));
  /* Translators: the first %s is "underlined", the third "bold" */
  legend = g_strdup_printf (_("In paired statements, %s words are used only by %s and %s words "
                              "only by %s."), underlined, label_a, bold, label_b);
  legend_attrs = pango_attr_list_new ();
  found = strstr (legend, underlined);
  if (found != NULL)
    attrs_insert_range (legend_attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
                        found - legend, found - legend + strlen (underlined));
  found = strstr (legend, bold);
  if (found != NULL)
    attrs_insert_range (legend_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                        found - legend, found - legend + strlen (bold));
  band = group_add_band (group, BAND_FULL);
  cell_add (band, 0, STYLE_NOTE, legend, legend_attrs);
  band->pad_top = 6.0;

  self->column_labels = band_new (BAND_COLUMNS);
  cell_add (self->column_labels, 0, STYLE_COLUMN_LABEL, label_a, NULL);
  cell_add (self->column_labels, 1, STYLE_COLUMN_LABEL, label_b, NULL);
  self->column_labels->pad_bottom = 8.0;

  /* Only the sources the rows quote are listed, numbered in the call's order. */
  n_rows = readout_comparison_get_n_rows (comparison);
  for (guint row = 0; row < n_rows; row++)
    for (guint s = 0; s < 2; s++)
      {
        GPtrArray *statements = readout_comparison_get_row_statements (comparison, row,
                                                                       s == 0 ? READOUT_COMPARISON_SIDE_A
                                                                              : READOUT_COMPARISON_SIDE_B);

        for (guint i = 0; statements != NULL && i < statements->len; i++)
          {
            guint number = source_number (sources,
                                          readout_statement_get_source_id (g_ptr_array_index (statements, i)));
            if (number > 0)
              cited[number - 1] = TRUE;
          }
      }
  cited_sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < sources->len; i++)
    if (cited[i])
      g_ptr_array_add (cited_sources, g_object_ref (g_ptr_array_index (sources, i)));

  /* The summary first, as on screen. */
  add_summary (self, comparison);
  for (guint row = 0; row < n_rows; row++)
    add_row (self, comparison, row, cited_sources);

  add_sources (self, store, cited_sources, NULL, FALSE);

  return g_steal_pointer (&self);
}

ReadoutPdfLayout *
readout_pdf_layout_new_for_call (ReadoutStore  *store,
                                 gint64         call_id,
                                 GError       **error)
{
  g_autoptr(ReadoutPdfLayout) self = NULL;
  g_autoptr(ReadoutCall) call = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *current_side = NULL;
  gboolean first_statement = TRUE;
  Group *group;
  Band *band;
  guint n;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);

  call = readout_store_get_call (store, call_id, error);
  if (call == NULL)
    return NULL;

  self = g_object_new (READOUT_TYPE_PDF_LAYOUT, NULL);
  sources = load_sources (store, call_id);

  group = add_group (self);
  add_call_header (self, group, call, _("Call record"));
  self->subject = g_strdup (_("Every source and statement of the call, by side"));

  band = group_add_band (group, BAND_FULL);
  band->pad_top = 4.0;
  topics = readout_display_join_topics (readout_call_get_topics (call), ", ");
  if (topics != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Topics:"), topics);
      cell_add (band, 0, STYLE_BODY, line, NULL);
    }

  conflicts = readout_store_list_conflicts (store, call_id);
  n = g_list_model_get_n_items (conflicts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autoptr(GString) line = g_string_new (NULL);

      /* Translators: a fact the sources disagree on, e.g. "Sources disagree on the
       * weekday:" followed by the claims */
      g_string_printf (line, _("Sources disagree on the %s:"), readout_conflict_get_field (conflict));
      for (guint c = 0; c < readout_conflict_get_n_claims (conflict); c++)
        {
          const char *publisher = readout_conflict_get_claim_source_publisher (conflict, c);
          guint number = source_number (sources, readout_conflict_get_claim_source_id (conflict, c));

          g_string_append_printf (line, "%s %s", c > 0 ? ";" : "",
                                  readout_conflict_get_claim_value (conflict, c));
          if (publisher != NULL && number > 0)
            g_string_append_printf (line, " (%s [%u])", publisher, number);
          else if (publisher != NULL)
            g_string_append_printf (line, " (%s)", publisher);
        }
      g_string_append_c (line, '.');
      cell_add (band, 0, STYLE_BODY, line->str, NULL);
    }
  if (band->cells[0].paras->len == 0)
    g_ptr_array_remove (group->bands, band);

  /* The statements, by side (the store gives them grouped by side, then source). */
  statements = readout_store_list_statements (store, call_id);
  n = g_list_model_get_n_items (statements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutStatement) statement = g_list_model_get_item (statements, i);
      const char *side = readout_statement_get_side (statement);

      if (first_statement || g_strcmp0 (side, current_side) != 0)
        {
          g_autofree char *name = readout_format_side (store, side);

          group = add_group (self);
          band = add_full (group, STYLE_HEADING, name);
          band->pad_top = first_statement ? 10.0 : 6.0;
          g_free (current_side);
          current_side = g_strdup (side);
          first_statement = FALSE;
        }
      else
        group = add_group (self);

      band = group_add_band (group, BAND_FULL);
      band->pad_top = 4.0;
      /* Translators: the topics of a statement follow */
      add_statement_cell (band, 0, statement, NULL, READOUT_COMPARISON_SIDE_A, sources, _("Topics:"),
                          readout_statement_get_topics (statement));
    }
  if (n == 0)
    {
      group = add_group (self);
      add_full (group, STYLE_NOTE, _("No statements of this call are stored."));
    }

  add_sources (self, store, sources, NULL, TRUE);

  return g_steal_pointer (&self);
}

static void
add_history_entry (ReadoutPdfLayout         *self,
                   ReadoutTopicHistoryEntry *entry,
                   const char               *side_a,
                   const char               *side_b,
                   GPtrArray                *no_sources)
{
  Group *group = add_group (self);
  g_autofree char *date = readout_format_date (readout_call_get_date (entry->call),
                                               readout_call_get_date_precision (entry->call));
  g_autofree char *raised = readout_topic_mentioned_by_format (entry->mentioned_by, side_a, side_b);
  Band *band;

  group->in_rows = TRUE;
  g_ptr_array_add (group->bands, topic_band (date, raised));
  if (entry->mentioned_by == READOUT_TOPIC_MENTIONED_BY_NONE)
    return;
  band = group_add_band (group, BAND_COLUMNS);
  band->pad_top = 4.0;
  for (guint c = 0; c < 2; c++)
    {
      GPtrArray *statements = c == 0 ? entry->side_a : entry->side_b;

      for (guint i = 0; i < statements->len; i++)
        add_statement_cell (band, c, g_ptr_array_index (statements, i), NULL,
                            c == 0 ? READOUT_COMPARISON_SIDE_A : READOUT_COMPARISON_SIDE_B,
                            no_sources, NULL, NULL);
    }
}

ReadoutPdfLayout *
readout_pdf_layout_new_for_topic_history (ReadoutStore  *store,
                                          gint64         leader_a,
                                          gint64         leader_b,
                                          const char    *topic,
                                          GError       **error)
{
  g_autoptr(ReadoutPdfLayout) self = NULL;
  g_autoptr(ReadoutTopic) found = NULL;
  g_autoptr(ReadoutLeader) a = NULL;
  g_autoptr(ReadoutLeader) b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) no_sources = g_ptr_array_new ();
  g_autofree char *side_a = NULL, *side_b = NULL, *heading = NULL;
  Group *group;

  g_return_val_if_fail (READOUT_IS_STORE (store), NULL);
  g_return_val_if_fail (topic != NULL, NULL);

  if ((found = readout_store_find_topic (store, topic, error)) == NULL ||
      (history = readout_store_topic_history (store, leader_a, leader_b,
                                              readout_topic_get_id (found), error)) == NULL ||
      (a = readout_store_get_leader (store, leader_a, error)) == NULL ||
      (b = readout_store_get_leader (store, leader_b, error)) == NULL)
    return NULL;

  self = g_object_new (READOUT_TYPE_PDF_LAYOUT, NULL);
  side_a = readout_format_side (store, readout_leader_get_country (a));
  side_b = readout_format_side (store, readout_leader_get_country (b));
  /* Translators: the title of an exported topic history, e.g. "Ukraine in the calls of
   * Donald Trump and Vladimir Putin" */
  heading = g_strdup_printf (_("%s in the calls of %s and %s"), readout_topic_get_name (found),
                             readout_leader_get_name (a), readout_leader_get_name (b));
  self->title = g_strdup (heading);
  self->subject = g_strdup (_("One topic across the calls of two leaders, by side"));

  group = add_group (self);
  add_full (group, STYLE_TITLE, heading);
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls",
                                                           history->len), history->len);

    add_full (group, STYLE_SUBTITLE, count);
  }
  self->column_labels = band_new (BAND_COLUMNS);
  cell_add (self->column_labels, 0, STYLE_COLUMN_LABEL, side_a, NULL);
  cell_add (self->column_labels, 1, STYLE_COLUMN_LABEL, side_b, NULL);
  self->column_labels->pad_bottom = 8.0;

  for (guint i = 0; i < history->len; i++)
    add_history_entry (self, g_ptr_array_index (history, i), side_a, side_b, no_sources);
  return g_steal_pointer (&self);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-pdf-layout"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "readout-error.h"
#include "readout-format.h"
#include "readout-list-format.h"
#include "readout-pdf-layout.h"
#include "readout-display-names.h"
#include "readout-safe-file.h"
#include "readout-store-timeline.h"

/* The document is a list of groups (the header, a comparison row, a source...), each a
 * list of bands; a band is one full-width cell or two cells side by side, and a cell is
 * a stack of paragraphs. Pagination measures every paragraph once, then places bands on
 * pages; a band that does not fit is cut between two lines of each of its cells, never
 * through a line, and the two columns of a band may be cut at different heights. */

#define FONT_FAMILY   "Cantarell, DejaVu Sans"
#define MARGIN        54.0  /* 3/4 inch */
#define FOOTER_HEIGHT 24.0
#define GUTTER        18.0
#define GROUP_GAP     10.0
/* A group taller than what is left of a page starts on the next page unless at least
 * this much room is left: a topic header followed by a line or two looks orphaned. */
#define MIN_START     64.0

typedef enum {
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_BODY,
  STYLE_META,
  STYLE_NOTE,
  STYLE_HEADING,
  STYLE_TOPIC,
  STYLE_STATUS,
  STYLE_COLUMN_LABEL,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef struct {
  char          *text;
  PangoAttrList *attrs;         /* nullable */
  Style          style;
  PangoAlignment alignment;
  double         space_before;
  char          *link;          /* nullable: a URL the paragraph links to in the PDF */
  PangoLayout   *layout;        /* made by paginate () */
  double         y;             /* top, in its cell */
  double         height;
} Para;

typedef struct {
  GPtrArray *paras;   /* Para */
  double     height;  /* set by paginate () */
  GArray    *breaks;  /* double: the bottom of every line, ascending */
} Cell;

typedef enum {
  BAND_FULL,     /* one cell across the page */
  BAND_COLUMNS,  /* side A and side B */
  BAND_TOPIC,    /* topic on the left, its status on the right, shaded */
} BandKind;

typedef struct {
  BandKind kind;
  Cell     cells[2];
  double   pad_top;
  double   pad_bottom;
} Band;

typedef struct {
  GPtrArray *bands;          /* Band */
  Band      *continuation;   /* nullable: repeated atop a page the group goes on to */
  gboolean   in_rows;        /* pages in the rows repeat the column labels */
} Group;

typedef struct {
  Band   *band;
  double  y;
  double  from[2];
  double  to[2];
  gboolean first;
  gboolean last;
} Placement;

struct _ReadoutPdfLayout
{
  GObject parent_instance;

  char         *title;
  char         *subject;
  GPtrArray    *groups;          /* Group */
  Band         *column_labels;   /* nullable */
  GDateTime    *export_date;
  double        page_width;
  double        page_height;

  PangoContext *context;
  GPtrArray    *pages;           /* GArray of Placement */
};

G_DEFINE_FINAL_TYPE (ReadoutPdfLayout, readout_pdf_layout, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------- */
/* Paper                                                                              */

void
readout_paper_get_size (ReadoutPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == READOUT_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

gboolean
readout_paper_from_string (const char   *name,
                           ReadoutPaper *paper)
{
  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = READOUT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0 || g_ascii_strcasecmp (name, "us-letter") == 0)
    *paper = READOUT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

ReadoutPaper
readout_paper_from_locale (void)
{
  /* Territories whose glibc locales use Letter. */
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "NI", "PA", "PR", "DO",
    "BZ", NULL
  };
  const char *name;
  const char *territory;

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  {
    /* glibc knows the paper of the locale itself; 216 mm wide is Letter. The C locale
     * says A4. */
    int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

    if (width_mm == 216)
      return READOUT_PAPER_LETTER;
    if (width_mm == 210)
      return READOUT_PAPER_A4;
  }
#endif

  name = setlocale (LC_PAPER, NULL);
  if (name == NULL)
    return READOUT_PAPER_A4;
  territory = strchr (name, '_');
  if (territory == NULL || strlen (territory) < 3)
    return READOUT_PAPER_A4;
  for (guint i = 0; letter_territories[i] != NULL; i++)
    if (strncmp (territory + 1, letter_territories[i], 2) == 0)
      return READOUT_PAPER_LETTER;
  return READOUT_PAPER_A4;
}

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

static void
band_free (gpointer data)
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

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->bands);
  band_free (group->continuation);
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

  group->bands = g_ptr_array_new_with_free_func (band_free);
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

/* A band with the statements of side A that have no partner in the left cell and those
 * of side B in the right; with a note in a cell whose side said nothing on the topic. */
static void
add_unpaired_band (Group             *group,
                   ReadoutComparison *comparison,
                   guint              row,
                   GPtrArray         *statements[2],
                   GArray            *pending[2],
                   GPtrArray         *sources,
                   gboolean          *said_missing)
{
  Band *band;

  if (pending[0]->len == 0 && pending[1]->len == 0)
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
      if (pending[c]->len == 0 && statements[c]->len == 0 && !*said_missing)
        {
          g_autofree char *missing = g_strdup_printf (_("%s did not mention this topic."),
                                                      readout_comparison_get_label (comparison, side));

          cell_add (band, c, STYLE_NOTE, missing, NULL);
          *said_missing = TRUE;
        }
      g_array_set_size (pending[c], 0);
    }
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
  gboolean said_missing = FALSE;
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
      add_unpaired_band (group, comparison, row, statements, pending, sources, &said_missing);

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
  add_unpaired_band (group, comparison, row, statements, pending, sources, &said_missing);

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

static void
readout_pdf_layout_finalize (GObject *object)
{
  ReadoutPdfLayout *self = (ReadoutPdfLayout *) object;

  g_free (self->title);
  g_free (self->subject);
  g_ptr_array_unref (self->groups);
  band_free (self->column_labels);
  g_clear_pointer (&self->export_date, g_date_time_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (readout_pdf_layout_parent_class)->finalize (object);
}

static void
readout_pdf_layout_class_init (ReadoutPdfLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = readout_pdf_layout_finalize;
}

static void
readout_pdf_layout_init (ReadoutPdfLayout *self)
{
  self->groups = g_ptr_array_new_with_free_func (group_free);
  readout_paper_get_size (READOUT_PAPER_A4, &self->page_width, &self->page_height);
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

const char *
readout_pdf_layout_get_title (ReadoutPdfLayout *self)
{
  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), NULL);

  return self->title;
}

void
readout_pdf_layout_set_page_size (ReadoutPdfLayout *self,
                                  double            width,
                                  double            height)
{
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (width > 4 * MARGIN && height > 4 * MARGIN);

  if (width == self->page_width && height == self->page_height)
    return;
  self->page_width = width;
  self->page_height = height;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

void
readout_pdf_layout_set_paper (ReadoutPdfLayout *self,
                              ReadoutPaper      paper)
{
  double width, height;

  readout_paper_get_size (paper, &width, &height);
  readout_pdf_layout_set_page_size (self, width, height);
}

void
readout_pdf_layout_set_export_date (ReadoutPdfLayout *self,
                                    GDateTime        *date)
{
  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));

  g_clear_pointer (&self->export_date, g_date_time_unref);
  if (date != NULL)
    self->export_date = g_date_time_ref (date);
}

/* ---------------------------------------------------------------------------------- */
/* Measuring                                                                          */

static PangoFontDescription *
style_font (Style style)
{
  static const struct {
    double      size;
    PangoWeight weight;
    PangoStyle  slant;
  } styles[N_STYLES] = {
    [STYLE_TITLE]        = { 17.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_SUBTITLE]     = { 11.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
    [STYLE_BODY]         = { 10.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
    [STYLE_META]         = {  8.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_NOTE]         = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_HEADING]      = { 13.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_TOPIC]        = { 11.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_STATUS]       = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC },
    [STYLE_COLUMN_LABEL] = {  9.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL },
    [STYLE_FOOTER]       = {  8.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL },
  };
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  return font;
}

/* Grey for the meta lines, black for the rest: readable when printed in grey scale. */
static void
style_colour (Style   style,
              double *rgb)
{
  double grey = style == STYLE_META || style == STYLE_NOTE || style == STYLE_STATUS
                || style == STYLE_FOOTER ? 0.33 : 0.0;

  rgb[0] = rgb[1] = rgb[2] = grey;
}

static PangoContext *
get_context (ReadoutPdfLayout *self)
{
  cairo_font_options_t *options;

  if (self->context != NULL)
    return self->context;

  /* Points as units and no hinting: the metrics are then the same on a PDF surface and
   * on a printer's, so the pages break in the same places. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  return self->context;
}

static PangoLayout *
make_layout (ReadoutPdfLayout *self,
             Style             style,
             const char       *text,
             PangoAttrList    *attrs,
             double            width,
             PangoAlignment    alignment)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  g_autoptr(PangoFontDescription) font = style_font (style);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);
  return layout;
}

static void
cell_geometry (ReadoutPdfLayout *self,
               Band             *band,
               guint             cell,
               double           *x,
               double           *width)
{
  double content = self->page_width - 2 * MARGIN;

  switch (band->kind)
    {
    case BAND_FULL:
      *x = MARGIN;
      *width = content;
      break;
    case BAND_COLUMNS:
      *width = (content - GUTTER) / 2;
      *x = MARGIN + (cell == 0 ? 0 : *width + GUTTER);
      break;
    case BAND_TOPIC:
    default:
      /* Inset so the text does not touch the edge of the shading. */
      *width = cell == 0 ? (content - 12) * 0.62 : (content - 12) * 0.38;
      *x = MARGIN + 6 + (cell == 0 ? 0 : (content - 12) * 0.62);
      break;
    }
}

static void
measure_band (ReadoutPdfLayout *self,
              Band             *band)
{
  for (guint c = 0; c < 2; c++)
    {
      Cell *cell = &band->cells[c];
      double x, width, y = 0;

      cell_geometry (self, band, c, &x, &width);
      g_array_set_size (cell->breaks, 0);
      for (guint p = 0; p < cell->paras->len; p++)
        {
          Para *para = g_ptr_array_index (cell->paras, p);
          PangoLayoutIter *iter;
          int logical_height;

          g_clear_object (&para->layout);
          para->layout = make_layout (self, para->style, para->text, para->attrs, width,
                                      para->alignment);
          y += para->space_before;
          para->y = y;

          iter = pango_layout_get_iter (para->layout);
          do
            {
              int y0, y1;
              double bottom;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              bottom = y + (double) y1 / PANGO_SCALE;
              g_array_append_val (cell->breaks, bottom);
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);

          pango_layout_get_size (para->layout, NULL, &logical_height);
          para->height = (double) logical_height / PANGO_SCALE;
          y += para->height;
        }
      cell->height = y;
    }
}

static double
band_content_height (Band *band)
{
  return MAX (band->cells[0].height, band->cells[1].height);
}

static double
band_height (Band *band)
{
  return band->pad_top + band_content_height (band) + band->pad_bottom;
}

/* How far a cell can go from @from within @room without cutting a line. */
static double
cell_break (Cell   *cell,
            double  from,
            double  room)
{
  const double slack = 0.01;
  double best = from;

  if (cell->height - from <= room + slack)
    return cell->height;
  for (guint i = 0; i < cell->breaks->len; i++)
    {
      double bottom = g_array_index (cell->breaks, double, i);

      if (bottom - from > room + slack)
        break;
      if (bottom > from + slack)
        best = bottom;
    }
  return best;
}

/* ---------------------------------------------------------------------------------- */
/* Paginating                                                                         */

typedef struct {
  ReadoutPdfLayout *self;
  GArray           *page;    /* Placement, of the page being filled */
  double            y;
  double            top;     /* where content starts on this page */
  double            bottom;
} Paginator;

static void
paginator_new_page (Paginator *pg)
{
  pg->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (pg->self->pages, pg->page);
  pg->y = MARGIN;
  pg->top = MARGIN;
}

static void
paginator_place_whole (Paginator *pg,
                       Band      *band)
{
  Placement placement = { 0, };

  placement.band = band;
  placement.y = pg->y;
  placement.to[0] = band->cells[0].height;
  placement.to[1] = band->cells[1].height;
  placement.first = placement.last = TRUE;
  g_array_append_val (pg->page, placement);
  pg->y += band_height (band);
}

/* Starts a page, with the column labels and the group's header repeated if it goes on
 * from the page before. */
static void
paginator_break (Paginator *pg,
                 Group     *group,
                 gboolean   continuing)
{
  paginator_new_page (pg);
  if (group != NULL && group->in_rows && pg->self->column_labels != NULL)
    paginator_place_whole (pg, pg->self->column_labels);
  if (continuing && group != NULL && group->continuation != NULL)
    paginator_place_whole (pg, group->continuation);
  pg->top = pg->y;
}

static void
paginator_place_band (Paginator *pg,
                      Group     *group,
                      Band      *band)
{
  double from[2] = { 0, 0 };
  gboolean first = TRUE;

  for (;;)
    {
      double pad_top = first ? band->pad_top : 0;
      double room = pg->bottom - pg->y - pad_top;
      double to[2];
      double used = 0;
      gboolean done = TRUE;
      gboolean progress = FALSE;
      Placement placement = { 0, };

      for (guint c = 0; c < 2; c++)
        {
          Cell *cell = &band->cells[c];

          to[c] = cell_break (cell, from[c], room);
          if (to[c] < cell->height)
            done = FALSE;
          if (to[c] > from[c])
            progress = TRUE;
          used = MAX (used, to[c] - from[c]);
        }

      if (done && pg->y + pad_top + used + band->pad_bottom > pg->bottom + 0.01 && pg->y > pg->top)
        {
          /* The text fits but its padding does not: keep the band whole on the next
           * page rather than leave its last line alone. */
          done = FALSE;
          progress = FALSE;
        }

      if (!progress)
        {
          if (pg->y > pg->top)
            {
              paginator_break (pg, group, TRUE);
              continue;
            }
          /* Not even one line fits on an empty page (a huge font or a tiny page): put
           * the next line of each cell anyway so that pagination always ends. */
          for (guint c = 0; c < 2; c++)
            {
              Cell *cell = &band->cells[c];

              to[c] = cell->height;
              for (guint i = 0; i < cell->breaks->len; i++)
                if (g_array_index (cell->breaks, double, i) > from[c] + 0.01)
                  {
                    to[c] = g_array_index (cell->breaks, double, i);
                    break;
                  }
              used = MAX (used, to[c] - from[c]);
            }
          done = to[0] >= band->cells[0].height && to[1] >= band->cells[1].height;
        }

      placement.band = band;
      placement.y = pg->y;
      placement.from[0] = from[0];
      placement.from[1] = from[1];
      placement.to[0] = to[0];
      placement.to[1] = to[1];
      placement.first = first;
      placement.last = done;
      g_array_append_val (pg->page, placement);

      pg->y += pad_top + used + (done ? band->pad_bottom : 0);
      if (done)
        return;

      from[0] = to[0];
      from[1] = to[1];
      first = FALSE;
      paginator_break (pg, group, TRUE);
    }
}

static double
group_height (Group *group)
{
  double height = 0;

  for (guint i = 0; i < group->bands->len; i++)
    height += band_height (g_ptr_array_index (group->bands, i));
  return height;
}

guint
readout_pdf_layout_paginate (ReadoutPdfLayout *self)
{
  Paginator pg = { 0, };
  gboolean in_rows = FALSE;

  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), 0);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (self->column_labels != NULL)
    measure_band (self, self->column_labels);
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);

      for (guint b = 0; b < group->bands->len; b++)
        measure_band (self, g_ptr_array_index (group->bands, b));
      if (group->continuation != NULL)
        measure_band (self, group->continuation);
    }

  pg.self = self;
  pg.bottom = self->page_height - MARGIN - FOOTER_HEIGHT;
  paginator_new_page (&pg);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);
      double height = group_height (group);
      gboolean starts_rows = group->in_rows && !in_rows && self->column_labels != NULL;
      double extra = starts_rows ? band_height (self->column_labels) : 0;
      double room;

      if (g > 0)
        pg.y += GROUP_GAP;
      room = pg.bottom - pg.y - extra;

      /* Keep a group on one page when it fits on one; a taller one starts here only if
       * a fair part of it fits. A new page in the rows brings its column labels. */
      if (pg.y > pg.top && height > room
          && (height <= pg.bottom - MARGIN - extra - 60 || room < MIN_START))
        paginator_break (&pg, group, FALSE);
      else if (starts_rows)
        paginator_place_whole (&pg, self->column_labels);
      in_rows = group->in_rows;

      for (guint b = 0; b < group->bands->len; b++)
        paginator_place_band (&pg, group, g_ptr_array_index (group->bands, b));
    }

  return self->pages->len;
}

guint
readout_pdf_layout_get_n_pages (ReadoutPdfLayout *self)
{
  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), 0);

  if (self->pages == NULL)
    readout_pdf_layout_paginate (self);
  return self->pages->len;
}

/* ---------------------------------------------------------------------------------- */
/* Drawing                                                                            */

/* Draws the lines of @para that lie between @from and @to (cell coordinates) with the
 * cell's top at @y. Only those lines are drawn, rather than the whole paragraph under a
 * clip, so that a paragraph cut across pages has each line once in the PDF's text. */
static void
draw_para_lines (cairo_t *cr,
                 Para    *para,
                 double   x,
                 double   y,
                 double   from,
                 double   to)
{
  const double slack = 0.01;
  PangoLayoutIter *iter;

  if (para->y >= from - slack && para->y + para->height <= to + slack)
    {
      cairo_move_to (cr, x, y - from + para->y);
      pango_cairo_show_layout (cr, para->layout);
      return;
    }

  iter = pango_layout_get_iter (para->layout);
  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = para->y + (double) y0 / PANGO_SCALE;
      bottom = para->y + (double) y1 / PANGO_SCALE;
      if (top < from - slack || bottom > to + slack)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = para->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y - from + baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* "uri='…'" with the quotes and backslashes of the URL escaped, as cairo's tag
 * attribute syntax wants. */
static char *
link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (attributes, FALSE);
}

static void
draw_cell (ReadoutPdfLayout *self,
           cairo_t          *cr,
           Band             *band,
           guint             c,
           double            y,
           double            from,
           double            to)
{
  Cell *cell = &band->cells[c];
  double x, width;

  if (to <= from)
    return;
  cell_geometry (self, band, c, &x, &width);

  for (guint p = 0; p < cell->paras->len; p++)
    {
      Para *para = g_ptr_array_index (cell->paras, p);
      double rgb[3];

      if (para->y + para->height <= from || para->y >= to)
        continue;
      style_colour (para->style, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      if (para->link != NULL)
        {
          /* A link annotation in a PDF; other surfaces ignore tags. */
          g_autofree char *attributes = link_attributes (para->link);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
          draw_para_lines (cr, para, x, y, from, to);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      else
        draw_para_lines (cr, para, x, y, from, to);
    }
}

static void
draw_placement (ReadoutPdfLayout *self,
                cairo_t          *cr,
                const Placement  *placement)
{
  Band *band = placement->band;
  double pad_top = placement->first ? band->pad_top : 0;
  double used = MAX (placement->to[0] - placement->from[0], placement->to[1] - placement->from[1]);
  double content = self->page_width - 2 * MARGIN;

  if (band->kind == BAND_TOPIC)
    {
      /* Light shading plus a rule: the rule still separates rows when a printer drops
       * the grey. */
      cairo_save (cr);
      cairo_rectangle (cr, MARGIN, placement->y, content, pad_top + used + band->pad_bottom);
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_fill (cr);
      cairo_move_to (cr, MARGIN, placement->y);
      cairo_line_to (cr, MARGIN + content, placement->y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else if (band == self->column_labels)
    {
      double rule_y = placement->y + band_content_height (band) + 1.5;

      cairo_save (cr);
      cairo_move_to (cr, MARGIN, rule_y);
      cairo_line_to (cr, MARGIN + content, rule_y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Side A first, then side B, so text comes out of the PDF in reading order. */
  for (guint c = 0; c < 2; c++)
    draw_cell (self, cr, band, c, placement->y + pad_top, placement->from[c], placement->to[c]);
}

static char *
export_date_text (ReadoutPdfLayout *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *date = self->export_date;
  g_autofree char *iso = NULL;

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  iso = g_date_time_format (date, "%Y-%m-%d");
  return readout_format_date (iso, READOUT_DATE_PRECISION_DAY);
}

static void
draw_footer (ReadoutPdfLayout *self,
             cairo_t          *cr,
             guint             page)
{
  double content = self->page_width - 2 * MARGIN;
  double y = self->page_height - MARGIN - 10;
  g_autofree char *date = export_date_text (self);
  /* Translators: the footer of an exported page */
  g_autofree char *exported = g_strdup_printf (_("Exported by Readout on %s"), date);
  /* Translators: page numbers in the footer of an exported document */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) left = make_layout (self, STYLE_FOOTER, exported, NULL, content * 0.7,
                                             PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) right = make_layout (self, STYLE_FOOTER, number, NULL, content * 0.3,
                                              PANGO_ALIGN_RIGHT);
  double rgb[3];

  cairo_save (cr);
  cairo_move_to (cr, MARGIN, y - 4);
  cairo_line_to (cr, MARGIN + content, y - 4);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);

  style_colour (STYLE_FOOTER, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN + content * 0.7, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

void
readout_pdf_layout_draw_page (ReadoutPdfLayout *self,
                              cairo_t          *cr,
                              guint             page)
{
  GArray *placements;

  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    readout_pdf_layout_paginate (self);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------------- */
/* Writing                                                                            */

typedef struct {
  GOutputStream *stream;
  GError *error;
} PdfSink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page onto a PDF surface that writes to @sink. */
static cairo_status_t
draw_pdf (ReadoutPdfLayout *self,
          PdfSink          *sink)
{
  g_autofree char *create_date = NULL;
  g_autoptr(GDateTime) now = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = readout_pdf_layout_get_n_pages (self);
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, sink, self->page_width,
                                                 self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title != NULL ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  self->subject != NULL ? self->subject : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Readout");
  now = self->export_date != NULL ? g_date_time_ref (self->export_date) : g_date_time_new_now_local ();
  create_date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      readout_pdf_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Written through a ReadoutSafeFile: whole or not at all, never over the open store,
 * through a symbolic link to its target. */
gboolean
readout_pdf_layout_write_pdf (ReadoutPdfLayout  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(ReadoutSafeFile) file = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (READOUT_IS_PDF_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = readout_safe_file_new_for_stream (path, error);
  if (file == NULL)
    return FALSE;
  sink.stream = readout_safe_file_get_stream (file);

  status = draw_pdf (self, &sink);
  if (sink.error != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, READOUT_ERROR, READOUT_ERROR_IO,
                   _("Cannot write the PDF to “%s”: %s."), display, sink.error->message);
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_FAILED,
                   _("Cannot draw the PDF: %s."), cairo_status_to_string (status));
      return FALSE;
    }
  return readout_safe_file_commit (file, error);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadoutPdfLayout *self = source_object;
  const char *path = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* Measure with this thread's font map: the main thread's is not ours to use here. */
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (readout_pdf_layout_write_pdf (self, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  /* Leave nothing of this thread's font map behind for the main thread to draw with. */
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

void
readout_pdf_layout_write_pdf_async (ReadoutPdfLayout    *self,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (READOUT_IS_PDF_LAYOUT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_pdf_layout_write_pdf_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
readout_pdf_layout_write_pdf_finish (ReadoutPdfLayout  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
readout_pdf_export_comparison (ReadoutStore       *store,
                               ReadoutComparison  *comparison,
                               ReadoutPaper        paper,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(ReadoutPdfLayout) layout = readout_pdf_layout_new_for_comparison (store, comparison, error);

  if (layout == NULL)
    return FALSE;
  readout_pdf_layout_set_paper (layout, paper);
  return readout_pdf_layout_write_pdf (layout, path, error);
}

gboolean
readout_pdf_export_call (ReadoutStore  *store,
                         gint64         call_id,
                         ReadoutPaper   paper,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(ReadoutPdfLayout) layout = readout_pdf_layout_new_for_call (store, call_id, error);

  if (layout == NULL)
    return FALSE;
  readout_pdf_layout_set_paper (layout, paper);
  return readout_pdf_layout_write_pdf (layout, path, error);
}

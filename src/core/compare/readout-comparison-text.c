// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-comparison"

/* The plain-text rendering of a ReadoutComparison, for the terminal and the clipboard,
 * built on its public accessors. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-comparison.h"
#include "readout-comparison-private.h"


static guint
cell_width (gunichar c)
{
  if (c < 0x300)
    return 1;
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static guint
text_width (const char *s,
            gssize      length)
{
  const char *end = length < 0 ? s + strlen (s) : s + length;
  guint width = 0;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    width += cell_width (g_utf8_get_char (p));
  return width;
}

/* Wraps @text into lines of at most @width cells, breaking at spaces, or anywhere in a
 * word longer than a line (and in CJK text, which has no spaces). */
static void
wrap_into (GPtrArray  *lines,
           const char *text,
           guint       width)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint line_width = 0;
  const char *p = text;

  width = MAX (width, 8);

  while (*p != '\0')
    {
      const char *word_end;
      guint word_width;

      if (*p == ' ' || *p == '\n' || *p == '\t')
        {
          if (*p == '\n')
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
              line_width = 0;
            }
          p++;
          continue;
        }

      word_end = p;
      while (*word_end != '\0' && *word_end != ' ' && *word_end != '\n' && *word_end != '\t')
        word_end = g_utf8_next_char (word_end);
      word_width = text_width (p, word_end - p);

      if (line_width > 0 && line_width + 1 + word_width > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          line_width = 0;
        }
      if (line_width > 0)
        {
          g_string_append_c (line, ' ');
          line_width++;
        }

      while (p < word_end)
        {
          gunichar c = g_utf8_get_char (p);
          guint w = cell_width (c);

          if (line_width + w > width)
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
              line_width = 0;
            }
          g_string_append_unichar (line, c);
          line_width += w;
          p = g_utf8_next_char (p);
        }
    }

  if (line->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
}

/* The statement's text with the words only its side used in [brackets], then its
 * speaker and source. */
static char *
statement_cell (ReadoutStatement            *statement,
                const ReadoutComparisonPair *pair,
                guint                        side)
{
  const char *text = readout_statement_get_text (statement);
  const char *speaker = readout_statement_get_speaker (statement);
  const char *source = readout_comparison_statement_source (statement);
  GString *cell = g_string_new (NULL);
  gsize done = 0;

  if (text == NULL)
    text = "";

  for (guint i = 0; pair != NULL && i < pair->diff->len; i++)
    {
      const ReadoutWordDiffSpan *span = &g_array_index (pair->diff, ReadoutWordDiffSpan, i);
      gsize start = side == 0 ? span->a_start : span->b_start;
      gsize end = side == 0 ? span->a_end : span->b_end;

      if (span->op != (side == 0 ? READOUT_WORD_DIFF_ONLY_A : READOUT_WORD_DIFF_ONLY_B))
        continue;

      g_string_append_len (cell, text + done, start - done);
      g_string_append_c (cell, '[');
      g_string_append_len (cell, text + start, end - start);
      g_string_append_c (cell, ']');
      done = end;
    }
  g_string_append (cell, text + done);

  if ((speaker != NULL && *speaker != '\0') || (source != NULL && *source != '\0'))
    {
      g_string_append (cell, "\n  — ");
      if (speaker != NULL && *speaker != '\0')
        g_string_append (cell, speaker);
      if (speaker != NULL && *speaker != '\0' && source != NULL && *source != '\0'
          && g_strcmp0 (speaker, source) != 0)
        g_string_append (cell, ", ");
      if (source != NULL && *source != '\0' && g_strcmp0 (speaker, source) != 0)
        g_string_append (cell, source);
    }

  return g_string_free (cell, FALSE);
}

static void
append_padded (GString    *out,
               const char *s,
               guint       width)
{
  guint w = text_width (s, -1);

  g_string_append (out, s);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

/* Lays out two cells side by side, level at the top. */
static void
append_level (GString    *out,
              const char *left,
              const char *right,
              guint       column)
{
  g_autoptr(GPtrArray) left_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) right_lines = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (left != NULL)
    wrap_into (left_lines, left, column);
  if (right != NULL)
    wrap_into (right_lines, right, column);
  n = MAX (left_lines->len, right_lines->len);

  for (guint i = 0; i < n; i++)
    {
      append_padded (out, i < left_lines->len ? g_ptr_array_index (left_lines, i) : "", column);
      g_string_append (out, " │ ");
      if (i < right_lines->len)
        g_string_append (out, g_ptr_array_index (right_lines, i));
      /* No trailing spaces: they upset e-mail clients and diffs. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_list_line (GString            *out,
                  const char         *heading,
                  const char * const *items,
                  const char         *none,
                  guint               width)
{
  g_autoptr(GString) line = g_string_new (heading);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_string_append_c (line, ' ');
  if (items == NULL || items[0] == NULL)
    g_string_append (line, none);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (line, "%s%s", i > 0 ? ", " : "", items[i]);

  wrap_into (lines, line->str, width);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
}

/* The row's references of both sides, one line each, level: "Also under Military aid: …" */
static void
append_references (GString           *out,
                   ReadoutComparison *self,
                   guint              row,
                   guint              column)
{
  g_autofree char *cell_a = NULL;
  g_autofree char *cell_b = NULL;
  char **cells[2] = { &cell_a, &cell_b };

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *references = readout_comparison_get_row_references (self, row, s);
      g_autoptr(GString) cell = g_string_new (NULL);

      for (guint i = 0; i < references->len; i++)
        {
          g_autofree char *line = readout_comparison_dup_reference_text (self, row, s, i);

          g_string_append_printf (cell, "%s%s", cell->len > 0 ? "\n" : "", line);
        }
      *cells[s] = cell->len > 0 ? g_string_free (g_steal_pointer (&cell), FALSE) : NULL;
    }
  if (cell_a != NULL || cell_b != NULL)
    append_level (out, cell_a, cell_b, column);
}

/**
 * readout_comparison_to_text:
 * @width: the width of the page in columns, or 0 for 100
 *
 * Renders the comparison as plain text for the terminal and the clipboard: the summary,
 * then each row with its status in words and the two sides in two columns kept level,
 * paired statements side by side and the words only one side used in [brackets].
 *
 * Returns: (transfer full): the text
 */
char *
readout_comparison_to_text (ReadoutComparison *self,
                            guint              width)
{
  GString *out = g_string_new (NULL);
  const char *labels[2];
  guint column;

  g_return_val_if_fail (READOUT_IS_COMPARISON (self), NULL);

  labels[0] = readout_comparison_get_label (self, READOUT_COMPARISON_SIDE_A);
  labels[1] = readout_comparison_get_label (self, READOUT_COMPARISON_SIDE_B);

  if (width == 0)
    width = 100;
  column = (MAX (width, 40) - 3) / 2;

  /* Translators: the two sides of a comparison, such as "US" and "RU" */
  g_string_append_printf (out, _("%s compared with %s"), labels[0], labels[1]);
  g_string_append_c (out, '\n');
  g_string_append_c (out, '\n');

  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *heading = NULL;

      if (readout_comparison_get_n_statements (self, s) == 0)
        {
          /* Translators: %s is a side of a comparison */
          g_string_append_printf (out, _("%s said nothing."), labels[s]);
          g_string_append_c (out, '\n');
          continue;
        }

      /* Translators: %s is a side of a comparison; a list of topics follows */
      heading = g_strdup_printf (_("Only %s mentioned:"), labels[s]);
      append_list_line (out, heading, readout_comparison_get_only_topics (self, s), _("nothing"), width);
    }
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *heading = NULL;

      if (readout_comparison_get_n_statements (self, s) == 0)
        continue;
      /* Translators: %s is a side of a comparison; a list of words follows */
      heading = g_strdup_printf (_("Words distinctive of %s:"), labels[s]);
      append_list_line (out, heading, readout_comparison_get_distinctive_words (self, s), _("none"), width);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < readout_comparison_get_n_rows (self); r++)
    {
      ReadoutComparisonStatus row_status = readout_comparison_get_row_status (self, r);
      GPtrArray *statements[2] = {
        readout_comparison_get_row_statements (self, r, READOUT_COMPARISON_SIDE_A),
        readout_comparison_get_row_statements (self, r, READOUT_COMPARISON_SIDE_B),
      };
      g_autofree char *status = NULL;
      g_autofree gboolean *b_done = g_new0 (gboolean, MAX (statements[1]->len, 1));

      if (row_status == READOUT_COMPARISON_STATUS_BOTH)
        status = g_strdup (_("both sides"));
      else
        /* Translators: %s is a side of a comparison */
        status = g_strdup_printf (_("only %s"), labels[row_status == READOUT_COMPARISON_STATUS_A_ONLY ? 0 : 1]);

      g_string_append_printf (out, "== %s — %s ==\n",
                              readout_comparison_get_row_topic (self, r), status);
      append_level (out, labels[0], labels[1], column);
      /* Only a side with nothing of its own in the row has references there: level with
       * the other side's first statement. */
      append_references (out, self, r, column);

      /* A's statements in order, each level with its pair; B's unpaired ones after. */
      for (guint i = 0; i < statements[0]->len; i++)
        {
          const ReadoutComparisonPair *pair = readout_comparison_find_pair (self, r, READOUT_COMPARISON_SIDE_A, i);
          g_autofree char *left = statement_cell (g_ptr_array_index (statements[0], i), pair, 0);
          g_autofree char *right = NULL;

          if (pair != NULL)
            {
              right = statement_cell (g_ptr_array_index (statements[1], pair->index_b), pair, 1);
              b_done[pair->index_b] = TRUE;
            }
          append_level (out, left, right, column);
        }
      for (guint j = 0; j < statements[1]->len; j++)
        {
          g_autofree char *right = NULL;

          if (b_done[j])
            continue;
          right = statement_cell (g_ptr_array_index (statements[1], j), NULL, 1);
          append_level (out, NULL, right, column);
        }
    }

  return g_string_free (out, FALSE);
}

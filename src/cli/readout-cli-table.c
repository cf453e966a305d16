// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-cli"

#include "config.h"

#include "readout-cli-table.h"

struct _ReadoutCliTable
{
  guint      n_columns;
  GPtrArray *rows;      /* GStrv of n_columns cells; the first row is the headings */
  glong     *widths;    /* in characters, not bytes */
};

ReadoutCliTable *
readout_cli_table_new (const char * const *headings)
{
  ReadoutCliTable *self = g_new0 (ReadoutCliTable, 1);

  g_return_val_if_fail (headings != NULL && headings[0] != NULL, NULL);

  self->n_columns = g_strv_length ((char **) headings);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->widths = g_new0 (glong, self->n_columns);
  readout_cli_table_add_row (self, headings);
  return self;
}

void
readout_cli_table_add_row (ReadoutCliTable    *self,
                           const char * const *cells)
{
  char **row = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    {
      row[i] = g_strdup (cells[i] != NULL ? cells[i] : "—");
      self->widths[i] = MAX (self->widths[i], g_utf8_strlen (row[i], -1));
    }
  g_ptr_array_add (self->rows, row);
}

static void
print_from (ReadoutCliTable *self,
            guint            first_row)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = first_row; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < self->n_columns; i++)
        {
          g_string_append (out, row[i]);
          if (i + 1 == self->n_columns)
            break;
          /* Padding by hand: a long table has tens of thousands of cells. */
          for (glong c = g_utf8_strlen (row[i], -1); c < self->widths[i] + 2; c++)
            g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
}

void
readout_cli_table_print (ReadoutCliTable *self)
{
  print_from (self, 0);
}

void
readout_cli_table_print_rows (ReadoutCliTable *self)
{
  print_from (self, 1);
}

void
readout_cli_table_free (ReadoutCliTable *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_free (self->widths);
  g_free (self);
}

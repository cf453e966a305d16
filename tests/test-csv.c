// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "readout-csv-export.h"
#include "readout-error.h"
#include "readout-sample.h"
#include "readout-test-util.h"

/* CSV export: RFC 4180 quoting of commas, quotes, line breaks; UTF-8 kept as is. */

/* A small RFC 4180 reader for checking: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
            {
              /* A quote inside an unquoted field is not RFC 4180. */
              g_assert_cmpint (*p, !=, '"');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          /* Every row ends in CRLF. */
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static const char tricky_text[] =
  "He said, \"We agreed\" —\nthen, on a new line: «Мы договорились о встрече».";

static void
test_quoting (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autofree char *calls_path = g_build_filename (folder, "calls.csv", NULL);
  g_autofree char *statements_path = g_build_filename (folder, "statements.csv", NULL);
  g_autoptr(ReadoutLeader) a = readout_test_add_leader (store, "Trump, Donald \"The Donald\"", "US");
  g_autoptr(ReadoutLeader) b = readout_test_add_leader (store, "Владимир Путин", "RU");
  g_autoptr(ReadoutCall) call = readout_test_add_call (store, "2017-01-28", readout_leader_get_id (a),
                                                       readout_leader_get_id (b));
  g_autoptr(ReadoutSource) source = readout_test_add_source (store, readout_call_get_id (call),
                                                             "Кремль, пресс-служба", "RU");
  g_autoptr(ReadoutStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_line = NULL;

  statement = readout_test_add_statement (store, readout_source_get_id (source), "Дмитрий Песков",
                                          "RU", tricky_text);

  g_assert_true (readout_csv_export_calls (store, calls_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (calls_path, &text, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "id,date,date_precision,participants,countries,status,"
                                         "duration_minutes,duration_qualifier,initiator,topics\r\n"));
  /* The participants field holds a comma and quotes: quoted, quotes doubled. */
  expected_line = g_strdup_printf ("%" G_GINT64_FORMAT ",2017-01-28,day,"
                                   "\"Trump, Donald \"\"The Donald\"\"; Владимир Путин\",US; RU,held,",
                                   readout_call_get_id (call));
  g_assert_nonnull (strstr (text, expected_line));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Trump, Donald \"The Donald\"; Владимир Путин");
  g_assert_cmpstr (cell (rows, 1, 4), ==, "US; RU");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  g_assert_true (readout_csv_export_statements (store, readout_call_get_id (call), statements_path,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (statements_path, &text, NULL, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cell (rows, 0, 8), ==, "text");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Кремль, пресс-служба");
  g_assert_cmpstr (cell (rows, 1, 4), ==, "Дмитрий Песков");
  g_assert_cmpstr (cell (rows, 1, 5), ==, "RU");
  g_assert_cmpstr (cell (rows, 1, 8), ==, tricky_text);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_sample (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autofree char *calls_path = g_build_filename (folder, "calls.csv", NULL);
  g_autofree char *statements_path = g_build_filename (folder, "statements.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gboolean found_more_than = FALSE;

  g_assert_true (readout_sample_populate (store, &error));
  g_assert_no_error (error);

  g_assert_true (readout_csv_export_calls (store, calls_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (calls_path, &text, NULL, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 1 + 5);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 10);
      if (g_str_equal (cell (rows, i, 7), "more_than"))
        {
          found_more_than = TRUE;
          g_assert_cmpstr (cell (rows, i, 1), ==, "2017-11-21");
          g_assert_cmpstr (cell (rows, i, 6), ==, "60");
          g_assert_nonnull (strstr (cell (rows, i, 9), "Syria"));
        }
    }
  g_assert_true (found_more_than);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* Every statement of every call. */
  g_assert_true (readout_csv_export_statements (store, 0, statements_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (statements_path, &text, NULL, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, >, 20);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 9);

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_errors (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "store.db");
  g_autofree char *in_missing = g_build_filename (folder, "missing", "calls.csv", NULL);
  g_autofree char *existing = g_build_filename (folder, "existing.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (readout_csv_export_calls (store, in_missing, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_false (readout_csv_export_calls (store, folder, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&error);

  /* A missing call fails before anything is written; an older file stays as it was. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_false (readout_csv_export_statements (store, 4242, existing, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND);
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".tmp"));

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/sample", test_sample);
  g_test_add_func ("/csv/errors", test_errors);

  return g_test_run ();
}

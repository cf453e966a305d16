// SPDX-License-Identifier: GPL-3.0-or-later
/* Whole-or-nothing output files, written as a stream or by name (SQLite, cairo). An
 * abandoned write leaves the target as it was, or absent, and no temporary file; a
 * committed one replaces the target, through a symbolic link. A new file is the case
 * GIO's g_file_replace() gets wrong for us: it writes a file that does not exist yet in
 * place, so an abandoned export would leave half a file. */
#define G_LOG_DOMAIN "test-safe-file"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "readout-error.h"
#include "readout-safe-file.h"
#include "readout-test-util.h"

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
write_stream (ReadoutSafeFile *file,
              const char      *text)
{
  g_autoptr(GError) error = NULL;

  GOutputStream *stream = readout_safe_file_get_stream (file, &error);

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_stream (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  ReadoutSafeFile *file;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Abandoned half way: the old file stays, and nothing beside it. */
  file = readout_safe_file_new (path, &error);
  g_assert_no_error (error);
  write_stream (file, "half of the new");
  readout_safe_file_free (file);
  assert_contents (path, "old");
  g_assert_cmpuint (count_files (folder), ==, 1);

  file = readout_safe_file_new (path, &error);
  write_stream (file, "new");
  g_assert_true (readout_safe_file_commit (file, &error));
  g_assert_no_error (error);
  readout_safe_file_free (file);
  assert_contents (path, "new");
  g_assert_cmpuint (count_files (folder), ==, 1);

  readout_test_remove_folder (folder);
}

/* A new file abandoned half way is not there at all. */
static void
test_stream_new_file (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "new.txt", NULL);
  g_autoptr(GError) error = NULL;
  ReadoutSafeFile *file;

  file = readout_safe_file_new (path, &error);
  g_assert_no_error (error);
  write_stream (file, "half of the new");
  readout_safe_file_free (file);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 0);

  readout_test_remove_folder (folder);
}

/* The file a link names is replaced, and the link stays a link. */
static void
test_stream_through_link (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *target = g_build_filename (folder, "target.txt", NULL);
  g_autofree char *link = g_build_filename (folder, "link.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutSafeFile) file = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.txt", link), ==, 0);

  file = readout_safe_file_new (link, &error);
  g_assert_no_error (error);
  write_stream (file, "new");
  g_assert_true (readout_safe_file_commit (file, &error));
  assert_contents (target, "new");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  readout_test_remove_folder (folder);
}

/* The checks come before any file is made: a folder, a missing folder, the open store. */
static void
test_refused (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "out.txt", NULL);
  g_autofree char *store = g_build_filename (folder, "store.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (readout_safe_file_new (folder, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (readout_safe_file_new (missing, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (store, "store", -1, NULL));
  readout_safe_file_protect (store);
  g_assert_null (readout_safe_file_new (store, &error));
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_INVALID);
  g_clear_error (&error);
  readout_safe_file_unprotect (store);
  assert_contents (store, "store");
  g_assert_cmpuint (count_files (folder), ==, 1);

  readout_test_remove_folder (folder);
}

/* A writer by name gets a temporary file; abandoned, it goes. */
static void
test_temp_path (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "out.db", NULL);
  g_autoptr(GError) error = NULL;
  ReadoutSafeFile *file;

  file = readout_safe_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (readout_safe_file_get_temp_path (file), "half", -1, NULL));
  readout_safe_file_free (file);
  g_assert_cmpuint (count_files (folder), ==, 0);

  file = readout_safe_file_new (path, &error);
  g_assert_true (g_file_set_contents (readout_safe_file_get_temp_path (file), "whole", -1, NULL));
  g_assert_true (readout_safe_file_commit (file, &error));
  g_assert_no_error (error);
  readout_safe_file_free (file);
  assert_contents (path, "whole");
  g_assert_cmpuint (count_files (folder), ==, 1);

  readout_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-file/stream", test_stream);
  g_test_add_func ("/safe-file/stream-new-file", test_stream_new_file);
  g_test_add_func ("/safe-file/stream-through-link", test_stream_through_link);
  g_test_add_func ("/safe-file/refused", test_refused);
  g_test_add_func ("/safe-file/temp-path", test_temp_path);
  return g_test_run ();
}

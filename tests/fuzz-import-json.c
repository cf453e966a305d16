// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "readout-error.h"
#include "readout-sample.h"
#include "readout-store-json.h"

/* libFuzzer harness over import-json: the outline pass (nesting, NUL, brackets),
 * json-glib on each part, the checks of every field and the writes, into an empty store
 * (ids kept) or one holding the sample (merging), as the first byte says. Each input is
 * rolled back, so the stores stay as they were. Built with -Dfuzzing=true and clang;
 * build-aux/fuzz SECONDS import-json runs it. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static ReadoutStore *stores[2];

static ReadoutStore *
open_scratch_store (const char *folder,
                    const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  ReadoutStore *store = readout_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("readout-fuzz-json-XXXXXX", &error);

  (void) argc;
  (void) argv;
  g_assert_no_error (error);
  /* A bad input must come back as a GError, never as a critical warning. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  stores[0] = open_scratch_store (folder, "empty.db");
  stores[1] = open_scratch_store (folder, "sample.db");
  g_assert_true (readout_sample_populate (stores[1], &error));
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReadoutStore *store;

  if (size == 0)
    return 0;
  store = stores[data[0] % 2];
  /* What readout_store_import_json_file() lets through: UTF-8 without NUL bytes. */
  if (memchr (data + 1, '\0', size - 1) != NULL ||
      !g_utf8_validate ((const char *) data + 1, (gssize) size - 1, NULL))
    return 0;
  text = g_strndup ((const char *) data + 1, size - 1);

  g_assert_true (readout_store_begin (store, &error));
  if (!readout_store_import_json (store, text, (gssize) size - 1, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == READOUT_ERROR);
      g_assert_null (strchr (error->message, '\n'));
    }
  readout_store_rollback (store);
  return 0;
}

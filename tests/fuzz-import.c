// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "import-fixtures.h"
#include "fuzz-import-run.h"

/* libFuzzer harness over the import path: the text reader (HTML through libxml2,
 * Markdown, plain) and the extractor, with the fixture set's leaders and the default
 * topics. Built with -Dfuzzing=true and clang; build-aux/fuzz runs it. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static ReadoutExtractor *extractor;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  (void) argc;
  (void) argv;

  /* The fixtures' leaders.json, found where the build put the source tree. */
  if (g_getenv ("G_TEST_SRCDIR") == NULL)
    g_setenv ("G_TEST_SRCDIR", READOUT_TESTS_SRCDIR, TRUE);
  /* A bad input must come back as a GError, never as a critical warning. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  extractor = import_fixture_extractor ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import_run (extractor, data, size);
  return 0;
}

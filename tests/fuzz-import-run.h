// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/* One fuzz input through the import path, shared by fuzz-import.c (libFuzzer) and
 * test-import.c (the regression cases the fuzzer found). The first byte picks the
 * path: the extractor on the bytes as they are (when they are UTF-8 text), or the
 * text reader in one of its formats (HTML through libxml2, Markdown, plain, guessed)
 * and then the extractor on what it gives. */

#include "readout-extractor.h"
#include "readout-import-text.h"

static inline void
fuzz_import_run (ReadoutExtractor *extractor,
                 const guint8     *data,
                 gsize             size)
{
  static const ReadoutImportFormat formats[] = {
    READOUT_IMPORT_FORMAT_HTML, READOUT_IMPORT_FORMAT_MARKDOWN,
    READOUT_IMPORT_FORMAT_PLAIN, READOUT_IMPORT_FORMAT_AUTO,
  };
  static const char * const names[] = { "fuzz.html", "fuzz.md", "fuzz.txt", "fuzz" };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ReadoutExtraction) extraction = NULL;
  guint mode;

  if (size == 0)
    return;
  mode = data[0] % 5;
  data++;
  size--;

  if (mode == 4)
    {
      /* The extractor's contract: NUL-terminated UTF-8. */
      if (memchr (data, '\0', size) != NULL || !g_utf8_validate ((const char *) data, size, NULL))
        return;
      text = g_strndup ((const char *) data, size);
    }
  else
    {
      text = readout_import_text_from_data ((const char *) data, size, names[mode], formats[mode], &error);
      if (text == NULL)
        {
          g_assert_nonnull (error);
          return;
        }
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  extraction = readout_extractor_extract (extractor, text, "fuzz", &error);
  if (extraction == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  {
    g_autoptr(JsonNode) node = readout_extraction_to_json (extraction);

    g_assert_nonnull (node);
  }
}

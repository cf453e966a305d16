// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest input file an import accepts, 10 MB (10,000,000 bytes, as the README
 * says); a readout or an article is a few kilobytes. */
#define READOUT_IMPORT_TEXT_MAX_SIZE 10000000

typedef enum {
  READOUT_IMPORT_FORMAT_AUTO,
  READOUT_IMPORT_FORMAT_PLAIN,
  READOUT_IMPORT_FORMAT_MARKDOWN,
  READOUT_IMPORT_FORMAT_HTML,
} ReadoutImportFormat;

/* Turns the bytes of an import file into UTF-8 plain text: paragraphs separated by
 * blank lines, no markup. Empty, binary, non-UTF-8 and oversized input fail with
 * READOUT_ERROR_BAD_INPUT and one sentence saying what is wrong. @name (nullable)
 * is used for the format (by extension) and in messages. */
char                *readout_import_text_from_data (const char          *data,
                                                    gsize                length,
                                                    const char          *name,
                                                    ReadoutImportFormat  format,
                                                    GError             **error);
/* The bytes of an import file, read with the limit above; only regular files are read
 * (see readout_input_file_read()). */
char                *readout_import_text_read_file (const char          *path,
                                                    gsize               *length,
                                                    GError             **error);
char                *readout_import_text_load      (const char          *path,
                                                    GError             **error);
/* Guesses the format from the file name and the first bytes. */
ReadoutImportFormat  readout_import_text_guess_format (const char       *name,
                                                       const char       *data,
                                                       gsize             length);
/* The conversions on their own, for text already known to be valid UTF-8. */
char                *readout_import_text_html_to_plain     (const char *html,
                                                            gsize       length);
char                *readout_import_text_markdown_to_plain (const char *markdown);
/* The address an HTML page gives for itself (canonical link or og:url), or NULL. */
char                *readout_import_text_find_address      (const char *data,
                                                            gsize       length);

G_END_DECLS

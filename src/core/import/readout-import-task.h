// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-extraction.h"
#include "readout-importer.h"

G_BEGIN_DECLS

/* Reading and extraction off the main loop, for the window: the bytes of a file (or of
 * pasted text) become plain text and then an extraction in a worker thread. Matching with
 * the store is left to the caller, on the thread that owns the store. */
void               readout_import_extract_bytes_async  (ReadoutImporter      *importer,
                                                        GBytes               *bytes,
                                                        const char           *name,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ReadoutExtraction *readout_import_extract_bytes_finish (ReadoutImporter      *importer,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* What the review page highlights in the source text. */
typedef enum {
  READOUT_IMPORT_SPAN_STATEMENT,
  READOUT_IMPORT_SPAN_CALL,         /* the sentence that reports a call */
  READOUT_IMPORT_SPAN_PARTICIPANT,
  READOUT_IMPORT_SPAN_DATE,
  READOUT_IMPORT_SPAN_DURATION,
} ReadoutImportSpanKind;

typedef struct {
  ReadoutImportSpanKind kind;
  guint                 call;   /* index of the call in the extraction */
  guint                 index;  /* the statement's or participant's index in its call */
  gsize                 start;  /* byte offsets into the extraction's text */
  gsize                 end;
} ReadoutImportSpan;

/* The spans of @extraction's text that gave each call its facts: the statements (from
 * their own spans), the first sentence reporting each call, every mention of a participant
 * (full name or surname, inflected Russian surnames too), and the date and duration
 * phrases. Sorted by start. Free with g_array_unref(). */
GArray *readout_import_find_spans (const ReadoutExtraction *extraction);

G_END_DECLS

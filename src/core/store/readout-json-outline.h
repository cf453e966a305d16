// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The outline of a JSON export, found in one pass over the text without building it:
 * where each member of the root object and each element of a list starts and ends.
 * The import then parses one call at a time, so a large export never exists as a tree
 * whole, and json-glib (which recurses) never sees anything nested deeper than
 * READOUT_JSON_MAX_DEPTH. The pass also refuses a NUL character (\u0000) in any
 * string, which json-glib would cut the string at, naming the member. It checks the
 * brackets, not every token: json-glib checks those when it parses each part. */

/* A Readout export is 8 levels deep; this leaves room and keeps json-glib's stack small. */
#define READOUT_JSON_MAX_DEPTH 64

typedef struct {
  gsize offset;        /* of the first byte, in the document */
  gsize length;
  guint line;          /* where it starts, from 1, for messages */
  guint column;
} ReadoutJsonSpan;

/* The members of the root object: name -> ReadoutJsonSpan of its value (the last one
 * when a name is repeated, as json-glib does). Fails with one sentence (BAD_INPUT) when
 * the document is empty, is not an object, is broken, too deep or holds a NUL. */
GHashTable *readout_json_outline_members  (const char             *data,
                                           gsize                   length,
                                           GError                **error);
/* Whether @span is a list (starts with "["). */
gboolean    readout_json_outline_is_list  (const char             *data,
                                           const ReadoutJsonSpan  *span);
/* The elements of the list at @span (which readout_json_outline_members() returned). */
GArray     *readout_json_outline_elements (const char             *data,
                                           const ReadoutJsonSpan  *span,
                                           GError                **error);

G_END_DECLS

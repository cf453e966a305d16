// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* CSV for spreadsheets: RFC 4180 (fields with commas, quotes or line breaks are quoted,
 * quotes doubled, lines end in CRLF), UTF-8, a header row. Lists inside a field
 * (participants, topics) are joined with "; ". Files are written to a temporary file
 * and renamed into place, so a failed export leaves no half-written file. */

/* One row per call: id, date, date_precision, participants, countries, status,
 * duration_minutes, duration_qualifier, initiator, topics; by date. */
gboolean readout_csv_export_calls      (ReadoutStore  *store,
                                        const char    *path,
                                        GError       **error);
/* One row per statement of @call_id (0: of every call): id, call_id, date (the call's),
 * source_publisher, speaker, side, kind, topics, text. */
gboolean readout_csv_export_statements (ReadoutStore  *store,
                                        gint64         call_id,
                                        const char    *path,
                                        GError       **error);
/* Appends one CSV row of @n_fields fields (a NULL field is empty) and its CRLF to @buffer. */
void     readout_csv_append_row        (GString             *buffer,
                                        const char * const  *fields,
                                        guint                n_fields);

G_END_DECLS

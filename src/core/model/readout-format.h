// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-enums.h"

G_BEGIN_DECLS

typedef struct _ReadoutStore ReadoutStore;

/* Localized, user-visible renderings of the model's values, shared by the window, the
 * CLI's tables and the PDF so that all three say the same thing. */

/* "Saturday, 28 January 2017", "January 2017", "2017"; NULL date gives "Date unknown". */
char       *readout_format_date         (const char               *iso_date,
                                         ReadoutDatePrecision      precision);
/* "more than 1 h", "about 35 min", "1 h 30 min"; -1 minutes gives NULL. */
char       *readout_format_duration     (int                       minutes,
                                         ReadoutDurationQualifier  qualifier);
/* "Held", "Announced", "Cancelled". */
const char *readout_format_call_status  (ReadoutCallStatus         status);
/* "Official readout", "Transcript", "Press release", "News report", ... */
const char *readout_format_source_kind  (ReadoutSourceKind         kind);
/* "Quote" or "Paraphrase". */
const char *readout_format_statement_kind (ReadoutStatementKind    kind);
/* The country's name for a side code ("Russia"), in the user's language, or "Independent
 * press" for NULL. */
char       *readout_format_side         (ReadoutStore             *store,
                                         const char               *side);
/* The weekday of an ISO day ("2017-11-21" -> "Tuesday"), NULL if not a valid day. */
char       *readout_format_weekday      (const char               *iso_date);
/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" strictly (the day must exist); gives the precision. */
gboolean    readout_parse_iso_date      (const char               *text,
                                         ReadoutDatePrecision     *precision,
                                         GDate                    *date);

/* A whole day, "YYYY-MM-DD", strictly; FALSE for NULL, a month or a year. */
gboolean    readout_parse_iso_day       (const char               *text,
                                         GDate                    *date);

G_END_DECLS

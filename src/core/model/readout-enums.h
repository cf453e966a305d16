// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The values are stored in the database by their nick (see readout_enum_to_string()),
 * never by number, so reordering or adding members cannot corrupt a store. */

typedef enum {
  READOUT_DATE_PRECISION_DAY,
  READOUT_DATE_PRECISION_MONTH,
  READOUT_DATE_PRECISION_YEAR,
} ReadoutDatePrecision;

typedef enum {
  READOUT_DURATION_UNKNOWN,
  READOUT_DURATION_EXACT,
  READOUT_DURATION_ABOUT,
  READOUT_DURATION_MORE_THAN, /*< nick=more_than >*/
  READOUT_DURATION_LESS_THAN, /*< nick=less_than >*/
} ReadoutDurationQualifier;

typedef enum {
  READOUT_CALL_STATUS_HELD,
  READOUT_CALL_STATUS_ANNOUNCED,
  READOUT_CALL_STATUS_CANCELLED,
} ReadoutCallStatus;

typedef enum {
  READOUT_SOURCE_KIND_READOUT,
  READOUT_SOURCE_KIND_TRANSCRIPT,
  READOUT_SOURCE_KIND_PRESS_RELEASE, /*< nick=press_release >*/
  READOUT_SOURCE_KIND_NEWS_REPORT, /*< nick=news_report >*/
  READOUT_SOURCE_KIND_BRIEFING,
  READOUT_SOURCE_KIND_SOCIAL_POST, /*< nick=social_post >*/
} ReadoutSourceKind;

typedef enum {
  READOUT_STATEMENT_KIND_QUOTE,
  READOUT_STATEMENT_KIND_PARAPHRASE,
} ReadoutStatementKind;

typedef enum {
  READOUT_LEADER_SORT_NAME,
  READOUT_LEADER_SORT_LAST_CALL, /*< nick=last_call >*/
} ReadoutLeaderSort;

/* Which sides of a comparison mention a topic. */
typedef enum {
  READOUT_COMPARISON_STATUS_BOTH,
  READOUT_COMPARISON_STATUS_A_ONLY, /*< nick=a_only >*/
  READOUT_COMPARISON_STATUS_B_ONLY, /*< nick=b_only >*/
} ReadoutComparisonStatus;

/* What a change signal is about; models subscribe to the kinds they show. */
typedef enum /*< flags >*/ {
  READOUT_CHANGE_LEADERS    = 1 << 0,
  READOUT_CHANGE_CALLS      = 1 << 1,
  READOUT_CHANGE_SOURCES    = 1 << 2,
  READOUT_CHANGE_STATEMENTS = 1 << 3,
  READOUT_CHANGE_TOPICS     = 1 << 4,
  READOUT_CHANGE_CONFLICTS  = 1 << 5,
  READOUT_CHANGE_ALL        = 0x3f,
} ReadoutChangeKind;

/* Stable machine names (the nicks), as used in the database, in JSON and on the
 * command line: `readout_enum_to_string (READOUT_TYPE_CALL_STATUS, status)` gives "held".
 * readout_enum_from_string() returns FALSE for a name the type does not have. */
const char *readout_enum_to_string   (GType       enum_type,
                                      int         value);
gboolean    readout_enum_from_string (GType       enum_type,
                                      const char *name,
                                      int        *value);

G_END_DECLS

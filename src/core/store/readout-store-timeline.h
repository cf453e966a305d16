// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* Calls over time: counts per period and counterpart, the pairs of leaders that talk
 * most, and one topic across a pair's calls. Each is one SQL aggregation over the
 * participants index (call_participants (leader_id, call_date, call_id)), never a walk
 * over every call in C.
 *
 * A call with three participants counts once for each pair in it. A call dated only to
 * the month or the year counts under that coarser period ("2017" in a month view): it
 * is never spread or guessed into a finer one. */

typedef enum {
  READOUT_TIMELINE_BY_WEEK,   /* ISO weeks, "2022-W09" */
  READOUT_TIMELINE_BY_MONTH,  /* "2022-02" */
  READOUT_TIMELINE_BY_YEAR,   /* "2022" */
} ReadoutTimelinePeriod;

/* What to count. A @leader_id of 0 counts every call, by period only. @from and @to
 * (nullable) are inclusive ISO dates of any precision: --to 2022-03 includes all March. */
typedef struct {
  gint64                leader_id;
  gint64                other_leader_id;  /* 0: every counterpart */
  const char           *from;
  const char           *to;
  ReadoutTimelinePeriod period;
} ReadoutTimelineQuery;

typedef struct {
  char   *period;
  gint64  counterpart_id;       /* 0 when the query has no leader */
  char   *counterpart_name;
  char   *counterpart_country;  /* nullable */
  guint   n_calls;              /* every status */
  guint   n_held;
} ReadoutTimelineCount;

void readout_timeline_count_free (ReadoutTimelineCount *count);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTimelineCount, readout_timeline_count_free)

/* ReadoutTimelineCount items ordered by period, then by the counterpart's number of
 * calls in the whole range (most first), then name. Bad dates give
 * READOUT_ERROR_INVALID. */
GPtrArray *readout_store_timeline_counts    (ReadoutStore               *self,
                                             const ReadoutTimelineQuery *query,
                                             GError                    **error);

/* One mark per call of a leader, for drawing: small and flat, so that the busiest
 * leader's eight thousand calls load in a few milliseconds. */
#define READOUT_TIMELINE_NO_LANE G_MAXUINT32

typedef struct {
  gint64  call_id;
  gint64  counterpart_id;   /* the first other participant, 0 for none */
  guint32 lane;             /* of counterpart_id, or READOUT_TIMELINE_NO_LANE */
  guint32 julian_day;       /* g_date_get_julian() of the date's first day */
  guint8  precision;        /* ReadoutDatePrecision */
  guint8  status;           /* ReadoutCallStatus */
  gint16  duration_minutes; /* -1 when unknown */
} ReadoutTimelineMark;

/* The counterparts of a leader (the lanes of a timeline). */
typedef struct {
  gint64  leader_id;
  char   *name;
  char   *country;  /* nullable */
  guint   n_calls;
} ReadoutTimelineLane;

void readout_timeline_lane_free (ReadoutTimelineLane *lane);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTimelineLane, readout_timeline_lane_free)

/* A call with a counterpart: a call of three has one mark, in its first counterpart's
 * lane, and counts once for each counterpart, as in readout_store_timeline_counts(). */
typedef struct {
  guint32 mark;  /* index in marks */
  guint32 lane;  /* index in lanes */
} ReadoutTimelineLink;

typedef struct {
  GArray    *marks;  /* ReadoutTimelineMark, oldest first */
  GPtrArray *lanes;  /* ReadoutTimelineLane, most calls first (ties by name) */
  GArray    *links;  /* ReadoutTimelineLink, in the order of the marks */
} ReadoutTimelineCalls;

void readout_timeline_calls_free (ReadoutTimelineCalls *calls);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTimelineCalls, readout_timeline_calls_free)

/* Every call of @leader_id with its counterparts: one read of the leader's participant
 * rows gives the marks, the lanes and what the histogram counts, where three
 * aggregations would walk the same rows three times. */
ReadoutTimelineCalls *readout_store_read_timeline (ReadoutStore  *self,
                                                   gint64         leader_id,
                                                   GError       **error);

/* Relations: pairs of leaders by how often they talk. */
typedef struct {
  const char *country;  /* nullable: only pairs with a leader of this country (code) */
  const char *from;     /* nullable, as in ReadoutTimelineQuery */
  const char *to;
  guint       limit;    /* 0: every pair */
} ReadoutRelationsQuery;

typedef struct {
  gint64  leader_a;      /* the lower id of the two */
  char   *name_a;
  char   *country_a;     /* nullable */
  gint64  leader_b;
  char   *name_b;
  char   *country_b;     /* nullable */
  guint   n_calls;
  guint   first_year;    /* of the pair's calls in the range */
  guint   n_years;       /* last_year - first_year + 1 */
  guint  *per_year;      /* n_years counts, per_year[i] for first_year + i */
} ReadoutRelation;

void readout_relation_free (ReadoutRelation *relation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutRelation, readout_relation_free)

/* ReadoutRelation items, most calls first (ties by names). */
GPtrArray *readout_store_relations          (ReadoutStore               *self,
                                             const ReadoutRelationsQuery *query,
                                             GError                    **error);

/* One topic across the calls of a pair: each call, oldest first, with the statements
 * on the topic of each leader's side (the statements whose side is that leader's
 * country). Calls where neither side mentioned it are kept, so a gap shows. */
typedef enum {
  READOUT_TOPIC_MENTIONED_BY_NONE = 0,
  READOUT_TOPIC_MENTIONED_BY_A    = 1 << 0,
  READOUT_TOPIC_MENTIONED_BY_B    = 1 << 1,
  READOUT_TOPIC_MENTIONED_BY_BOTH = READOUT_TOPIC_MENTIONED_BY_A | READOUT_TOPIC_MENTIONED_BY_B,
} ReadoutTopicMentionedBy;

typedef struct {
  ReadoutCall *call;
  GPtrArray   *side_a;  /* ReadoutStatement */
  GPtrArray   *side_b;
  /* Which sides' accounts raise the topic in this call: a readout is the only record
   * of who brought what up, so a topic one side alone reports is marked as raised by it. */
  ReadoutTopicMentionedBy mentioned_by;
} ReadoutTopicHistoryEntry;

void readout_topic_history_entry_free (ReadoutTopicHistoryEntry *entry);
/* "Raised by Russia", "Raised by both sides", "Not mentioned by either side", given the
 * names of the two sides. */
char *readout_topic_mentioned_by_format (ReadoutTopicMentionedBy  mentioned_by,
                                         const char              *side_a,
                                         const char              *side_b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTopicHistoryEntry, readout_topic_history_entry_free)

/* Finds a topic by name, case-insensitively; NULL (and READOUT_ERROR_NOT_FOUND) if none. */
ReadoutTopic *readout_store_find_topic      (ReadoutStore               *self,
                                             const char                 *name,
                                             GError                    **error);

/* ReadoutTopicHistoryEntry items. The two leaders need countries, and different ones
 * (READOUT_ERROR_INVALID otherwise): a side is a country. */
GPtrArray *readout_store_topic_history      (ReadoutStore               *self,
                                             gint64                      leader_a,
                                             gint64                      leader_b,
                                             gint64                      topic_id,
                                             GError                    **error);

G_END_DECLS

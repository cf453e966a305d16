// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "readout-enums.h"
#include "readout-call.h"
#include "readout-conflict.h"
#include "readout-leader.h"
#include "readout-source.h"
#include "readout-statement.h"
#include "readout-topic.h"

G_BEGIN_DECLS

#define READOUT_STORE_SCHEMA_VERSION 3

#define READOUT_TYPE_STORE (readout_store_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutStore, readout_store, READOUT, STORE, GObject)

/* Opening. A NULL path means the user's store, $XDG_DATA_HOME/readout/readout.db, whose
 * folder is created on first use; an explicit path must be in an existing folder.
 * Every failure leaves the file byte-for-byte as it was. */
ReadoutStore *readout_store_open                 (const char    *path,
                                                  GError       **error);
char         *readout_store_dup_default_path     (void);
const char   *readout_store_get_path             (ReadoutStore  *self);
gboolean      readout_store_is_read_only         (ReadoutStore  *self);
void          readout_store_set_busy_timeout     (ReadoutStore  *self,
                                                  guint          milliseconds);

/* Transactions. Every write below is atomic on its own; wrap several writes in
 * begin/commit to make them one change (an import, the sample data). Change
 * notifications of a transaction are emitted after its commit, and dropped on rollback. */
gboolean      readout_store_begin                (ReadoutStore  *self,
                                                  GError       **error);
gboolean      readout_store_commit               (ReadoutStore  *self,
                                                  GError       **error);
void          readout_store_rollback             (ReadoutStore  *self);

/* Other writers. Another program (readout-cli import, a second window) may commit to
 * the store too; its changes are announced through the same ::changed signal as this
 * store's own, with every kind set and no id. check_for_changes() looks once (SQLite's
 * data_version, a cheap read); while watching, it looks every half second and at once
 * when watching starts. */
gboolean      readout_store_check_for_changes    (ReadoutStore  *self);
void          readout_store_set_watching         (ReadoutStore  *self,
                                                  gboolean       watching);

/* Reading single rows. Missing rows give READOUT_ERROR_NOT_FOUND. */
ReadoutLeader    *readout_store_get_leader        (ReadoutStore  *self,
                                                   gint64         leader_id,
                                                   GError       **error);
ReadoutCall      *readout_store_get_call          (ReadoutStore  *self,
                                                   gint64         call_id,
                                                   GError       **error);
ReadoutSource    *readout_store_get_source        (ReadoutStore  *self,
                                                   gint64         source_id,
                                                   GError       **error);
ReadoutStatement *readout_store_get_statement     (ReadoutStore  *self,
                                                   gint64         statement_id,
                                                   GError       **error);
/* Finds a leader by exact name or alias, case-insensitively; NULL when there is none. */
ReadoutLeader    *readout_store_find_leader       (ReadoutStore  *self,
                                                   const char    *name_or_alias,
                                                   GError       **error);
/* The English name and the demonym of an ISO 3166 alpha-2 code ("RU" -> "Russia", "Russian"). */
/* Every country code the store knows, sorted. */
GStrv             readout_store_dup_country_codes (ReadoutStore  *self);
gboolean          readout_store_lookup_country    (ReadoutStore  *self,
                                                   const char    *code,
                                                   char         **name,
                                                   char         **demonym);
/* Finds a country code by English name or demonym ("Russia", "Russian", "russian"). */
char             *readout_store_find_country_code (ReadoutStore  *self,
                                                   const char    *name_or_demonym);

/* Writing. insert_* store a new row and set the object's id; update_* write every
 * field of an object that has an id; delete_* remove a row and what depends on it
 * (a call's sources, statements and conflicts). */
gboolean readout_store_insert_leader     (ReadoutStore     *self,
                                          ReadoutLeader    *leader,
                                          GError          **error);
gboolean readout_store_update_leader     (ReadoutStore     *self,
                                          ReadoutLeader    *leader,
                                          GError          **error);
gboolean readout_store_delete_leader     (ReadoutStore     *self,
                                          gint64            leader_id,
                                          GError          **error);
/* A call needs at least two participant ids (readout_call_set_participant_ids()). */
gboolean readout_store_insert_call       (ReadoutStore     *self,
                                          ReadoutCall      *call,
                                          GError          **error);
gboolean readout_store_update_call       (ReadoutStore     *self,
                                          ReadoutCall      *call,
                                          GError          **error);
gboolean readout_store_delete_call       (ReadoutStore     *self,
                                          gint64            call_id,
                                          GError          **error);
gboolean readout_store_insert_source     (ReadoutStore     *self,
                                          ReadoutSource    *source,
                                          GError          **error);
gboolean readout_store_update_source     (ReadoutStore     *self,
                                          ReadoutSource    *source,
                                          GError          **error);
gboolean readout_store_delete_source     (ReadoutStore     *self,
                                          gint64            source_id,
                                          GError          **error);
/* Statements are tagged with the topics whose keywords they contain as they are
 * stored; the topics property of the object is filled in. */
gboolean readout_store_insert_statement  (ReadoutStore     *self,
                                          ReadoutStatement *statement,
                                          GError          **error);
gboolean readout_store_update_statement  (ReadoutStore     *self,
                                          ReadoutStatement *statement,
                                          GError          **error);
gboolean readout_store_delete_statement  (ReadoutStore     *self,
                                          gint64            statement_id,
                                          GError          **error);
/* Changing the topic list re-tags every stored statement. */
gboolean readout_store_insert_topic      (ReadoutStore     *self,
                                          ReadoutTopic     *topic,
                                          GError          **error);
gboolean readout_store_update_topic      (ReadoutStore     *self,
                                          ReadoutTopic     *topic,
                                          GError          **error);
gboolean readout_store_delete_topic      (ReadoutStore     *self,
                                          gint64            topic_id,
                                          GError          **error);
gboolean readout_store_insert_conflict   (ReadoutStore     *self,
                                          ReadoutConflict  *conflict,
                                          GError          **error);
gboolean readout_store_delete_conflict   (ReadoutStore     *self,
                                          gint64            conflict_id,
                                          GError          **error);

/* Merging. Two leaders that are the same person: @merged_id's calls, initiations and
 * aliases (its name becomes one) move to @kept_id, then @merged_id is deleted. Refused
 * when the two took part in the same call. Two calls that are the same call: the
 * sources, statements and conflicts of @merged_id move to @kept_id, whose participants
 * gain any it lacked, status becomes held if either was, duration and initiator are
 * filled in where unknown; then @merged_id is deleted. Each is one transaction. */
gboolean readout_store_merge_leaders     (ReadoutStore     *self,
                                          gint64            kept_id,
                                          gint64            merged_id,
                                          GError          **error);
gboolean readout_store_merge_calls       (ReadoutStore     *self,
                                          gint64            kept_id,
                                          gint64            merged_id,
                                          GError          **error);

/* Lists. Each returns a GListModel that pages its rows out of SQLite on demand and
 * emits items-changed when the store changes what it shows. */

/* ReadoutLeader items with call-count and last-call-date. @filter (nullable) matches
 * name, alias, country code or country name as a case-insensitive substring. */
GListModel *readout_store_list_leaders          (ReadoutStore      *self,
                                                 ReadoutLeaderSort  sort,
                                                 const char        *filter);
/* ReadoutCall items of @leader_id, newest first; with @other_leader_id (0 = any) only
 * the calls between the two. A @leader_id of 0 lists every call. */
GListModel *readout_store_list_calls            (ReadoutStore      *self,
                                                 gint64             leader_id,
                                                 gint64             other_leader_id);
/* What a calls list may be narrowed to; every field NULL (or -1) means no narrowing. */
typedef struct {
  const char *topic;      /* a topic's name: calls with a statement about it */
  const char *date_from;  /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive */
  const char *date_to;    /* inclusive: "2017" takes in all of 2017 */
  int         status;     /* a ReadoutCallStatus, or -1 for any */
} ReadoutCallFilter;

#define READOUT_CALL_FILTER_INIT { NULL, NULL, NULL, -1 }

/* readout_store_list_calls() narrowed by @filter (nullable), in SQL: a call whose date is
 * known only to the month or year is in a range it overlaps. Errors: READOUT_ERROR_INVALID
 * for a date that is not ISO. */
GListModel *readout_store_list_calls_filtered   (ReadoutStore            *self,
                                                 gint64                   leader_id,
                                                 gint64                   other_leader_id,
                                                 const ReadoutCallFilter *filter,
                                                 GError                 **error);
/* ReadoutSource items of a call, sides first (sorted by country code), then the
 * independent press, each by date. */
GListModel *readout_store_list_sources          (ReadoutStore      *self,
                                                 gint64             call_id);
/* ReadoutStatement items of a call grouped by side (sides by country code, then
 * statements with no side), within a side by source and position. */
GListModel *readout_store_list_statements       (ReadoutStore      *self,
                                                 gint64             call_id);
/* ReadoutStatement items of one source, in order. */
GListModel *readout_store_list_source_statements (ReadoutStore     *self,
                                                 gint64             source_id);
/* ReadoutConflict items of a call. */
GListModel *readout_store_list_conflicts        (ReadoutStore      *self,
                                                 gint64             call_id);
/* The texts of up to @limit statements of calls other than @call_id, newest first: a
 * sample of the store's language for weighting words (the comparison's TF-IDF). */
GStrv       readout_store_sample_statement_texts (ReadoutStore     *self,
                                                 gint64             call_id,
                                                 guint              limit);
/* ReadoutTopic items, by name. */
GListModel *readout_store_list_topics           (ReadoutStore      *self);
/* ReadoutSearchHit items for what a user typed (plain words, never FTS syntax; the
 * last word also matches as a prefix). Ranked by relevance when there are at most
 * READOUT_STORE_SEARCH_RANK_LIMIT matches; otherwise, so that the commonest word stays
 * fast, the newest READOUT_STORE_SEARCH_RANK_WINDOW matches, newest first (see
 * ReadoutSearchModel). */
#define READOUT_STORE_SEARCH_RANK_LIMIT  5000
#define READOUT_STORE_SEARCH_RANK_WINDOW 2000
GListModel *readout_store_search                (ReadoutStore      *self,
                                                 const char        *query,
                                                 GError           **error);

/* What a search may be narrowed to; zero and NULL fields mean no narrowing. */
typedef struct {
  gint64      leader_id;  /* calls this leader took part in */
  const char *side;       /* a country code; "" for the independent press */
  const char *date_from;  /* the call's date, as in ReadoutCallFilter */
  const char *date_to;
} ReadoutSearchFilter;

/* readout_store_search() narrowed by @filter (nullable), in SQL. Errors:
 * READOUT_ERROR_INVALID for a date that is not ISO. */
GListModel *readout_store_search_filtered       (ReadoutStore              *self,
                                                 const char                *query,
                                                 const ReadoutSearchFilter *filter,
                                                 GError                   **error);

G_END_DECLS

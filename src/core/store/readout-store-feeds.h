// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-store.h"

G_BEGIN_DECLS

/* The store's side of readouts from the web: sources found by their address, the
 * followed feeds with what their server said last (for conditional requests), and every
 * feed item seen, in the Inbox or not. */

typedef struct {
  gint64  id;
  char   *url;
  char   *title;          /* nullable until the first check */
  char   *etag;           /* nullable */
  char   *last_modified;  /* nullable */
  char   *checked_at;     /* ISO 8601 UTC of the last check, or NULL */
  int     failures;       /* checks that failed in a row */
  char   *last_error;     /* nullable */
} ReadoutFeed;

typedef enum {
  READOUT_FEED_ITEM_INBOX,      /* a call readout waiting for review */
  READOUT_FEED_ITEM_SKIPPED,    /* no call in it */
  READOUT_FEED_ITEM_FAILED,     /* its page could not be read */
  READOUT_FEED_ITEM_FILED,
  READOUT_FEED_ITEM_DISMISSED,
} ReadoutFeedItemState;

typedef struct {
  gint64                id;
  gint64                feed_id;   /* 0 once its feed is no longer followed */
  char                 *key;       /* the item's guid or id, else its link */
  char                 *url;
  char                 *title;
  char                 *published; /* ISO date, or NULL */
  ReadoutFeedItemState  state;
  char                 *text;      /* the page's plain text, for the review; NULL unless in the Inbox */
} ReadoutFeedItem;

ReadoutFeed     *readout_feed_new        (void);
void             readout_feed_free       (ReadoutFeed     *feed);
ReadoutFeedItem *readout_feed_item_new   (void);
void             readout_feed_item_free  (ReadoutFeedItem *item);

/* The id of the source stored with @url (0 if none), and its call's id in @call_id. */
gint64     readout_store_find_source_by_url (ReadoutStore     *self,
                                             const char       *url,
                                             gint64           *call_id,
                                             GError          **error);

/* Follows @url; READOUT_ERROR_INVALID when it is followed already. Returns the feed's id. */
gint64     readout_store_add_feed        (ReadoutStore     *self,
                                          const char       *url,
                                          GError          **error);
/* READOUT_ERROR_NOT_FOUND when @url is not followed. Its items stay seen. */
gboolean   readout_store_remove_feed     (ReadoutStore     *self,
                                          const char       *url,
                                          GError          **error);
/* ReadoutFeed, in the order they were added. */
GPtrArray *readout_store_list_feeds      (ReadoutStore     *self,
                                          GError          **error);
/* Writes back title, etag, last_modified, checked_at, failures and last_error. */
gboolean   readout_store_update_feed     (ReadoutStore     *self,
                                          const ReadoutFeed *feed,
                                          GError          **error);

/* TRUE when an item with @key was ever recorded, whatever became of it. */
gboolean   readout_store_feed_item_seen  (ReadoutStore     *self,
                                          const char       *key,
                                          GError          **error);
/* Records a new item and sets @item->id; an item with that key recorded meanwhile (by
 * another connection) is left as it is, with @item->id 0. */
gboolean   readout_store_add_feed_item   (ReadoutStore     *self,
                                          ReadoutFeedItem  *item,
                                          GError          **error);
/* The items in the Inbox (with their text), newest first. */
GPtrArray *readout_store_list_inbox      (ReadoutStore     *self,
                                          GError          **error);
guint      readout_store_count_inbox     (ReadoutStore     *self);
/* Leaving the Inbox drops the item's text; only its key is needed from then on. */
gboolean   readout_store_set_feed_item_state (ReadoutStore         *self,
                                              gint64                item_id,
                                              ReadoutFeedItemState  state,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutFeed, readout_feed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutFeedItem, readout_feed_item_free)

G_END_DECLS

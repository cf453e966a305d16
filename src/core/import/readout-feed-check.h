// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-importer.h"
#include "readout-store-feeds.h"

G_BEGIN_DECLS

/* Checking a followed feed: a conditional request (ETag, Last-Modified), then each item
 * never seen before is fetched and extracted; the call readouts go to the Inbox (or, when
 * asked, are filed if they extract without doubt), the rest are remembered as seen. */

/* At most this many item pages are fetched per feed and check; the rest wait for the next. */
#define READOUT_FEED_CHECK_MAX_PAGES 20

typedef struct {
  gboolean  file;             /* file the readouts that extract without doubt */
  guint     timeout_seconds;  /* 0: the default */
} ReadoutFeedCheckOptions;

typedef struct {
  gboolean   not_modified;   /* the server answered 304 */
  guint      n_entries;      /* items in the feed */
  guint      n_new;          /* items not seen before, looked at in this check */
  GPtrArray *offered;        /* ReadoutFeedItem put in the Inbox or filed in this check */
} ReadoutFeedCheckResult;

void     readout_feed_check_result_clear (ReadoutFeedCheckResult        *result);

/* Checks @feed, blocking, and records the outcome in @store (the feed's validators, its
 * failures, the items seen). FALSE when the feed itself could not be read, with the
 * failure counted in @feed->failures and its sentence in @error. */
gboolean readout_feed_check              (ReadoutStore                  *store,
                                          ReadoutImporter               *importer,
                                          ReadoutFeed                   *feed,
                                          const ReadoutFeedCheckOptions *options,
                                          GCancellable                  *cancellable,
                                          ReadoutFeedCheckResult        *result,
                                          GError                       **error);

/* TRUE when every call of @extraction has a day, two participants and no conflict: what
 * `follow check --file` files without a person looking at it. */
gboolean readout_feed_extraction_is_certain (const ReadoutExtraction *extraction);

/* Whether @feed is due for a check at @now: @interval seconds after the last one, doubled
 * for each failure in a row (up to 16 times), so a broken feed is not hammered. */
gboolean readout_feed_is_due (const ReadoutFeed *feed,
                              GDateTime         *now,
                              guint              interval);

/* The extraction of an Inbox item, from its stored text, for the import review. */
ReadoutExtraction *readout_feed_item_extract (ReadoutImporter       *importer,
                                              const ReadoutFeedItem *item,
                                              GError               **error);

G_END_DECLS

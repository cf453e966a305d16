// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading an RSS 2.0 (or 1.0) or Atom feed with libxml2: no network, no entity
 * expansion, a document that declares entities refused, at most READOUT_FEED_MAX_ITEMS
 * items read (the newest come first in every feed Readout follows). */

#define READOUT_FEED_MAX_ITEMS 1000

typedef struct {
  char *key;        /* guid or id when there is one, else the link */
  char *url;        /* nullable */
  char *title;      /* nullable */
  char *published;  /* ISO day, or NULL */
} ReadoutFeedEntry;

typedef struct {
  char      *title;    /* nullable */
  GPtrArray *entries;  /* ReadoutFeedEntry, in the feed's order */
} ReadoutParsedFeed;

/* Fails with READOUT_ERROR_BAD_INPUT and a sentence naming @url: not well-formed, an HTML
 * page, XML that is not a feed, entity declarations. @charset (nullable) is the header's. */
ReadoutParsedFeed *readout_feed_parse      (const char        *data,
                                            gsize              length,
                                            const char        *charset,
                                            const char        *url,
                                            GError           **error);
void               readout_parsed_feed_free (ReadoutParsedFeed *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutParsedFeed, readout_parsed_feed_free)

G_END_DECLS

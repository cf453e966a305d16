// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-feed-check"

#include "config.h"

#include "readout-error.h"
#include "readout-feed-check.h"
#include "readout-feed.h"
#include "readout-web-import.h"

/* An item is recorded as seen once its fate is known (a readout for the Inbox, filed, no
 * call in it, a page that is gone); an item whose page could not be reached for a reason
 * that may pass (no network, too slow) is left unseen, to be tried at the next check. */

typedef enum {
  ENTRY_RECORDED,
  ENTRY_RETRY_LATER,
  ENTRY_CANCELLED,
} EntryOutcome;

void
readout_feed_check_result_clear (ReadoutFeedCheckResult *result)
{
  g_clear_pointer (&result->offered, g_ptr_array_unref);
}

gboolean
readout_feed_extraction_is_certain (const ReadoutExtraction *extraction)
{
  if (extraction->calls->len == 0)
    return FALSE;
  for (guint i = 0; i < extraction->calls->len; i++)
    {
      ReadoutExtractedCall *call = g_ptr_array_index (extraction->calls, i);

      if (call->date == NULL || call->date_precision != READOUT_DATE_PRECISION_DAY ||
          call->participants->len != 2 || call->conflicts->len > 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
readout_feed_is_due (const ReadoutFeed *feed,
                     GDateTime         *now,
                     guint              interval)
{
  g_autoptr(GDateTime) checked = NULL;
  gint64 wait;

  g_return_val_if_fail (feed != NULL && now != NULL, FALSE);

  if (feed->checked_at == NULL || (checked = g_date_time_new_from_iso8601 (feed->checked_at, NULL)) == NULL)
    return TRUE;
  wait = (gint64) interval << MIN (MAX (feed->failures, 0), 4);
  return g_date_time_difference (now, checked) >= wait * G_TIME_SPAN_SECOND;
}

ReadoutExtraction *
readout_feed_item_extract (ReadoutImporter       *importer,
                           const ReadoutFeedItem *item,
                           GError               **error)
{
  ReadoutExtraction *extraction;

  g_return_val_if_fail (READOUT_IS_IMPORTER (importer), NULL);
  g_return_val_if_fail (item != NULL && item->text != NULL, NULL);

  extraction = readout_extractor_extract (readout_importer_get_extractor (importer), item->text,
                                          item->url != NULL ? item->url : item->key, error);
  if (extraction != NULL)
    readout_web_import_fill (extraction, item->url, item->title, item->published);
  return extraction;
}

static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NO_NETWORK) ||
         g_error_matches (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_DNS) ||
         g_error_matches (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TLS) ||
         g_error_matches (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TIMED_OUT);
}

/* Files @extraction on its own; FALSE (and the item goes to the Inbox) when it cannot be. */
static gboolean
file_extraction (ReadoutStore      *store,
                 ReadoutImporter   *importer,
                 ReadoutExtraction *extraction)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  readout_importer_match (importer, extraction);
  g_ptr_array_add (one, extraction);
  if (!readout_importer_file (importer, one, NULL, NULL, &error))
    {
      g_message ("%s goes to the Inbox: %s", extraction->url, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads @entry's page and decides what becomes of it, in @item. */
static EntryOutcome
look_at_entry (ReadoutStore                  *store,
               ReadoutImporter               *importer,
               const ReadoutFeedEntry        *entry,
               const ReadoutFeedCheckOptions *options,
               GCancellable                  *cancellable,
               ReadoutFeedItem               *item)
{
  ReadoutWebFetchOptions fetch = { .want = READOUT_WEB_WANT_PAGE, .timeout_seconds = options->timeout_seconds };
  g_autoptr(ReadoutWebPage) page = NULL;
  g_autoptr(ReadoutExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;

  item->state = READOUT_FEED_ITEM_SKIPPED;
  if (entry->url == NULL || readout_store_find_source_by_url (store, entry->url, NULL, NULL) > 0)
    return ENTRY_RECORDED;

  page = readout_web_fetch (entry->url, &fetch, cancellable, &error);
  if (page == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return ENTRY_CANCELLED;
      if (is_transient (error))
        return ENTRY_RETRY_LATER;
      item->state = READOUT_FEED_ITEM_FAILED;
      return ENTRY_RECORDED;
    }
  extraction = readout_web_import_extract (importer, page, &error);
  if (extraction == NULL)
    return ENTRY_RECORDED;

  g_free (item->title);
  item->title = g_strdup (extraction->title != NULL ? extraction->title : entry->title);
  if (extraction->published != NULL)
    {
      g_free (item->published);
      item->published = g_strdup (extraction->published);
    }
  if (options->file && readout_feed_extraction_is_certain (extraction) &&
      file_extraction (store, importer, extraction))
    item->state = READOUT_FEED_ITEM_FILED;
  else
    {
      item->state = READOUT_FEED_ITEM_INBOX;
      item->text = g_strdup (extraction->text);
    }
  return ENTRY_RECORDED;
}

static gboolean
offer_new_entries (ReadoutStore                  *store,
                   ReadoutImporter               *importer,
                   ReadoutFeed                   *feed,
                   ReadoutParsedFeed             *parsed,
                   const ReadoutFeedCheckOptions *options,
                   GCancellable                  *cancellable,
                   ReadoutFeedCheckResult        *result,
                   GError                       **error)
{
  for (guint i = 0; i < parsed->entries->len && result->n_new < READOUT_FEED_CHECK_MAX_PAGES; i++)
    {
      ReadoutFeedEntry *entry = g_ptr_array_index (parsed->entries, i);
      g_autoptr(ReadoutFeedItem) item = NULL;
      EntryOutcome outcome;

      if (readout_store_feed_item_seen (store, entry->key, NULL))
        continue;
      result->n_new++;
      item = readout_feed_item_new ();
      item->feed_id = feed->id;
      item->key = g_strdup (entry->key);
      item->url = g_strdup (entry->url);
      item->title = g_strdup (entry->title);
      item->published = g_strdup (entry->published);
      outcome = look_at_entry (store, importer, entry, options, cancellable, item);
      if (outcome == ENTRY_CANCELLED)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      if (outcome == ENTRY_RETRY_LATER)
        continue;
      if (!readout_store_add_feed_item (store, item, error))
        return FALSE;
      if (item->id > 0 && (item->state == READOUT_FEED_ITEM_INBOX || item->state == READOUT_FEED_ITEM_FILED))
        g_ptr_array_add (result->offered, g_steal_pointer (&item));
    }
  return TRUE;
}

/* A failed check counts as a check too: the back-off runs from it. */
static void
record_failure (ReadoutStore *store,
                ReadoutFeed  *feed,
                GDateTime    *now,
                const GError *error)
{
  g_free (feed->checked_at);
  feed->checked_at = g_date_time_format_iso8601 (now);
  feed->failures++;
  g_free (feed->last_error);
  feed->last_error = g_strdup (error->message);
  readout_store_update_feed (store, feed, NULL);
}

gboolean
readout_feed_check (ReadoutStore                  *store,
                    ReadoutImporter               *importer,
                    ReadoutFeed                   *feed,
                    const ReadoutFeedCheckOptions *options,
                    GCancellable                  *cancellable,
                    ReadoutFeedCheckResult        *result,
                    GError                       **error)
{
  ReadoutWebFetchOptions fetch = { .want = READOUT_WEB_WANT_FEED, .timeout_seconds = options->timeout_seconds,
                                   .etag = feed->etag, .last_modified = feed->last_modified };
  g_autoptr(ReadoutWebPage) page = NULL;
  g_autoptr(ReadoutParsedFeed) parsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (READOUT_IS_STORE (store) && READOUT_IS_IMPORTER (importer), FALSE);
  g_return_val_if_fail (feed != NULL && options != NULL && result != NULL, FALSE);

  *result = (ReadoutFeedCheckResult) { .offered = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_feed_item_free) };
  page = readout_web_fetch (feed->url, &fetch, cancellable, &local_error);
  if (page != NULL && !page->not_modified)
    parsed = readout_feed_parse (page->body, page->length, page->charset, feed->url, &local_error);
  if (local_error != NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        record_failure (store, feed, now, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_free (feed->checked_at);
  feed->checked_at = g_date_time_format_iso8601 (now);
  feed->failures = 0;
  g_clear_pointer (&feed->last_error, g_free);
  result->not_modified = page->not_modified;
  if (!page->not_modified)
    {
      g_free (feed->etag);
      feed->etag = g_strdup (page->etag);
      g_free (feed->last_modified);
      feed->last_modified = g_strdup (page->last_modified);
      if (parsed->title != NULL)
        {
          g_free (feed->title);
          feed->title = g_strdup (parsed->title);
        }
      result->n_entries = parsed->entries->len;
      if (!offer_new_entries (store, importer, feed, parsed, options, cancellable, result, error))
        return FALSE;
    }
  return readout_store_update_feed (store, feed, error);
}

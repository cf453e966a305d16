// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-store-feeds"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-store-feeds.h"
#include "readout-store-private.h"

/* Feeds and their items are small tables (a few feeds, a few thousand items a year): plain
 * arrays of structs are enough, with no list model paging them. */

static const char * const item_states[] = { "inbox", "skipped", "failed", "filed", "dismissed" };

ReadoutFeed *
readout_feed_new (void)
{
  return g_new0 (ReadoutFeed, 1);
}

void
readout_feed_free (ReadoutFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed->etag);
  g_free (feed->last_modified);
  g_free (feed->checked_at);
  g_free (feed->last_error);
  g_free (feed);
}

ReadoutFeedItem *
readout_feed_item_new (void)
{
  return g_new0 (ReadoutFeedItem, 1);
}

void
readout_feed_item_free (ReadoutFeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->url);
  g_free (item->title);
  g_free (item->published);
  g_free (item->text);
  g_free (item);
}

static char *
dup_column (ReadoutDbStatement *stmt,
            int           column)
{
  return g_strdup (readout_db_statement_column_text (stmt, column));
}

/* Runs a one-row write (bound by @bind) in its own transaction. When @id is not NULL,
 * it is set to the first column of the row the SQL returns (RETURNING id), or 0. */
static gboolean
write_one (ReadoutStore  *self,
           const char    *sql,
           const char    *what,
           void         (*bind) (ReadoutDbStatement *stmt, gconstpointer data),
           gconstpointer  data,
           gint64        *id,
           GError       **error)
{
  ReadoutDbStatement *stmt;
  gboolean ok;

  if (!readout_store_write_begin (self, error))
    return FALSE;
  stmt = readout_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      bind (stmt, data);
      if (id != NULL)
        *id = 0;
      ok = readout_store_step_returning (self, stmt, what, id, error);
    }
  return readout_store_write_end (self, ok, error) && ok;
}

gint64
readout_store_find_source_by_url (ReadoutStore  *self,
                                  const char    *url,
                                  gint64        *call_id,
                                  GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  ReadoutDbStatement *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), 0);
  g_return_val_if_fail (url != NULL, 0);

  stmt = readout_store_prepare (self, "SELECT id, call_id FROM sources WHERE url = ? ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  readout_db_statement_bind_text (stmt, 1, url);
  rc = readout_db_statement_step (stmt, &db_error);
  if (rc == READOUT_DB_ROW)
    {
      id = readout_db_statement_column_int64 (stmt, 0);
      if (call_id != NULL)
        *call_id = readout_db_statement_column_int64 (stmt, 1);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_ROW && rc != READOUT_DB_DONE)
    readout_store_set_db_error (self, db_error, _("Could not look for the address"), error);
  return id;
}

static gint64
find_feed (ReadoutStore *self,
           const char   *url)
{
  ReadoutDbStatement *stmt = readout_store_prepare (self, "SELECT id FROM feeds WHERE url = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  readout_db_statement_bind_text (stmt, 1, url);
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    id = readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return id;
}

static void
bind_url (ReadoutDbStatement  *stmt,
          gconstpointer  data)
{
  readout_db_statement_bind_text (stmt, 1, data);
}

gint64
readout_store_add_feed (ReadoutStore  *self,
                        const char    *url,
                        GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), 0);
  g_return_val_if_fail (url != NULL, 0);

  if (find_feed (self, url) > 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_INVALID, _("%s is followed already."), url);
      return 0;
    }
  if (!write_one (self, "INSERT INTO feeds (url) VALUES (?)", _("Could not follow the feed"),
                  bind_url, url, NULL, error))
    return 0;
  return find_feed (self, url);
}

gboolean
readout_store_remove_feed (ReadoutStore  *self,
                           const char    *url,
                           GError       **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  if (find_feed (self, url) == 0)
    {
      g_set_error (error, READOUT_ERROR, READOUT_ERROR_NOT_FOUND,
                   _("%s is not followed; “readout-cli follow list” shows the feeds that are."), url);
      return FALSE;
    }
  return write_one (self, "DELETE FROM feeds WHERE url = ?", _("Could not stop following the feed"),
                    bind_url, url, NULL, error);
}

GPtrArray *
readout_store_list_feeds (ReadoutStore  *self,
                          GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_feed_free);
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  stmt = readout_store_prepare (self, "SELECT id, url, title, etag, last_modified, checked_at, failures,"
                                      " last_error FROM feeds ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutFeed *feed = readout_feed_new ();

      feed->id = readout_db_statement_column_int64 (stmt, 0);
      feed->url = dup_column (stmt, 1);
      feed->title = dup_column (stmt, 2);
      feed->etag = dup_column (stmt, 3);
      feed->last_modified = dup_column (stmt, 4);
      feed->checked_at = dup_column (stmt, 5);
      feed->failures = (int) readout_db_statement_column_int64 (stmt, 6);
      feed->last_error = dup_column (stmt, 7);
      g_ptr_array_add (feeds, feed);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (self, db_error, _("Could not read the followed feeds"), error);
      return NULL;
    }
  return g_steal_pointer (&feeds);
}

static void
bind_feed (ReadoutDbStatement  *stmt,
           gconstpointer  data)
{
  const ReadoutFeed *feed = data;

  readout_store_bind_text_or_null (stmt, 1, feed->title);
  readout_store_bind_text_or_null (stmt, 2, feed->etag);
  readout_store_bind_text_or_null (stmt, 3, feed->last_modified);
  readout_store_bind_text_or_null (stmt, 4, feed->checked_at);
  readout_db_statement_bind_int64 (stmt, 5, feed->failures);
  readout_store_bind_text_or_null (stmt, 6, feed->last_error);
  readout_db_statement_bind_int64 (stmt, 7, feed->id);
}

gboolean
readout_store_update_feed (ReadoutStore      *self,
                           const ReadoutFeed *feed,
                           GError           **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (feed != NULL, FALSE);

  return write_one (self, "UPDATE feeds SET title = ?, etag = ?, last_modified = ?, checked_at = ?,"
                          " failures = ?, last_error = ? WHERE id = ?",
                    _("Could not record the feed’s check"), bind_feed, feed, NULL, error);
}

gboolean
readout_store_feed_item_seen (ReadoutStore  *self,
                              const char    *key,
                              GError       **error)
{
  ReadoutDbStatement *stmt;
  gboolean seen;

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);

  stmt = readout_store_prepare (self, "SELECT 1 FROM feed_items WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  readout_db_statement_bind_text (stmt, 1, key);
  seen = readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW;
  readout_db_statement_reset (stmt);
  return seen;
}

static void
bind_item (ReadoutDbStatement  *stmt,
           gconstpointer  data)
{
  const ReadoutFeedItem *item = data;

  readout_store_bind_id_or_null (stmt, 1, item->feed_id);
  readout_db_statement_bind_text (stmt, 2, item->key);
  readout_store_bind_text_or_null (stmt, 3, item->url);
  readout_store_bind_text_or_null (stmt, 4, item->title);
  readout_store_bind_text_or_null (stmt, 5, item->published);
  readout_db_statement_bind_static_text (stmt, 6, item_states[item->state], -1);
  readout_store_bind_text_or_null (stmt, 7, item->state == READOUT_FEED_ITEM_INBOX ? item->text : NULL);
}

gboolean
readout_store_add_feed_item (ReadoutStore     *self,
                             ReadoutFeedItem  *item,
                             GError          **error)
{
  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->key != NULL, FALSE);

  /* Two windows on one store may check the same feed at once: the first to record an
   * item wins, and the other finds it recorded (id 0). */
  if (!write_one (self, "INSERT INTO feed_items (feed_id, key, url, title, published, state, text)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
                  _("Could not record the feed item"), bind_item, item, &item->id, error))
    return FALSE;
  return TRUE;
}

GPtrArray *
readout_store_list_inbox (ReadoutStore  *self,
                          GError       **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_feed_item_free);
  ReadoutDbStatement *stmt;
  int rc;

  g_return_val_if_fail (READOUT_IS_STORE (self), NULL);

  stmt = readout_store_prepare (self, "SELECT id, feed_id, key, url, title, published, text FROM feed_items"
                                      " WHERE state = 'inbox' ORDER BY published DESC NULLS LAST, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = readout_db_statement_step (stmt, &db_error)) == READOUT_DB_ROW)
    {
      ReadoutFeedItem *item = readout_feed_item_new ();

      item->id = readout_db_statement_column_int64 (stmt, 0);
      item->feed_id = readout_db_statement_column_int64 (stmt, 1);
      item->key = dup_column (stmt, 2);
      item->url = dup_column (stmt, 3);
      item->title = dup_column (stmt, 4);
      item->published = dup_column (stmt, 5);
      item->state = READOUT_FEED_ITEM_INBOX;
      item->text = dup_column (stmt, 6);
      g_ptr_array_add (items, item);
    }
  readout_db_statement_reset (stmt);
  if (rc != READOUT_DB_DONE)
    {
      readout_store_set_db_error (self, db_error, _("Could not read the Inbox"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

guint
readout_store_count_inbox (ReadoutStore *self)
{
  ReadoutDbStatement *stmt;
  guint n = 0;

  g_return_val_if_fail (READOUT_IS_STORE (self), 0);

  stmt = readout_store_prepare (self, "SELECT count(*) FROM feed_items WHERE state = 'inbox'", NULL);
  if (stmt == NULL)
    return 0;
  if (readout_db_statement_step (stmt, NULL) == READOUT_DB_ROW)
    n = (guint) readout_db_statement_column_int64 (stmt, 0);
  readout_db_statement_reset (stmt);
  return n;
}

typedef struct {
  gint64               id;
  ReadoutFeedItemState state;
} StateChange;

static void
bind_state (ReadoutDbStatement  *stmt,
            gconstpointer  data)
{
  const StateChange *change = data;

  readout_db_statement_bind_static_text (stmt, 1, item_states[change->state], -1);
  readout_db_statement_bind_int64 (stmt, 2, change->id);
}

gboolean
readout_store_set_feed_item_state (ReadoutStore          *self,
                                   gint64                 item_id,
                                   ReadoutFeedItemState   state,
                                   GError               **error)
{
  StateChange change = { item_id, state };

  g_return_val_if_fail (READOUT_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != READOUT_FEED_ITEM_INBOX, FALSE);

  return write_one (self, "UPDATE feed_items SET state = ?, text = NULL WHERE id = ?",
                    _("Could not change the Inbox"), bind_state, &change, NULL, error);
}

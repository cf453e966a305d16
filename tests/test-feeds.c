// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-feed-check.h"
#include "readout-feed.h"
#include "readout-test-server.h"
#include "readout-test-util.h"

/* Following feeds: RSS and Atom read safely, conditional requests, each new call readout
 * offered once, bad feeds refused with a sentence, big feeds read in bounded time. All on
 * a server in this process on 127.0.0.1. */

static ReadoutTestServer *server;

static const char rss_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\"><channel><title>Example ministry: news</title>\n";

static char *
rss_item (const char *guid,
          const char *path,
          const char *title)
{
  g_autofree char *url = readout_test_server_url (server, path);

  return g_strdup_printf ("<item><title>%s</title><link>%s</link><guid>%s</guid>"
                          "<pubDate>Wed, 14 Aug 2019 17:05:00 +0300</pubDate></item>\n", title, url, guid);
}

/* A feed of @items (guid, path, title triples), served with @etag. */
static void
serve_rss (const char         *path,
           const char * const *items,
           const char         *etag)
{
  g_autoptr(GString) feed = g_string_new (rss_head);

  for (guint i = 0; items[i] != NULL; i += 3)
    {
      g_autofree char *item = rss_item (items[i], items[i + 1], items[i + 2]);
      g_string_append (feed, item);
    }
  g_string_append (feed, "</channel></rss>\n");
  readout_test_server_set_page (server, path, "application/rss+xml", feed->str, feed->len, etag);
}

static ReadoutParsedFeed *
parse (const char  *xml,
       GError     **error)
{
  return readout_feed_parse (xml, strlen (xml), NULL, "http://127.0.0.1/feed", error);
}

static void
test_parse_rss_and_atom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutParsedFeed) rss = parse ("<rss version=\"2.0\"><channel><title>News</title>"
                                            "<item><title>One</title><link>http://a/1</link>"
                                            "<pubDate>Tue, 21 Nov 2017 19:02:00 GMT</pubDate></item>"
                                            "<item><link>http://a/2</link><guid>urn:two</guid></item>"
                                            "<item><title>no link, no guid</title></item>"
                                            "</channel></rss>", &error);
  g_autoptr(ReadoutParsedFeed) atom = NULL;
  ReadoutFeedEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (rss->title, ==, "News");
  g_assert_cmpuint (rss->entries->len, ==, 2);
  entry = g_ptr_array_index (rss->entries, 0);
  g_assert_cmpstr (entry->key, ==, "http://a/1");
  g_assert_cmpstr (entry->published, ==, "2017-11-21");
  entry = g_ptr_array_index (rss->entries, 1);
  g_assert_cmpstr (entry->key, ==, "urn:two");
  g_assert_cmpstr (entry->url, ==, "http://a/2");

  atom = parse ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Search results</title>"
                "<entry><id>tag:example,2022:1</id><title>Readout</title>"
                "<link rel=\"self\" href=\"http://a/self\"/><link href=\"http://a/page\"/>"
                "<updated>2022-03-06T13:00:00Z</updated></entry></feed>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atom->title, ==, "Search results");
  entry = g_ptr_array_index (atom->entries, 0);
  g_assert_cmpstr (entry->key, ==, "tag:example,2022:1");
  g_assert_cmpstr (entry->url, ==, "http://a/page");
  g_assert_cmpstr (entry->published, ==, "2022-03-06");
}

static void
check_refused (const char *xml,
               const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutParsedFeed) feed = parse (xml, &error);

  g_assert_null (feed);
  g_test_message ("%s", error->message);
  g_assert_error (error, READOUT_ERROR, READOUT_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_parse_refused (void)
{
  check_refused ("<rss><channel><item><title>cut off", "not a well-formed feed");
  check_refused ("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hello<br></body></html>",
                 "is a web page, not a feed");
  check_refused ("<html><body><p>x</p></body></html>", "is a web page, not a feed");
  check_refused ("<?xml version=\"1.0\"?><catalog><book/></catalog>", "not an RSS or Atom feed");
  /* Entities that would multiply (a "billion laughs") are never expanded. */
  check_refused ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                 "<rss><channel><title>&c;</title></channel></rss>", "declares XML entities");
  check_refused ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                 "<rss><channel><title>&x;</title></channel></rss>", "declares XML entities");
}

static GString *
big_feed (guint n)
{
  GString *feed = g_string_new (rss_head);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (feed, "<item><title>Item %u</title><link>%s/missing?%u</link>"
                                  "<guid>big-%u</guid></item>\n", i, "http://127.0.0.1:1", i, i);
  g_string_append (feed, "</channel></rss>\n");
  return feed;
}

static void
test_parse_big (void)
{
  g_autoptr(GString) xml = big_feed (10000);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ReadoutParsedFeed) feed = readout_feed_parse (xml->str, xml->len, NULL, "http://x/", &error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_no_error (error);
  g_test_message ("10,000 items, %zu bytes: read in %" G_GINT64_FORMAT " ms", xml->len, elapsed / 1000);
  g_assert_cmpuint (feed->entries->len, ==, READOUT_FEED_MAX_ITEMS);
  /* Bounded: a few hundred times the 70 ms it takes, so a sanitizer build passes too. */
  g_assert_cmpint (elapsed, <, 20 * G_USEC_PER_SEC);
}

typedef struct {
  char            *folder;
  ReadoutStore    *store;
  ReadoutImporter *importer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = readout_test_make_folder ();
  f->store = readout_test_open_store (f->folder, "feeds.db");
  f->importer = readout_importer_new (f->store);
  readout_test_server_set_fixture (server, "/news/1.html", "readout.html", FALSE);
  readout_test_server_set_fixture (server, "/news/2.html", "no-call.html", FALSE);
  readout_test_server_set_fixture (server, "/news/4.html", "readout-ru.html", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->store);
  readout_test_remove_folder (f->folder);
  g_free (f->folder);
}

/* Checks the one feed at @path; returns how many items were offered. */
static guint
check_feed (Fixture     *f,
            const char  *path,
            gboolean     file,
            GError     **error)
{
  g_autofree char *url = readout_test_server_url (server, path);
  g_autoptr(GPtrArray) feeds = readout_store_list_feeds (f->store, NULL);
  ReadoutFeedCheckOptions options = { .file = file, .timeout_seconds = 5 };
  ReadoutFeedCheckResult result = { 0 };
  guint offered = 0;

  for (guint i = 0; i < feeds->len; i++)
    {
      ReadoutFeed *feed = g_ptr_array_index (feeds, i);

      if (g_str_equal (feed->url, url) && readout_feed_check (f->store, f->importer, feed, &options, NULL, &result, error))
        offered = result.offered->len;
    }
  readout_feed_check_result_clear (&result);
  return offered;
}

static void
test_check_changes (Fixture       *f,
                    gconstpointer  data)
{
  const char *first[] = { "n1", "/news/1.html", "Finland", "n2", "/news/2.html", "Bridge",
                          "n3", "/news/3.html", "Gone", NULL };
  const char *second[] = { "n4", "/news/4.html", "France", "n1", "/news/1.html", "Finland",
                           "n2", "/news/2.html", "Bridge", NULL };
  g_autofree char *url = readout_test_server_url (server, "/changing.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  guint not_modified = readout_test_server_not_modified (server);

  serve_rss ("/changing.xml", first, "\"v1\"");
  g_assert_cmpint (readout_store_add_feed (f->store, url, &error), >, 0);

  /* Only the page with a call is offered; the bridge and the missing page are seen. */
  g_assert_cmpuint (check_feed (f, "/changing.xml", FALSE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 1);

  /* Nothing changed: a 304, and nothing new. */
  g_assert_cmpuint (check_feed (f, "/changing.xml", FALSE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_test_server_not_modified (server), ==, not_modified + 1);

  /* A new item at the top: exactly it is offered. */
  serve_rss ("/changing.xml", second, "\"v2\"");
  g_assert_cmpuint (check_feed (f, "/changing.xml", FALSE, &error), ==, 1);
  g_assert_no_error (error);
  inbox = readout_store_list_inbox (f->store, &error);
  g_assert_cmpuint (inbox->len, ==, 2);
  g_assert_cmpstr (((ReadoutFeedItem *) g_ptr_array_index (inbox, 0))->published, ==, "2022-03-06");

  /* Followed again after being removed, it offers nothing old. */
  g_assert_true (readout_store_remove_feed (f->store, url, &error));
  g_assert_cmpint (readout_store_add_feed (f->store, url, &error), >, 0);
  g_assert_cmpuint (check_feed (f, "/changing.xml", FALSE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 2);
}

static void
test_check_inbox_item_extracts (Fixture       *f,
                                gconstpointer  data)
{
  const char *items[] = { "i1", "/news/1.html", "Finland", NULL };
  g_autofree char *url = readout_test_server_url (server, "/one.xml");
  g_autofree char *page = readout_test_server_url (server, "/news/1.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(ReadoutExtraction) extraction = NULL;
  ReadoutFeedItem *item;

  serve_rss ("/one.xml", items, NULL);
  readout_store_add_feed (f->store, url, &error);
  g_assert_cmpuint (check_feed (f, "/one.xml", FALSE, &error), ==, 1);
  inbox = readout_store_list_inbox (f->store, &error);
  item = g_ptr_array_index (inbox, 0);
  extraction = readout_feed_item_extract (f->importer, item, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (extraction->url, ==, page);
  g_assert_cmpstr (extraction->published, ==, "2019-08-14");
  g_assert_cmpuint (extraction->calls->len, ==, 1);

  g_assert_true (readout_store_set_feed_item_state (f->store, item->id, READOUT_FEED_ITEM_DISMISSED, &error));
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 0);
}

/* Another connection recorded the item first: recording it again is not an error. */
static void
test_item_recorded_twice (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ReadoutFeedItem) item = readout_feed_item_new ();
  g_autoptr(GError) error = NULL;

  item->key = g_strdup ("urn:twice");
  item->state = READOUT_FEED_ITEM_INBOX;
  item->text = g_strdup ("text");
  g_assert_true (readout_store_add_feed_item (f->store, item, &error));
  g_assert_cmpint (item->id, >, 0);
  g_assert_true (readout_store_add_feed_item (f->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->id, ==, 0);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 1);
}

static void
test_check_file (Fixture       *f,
                 gconstpointer  data)
{
  const char *items[] = { "f1", "/news/1.html", "Finland", "f2", "/news/2.html", "Bridge", NULL };
  g_autofree char *url = readout_test_server_url (server, "/file.xml");
  g_autofree char *page = readout_test_server_url (server, "/news/1.html");
  g_autoptr(GError) error = NULL;

  serve_rss ("/file.xml", items, NULL);
  readout_store_add_feed (f->store, url, &error);
  g_assert_cmpuint (check_feed (f, "/file.xml", TRUE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 0);
  g_assert_cmpint (readout_store_find_source_by_url (f->store, page, NULL, NULL), >, 0);
}

static void
check_feed_fails (Fixture    *f,
                  const char *path,
                  const char *words)
{
  g_autofree char *url = readout_test_server_url (server, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  ReadoutFeed *feed;

  readout_store_add_feed (f->store, url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_feed (f, path, FALSE, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));

  feeds = readout_store_list_feeds (f->store, NULL);
  feed = g_ptr_array_index (feeds, feeds->len - 1);
  g_assert_cmpint (feed->failures, ==, 1);
  g_assert_cmpstr (feed->last_error, ==, error->message);
  g_assert_cmpuint (readout_store_count_inbox (f->store), ==, 0);
}

static void
test_check_bad_feeds (Fixture       *f,
                      gconstpointer  data)
{
  const char malformed[] = "<rss version=\"2.0\"><channel><item><title>Half";

  readout_test_server_set_page (server, "/malformed.xml", "application/rss+xml", malformed, strlen (malformed), NULL);
  check_feed_fails (f, "/malformed.xml", "not a well-formed feed");
  check_feed_fails (f, "/news/2.html", "is a web page, not a feed");
  check_feed_fails (f, "/missing", "HTTP 404");
  check_feed_fails (f, "/pdf", "not a feed or a web page");
}

static void
test_check_big_feed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) xml = big_feed (10000);
  g_autofree char *url = readout_test_server_url (server, "/big.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = readout_test_server_url (server, "/missing");
  gint64 start;
  guint hits = readout_test_server_hits (server, "/missing");

  /* The items point at this server's 404 page. */
  g_string_replace (xml, "http://127.0.0.1:1/missing", missing, 0);
  readout_test_server_set_page (server, "/big.xml", "application/rss+xml", xml->str, xml->len, NULL);
  readout_store_add_feed (f->store, url, &error);
  start = g_get_monotonic_time ();
  g_assert_cmpuint (check_feed (f, "/big.xml", FALSE, &error), ==, 0);
  g_assert_no_error (error);
  g_test_message ("a 10,000-item feed (%zu bytes) checked in %" G_GINT64_FORMAT " ms", xml->len,
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (readout_test_server_hits (server, "/missing") - hits, ==, READOUT_FEED_CHECK_MAX_PAGES);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

static void
test_due (void)
{
  g_autoptr(ReadoutFeed) feed = readout_feed_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);

  g_assert_true (readout_feed_is_due (feed, now, 3600));
  feed->checked_at = g_strdup ("2026-12-07T11:30:00Z");
  g_assert_false (readout_feed_is_due (feed, now, 3600));
  g_free (feed->checked_at);
  feed->checked_at = g_strdup ("2026-12-07T10:59:00Z");
  g_assert_true (readout_feed_is_due (feed, now, 3600));
  /* Two failures in a row: four hours. */
  feed->failures = 2;
  g_assert_false (readout_feed_is_due (feed, now, 3600));
  g_free (feed->checked_at);
  feed->checked_at = g_strdup ("2026-12-07T07:59:00Z");
  g_assert_true (readout_feed_is_due (feed, now, 3600));
  /* Never more than sixteen times the interval. */
  feed->failures = 40;
  g_free (feed->checked_at);
  feed->checked_at = g_strdup ("2026-12-06T19:59:00Z");
  g_assert_true (readout_feed_is_due (feed, now, 3600));
}

static char *
run_cli (const char *db,
         int        *status,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("READOUT_CLI"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, status);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (*status != 0)
    {
      g_free (out);
      return g_steal_pointer (&err);
    }
  return out;
}

static void
test_cli_follow (Fixture       *f,
                 gconstpointer  data)
{
  const char *items[] = { "c1", "/news/1.html", "Finland", "c2", "/news/2.html", "Bridge", NULL };
  g_autofree char *url = readout_test_server_url (server, "/cli.xml");
  g_autofree char *db = g_build_filename (f->folder, "cli.db", NULL);
  int status = 0;
  char *out;

  serve_rss ("/cli.xml", items, "\"c\"");
  out = run_cli (db, &status, "follow", "add", url, NULL);
  g_assert_cmpint (status, ==, 0);
  g_free (out);
  out = run_cli (db, &status, "follow", "add", url, NULL);
  g_assert_nonnull (strstr (out, "is followed already"));
  g_free (out);
  out = run_cli (db, &status, "follow", "add", "file:///etc/passwd", NULL);
  g_assert_nonnull (strstr (out, "not an http or https address"));
  g_free (out);

  out = run_cli (db, &status, "follow", "check", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "inbox\t2019-08-14\tTelephone conversation with President of Finland"));
  g_assert_nonnull (strstr (out, "2 new items, 1 call readout"));
  g_free (out);
  out = run_cli (db, &status, "follow", "check", NULL);
  g_assert_nonnull (strstr (out, "not changed since the last check"));
  g_free (out);
  out = run_cli (db, &status, "--json", "follow", "check", NULL);
  g_assert_nonnull (strstr (out, "\"not_modified\" : true"));
  g_free (out);

  /* A feed that drips: the check gives up at the deadline given, and says so. */
  {
    g_autofree char *drip = readout_test_server_url (server, "/drip");

    g_free (run_cli (db, &status, "follow", "add", drip, NULL));
    out = run_cli (db, &status, "follow", "check", "--timeout", "2", NULL);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (out, "did not arrive within 2 seconds"));
    g_free (out);
    g_free (run_cli (db, &status, "follow", "remove", drip, NULL));
  }

  out = run_cli (db, &status, "--json", "follow", "list", NULL);
  g_assert_nonnull (strstr (out, "\"title\" : \"Example ministry: news\""));
  g_free (out);
  out = run_cli (db, &status, "follow", "remove", url, NULL);
  g_assert_cmpint (status, ==, 0);
  g_free (out);
  out = run_cli (db, &status, "follow", "remove", url, NULL);
  g_assert_nonnull (strstr (out, "is not followed"));
  g_free (out);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);
  server = readout_test_server_start ();

  g_test_add_func ("/feeds/parse/rss-and-atom", test_parse_rss_and_atom);
  g_test_add_func ("/feeds/parse/refused", test_parse_refused);
  g_test_add_func ("/feeds/parse/10000-items", test_parse_big);
  g_test_add_func ("/feeds/due", test_due);
  g_test_add ("/feeds/check/changes", Fixture, NULL, fixture_set_up, test_check_changes, fixture_tear_down);
  g_test_add ("/feeds/check/inbox-item-extracts", Fixture, NULL, fixture_set_up, test_check_inbox_item_extracts,
              fixture_tear_down);
  g_test_add ("/feeds/store/item-recorded-twice", Fixture, NULL, fixture_set_up, test_item_recorded_twice,
              fixture_tear_down);
  g_test_add ("/feeds/check/file", Fixture, NULL, fixture_set_up, test_check_file, fixture_tear_down);
  g_test_add ("/feeds/check/bad-feeds", Fixture, NULL, fixture_set_up, test_check_bad_feeds, fixture_tear_down);
  g_test_add ("/feeds/check/10000-items", Fixture, NULL, fixture_set_up, test_check_big_feed, fixture_tear_down);
  g_test_add ("/feeds/cli", Fixture, NULL, fixture_set_up, test_cli_follow, fixture_tear_down);

  status = g_test_run ();
  readout_test_server_stop (server);
  return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "readout-db-sqlite.h"
#include "readout-error.h"
#include "readout-store-feeds.h"
#include "readout-store-private.h"
#include "readout-test-server.h"
#include "readout-test-util.h"
#include "readout-web-import.h"

/* Importing from a web address: a server in this process on 127.0.0.1 serves the fixture
 * pages and misbehaves on purpose; every failure gives its sentence and files nothing. */

static ReadoutTestServer *server;

static ReadoutWebPage *
fetch (const char  *path,
       guint        timeout,
       GError     **error)
{
  g_autofree char *url = readout_test_server_url (server, path);
  ReadoutWebFetchOptions options = { .want = READOUT_WEB_WANT_PAGE, .timeout_seconds = timeout };

  return readout_web_fetch (url, &options, NULL, error);
}

static void
check_fails (const char *path,
             guint       timeout,
             int         code,
             const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutWebPage) page = fetch (path, timeout, &error);

  g_assert_null (page);
  g_test_message ("%s: %s", path, error != NULL ? error->message : "no error");
  g_assert_error (error, READOUT_WEB_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_fetch_readout (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autoptr(ReadoutStore) store = readout_test_open_store (folder, "web.db");
  g_autoptr(ReadoutImporter) importer = readout_importer_new (store);
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_extraction_free);
  g_autofree char *url = readout_test_server_url (server, "/readout.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(ReadoutSource) source = NULL;
  ReadoutExtraction *extraction;
  ReadoutExtractedCall *call;
  gint64 call_id = 0;

  readout_test_server_set_fixture (server, "/readout.html", "readout.html", FALSE);
  extraction = readout_web_import_fetch (importer, url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (extraction->url, ==, url);
  g_assert_cmpstr (extraction->title, ==, "Telephone conversation with President of Finland Sauli Niinisto");
  g_assert_cmpstr (extraction->published, ==, "2019-08-14");
  g_assert_cmpuint (extraction->calls->len, ==, 1);
  call = g_ptr_array_index (extraction->calls, 0);
  g_assert_cmpstr (call->date, ==, "2019-08-14");
  /* The page's script and navigation are not the article. */
  g_assert_null (strstr (extraction->text, "Trump"));

  g_ptr_array_add (extractions, extraction);
  readout_importer_match (importer, extraction);
  g_assert_true (readout_importer_file (importer, extractions, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (readout_store_find_source_by_url (store, url, &call_id, &error), >, 0);
  g_assert_no_error (error);
  sources = readout_store_list_sources (store, call_id);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  source = g_list_model_get_item (sources, 0);
  g_assert_cmpstr (readout_source_get_url (source), ==, url);
  g_assert_cmpstr (readout_source_get_date (source), ==, "2019-08-14");

  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

static void
test_fetch_charset_from_meta (void)
{
  g_autoptr(ReadoutImporter) importer = readout_importer_new (NULL);
  g_autofree char *url = readout_test_server_url (server, "/ru.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutExtraction) extraction = NULL;

  readout_test_server_set_fixture (server, "/ru.html", "readout-ru.html", TRUE);
  extraction = readout_web_import_fetch (importer, url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (extraction->text, "Собеседники обсудили ситуацию вокруг Украины"));
  /* JSON-LD inside an @graph gives the title and the date. */
  g_assert_cmpstr (extraction->title, ==, "Телефонный разговор с Президентом Франции Эммануэлем Макроном");
  g_assert_cmpstr (extraction->published, ==, "2022-03-06");
}

static void
test_metadata_time (void)
{
  const char *html = "<html><head><title>Plain title</title></head><body>"
                     "<p><time datetime=\"2023-05-02T08:00\">2 May</time></p>"
                     "<p><time datetime=\"1999-01-01\">old</time></p></body></html>";
  g_autofree char *title = NULL;
  g_autofree char *published = NULL;

  readout_web_page_metadata (html, strlen (html), &title, &published);
  g_assert_cmpstr (title, ==, "Plain title");
  g_assert_cmpstr (published, ==, "2023-05-02");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&published, g_free);

  readout_web_page_metadata ("<p>nothing", 10, &title, &published);
  g_assert_null (title);
  g_assert_null (published);
}

static void
test_redirects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutWebPage) page = NULL;
  g_autofree char *final = readout_test_server_url (server, "/readout.html");

  readout_test_server_set_fixture (server, "/readout.html", "readout.html", FALSE);
  page = fetch ("/hops/5", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->url, ==, final);
  g_assert_cmpstr (page->content_type, ==, "text/html");

  check_fails ("/hops/6", 0, READOUT_WEB_ERROR_REDIRECTS, "more than 5 times");
  check_fails ("/loop", 0, READOUT_WEB_ERROR_REDIRECTS, "more than 5 times");
  check_fails ("/to-file", 0, READOUT_WEB_ERROR_UNSUPPORTED, "not an http or https address");
}

static void
test_failures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) described = NULL;
  g_autoptr(GError) dns = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no such host");
  g_autofree char *https = NULL;
  ReadoutWebPage *page;

  check_fails ("/missing", 0, READOUT_WEB_ERROR_NOT_FOUND, "HTTP 404");
  check_fails ("/broken", 0, READOUT_WEB_ERROR_HTTP, "HTTP 500");
  check_fails ("/pdf", 0, READOUT_WEB_ERROR_NOT_TEXT, "application/pdf");
  check_fails ("/huge", 0, READOUT_WEB_ERROR_TOO_LARGE, "larger than 10 MB");
  check_fails ("/endless", 0, READOUT_WEB_ERROR_TOO_LARGE, "larger than 10 MB");

  page = readout_web_fetch ("ftp://127.0.0.1/readout.html", NULL, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* Nothing listens on port 1 of the loopback address. */
  page = readout_web_fetch ("http://127.0.0.1:1/readout.html", NULL, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NO_NETWORK);
  g_clear_error (&error);

  /* TLS spoken to a server that does not speak it. */
  https = readout_test_server_not_tls_url (server, "/readout.html");
  page = readout_web_fetch (https, &(ReadoutWebFetchOptions) { .timeout_seconds = 5 }, NULL, &error);
  g_assert_null (page);
  g_test_message ("%s", error->message);
  g_assert_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TLS);
  g_clear_error (&error);

  /* Name resolution cannot be tried offline; the error it gives can. */
  readout_web_describe_error ("http://readout.invalid/", dns, 30, &described);
  g_assert_error (described, READOUT_WEB_ERROR, READOUT_WEB_ERROR_DNS);
}

static void
test_too_slow (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 hops_start;

  check_fails ("/drip", 2, READOUT_WEB_ERROR_TIMED_OUT, "within 2 seconds");
  check_fails ("/silent", 2, READOUT_WEB_ERROR_TIMED_OUT, "within 2 seconds");
  /* The deadline is for the whole download, not for each redirect: five slow hops are
   * given up on at the second one. */
  hops_start = g_get_monotonic_time ();
  check_fails ("/slow-hops/5", 2, READOUT_WEB_ERROR_TIMED_OUT, "within 2 seconds");
  g_assert_cmpint (g_get_monotonic_time () - hops_start, <, 4 * G_USEC_PER_SEC);
  /* Each gave up within a second or two of its limit. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 12 * G_USEC_PER_SEC);
}

static gpointer
cancel_soon (gpointer cancellable)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = readout_test_server_url (server, "/drip");
  GThread *canceller;
  ReadoutWebPage *page;

  /* A second thread cancels while this one is blocked on the drip. */
  canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  page = readout_web_fetch (url, NULL, cancellable, &error);
  g_thread_join (canceller);
  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_decode (void)
{
  const char latin1[] = "<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>";
  gsize length = 0;
  g_autofree char *text = readout_web_decode (latin1, strlen (latin1), NULL, &length);
  g_autofree char *header = readout_web_decode ("\xcf\xf3\xf2\xe8\xed", 5, "windows-1251", &length);

  g_assert_nonnull (strstr (text, "Café"));
  g_assert_cmpstr (header, ==, "Путин");
  g_assert_true (readout_web_is_address ("https://kremlin.ru/events"));
  g_assert_true (readout_web_is_address ("ftp://example.org/"));
  g_assert_false (readout_web_is_address ("readout.html"));
  g_assert_false (readout_web_is_address ("/tmp/a:b//c"));
}

/* readout-cli import URL: the source keeps its address; the same address again adds nothing;
 * a failing address files nothing. */
static void
test_cli_import_url (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "cli.db", NULL);
  g_autofree char *url = readout_test_server_url (server, "/readout.html");
  g_autofree char *missing = readout_test_server_url (server, "/missing");
  const char *cli = g_getenv ("READOUT_CLI");
  g_autoptr(ReadoutStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint hits;

  readout_test_server_set_fixture (server, "/readout.html", "readout.html", FALSE);
  for (guint round = 0; round < 3; round++)
    {
      const char *argv[] = { cli, "import", "--database", db, round == 2 ? missing : url, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      hits = readout_test_server_hits (server, "/readout.html");
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("round %u: %s%s", round, out, err);
      if (round == 0)
        g_assert_nonnull (strstr (out, "1 new call, 1 new source"));
      else if (round == 1)
        {
          /* Not fetched again. */
          g_assert_nonnull (strstr (err, "was imported before"));
          g_assert_cmpuint (readout_test_server_hits (server, "/readout.html"), ==, hits);
        }
      else
        g_assert_nonnull (strstr (err, "There is no page at"));
      g_assert_true (round == 2 ? status != 0 : g_spawn_check_wait_status (status, NULL));
    }

  /* The deadline can be shortened for scripts (and this test). */
  {
    g_autofree char *drip = readout_test_server_url (server, "/drip");
    const char *argv[] = { cli, "import", "--database", db, "--timeout", "2", drip, NULL };
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                                 &status, &error));
    g_assert_nonnull (strstr (err, "did not arrive within 2 seconds"));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }

  store = readout_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (readout_store_find_source_by_url (store, url, NULL, NULL), >, 0);
  g_assert_cmpint (readout_store_find_source_by_url (store, missing, NULL, NULL), ==, 0);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

/* Version 3 adds the address index and the feed tables to a store of version 2. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *folder = readout_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "v2.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutStore) store = NULL;
  ReadoutDb *connection = readout_db_sqlite_open (path, FALSE, NULL);
  sqlite3 *db = readout_db_sqlite_get_handle (connection);
  sqlite3_stmt *stmt;
  gint64 call_id = 0;

  g_assert_true (readout_store_schema_migrate (connection, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO calls (id, date, date_precision, status) VALUES (4, '2019-08-14', 'day', 'held');"
                                 "INSERT INTO sources (id, call_id, publisher, kind, url)"
                                 " VALUES (9, 4, 'Kremlin', 'readout', 'http://en.kremlin.ru/events/president/news/1');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&connection);

  store = readout_store_open (path, &error);
  g_assert_no_error (error);
  stmt = readout_test_prepare (store, "PRAGMA user_version");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, READOUT_STORE_SCHEMA_VERSION);
  sqlite3_reset (stmt);

  g_assert_cmpint (readout_store_find_source_by_url (store, "http://en.kremlin.ru/events/president/news/1",
                                                     &call_id, &error), ==, 9);
  g_assert_cmpint (call_id, ==, 4);
  g_assert_cmpint (readout_store_add_feed (store, "http://en.kremlin.ru/events/president/news/feed", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  readout_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The loopback server is reached directly, whatever proxy the machine has. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);
  server = readout_test_server_start ();

  g_test_add_func ("/web/fetch/readout", test_fetch_readout);
  g_test_add_func ("/web/fetch/charset-from-meta", test_fetch_charset_from_meta);
  g_test_add_func ("/web/fetch/redirects", test_redirects);
  g_test_add_func ("/web/fetch/failures", test_failures);
  g_test_add_func ("/web/fetch/too-slow", test_too_slow);
  g_test_add_func ("/web/fetch/cancel", test_cancel);
  g_test_add_func ("/web/metadata/time", test_metadata_time);
  g_test_add_func ("/web/decode", test_decode);
  g_test_add_func ("/web/cli/import-url", test_cli_import_url);
  g_test_add_func ("/web/store/migrate-from-v2", test_migrate_from_v2);

  status = g_test_run ();
  readout_test_server_stop (server);
  return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "readout-test-server.h"

#define BLOCK 65536
#define HUGE_SIZE (50 * 1024 * 1024)

typedef struct {
  char   *content_type;
  GBytes *body;
  char   *etag;
} Page;

struct _ReadoutTestServer
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GSocketService *not_tls;  /* answers plain text to anything: a broken TLS peer */
  char         *base;
  char         *not_tls_base;

  GMutex        lock;     /* guards everything below, and base until started */
  GCond         started;
  GHashTable   *pages;    /* path -> Page */
  GHashTable   *hits;     /* path -> count */
  guint         not_modified;
};

static const char block[BLOCK] = { 0 };

static void
page_free (Page *page)
{
  g_free (page->content_type);
  g_bytes_unref (page->body);
  g_free (page->etag);
  g_free (page);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
start_chunked (SoupServerMessage *msg,
               const char        *type)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, type, NULL);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
}

/* /endless and /huge: another block each time one is written, until the client hangs up
 * (or, for /huge, its 50 MB are out). */
static void
more_blocks_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  goffset *left = user_data;

  if (left != NULL)
    {
      if (*left <= 0)
        {
          soup_message_body_complete (body);
          return;
        }
      *left -= BLOCK;
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, block, BLOCK);
}

typedef struct {
  SoupServerMessage *msg;
  GSource           *source;  /* on the server thread's context, not the global one */
} Drip;

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;

  soup_message_body_append (soup_server_message_get_response_body (drip->msg), SOUP_MEMORY_STATIC, "<", 1);
  soup_server_message_unpause (drip->msg);
  return G_SOURCE_CONTINUE;
}

static void
drip_stop_cb (SoupServerMessage *msg,
              gpointer           user_data)
{
  Drip *drip = user_data;

  if (drip->source != NULL)
    g_source_destroy (drip->source);
  g_clear_pointer (&drip->source, g_source_unref);
}

static void
drip_free (Drip *drip)
{
  drip_stop_cb (NULL, drip);
  g_free (drip);
}

/* /drip: one byte a second, on the server thread's own context. */
static void
start_drip (SoupServerMessage *msg)
{
  Drip *drip = g_new0 (Drip, 1);

  start_chunked (msg, "text/html");
  drip->msg = msg;
  drip->source = g_timeout_source_new_seconds (1);
  g_source_set_callback (drip->source, drip_cb, drip, NULL);
  g_source_attach (drip->source, g_main_context_get_thread_default ());
  g_object_set_data_full (G_OBJECT (msg), "readout-drip", drip, (GDestroyNotify) drip_free);
  g_signal_connect (msg, "finished", G_CALLBACK (drip_stop_cb), drip);
  g_signal_connect (msg, "disconnected", G_CALLBACK (drip_stop_cb), drip);
}

static gboolean
unpause_cb (gpointer msg)
{
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/* Holds @msg's response back for a second. */
static void
delay (SoupServerMessage *msg)
{
  g_autoptr(GSource) source = g_timeout_source_new_seconds (1);

  soup_server_message_pause (msg);
  g_source_set_callback (source, unpause_cb, g_object_ref (msg), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
}

static gboolean
serve_misbehaving (ReadoutTestServer *self,
                   SoupServerMessage *msg,
                   const char        *path)
{
  if (g_str_equal (path, "/missing"))
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<p>No such page.</p>");
  else if (g_str_equal (path, "/broken"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html", "<p>The server broke.</p>");
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_has_prefix (path, "/hops/") || g_str_has_prefix (path, "/slow-hops/"))
    {
      gboolean slow = g_str_has_prefix (path, "/slow-hops/");
      guint64 n = g_ascii_strtoull (strrchr (path, '/') + 1, NULL, 10);
      g_autofree char *next = n > 1 ? g_strdup_printf ("%s%" G_GUINT64_FORMAT, slow ? "/slow-hops/" : "/hops/", n - 1)
                                    : g_strdup ("/readout.html");

      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, next);
      if (slow)
        delay (msg);
    }
  else if (g_str_equal (path, "/to-file"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (path, "/pdf"))
    respond (msg, SOUP_STATUS_OK, "application/pdf", "%PDF-1.4 not really");
  else if (g_str_equal (path, "/endless"))
    {
      start_chunked (msg, "text/html");
      more_blocks_cb (msg, NULL);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (more_blocks_cb), NULL);
    }
  else if (g_str_equal (path, "/huge"))
    {
      goffset *left = g_new (goffset, 1);

      *left = HUGE_SIZE - BLOCK;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_length (soup_server_message_get_response_headers (msg), HUGE_SIZE);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), "text/html", NULL);
      soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, block, BLOCK);
      g_object_set_data_full (G_OBJECT (msg), "readout-left", left, g_free);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (more_blocks_cb), left);
    }
  else if (g_str_equal (path, "/drip"))
    start_drip (msg);
  else if (g_str_equal (path, "/silent"))
    soup_server_message_pause (msg);
  else
    return FALSE;
  return TRUE;
}

static void
serve_page (ReadoutTestServer *self,
            SoupServerMessage *msg,
            const char        *path)
{
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");
  Page *page;

  g_mutex_lock (&self->lock);
  page = g_hash_table_lookup (self->pages, path);
  if (page == NULL)
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<p>No such page.</p>");
  else if (page->etag != NULL && g_strcmp0 (if_none_match, page->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      self->not_modified++;
    }
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (page->body, &length);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, page->content_type, SOUP_MEMORY_COPY, data, length);
      if (page->etag != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", page->etag);
    }
  g_mutex_unlock (&self->lock);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ReadoutTestServer *self = user_data;

  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->hits, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path)) + 1));
  g_mutex_unlock (&self->lock);

  if (!serve_misbehaving (self, msg, path))
    serve_page (self, msg, path);
}

static gboolean
not_tls_incoming_cb (GSocketService    *service,
                     GSocketConnection *connection,
                     GObject           *source,
                     gpointer           user_data)
{
  static const char reply[] = "HTTP/1.1 400 This is not TLS\r\nContent-Length: 0\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static char *
listen_not_tls (ReadoutTestServer *self)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  self->not_tls = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->not_tls), address, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error))
    g_error ("The test server could not listen on 127.0.0.1: %s", error->message);
  g_signal_connect (self->not_tls, "incoming", G_CALLBACK (not_tls_incoming_cb), NULL);
  g_socket_service_start (self->not_tls);
  return g_strdup_printf ("https://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

static gpointer
server_thread (gpointer user_data)
{
  ReadoutTestServer *self = user_data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "readout-test ", NULL);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The test server could not listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (self->server);
  self->not_tls_base = listen_not_tls (self);

  g_mutex_lock (&self->lock);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_socket_service_stop (self->not_tls);
  g_socket_listener_close (G_SOCKET_LISTENER (self->not_tls));
  g_clear_object (&self->not_tls);
  /* Let the messages that were cut off finish before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

ReadoutTestServer *
readout_test_server_start (void)
{
  ReadoutTestServer *self = g_new0 (ReadoutTestServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->started);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) page_free);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_mutex_lock (&self->lock);
  self->thread = g_thread_new ("test-server", server_thread, self);
  while (self->base == NULL)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
readout_test_server_stop (ReadoutTestServer *self)
{
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->hits);
  g_free (self->base);
  g_free (self->not_tls_base);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started);
  g_free (self);
}

char *
readout_test_server_url (ReadoutTestServer *self,
                         const char        *path)
{
  return g_strconcat (self->base, path, NULL);
}

char *
readout_test_server_not_tls_url (ReadoutTestServer *self,
                                 const char        *path)
{
  return g_strconcat (self->not_tls_base, path, NULL);
}

void
readout_test_server_set_page (ReadoutTestServer *self,
                              const char        *path,
                              const char        *content_type,
                              const char        *body,
                              gsize              length,
                              const char        *etag)
{
  Page *page = g_new0 (Page, 1);

  page->content_type = g_strdup (content_type);
  page->body = g_bytes_new (body, length);
  page->etag = g_strdup (etag);
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->pages, g_strdup (path), page);
  g_mutex_unlock (&self->lock);
}

guint
readout_test_server_hits (ReadoutTestServer *self,
                          const char        *path)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
  g_mutex_unlock (&self->lock);
  return n;
}

guint
readout_test_server_not_modified (ReadoutTestServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->not_modified;
  g_mutex_unlock (&self->lock);
  return n;
}

void
readout_test_server_set_fixture (ReadoutTestServer *self,
                                 const char        *path,
                                 const char        *name,
                                 gboolean           cp1251)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "web", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *converted = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  if (cp1251)
    {
      converted = g_convert (contents, length, "WINDOWS-1251", "UTF-8", NULL, &length, NULL);
      g_assert_nonnull (converted);
    }
  /* Without a charset in the header: the page's <meta> has to say. */
  readout_test_server_set_page (self, path, cp1251 ? "text/html" : "text/html; charset=utf-8",
                                cp1251 ? converted : contents, length, NULL);
}

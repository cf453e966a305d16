// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-web-fetch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "readout-web-fetch.h"

/* Pages come from servers Readout does not control: every limit is enforced here, while
 * the bytes arrive, so that a hostile or broken server costs at most the limit. Redirects
 * are followed by hand so that each hop's address is checked (no file:// or ftp:// at the
 * end of a chain) and counted. */

#define READ_BLOCK 65536

G_DEFINE_QUARK (readout-web-error-quark, readout_web_error)

gboolean
readout_web_is_address (const char *text)
{
  const char *scheme_end;

  if (text == NULL || !g_ascii_isalpha (text[0]))
    return FALSE;
  for (scheme_end = text;
       g_ascii_isalnum (*scheme_end) || (*scheme_end != '\0' && strchr ("+.-", *scheme_end) != NULL);
       scheme_end++)
    ;
  return g_str_has_prefix (scheme_end, "://");
}

void
readout_web_page_free (ReadoutWebPage *page)
{
  if (page == NULL)
    return;
  g_free (page->url);
  g_free (page->content_type);
  g_free (page->body);
  g_free (page->charset);
  g_free (page->etag);
  g_free (page->last_modified);
  g_free (page);
}

void
readout_web_describe_error (const char   *url,
                            const GError *error,
                            guint         timeout_seconds,
                            GError      **dest)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (dest, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                 _("The download of %s was cancelled."), url);
  else if (error->domain == G_RESOLVER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_DNS,
                 _("Could not find the server of %s; check the address and the network connection."), url);
  else if (error->domain == G_TLS_ERROR)
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TLS,
                 _("The secure connection to %s failed (%s); the site’s certificate may be invalid."),
                 url, error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TIMED_OUT,
                 _("%s did not arrive within %u seconds; the site is too slow or not answering."),
                 url, timeout_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NO_NETWORK,
                 _("The server of %s refused the connection; the site may be down."), url);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NO_NETWORK,
                 _("Cannot reach %s; check that the computer is connected to a network."), url);
  else if (error->domain == SOUP_SESSION_ERROR)
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_HTTP,
                 _("The server of %s sent a response that is not valid HTTP (%s)."), url, error->message);
  else
    g_set_error (dest, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NO_NETWORK,
                 _("Could not download %s: %s."), url, error->message);
}

static GUri *
parse_web_uri (const char  *text,
               GUri        *base,
               const char  *from,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  uri = base != NULL ? g_uri_parse_relative (base, text, SOUP_HTTP_URI_FLAGS, NULL)
                     : g_uri_parse (text, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      if (from != NULL)
        g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_UNSUPPORTED,
                     _("%s redirects to “%s”, which is not an http or https address."), from, text);
      else
        g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_UNSUPPORTED,
                     _("“%s” is not an http or https address; Readout downloads web pages only."), text);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

gboolean
readout_web_check_address (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = parse_web_uri (url, NULL, NULL, error);
  return uri != NULL;
}

static gboolean
content_type_wanted (const char     *type,
                     ReadoutWebWant  want)
{
  /* A server that does not say may still send a page; the import then judges the bytes. */
  if (type == NULL || g_str_has_prefix (type, "text/") || g_str_equal (type, "application/xhtml+xml"))
    return TRUE;
  return want == READOUT_WEB_WANT_FEED &&
         (g_str_has_suffix (type, "/xml") || g_str_has_suffix (type, "+xml"));
}

static gboolean
check_status (SoupMessage  *message,
              const char   *url,
              GError      **error)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NOT_MODIFIED)
    return TRUE;
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NOT_FOUND,
                 _("There is no page at %s (HTTP %u); check the address."), url, status);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_HTTP,
                 _("The server of %s failed (HTTP %u %s); try again later."), url, status,
                 reason != NULL ? reason : "");
  else
    g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_HTTP,
                 _("%s answered HTTP %u %s instead of the page."), url, status,
                 reason != NULL ? reason : "");
  return FALSE;
}

static void
set_timed_out (const char                   *url,
               const ReadoutWebFetchOptions *options,
               GError                      **error)
{
  g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TIMED_OUT,
               _("%s did not arrive within %u seconds; the site is too slow or not answering."),
               url, options->timeout_seconds);
}

/* Gives the session's I/O what is left of the deadline; FALSE when nothing is. */
static gboolean
limit_to_deadline (SoupSession *session,
                   gint64       deadline)
{
  gint64 left = deadline - g_get_monotonic_time ();

  if (left <= 0)
    return FALSE;
  soup_session_set_timeout (session, (guint) MAX (1, (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
  return TRUE;
}

/* Sends one request for @uri, not following a redirect; the response is in *@out_message. */
static GInputStream *
send_one (SoupSession                  *session,
          GUri                         *uri,
          const ReadoutWebFetchOptions *options,
          SoupMessage                 **out_message,
          GCancellable                 *cancellable,
          GError                      **error)
{
  g_autoptr(SoupMessage) message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url = g_uri_to_string (uri);
  SoupMessageHeaders *request = soup_message_get_request_headers (message);
  GInputStream *stream;

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (request, "Accept", options->want == READOUT_WEB_WANT_FEED
                                ? "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
                                : "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5");
  if (options->etag != NULL)
    soup_message_headers_replace (request, "If-None-Match", options->etag);
  if (options->last_modified != NULL)
    soup_message_headers_replace (request, "If-Modified-Since", options->last_modified);

  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      readout_web_describe_error (url, local_error, options->timeout_seconds, error);
      return NULL;
    }
  *out_message = g_steal_pointer (&message);
  return stream;
}

/* Sends @first's request and follows up to READOUT_WEB_MAX_REDIRECTS redirects, all within
 * the deadline; returns the body's stream with *@out_message holding the final response. */
static GInputStream *
send_following_redirects (SoupSession                  *session,
                          GUri                         *first,
                          const ReadoutWebFetchOptions *options,
                          gint64                        deadline,
                          SoupMessage                 **out_message,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(GUri) uri = g_uri_ref (first);
  g_autofree char *first_url = g_uri_to_string (first);

  for (guint hop = 0; hop <= READOUT_WEB_MAX_REDIRECTS; hop++)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autofree char *url = g_uri_to_string (uri);
      const char *location;
      guint status;
      GUri *next;

      if (!limit_to_deadline (session, deadline))
        {
          set_timed_out (first_url, options, error);
          return NULL;
        }
      stream = send_one (session, uri, options, &message, cancellable, error);
      if (stream == NULL)
        return NULL;
      status = soup_message_get_status (message);
      location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      if (!SOUP_STATUS_IS_REDIRECTION (status) || status == SOUP_STATUS_NOT_MODIFIED || location == NULL)
        {
          if (!check_status (message, url, error))
            return NULL;
          *out_message = g_steal_pointer (&message);
          return g_steal_pointer (&stream);
        }

      g_input_stream_close (stream, NULL, NULL);
      next = parse_web_uri (location, uri, url, error);
      if (next == NULL)
        return NULL;
      g_uri_unref (uri);
      uri = next;
    }

  g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_REDIRECTS,
               _("%s redirects more than %d times; open it in a browser and import the address it ends at."),
               first_url, READOUT_WEB_MAX_REDIRECTS);
  return NULL;
}

/* Reads the whole body, failing as soon as it passes the size limit or the deadline. */
static GByteArray *
read_bounded (GInputStream                 *stream,
              goffset                       total,
              gint64                        deadline,
              const char                   *url,
              const ReadoutWebFetchOptions *options,
              GCancellable                 *cancellable,
              GError                      **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 block[READ_BLOCK];

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, block, sizeof block, cancellable, &local_error);

      if (n < 0)
        {
          readout_web_describe_error (url, local_error, options->timeout_seconds, error);
          return NULL;
        }
      if (n == 0)
        return g_steal_pointer (&body);
      if (body->len + (gsize) n > READOUT_WEB_MAX_SIZE)
        {
          g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TOO_LARGE,
                       _("%s is larger than 10 MB; a readout or a feed is far smaller, so this is not one."), url);
          return NULL;
        }
      g_byte_array_append (body, block, n);
      if (options->progress != NULL)
        options->progress (body->len, total > 0 ? (guint64) total : 0, options->progress_data);
      if (g_get_monotonic_time () > deadline)
        {
          set_timed_out (url, options, error);
          return NULL;
        }
    }
}

/* The page's charset from a <meta charset> or <meta http-equiv> in its first bytes. */
static char *
sniff_meta_charset (const char *data,
                    gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 4096));
  const char *meta = head;

  while ((meta = strstr (meta, "<meta")) != NULL)
    {
      const char *end = strchr (meta, '>');
      const char *charset = strstr (meta, "charset=");

      if (end == NULL)
        break;
      if (charset != NULL && charset < end)
        {
          gsize n;

          charset += strlen ("charset=");
          while (*charset == '"' || *charset == '\'' || *charset == ' ')
            charset++;
          for (n = 0; g_ascii_isalnum (charset[n]) || charset[n] == '-' || charset[n] == '_'; n++)
            ;
          if (n > 0)
            return g_strndup (charset, n);
        }
      meta = end;
    }
  return NULL;
}

char *
readout_web_decode (const char *data,
                    gsize       length,
                    const char *charset,
                    gsize      *out_length)
{
  g_autofree char *sniffed = NULL;
  char *converted;
  gsize written = 0;

  if (charset == NULL)
    charset = sniffed = sniff_meta_charset (data, length);
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      converted = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);
      if (converted != NULL)
        {
          *out_length = written;
          return converted;
        }
    }
  *out_length = length;
  return g_strndup (data, length);
}

static ReadoutWebPage *
page_from_response (SoupMessage          *message,
                    GByteArray           *body,
                    ReadoutWebWant        want)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr(GHashTable) params = NULL;
  const char *type = soup_message_headers_get_content_type (headers, &params);
  ReadoutWebPage *page = g_new0 (ReadoutWebPage, 1);

  page->url = g_uri_to_string (soup_message_get_uri (message));
  page->content_type = type != NULL ? g_ascii_strdown (type, -1) : NULL;
  page->charset = g_strdup (params != NULL ? g_hash_table_lookup (params, "charset") : NULL);
  page->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  page->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  page->not_modified = soup_message_get_status (message) == SOUP_STATUS_NOT_MODIFIED;
  if (want == READOUT_WEB_WANT_FEED)
    {
      page->length = body->len;
      page->body = g_strndup ((const char *) body->data, body->len);
    }
  else
    page->body = readout_web_decode ((const char *) body->data, body->len, page->charset, &page->length);
  return page;
}

ReadoutWebPage *
readout_web_fetch (const char                   *url,
                   const ReadoutWebFetchOptions *options,
                   GCancellable                 *cancellable,
                   GError                      **error)
{
  ReadoutWebFetchOptions defaults = { 0 };
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = NULL;
  const char *type;
  goffset total;
  gint64 deadline;

  g_return_val_if_fail (url != NULL, NULL);

  if (options != NULL)
    defaults = *options;
  if (defaults.timeout_seconds == 0)
    defaults.timeout_seconds = READOUT_WEB_TIMEOUT_SECONDS;
  deadline = g_get_monotonic_time () + (gint64) defaults.timeout_seconds * G_USEC_PER_SEC;

  uri = parse_web_uri (url, NULL, NULL, error);
  if (uri == NULL)
    return NULL;

  /* A session per fetch: it lives on the calling thread, which libsoup requires. */
  session = soup_session_new_with_options ("timeout", defaults.timeout_seconds,
                                           "user-agent", "Readout/" PACKAGE_VERSION " ",
                                           NULL);
  stream = send_following_redirects (session, uri, &defaults, deadline, &message, cancellable, error);
  if (stream == NULL)
    return NULL;

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);
  if (soup_message_get_status (message) != SOUP_STATUS_NOT_MODIFIED && !content_type_wanted (type, defaults.want))
    {
      g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_NOT_TEXT,
                   defaults.want == READOUT_WEB_WANT_FEED
                     ? _("%s is not a feed or a web page (it is %s); follow the address of an RSS or Atom feed.")
                     : _("%s is not a web page or text (it is %s); import the address of an HTML page."),
                   url, type);
      return NULL;
    }

  total = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (total > READOUT_WEB_MAX_SIZE)
    {
      g_set_error (error, READOUT_WEB_ERROR, READOUT_WEB_ERROR_TOO_LARGE,
                   _("%s is larger than 10 MB; a readout or a feed is far smaller, so this is not one."), url);
      return NULL;
    }

  body = read_bounded (stream, total, deadline, url, &defaults, cancellable, error);
  if (body == NULL)
    return NULL;
  g_input_stream_close (stream, NULL, NULL);
  return page_from_response (message, body, defaults.want);
}

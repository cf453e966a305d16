// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Fetching one web page or feed with libsoup 3: http and https only, a bounded number of
 * redirects, a bounded body (enforced while reading), a deadline for the whole transfer,
 * and one sentence for every way it can fail. */

#define READOUT_WEB_ERROR (readout_web_error_quark ())

typedef enum {
  READOUT_WEB_ERROR_UNSUPPORTED,   /* not an http or https address */
  READOUT_WEB_ERROR_NO_NETWORK,    /* no route, connection refused */
  READOUT_WEB_ERROR_DNS,           /* the host name does not resolve */
  READOUT_WEB_ERROR_TLS,           /* the secure connection failed */
  READOUT_WEB_ERROR_NOT_FOUND,     /* HTTP 404 or 410 */
  READOUT_WEB_ERROR_HTTP,          /* any other HTTP status that is not a success */
  READOUT_WEB_ERROR_REDIRECTS,     /* more than READOUT_WEB_MAX_REDIRECTS */
  READOUT_WEB_ERROR_NOT_TEXT,      /* a content type that is neither HTML nor text (nor XML for a feed) */
  READOUT_WEB_ERROR_TOO_LARGE,
  READOUT_WEB_ERROR_TIMED_OUT,
} ReadoutWebError;

#define READOUT_WEB_MAX_REDIRECTS 5
#define READOUT_WEB_MAX_SIZE (10 * 1024 * 1024)
#define READOUT_WEB_TIMEOUT_SECONDS 30

typedef enum {
  READOUT_WEB_WANT_PAGE,  /* HTML or plain text */
  READOUT_WEB_WANT_FEED,  /* XML; HTML too, so that the feed reader can say it is a page */
} ReadoutWebWant;

/* Called from the thread that fetches, after every block read; @total is 0 when the
 * server did not say. */
typedef void (*ReadoutWebProgress) (guint64  received,
                                    guint64  total,
                                    gpointer user_data);

typedef struct {
  ReadoutWebWant      want;
  guint               timeout_seconds;  /* 0: READOUT_WEB_TIMEOUT_SECONDS */
  const char         *etag;             /* nullable: a conditional request */
  const char         *last_modified;    /* nullable */
  ReadoutWebProgress  progress;         /* nullable */
  gpointer            progress_data;
} ReadoutWebFetchOptions;

typedef struct {
  char     *url;            /* where the page was found, after redirects */
  char     *content_type;   /* "text/html", lower case, without parameters */
  char     *body;           /* NUL-terminated; a page's converted to UTF-8 from the header's or
                             * <meta>'s charset, a feed's as sent (libxml2 reads its encoding) */
  char     *charset;        /* nullable: the header's charset */
  gsize     length;
  char     *etag;           /* nullable */
  char     *last_modified;  /* nullable */
  gboolean  not_modified;   /* 304: body is empty */
} ReadoutWebPage;

GQuark          readout_web_error_quark (void);

/* TRUE for a string that is meant as a web address (it has a scheme followed by "//"),
 * whether or not its scheme is supported. */
gboolean        readout_web_is_address  (const char                   *text);

/* FALSE, with READOUT_WEB_ERROR_UNSUPPORTED, unless @url is an http or https address. */
gboolean        readout_web_check_address (const char                 *url,
                                           GError                    **error);

/* Fetches @url, blocking: call it from a worker thread. Cancelling @cancellable stops it
 * with G_IO_ERROR_CANCELLED. @options is nullable (a page, the default limits). */
ReadoutWebPage *readout_web_fetch       (const char                   *url,
                                         const ReadoutWebFetchOptions *options,
                                         GCancellable                 *cancellable,
                                         GError                      **error);
void            readout_web_page_free   (ReadoutWebPage               *page);

/* @data converted to UTF-8 from @charset (nullable: the page's <meta> says, else UTF-8);
 * a copy when it cannot be converted, for the import to reject. Exposed for tests. */
char           *readout_web_decode      (const char                   *data,
                                         gsize                         length,
                                         const char                   *charset,
                                         gsize                        *out_length);
/* Turns a GLib or libsoup error about @url into a READOUT_WEB_ERROR with a sentence a
 * user can act on; cancellation is passed through as it is. Exposed for tests. */
void            readout_web_describe_error (const char                *url,
                                            const GError              *error,
                                            guint                      timeout_seconds,
                                            GError                   **dest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutWebPage, readout_web_page_free)

G_END_DECLS

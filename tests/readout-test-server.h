// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A web server inside the test process, on 127.0.0.1, running on a thread of its own so
 * that blocking fetches on the test's thread can be answered. Besides the pages a test
 * adds, it misbehaves on purpose at fixed paths:
 *   /missing (404), /broken (500), /loop (redirects to itself), /hops/N (N redirects
 *   before /readout.html), /slow-hops/N (the same, a second each), /to-file (redirects to a file: address), /endless (a chunked
 *   body that never ends), /huge (a 50 MB body), /drip (one byte a second), /silent
 *   (headers never come), /pdf (application/pdf). */

typedef struct _ReadoutTestServer ReadoutTestServer;

ReadoutTestServer *readout_test_server_start    (void);
void               readout_test_server_stop     (ReadoutTestServer *self);
/* "http://127.0.0.1:PORT" + @path */
char              *readout_test_server_url      (ReadoutTestServer *self,
                                                 const char        *path);
/* "https://127.0.0.1:PORT2" + @path, where a listener answers in plain text, not TLS. */
char              *readout_test_server_not_tls_url (ReadoutTestServer *self,
                                                    const char        *path);
/* Serves @body at @path from now on (replacing what was there); with an @etag (nullable)
 * it answers 304 to a request that has it. */
void               readout_test_server_set_page (ReadoutTestServer *self,
                                                 const char        *path,
                                                 const char        *content_type,
                                                 const char        *body,
                                                 gsize              length,
                                                 const char        *etag);
/* How many requests reached @path, and how many of them were answered 304. */
guint              readout_test_server_hits     (ReadoutTestServer *self,
                                                 const char        *path);
guint              readout_test_server_not_modified (ReadoutTestServer *self);
/* The fixture tests/fixtures/web/@name as a page, and in Windows-1251 when @cp1251. */
void               readout_test_server_set_fixture (ReadoutTestServer *self,
                                                    const char        *path,
                                                    const char        *name,
                                                    gboolean           cp1251);

G_END_DECLS

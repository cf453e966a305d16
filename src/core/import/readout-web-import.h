// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-importer.h"
#include "readout-web-fetch.h"

G_BEGIN_DECLS

/* Importing a readout from its web address: the page is fetched (readout-web-fetch.h),
 * read through the same HTML path as a saved file, and its metadata (og:title,
 * article:published_time, JSON-LD datePublished, <time>) gives the source's title and
 * date; the source keeps the page's address. */

/* The page's title and publication date (ISO, day precision) from its metadata; either
 * is set to NULL when the page does not say. */
void               readout_web_page_metadata   (const char                   *html,
                                                gsize                         length,
                                                char                        **title,
                                                char                        **published);
/* Gives @extraction the page's address, and its title and date (nullable) where the page
 * has them; calls the text does not date take the page's date. */
void               readout_web_import_fill     (ReadoutExtraction            *extraction,
                                                const char                   *url,
                                                const char                   *title,
                                                const char                   *published);
/* Extracts the calls of a fetched page. Fails like an imported file (no call, no text). */
ReadoutExtraction *readout_web_import_extract  (ReadoutImporter              *importer,
                                                const ReadoutWebPage         *page,
                                                GError                      **error);
/* Fetches @url and extracts it, blocking (a worker thread, or the command line). */
ReadoutExtraction *readout_web_import_fetch    (ReadoutImporter              *importer,
                                                const char                   *url,
                                                const ReadoutWebFetchOptions *options,
                                                GCancellable                 *cancellable,
                                                GError                      **error);

/* The same in a worker thread, for the window. @progress (nullable) is called on the
 * caller's main context. Matching with the store is left to the caller. */
void               readout_web_import_fetch_async  (ReadoutImporter     *importer,
                                                    const char          *url,
                                                    ReadoutWebProgress   progress,
                                                    gpointer             progress_data,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ReadoutExtraction *readout_web_import_fetch_finish (ReadoutImporter     *importer,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS

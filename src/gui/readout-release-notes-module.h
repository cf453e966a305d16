// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* readout_release_notes_parse () (readout-release-notes.h), from the module that links
 * libappstream, loaded on the first call. An error if the module cannot be loaded. */
gboolean readout_release_notes_read (const char          *metainfo,
                                     gssize               length,
                                     const char * const  *languages,
                                     char               **version,
                                     char               **notes,
                                     GError             **error);

G_END_DECLS

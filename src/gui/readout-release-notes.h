// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The newest release of an AppStream metainfo document, read by libappstream: its version
 * and its notes as the markup AdwAboutWindow takes (<p>, <ul>, <ol>, <li>, <em>, <code>),
 * in the first of @languages the notes are translated into, else untranslated. The About
 * dialog reads them from the installed metainfo, so version and notes are written in one
 * place. A document AppStream cannot read, or one without a release, is an error. */
gboolean readout_release_notes_parse (const char          *metainfo,
                                      gssize               length,
                                      const char * const  *languages,
                                      char               **version,
                                      char               **notes,
                                      GError             **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define READOUT_TYPE_SEARCH_PROVIDER (readout_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSearchProvider, readout_search_provider, READOUT, SEARCH_PROVIDER, GObject)

#define READOUT_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

/* GNOME Shell's search in the Activities overview (org.gnome.Shell.SearchProvider2):
 * what a user types is searched in the user's store, leaders by name first, then
 * everything that was said; each result is a call. ::activate-call (gint64 call id)
 * and ::launch-search (a GStrv of the terms) ask the application to show them. */
ReadoutSearchProvider *readout_search_provider_new      (const char             *store_path);
gboolean               readout_search_provider_export   (ReadoutSearchProvider  *self,
                                                         GDBusConnection        *connection,
                                                         const char             *object_path,
                                                         GError                **error);
void                   readout_search_provider_unexport (ReadoutSearchProvider  *self);

G_END_DECLS

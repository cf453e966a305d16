// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A file written whole or not at all: the data goes to a temporary file in the target's
 * folder, which replaces the target only on commit. Freeing an uncommitted
 * ReadoutSafeFile removes the temporary file, so an error or a crash half way never
 * leaves a half-written export where the user expects a whole one. A path that is a
 * symbolic link is written through: the file it points to is replaced, the link stays. */
typedef struct _ReadoutSafeFile ReadoutSafeFile;

void             readout_safe_file_protect       (const char       *path);
void             readout_safe_file_unprotect     (const char       *path);

ReadoutSafeFile *readout_safe_file_new           (const char       *path,
                                                  GError          **error);
/* The stream to write to (opened on first use). */
GOutputStream   *readout_safe_file_get_stream    (ReadoutSafeFile  *self,
                                                  GError          **error);
/* The temporary file, for writers that open it themselves (SQLite's backup). */
const char      *readout_safe_file_get_temp_path (ReadoutSafeFile  *self);
const char      *readout_safe_file_get_path      (ReadoutSafeFile  *self);
/* Closes the stream, flushes the file to disk and renames it onto the target. */
gboolean         readout_safe_file_commit        (ReadoutSafeFile  *self,
                                                  GError          **error);
void             readout_safe_file_free          (ReadoutSafeFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutSafeFile, readout_safe_file_free)

G_END_DECLS

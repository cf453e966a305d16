// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a whole file the user chose to import, with a hard limit. The file is opened
 * without waiting (a FIFO with no writer does not hang the import), checked through
 * the opened descriptor to be a regular file (so a link to /dev/zero, a device, a FIFO
 * or a folder is refused in one sentence, never read), and read up to @max_size + 1
 * bytes, however large it says it is or grows. When it holds more than @max_size
 * bytes, returns NULL with *too_large set and @error unset, for the caller to say so
 * in its own words. The data is NUL-terminated. */
char *readout_input_file_read (const char  *path,
                               gsize        max_size,
                               gsize       *length,
                               gboolean    *too_large,
                               GError     **error);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Builds an object from text (the data file's contents); NULL with @error when the text
 * is not valid. */
typedef gpointer (*ReadoutBuiltinParser) (const char  *data,
                                          gssize       length,
                                          GError     **error);

/* The object @parse builds from the core GResource's data file @name ("leaders.tsv").
 * The file ships with the app: where it cannot be read, that is a packaging bug, said
 * once as a critical naming @what, and an empty object of @empty_type stands in. */
gpointer readout_builtin_data_load (const char           *name,
                                    ReadoutBuiltinParser  parse,
                                    GType                 empty_type,
                                    const char           *what);

G_END_DECLS

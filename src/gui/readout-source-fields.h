// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-source.h"

G_BEGIN_DECLS

/* The fields of a source (publisher, kind, side, date, title, address), one set of
 * widgets for the Add/Edit Source form and the import review. The kind follows the side
 * until the user picks one: an official readout for a country's side, a news report
 * for the independent press. Emits "changed" when the user edits any field. */

#define READOUT_TYPE_SOURCE_FIELDS (readout_source_fields_get_type ())

G_DECLARE_FINAL_TYPE (ReadoutSourceFields, readout_source_fields, READOUT, SOURCE_FIELDS, AdwPreferencesGroup)

GtkWidget *readout_source_fields_new        (void);
/* Shows @source's fields; its text and ids are not shown. */
void       readout_source_fields_set_source (ReadoutSourceFields *self,
                                             ReadoutSource       *source);
/* Copies the fields as typed (trimmed, NULL when empty) into @source. */
void       readout_source_fields_apply      (ReadoutSourceFields *self,
                                             ReadoutSource       *source);
/* Marks the fields in error and says why under them (and in @error,
 * READOUT_ERROR_INVALID); whether they can be saved. A missing publisher is an error only
 * with @require_publisher, and only once the user has typed. */
gboolean   readout_source_fields_validate   (ReadoutSourceFields  *self,
                                             gboolean              require_publisher,
                                             GError              **error);

G_END_DECLS

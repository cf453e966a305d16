// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "readout-store.h"

G_BEGIN_DECLS

/* Helpers the edit forms share; no types here. */

/* The countries of the store's list as a GtkStringList of names in the user's language, by name,
 * each item carrying its ISO code; with @none_label first (code NULL) when given. */
GListModel *readout_edit_countries_new        (const char          *none_label);
const char *readout_edit_countries_get_code   (GListModel          *countries,
                                               guint                position);
/* The position of @code, or of the "none" item (0) when @code is NULL or unknown. */
guint       readout_edit_countries_find       (GListModel          *countries,
                                               const char          *code);
/* A GtkDropDown over @countries whose popover can be searched by typing. */
void        readout_edit_setup_country_dropdown (GtkDropDown       *dropdown,
                                                 GListModel        *countries);

/* The rows of a call's date precision, status and duration, the same in the Call form
 * and the import review: the models (in the order of their enums; the qualifier row
 * without "unknown", which a duration of 0 means), a duration of 0 shown as "Not known",
 * and the qualifier row shown only for a known duration. */
void        readout_edit_setup_call_rows      (AdwComboRow         *precision_row,
                                               AdwComboRow         *status_row,
                                               GtkSpinButton       *duration_spin,
                                               AdwComboRow         *qualifier_row);

/* "Putin, the Russian president" -> { "Putin", "the Russian president" }: trimmed,
 * empty items dropped. */
char      **readout_edit_split_list           (const char          *text);
char       *readout_edit_join_list            (const char * const  *items);
/* The text of an entry or entry row with the spaces around it trimmed; NULL when empty. */
char       *readout_edit_dup_text             (GtkEditable         *editable);
void        readout_edit_set_text             (GtkEditable         *editable,
                                               const char          *text);

/* The date typed in @entry (a filter's range), NULL when it is empty. FALSE, with the
 * entry marked as an error, when it is not an ISO date. */
gboolean    readout_edit_read_date_entry      (GtkEditable         *entry,
                                               char               **date);

/* Checks an ISO date as typed. With @precision not NULL the date must have exactly that
 * precision. Returns NULL when it is fine (or empty and not @required), else the reason. */
char       *readout_edit_check_date           (const char          *text,
                                               gboolean             required,
                                               const ReadoutDatePrecision *precision);

/* Shows @message (NULL: hides it) in @label, the caption under a field, and marks the
 * row with the error style. */
void        readout_edit_set_field_error      (GtkWidget           *row,
                                               GtkWidget           *label,
                                               const char          *message);

/* A flat "more" menu button whose items activate actions with @id as their target:
 * pairs of label and detailed action name ("win.edit-source"), NULL-terminated. */
/* The same menu alone, for a context menu. */
GMenuModel *readout_edit_menu_new             (gint64               id,
                                               const char          *first_label,
                                               ...) G_GNUC_NULL_TERMINATED;
GtkWidget  *readout_edit_menu_button_new      (const char          *tooltip,
                                               gint64               id,
                                               const char          *first_label,
                                               ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

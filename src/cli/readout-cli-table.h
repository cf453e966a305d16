// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table for the terminal whose columns are as wide as their widest cell, so that no
 * value is cut: list-leaders and list-calls. The last column is not padded. */
typedef struct _ReadoutCliTable ReadoutCliTable;

ReadoutCliTable *readout_cli_table_new     (const char * const *headings);
/* @cells: as many as the table has headings; NULL cells print as "—". */
void             readout_cli_table_add_row (ReadoutCliTable     *self,
                                            const char * const  *cells);
void             readout_cli_table_print   (ReadoutCliTable     *self);
/* The rows without the headings, for a table whose columns need no names. */
void             readout_cli_table_print_rows (ReadoutCliTable  *self);
void             readout_cli_table_free    (ReadoutCliTable     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutCliTable, readout_cli_table_free)

G_END_DECLS

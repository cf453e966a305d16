// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-importer.h"

G_BEGIN_DECLS

/* How far back a stored call may be to date a text that names only a weekday. */
#define READOUT_UNDATED_STORED_DAYS 14

/* Dates the calls of @extractions (one import: ReadoutExtraction) whose texts carry no
 * date and name the call's day only as a weekday ("on Saturday") or relative day
 * ("yesterday"): from the other texts of the import about the same leaders where exactly
 * one day fits (the weekday in the week up to that text's date, or that text's call
 * itself), else from the stored calls of the same leaders in the
 * READOUT_UNDATED_STORED_DAYS days up to today where exactly one fits. A call no day or
 * several days fit keeps no date (its day_fits says how many fitted), and filing it is
 * refused until the user gives one. Dates resolved by an earlier run are worked out
 * again, so a text added to the import later counts too; a date the user typed stays. */
void readout_undated_resolve (ReadoutImporter *importer,
                              GPtrArray       *extractions);

G_END_DECLS

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readout-statement.h"

G_BEGIN_DECLS

/* Shared by the JSON (readout-comparison.c) and the text (readout-comparison-text.c) of a
 * comparison: what a statement's source is called, its publisher or else its title. */
const char *readout_comparison_statement_source (ReadoutStatement *statement);

G_END_DECLS

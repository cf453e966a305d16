// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "readout-error"

#include "config.h"

#include "readout-error.h"

G_DEFINE_QUARK (readout-error-quark, readout_error)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define READOUT_ERROR (readout_error_quark ())

/**
 * ReadoutError:
 * @READOUT_ERROR_NOT_FOUND: the file, folder, or row does not exist
 * @READOUT_ERROR_NOT_A_STORE: the file is not a Readout store (text, random bytes, a directory)
 * @READOUT_ERROR_CORRUPT: the file is an SQLite store but damaged or truncated
 * @READOUT_ERROR_NEWER_VERSION: the store was written by a newer Readout
 * @READOUT_ERROR_READ_ONLY: the store was opened read-only and cannot be changed
 * @READOUT_ERROR_LOCKED: another program holds the store's write lock
 * @READOUT_ERROR_INVALID: an argument or a value is not acceptable
 * @READOUT_ERROR_IO: reading or writing a file failed
 * @READOUT_ERROR_FAILED: SQLite reported an error not covered above
 * @READOUT_ERROR_BAD_INPUT: an input file (import, JSON) cannot be used
 * @READOUT_ERROR_NOTHING_FOUND: the input holds nothing to work on (no call, no statements)
 * @READOUT_ERROR_CHANGED: someone else changed the row since it was read (a team store)
 *
 * Codes of the %READOUT_ERROR domain, for callers that match with g_error_matches().
 */
typedef enum {
  READOUT_ERROR_NOT_FOUND,
  READOUT_ERROR_NOT_A_STORE,
  READOUT_ERROR_CORRUPT,
  READOUT_ERROR_NEWER_VERSION,
  READOUT_ERROR_READ_ONLY,
  READOUT_ERROR_LOCKED,
  READOUT_ERROR_INVALID,
  READOUT_ERROR_IO,
  READOUT_ERROR_FAILED,
  READOUT_ERROR_BAD_INPUT,
  READOUT_ERROR_NOTHING_FOUND,
  READOUT_ERROR_CHANGED,
} ReadoutError;

GQuark readout_error_quark (void);

G_END_DECLS

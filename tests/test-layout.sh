#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layout's rules (CONTRIBUTING.md), checked: SQL and the store's private header only
# under src/core/store/, no GTK in the core, and an SPDX licence line in every source file.
set -u

srcroot=${1:-.}
cd "$srcroot" || exit 1
n=0

check () {
  local description=$1 offenders=$2
  n=$((n + 1))
  if [ -z "$offenders" ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    printf '%s\n' "$offenders" | sed 's/^/# /'
  fi
}

sources=$(find src -name '*.c' -o -name '*.h' | sort)

check "SQL only under src/core/store/" \
  "$(grep -l 'sqlite3_\|<sqlite3.h>' $sources | grep -v '^src/core/store/')"
check "readout-store-private.h included only under src/core/store/" \
  "$(grep -l '#include "readout-store-private.h"' $sources | grep -v '^src/core/store/')"
check "the core never includes GTK or libadwaita" \
  "$(grep -l '#include <gtk/\|#include <adwaita.h>' $(printf '%s\n' $sources | grep '^src/core/'))"
check "the CLI includes nothing of the window" \
  "$(grep -l '#include <gtk/\|#include <adwaita.h>' $(printf '%s\n' $sources | grep '^src/cli/'))"
check "every C source names its licence (SPDX)" \
  "$(for f in $sources; do head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"; done)"

echo "1..$n"

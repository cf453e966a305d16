#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layout's rules (CONTRIBUTING.md), checked: SQL and the store's private header only
# under src/core/store/, the database libraries only in its engine folder, no GTK in the core, an SPDX licence line in every source file, no
# circle among the files of src/gui, and the size limits of files and functions.
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
  "$(grep -l 'sqlite3_\|<sqlite3.h>\|<libpq-fe.h>' $sources | grep -v '^src/core/store/')"
# The store's engines (issue 16): only the engine folder knows a database library, and
# SQLite's API only the SQLite engine.
check "SQLite's API only in src/core/store/engine/readout-db-sqlite.c" \
  "$(grep -l 'sqlite3_\|<sqlite3.h>' $sources | grep -v '^src/core/store/engine/readout-db-sqlite\.c$')"
check "a database library's header only under src/core/store/engine/" \
  "$(grep -l '#include <sqlite3.h>\|#include <libpq-fe.h>' $sources | grep -v '^src/core/store/engine/')"
check "readout-store-private.h included only under src/core/store/" \
  "$(grep -l '#include "readout-store-private.h"' $sources | grep -v '^src/core/store/')"
check "the core never includes GTK or libadwaita" \
  "$(grep -l '#include <gtk/\|#include <adwaita.h>' $(printf '%s\n' $sources | grep '^src/core/'))"
check "the CLI includes nothing of the window" \
  "$(grep -l '#include <gtk/\|#include <adwaita.h>' $(printf '%s\n' $sources | grep '^src/cli/'))"
check "every C source names its licence (SPDX)" \
  "$(for f in $sources; do head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"; done)"

# src/gui, from its #include lines: a file pair (readout-x.c and readout-x.h) is one node and
# the window's parts (readout-window-*.c, readout-window-private.h) are the window's node;
# tsort names any circle among them.
gui_unit () { basename "$1" | sed -E 's/\.[ch]$//; s/^readout-window-.*/readout-window/'; }
gui_edges () {
  local f h
  for f in src/gui/*.c src/gui/*.h; do
    for h in $(sed -nE 's/^#include "([^"]+\.h)".*/\1/p' "$f"); do
      [ -f "src/gui/$h" ] && [ "$(gui_unit "$f")" != "$(gui_unit "$h")" ] && echo "$(gui_unit "$f") $(gui_unit "$h")"
    done
  done
}
check "no circle among the files of src/gui (their #include lines)" \
  "$(gui_edges | sort -u | tsort 2>&1 >/dev/null | grep -v 'input contains a loop')"
check "readout-window-private.h included only by the window's parts" \
  "$(grep -l '#include "readout-window-private.h"' $sources | grep -v '^src/gui/readout-window[.-]')"

# Functions in GNU style: the name starts a line, "{" and "}" stand alone at its start.
# Prints every function of the files given that is longer than $1 lines.
long_functions () {
  local limit=$1
  shift
  awk -v limit="$limit" '
    FNR == 1 { name = ""; inside = 0 }
    /^[A-Za-z_][A-Za-z0-9_]* \(/ && !inside { name = $1; start = FNR }
    /^\{/ && name != "" { inside = 1 }
    /^\}/ && inside { if (FNR - start + 1 > limit) print FILENAME ":" start ": " name " (" FNR - start + 1 " lines)";
                      inside = 0; name = "" }' "$@"
}
long_files () {
  local limit=$1 f
  shift
  for f in "$@"; do
    [ "$(wc -l < "$f")" -gt "$limit" ] && echo "$f ($(wc -l < "$f") lines)"
  done
}
c_sources=$(printf '%s\n' $sources | grep '\.c$')
extractor=$(printf '%s\n' $sources | grep '^src/core/import/readout-extractor')

check "no function in src/ longer than 150 lines" "$(long_functions 150 $c_sources)"
check "no file in src/ longer than 1,500 lines" "$(long_files 1500 $sources)"
# The extractor's stages (issue 11): a newcomer reads one stage at a time.
check "no function of the extractor longer than 80 lines" "$(long_functions 80 $(printf '%s\n' $extractor | grep '\.c$'))"
check "no file of the extractor longer than 800 lines" "$(long_files 800 $extractor)"

echo "1..$n"

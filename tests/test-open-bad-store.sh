#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `readout --database FILE --import=TEXT` where FILE is not a store: the window says why,
# the command line says so, and nothing is filed anywhere else (the import used to go to
# the user's default store). Runs the real app on a private X server and session bus. TAP.
#
# Usage: test-open-bad-store.sh READOUT IMPORT_TEXT
set -u
app=$1 text=$2

for tool in dbus-run-session xvfb-run timeout cmp; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none

printf '{"format":"readout","version":1,"leaders":[]}\n' >"$scratch/notes.db"
cp "$scratch/notes.db" "$scratch/notes.before"

# The window stays open on its error dialog; the timeout ends it.
timeout 10 xvfb-run -a dbus-run-session -- "$app" --database "$scratch/notes.db" --import="$text" \
  >"$scratch/out" 2>"$scratch/err"
n=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; sed 's/^/# /' "$scratch/out" "$scratch/err"; fi
}
check "the command line says the store could not be opened" 'grep -q "Could not open the store" "$scratch/err"'
check "no store is made in the user's data folder" '[ ! -e "$scratch/data/readout/readout.db" ]'
check "the file given is left as it was" 'cmp -s "$scratch/notes.db" "$scratch/notes.before"'

# A team store's location with a password in it: refused, named without the password.
timeout 10 xvfb-run -a dbus-run-session -- "$app" --database 'postgresql://reader:secret@db.invalid/team' \
  >"$scratch/out" 2>"$scratch/err"
check "a location with a password is refused" 'grep -q "Could not open the store “reader@db.invalid/team”" "$scratch/err"'
check "the refusal does not repeat the password" '! grep -q secret "$scratch/err"'
check "nothing is made in the user's data folder for it" '[ ! -e "$scratch/data/readout/readout.db" ]'
echo "1..$n"

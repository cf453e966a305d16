#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# READOUT_BENCH (a debug hook, -Ddebug-hooks=true): the window prints its startup and
# leader-selection timings and quits by itself. Runs the real app on the sample data, on
# a private X server and session bus. TAP output.
#
# Usage: test-bench-hook.sh READOUT
set -u
app=$1

for tool in dbus-run-session xvfb-run timeout; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8

READOUT_BENCH=1 timeout 120 xvfb-run -a dbus-run-session -- "$app" --sample >"$scratch/out" 2>"$scratch/err"
status=$?
n=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; sed 's/^/# /' "$scratch/out" "$scratch/err"; fi
}
check "the window quits by itself after measuring" '[ "$status" -eq 0 ]'
check "it lists the sample's leaders" 'grep -Eq "^bench: leaders listed: [1-9][0-9]*$" "$scratch/out"'
check "it times the first frame" 'grep -Eq "^bench: main to first frame: [0-9.]+ ms$" "$scratch/out"'
check "it times selecting the busiest leader" \
  'grep -Eq "^bench: select busiest leader \([0-9]+ calls, [0-9]+ listed\) to frame: [0-9.]+ ms$" "$scratch/out"'
check "it gives the main thread's CPU time for that" \
  'grep -Eq "^bench: select busiest leader, main thread CPU: [0-9.]+ ms$" "$scratch/out"'
echo "1..$n"

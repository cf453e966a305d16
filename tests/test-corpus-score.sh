#!/usr/bin/env bash
# Import accuracy on real official readouts (issue 11): runs ../shared/tools/corpus-score and
# pairs-score where that folder exists and reports their figures as TAP comments. It checks that
# the tools run and print figures; the score itself never fails the build. Elsewhere: SKIP.
set -u
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}
shared=${READOUT_SHARED_DIR:-}
tools="$shared/tools"

if [ -z "$shared" ] || [ ! -x "$tools/corpus-score" ] || [ ! -x "$tools/pairs-score" ]; then
  echo "1..0 # SKIP no ../shared/tools/corpus-score here"
  exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" LC_ALL=C.UTF-8

echo "1..2"
n=0
report () {
  local name=$1 out=$2 status=$3 pattern=$4
  n=$((n + 1))
  sed 's/^/# /' "$out"
  if [ "$status" -eq 0 ] && grep -Eq "$pattern" "$out"; then
    echo "ok $n - $name ran and printed its figures"
  else
    echo "not ok $n - $name did not run (status $status)"
  fi
}

"$tools/corpus-score" "$cli" >"$scratch/corpus" 2>&1
report corpus-score "$scratch/corpus" $? '^[0-9]+/[0-9]+ fields right'

"$tools/pairs-score" "$cli" >"$scratch/pairs" 2>&1
report pairs-score "$scratch/pairs" $? '^[0-9]+/[0-9]+ checks right'

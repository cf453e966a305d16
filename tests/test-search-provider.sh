#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The GNOME Shell search provider (issue 14), through D-Bus as the Shell calls it: the app
# runs as a D-Bus service on a private session bus (dbus-run-session) and a private X server.
# TAP output.
#
# Usage: test-search-provider.sh READOUT APP_ID SEARCH_PROVIDER_INI
set -u
app=$1 app_id=$2 ini=$3
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}

for tool in dbus-run-session gdbus xvfb-run; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

# Inside the private bus: the steps below, run by this same script with --inside.
if [ "${4:-}" != --inside ]; then
  exec xvfb-run -a dbus-run-session -- "$0" "$@" --inside
fi

scratch=$(mktemp -d)
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export LC_ALL=C.UTF-8
object_path=/$(echo "$app_id" | tr . /)/SearchProvider
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
call () { gdbus call --session --dest "$app_id" --object-path "$object_path" \
            --method "org.gnome.Shell.SearchProvider2.$1" "${@:2}" >"$scratch/out" 2>"$scratch/err"; }

check "the .search-provider.ini names the app's bus name and object path" \
  grep -qxF -e "BusName=$app_id" "$ini"
check "the .search-provider.ini's ObjectPath is where the app exports the provider" \
  grep -qxF -e "ObjectPath=$object_path" "$ini"

# The user's store: the sample, as a user would have it after importing it.
"$cli" export-json --sample --output "$scratch/sample.json" >/dev/null
"$cli" import-json "$scratch/sample.json" >/dev/null

"$app" --gapplication-service >"$scratch/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null; wait $app_pid 2>/dev/null; rm -rf "$scratch"' EXIT
timeout 60 gdbus wait --session "$app_id"
check "the app takes its name on the session bus" test $? -eq 0

call GetInitialResultSet "['Minsk']"
minsk_ids=$(python3 -c "import ast,sys; print(' '.join(ast.literal_eval(open('$scratch/out').read().strip())[0]))" 2>/dev/null)
check "a phrase finds the call where it was said" test -n "$minsk_ids"

call GetResultMetas "['${minsk_ids%% *}']"
check "a result's meta names the call's leaders and date" \
  grep -q "Donald Trump – Vladimir Putin.*21 November 2017" "$scratch/out"

call GetInitialResultSet "['Putin']"
check "a leader's name gives their calls, at most 20" python3 -c "
import ast
ids = ast.literal_eval(open('$scratch/out').read().strip())[0]
raise SystemExit(0 if 1 <= len(ids) <= 20 and len(set(ids)) == len(ids) else 1)"

call GetSubsearchResultSet "['1']" "['Minsk', 'accords']"
check "a narrower search finds the call again" grep -q "'" "$scratch/out"

call GetInitialResultSet "['zzzznothing']"
check "no match gives an empty list" grep -qF "[]," "$scratch/out"

call ActivateResult "'${minsk_ids%% *}'" "['Minsk']" 0
check "activating a result is answered" test $? -eq 0
sleep 2
check "the app is still running after opening the call" kill -0 $app_pid

echo "1..$n"
[ "$failed" -eq 0 ]

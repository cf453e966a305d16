#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readout-cli --database with a team store's location (issue 16). The checks of refused
# locations need no server; those that open a store use the server READOUT_TEST_POSTGRESQL
# names (build-aux/pg-test-server) and are skipped without it. TAP output.
set -u
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" LC_ALL=C.UTF-8
cd "$scratch" || exit 1

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

run () { "$cli" "$@" >"$scratch/out" 2>"$scratch/err"; status=$?; }
one_sentence_error () { [ "$status" -eq 1 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^readout-cli: ' "$scratch/err" && [ ! -s "$scratch/out" ]; }
# Nothing but the files the script made: no store was created under the location's name.
nothing_created () { [ "$(ls -A "$scratch" | tr '\n' ' ')" = "err out " ]; }

if ! "$cli" --database 'host=/nonexistent' list-leaders 2>&1 | grep -q "no PostgreSQL support"; then
  run --database 'postgresql://reader:secret@db.example.org/team' list-leaders
  check "a URI with a password is refused in one sentence" one_sentence_error
  check "the refusal says where the password goes" grep -q "pgpass" "$scratch/err"
  check "the refusal does not repeat the password" sh -c "! grep -q secret '$scratch/err'"
  run --database "host=db.example.org dbname=team password='s e'" list-calls
  check "a key=value string with a password is refused" one_sentence_error
  run --database "host='unclosed dbname=team" list-leaders
  check "a location libpq cannot parse is refused in one sentence" one_sentence_error

  run push "$scratch/mine.db" "$scratch/other.db"
  check "push refuses two files" test "$status" -eq 2
  check "the refusal gives push's usage" grep -q "push FILE.db postgresql://" "$scratch/err"
  run pull "$scratch/mine.db" 'postgresql://db.example.org/team'
  check "pull refuses its stores the wrong way round" test "$status" -eq 2
  run --database "$scratch/mine.db" push "$scratch/mine.db" 'postgresql://db.example.org/team'
  check "push refuses --database" test "$status" -eq 2
  run push "$scratch/missing.db" "host=$scratch/no-server port=1 dbname=team"
  check "push from a file that does not exist fails in one sentence" one_sentence_error
  run pull "host=$scratch/no-server port=1 dbname=team" "$scratch/copy.db"
  check "pull from an unreachable server fails in one sentence" one_sentence_error
  run --database "host=$scratch/no-server port=1 dbname=team" list-leaders
  check "an unreachable server fails in one sentence" one_sentence_error
  check "nothing is created for an unreachable server" nothing_created
else
  skip "this build has no PostgreSQL support"
fi

if [ -n "${READOUT_TEST_POSTGRESQL:-}" ]; then
  dbname="readout_cli_$$"
  psql -q -X -d "$READOUT_TEST_POSTGRESQL" -c "CREATE DATABASE $dbname" >/dev/null
  # The server's URI with the new database's name for its path (urlunsplit would drop an empty host's "//").
  location=$(python3 -c "import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.scheme + '://' + p.netloc + '/' + sys.argv[2] + ('?' + p.query if p.query else ''))" "$READOUT_TEST_POSTGRESQL" "$dbname")
  run --database "$location" list-leaders
  check "list-leaders on an empty team store succeeds" test "$status" -eq 0
  "$cli" export-json --sample --output "$scratch/sample.json"
  run --database "$location" import-json "$scratch/sample.json"
  check "import-json fills the team store" test "$status" -eq 0
  run --database "$location" list-calls --leader Putin --json
  check "list-calls reads back what was imported" \
    python3 -c "import json, sys; sys.exit(0 if len(json.load(open('$scratch/out'))) == 45 else 1)"
  # push and pull: a private store into a second, empty team store, twice (nothing doubled), and back.
  psql -q -X -d "$READOUT_TEST_POSTGRESQL" -c "CREATE DATABASE ${dbname}_push" >/dev/null
  team=${location/$dbname/${dbname}_push}
  "$cli" --database "$scratch/mine.db" import-json "$scratch/sample.json" >/dev/null
  count_putin_calls () { "$cli" --database "$1" list-calls --leader Putin --json | python3 -c "import json, sys; print(len(json.load(sys.stdin)))"; }
  run push "$scratch/mine.db" "$team"
  check "push copies a private store into a team store" test "$status" -eq 0
  check "the team store lists the pushed calls" test "$(count_putin_calls "$team")" = 45
  run --json push "$scratch/mine.db" "$team"
  check "a second push matches every call and adds none" \
    python3 -c "import json, sys; c = json.load(open('$scratch/out')); sys.exit(0 if c['calls_added'] == 0 and c['calls_matched'] > 0 else 1)"
  check "a second push doubles nothing" test "$(count_putin_calls "$team")" = 45
  run pull "$team" "$scratch/copy.db"
  check "pull copies a team store into a new file" test "$status" -eq 0
  check "the pulled file lists the team store's calls" test "$(count_putin_calls "$scratch/copy.db")" = 45
  psql -q -X -d "$READOUT_TEST_POSTGRESQL" -c "DROP DATABASE ${dbname}_push WITH (FORCE)" >/dev/null
  psql -q -X -d "$READOUT_TEST_POSTGRESQL" -c "DROP DATABASE $dbname WITH (FORCE)" >/dev/null
else
  skip "READOUT_TEST_POSTGRESQL names no server"
fi

echo "1..$n"
[ "$failed" -eq 0 ]

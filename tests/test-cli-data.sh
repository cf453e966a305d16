#!/usr/bin/env bash
# readout-cli export-json, import-json, export-csv and backup, run as a user would. TAP output.
set -u
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}
scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" LC_ALL=C.UTF-8

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

run () { "$cli" "$@" >"$scratch/out" 2>"$scratch/err"; status=$?; }
one_sentence_error () { [ "$status" -ne 0 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^readout-cli: ' "$scratch/err" && [ ! -s "$scratch/out" ]; }
no_temp_files () { ! ls -a "$1" | grep -q '\.tmp$'; }

# JSON: stdout and --output give the same document; the round trip gives the same bytes.
run export-json --sample
check "export-json writes JSON to stdout" python3 -c "import json,sys; d=json.load(open('$scratch/out')); sys.exit(0 if d['format']=='readout' and d['version']==1 and len(d['calls'])==51 else 1)"
cp "$scratch/out" "$scratch/stdout.json"
run export-json --sample --output "$scratch/sample.json"
check "export-json --output writes the same document" cmp -s "$scratch/stdout.json" "$scratch/sample.json"
run import-json --database "$scratch/copy.db" "$scratch/sample.json"
check "import-json into a new store succeeds" test "$status" -eq 0
run export-json --database "$scratch/copy.db" --output "$scratch/again.json"
check "export → import → export gives identical bytes" cmp -s "$scratch/sample.json" "$scratch/again.json"
run import-json --database "$scratch/copy.db" --json "$scratch/sample.json"
check "importing the same document again adds nothing" python3 -c "import json,sys; d=json.load(open('$scratch/out')); sys.exit(0 if d['calls_added']==0 and d['calls_matched']==51 and d['sources_added']==0 and d['leaders_added']==0 else 1)"

# Bad JSON: one sentence, non-zero status, the store byte-for-byte unchanged.
sum_before=$(sha256sum <"$scratch/copy.db")
printf '{"format": "readout", "version": 1,\n "calls": [}\n' >"$scratch/malformed.json"
run import-json --database "$scratch/copy.db" "$scratch/malformed.json"
check "malformed JSON is refused with one sentence" one_sentence_error
check "the message gives the line" grep -q "line 2" "$scratch/err"
printf '{"format": "readout", "version": 99}\n' >"$scratch/newer.json"
run import-json --database "$scratch/copy.db" "$scratch/newer.json"
check "a newer format version is refused" one_sentence_error
check "the message says a newer Readout wrote it" grep -q "newer Readout" "$scratch/err"
run import-json --database "$scratch/copy.db" "$scratch/missing.json"
check "a missing file is refused" one_sentence_error
check "the store is unchanged" test "$sum_before" = "$(sha256sum <"$scratch/copy.db")"

# CSV.
run export-csv --calls --sample --output "$scratch/calls.csv"
check "export-csv --calls writes a header and one row per call" test "$(wc -l <"$scratch/calls.csv")" -eq 52
check "the calls CSV has the documented header" grep -q '^id,date,date_precision,participants,countries,status,duration_minutes,duration_qualifier,initiator,topics' "$scratch/calls.csv"
check "the calls CSV is valid for Python's csv module" python3 -c "import csv,sys; r=list(csv.reader(open('$scratch/calls.csv', newline='', encoding='utf-8'))); sys.exit(0 if len(r)==52 and all(len(x)==10 for x in r) else 1)"
run export-csv --statements --call 1 --sample --output "$scratch/statements.csv"
check "export-csv --statements --call writes that call's statements" python3 -c "import csv,sys; r=list(csv.reader(open('$scratch/statements.csv', newline='', encoding='utf-8'))); sys.exit(0 if len(r)>1 and all(x[1]=='1' for x in r[1:]) else 1)"
run export-csv --calls --sample --output "$scratch/no/such/folder/calls.csv"
check "an unwritable CSV path is refused with one sentence" one_sentence_error
check "nothing is written for it" test ! -e "$scratch/no"
run export-csv --sample --output "$scratch/x.csv"
check "export-csv without --calls or --statements is a usage error (2)" test "$status" -eq 2
run export-csv --statements --call 9999 --sample --output "$scratch/x.csv"
check "a missing call is refused and no file written" test "$status" -ne 0 -a ! -e "$scratch/x.csv"

# Backup.
run backup --database "$scratch/copy.db" "$scratch/backup.db"
check "backup writes a copy" test "$status" -eq 0 -a -s "$scratch/backup.db"
check "the copy passes integrity_check" python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('$scratch/backup.db').execute('PRAGMA integrity_check').fetchone()[0]=='ok' else 1)"
run export-json --database "$scratch/backup.db" --output "$scratch/from-backup.json"
check "the copy holds the same data" cmp -s "$scratch/sample.json" "$scratch/from-backup.json"
run backup --database "$scratch/copy.db" "$scratch/no/such/folder/backup.db"
check "a backup into a missing folder is refused with one sentence" one_sentence_error
check "no temporary file is left behind" no_temp_files "$scratch"

echo "1..$n"
exit 0

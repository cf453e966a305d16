#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
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
no_temp_files () { ! ls -a "$1" | grep -q '\.tmp'; }

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
# A conflict's claim with no source (JSON may leave it out) is shown by its value alone.
python3 -c "
import json
d = json.load(open('$scratch/sample.json'))
call = [c for c in d['calls'] if c.get('conflicts')][0]
del call['conflicts'][0]['claims'][0]['source']
json.dump(d, open('$scratch/sourceless.json', 'w'))"
run import-json --database "$scratch/sourceless.db" "$scratch/sourceless.json"
conflict_call=$("$cli" list-calls --database "$scratch/sourceless.db" --json | python3 -c "
import json, sys
ids = [c['id'] for c in json.load(sys.stdin)]
print(' '.join(map(str, ids)))")
for id in $conflict_call; do "$cli" show-call --database "$scratch/sourceless.db" "$id"; done >"$scratch/shown" 2>&1
check "show-call lists the conflicts" grep -q "Conflict on" "$scratch/shown"
check "a claim with no source is not shown as (null)" sh -c "! grep -q '(null)' '$scratch/shown'"
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

# Issue 17: an export never replaces the open store or its -wal/-shm, whatever the name.
run import-json --database "$scratch/guarded.db" "$scratch/sample.json"
sum_guarded=$(sha256sum <"$scratch/guarded.db")
ln -s guarded.db "$scratch/guarded-link.db"
for target in guarded.db guarded.db-wal guarded.db-shm guarded-link.db; do
  for command in "export-pdf 1 --whole-call" "export-json" "export-csv --calls"; do
    run $command --database "$scratch/guarded.db" --output "$scratch/$target"
    check "$command --output $target (the open store) is refused with one sentence" one_sentence_error
  done
done
check "the store is byte for byte unchanged" test "$sum_guarded" = "$(sha256sum <"$scratch/guarded.db")"
check "the link to the store is still a link" test -L "$scratch/guarded-link.db"
ln "$scratch/guarded.db" "$scratch/guarded-hard.db"
run export-json --database "$scratch/guarded.db" --output "$scratch/guarded-hard.db"
check "export-json onto a hard link to the store (same inode, another name) is refused" one_sentence_error
check "the message says it is the open store" grep -q "the open store" "$scratch/err"
run list-calls --database "$scratch/guarded.db"
check "the store still opens" test "$status" -eq 0

# Issue 17: an output that is a symbolic link is written through; devices, pipes and folders are refused.
echo old >"$scratch/real.json"
ln -s real.json "$scratch/link.json"
run export-json --sample --output "$scratch/link.json"
check "export-json through a link succeeds" test "$status" -eq 0
check "the link is still a link" test -L "$scratch/link.json"
check "its target holds the export" cmp -s "$scratch/sample.json" "$scratch/real.json"
ln -s not-yet.csv "$scratch/dangling.csv"
run export-csv --calls --sample --output "$scratch/dangling.csv"
check "a link to a file not yet written creates that file" test -L "$scratch/dangling.csv" -a -s "$scratch/not-yet.csv"
mkfifo "$scratch/pipe"
run export-json --sample --output "$scratch/pipe"
check "a FIFO as output is refused with one sentence" one_sentence_error
check "the FIFO is still a FIFO" test -p "$scratch/pipe"
ln -s pipe "$scratch/pipe-link"
run export-pdf 1 --sample --output "$scratch/pipe-link"
check "a link to a FIFO is refused with one sentence" one_sentence_error
if mknod "$scratch/null" c 1 3 2>/dev/null; then
  run export-csv --calls --sample --output "$scratch/null"
  check "a character device as output is refused with one sentence" one_sentence_error
  check "the device is still a device" test -c "$scratch/null"
else
  ok "# SKIP a character device as output (mknod needs root)"
fi
mkdir "$scratch/folder.json"
run export-json --sample --output "$scratch/folder.json"
check "a folder as output is refused with one sentence" one_sentence_error

# Issue 17: inputs that are not regular files are refused at once, never read to the end.
run_limited () { timeout 20 "$cli" "$@" >"$scratch/out" 2>"$scratch/err"; status=$?; }
ln -s /dev/zero "$scratch/zero.txt"
run_limited import --database "$scratch/inputs.db" "$scratch/zero.txt"
check "import of a link to /dev/zero is refused with one sentence" one_sentence_error
run_limited import --database "$scratch/inputs.db" /dev/urandom
check "import of /dev/urandom is refused with one sentence" one_sentence_error
check "the refusal says what the file is" grep -q "not a regular file" "$scratch/err"
mkfifo "$scratch/empty-pipe.json"
run_limited import-json --database "$scratch/inputs.db" "$scratch/empty-pipe.json"
check "import-json of a FIFO without a writer is refused at once, not blocked" one_sentence_error
mkfifo "$scratch/yes-pipe.json"
yes >"$scratch/yes-pipe.json" 2>/dev/null &
yes_pid=$!
run_limited import-json --database "$scratch/inputs.db" "$scratch/yes-pipe.json"
check "import-json of a FIFO fed by yes is refused with one sentence" one_sentence_error
kill "$yes_pid" 2>/dev/null; wait "$yes_pid" 2>/dev/null
check "the refusal says what the file is" grep -q "not a regular file" "$scratch/err"
# 10 MB is 10,000,000 bytes, as the README says.
head -c 10000001 /dev/zero | tr '\0' 'a' >"$scratch/big.txt"
run import --database "$scratch/inputs.db" "$scratch/big.txt"
check "an article of 10,000,001 bytes is refused as larger than 10 MB" grep -q "larger than 10 MB" "$scratch/err"

# A dry run refuses what the import refuses, by the same check and in the same words,
# and the message names the file once.
printf 'Putin and Trump talk by phone\nRussian President Vladimir Putin had a telephone conversation with US President Donald Trump. The leaders discussed Syria.\n' >"$scratch/undated.txt"
"$cli" import --dry-run --database "$scratch/undated.db" "$scratch/undated.txt" >"$scratch/dry-out" 2>"$scratch/dry-err"
dry_status=$?
check "a dry run of an undated text fails" test "$dry_status" -ne 0
check "the dry run's line says the call would be refused" grep -q "would be refused" "$scratch/dry-out"
run import --database "$scratch/undated.db" "$scratch/undated.txt"
check "the import of an undated text fails" test "$status" -ne 0
check "the dry run's message is the import's" cmp -s "$scratch/dry-err" "$scratch/err"
check "the message names the file once" test "$(grep -o 'undated.txt' "$scratch/err" | wc -l)" -eq 1
check "the message asks for --date" grep -q -- "--date" "$scratch/err"

echo "1..$n"
exit 0

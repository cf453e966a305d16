#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readout-cli: output, JSON shape and exit codes, run as a user would. TAP output.
set -u
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}
scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" LC_ALL=C.UTF-8

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

# Runs the CLI; keeps stdout, stderr and the exit status for the checks that follow.
run () { "$cli" "$@" >"$scratch/out" 2>"$scratch/err"; status=$?; }
json_ok () { python3 -c "import json,sys; d=json.load(open('$scratch/out')); sys.exit(0 if ($1) else 1)"; }
one_sentence_error () { [ "$status" -ne 0 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^readout-cli: ' "$scratch/err" && [ ! -s "$scratch/out" ]; }

run list-leaders --sample
check "list-leaders prints a table" grep -q "Vladimir Putin.*Russia" "$scratch/out"
run list-leaders --sample --json
check "list-leaders --json has the documented fields" json_ok "len(d) >= 5 and all(set(['id','name','aliases','country','country_name','office','term_start','term_end','call_count','last_call_date']) <= set(x) for x in d)"
check "list-leaders --json counts calls" json_ok "[x['call_count'] for x in d if x['name']=='Donald Trump'] == [25]"
run list-leaders --sample --json --sort last_call
check "list-leaders --sort last_call puts the latest first" json_ok "d[0]['last_call_date'] == '2025-10-16'"

run list-calls --sample
check "list-calls cuts no value short (columns as wide as their widest cell)" \
  sh -c "! grep -q '…' '$scratch/out' && grep -q 'Recep Tayyip Erdoğan, Vladimir Putin' '$scratch/out'"
run list-calls --sample --leader Putin --json
check "list-calls --leader takes an alias" json_ok "len(d) == 45 and d[0]['date'] == '2025-10-16' and d[-1]['date'] == '2017-01-28'"
check "list-calls --json has participants and duration" json_ok "[(c['duration_minutes'], c['duration_qualifier'], {p['country'] for p in c['participants']}) for c in d if c['date'] == '2017-11-21'] == [(60, 'more_than', {'US','RU'})]"
run list-calls --sample --leader Trump --with Abe --json
check "list-calls --with filters by the second leader" json_ok "len(d) == 1 and d[0]['status'] == 'held'"
run list-calls --sample
check "list-calls without --leader lists every call" test "$(grep -cE '^[0-9]+ +[0-9]{4}-' "$scratch/out")" -eq 51
run list-calls --sample --leader "Nobody Known"
check "list-calls with an unknown leader fails with one sentence" one_sentence_error

run list-calls --sample --leader Putin --json
call_id=$(python3 -c "import json; print([c['id'] for c in json.load(open('$scratch/out')) if c['date'] == '2017-11-21'][0])")
run show-call --sample "$call_id"
check "show-call prints the conflict" grep -q "Conflict on weekday" "$scratch/out"
check "show-call prints the Kremlin's statement" grep -q "Minsk accords" "$scratch/out"
run show-call --sample "$call_id" --json
check "show-call --json has sources, statements and conflicts" json_ok "len(d['sources']) >= 3 and any(s['side']=='RU' for s in d['sources']) and d['conflicts'][0]['field']=='weekday' and len(d['conflicts'][0]['claims'])==2"
run show-call --sample 99999
check "show-call of a missing call fails with one sentence" one_sentence_error
run show-call --sample abc
check "show-call of a non-number is a usage error (2)" test "$status" -eq 2

run search --sample Minsk accords
check "search finds the Kremlin's words" grep -q "\[Minsk\]" "$scratch/out"
run search --sample --json terrorism
check "search --json gives call ids and snippets" json_ok "len(d) >= 1 and all(x['call_id'] > 0 and 'snippet' in x for x in d)"
run search --sample 'NEAR("x" AND'
check "search treats FTS syntax as words" test "$status" -eq 0

run --sample --json list-leaders
check "common options may come before the command" json_ok "len(d) >= 5"
run search --sample ' ;; '
check "a search with no words is a usage error (2)" test "$status" -eq 2
run frobnicate
check "an unknown command is a usage error (2)" test "$status" -eq 2
run list-leaders --sample --database "$scratch/x.db"
check "--sample with --database is a usage error" test "$status" -eq 2

# Bad files: one sentence, non-zero status, the file untouched.
printf 'just some notes\n' >"$scratch/notes.txt"
sum_before=$(sha256sum "$scratch/notes.txt")
run list-leaders --database "$scratch/notes.txt"
check "a text file is refused with one sentence" one_sentence_error
check "the text file is unchanged" test "$sum_before" = "$(sha256sum "$scratch/notes.txt")"
run list-calls --database "$scratch/absent.db"
check "reading a store that does not exist fails with one sentence" one_sentence_error
check "and does not create it" test ! -e "$scratch/absent.db"
run list-leaders --database "$scratch/missing/folder/store.db"
check "a store in a missing folder is refused" one_sentence_error
check "the missing folder is not created" test ! -e "$scratch/missing"

run generate --leaders 20 --calls 200 --statements 2000 --output "$scratch/gen.db"
check "generate writes a store" test "$status" -eq 0 -a -s "$scratch/gen.db"
run generate --leaders 20 --calls 200 --statements 2000 --output "$scratch/gen.db"
check "generate refuses to overwrite a file" one_sentence_error
run list-leaders --database "$scratch/gen.db" --json
check "the generated store has its leaders" json_ok "len(d) == 20 and sum(x['call_count'] for x in d) == 400"
run bench --database "$scratch/gen.db" --json
check "bench reports every figure" json_ok "all(k in d for k in ['open_and_first_leader_page','busiest_leader_first_call_page','one_call_with_statements','search_median','peak_rss_mb'])"

# Issue 17: ids out of range or negative are named as such, never clamped or taken for options.
run show-call --sample 99999999999999999999
check "show-call of an id past 2^63 is refused with one sentence" one_sentence_error
check "it says the id is not a call id" grep -q "“99999999999999999999” is not a call id" "$scratch/err"
check "it does not answer about another id" sh -c "! grep -q 9223372036854775807.in.the.store '$scratch/err'"
run show-call --sample -1
check "show-call -1 is refused with one sentence" one_sentence_error
check "it says -1 is not an id, not an unknown option" grep -q "“-1” is not an id" "$scratch/err"
run export-pdf --sample -5 --output "$scratch/x.pdf"
check "export-pdf -5 says -5 is not an id" grep -q "“-5” is not an id" "$scratch/err"

# Issue 17: a killed generate leaves no half-written store under the name asked for.
"$cli" generate --calls 50000 --statements 200000 -o "$scratch/killed.db" >/dev/null 2>&1 &
gen_pid=$!
sleep 1
kill -9 "$gen_pid" 2>/dev/null
wait "$gen_pid" 2>/dev/null
check "a killed generate leaves no store under its name" test ! -e "$scratch/killed.db"
run generate --leaders 10 --calls 20 --statements 50 -o "$scratch/killed.db"
check "the next generate to that name succeeds" test "$status" -eq 0 -a -s "$scratch/killed.db"
check "and removes what the killed one left" sh -c "! ls -a '$scratch' | grep -q 'killed.db.*tmp'"
check "the store passes integrity_check" python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('$scratch/killed.db').execute('PRAGMA integrity_check').fetchone()[0]=='ok' else 1)"

# New-eyes defect 9: "Words typical of" listed "U" (of "U.S."), "United", "States", "White",
# "House", "According", "around", "us", "US": pieces of abbreviations, the sides' country and publisher
# names and function words say nothing of what one side stressed.
cat >"$scratch/typical-a.txt" <<'TEXT'
Readout of President Joseph R. Biden, Jr. Call with President Emmanuel Macron of France
March 3, 2022
President Joseph R. Biden, Jr. spoke today with President Emmanuel Macron of France. The White House said the United States would send around forty tankers of U.S. liquefied gas to France, as American allies asked us to. The US tankers will sail soon. According to the White House, President Biden stressed that U.S. tankers and U.S. gas terminals would keep France warm this winter.
TEXT
cat >"$scratch/typical-b.txt" <<'TEXT'
Entretien téléphonique avec le Président des États-Unis
March 3, 2022
President Emmanuel Macron of France had a telephone conversation with President Joseph Biden of the United States. The Élysée said the two presidents discussed farm subsidies and the wine trade. President Macron stressed that farm subsidies must stay fair for French growers.
TEXT
run import --database "$scratch/typical.db" "$scratch/typical-a.txt" "$scratch/typical-b.txt"
run compare --database "$scratch/typical.db" --json 1
check "compare's typical words leave out abbreviation pieces, country and publisher names and function words" \
  json_ok "not {'U','S','US','us','American','United','States','White','House','According','around'} & set(d['summary']['distinctive_a'] + d['summary']['distinctive_b']) and 'tankers' in d['summary']['distinctive_a'] + d['summary']['distinctive_b']"

# A text without a date whose call is "on Saturday" (issue 11): dated by the other text of
# the same import; where two Saturdays fit, the import refuses in one sentence, files nothing.
undated=${G_TEST_SRCDIR:?G_TEST_SRCDIR must point at tests/}/fixtures/undated
run import --database "$scratch/undated.db" "$undated/pmo-saturday.txt" "$undated/kantei-0610.txt"
check "an undated Saturday is dated by the import's other text: one call, two sources" \
  sh -c "[ $status -eq 0 ] && grep -q 'pmo-saturday.txt.2023-06-10' '$scratch/out' && grep -q '^1 new call, 2 new sources' '$scratch/out'"
run import --database "$scratch/undated-two.db" "$undated/kantei-0610.txt" "$undated/kantei-0603.txt" "$undated/pmo-saturday.txt"
check "two Saturdays fit the undated text: one sentence that says so" \
  sh -c "[ $status -ne 0 ] && [ \$(wc -l <'$scratch/err') -eq 1 ] && grep -q 'pmo-saturday.txt: .*2 days fit it' '$scratch/err' && [ ! -s '$scratch/out' ]"
run list-calls --database "$scratch/undated-two.db" --json
check "the refused import filed nothing" json_ok "d == []"

echo "1..$n"
exit 0

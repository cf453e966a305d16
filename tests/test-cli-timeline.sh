#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readout-cli timeline, relations and topic-history (issue 14): output, JSON shape and exit
# codes, run as a user would. The counts are checked against list-calls --json. TAP output.
set -u
cli=${READOUT_CLI:?READOUT_CLI must point at readout-cli}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" LC_ALL=C.UTF-8

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

run () { "$cli" "$@" >"$scratch/out" 2>"$scratch/err"; status=$?; }
json_ok () { python3 -c "import json,sys; d=json.load(open('$scratch/out')); sys.exit(0 if ($1) else 1)"; }
usage_error () { [ "$status" -eq 2 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^readout-cli: ' "$scratch/err" && [ ! -s "$scratch/out" ]; }
one_sentence_error () { [ "$status" -eq 1 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^readout-cli: ' "$scratch/err" && [ ! -s "$scratch/out" ]; }

# The sample's Trump–Putin calls per month, counted from list-calls.
run list-calls --sample --leader Trump --with Putin --json
cp "$scratch/out" "$scratch/pair.json"
run timeline --sample --leader Trump --with Putin --json
check "timeline --json counts the pair's calls per month as list-calls has them" python3 - "$scratch/pair.json" "$scratch/out" <<'EOF'
import collections, json, sys
calls = json.load(open(sys.argv[1]))
expected = collections.Counter(c['date'][:7] for c in calls)
got = {c['period']: c['calls'] for c in json.load(open(sys.argv[2]))['counts']}
sys.exit(0 if got == dict(expected) and len(got) > 0 else 1)
EOF
check "timeline --json names its query" json_ok "d['leader'] == 'Donald Trump' and d['with'] == 'Vladimir Putin' and d['by'] == 'month' and all(set(['period','counterpart_id','counterpart','country','calls','held']) <= set(c) for c in d['counts'])"

run timeline --sample --leader Trump
check "timeline prints aligned columns with a header" python3 - "$scratch/out" <<'EOF'
import sys
lines = open(sys.argv[1]).read().splitlines()
ok = lines[0].startswith('Period') and len(lines) > 2
# The Calls and Held columns start in the same place on every row.
calls, held = lines[0].index('Calls'), lines[0].index('Held')
ok = ok and all(line[calls].isdigit() and line[calls - 1] == ' ' and line[held].isdigit() for line in lines[1:])
sys.exit(0 if ok else 1)
EOF

run list-calls --sample --json
cp "$scratch/out" "$scratch/all.json"
run timeline --sample --by year --json
check "timeline without --leader counts every call per year" python3 -c "
import json, collections
calls = json.load(open('$scratch/all.json'))
got = {c['period']: c['calls'] for c in json.load(open('$scratch/out'))['counts']}
held = {c['period']: c['held'] for c in json.load(open('$scratch/out'))['counts']}
exp = collections.Counter(c['date'][:4] for c in calls)
exp_held = collections.Counter(c['date'][:4] for c in calls if c['status'] == 'held')
raise SystemExit(0 if got == dict(exp) and held == dict(exp_held) else 1)"

run timeline --sample --leader Trump --from 2017-02 --to 2017-12 --json
check "timeline --from/--to keep the range" json_ok "[c['period'] for c in d['counts']] == sorted(set(c['period'] for c in d['counts'])) and all('2017-02' <= c['period'] <= '2017-12' for c in d['counts']) and len(d['counts']) >= 1"

run timeline --sample --by day
check "timeline --by day is a usage error" usage_error
run timeline --sample --from 2017-02-30
check "timeline with an impossible date is a usage error" usage_error
run timeline --sample --from 2018 --to 2017
check "timeline with --from after --to is a usage error" usage_error
run timeline --sample --with Putin
check "timeline --with without --leader is a usage error" usage_error
run timeline --sample --leader "Nobody Known"
check "timeline of an unknown leader fails with one sentence" one_sentence_error

# relations, against pairs counted from list-calls.
run relations --sample --json
check "relations --json counts each pair as list-calls has them" python3 - "$scratch/all.json" "$scratch/out" <<'EOF'
import collections, itertools, json, sys
calls = json.load(open(sys.argv[1]))
expected = collections.Counter()
for c in calls:
    for a, b in itertools.combinations(sorted(p['name'] for p in c['participants']), 2):
        expected[(a, b)] += 1
rel = json.load(open(sys.argv[2]))
got = {tuple(sorted((r['leader_a'], r['leader_b']))): r['calls'] for r in rel}
ordered = all(rel[i]['calls'] >= rel[i + 1]['calls'] for i in range(len(rel) - 1))
years_sum = all(sum(r['per_year'].values()) == r['calls'] for r in rel)
sys.exit(0 if got == dict(expected) and ordered and years_sum else 1)
EOF
run relations --sample --country Japan --json
check "relations --country keeps the pairs with that country" json_ok "len(d) >= 1 and all('JP' in (r['country_a'], r['country_b']) for r in d)"
run relations --sample --limit 1
check "relations prints a table with a sparkline" python3 -c "
lines = open('$scratch/out').read().splitlines()
raise SystemExit(0 if len(lines) == 2 and lines[0].startswith('Calls') and 'Donald Trump' in lines[1] and '█' in lines[1] else 1)"
run relations --sample --country Atlantis
check "relations with an unknown country is a usage error" usage_error
run relations --sample --limit -3
check "relations with a negative limit is a usage error" usage_error

# topic-history
run topic-history --sample --leader Trump --with Putin --topic ukraine --json
check "topic-history --json lists the pair's calls oldest first with each side's statements" json_ok "d['topic'] == 'Ukraine' and d['side_a'] == 'US' and d['side_b'] == 'RU' and len(d['calls']) >= 2 and [c['date'] for c in d['calls']] == sorted(c['date'] for c in d['calls']) and all(s['side'] == 'RU' and 'Ukraine' in s['topics'] for c in d['calls'] for s in c['side_b_statements']) and all(s['side'] == 'US' for c in d['calls'] for s in c['side_a_statements'])"
check "topic-history marks which side raised it" json_ok "all(c['raised_by'] == ('both' if c['side_a_statements'] and c['side_b_statements'] else 'US' if c['side_a_statements'] else 'RU' if c['side_b_statements'] else None) for c in d['calls'])"
run topic-history --sample --leader Trump --with Putin --topic Ukraine
check "topic-history prints each call and both sides" grep -q "Minsk" "$scratch/out"
run topic-history --sample --leader Trump --topic Ukraine
check "topic-history without --with is a usage error" usage_error
run topic-history --sample --leader Trump --with Putin --topic "Atlantis'; DROP TABLE topics; --"
check "topic-history of an unknown topic fails with one sentence" one_sentence_error
run topic-history --sample --leader Trump --with Trump --topic Ukraine
check "topic-history of a leader with themself fails with one sentence" one_sentence_error

run topic-history --sample --leader Trump --with Putin --topic Ukraine --output "$scratch/ukraine.pdf"
check "topic-history --output writes a PDF" test "$status" -eq 0 -a -s "$scratch/ukraine.pdf"
if command -v pdftotext >/dev/null; then
  check "the topic history PDF has its title, the sides, the calls in order and who raised it" sh -c "pdftotext '$scratch/ukraine.pdf' - | tr '\n' ' ' | grep -q 'Ukraine in the calls of Donald Trump and Vladimir Putin.*United States.*Russia.*28 January 2017.*Raised by Russia.*21 November 2017.*Raised by both sides.*Minsk'"
fi
run topic-history --sample --leader Trump --with Putin --topic Atlantis --output "$scratch/atlantis.pdf"
check "topic-history --output of an unknown topic fails and writes nothing" sh -c "[ $status -eq 1 ] && [ ! -e '$scratch/atlantis.pdf' ]"

# export-timeline: the same drawing as the window's, into PNG, SVG and PDF.
for ext in png svg pdf; do
  run export-timeline --sample --leader Putin --output "$scratch/putin.$ext" --width 900 --height 500
  check "export-timeline writes a .$ext file" test "$status" -eq 0 -a -s "$scratch/putin.$ext"
done
check "the PNG is a 900×500 PNG" python3 -c "
import struct
head = open('$scratch/putin.png', 'rb').read(24)
raise SystemExit(0 if head[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', head[16:24]) == (900, 500) else 1)"
check "the SVG is SVG" grep -q '<svg' "$scratch/putin.svg"
if command -v pdftotext >/dev/null; then
  check "the PDF has the title, the dates and the lanes as text" sh -c "pdftotext '$scratch/putin.pdf' - | tr '\n' ' ' | grep -q 'Calls of Vladimir Putin.*28 January 2017 – 16 October 2025.*Donald Trump'"
fi
run relations --sample --output "$scratch/relations.pdf" --from 2022 --to 2022
check "relations --output draws the chart" test "$status" -eq 0 -a -s "$scratch/relations.pdf"
if command -v pdftotext >/dev/null; then
  check "the relations chart has its title, range and pairs most calls first" sh -c "pdftotext '$scratch/relations.pdf' - | tr '\n' ' ' | grep -q 'Who Talks Most.*2022 – 2022.*Vladimir Putin – Emmanuel Macron.*Vladimir Putin – Olaf Scholz'"
fi
run relations --sample --output "$scratch/relations-short.pdf" --height 300
if command -v pdftotext >/dev/null; then
  check "a chart too short for every pair says how many it leaves out" sh -c "pdftotext '$scratch/relations-short.pdf' - | tr '\n' ' ' | grep -q 'and [0-9][0-9]* more pairs'"
fi

run export-timeline --sample --leader Putin --output "$scratch/putin.gif"
check "export-timeline to an unknown format fails with one sentence and writes nothing" sh -c "[ $status -eq 1 ] && [ ! -e '$scratch/putin.gif' ] && [ \$(wc -l <'$scratch/err') -eq 1 ]"
run export-timeline --sample --leader Putin
check "export-timeline without --output is a usage error" usage_error

echo "1..$n"
[ "$failed" -eq 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file under src/ or data/ has translatable strings but is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist, is unsorted or
# has duplicates. Output: TAP.
#
# Usage: test-potfiles.sh SOURCE_ROOT [--list]
# With --list it prints the files that have translatable strings, sorted as POTFILES.in wants:
#   tests/test-potfiles.sh . --list > po/POTFILES.in
set -u

srcroot=${1:-.}
list_only=${2:-}
potfiles="$srcroot/po/POTFILES.in"
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
}

if [ ! -f "$potfiles" ]; then
  echo "1..1"
  echo "not ok 1 - $potfiles exists"
  exit 1
fi

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT

# The entries, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" >"$tmpdir/listed"

# Files that carry strings for translators, by kind:
#   C: _(" N_(" C_(" NC_(" Q_(" ngettext (" g_dngettext (...;
#   GtkBuilder: translatable="yes"; intltool style: <_name> and friends;
#   desktop entries: Name/GenericName/Comment/Keywords keys;
#   metainfo: <name>, <summary>, <p>, <li>, <caption>;
#   GSettings schemas: <summary> and <description>.
c_pattern='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2|dngettext|dgettext|g_dgettext)[[:space:]]*\([[:space:]]*("|[A-Za-z_]+[[:space:]]*,[[:space:]]*")'
(cd "$srcroot" && find src data -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null |
   xargs -r grep -lE "$c_pattern" 2>/dev/null) >"$tmpdir/found"
(cd "$srcroot" && find src data -type f \( -name '*.ui' -o -name '*.ui.in' \) 2>/dev/null |
   xargs -r grep -lE 'translatable="(yes|true|1)"|<_[a-z]' 2>/dev/null) >>"$tmpdir/found"
(cd "$srcroot" && find src data -type f \( -name '*.desktop' -o -name '*.desktop.in' -o -name '*.desktop.in.in' \) 2>/dev/null |
   xargs -r grep -lE '^(Name|GenericName|Comment|Keywords)=' 2>/dev/null) >>"$tmpdir/found"
(cd "$srcroot" && find src data -type f \( -name '*.metainfo.xml*' -o -name '*.appdata.xml*' \) 2>/dev/null |
   xargs -r grep -lE '<(name|summary|p|li|caption)[ >]' 2>/dev/null) >>"$tmpdir/found"
(cd "$srcroot" && find src data -type f -name '*.gschema.xml*' 2>/dev/null |
   xargs -r grep -lE '<(summary|description)>' 2>/dev/null) >>"$tmpdir/found"
LC_ALL=C sort -u "$tmpdir/found" -o "$tmpdir/found"

if [ "$list_only" = --list ]; then
  cat "$tmpdir/found"
  exit 0
fi

if [ ! -s "$tmpdir/found" ]; then
  not_ok "some file under src/ or data/ has translatable strings"
fi

while IFS= read -r file; do
  if grep -qxF "$file" "$tmpdir/listed"; then
    ok "$file is in POTFILES.in"
  else
    not_ok "$file has translatable strings but is missing from POTFILES.in"
  fi
done <"$tmpdir/found"

missing=
while IFS= read -r file; do
  [ -f "$srcroot/$file" ] || missing="$missing $file"
done <"$tmpdir/listed"
if [ -z "$missing" ]; then
  ok "every file in POTFILES.in exists"
else
  not_ok "POTFILES.in lists files that do not exist:$missing"
fi

if LC_ALL=C sort -c "$tmpdir/listed" 2>/dev/null; then
  ok "POTFILES.in is sorted"
else
  not_ok "POTFILES.in is sorted (LC_ALL=C sort)"
fi

if [ -z "$(LC_ALL=C sort "$tmpdir/listed" | uniq -d)" ]; then
  ok "POTFILES.in has no duplicates"
else
  not_ok "POTFILES.in has no duplicates: $(LC_ALL=C sort "$tmpdir/listed" | uniq -d | tr '\n' ' ')"
fi

echo "1..$n"
exit $failed

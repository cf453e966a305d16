#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks every translation listed in po/LINGUAS: the .po file exists, msgfmt --check accepts it
# (header, format strings, plural forms), its Plural-Forms header has the language's number of
# forms, and nothing in it is fuzzy or untranslated. Output: TAP.
#
# Usage: test-po.sh SOURCE_ROOT
set -u

srcroot=${1:-.}
podir="$srcroot/po"
n=0
failed=0

result () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    failed=1
    echo "not ok $n - $2"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
  fi
}

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "1..0 # SKIP msgfmt is not installed"
  exit 0
fi

languages=$(sed -e 's/#.*//' "$podir/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
if [ -z "$languages" ]; then
  result 1 "po/LINGUAS names at least one language"
fi

for lang in $languages; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    result 1 "$lang.po exists"
    continue
  fi

  out=$(msgfmt --check --check-format -o /dev/null "$po" 2>&1)
  result $? "msgfmt --check $lang.po" "$out"

  case $lang in
    ru|uk|be|sr|hr|bs) nplurals=3 ;;
    de|en*|es|it|nl|sv|da|nb|nn|fi|el|pt*) nplurals=2 ;;
    ja|zh*|ko|vi|th|id) nplurals=1 ;;
    *) nplurals= ;;
  esac
  if [ -n "$nplurals" ]; then
    grep -q "^\"Plural-Forms: nplurals=$nplurals;" "$po"
    result $? "$lang.po has nplurals=$nplurals" "$(grep '^"Plural-Forms' "$po")"
  fi

  # A fuzzy header is skipped by msgfmt, and with it the Plural-Forms.
  header_flags=$(sed -n '/^msgid ""/q;/^#,/p' "$po")
  case $header_flags in
    *fuzzy*) result 1 "$lang.po's header is not fuzzy" "$header_flags" ;;
    *) result 0 "$lang.po's header is not fuzzy" ;;
  esac

  # --statistics prints e.g. "12 translated messages, 1 fuzzy translation, 2 untranslated messages."
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
  case $stats in
    *fuzzy*|*untranslated*) result 1 "$lang.po is complete" "$stats" ;;
    *) result 0 "$lang.po is complete ($stats)" ;;
  esac
done

echo "1..$n"
exit $failed

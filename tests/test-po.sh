#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks every translation listed in po/LINGUAS: the .po file exists, msgfmt --check accepts it
# (header, format strings, plural forms), its Plural-Forms header has the language's number of
# forms, and nothing in it is fuzzy or untranslated. Then it extracts the current template with
# xgettext the way po/meson.build does (i18n.gettext, preset glib, files from po/POTFILES.in),
# merges each .po with it into a temporary file (msgmerge --no-fuzzy-matching) and checks that
# every msgid of the template is translated, so a string added to the sources without running
# `ninja readout-update-po` and translating it fails here; skipped when xgettext or msgmerge is
# missing. Output: TAP.
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

# The template as `ninja readout-pot` makes it: the keywords of meson's glib preset.
pot=
potout=
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
  tmpdir=$(mktemp -d)
  trap 'rm -rf "$tmpdir"' EXIT
  pot="$tmpdir/readout.pot"
  potout=$(xgettext --package-name=readout -f "$podir/POTFILES.in" -D "$srcroot" -o "$pot" \
             --from-code=UTF-8 --add-comments -k_ --keyword=N_ --keyword=C_:1c,2 \
             --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
             --keyword=g_dpgettext2:2c,3 2>&1)
  status=$?
  [ $status -eq 0 ] && [ ! -s "$pot" ] && { status=1; potout="xgettext wrote no template"; }
  result $status "xgettext extracts the template from po/POTFILES.in" "$potout"
  [ $status -eq 0 ] || pot=
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

  # Complete against the current sources, not just against the template it was last merged with.
  if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgmerge >/dev/null 2>&1; then
    n=$((n + 1))
    echo "ok $n # SKIP $lang.po against the current template: xgettext or msgmerge is not installed"
  elif [ -z "$pot" ]; then
    result 1 "$lang.po translates every msgid of the current template (no template)"
  else
    merged="$tmpdir/$lang.po"
    out=$(msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" "$pot" 2>&1)
    if [ $? -ne 0 ]; then
      result 1 "$lang.po translates every msgid of the current template" "$out"
    else
      stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$merged" 2>&1)
      case $stats in
        *fuzzy*|*untranslated*)
          # The first few msgids missing, one a line.
          missing=$( (msgattrib --no-wrap --no-obsolete --untranslated "$merged"
                      msgattrib --no-wrap --no-obsolete --only-fuzzy "$merged") 2>/dev/null |
                     grep '^msgid ' | grep -v '^msgid ""$' | sed -n '1,10p')
          result 1 "$lang.po translates every msgid of the current template (run ninja readout-update-po, then translate)" \
                 "$stats
$missing" ;;
        *) result 0 "$lang.po translates every msgid of the current template ($stats)" ;;
      esac
    fi
  fi
done

echo "1..$n"
exit $failed

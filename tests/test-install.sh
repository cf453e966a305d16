#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR and checks that every file lands where the
# desktop looks for it. Where the GUI is built and Xvfb and a session bus can be had, it
# also launches the installed app through its desktop file (`gio launch`, which activates
# it over D-Bus) and waits for its window. Output: TAP.
#
# Usage: test-install.sh BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID BASE_APP_ID BUILD_GUI
set -u

build_root=$1
prefix=$2
bindir=$3
datadir=$4
localedir=$5
app_id=$6
base_app_id=$7
build_gui=$8
srcroot=$(dirname "$0")/..

# Relative options are relative to the prefix.
case $bindir in /*) ;; *) bindir="$prefix/$bindir" ;; esac
case $datadir in /*) ;; *) datadir="$prefix/$datadir" ;; esac
case $localedir in /*) ;; *) localedir="$prefix/$localedir" ;; esac

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
skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}
finish () {
  echo "1..$n"
  exit $failed
}

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT
destdir="$tmpdir/root"

out=$(meson install -C "$build_root" --no-rebuild --destdir "$destdir" 2>&1)
status=$?
result $status "meson install --destdir" "$(printf '%s\n' "$out" | tail -n 20)"
[ $status -eq 0 ] || finish

root_bindir="$destdir$bindir"
root_datadir="$destdir$datadir"
root_localedir="$destdir$localedir"

expect_file () {
  if [ -f "$1" ]; then
    result 0 "installed ${1#"$destdir"}"
  else
    result 1 "installed ${1#"$destdir"}" "missing; $(find "$destdir" -type f | sed "s|^$destdir||" | tr '\n' ' ')"
  fi
}

desktop="$root_datadir/applications/$app_id.desktop"
metainfo="$root_datadir/metainfo/$app_id.metainfo.xml"
service="$root_datadir/dbus-1/services/$app_id.service"
schema="$root_datadir/glib-2.0/schemas/$base_app_id.gschema.xml"

expect_file "$desktop"
expect_file "$metainfo"
expect_file "$root_datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect_file "$root_datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect_file "$schema"
expect_file "$service"

if [ -x "$root_bindir/readout-cli" ]; then
  result 0 "installed ${bindir}/readout-cli (executable)"
else
  result 1 "installed ${bindir}/readout-cli (executable)"
fi
if [ "$build_gui" = true ]; then
  if [ -x "$root_bindir/readout" ]; then
    result 0 "installed ${bindir}/readout (executable)"
  else
    result 1 "installed ${bindir}/readout (executable)"
  fi
else
  skip "the GUI is not built"
fi

for lang in $(sed -e 's/#.*//' "$srcroot/po/LINGUAS" 2>/dev/null); do
  expect_file "$root_localedir/$lang/LC_MESSAGES/readout.mo"
done

# A development build installs the striped icon under its own app id.
case $app_id in
  *.Devel) source_icon="$srcroot/data/icons/hicolor/scalable/apps/$base_app_id.Devel.svg" ;;
  *) source_icon="$srcroot/data/icons/hicolor/scalable/apps/$base_app_id.svg" ;;
esac
if [ -f "$root_datadir/icons/hicolor/scalable/apps/$app_id.svg" ]; then
  cmp -s "$source_icon" "$root_datadir/icons/hicolor/scalable/apps/$app_id.svg"
  result $? "the installed app icon is $(basename "$source_icon")"
fi

# The D-Bus service starts the binary the desktop entry names, by its installed path.
if [ -f "$service" ]; then
  grep -qxF "Name=$app_id" "$service" && grep -qxF "Exec=$bindir/readout --gapplication-service" "$service"
  result $? "the D-Bus service is named $app_id and runs $bindir/readout" "$(cat "$service")"
fi

# The metainfo's launchable names the installed desktop file.
if [ -f "$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"
  result $? "the metainfo launches $app_id.desktop"
fi

if [ -f "$desktop" ] && command -v desktop-file-validate >/dev/null 2>&1; then
  out=$(desktop-file-validate "$desktop" 2>&1)
  result $? "the installed desktop file validates" "$out"
fi
if [ -f "$metainfo" ] && command -v appstreamcli >/dev/null 2>&1; then
  out=$(appstreamcli validate --no-net "$metainfo" 2>&1)
  result $? "the installed metainfo validates" "$out"
fi
if [ -f "$desktop" ] && grep -qx de "$srcroot/po/LINGUAS" 2>/dev/null; then
  grep -q "^Comment\\[de\\]=" "$desktop"
  result $? "the installed desktop file carries the German translation"
fi
if [ -f "$schema" ]; then
  out=$(glib-compile-schemas --strict --targetdir="$tmpdir" "$(dirname "$schema")" 2>&1)
  result $? "the installed schema compiles" "$out"
fi

# Launch the installed app through its desktop file, as the shell does.
if [ "$build_gui" != true ] || [ ! -x "$root_bindir/readout" ]; then
  skip "launch: the GUI is not built"
  finish
fi
for tool in xvfb-run dbus-run-session gio gdbus gapplication xwininfo; do
  if ! command -v $tool >/dev/null 2>&1; then
    skip "launch: $tool is not installed"
    finish
  fi
done

# The installed service names the final path; inside DESTDIR the binary lives elsewhere,
# so the bus gets a copy of the service that points there.
mkdir -p "$tmpdir/xdg/dbus-1/services" "$tmpdir/home" "$tmpdir/config" "$tmpdir/cache" "$tmpdir/runtime"
chmod 700 "$tmpdir/runtime"
sed "s|^Exec=.*|Exec=$root_bindir/readout --gapplication-service|" "$service" \
  >"$tmpdir/xdg/dbus-1/services/$app_id.service"

cat >"$tmpdir/launch.sh" <<'LAUNCH'
#!/bin/sh
# Runs inside Xvfb and a private session bus: launch.sh DESKTOP_FILE APP_ID OUTDIR
desktop=$1
app_id=$2
out=$3

# GTK keeps an unmapped 1x1 leader window too; count the viewable, real ones.
count_windows () {
  count=0
  for id in $(xwininfo -root -tree 2>/dev/null | grep -i 'readout' | awk '{ print $1 }'); do
    info=$(xwininfo -id "$id" 2>/dev/null)
    width=$(printf '%s\n' "$info" | sed -n 's/^ *Width: //p')
    if printf '%s\n' "$info" | grep -q 'Map State: IsViewable' && [ "${width:-0}" -ge 200 ]; then
      count=$((count + 1))
      printf '%s\n' "$info" | grep -E 'Window id|Width|Height' >>"$out/windows.$1"
    fi
  done
  echo $count
}

wait_for_windows () {
  i=0
  # 60 s: on a loaded 2-core machine the first start (D-Bus activation, fonts) is slow.
  while [ $i -lt 300 ]; do
    rm -f "$out/windows.$1"
    [ "$(count_windows "$1")" -ge "$1" ] && return 0
    sleep 0.2
    i=$((i + 1))
  done
  return 1
}

if ! gio launch "$desktop" >>"$out/launch.log" 2>&1; then
  echo "gio launch failed" >>"$out/launch.log"
  exit 1
fi
if ! wait_for_windows 1; then
  echo "no Readout window was shown after 60 s" >>"$out/launch.log"
  xwininfo -root -tree >>"$out/launch.log" 2>&1
  exit 1
fi
touch "$out/launched"

# The desktop entry's "new-window" action, as the shell activates it: over D-Bus.
object_path=/$(printf '%s' "$app_id" | tr '.' '/')
gdbus call --session --dest "$app_id" --object-path "$object_path" \
  --method org.freedesktop.Application.ActivateAction new-window '[]' '{}' >>"$out/action.log" 2>&1
if wait_for_windows 2; then
  touch "$out/new-window"
else
  echo "no second window after activating new-window" >>"$out/action.log"
fi

gapplication action "$app_id" quit >/dev/null 2>&1
exit 0
LAUNCH
chmod +x "$tmpdir/launch.sh"
mkdir -p "$tmpdir/out"

env HOME="$tmpdir/home" XDG_CONFIG_HOME="$tmpdir/config" XDG_CACHE_HOME="$tmpdir/cache" \
    XDG_DATA_HOME="$tmpdir/data" XDG_RUNTIME_DIR="$tmpdir/runtime" \
    XDG_DATA_DIRS="$tmpdir/xdg:$root_datadir:/usr/local/share:/usr/share" \
    PATH="$root_bindir:$PATH" \
    GSETTINGS_SCHEMA_DIR="$tmpdir" GSETTINGS_BACKEND=memory \
    GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    timeout 170 xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- "$tmpdir/launch.sh" "$desktop" "$app_id" "$tmpdir/out" >/dev/null 2>&1

[ -f "$tmpdir/out/launched" ]
result $? "gio launch $app_id.desktop shows a Readout window under Xvfb" \
  "$(cat "$tmpdir/out/windows.1" "$tmpdir/out/launch.log" 2>/dev/null)"
if [ -f "$tmpdir/out/launched" ]; then
  [ -f "$tmpdir/out/new-window" ]
  result $? "the desktop action new-window opens a second window" \
    "$(cat "$tmpdir/out/action.log" 2>/dev/null)"
fi

finish

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Flatpak manifests in build-aux/flatpak: flatpak-builder accepts them (where it is
# installed), and their app id, command and finish-args agree with meson and the desktop entry.
#
# Usage: test-flatpak-manifest.sh SOURCE_ROOT BASE_APP_ID APP_ID BUILT_DESKTOP_FILE
# Output: TAP.
set -u

srcroot=$1
base_app_id=$2
app_id=$3
built_desktop=$4
srcroot=$(cd "$srcroot" && pwd)
manifest_dir="$srcroot/build-aux/flatpak"

if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed"
  exit 0
fi

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT

# flatpak-builder prints the manifest as it understood it; without it the file is read as is.
# It runs in the temporary directory because it leaves a .flatpak-builder folder behind.
n=0
for id in "$base_app_id" "$base_app_id.Devel"; do
  if command -v flatpak-builder >/dev/null 2>&1; then
    if (cd "$tmpdir" && flatpak-builder --show-manifest "$manifest_dir/$id.json") >"$tmpdir/$id.json" 2>"$tmpdir/$id.err"; then
      echo "ok $((n + 1)) - flatpak-builder --show-manifest $id.json"
    else
      echo "not ok $((n + 1)) - flatpak-builder --show-manifest $id.json"
      sed 's/^/# /' "$tmpdir/$id.err"
      cp "$manifest_dir/$id.json" "$tmpdir/$id.json" 2>/dev/null || : >"$tmpdir/$id.json"
    fi
  else
    echo "ok $((n + 1)) # SKIP flatpak-builder is not installed"
    cp "$manifest_dir/$id.json" "$tmpdir/$id.json" 2>/dev/null || : >"$tmpdir/$id.json"
  fi
  n=$((n + 1))
done

exec python3 - "$tmpdir" "$srcroot" "$base_app_id" "$app_id" "$built_desktop" "$n" <<'PYEOF'
import configparser, json, os, sys

tmpdir, srcroot, base_app_id, app_id, built_desktop, done = sys.argv[1:]
n = int(done)
failures = 0

def check(ok, name, diag=None):
    global n, failures
    n += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (n, name))
    if not ok:
        failures += 1
        if diag:
            for line in str(diag).splitlines():
                print("# " + line)

def read_desktop(path):
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return parser

# The network is for fetching readouts and feeds (issue 15); nothing else is shared, and no
# file-system access at all: files come through the portal.
EXPECTED_FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
                        "--share=network"]

seen_ids = []
desktop = read_desktop(built_desktop)
entry = desktop["Desktop Entry"]
exec_command = entry.get("Exec", "").split()[0] if entry.get("Exec") else ""

check(os.path.basename(built_desktop) == app_id + ".desktop",
      "the built desktop file is named after the meson app id %s" % app_id,
      os.path.basename(built_desktop))
check(entry.get("Icon") == app_id, "the desktop file's Icon is the app id", entry.get("Icon"))
check(entry.get("DBusActivatable") == "true", "the desktop file is DBusActivatable")

for profile, manifest_id, option in (("default", base_app_id, "-Dprofile=default"),
                                     ("development", base_app_id + ".Devel", "-Dprofile=development")):
    label = "%s.json" % manifest_id
    try:
        with open(os.path.join(tmpdir, manifest_id + ".json"), encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check(False, "%s parses as JSON" % label, e)
        continue
    check(True, "%s parses as JSON" % label)

    # The id is the manifest's file name, and meson gives the same id for that profile.
    check(manifest.get("id", manifest.get("app-id")) == manifest_id,
          "%s: id is %s" % (label, manifest_id), manifest.get("id"))
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          "%s: GNOME runtime and SDK" % label)
    check(manifest.get("command") == exec_command == "readout",
          "%s: command agrees with the desktop file's Exec" % label,
          "command %r, Exec %r" % (manifest.get("command"), exec_command))
    check(manifest.get("finish-args") == EXPECTED_FINISH_ARGS,
          "%s: finish-args are exactly %s" % (label, " ".join(EXPECTED_FINISH_ARGS)),
          manifest.get("finish-args"))

    modules = manifest.get("modules") or [{}]
    app_module = modules[-1]
    check(app_module.get("buildsystem") == "meson", "%s: the app module (last) is built with meson" % label)
    check(option in app_module.get("config-opts", []),
          "%s: the app module is configured with %s" % (label, option),
          app_module.get("config-opts"))
    sources = app_module.get("sources", [])
    tree_ok = any(s.get("type") == "dir" and
                  os.path.isfile(os.path.join(srcroot, "build-aux", "flatpak", s.get("path", ""), "meson.build"))
                  for s in sources)
    check(tree_ok, "%s: the app module is built from the local tree" % label, sources)
    seen_ids.append(manifest.get("id"))

# This build's meson profile has a manifest with the same app id.
check(app_id in seen_ids, "a manifest has this build's meson app id %s" % app_id, seen_ids)

print("1..%d" % n)
sys.exit(1 if failures else 0)
PYEOF

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the app icons in data/icons: each SVG parses, the full-colour icons sit on the
# 128x128 canvas of the GNOME app icon guidelines, and the symbolic icon is 16x16 and drawn
# in the single symbolic colour #2e3436, so that GTK can recolour it. Output: TAP.
#
# Usage: test-icons.sh SOURCE_ROOT
set -u

if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 is not installed"
  exit 0
fi

exec python3 - "${1:-.}" <<'PYEOF'
import os, re, sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
icons = os.path.join(root, "data", "icons", "hicolor")
app_id = "io.github.readout.Readout"
SVG = "{http://www.w3.org/2000/svg}"
n = 0
failed = False

def check(ok, name, diag=None):
    global n, failed
    n += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (n, name))
    if not ok:
        failed = True
        if diag:
            print("# %s" % diag)

def load(path):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, "%s parses" % os.path.relpath(path, root), e)
        return None

def canvas(svg):
    return (svg.get("width"), svg.get("height"), svg.get("viewBox"))

for name in (app_id + ".svg", app_id + ".Devel.svg"):
    path = os.path.join(icons, "scalable", "apps", name)
    svg = load(path)
    if svg is None:
        continue
    check(svg.tag == SVG + "svg", "%s is an SVG document" % name, svg.tag)
    check(canvas(svg) == ("128", "128", "0 0 128 128"), "%s has a 128x128 canvas" % name, canvas(svg))
    # Every url(#id) reference names a definition in the file; rsvg draws nothing otherwise.
    ids = {e.get("id") for e in svg.iter() if e.get("id")}
    refs = set()
    for e in svg.iter():
        for value in e.attrib.values():
            refs.update(re.findall(r"url\(#([^)]+)\)", value))
    check(refs <= ids, "%s references only defined ids" % name, sorted(refs - ids))

name = app_id + "-symbolic.svg"
svg = load(os.path.join(icons, "symbolic", "apps", name))
if svg is not None:
    check(canvas(svg) == ("16", "16", "0 0 16 16"), "%s has a 16x16 canvas" % name, canvas(svg))
    shapes = [e for e in svg.iter() if e.tag in (SVG + t for t in ("path", "rect", "circle", "ellipse", "polygon"))]
    check(len(shapes) > 0, "%s draws something" % name)
    colours = set()
    for e in svg.iter():
        for attr in ("fill", "stroke"):
            v = e.get(attr)
            if v is not None and v != "none":
                colours.add(v.lower())
        style = e.get("style") or ""
        colours.update(c.lower() for c in re.findall(r"(?:fill|stroke)\s*:\s*(#[0-9a-fA-F]{3,6}|[a-z]+)", style) if c != "none")
    check(colours == {"#2e3436"}, "%s uses only #2e3436" % name, sorted(colours))
    check(not any(e.tag in (SVG + "linearGradient", SVG + "radialGradient", SVG + "image", SVG + "text")
                  for e in svg.iter()),
          "%s has no gradients, images or text" % name)

print("1..%d" % n)
sys.exit(1 if failed else 0)
PYEOF

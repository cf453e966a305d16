# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by build-aux/run and build-aux/test: installs the Debian packages that
# building Readout needs, when some are missing.
#
#   readout_install_deps [EXTRA_PACKAGE...]
#
# Uses apt-get directly as root, through sudo otherwise; where neither works it
# prints the exact command to run and exits.

readout_build_packages=(
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev libxml2-dev libicu-dev
  libsoup-3.0-dev libappstream-dev libpq-dev libsecret-1-dev
  desktop-file-utils appstream iso-codes
)

# pkg-config modules and programs that tell whether the packages above are there.
readout_build_modules=(glib-2.0 gio-2.0 gtk4 libadwaita-1 sqlite3 json-glib-1.0 cairo pangocairo libxml-2.0 libsoup-3.0 icu-i18n appstream libpq libsecret-1)
readout_build_programs=(meson ninja cc pkg-config msgfmt)

readout_missing_packages() {
  local missing=() pkg
  for pkg in "${readout_build_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' ||
      missing+=("$pkg")
  done
  echo "${missing[@]}"
}

readout_install_deps() {
  local missing
  missing=$(readout_missing_packages "$@")
  if [ -z "$missing" ]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null; then
    echo "Readout needs these packages (Debian names): $missing" >&2
    echo "Install them with your system's package manager, then run this again." >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      echo "Readout needs these packages: $missing" >&2
      echo "Install them with:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
      exit 1
    fi
  fi
  echo "Installing: $missing" >&2
  "${sudo[@]}" apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q $missing
}

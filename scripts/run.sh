#!/usr/bin/env bash
# Sets everything up, builds the app with its front end embedded, and
# launches it on its default SQLite database (in the OS's app-data folder,
# or KINDLY_DATA_DIR / --data-dir). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
( cd ui && npm run build --silent )
cargo build --release -p kindly-app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting Kindly under Xvfb (xvfb-run)"
  exec xvfb-run -a "${CARGO_TARGET_DIR:-target}"/release/kindly-app "$@"
fi
exec "${CARGO_TARGET_DIR:-target}"/release/kindly-app "$@"

#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) offline with the Tauri CLI from
# npm, and prints their sizes and the installed binary's size.
# AppImage is not built: its bundler downloads AppRun from the internet.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# What `tauri build` does, in its three parts: the front end, the release
# build, the bundles. KINDLY_UI_BUILT=1: ui/dist is already built
# (scripts/test.sh builds it first, and the app's crate against it, before
# running this beside the tests); building it again would change its files'
# times, and cargo would compile the app's crate once more.
if [ "${KINDLY_UI_BUILT:-}" != 1 ]; then
  (cd ui && npm run build)
fi
cargo build --release --features tauri/custom-protocol --bins
ui/node_modules/.bin/tauri bundle --bundles deb,rpm
t="${CARGO_TARGET_DIR:-target}"
deb=$(ls -t "$t"/release/bundle/deb/*.deb | head -n1)
rpm=$(ls -t "$t"/release/bundle/rpm/*.rpm | head -n1)
printf '%s\t%s\n' "$(du -h "$deb" | cut -f1)" "$deb" "$(du -h "$rpm" | cut -f1)" "$rpm"
printf '%s\t%s\n' "$(du -h "$t"/release/kindly-app | cut -f1)" "$t/release/kindly-app (installed as /usr/bin/kindly-app)"

#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) offline with the Tauri CLI from
# npm, and prints their sizes and the installed binary's size.
# AppImage is not built: its bundler downloads AppRun from the internet.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# What `tauri build` does, in its three parts: the front end, the release
# build, the bundles. KINDLY_UI_BUILT=1 when ui/dist is already built:
# building it again changes its files' times, and cargo compiles the app's
# crate once more. Then scripts/test-deb.sh installs the .deb, launches it
# and checks its size ceiling (the release workflow does both on a tag).
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

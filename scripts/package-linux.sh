#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) offline with the Tauri CLI from
# npm, and prints their sizes and the installed binary's size.
# AppImage is not built: its bundler downloads AppRun from the internet.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
ui/node_modules/.bin/tauri build --bundles deb,rpm
deb=$(ls -t target/release/bundle/deb/*.deb | head -n1)
rpm=$(ls -t target/release/bundle/rpm/*.rpm | head -n1)
printf '%s\t%s\n' "$(du -h "$deb" | cut -f1)" "$deb" "$(du -h "$rpm" | cut -f1)" "$rpm"
printf '%s\t%s\n' "$(du -h target/release/kindly-app | cut -f1)" "target/release/kindly-app (installed as /usr/bin/kindly-app)"

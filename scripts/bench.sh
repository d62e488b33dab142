#!/usr/bin/env bash
# Runs Kindly's benchmarks and prints Markdown for docs/benchmarks.md:
#  1. store: open + migrate, list and search queries (kindly-bench, release)
#  2. start-up: process start to an interactive first screen, under Xvfb
# Usage: scripts/bench.sh [clients invoices]   (default 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
clients=${1:-10000}
invoices=${2:-100000}

echo "## Store (kindly-bench, release build, $(nproc) cores)"
cargo run --release -q -p kindly-cli --bin kindly-bench -- --clients "$clients" --invoices "$invoices"

echo
echo "## Start-up to interactive window (debug build with embedded UI, Xvfb)"
( cd ui && npm run build --silent )
cargo build -q -p kindly-app
data=$(mktemp -d)
./target/debug/kindly --data-dir "$data" demo --clients 1000 --invoices 10000 >/dev/null
samples=()
for i in $(seq 1 10); do
  ms=$(KINDLY_STARTUP_PROBE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 KINDLY_DATA_DIR="$data" \
       timeout 60 xvfb-run -a ./target/debug/kindly-app 2>/dev/null | sed -n 's/^kindly-startup-ms //p')
  samples+=("$ms")
done
printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "runs: %d, median %d ms, max %d ms (process start to first screen rendered and app_ready received)\n", NR, a[int((NR+1)/2)], a[NR]}'
rm -rf "$data"

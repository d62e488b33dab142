#!/usr/bin/env bash
# The e-mail benchmark: N reminder e-mails (default 1000), each with its
# invoice PDF attached, to a real SMTP server on loopback (aiosmtpd with
# STARTTLS + AUTH and a test CA), the password in a real, private
# gnome-keyring. Prints Markdown for docs/benchmarks.md.
# Usage: scripts/bench-mail.sh [messages] [starttls|tls]
#   tls: implicit TLS from the first byte (the port-465 style)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
n=${1:-1000}
security=${2:-starttls}
mode=normal
if [ "$security" = tls ]; then mode=implicit-tls; fi
cargo build --release -q -p kindly-cli --bin kindly-mail-bench
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
(
  cd "$work"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
    -days 2 -subj "/CN=Kindly Bench CA" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr \
    -subj /CN=localhost 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n' > ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \
    -extfile ext 2>/dev/null
)
/usr/bin/python3 tests/support/smtp_server.py --dir "$work/received" --cert "$work/server.pem" \
  --key "$work/server.key" --user bench --password bench-pass --mode "$mode" > "$work/ready" &
server=$!
for _ in $(seq 1 50); do grep -q READY "$work/ready" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^READY //p' "$work/ready")
mkdir -p -m 700 "$work/run"
export XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
echo "## E-mail: $n reminders with the invoice PDF to a loopback SMTP server, $security (release, $(nproc) cores)"
dbus-run-session -- sh -c 'printf %s bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
  KINDLY_BENCH_SMTP_PASSWORD=bench-pass exec "$@"' sh \
  ./target/release/kindly-mail-bench --port "$port" --ca "$work/ca.pem" --user bench --messages "$n" --security "$security"
echo "server received: $(ls "$work/received" | grep -c '\.eml$') messages"

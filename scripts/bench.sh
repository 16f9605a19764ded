#!/usr/bin/env bash
# make bench: measures Sotong against a bare Beast hello-world with wrk on this machine.
#   1. GET /healthz on Sotong vs GET / on the bare hello-world (target: at least 70 %)
#   2. the logged-in dashboard GET / on SQLite (target: at least 10,000 requests/s, p99 under 10 ms)
#   3. the server's resident memory after that load (target: under 64 MB)
# Both servers and wrk share this machine's cores, so the figures are for the machine as a whole.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-bench}
DURATION=${DURATION:-10s}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOTONG_BENCH=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target sotong hello_beast

tmp=$(mktemp -d -t sotong-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }
# wrk's summary: requests/s and the 99th percentile latency (in ms).
run_wrk() {
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@")
  echo "$out" >&2
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

hello_port=$(free_port)
"$BUILD/hello_beast" "$hello_port" 2 &
pids+=($!)
wait_up "http://127.0.0.1:$hello_port/"

db="sqlite:$tmp/bench.db"
"$BUILD/sotong" demo-data --database "$db" >/dev/null
port=$(free_port)
"$BUILD/sotong" serve --listen "127.0.0.1:$port" --database "$db" --config bench/bench.toml >"$tmp/server.log" 2>&1 &
server=$!
pids+=($server)
wait_up "http://127.0.0.1:$port/healthz"

echo "== bare Beast hello-world: GET /" >&2
read -r hello_rps _ < <(run_wrk "http://127.0.0.1:$hello_port/")
echo "== Sotong: GET /healthz" >&2
read -r health_rps _ < <(run_wrk "http://127.0.0.1:$port/healthz")

# Sign in as the coordinator and load the dashboard with that session.
csrf_page=$(curl -s -c "$tmp/jar" "http://127.0.0.1:$port/login")
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$csrf_page" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$tmp/jar" -c "$tmp/jar" -o /dev/null --data-urlencode "login_id=coordinator" \
  --data-urlencode "password=sotong-demo-2026" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
session=$(awk '$6 == "sotong_session" {print $7}' "$tmp/jar")
[ -n "$session" ] || { echo "could not sign in for the dashboard benchmark" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sotong_session=$session" "http://127.0.0.1:$port/")
[ "$status" = 200 ] || { echo "dashboard answered $status" >&2; exit 1; }
echo "== Sotong: GET / (dashboard, signed in, SQLite)" >&2
read -r dash_rps dash_p99 < <(run_wrk -H "Cookie: sotong_session=$session" "http://127.0.0.1:$port/")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

ratio=$(awk -v a="$health_rps" -v b="$hello_rps" 'BEGIN {printf "%.0f", 100 * a / b}')
rss_mb=$(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k / 1024}')
printf '\n%-46s %12s\n' "measure" "result"
printf '%-46s %12.0f\n' "bare Beast hello-world, requests/s" "$hello_rps"
printf '%-46s %12.0f  (%s %% of hello-world; target >= 70 %%)\n' "Sotong GET /healthz, requests/s" "$health_rps" "$ratio"
printf '%-46s %12.0f  (target >= 10000)\n' "Sotong dashboard (signed in), requests/s" "$dash_rps"
printf '%-46s %12s  (target < 10 ms)\n' "Sotong dashboard p99 latency, ms" "$dash_p99"
printf '%-46s %12s  (target < 64 MB)\n' "Sotong resident memory after the load, MB" "$rss_mb"
ok=1
awk -v r="$ratio" 'BEGIN {exit !(r >= 70)}' || ok=0
awk -v r="$dash_rps" 'BEGIN {exit !(r >= 10000)}' || ok=0
awk -v p="$dash_p99" 'BEGIN {exit !(p < 10)}' || ok=0
awk -v m="$rss_mb" 'BEGIN {exit !(m < 64)}' || ok=0
[ $ok = 1 ] && echo "all performance targets met" || { echo "a performance target was missed"; exit 1; }

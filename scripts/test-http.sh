#!/usr/bin/env bash
# Runs the end-to-end HTTP suite against a live build/sotong on a fresh database.
#   scripts/test-http.sh sqlite|postgres [TEST_PATH...]   (default TEST_PATH: tests/http/)
# postgres also starts a second node on the same database, as in a load-balanced deployment.
# Everything (database, servers, logs) lives in a temp dir and is removed afterwards.
# Exit code: the tests' result; a server that does not stop within 10 s of SIGTERM also fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:-}
[[ $engine == sqlite || $engine == postgres ]] || { echo "usage: $0 sqlite|postgres [TEST_PATH...]" >&2; exit 2; }
shift
[ $# -gt 0 ] || set -- tests/http/

bin=$(realpath -m -- "${SOTONG_BIN:-build/sotong}") # SOTONG_BIN may point at another build
[ -x "$bin" ] || { echo "$bin is missing: build it first" >&2; exit 1; }
# The pages link what `make web` builds (CSS, JS, font slices); without it they would load unstyled.
[ -f web/build/.built ] || { echo "web/build/ is missing: run 'make web'" >&2; exit 1; }

# Tests import their npm tools (ajv, playwright-core) from web/node_modules via this symlink,
# since ESM ignores NODE_PATH. The root .gitignore already ignores node_modules/.
[ -L tests/node_modules ] || [ ! -e tests/node_modules ] || { echo "tests/node_modules must be a symlink" >&2; exit 1; }
ln -sfn ../web/node_modules tests/node_modules

tmp=$(mktemp -d -t sotong-test.XXXXXX)
chmod 755 "$tmp" # the postgres OS user must reach its cluster inside
pids=()
logs=()

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# A zombie still answers kill -0, so look at the process state.
alive() {
  local state
  state=$(sed -n 's/^State:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null) && [ -n "$state" ] && [ "${state:0:1}" != Z ]
}
print_logs() { for f in "${logs[@]}"; do echo "--- $f (last 60 lines) ---" >&2; tail -n 60 "$f" >&2; done; }

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local rc=$? pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  local deadline=$((${EPOCHREALTIME/./} + 10000000)) # all nodes get the same 10 s
  for pid in "${pids[@]}"; do
    while alive "$pid" && [ "${EPOCHREALTIME/./}" -lt "$deadline" ]; do sleep 0.1; done
    if alive "$pid"; then
      echo "FAIL: server $pid did not exit within 10 s of SIGTERM" >&2
      kill -KILL "$pid" 2>/dev/null || true
      rc=1
    fi
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    if [ "$status" != 0 ] && [ "$rc" = 0 ]; then
      echo "FAIL: server $pid exited with status $status after SIGTERM" >&2
      rc=1
    fi
  done
  [ "$rc" = 0 ] || print_logs # after shutdown, so the logs show how it went
  [ "$engine" != postgres ] || scripts/pg-test-cluster.sh stop "$tmp/pg" || rc=1
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$engine" = sqlite ]; then
  db=sqlite:$tmp/sotong.db
else
  db=$(scripts/pg-test-cluster.sh start "$tmp/pg" "$(free_port)")
fi
echo "database: $db"
"$bin" migrate --database "$db"
"$bin" demo-data --database "$db"

# Starts a node; its pid and log are remembered for cleanup.
start_node() {
  local log=$tmp/server-$1.log
  "$bin" serve --listen "127.0.0.1:$1" --database "$db" >"$log" 2>&1 &
  pids+=($!)
  logs+=("$log")
}

# Waits up to 30 s for /healthz; fails at once if the server died.
wait_ready() {
  local pid=$1 url=$2 deadline=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS -o /dev/null --max-time 1 "$url/healthz" 2>/dev/null && return 0
    alive "$pid" || { echo "FAIL: server for $url exited during start-up" >&2; return 1; }
    sleep 0.1
  done
  echo "FAIL: $url/healthz not ready after 30 s" >&2
  return 1
}

port=$(free_port)
start_node "$port"
export SOTONG_URL=http://127.0.0.1:$port
wait_ready "${pids[0]}" "$SOTONG_URL"
if [ "$engine" = postgres ]; then
  port2=$(free_port)
  start_node "$port2"
  export SOTONG_URL_2=http://127.0.0.1:$port2
  wait_ready "${pids[1]}" "$SOTONG_URL_2"
fi

# SOTONG_LOG: the first node's output (its request log), for tests that check what is written there.
export SOTONG_ENGINE=$engine SOTONG_DATABASE=$db SOTONG_BIN=$bin SOTONG_LOG=${logs[0]}
# Test files run two at a time (TEST_CONCURRENCY): a file spends most of its time waiting on the server or
# the browser, so two keep both cores busy. Each file's tests still run in order, and files only touch
# records they create themselves. A Node.js without the option (Debian 12's 18.x) runs them one by one.
concurrency=()
if node --test-concurrency=1 -e '' 2>/dev/null; then concurrency=(--test-concurrency="${TEST_CONCURRENCY:-2}"); fi
node --test --test-reporter=spec "${concurrency[@]}" "$@" # its status becomes ours (set -e, then the trap)

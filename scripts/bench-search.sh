#!/usr/bin/env bash
# make bench-search: Korean search over generated documents (100,000 by default) on SQLite and on
# PostgreSQL. For each engine: index them through search::index (1,000 per transaction), then time typical
# queries through search::find, permission filter included, 25 times each; prints one table at the end.
#   DOCUMENTS=N BUILD=dir scripts/bench-search.sh
# PostgreSQL runs in a throwaway cluster (scripts/pg-test-cluster.sh: fsync off), so its indexing rate is
# an upper bound; SQLite runs as in service (WAL, synchronous=FULL).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-bench}
DOCUMENTS=${DOCUMENTS:-100000}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOTONG_BENCH=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target search_bench

tmp=$(mktemp -d -t sotong-search-bench.XXXXXX)
chmod 755 "$tmp" # the postgres OS user must reach its cluster inside
cleanup() { scripts/pg-test-cluster.sh stop "$tmp/pg" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run() { # engine database-url
  echo "== $1: $DOCUMENTS documents" >&2
  "$BUILD/search_bench" --database="$2" --documents="$DOCUMENTS" --benchmark_out="$tmp/$1.json" \
    --benchmark_out_format=json 2>&1 | grep -E '^indexed|_median|_p95' >&2
}
run sqlite "sqlite:$tmp/search.db"
run postgres "$(scripts/pg-test-cluster.sh start "$tmp/pg" "$(free_port)")"

python3 - "$tmp/sqlite.json" "$tmp/postgres.json" <<'PY'
import json, sys
rows = {}
for engine, path in zip(("sqlite", "postgres"), sys.argv[1:]):
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type") != "aggregate" or b["aggregate_name"] not in ("median", "p95"):
            continue
        name = b["run_name"].split("/iterations")[0]
        r = rows.setdefault(name, {"results": int(b.get("results", 0))})
        r[f"{engine} {b['aggregate_name']}"] = b["real_time"]
print(f"\n{'query / actor':<34} {'results':>8} {'SQLite median':>14} {'p95':>8} {'PostgreSQL median':>18} {'p95':>8}  (ms)")
for name, r in rows.items():
    print(f"{name:<34} {r['results']:>8} {r.get('sqlite median', 0):>14.1f} {r.get('sqlite p95', 0):>8.1f}"
          f" {r.get('postgres median', 0):>18.1f} {r.get('postgres p95', 0):>8.1f}")
PY

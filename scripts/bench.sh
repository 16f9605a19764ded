#!/usr/bin/env bash
# make bench: measures Sotong as shipped (request logs on) against a bare Beast hello-world measured in the
# same run, and states every target as a ratio to that baseline (machines here differ by 2x):
#   1. GET /healthz on Sotong: at least 85 % of the hello-world's requests/s
#   2. the signed-in dashboard GET / on SQLite: at least 20 % of the hello-world, p99 under 10 ms
#   3. the server's resident memory after that load: under 64 MB
#   4. no request log line dropped during the run
#   5. the login page's first visit under 350 KB over the wire, and a repeat visit of it and of the dashboard
#      fetching the HTML alone (bench/page_weight.mjs drives Debian's Chromium; the dashboard's first visit
#      is reported)
#   6. on a second SQLite database holding 50,000 generated suggestions (`sotong generate suggestions`), as
#      the coordinator with 32 connections: the filtered, sorted list page at least 12.8 % of the hello-world
#      with p99 under 10 ms, and one suggestion's page at least 10 % (issue 13's 6,400 and 5,000 requests/s
#      at the dashboard's rate of 10,000 requests/s to 20 %: docs/performance.md); the figures page's first
#      visit of a year (when it counts the whole year) under 50 ms; the dashboard there, for the record
#   7. the meetings of the demo year as the coordinator: the month view and a body's page each at least 10 % of
#      the hello-world with p99 under 10 ms (issue 14's 5,000 requests/s at the same conversion)
#   8. the cooperation index over 1,000,000 generated responses of 30 answers (bench/index-bench): computed from
#      the answers in memory in at most 0.1 s, from the database (SQLite) in under 1 s (issue 15); a columnar
#      database takes 0.16 s here, so the in-memory figure is also stated against that
#   9. the audit office's linkage engine on the seed's case, 10,000,000 refunds × 1,000,000 deaths
#      (bench/linkage-bench, without SQLite's 40 s): the scenario run no slower than DuckDB's best join of the
#      same files in the same run, the import at least 2,000,000 rows/s, peak resident memory under 1 GB
#      (issue 16); DuckDB's counts must agree with the engine's
# Both servers and wrk share this machine's cores, so the figures are for the machine as a whole.
# The server's standard output (its JSON request log) goes to a file in the temp dir, as under systemd or
# `make run > file`; a terminal would measure the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-bench}
DURATION=${DURATION:-10s}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOTONG_BENCH=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target sotong hello_beast index_bench linkage_bench

tmp=$(mktemp -d -t sotong-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }
# run_wrk PID CONNECTIONS ARGS...: prints requests/s, the 99th percentile latency (ms) and the server's CPU
# time per request (µs, user + system of PID); wrk's own output goes to stderr. CPU per request stays
# meaningful when other work shares the machine, which makes requests/s drop for both servers.
tick_us=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_wrk() {
  local pid=$1 connections=$2 out before after
  shift 2
  before=$(cpu_ticks "$pid")
  out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency "$@")
  after=$(cpu_ticks "$pid")
  echo "$out" >&2
  local rps p99 n
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$rps $p99 $(awk -v a="$before" -v b="$after" -v n="$n" -v t="$tick_us" 'BEGIN {printf "%.1f", (b - a) * t / n}')"
}
metric() { curl -fs "http://127.0.0.1:$port/metrics" | awk -v n="$1" '$1 == n {print $2}'; }
# sign_in PORT LOGIN: the session token of LOGIN signed in on the server at PORT.
sign_in() {
  local jar="$tmp/jar-$1" page csrf
  page=$(curl -s -c "$jar" "http://127.0.0.1:$1/login")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "login_id=$2" \
    --data-urlencode "password=sotong-demo-2026" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$1/login"
  awk '$6 == "sotong_session" {print $7}' "$jar"
}
# expect_ok URL SESSION: stops the benchmark unless the page answers 200 to that session.
expect_ok() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sotong_session=$2" "$1")
  [ "$status" = 200 ] || { echo "$1 answered $status" >&2; exit 1; }
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hello_port=$(free_port)
"$BUILD/hello_beast" "$hello_port" 2 &
hello=$!
pids+=($hello)
wait_up "http://127.0.0.1:$hello_port/"

db="sqlite:$tmp/bench.db"
"$BUILD/sotong" demo-data --database "$db" >/dev/null
port=$(free_port)
log="$tmp/server.log"
"$BUILD/sotong" serve --listen "127.0.0.1:$port" --database "$db" >"$log" 2>&1 &
server=$!
pids+=($server)
wait_up "http://127.0.0.1:$port/healthz"

# A province after some years: 50,000 generated suggestions beside the demo data, on a server of its own.
gen_db="sqlite:$tmp/suggestions.db"
"$BUILD/sotong" demo-data --database "$gen_db" >/dev/null
echo "== generating 50,000 suggestions" >&2
generated=$("$BUILD/sotong" generate suggestions --count 50000 --database "$gen_db")
echo "$generated" >&2
gen_port=$(free_port)
"$BUILD/sotong" serve --listen "127.0.0.1:$gen_port" --database "$gen_db" >"$tmp/suggestions-server.log" 2>&1 &
gen_server=$!
pids+=($gen_server)
wait_up "http://127.0.0.1:$gen_port/healthz"

echo "== bare Beast hello-world: GET /" >&2
read -r hello_rps _ hello_cpu < <(run_wrk "$hello" 64 "http://127.0.0.1:$hello_port/")
echo "== Sotong: GET /healthz (request log on, to $log)" >&2
read -r health_rps _ health_cpu < <(run_wrk "$server" 64 "http://127.0.0.1:$port/healthz")

# Sign in as the coordinator and load the dashboard with that session.
session=$(sign_in "$port" coordinator)
[ -n "$session" ] || { echo "could not sign in for the dashboard benchmark" >&2; exit 1; }
expect_ok "http://127.0.0.1:$port/" "$session"
echo "== Sotong: GET / (dashboard, signed in, SQLite, request log on)" >&2
read -r dash_rps dash_p99 dash_cpu < <(run_wrk "$server" 64 -H "Cookie: sotong_session=$session" "http://127.0.0.1:$port/")
# The meetings of the demo year (issue 14): the month view and a body's page, as the coordinator.
vice=$(curl -s -H "Cookie: sotong_session=$session" "http://127.0.0.1:$port/meetings" |
  grep -o '<a href="/meetings/bodies/[0-9]*">부시장·부군수 회의<' | grep -o '[0-9]\+' | head -1)
[ -n "$vice" ] || { echo "부시장·부군수 회의 is not listed on /meetings" >&2; exit 1; }
month_url="http://127.0.0.1:$port/meetings/calendar?view=month"
body_url="http://127.0.0.1:$port/meetings/bodies/$vice"
expect_ok "$month_url" "$session"
expect_ok "$body_url" "$session"
echo "== Sotong: GET /meetings/calendar (month view, demo year)" >&2
read -r month_rps month_p99 month_cpu < <(run_wrk "$server" 32 -H "Cookie: sotong_session=$session" "$month_url")
echo "== Sotong: GET /meetings/bodies/$vice (a body's page, demo year)" >&2
read -r body_rps body_p99 body_cpu < <(run_wrk "$server" 32 -H "Cookie: sotong_session=$session" "$body_url")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
dropped=$(metric sotong_request_log_dropped_total)
sleep 0.3 # the writer flushes its last batch within 0.1 s
lines=$(grep -c '"level":"info","msg":{"method"' "$log" || true)

# The coordinator's working list on the large database: in progress, led by 기획조정실, a common title word,
# earliest due first; then the page of the first suggestion it lists.
gen_session=$(sign_in "$gen_port" coordinator)
[ -n "$gen_session" ] || { echo "could not sign in for the suggestions benchmark" >&2; exit 1; }
gen_base="http://127.0.0.1:$gen_port"
planning=$(curl -s -H "Cookie: sotong_session=$gen_session" "$gen_base/suggestions" |
  grep -o '<option value="[0-9]*"[^>]*>기획조정실<' | head -1 | grep -o '[0-9]\+' | head -1)
[ -n "$planning" ] || { echo "기획조정실 is not offered on the suggestions list" >&2; exit 1; }
word=%EC%A7%80%EC%9B%90 # 지원 ("support"), in about a third of the titles
list_url="$gen_base/suggestions?state=in_progress&lead=$planning&q=$word&sort=due"
listed=$(curl -s -H "Cookie: sotong_session=$gen_session" "$list_url")
detail_id=$(grep -o 'href="/suggestions/[0-9]\+"' <<<"$listed" | head -1 | grep -o '[0-9]\+')
[ -n "$detail_id" ] || { echo "the filtered list is empty: $list_url" >&2; exit 1; }
expect_ok "$list_url" "$gen_session"
expect_ok "$gen_base/suggestions/$detail_id" "$gen_session"
echo "== Sotong: GET /suggestions?state=in_progress&lead=$planning&q=지원&sort=due (50,000 suggestions)" >&2
read -r list_rps list_p99 list_cpu < <(run_wrk "$gen_server" 32 -H "Cookie: sotong_session=$gen_session" "$list_url")
echo "== Sotong: GET /suggestions/$detail_id (50,000 suggestions)" >&2
read -r detail_rps detail_p99 detail_cpu < <(run_wrk "$gen_server" 32 -H "Cookie: sotong_session=$gen_session" "$gen_base/suggestions/$detail_id")

# The figures page counts a whole year the first time it is asked after a change (then it is kept until the next
# change): the first visit of each of the three generated years, as the coordinator; the slowest of them counts.
this_year=$(TZ=Asia/Seoul date +%Y)
figures_ms=0
for y in $((this_year - 2)) $((this_year - 1)) "$this_year"; do
  read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
    -H "Cookie: sotong_session=$gen_session" "$gen_base/suggestions/figures?year=$y")
  [ "$status" = 200 ] || { echo "the figures of $y answered $status" >&2; exit 1; }
  echo "== Sotong: GET /suggestions/figures?year=$y, first visit: $seconds s" >&2
  figures_ms=$(awk -v a="$figures_ms" -v t="$seconds" 'BEGIN {b = t * 1000; printf "%.1f", (b > a) ? b : a}')
done
# The coordinator's dashboard on the large database, once its counts are kept (no target: for the record).
echo "== Sotong: GET / (dashboard, 50,000 suggestions)" >&2
expect_ok "$gen_base/" "$gen_session"
read -r gen_dash_rps gen_dash_p99 gen_dash_cpu < <(run_wrk "$gen_server" 32 -H "Cookie: sotong_session=$gen_session" "$gen_base/")

# What a browser downloads (after the load, so it does not disturb the figures above).
echo "== the cooperation index: 1,000,000 responses × 30 answers (bench/index-bench)" >&2
"$BUILD/index_bench" --generate 1000000 "$tmp/answers.csv"
index_seconds=$("$BUILD/index_bench" "$tmp/answers.csv" | tee "$tmp/index.out" | grep '^seconds,')
rm -f "$tmp/answers.csv"
index_load=$(echo "$index_seconds" | cut -d, -f2)
index_compute=$(echo "$index_seconds" | cut -d, -f3)
index_e2e=$(echo "$index_seconds" | cut -d, -f4)
echo "$index_seconds" >&2

echo "== data linkage: 10,000,000 refunds × 1,000,000 deaths (bench/linkage-bench, beside DuckDB)" >&2
BUILD="$BUILD" bench/linkage-bench --generate "$tmp/refunds.csv" "$tmp/deaths.csv" >/dev/null
BUILD="$BUILD" bench/linkage-bench "$tmp/refunds.csv" "$tmp/deaths.csv" --no-sqlite >"$tmp/linkage.out"
rm -f "$tmp/refunds.csv" "$tmp/deaths.csv"
grep -v '^top,\|sigungu,' "$tmp/linkage.out" >&2
linkage_line() { grep "^$1," "$tmp/linkage.out" | cut -d, -f"$2"; }
linkage_run=$(linkage_line seconds 3)
linkage_rows=$(linkage_line rows_per_second 2)
linkage_rss=$(linkage_line peak_rss_mb 2)
linkage_duckdb=$(linkage_line duckdb_seconds 4)
linkage_ratio=$(linkage_line run_vs_duckdb 2)

echo "== Sotong: bytes of a first and a repeat visit (Chromium)" >&2
weight=$(node bench/page_weight.mjs "http://127.0.0.1:$port" --json)
field() { node -e 'const w = JSON.parse(process.argv[1]); console.log(process.argv[2].split(".").reduce((o, k) => o[k], w))' "$weight" "$1"; }

pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", 100 * a / b}'; }
health_pct=$(pct "$health_rps" "$hello_rps")
dash_pct=$(pct "$dash_rps" "$hello_rps")
list_pct=$(pct "$list_rps" "$hello_rps")
detail_pct=$(pct "$detail_rps" "$hello_rps")
rss_mb=$(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k / 1024}')
ok=1
# verdict CONDITION: sets v to PASS or FAIL (and ok=0 on a FAIL) for one target.
verdict() { if awk "BEGIN {exit !($1)}"; then v=PASS; else v=FAIL; ok=0; fi; }
row() { printf '%-44s %10s %8s %10s  %-27s %s\n' "$@"; }
echo
row "measure" "result" "ratio" "CPU/req" "target" ""
row "bare Beast hello-world, requests/s" "$(printf %.0f "$hello_rps")" "100 %" "$hello_cpu us" "(baseline, same run)" ""
verdict "$health_pct >= 85"
row "Sotong GET /healthz, requests/s" "$(printf %.0f "$health_rps")" "$health_pct %" "$health_cpu us" \
  ">= 85 % of hello-world" $v
verdict "$dash_pct >= 20"
row "Sotong dashboard (signed in), requests/s" "$(printf %.0f "$dash_rps")" "$dash_pct %" "$dash_cpu us" \
  ">= 20 % of hello-world" $v
verdict "$dash_p99 < 10"
row "Sotong dashboard p99 latency, ms" "$dash_p99" "" "" "< 10 ms" $v
verdict "$list_pct >= 12.8"
row "suggestions list, 50,000 (c32), requests/s" "$(printf %.0f "$list_rps")" "$list_pct %" "$list_cpu us" \
  ">= 12.8 % (issue: 6,400/s)" $v
verdict "$list_p99 < 10"
row "suggestions list p99 latency, ms" "$list_p99" "" "" "< 10 ms" $v
verdict "$detail_pct >= 10"
row "one suggestion's page (c32), requests/s" "$(printf %.0f "$detail_rps")" "$detail_pct %" "$detail_cpu us" \
  ">= 10 % (issue: 5,000/s)" $v
row "  (its p99 latency, ms)" "$detail_p99" "" "" "" ""
month_pct=$(pct "$month_rps" "$hello_rps")
body_pct=$(pct "$body_rps" "$hello_rps")
verdict "$month_pct >= 10"
row "meetings month view (c32), requests/s" "$(printf %.0f "$month_rps")" "$month_pct %" "$month_cpu us" \
  ">= 10 % (issue: 5,000/s)" $v
verdict "$month_p99 < 10"
row "meetings month view p99 latency, ms" "$month_p99" "" "" "< 10 ms" $v
verdict "$body_pct >= 10"
row "a body's page, a year of meetings (c32), req/s" "$(printf %.0f "$body_rps")" "$body_pct %" "$body_cpu us" \
  ">= 10 % (issue: 5,000/s)" $v
verdict "$body_p99 < 10"
row "a body's page p99 latency, ms" "$body_p99" "" "" "< 10 ms" $v
verdict "$figures_ms < 50"
row "figures page, a year's first visit, 50,000, ms" "$figures_ms" "" "" "< 50 ms (issue)" $v
gen_dash_pct=$(pct "$gen_dash_rps" "$hello_rps")
row "dashboard, 50,000 (c32), requests/s" "$(printf %.0f "$gen_dash_rps")" "$gen_dash_pct %" "$gen_dash_cpu us" \
  "(p99 $gen_dash_p99 ms; no target)" ""
verdict "$index_compute <= 0.1"
row "cooperation index, 1,000,000 × 30, compute, s" "$index_compute" "" "" "<= 0.1 s (columnar DB 0.16 s)" $v
verdict "$index_e2e < 1"
row "cooperation index, from the database (SQLite), s" "$index_e2e" "" "" "< 1 s (load: $index_load s)" $v
verdict "$linkage_ratio <= 1"
row "linkage run, 10M × 1M refunds after death, s" "$linkage_run" "$linkage_ratio" "" \
  "<= DuckDB's best ($linkage_duckdb s)" $v
verdict "$linkage_rows >= 2000000"
row "linkage import, rows/s (keyed hashing included)" "$linkage_rows" "" "" ">= 2,000,000 (issue)" $v
verdict "$linkage_rss < 1024"
row "linkage peak resident memory, MB" "$linkage_rss" "" "" "< 1 GB (issue)" $v
verdict "$rss_mb < 64"
row "Sotong resident memory after the load, MB" "$rss_mb" "" "" "< 64 MB" $v
verdict "$dropped == 0"
row "request log lines dropped ($lines written)" "$dropped" "" "" "0" $v
kb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1024}'; }
verdict "$(field login.first.bytes) < 350 * 1024"
row "login page, first visit, KiB ($(field login.first.requests) requests)" "$(kb "$(field login.first.bytes)")" "" "" "< 350 KiB" $v
verdict "$(field login.repeat.requests) == 1"
row "login page, repeat visit, KiB ($(field login.repeat.requests) requests)" "$(kb "$(field login.repeat.bytes)")" "" "" "the HTML alone" $v
row "dashboard, first visit, KiB ($(field dashboard.first.requests) requests)" "$(kb "$(field dashboard.first.bytes)")" "" "" "" ""
verdict "$(field dashboard.repeat.requests) == 1"
row "dashboard, repeat visit, KiB ($(field dashboard.repeat.requests) requests)" "$(kb "$(field dashboard.repeat.bytes)")" "" "" "the HTML alone" $v
echo "($(nproc) cores; load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
[ $ok = 1 ] && echo "all performance targets met" || { echo "a performance target was missed"; exit 1; }

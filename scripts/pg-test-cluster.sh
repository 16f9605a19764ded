#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#   start DIR [PORT]  create (if missing) and start it; print its connection URL on stdout
#   stop DIR          stop it and remove DIR
# It has its own data directory, port and socket directory, so Debian's default cluster (running
# or not) is never touched and never in the way. Only for local tests: trust auth, no fsync.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
marker=.sotong-test-cluster # `stop` deletes only directories that `start` marked as its own

die() { echo "pg-test-cluster: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: $0 start DIR [PORT] | stop DIR"
cmd=$1
dir=$(realpath -m -- "$2")
port=${3:-55432}
data=$dir/data
log=$dir/postgres.log
cd / # the postgres user must be able to read its working directory

# PostgreSQL refuses to run as root, so as root its commands run as the postgres OS user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
running() { [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }
fail_with_log() {
  [ -f "$log" ] && { echo "--- $log (last 40 lines) ---" >&2; tail -n 40 "$log" >&2; }
  die "$*"
}

start() {
  [[ $port =~ ^[0-9]+$ ]] || die "bad port: $port"
  # A unix socket path is limited to 107 bytes.
  [ $((${#dir} + 17)) -lt 107 ] || die "DIR path too long for a unix socket: $dir"
  if [ -e "$dir" ] && [ ! -e "$dir/$marker" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir exists and is not a test cluster; refusing to use it"
  fi
  mkdir -p "$dir"
  touch "$dir/$marker"
  chmod 755 "$dir"
  [ "$(id -u)" != 0 ] || chown postgres: "$dir"
  as_pg test -w "$dir" || die "the postgres user cannot write $dir (is a parent directory private?)"

  # Fail clearly rather than through a bind error in the log.
  if ! running && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use"; fi

  if [ ! -f "$data/PG_VERSION" ]; then
    # C.UTF-8 collation sorts Hangul in code-point (가나다) order and exists on every Debian.
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi

  if running; then
    # Idempotent: a second start is fine, but only on the same port.
    local running_port
    running_port=$(sed -n 4p "$data/postmaster.pid")
    [ "$running_port" = "$port" ] || die "already running in $dir on port $running_port, not $port"
  else
    # Options on the command line (not in postgresql.conf) so a restart may pick another port.
    # Durability is pointless for a database deleted after the run: fsync and friends off.
    as_pg "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start -o "-c listen_addresses=127.0.0.1 \
      -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=200" >/dev/null || fail_with_log "could not start the cluster in $dir"
  fi

  # pg_ctl -w waits for the socket; make sure TCP (what the app uses) answers as well.
  for _ in $(seq 100); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    sleep 0.1
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres || fail_with_log "not accepting connections on 127.0.0.1:$port"

  local psql=("$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1)
  if [ "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'sotong'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE sotong OWNER postgres" >/dev/null || fail_with_log "could not create database sotong"
  fi
  echo "postgresql://postgres@127.0.0.1:$port/sotong"
}

stop() {
  [ -e "$dir" ] || return 0 # already gone: stopping twice is fine
  [ -e "$dir/$marker" ] || die "$dir is not a test cluster; refusing to remove it"
  if running; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null ||
      as_pg "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null ||
      fail_with_log "could not stop the cluster in $dir"
  fi
  rm -rf -- "$dir"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) die "unknown command: $cmd (start or stop)" ;;
esac

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the storage tests and prints its
# DSN on stdout (everything else goes to stderr):
#
#   export ENTENTE_TEST_POSTGRES=$(scripts/test-postgres.sh)
#   go test ./...
#   scripts/test-postgres.sh stop
#
# "status" exits 0 when the cluster is up; "available" exits 0 when a
# PostgreSQL server is installed (scripts/test.sh uses both).
#
# The cluster lives in a fresh directory under /tmp, listens on 127.0.0.1 on
# a free port with trust authentication, and runs without fsync: it is for
# tests only. Each test creates its own schema in the database, so one
# cluster serves every package in parallel. Run again while it is up, the
# script prints the same DSN. Needs Debian's postgresql-15 (or another
# version: PGBIN=/usr/lib/postgresql/NN/bin); as root, the server runs as the
# postgres user, since initdb refuses root.
set -euo pipefail

state=${ENTENTE_PG_STATE:-/tmp/entente-test-postgres.env}
db=entente_test

log() { echo "test-postgres: $*" >&2; }

pgbin() {
  if [ -n "${PGBIN:-}" ]; then echo "$PGBIN"; return; fi
  local d
  for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  log "no PostgreSQL server found; install it with: apt-get install -y postgresql-15"
  exit 1
}

# as_owner runs a command as the cluster's owner: postgres when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

dsn() { echo "postgres://postgres@127.0.0.1:$1/$db?sslmode=disable"; }

running() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

start() {
  if running; then
    log "already running in $DIR"
    dsn "$PORT"
    return
  fi
  PGBIN=$(pgbin)
  DIR=$(mktemp -d /tmp/entente-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  PORT=${ENTENTE_PG_PORT:-54329}
  while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
  log "initdb in $DIR"
  as_owner "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
    { cat "$DIR/initdb.log" >&2; exit 1; }
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
  printf 'DIR=%q\nPORT=%q\nPGBIN=%q\n' "$DIR" "$PORT" "$PGBIN" >"$state"
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
    -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'" >&2
  log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PORT"
  dsn "$PORT"
}

stop() {
  if [ ! -f "$state" ]; then
    log "not running"
    return
  fi
  # shellcheck disable=SC1090
  . "$state"
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR" "$state"
  log "stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) running ;;
  available) d=$(pgbin 2>/dev/null) && [ -x "$d/initdb" ] ;;
  *) echo "usage: $0 [start|stop|status|available]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store tests (tests/store).
#
#   bash .ci/postgres.sh start   # install if missing (Debian package), start, print the URL
#   bash .ci/postgres.sh url     # print the URL of the running server
#   bash .ci/postgres.sh stop    # stop it
#
# The URL (postgresql://postgres@127.0.0.1:PORT/intro_coach_test) goes to stdout, for
# INTRO_TEST_POSTGRES_URL; everything else to stderr. Idempotent: an installed package
# or a running server is reused. The cluster lives in $INTRO_PG_DIR (default
# /tmp/intro-coach-pg), owned by the postgres user, trusts loopback only, and trades
# durability for speed (fsync off): test data only.
set -euo pipefail

DIR="${INTRO_PG_DIR:-/tmp/intro-coach-pg}"
DB=intro_coach_test

log() { echo "postgres.sh: $*" >&2; }

bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

as_pg() {
    # initdb and postgres refuse to run as root.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
    bindir >/dev/null && return 0
    if [ "$(id -u)" != 0 ]; then
        log "PostgreSQL is not installed and we are not root to apt-get install it"
        return 1
    fi
    log "installing PostgreSQL (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir >/dev/null
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running() {
    [ -f "$DIR/data/PG_VERSION" ] && [ -f "$DIR/port" ] \
        && as_pg "$(bindir)/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

url() { echo "postgresql://postgres@127.0.0.1:$(cat "$DIR/port")/$DB"; }

init() {
    log "creating a cluster in $DIR"
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    as_pg "$(bindir)/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
}

start() {
    install || return 1
    if ! running; then
        [ -f "$DIR/data/PG_VERSION" ] || init
        local port
        port="$(free_port)"
        as_pg sh -c "echo $port > '$DIR/port'"
        as_pg "$(bindir)/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o \
            "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || { cat "$DIR/server.log" >&2; return 1; }
        log "started on 127.0.0.1:$port"
    fi
    local port psql
    port="$(cat "$DIR/port")"
    psql=("$(bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [ "$(as_pg "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
        as_pg "${psql[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
    fi
    url
}

stop() {
    if running; then
        as_pg "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
        log "stopped"
    fi
}

case "${1:-start}" in
    start) start ;;
    url) running && url ;;
    stop) stop ;;
    *) log "usage: $0 start|url|stop"; exit 2 ;;
esac

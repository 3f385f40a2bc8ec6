#!/usr/bin/env bash
# pgbench's TPC-B-like run at scale 10 with several clients, side by side: Duckgres (writers take turns, the default),
# Duckgres with serialize_writers: false (DuckDB's optimistic concurrency) and PostgreSQL 15, in -M simple, extended
# and prepared. Prints tps and failed transactions (no --max-tries: a 40001 fails its transaction, as an application
# that does not retry would see it).
#
#   bench/tpcb.sh [SECONDS per run (default 30)] [SCALE (default 10)] [CLIENTS (default 8)]
#   DUCKGRES_BIN=PATH (default build/duckgres)  PG_BIN=DIR (default /usr/lib/postgresql/15/bin)
set -uo pipefail
SECONDS_PER_RUN=${1:-30}
SCALE=${2:-10}
CLIENTS=${3:-8}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DUCKGRES_BIN=${DUCKGRES_BIN:-$REPO/build/duckgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d)
chmod 755 "$WORK" # PostgreSQL runs as the postgres user when we are root
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
export PGPASSWORD=postgres PGSSLMODE=disable PGUSER=postgres PGDATABASE=postgres PGHOST=127.0.0.1
cleanup() {
    kill $(cat "$WORK"/*.pid 2>/dev/null) 2>/dev/null
    [ -d "$WORK/pg/data" ] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # port
    for _ in $(seq 300); do
        psql -X -q -p "$1" -c "SELECT 1" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "tpcb: server on port $1 did not start" >&2
    exit 1
}

start_duckgres() { # name port config-yaml-text
    mkdir -p "$WORK/$1"
    printf '%s\n' "$3" >"$WORK/$1/config.yaml"
    "$DUCKGRES_BIN" --host 127.0.0.1 --port "$2" --data-dir "$WORK/$1/data" --config "$WORK/$1/config.yaml" \
        >"$WORK/$1/log" 2>&1 &
    echo $! >"$WORK/$1.pid"
    wait_for "$2"
}

start_postgres() { # port
    mkdir -p "$WORK/pg"
    echo postgres >"$WORK/pg/pwfile"
    [ ${#AS_PG[@]} -gt 0 ] && chown -R postgres "$WORK/pg"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A scram-sha-256 --pwfile="$WORK/pg/pwfile" \
        -E UTF8 --locale=C >/dev/null || exit 1
    # Unlike bench/run.sh, durability stays on: DuckDB syncs its WAL at every commit, and so does PostgreSQL here.
    local opts="-c port=$1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg -c shared_buffers=1GB"
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -o "$opts" start >/dev/null || exit 1
}

declare -A PORT=([duckgres]=55771 [optimistic]=55772 [postgres]=55773)
start_duckgres duckgres "${PORT[duckgres]}" "serialize_writers: true"
start_duckgres optimistic "${PORT[optimistic]}" "serialize_writers: false"
start_postgres "${PORT[postgres]}"
for system in duckgres optimistic postgres; do
    pgbench -i -q -s "$SCALE" -p "${PORT[$system]}" >"$WORK/init-$system.log" 2>&1 ||
        { echo "tpcb: pgbench -i failed on $system"; tail -3 "$WORK/init-$system.log"; exit 1; }
done

echo "pgbench TPC-B-like, scale $SCALE, -c $CLIENTS -j 2 -T $SECONDS_PER_RUN, no --max-tries: tps (failed transactions)"
printf '%-10s %-24s %-24s %-24s\n' mode "duckgres" "duckgres optimistic" "postgres 15"
for mode in simple extended prepared; do
    line=$(printf '%-10s' "$mode")
    for system in duckgres optimistic postgres; do
        out=$(pgbench -n -M "$mode" -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -p "${PORT[$system]}" 2>&1)
        tps=$(echo "$out" | grep -oP 'tps = \K[0-9.]+' | head -1)
        failed=$(echo "$out" | grep -oP 'number of failed transactions: \K[0-9]+' | head -1)
        line+=$(printf ' %-24s' "${tps:-error} (${failed:-?} failed)")
    done
    echo "$line"
done

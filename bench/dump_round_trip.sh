#!/usr/bin/env bash
# The pgbench database (scale 10 by default) dumped and restored, side by side: PostgreSQL 15 -> PostgreSQL 15, and
# PostgreSQL 15 -> Duckgres -> PostgreSQL 15, in pg_dump's custom format through pg_restore. Prints the seconds of each
# step and checks that the rows arrive (pgbench_accounts' count and balance sum).
#
#   bench/dump_round_trip.sh [SCALE (default 10)]
#   DUCKGRES_BIN=PATH (default build/duckgres)  PG_BIN=DIR (default /usr/lib/postgresql/15/bin)
set -uo pipefail
SCALE=${1:-10}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DUCKGRES_BIN=${DUCKGRES_BIN:-$REPO/build/duckgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d)
chmod 755 "$WORK" # PostgreSQL runs as the postgres user when we are root
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
export PGPASSWORD=postgres PGSSLMODE=disable PGUSER=postgres PGHOST=127.0.0.1
DG=55781
PG=55782
cleanup() {
    kill $(cat "$WORK"/*.pid 2>/dev/null) 2>/dev/null
    [ -d "$WORK/pg/data" ] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # port
    for _ in $(seq 300); do
        psql -X -q -p "$1" -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "dump_round_trip: server on port $1 did not start" >&2
    exit 1
}

mkdir -p "$WORK/duckgres" "$WORK/pg"
"$DUCKGRES_BIN" --host 127.0.0.1 --port $DG --data-dir "$WORK/duckgres/data" >"$WORK/duckgres/log" 2>&1 &
echo $! >"$WORK/duckgres.pid"
echo postgres >"$WORK/pg/pwfile"
[ ${#AS_PG[@]} -gt 0 ] && chown -R postgres "$WORK/pg"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A scram-sha-256 --pwfile="$WORK/pg/pwfile" -E UTF8 \
    --locale=C >/dev/null || exit 1
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
    -o "-c port=$PG -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg" start >/dev/null || exit 1
wait_for $DG
wait_for $PG

timed() { # label command...
    local start end
    start=$(date +%s.%N)
    "${@:2}" >"$WORK/step.log" 2>&1 || { echo "dump_round_trip: $1 failed:" >&2; tail -5 "$WORK/step.log" >&2; exit 1; }
    grep -q "ERROR" "$WORK/step.log" && { echo "dump_round_trip: $1 reported errors:" >&2; grep ERROR "$WORK/step.log" | head -5 >&2; exit 1; }
    end=$(date +%s.%N)
    printf '%-44s %8.2f s\n' "$1" "$(echo "$end - $start" | bc)"
}
create() { psql -X -q -p "$1" -d postgres -c "CREATE DATABASE $2" >/dev/null; }
accounts() { psql -X -At -p "$1" -d "$2" -c "SELECT count(*), sum(abalance) FROM pgbench_accounts"; }

create $PG source
"$PG_BIN/pgbench" -i -q -s "$SCALE" -p $PG source >/dev/null 2>&1 || { echo "pgbench -i failed" >&2; exit 1; }
# Balances that are not all zero, so that the sums compare something.
psql -X -q -p $PG -d source -c "UPDATE pgbench_accounts SET abalance = aid % 1000 - 500" >/dev/null
echo "pgbench scale $SCALE: $(accounts $PG source) (accounts, balance sum)"

echo "-- PostgreSQL 15 -> PostgreSQL 15"
create $PG pg_copy
timed "pg_dump -Fc (PostgreSQL)" "$PG_BIN/pg_dump" -p $PG -Fc -f "$WORK/pg.dump" source
timed "pg_restore into PostgreSQL" "$PG_BIN/pg_restore" -p $PG -d pg_copy "$WORK/pg.dump"

echo "-- PostgreSQL 15 -> Duckgres -> PostgreSQL 15"
create $DG duck_copy
timed "pg_restore into Duckgres" "$PG_BIN/pg_restore" -p $DG -d duck_copy "$WORK/pg.dump"
timed "pg_dump -Fc (Duckgres)" "$PG_BIN/pg_dump" -p $DG -Fc -f "$WORK/duck.dump" duck_copy
create $PG back
timed "pg_restore into PostgreSQL" "$PG_BIN/pg_restore" -p $PG -d back "$WORK/duck.dump"

for where in "$PG pg_copy" "$DG duck_copy" "$PG back"; do
    set -- $where
    echo "rows in $2: $(accounts "$1" "$2")"
done

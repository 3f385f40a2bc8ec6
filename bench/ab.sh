#!/usr/bin/env bash
# A/B of two Duckgres server binaries on the rate measurements most sensitive to per-statement overhead: a PK point
# query (prepared; 1 and 8 clients) and SELECT 1 (prepared; 8 clients), the two binaries alternating round by round
# so that the machine's drift hits both alike.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY [ROUNDS (default 3)] [SECONDS per run (default 8)]
set -uo pipefail
A=$1
B=$2
ROUNDS=${3:-3}
SECONDS_PER_RUN=${4:-8}
WORK=$(mktemp -d)
export PGPASSWORD=postgres
trap 'kill $(cat "$WORK"/*/pid 2>/dev/null) 2>/dev/null; rm -rf "$WORK"' EXIT

start() { # binary port
    mkdir -p "$WORK/$2"
    "$1" --port "$2" --data-dir "$WORK/$2/data" >"$WORK/$2/log" 2>&1 &
    echo $! >"$WORK/$2/pid"
    for _ in $(seq 100); do
        psql -h 127.0.0.1 -p "$2" -U postgres -X -q -c "SELECT 1" >/dev/null 2>&1 && break
        sleep 0.1
    done
    psql -h 127.0.0.1 -p "$2" -U postgres -X -q -c "CREATE TABLE point_t (id bigint PRIMARY KEY, v bigint)" \
        -c "INSERT INTO point_t SELECT i, i * 2 FROM range(1, 1000001) t(i)" >/dev/null
}

printf '\\set id random(1, 1000000)\nSELECT v FROM point_t WHERE id = :id;\n' >"$WORK/point.sql"
printf 'SELECT 1;\n' >"$WORK/one.sql"
start "$A" 55701
start "$B" 55702
for round in $(seq "$ROUNDS"); do
    for port in 55701 55702; do
        for spec in "point 1" "point 8" "one 8"; do
            set -- $spec
            jobs=$([ "$2" = 1 ] && echo 1 || echo 2)
            tps=$(pgbench -n -M prepared -f "$WORK/$1.sql" -c "$2" -j "$jobs" -T "$SECONDS_PER_RUN" -h 127.0.0.1 \
                -p "$port" -U postgres postgres 2>/dev/null | grep -oP 'tps = \K[0-9.]+' | head -1)
            echo "round $round $([ $port = 55701 ] && echo old || echo new) $1 c$2: $tps tps"
        done
    done
done

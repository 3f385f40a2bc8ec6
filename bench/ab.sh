#!/usr/bin/env bash
# A/B of two Duckgres server binaries on the rate measurements most sensitive to per-statement overhead: a PK point
# query (prepared; 1 and 8 clients) and SELECT 1 (prepared; 8 clients), the two binaries alternating round by round
# so that the machine's drift hits both alike.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY [ROUNDS (default 3)] [SECONDS per run (default 8)] [SPECS]
#
# SPECS picks the measurements, e.g. "one 8" or "point 1,point 8" (default: all three); "connect 1" measures
# SCRAM connections per second with bench/connect_bench (1 thread; built in build/bench). Odd rounds run the old
# binary first and even rounds the new one first, and the means per binary are printed at the end.
set -uo pipefail
A=$1
B=$2
ROUNDS=${3:-3}
SECONDS_PER_RUN=${4:-8}
SPECS=${5:-point 1,point 8,one 8}
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
IFS=, read -ra SPEC_LIST <<<"$SPECS"
for round in $(seq "$ROUNDS"); do
    ports="55701 55702"
    [ $((round % 2)) -eq 0 ] && ports="55702 55701"
    for port in $ports; do
        for spec in "${SPEC_LIST[@]}"; do
            set -- $spec
            jobs=$([ "$2" = 1 ] && echo 1 || echo 2)
            if [ "$1" = connect ]; then
                tps=$("$(dirname "$0")/../build/bench/connect_bench" "host=127.0.0.1 port=$port user=postgres \
                    password=postgres sslmode=disable dbname=postgres" "$SECONDS_PER_RUN" "$2" | grep -oP 'result=\K[0-9.]+')
            else
                tps=$(pgbench -n -M prepared -f "$WORK/$1.sql" -c "$2" -j "$jobs" -T "$SECONDS_PER_RUN" -h 127.0.0.1 \
                    -p "$port" -U postgres postgres 2>/dev/null | grep -oP 'tps = \K[0-9.]+' | head -1)
            fi
            echo "round $round $([ $port = 55701 ] && echo old || echo new) $1 c$2: $tps tps" | tee -a "$WORK/results"
        done
    done
done
awk '{ key = $3 " " $4 " " $5; sum[key] += $6; n[key]++ }
     END { for (k in sum) printf "mean %s %.0f tps over %d rounds\n", k, sum[k] / n[k], n[k] }' "$WORK/results" | sort -k3,4 -k2

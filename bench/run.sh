#!/usr/bin/env bash
# Duckgres benchmark suite: the one command. Runs every measurement against Duckgres, PostgreSQL 15 and in-process
# DuckDB in the same run and prints one table (also written to bench/results/latest.md).
#
#   bench/run.sh                  full run: 1M-row t and point_t, 10M-row big, 15 s per rate measurement (~8 min)
#   BENCH_QUICK=1 bench/run.sh    smoke run: 100k / 1M / 100k rows, 3 s per rate measurement (~2 min)
#
# Environment overrides:
#   BENCH_ROWS=N            rows of table t: SELECT *, binary read, COPY       (default 1000000, quick 100000)
#   BENCH_BIG_ROWS=N        rows of table big for the GROUP BY measurement     (default 10000000, quick 1000000)
#   BENCH_POINT_ROWS=N      rows of table point_t for the point query          (default 1000000, quick 100000)
#   BENCH_SECONDS=S         duration of each connection-rate and pgbench run   (default 15, quick 3)
#   BENCH_REPEATS=N         timed repetitions of SELECT *, binary read, COPY and GROUP BY, best is reported (default 3)
#   BENCH_SYSTEMS=LIST      subset of "duckgres,postgres,duckdb"              (default all three)
#   BENCH_ONLY=connections  only the connection rows (rates and server CPU per login); no tables are loaded
#   BENCH_BUILD_DIR=DIR     CMake build directory                            (default <repo>/build)
#   DUCKGRES_BIN=PATH       server binary                                     (default $BENCH_BUILD_DIR/duckgres)
#   BENCH_SKIP_BUILD=1      build nothing; BENCH_SKIP_SERVER_BUILD=1 builds only the bench tools
#   PG_BIN=DIR              PostgreSQL 15 binaries                           (default /usr/lib/postgresql/15/bin)
#   BENCH_KEEP=1            keep the temporary directory (data, server logs) after the run
#
# Every client connects over TCP to 127.0.0.1 with sslmode=disable as user postgres / password postgres
# (SCRAM-SHA-256 on both servers). See bench/README.md for what each number means.
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
cd "$REPO" || exit 1

if [ "${BENCH_QUICK:-0}" = 1 ]; then
    ROWS=${BENCH_ROWS:-100000}
    BIG_ROWS=${BENCH_BIG_ROWS:-1000000}
    POINT_ROWS=${BENCH_POINT_ROWS:-100000}
    SECONDS_PER_RUN=${BENCH_SECONDS:-3}
else
    ROWS=${BENCH_ROWS:-1000000}
    BIG_ROWS=${BENCH_BIG_ROWS:-10000000}
    POINT_ROWS=${BENCH_POINT_ROWS:-1000000}
    SECONDS_PER_RUN=${BENCH_SECONDS:-15}
fi
REPEATS=${BENCH_REPEATS:-3}
ONLY=${BENCH_ONLY:-}
SYSTEMS=${BENCH_SYSTEMS:-duckgres,postgres,duckdb}
BUILD_DIR=${BENCH_BUILD_DIR:-$REPO/build}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$REPO/$BUILD_DIR ;; esac
DUCKGRES_BIN=${DUCKGRES_BIN:-$BUILD_DIR/duckgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
TOOLS=$BUILD_DIR/bench
RESULTS_DIR=$BENCH_DIR/results
mkdir -p "$RESULTS_DIR"
LOG=$RESULTS_DIR/latest.log
: >"$LOG"

say() { printf '%s\n' "$*" | tee -a "$LOG" >&2; }
enabled() { case ",$SYSTEMS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# ---- build ------------------------------------------------------------------------------------------------------

# Builds duckdb_bench, connect_bench and binary_read through CMake; when the CMake tree does not configure or build
# (the rest of the project may be mid-change), compiles the single-file tools directly instead.
build_tools() {
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
        cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja >>"$LOG" 2>&1 || cmake -S "$REPO" -B "$BUILD_DIR" >>"$LOG" 2>&1
    fi
    if cmake --build "$BUILD_DIR" --target bench_tools >>"$LOG" 2>&1; then
        return 0
    fi
    say "bench: CMake build of the bench tools failed (see $LOG); compiling them directly"
    mkdir -p "$TOOLS"
    local duck=$REPO/deps/duckdb pq_cflags pq_libs
    read -ra pq_cflags <<<"$(pkg-config --cflags libpq)"
    read -ra pq_libs <<<"$(pkg-config --libs libpq)"
    "${CXX:-c++}" -O2 -std=c++20 -I"$duck/include" "$BENCH_DIR/duckdb_bench.cpp" -o "$TOOLS/duckdb_bench" \
        -L"$duck/lib" -lduckdb -Wl,-rpath,"$duck/lib" -pthread >>"$LOG" 2>&1 &&
        "${CC:-cc}" -O2 -std=c11 "${pq_cflags[@]}" "$BENCH_DIR/connect_bench.c" \
            -o "$TOOLS/connect_bench" "${pq_libs[@]}" -pthread >>"$LOG" 2>&1 &&
        "${CC:-cc}" -O2 -std=c11 "${pq_cflags[@]}" "$BENCH_DIR/binary_read.c" \
            -o "$TOOLS/binary_read" "${pq_libs[@]}" >>"$LOG" 2>&1
}

DUCKGRES_ERROR=""
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "bench: building the bench tools in $BUILD_DIR"
    if ! build_tools; then
        say "bench: cannot build the bench tools; see $LOG"
        exit 1
    fi
    if enabled duckgres && [ "${BENCH_SKIP_SERVER_BUILD:-0}" != 1 ]; then
        say "bench: building duckgres"
        if ! cmake --build "$BUILD_DIR" --target duckgres >>"$LOG" 2>&1; then
            DUCKGRES_ERROR="build of duckgres failed (see bench/results/latest.log)"
            say "bench: $DUCKGRES_ERROR"
        fi
    fi
fi
for tool in duckdb_bench connect_bench binary_read; do
    if [ ! -x "$TOOLS/$tool" ]; then
        say "bench: $TOOLS/$tool is missing"
        exit 1
    fi
done

# ---- temporary directory, ports, cleanup --------------------------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/duckgres-bench.XXXXXX") || exit 1
chmod 755 "$WORK"
DG_PID=""
PG_STARTED=0
AS_PG=()
if [ "$(id -u)" = 0 ]; then
    AS_PG=(runuser -u postgres --) # PostgreSQL refuses to run as root
fi

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
    if [ -n "$DG_PID" ] && kill -0 "$DG_PID" 2>/dev/null; then
        kill -TERM "$DG_PID" 2>/dev/null
        for _ in $(seq 100); do
            kill -0 "$DG_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$DG_PID" 2>/dev/null; then
            echo "bench: Duckgres did not stop within 10 s of SIGTERM; killed" | tee -a "$LOG" >&2
            kill -KILL "$DG_PID" 2>/dev/null
        fi
        wait "$DG_PID" 2>/dev/null
    fi
    if [ "$PG_STARTED" = 1 ]; then
        "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
    fi
    for f in "$WORK/duckgres.log" "$WORK/pg/server.log"; do
        if [ -s "$f" ]; then
            echo "---- last lines of ${f#"$WORK"/} ----" >>"$LOG"
            tail -n 40 "$f" >>"$LOG"
        fi
    done
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        echo "bench: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 40000))
        if [ "$p" != "${1:-}" ] && ! port_open "$p"; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

export PGPASSWORD=postgres PGSSLMODE=disable PGUSER=postgres PGDATABASE=postgres PGHOST=127.0.0.1 PGCONNECT_TIMEOUT=10

# psql against one server, quiet, stopping at the first error.
psql_at() {
    local port=$1
    shift
    psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"
}

# ---- start the servers ----------------------------------------------------------------------------------------------

PG_PORT=""
PG_ERROR=""
start_postgres() {
    PG_PORT=$(free_port) || return 1
    mkdir -p "$WORK/pg"
    echo postgres >"$WORK/pg/pwfile"
    [ ${#AS_PG[@]} -gt 0 ] && chown -R postgres "$WORK/pg"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A scram-sha-256 --pwfile="$WORK/pg/pwfile" \
        -E UTF8 --locale=C >>"$LOG" 2>&1 || return 1
    # Fairness: generous memory (the machine has 24 GiB), no durability cost (fsync off), defaults otherwise.
    local opts="-c port=$PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    opts+=" -c shared_buffers=1GB -c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB"
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 -o "$opts" start \
        >>"$LOG" 2>&1 || return 1
    PG_STARTED=1
    psql_at "$PG_PORT" -c 'SELECT 1' >/dev/null 2>>"$LOG"
}

DG_PORT=""
start_duckgres() {
    if [ ! -x "$DUCKGRES_BIN" ]; then
        DUCKGRES_ERROR="no server binary at $DUCKGRES_BIN"
        return 1
    fi
    DG_PORT=$(free_port "$PG_PORT") || return 1
    mkdir -p "$WORK/duckgres"
    "$DUCKGRES_BIN" --host 127.0.0.1 --port "$DG_PORT" --data-dir "$WORK/duckgres" >"$WORK/duckgres.log" 2>&1 &
    DG_PID=$!
    for _ in $(seq 600); do
        port_open "$DG_PORT" && break
        if ! kill -0 "$DG_PID" 2>/dev/null; then
            wait "$DG_PID"
            DUCKGRES_ERROR="server exited with status $? before accepting connections: $(tail -n 3 "$WORK/duckgres.log" | tr -s '\n\t ' ' ')"
            DG_PID=""
            return 1
        fi
        sleep 0.1
    done
    if ! port_open "$DG_PORT"; then
        DUCKGRES_ERROR="server did not accept TCP connections within 60 s"
        return 1
    fi
    local out
    if ! out=$(timeout 30 psql -X -A -t -p "$DG_PORT" -c 'SELECT 1' 2>&1) || [ "$(echo "$out" | tr -d '[:space:]')" != 1 ]; then
        DUCKGRES_ERROR="server does not answer SELECT 1 through psql: $(echo "$out" | head -n 3 | tr -s '\n\t ' ' ')"
        return 1
    fi
}

if enabled postgres; then
    say "bench: starting PostgreSQL 15"
    if ! start_postgres; then
        PG_ERROR="PostgreSQL did not start (see bench/results/latest.log)"
        [ -f "$WORK/pg/server.log" ] && tail -n 20 "$WORK/pg/server.log" >>"$LOG"
        say "bench: $PG_ERROR"
    fi
fi
if enabled duckgres && [ -z "$DUCKGRES_ERROR" ]; then
    say "bench: starting Duckgres ($DUCKGRES_BIN)"
    if ! start_duckgres; then
        say "bench: Duckgres: $DUCKGRES_ERROR"
    fi
fi

# ---- results ------------------------------------------------------------------------------------------------------

# 1234567 -> 1,234,567 (no locale needed).
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

declare -A RESULT # RESULT[row,system] = number or "error"
ROW_KEYS=(conn1 conn4 conncpu tps1 tps8 ptps1 ptps8 point1 point8 scan binread copyout_text copyin_text copyout_binary
    copyin_binary groupby)
SYS_KEYS=(duckgres postgres duckdb)
declare -A SYS_NAME=([duckgres]="Duckgres" [postgres]="PostgreSQL 15" [duckdb]="DuckDB in-process")
declare -A ROW_NAME=(
    [conn1]="Connections/s, SCRAM, 1 client"
    [conn4]="Connections/s, SCRAM, 4 clients"
    [conncpu]="Server CPU per SCRAM login, ms"
    [tps1]="SELECT 1 tps, 1 client"
    [tps8]="SELECT 1 tps, 8 clients"
    [ptps1]="SELECT 1 tps, prepared, 1 client"
    [ptps8]="SELECT 1 tps, prepared, 8 clients"
    [point1]="PK point query tps, prepared, 1 client"
    [point8]="PK point query tps, prepared, 8 clients"
    [scan]="psql SELECT * of $(thousands "$ROWS") x 4 cols, s"
    [binread]="libpq binary read of $(thousands "$ROWS") x 4 cols, s"
    [copyout_text]="COPY out, text, $(thousands "$ROWS") rows, s"
    [copyin_text]="COPY in, text, $(thousands "$ROWS") rows, s"
    [copyout_binary]="COPY out, binary, $(thousands "$ROWS") rows, s"
    [copyin_binary]="COPY in, binary, $(thousands "$ROWS") rows, s"
    [groupby]="GROUP BY over $(thousands "$BIG_ROWS") rows, s"
)
declare -A LOAD_SECONDS
ERRORS=()

# record ROW SYSTEM VALUE|"" DESCRIPTION: an empty value is a failure.
record() {
    if [ -n "$3" ]; then
        RESULT[$1,$2]=$3
        say "  $2 $1: $3"
    else
        local why=$4
        if [ "$2" = duckgres ] && [ -n "$DG_PID" ] && ! kill -0 "$DG_PID" 2>/dev/null; then
            why+=" (the Duckgres process has exited)"
        fi
        RESULT[$1,$2]=error
        ERRORS+=("${SYS_NAME[$2]}, ${ROW_NAME[$1]}: $why")
        say "  $2 $1: error ($why)"
    fi
}

# record_na ROW SYSTEM: the measurement does not apply to that system (not a failure).
record_na() {
    RESULT[$1,$2]=n/a
    say "  $2 $1: n/a"
}

# record_down ROW SYSTEM: the system's server is not usable; its reason is reported once, not per measurement.
declare -A DOWN
record_down() {
    RESULT[$1,$2]=error
    if [ -z "${DOWN[$2]:-}" ]; then
        DOWN[$2]=1
        ERRORS+=("${SYS_NAME[$2]}, every measurement: $(down_reason "$2")")
    fi
    say "  $2 $1: error (server not usable)"
}

# Runs a bench tool, logging its stderr (the last run's also in $TOOL_ERR), and prints the number from its "result="
# line.
TOOL_ERR=$WORK/tool.err
tool_result() {
    local out rc
    out=$("$@" 2>"$TOOL_ERR")
    rc=$?
    cat "$TOOL_ERR" >>"$LOG"
    [ "$rc" = 0 ] || return 1
    echo "$out" | sed -n 's/^result=//p' | tail -n 1
}
# The last line of the last bench tool's stderr, for error reports.
tool_error() { tail -n 1 "$TOOL_ERR" 2>/dev/null | cut -c1-300; }

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" -v d="${3:-6}" 'BEGIN { printf "%.*f", d, b - a }'; }
min_of() { tr ' ' '\n' | grep -v '^$' | sort -g | head -n 1; }

# Server port for a system, or empty if that server is not usable.
port_of() {
    case $1 in
    duckgres) [ -z "$DUCKGRES_ERROR" ] && echo "$DG_PORT" ;;
    postgres) [ -z "$PG_ERROR" ] && echo "$PG_PORT" ;;
    esac
}
down_reason() {
    case $1 in
    duckgres) echo "$DUCKGRES_ERROR" ;;
    postgres) echo "$PG_ERROR" ;;
    esac
}

LOAD_T="CREATE TABLE t AS SELECT i::bigint AS id, random()::float8 AS a, md5(i::text) AS b,
 date '2000-01-01' + (i % 10000)::int AS c FROM generate_series(1, $ROWS) AS s(i)"
LOAD_BIG="CREATE TABLE big AS SELECT (i % 1000)::int AS k, random()::float8 AS v
 FROM generate_series(1, $BIG_ROWS) AS s(i)"
LOAD_POINT_DDL="CREATE TABLE point_t (id bigint PRIMARY KEY, v text)"
LOAD_POINT="INSERT INTO point_t SELECT i, md5(i::text) FROM generate_series(1, $POINT_ROWS) AS s(i)"
GROUP_BY="SELECT k, count(*), sum(v), avg(v) FROM big GROUP BY k"
INPROC_DB=$WORK/inprocess.duckdb
declare -A LOADED

load_server() { # system port
    local sys=$1 port=$2 start
    start=$(now)
    if ! psql_at "$port" -c 'DROP TABLE IF EXISTS t' -c 'DROP TABLE IF EXISTS big' -c 'DROP TABLE IF EXISTS point_t' \
        -c "$LOAD_T" -c "$LOAD_BIG" -c "$LOAD_POINT_DDL" -c "$LOAD_POINT" >>"$LOG" 2>&1; then
        return 1
    fi
    if [ "$sys" = postgres ]; then
        psql_at "$port" -c 'VACUUM (FREEZE, ANALYZE) t' -c 'VACUUM (FREEZE, ANALYZE) big' \
            -c 'VACUUM (FREEZE, ANALYZE) point_t' >>"$LOG" 2>&1 || return 1
    else
        psql_at "$port" -c 'CHECKPOINT' >>"$LOG" 2>&1 || say "bench: CHECKPOINT failed on Duckgres (ignored)"
    fi
    LOAD_SECONDS[$sys]=$(elapsed "$start" "$(now)" 2)
    local n_t n_big n_point
    n_t=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM t' 2>>"$LOG")
    n_big=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM big' 2>>"$LOG")
    n_point=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM point_t' 2>>"$LOG")
    if [ "$n_t" != "$ROWS" ] || [ "$n_big" != "$BIG_ROWS" ] || [ "$n_point" != "$POINT_ROWS" ]; then
        say "bench: $sys has $n_t / $n_big / $n_point rows instead of $ROWS / $BIG_ROWS / $POINT_ROWS"
        return 1
    fi
}

[ "$ONLY" = connections ] || say "bench: loading t ($ROWS rows), big ($BIG_ROWS rows) and point_t ($POINT_ROWS rows)"
for sys in "${SYS_KEYS[@]}"; do
    enabled "$sys" && [ "$ONLY" != connections ] || continue
    if [ "$sys" = duckdb ]; then
        start=$(now)
        if tool_result "$TOOLS/duckdb_bench" load "$INPROC_DB" "$ROWS" "$BIG_ROWS" "$POINT_ROWS" >/dev/null; then
            LOADED[$sys]=1
            LOAD_SECONDS[$sys]=$(elapsed "$start" "$(now)" 2)
        fi
    else
        port=$(port_of "$sys")
        [ -n "$port" ] && load_server "$sys" "$port" && LOADED[$sys]=1
    fi
    say "  $sys: ${LOAD_SECONDS[$sys]:-failed}"
done

CONNINFO_BASE="host=127.0.0.1 user=postgres password=postgres dbname=postgres"
SELECT1_SCRIPT=$WORK/select1.sql
echo 'SELECT 1;' >"$SELECT1_SCRIPT"
POINT_SCRIPT=$WORK/point.sql
printf '\\set id random(1, %s)\nSELECT v FROM point_t WHERE id = :id;\n' "$POINT_ROWS" >"$POINT_SCRIPT"
RATE_LIMIT=$((SECONDS_PER_RUN + 60))

# CPU time of a server in clock ticks, user and system, with that of the children it has reaped (PostgreSQL's
# backends, which exit with their connections); empty when it cannot be read.
server_cpu_ticks() { # system
    local pid=""
    case $1 in
    duckgres) pid=$DG_PID ;;
    postgres) pid=$(head -n 1 "$WORK/pg/data/postmaster.pid" 2>/dev/null) ;;
    esac
    [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 0
    sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 + $14 + $15 }'
}

# measure_conn ROW THREADS [CPU_ROW]: connections per second; with CPU_ROW also the server's CPU time per connection
# over the same run (PostgreSQL: postmaster and the backends it reaped).
measure_conn() {
    local row=$1 threads=$2 cpu_row=${3:-} sys port value before after logins
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" = duckdb ]; then
            value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/duckdb_bench" connect "$INPROC_DB" "$SECONDS_PER_RUN" \
                "$threads")
            record "$row" "$sys" "$value" "duckdb_bench connect failed"
            [ -n "$cpu_row" ] && record_na "$cpu_row" "$sys"
            continue
        fi
        port=$(port_of "$sys")
        if [ -z "$port" ]; then
            record_down "$row" "$sys"
            [ -n "$cpu_row" ] && record_down "$cpu_row" "$sys"
            continue
        fi
        before=$(server_cpu_ticks "$sys")
        value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/connect_bench" "$CONNINFO_BASE port=$port" \
            "$SECONDS_PER_RUN" "$threads")
        after=$(server_cpu_ticks "$sys")
        record "$row" "$sys" "$value" "connection attempts failed (see bench/results/latest.log)"
        [ -n "$cpu_row" ] || continue
        logins=$(sed -n 's/^connect_bench: \([0-9]*\) connections ok.*/\1/p' "$TOOL_ERR")
        value=""
        if [ -n "$before" ] && [ -n "$after" ] && [ "${logins:-0}" -gt 0 ]; then
            value=$(awk -v t=$((after - before)) -v n="$logins" -v hz="$(getconf CLK_TCK)" \
                'BEGIN { printf "%.4f", t * 1000 / hz / n }')
            say "  $sys $cpu_row: $((after - before)) ticks for $logins connections"
        fi
        record "$cpu_row" "$sys" "$value" "could not read the server's CPU time or the connection count"
    done
}

# measure_pgbench ROW CLIENTS THREADS MODE SCRIPT NEEDS_TABLES DUCKDB_SUBCOMMAND [DUCKDB_ARGS...]: pgbench tps without
# initial connection time on both servers; the in-process column runs `duckdb_bench SUBCOMMAND DB SECONDS CLIENTS
# ARGS...` (CLIENTS threads).
measure_pgbench() {
    local row=$1 clients=$2 threads=$3 mode=$4 script=$5 needs_tables=$6 sys port value out
    shift 6
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" != duckdb ] && [ -z "$(port_of "$sys")" ]; then
            record_down "$row" "$sys"
            continue
        fi
        if [ "$needs_tables" = 1 ] && [ -z "${LOADED[$sys]:-}" ]; then
            record "$row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            continue
        fi
        if [ "$sys" = duckdb ]; then
            value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/duckdb_bench" "$1" "$INPROC_DB" "$SECONDS_PER_RUN" \
                "$clients" "${@:2}")
            record "$row" "$sys" "$value" "duckdb_bench $1 failed: $(tool_error)"
            continue
        fi
        port=$(port_of "$sys")
        value=""
        if out=$(timeout "$RATE_LIMIT" pgbench -n -f "$script" -M "$mode" -c "$clients" -j "$threads" \
            -T "$SECONDS_PER_RUN" -p "$port" 2>&1); then
            value=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p')
        fi
        echo "$out" >>"$LOG"
        record "$row" "$sys" "$value" "pgbench failed: $(echo "$out" | grep -m 1 -iE 'error|fatal|abort' | cut -c1-300)"
    done
}

measure_scan() {
    local row=scan sys port value lines t0 times i
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" != duckdb ] && [ -z "$(port_of "$sys")" ]; then
            record_down "$row" "$sys"
            continue
        fi
        if [ -z "${LOADED[$sys]:-}" ]; then
            record "$row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            continue
        fi
        if [ "$sys" = duckdb ]; then
            value=$(tool_result "$TOOLS/duckdb_bench" scan "$INPROC_DB" "$REPEATS")
            record "$row" "$sys" "$value" "duckdb_bench scan failed"
            continue
        fi
        port=$(port_of "$sys")
        # Untimed warm-up that also checks that every row arrives.
        lines=$(timeout 600 psql -X -A -t -p "$port" -c 'SELECT * FROM t' 2>>"$LOG" | wc -l)
        if [ "$lines" != "$ROWS" ]; then
            record "$row" "$sys" "" "psql received $lines rows instead of $ROWS"
            continue
        fi
        times=""
        for i in $(seq "$REPEATS"); do
            t0=$(now)
            if ! timeout 600 psql -X -A -t -p "$port" -c 'SELECT * FROM t' >/dev/null 2>>"$LOG"; then
                times=""
                break
            fi
            times+=" $(elapsed "$t0" "$(now)")"
            say "    $sys run $i: $(echo "$times" | awk '{print $NF}') s"
        done
        value=$(echo "$times" | min_of)
        record "$row" "$sys" "$value" "psql SELECT * failed"
    done
}

measure_binread() {
    local row=binread sys port value
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" != duckdb ] && [ -z "$(port_of "$sys")" ]; then
            record_down "$row" "$sys"
            continue
        fi
        if [ -z "${LOADED[$sys]:-}" ]; then
            record "$row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            continue
        fi
        if [ "$sys" = duckdb ]; then
            value=$(tool_result "$TOOLS/duckdb_bench" fetch "$INPROC_DB" "$REPEATS")
            record "$row" "$sys" "$value" "duckdb_bench fetch failed: $(tool_error)"
            continue
        fi
        port=$(port_of "$sys")
        value=$(tool_result timeout 900 "$TOOLS/binary_read" "$CONNINFO_BASE port=$port" "$REPEATS" "$ROWS" \
            'SELECT * FROM t')
        record "$row" "$sys" "$value" "binary_read failed: $(tool_error)"
    done
}

T_IN_DDL="CREATE TABLE t_in (id bigint, a float8, b text, c date)"
COPY_BEST=""
COPY_ERR=""

# copy_best PORT DIRECTION(out|in) FORMAT(text|binary) FILE: an untimed warm-up and REPEATS timed psql \copy runs
# (wall clock of the psql process); "in" loads into a freshly created, empty t_in before each run. Sets COPY_BEST to
# the best seconds, or COPY_ERR to the reason of a failure.
copy_best() {
    local port=$1 dir=$2 format=$3 file=$4 opts="" cmd times="" t0 t i n err=$WORK/copy.err
    COPY_BEST=""
    COPY_ERR=""
    [ "$format" = binary ] && opts=" WITH (FORMAT binary)"
    if [ "$dir" = out ]; then
        cmd="\\copy t TO '$file'$opts"
    else
        cmd="\\copy t_in FROM '$file'$opts"
    fi
    for i in $(seq 0 "$REPEATS"); do
        if [ "$dir" = in ] && ! psql_at "$port" -c 'DROP TABLE IF EXISTS t_in' -c "$T_IN_DDL" >>"$LOG" 2>"$err"; then
            COPY_ERR="creating t_in failed: $(head -c 300 "$err" | tr -s '\n' ' ')"
            cat "$err" >>"$LOG"
            return 1
        fi
        t0=$(now)
        if ! timeout 600 psql -X -q -v ON_ERROR_STOP=1 -p "$port" -c "$cmd" >>"$LOG" 2>"$err"; then
            COPY_ERR="psql -c \"$cmd\" failed: $(head -c 300 "$err" | tr -s '\n' ' ')"
            cat "$err" >>"$LOG"
            return 1
        fi
        t=$(elapsed "$t0" "$(now)")
        cat "$err" >>"$LOG"
        if [ "$dir" = in ]; then
            n=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM t_in' 2>>"$LOG")
            if [ "$n" != "$ROWS" ]; then
                COPY_ERR="t_in has ${n:-no} rows after COPY FROM, expected $ROWS"
                return 1
            fi
        elif [ "$format" = text ]; then
            n=$(wc -l <"$file")
            if [ "$n" != "$ROWS" ]; then
                COPY_ERR="COPY TO wrote $n lines, expected $ROWS"
                return 1
            fi
        elif ! cmp -s -n 11 "$file" <(printf 'PGCOPY\n\377\r\n\0'); then
            COPY_ERR="the COPY TO (FORMAT binary) file does not start with the PGCOPY signature"
            return 1
        fi
        if [ "$i" = 0 ]; then
            say "    copy $dir $format warm-up: $t s"
        else
            say "    copy $dir $format run $i: $t s"
            times+=" $t"
        fi
    done
    COPY_BEST=$(echo "$times" | min_of)
}

# measure_copy FORMAT: COPY out of t into a file, then that file back into an empty table, per system. The
# in-process column (text only) is DuckDB's own COPY TO / FROM a CSV file.
measure_copy() {
    local format=$1 out_row=copyout_$1 in_row=copyin_$1 sys port value file
    say "bench: ${ROW_NAME[$out_row]} / ${ROW_NAME[$in_row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" != duckdb ] && [ -z "$(port_of "$sys")" ]; then
            record_down "$out_row" "$sys"
            record_down "$in_row" "$sys"
            continue
        fi
        if [ -z "${LOADED[$sys]:-}" ]; then
            record "$out_row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            record "$in_row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            continue
        fi
        file=$WORK/copy-$sys.$format
        if [ "$sys" = duckdb ]; then
            if [ "$format" != text ]; then
                record_na "$out_row" "$sys"
                record_na "$in_row" "$sys"
                continue
            fi
            value=$(tool_result "$TOOLS/duckdb_bench" copyout "$INPROC_DB" "$REPEATS" "$file.csv")
            record "$out_row" "$sys" "$value" "duckdb_bench copyout failed: $(tool_error)"
            value=""
            [ -s "$file.csv" ] && value=$(tool_result "$TOOLS/duckdb_bench" copyin "$INPROC_DB" "$REPEATS" "$file.csv")
            record "$in_row" "$sys" "$value" "duckdb_bench copyin failed: $(tool_error)"
            rm -f "$file.csv"
            continue
        fi
        port=$(port_of "$sys")
        copy_best "$port" out "$format" "$file"
        record "$out_row" "$sys" "$COPY_BEST" "$COPY_ERR"
        if [ -z "$COPY_BEST" ]; then
            record "$in_row" "$sys" "" "not measured: it needs the file that COPY out failed to write"
            continue
        fi
        copy_best "$port" in "$format" "$file"
        record "$in_row" "$sys" "$COPY_BEST" "$COPY_ERR"
        psql_at "$port" -c 'DROP TABLE IF EXISTS t_in' >>"$LOG" 2>&1
        rm -f "$file"
    done
}

measure_groupby() {
    local row=groupby sys port value out script
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" != duckdb ] && [ -z "$(port_of "$sys")" ]; then
            record_down "$row" "$sys"
            continue
        fi
        if [ -z "${LOADED[$sys]:-}" ]; then
            record "$row" "$sys" "" "loading the tables failed (see bench/results/latest.log)"
            continue
        fi
        if [ "$sys" = duckdb ]; then
            value=$(tool_result "$TOOLS/duckdb_bench" groupby "$INPROC_DB" "$REPEATS")
            record "$row" "$sys" "$value" "duckdb_bench groupby failed"
            continue
        fi
        port=$(port_of "$sys")
        # One psql session: an untimed warm-up, then REPEATS runs timed by psql's \timing (query round trip).
        script="\\timing on"$'\n'
        for _ in $(seq $((REPEATS + 1))); do
            script+="$GROUP_BY;"$'\n'
        done
        value=""
        if out=$(echo "$script" | timeout 900 psql -X -A -t -v ON_ERROR_STOP=1 -p "$port" 2>>"$LOG"); then
            groups=$(echo "$out" | grep -c '|')
            if [ "$groups" = $((1000 * (REPEATS + 1))) ]; then
                value=$(echo "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2 |
                    awk '{ printf "%.6f ", $1 / 1000 }' | min_of)
            fi
            echo "$out" | grep '^Time:' >>"$LOG"
        fi
        record "$row" "$sys" "$value" "psql GROUP BY failed or returned the wrong number of groups"
    done
}

measure_conn conn1 1 conncpu
measure_conn conn4 4
if [ "$ONLY" = connections ]; then
    say "bench: BENCH_ONLY=connections: the other measurements are skipped"
else
    measure_pgbench tps1 1 1 simple "$SELECT1_SCRIPT" 0 select1
    measure_pgbench tps8 8 2 simple "$SELECT1_SCRIPT" 0 select1
    measure_pgbench ptps1 1 1 prepared "$SELECT1_SCRIPT" 0 select1p
    measure_pgbench ptps8 8 2 prepared "$SELECT1_SCRIPT" 0 select1p
    measure_pgbench point1 1 1 prepared "$POINT_SCRIPT" 1 point "$POINT_ROWS"
    measure_pgbench point8 8 2 prepared "$POINT_SCRIPT" 1 point "$POINT_ROWS"
    measure_scan
    measure_binread
    measure_copy text
    measure_copy binary
    measure_groupby
fi

# ---- report -------------------------------------------------------------------------------------------------------

fmt() { # row value
    case $2 in
    error | n/a | "") echo "${2:-n/a}" ;;
    *)
        case $1 in
        conncpu) awk -v v="$2" 'BEGIN { printf "%.3f", v }' ;;
        scan | binread | copy* | groupby) awk -v v="$2" 'BEGIN { printf (v < 0.1 ? "%.4f" : "%.3f"), v }' ;;
        *) thousands "$(printf '%.0f' "$2")" ;;
        esac
        ;;
    esac
}
cell() { # row system
    if [ "$ONLY" = connections ] && [ -z "${RESULT[$1,$2]:-}" ]; then
        echo "skipped"
    elif enabled "$2"; then
        fmt "$1" "${RESULT[$1,$2]:-error}"
    else
        echo "skipped"
    fi
}

PG_VERSION=$([ -z "$PG_ERROR" ] && enabled postgres &&
    psql -X -A -t -p "$PG_PORT" -c 'SHOW server_version' 2>/dev/null | cut -d' ' -f1)
DUCKDB_VERSION=$("$TOOLS/duckdb_bench" version 2>/dev/null | sed -n 's/^result=//p')
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)

# Plain-text table on stdout.
{
    echo
    printf '%-42s | %16s | %16s | %18s\n' "" "${SYS_NAME[duckgres]}" "${SYS_NAME[postgres]}" "${SYS_NAME[duckdb]}"
    printf '%s\n' "$(printf '%.0s-' $(seq 102))"
    for row in "${ROW_KEYS[@]}"; do
        printf '%-42s | %16s | %16s | %18s\n' "${ROW_NAME[$row]}" "$(cell "$row" duckgres)" "$(cell "$row" postgres)" \
            "$(cell "$row" duckdb)"
    done
    echo
    echo "Rates are per second (higher is better); times are seconds (lower is better). TCP 127.0.0.1, sslmode=disable."
    echo "PK point query: SELECT v FROM point_t WHERE id = random 1..$POINT_ROWS (id PRIMARY KEY). COPY: psql \\copy"
    echo "to/from a file (binary: WITH (FORMAT binary), the file the same server wrote). Binary read: libpq, resultFormat=1."
    echo "DuckDB in-process: connections = duckdb_connect+duckdb_disconnect/s; SELECT 1 = duckdb_query/s, prepared ="
    echo "duckdb_execute_prepared/s (one connection per thread); point query = duckdb_bind_int64 + duckdb_execute_prepared;"
    echo "SELECT * = C API fetch of all chunks formatted as text; binary read = C API fetch reading every value;"
    echo "COPY text = DuckDB's own COPY TO / FROM a CSV file (binary: n/a); GROUP BY = duckdb_query."
    for e in "${ERRORS[@]}"; do
        echo "error: $e"
    done
} | tee -a "$LOG"

# Markdown copy.
MD=$RESULTS_DIR/latest.md
{
    echo "# Duckgres benchmark results"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit ${COMMIT:-unknown}; $(nproc) cores (${CPU:-unknown CPU}), $MEM;"
    echo "PostgreSQL ${PG_VERSION:-n/a}, DuckDB ${DUCKDB_VERSION:-n/a}. Scale: t = $ROWS rows, big = $BIG_ROWS rows,"
    echo "point_t = $POINT_ROWS rows; rate runs ${SECONDS_PER_RUN} s each; SELECT *, binary read, COPY and GROUP BY"
    echo "best of $REPEATS after one warm-up."
    echo
    echo "| Measurement | ${SYS_NAME[duckgres]} | ${SYS_NAME[postgres]} | ${SYS_NAME[duckdb]} |"
    echo "| --- | ---: | ---: | ---: |"
    for row in "${ROW_KEYS[@]}"; do
        echo "| ${ROW_NAME[$row]} | $(cell "$row" duckgres) | $(cell "$row" postgres) | $(cell "$row" duckdb) |"
    done
    echo
    echo "Load time of the three tables (s): Duckgres ${LOAD_SECONDS[duckgres]:-n/a}," \
        "PostgreSQL ${LOAD_SECONDS[postgres]:-n/a} (incl. VACUUM FREEZE ANALYZE), DuckDB ${LOAD_SECONDS[duckdb]:-n/a}."
    echo
    echo "- All clients use TCP to 127.0.0.1 with sslmode=disable, user postgres / password postgres (SCRAM-SHA-256)."
    echo "- PostgreSQL 15 runs with fsync=off, synchronous_commit=off, full_page_writes=off, shared_buffers=1GB,"
    echo "  work_mem=256MB, maintenance_work_mem=1GB; everything else default (parallel query and JIT on)."
    echo "- Connections/s: bench/connect_bench (libpq) opens and closes connections back to back on 1 or 4 threads."
    echo "  DuckDB in-process: duckdb_connect + duckdb_disconnect per second on an open database (no auth, no socket)."
    echo "- Server CPU per SCRAM login: the server's user + system CPU time over the 1-client connection run divided"
    echo "  by its connections (PostgreSQL: the postmaster plus the backends it reaped)."
    echo "- SELECT 1 tps: pgbench -n -M simple -f 'SELECT 1;' with -c 1 -j 1 and -c 8 -j 2, tps without initial"
    echo "  connection time. DuckDB in-process: duckdb_query(\"SELECT 1\") + reading the value, 1 or 8 threads."
    echo "- SELECT 1 tps, prepared: the same with -M prepared. DuckDB in-process: one duckdb_prepare per thread, then"
    echo "  duckdb_execute_prepared + reading the value in a loop."
    echo "- PK point query: pgbench -n -M prepared with \`\\set id random(1, $POINT_ROWS)\` and"
    echo "  \`SELECT v FROM point_t WHERE id = :id;\`, -c 1 -j 1 and -c 8 -j 2; point_t is"
    echo "  \`$LOAD_POINT_DDL\` loaded with \`$LOAD_POINT\`."
    echo "  DuckDB in-process: the prepared statement with duckdb_bind_int64 + duckdb_execute_prepared in a loop,"
    echo "  1 or 8 threads (a connection and statement each)."
    echo "- SELECT *: wall clock of \`psql -X -A -t -c 'SELECT * FROM t' > /dev/null\` (includes connecting)."
    echo "  DuckDB in-process: stream the same query through the C API and write every value as text to /dev/null."
    echo "- libpq binary read: bench/binary_read, one connection, PQsendQueryParams('SELECT * FROM t', resultFormat=1)"
    echo "  in single-row mode (chunked mode with libpq 17+), every value decoded; time from sending to the last row."
    echo "  DuckDB in-process: stream the same query through the C API reading every value (no text formatting)."
    echo "- COPY out: wall clock of \`psql -c \"\\copy t TO 'file'\"\` (text) or \`... WITH (FORMAT binary)\`;"
    echo "  COPY in: \`psql -c \"\\copy t_in FROM 'file'\"\` of that same file (written by the same server) into an"
    echo "  empty \`$T_IN_DDL\`. Both include starting psql and connecting."
    echo "  DuckDB in-process (text rows only): DuckDB's own \`COPY t TO 'file.csv' (FORMAT csv, HEADER false)\` and"
    echo "  COPY t_in FROM it through duckdb_query; DuckDB has no PostgreSQL binary COPY format (n/a)."
    echo "- GROUP BY: \`$GROUP_BY\` timed by psql \\timing (1,000 groups)."
    echo "  DuckDB in-process: duckdb_query and reading the result."
    echo "- The machine is shared; numbers are indicative, compare columns of the same run."
    if [ ${#ERRORS[@]} -gt 0 ]; then
        echo
        echo "## Failures"
        echo
        for e in "${ERRORS[@]}"; do
            echo "- $e"
        done
    fi
} >"$MD"
echo "bench: wrote $MD (details in $LOG)" >&2
exit 0

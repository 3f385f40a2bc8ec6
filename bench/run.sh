#!/usr/bin/env bash
# Duckgres benchmark suite: the one command. Runs every measurement against Duckgres, PostgreSQL 15 and in-process
# DuckDB in the same run and prints one table (also written to bench/results/latest.md).
#
#   bench/run.sh                  full run: 1M-row SELECT *, 10M-row GROUP BY, 15 s per rate measurement (~3.5 min)
#   BENCH_QUICK=1 bench/run.sh    smoke run: 100k / 1M rows, 3 s per rate measurement (~1 min)
#
# Environment overrides:
#   BENCH_ROWS=N            rows of table t for the psql SELECT * measurement   (default 1000000, quick 100000)
#   BENCH_BIG_ROWS=N        rows of table big for the GROUP BY measurement     (default 10000000, quick 1000000)
#   BENCH_SECONDS=S         duration of each connection-rate and pgbench run   (default 15, quick 3)
#   BENCH_REPEATS=N         timed repetitions for SELECT * and GROUP BY, best is reported (default 3)
#   BENCH_SYSTEMS=LIST      subset of "duckgres,postgres,duckdb"              (default all three)
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
    SECONDS_PER_RUN=${BENCH_SECONDS:-3}
else
    ROWS=${BENCH_ROWS:-1000000}
    BIG_ROWS=${BENCH_BIG_ROWS:-10000000}
    SECONDS_PER_RUN=${BENCH_SECONDS:-15}
fi
REPEATS=${BENCH_REPEATS:-3}
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

# Builds duckdb_bench and connect_bench through CMake; when the CMake tree does not configure or build (the rest of
# the project may be mid-change), compiles the two single-file tools directly instead.
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
            -o "$TOOLS/connect_bench" "${pq_libs[@]}" -pthread >>"$LOG" 2>&1
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
for tool in duckdb_bench connect_bench; do
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
ROW_KEYS=(conn1 conn4 tps1 tps8 scan groupby)
SYS_KEYS=(duckgres postgres duckdb)
declare -A SYS_NAME=([duckgres]="Duckgres" [postgres]="PostgreSQL 15" [duckdb]="DuckDB in-process")
declare -A ROW_NAME=(
    [conn1]="Connections/s, SCRAM, 1 client"
    [conn4]="Connections/s, SCRAM, 4 clients"
    [tps1]="SELECT 1 tps, 1 client"
    [tps8]="SELECT 1 tps, 8 clients"
    [scan]="psql SELECT * of $(thousands "$ROWS") x 4 cols, s"
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

# Runs a bench tool, logging its stderr, and prints the number from its "result=" line.
tool_result() {
    local out
    out=$("$@" 2>>"$LOG") || return 1
    echo "$out" | sed -n 's/^result=//p' | tail -n 1
}

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
GROUP_BY="SELECT k, count(*), sum(v), avg(v) FROM big GROUP BY k"
INPROC_DB=$WORK/inprocess.duckdb
declare -A LOADED

load_server() { # system port
    local sys=$1 port=$2 start
    start=$(now)
    if ! psql_at "$port" -c 'DROP TABLE IF EXISTS t' -c 'DROP TABLE IF EXISTS big' -c "$LOAD_T" -c "$LOAD_BIG" \
        >>"$LOG" 2>&1; then
        return 1
    fi
    if [ "$sys" = postgres ]; then
        psql_at "$port" -c 'VACUUM (FREEZE, ANALYZE) t' -c 'VACUUM (FREEZE, ANALYZE) big' >>"$LOG" 2>&1 || return 1
    else
        psql_at "$port" -c 'CHECKPOINT' >>"$LOG" 2>&1 || say "bench: CHECKPOINT failed on Duckgres (ignored)"
    fi
    LOAD_SECONDS[$sys]=$(elapsed "$start" "$(now)" 2)
    local n_t n_big
    n_t=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM t' 2>>"$LOG")
    n_big=$(psql_at "$port" -A -t -c 'SELECT count(*) FROM big' 2>>"$LOG")
    if [ "$n_t" != "$ROWS" ] || [ "$n_big" != "$BIG_ROWS" ]; then
        say "bench: $sys has $n_t / $n_big rows instead of $ROWS / $BIG_ROWS"
        return 1
    fi
}

say "bench: loading t ($ROWS rows) and big ($BIG_ROWS rows)"
for sys in "${SYS_KEYS[@]}"; do
    enabled "$sys" || continue
    if [ "$sys" = duckdb ]; then
        start=$(now)
        if tool_result "$TOOLS/duckdb_bench" load "$INPROC_DB" "$ROWS" "$BIG_ROWS" >/dev/null; then
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
RATE_LIMIT=$((SECONDS_PER_RUN + 60))

measure_conn() { # row threads
    local row=$1 threads=$2 sys port value
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" = duckdb ]; then
            value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/duckdb_bench" connect "$INPROC_DB" "$SECONDS_PER_RUN" \
                "$threads")
            record "$row" "$sys" "$value" "duckdb_bench connect failed"
            continue
        fi
        port=$(port_of "$sys")
        if [ -z "$port" ]; then
            record_down "$row" "$sys"
            continue
        fi
        value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/connect_bench" "$CONNINFO_BASE port=$port" \
            "$SECONDS_PER_RUN" "$threads")
        record "$row" "$sys" "$value" "connection attempts failed (see bench/results/latest.log)"
    done
}

measure_tps() { # row clients threads
    local row=$1 clients=$2 threads=$3 sys port value out
    say "bench: ${ROW_NAME[$row]}"
    for sys in "${SYS_KEYS[@]}"; do
        enabled "$sys" || continue
        if [ "$sys" = duckdb ]; then
            value=$(tool_result timeout "$RATE_LIMIT" "$TOOLS/duckdb_bench" select1 "$INPROC_DB" "$SECONDS_PER_RUN" \
                "$clients")
            record "$row" "$sys" "$value" "duckdb_bench select1 failed"
            continue
        fi
        port=$(port_of "$sys")
        if [ -z "$port" ]; then
            record_down "$row" "$sys"
            continue
        fi
        value=""
        if out=$(timeout "$RATE_LIMIT" pgbench -n -f "$SELECT1_SCRIPT" -M simple -c "$clients" -j "$threads" \
            -T "$SECONDS_PER_RUN" -p "$port" 2>&1); then
            value=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p')
        fi
        echo "$out" >>"$LOG"
        record "$row" "$sys" "$value" "pgbench failed: $(echo "$out" | grep -m 1 -iE 'error|fatal|abort' | cut -c1-200)"
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

measure_conn conn1 1
measure_conn conn4 4
measure_tps tps1 1 1
measure_tps tps8 8 2
measure_scan
measure_groupby

# ---- report -------------------------------------------------------------------------------------------------------

fmt() { # row value
    case $2 in
    error | "") echo "${2:-n/a}" ;;
    *)
        case $1 in
        scan | groupby) awk -v v="$2" 'BEGIN { printf (v < 0.1 ? "%.4f" : "%.3f"), v }' ;;
        *) thousands "$(printf '%.0f' "$2")" ;;
        esac
        ;;
    esac
}
cell() { # row system
    if enabled "$2"; then
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
    printf '%-40s | %16s | %16s | %18s\n' "" "${SYS_NAME[duckgres]}" "${SYS_NAME[postgres]}" "${SYS_NAME[duckdb]}"
    printf '%s\n' "$(printf '%.0s-' $(seq 100))"
    for row in "${ROW_KEYS[@]}"; do
        printf '%-40s | %16s | %16s | %18s\n' "${ROW_NAME[$row]}" "$(cell "$row" duckgres)" "$(cell "$row" postgres)" \
            "$(cell "$row" duckdb)"
    done
    echo
    echo "Rates are per second (higher is better); times are seconds (lower is better). TCP 127.0.0.1, sslmode=disable."
    echo "DuckDB in-process: connections = duckdb_connect+duckdb_disconnect/s; SELECT 1 = duckdb_query/s (one"
    echo "connection per thread); SELECT * = C API fetch of all chunks formatted as text; GROUP BY = duckdb_query."
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
    echo "PostgreSQL ${PG_VERSION:-n/a}, DuckDB ${DUCKDB_VERSION:-n/a}. Scale: t = $ROWS rows, big = $BIG_ROWS rows;"
    echo "rate runs ${SECONDS_PER_RUN} s each; SELECT * and GROUP BY best of $REPEATS after one warm-up."
    echo
    echo "| Measurement | ${SYS_NAME[duckgres]} | ${SYS_NAME[postgres]} | ${SYS_NAME[duckdb]} |"
    echo "| --- | ---: | ---: | ---: |"
    for row in "${ROW_KEYS[@]}"; do
        echo "| ${ROW_NAME[$row]} | $(cell "$row" duckgres) | $(cell "$row" postgres) | $(cell "$row" duckdb) |"
    done
    echo
    echo "Load time of both tables (s): Duckgres ${LOAD_SECONDS[duckgres]:-n/a}," \
        "PostgreSQL ${LOAD_SECONDS[postgres]:-n/a} (incl. VACUUM FREEZE ANALYZE), DuckDB ${LOAD_SECONDS[duckdb]:-n/a}."
    echo
    echo "- All clients use TCP to 127.0.0.1 with sslmode=disable, user postgres / password postgres (SCRAM-SHA-256)."
    echo "- PostgreSQL 15 runs with fsync=off, synchronous_commit=off, full_page_writes=off, shared_buffers=1GB,"
    echo "  work_mem=256MB, maintenance_work_mem=1GB; everything else default (parallel query and JIT on)."
    echo "- Connections/s: bench/connect_bench (libpq) opens and closes connections back to back on 1 or 4 threads."
    echo "  DuckDB in-process: duckdb_connect + duckdb_disconnect per second on an open database (no auth, no socket)."
    echo "- SELECT 1 tps: pgbench -n -M simple -f 'SELECT 1;' with -c 1 -j 1 and -c 8 -j 2, tps without initial"
    echo "  connection time. DuckDB in-process: duckdb_query(\"SELECT 1\") + reading the value, 1 or 8 threads."
    echo "- SELECT *: wall clock of \`psql -X -A -t -c 'SELECT * FROM t' > /dev/null\` (includes connecting)."
    echo "  DuckDB in-process: stream the same query through the C API and write every value as text to /dev/null."
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

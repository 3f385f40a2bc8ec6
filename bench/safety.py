#!/usr/bin/python3
"""Query-safety measurements, Duckgres next to PostgreSQL 15 (and DuckDB in-process for cancellation):

1. Cancel latency: a running aggregation is cancelled after 0.5 s through the client's cancel request
   (psycopg's cancel()); the time from the cancel call to the client's 57014 error, median of N runs.
   In-process DuckDB: the same query interrupted with duckdb_interrupt (bench/duckdb_bench cancel).
2. Connection storm: 2,000 concurrent asyncpg connection attempts against max_connections 100; every
   accepted connection is held until all attempts are over. Reported: accepted, refused (53300), other
   errors, wall time, and the server's resident memory (VmRSS; PostgreSQL: all its processes) before the
   storm and after every connection closed.

    /usr/bin/python3 bench/safety.py            # 20 cancels, 2,000 attempts (about 2 minutes)
    SAFETY_CANCELS=5 SAFETY_ATTEMPTS=500 /usr/bin/python3 bench/safety.py

The servers are started with the integration tests' harness (tests/integration/harness.py): Duckgres from
build/duckgres with TLS off and max_connections 100, PostgreSQL 15 from a fresh initdb with
max_connections 100; both authenticate with SCRAM-SHA-256. Results go to stdout and
bench/results/safety.md. No test runs this.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "integration"))

import asyncpg  # noqa: E402
import psycopg  # noqa: E402

import harness  # noqa: E402

CANCELS = int(os.environ.get("SAFETY_CANCELS", "20"))
ATTEMPTS = int(os.environ.get("SAFETY_ATTEMPTS", "2000"))
MAX_CONNECTIONS = 100
# An aggregation that runs for many seconds on both servers (10^10 rows of a cross join).
AGGREGATION = "SELECT sum(a::bigint * b) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"
DUCKDB_AGGREGATION = "SELECT sum(a.i * b.i) FROM range(100000) a(i), range(100000) b(i)"


def cancel_latency(server: harness.Server) -> float:
    latencies = []
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        for _ in range(CANCELS):
            cancelled_at: list[float] = []

            def cancel() -> None:
                cancelled_at.append(time.monotonic())
                conn.cancel()

            timer = threading.Timer(0.5, cancel)
            timer.start()
            try:
                conn.execute(AGGREGATION)
                raise RuntimeError(f"{server.kind}: the aggregation finished before the cancel")
            except psycopg.errors.QueryCanceled:
                latencies.append(time.monotonic() - cancelled_at[0])
            timer.join()
    return statistics.median(latencies)


def duckdb_cancel_latency() -> float | None:
    tool = REPO / "build" / "bench" / "duckdb_bench"
    if not tool.exists():
        return None
    out = subprocess.run([str(tool), "cancel", ":memory:", DUCKDB_AGGREGATION, str(CANCELS), "0.5"],
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return float(out.strip().split("=")[1])


def rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def server_pids(server: harness.Server) -> list[int]:
    if isinstance(server, harness.DuckgresServer):
        return [server.proc.pid]
    postmaster = int((server.pgdata / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
    return [postmaster] + [int(pid) for pid in children]


async def storm(server: harness.Server) -> dict:
    release = asyncio.Event()
    outcomes = {"accepted": 0, "refused": 0, "errors": 0}
    errors: dict[str, int] = {}

    async def attempt() -> None:
        try:
            conn = await asyncpg.connect(host=server.host, port=server.port, user=server.user,
                                         password=server.password, database="postgres", ssl=False, timeout=120)
        except asyncpg.exceptions.TooManyConnectionsError:
            outcomes["refused"] += 1
            return
        except Exception as error:  # noqa: BLE001 - counted by kind
            outcomes["errors"] += 1
            errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            return
        outcomes["accepted"] += 1
        await release.wait()
        await conn.close()

    started = time.monotonic()
    tasks = [asyncio.create_task(attempt()) for _ in range(ATTEMPTS)]
    while sum(outcomes.values()) < ATTEMPTS:
        await asyncio.sleep(0.05)
        if time.monotonic() - started > 300:
            break
    outcomes["seconds"] = time.monotonic() - started
    release.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    outcomes["error_kinds"] = errors
    return outcomes


def connection_storm(server: harness.Server) -> dict:
    pids = server_pids(server)
    before = rss_kib(server_pids(server))
    result = asyncio.run(storm(server))
    time.sleep(2)  # sessions finish closing
    result["rss_before_mib"] = before / 1024
    result["rss_after_mib"] = rss_kib(server_pids(server)) / 1024
    result["server_up"] = all(os.path.exists(f"/proc/{pid}") for pid in pids[:1])
    return result


def main() -> int:
    duckgres = harness.DuckgresServer(config={"tls": {"mode": "off"}, "max_connections": MAX_CONNECTIONS},
                                      log_level="info").start()
    postgres = harness.PostgresServer(settings={"max_connections": str(MAX_CONNECTIONS)}).start()
    try:
        rows = []
        print(f"cancel latency: {CANCELS} cancels each ...", file=sys.stderr)
        dg_cancel, pg_cancel, duck_cancel = cancel_latency(duckgres), cancel_latency(postgres), duckdb_cancel_latency()
        rows.append(("cancel latency, median of %d, ms" % CANCELS, f"{dg_cancel * 1000:.1f}",
                     f"{pg_cancel * 1000:.1f}", "n/a" if duck_cancel is None else f"{duck_cancel * 1000:.2f}"))
        print(f"connection storm: {ATTEMPTS} attempts each ...", file=sys.stderr)
        dg, pg = connection_storm(duckgres), connection_storm(postgres)
        for key, label in [("accepted", "accepted"), ("refused", "refused (53300)"), ("errors", "other errors")]:
            rows.append((f"{ATTEMPTS} attempts, max_connections {MAX_CONNECTIONS}: {label}", str(dg[key]),
                         str(pg[key]), "n/a"))
        rows.append(("connection storm wall time, s", f"{dg['seconds']:.1f}", f"{pg['seconds']:.1f}", "n/a"))
        rows.append(("server memory before / after the storm, MiB",
                     f"{dg['rss_before_mib']:.0f} / {dg['rss_after_mib']:.0f}",
                     f"{pg['rss_before_mib']:.0f} / {pg['rss_after_mib']:.0f}", "n/a"))
        if dg["error_kinds"] or pg["error_kinds"]:
            print(f"error kinds: duckgres {dg['error_kinds']}, postgres {pg['error_kinds']}", file=sys.stderr)
        lines = ["| measurement | Duckgres | PostgreSQL 15 | DuckDB in-process |", "| --- | ---: | ---: | ---: |"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
        text = "\n".join(lines)
        print(text)
        results = REPO / "bench" / "results"
        results.mkdir(exist_ok=True)
        (results / "safety.md").write_text(text + "\n")
        return 0 if duckgres.running() else 1
    finally:
        duckgres.cleanup()
        postgres.cleanup()


if __name__ == "__main__":
    sys.exit(main())

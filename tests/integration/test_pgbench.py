"""pgbench against Duckgres: initialization (COPY, storage options, ALTER TABLE ADD PRIMARY KEY,
VACUUM) and the standard TPC-B-like run through the simple, extended and prepared protocols."""
from __future__ import annotations

import os
import re
import subprocess

import pytest


def run_pgbench(server, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PGPASSWORD="postgres")
    return subprocess.run(["pgbench", *args, server.conninfo()], env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow
def test_pgbench_initialize_and_run(duckgres) -> None:
    init = run_pgbench(duckgres, "-i", "-q", "-s", "10")
    assert init.returncode == 0, init.stderr
    assert "done in" in init.stderr
    for mode in ("simple", "extended", "prepared"):
        run = run_pgbench(duckgres, "-n", "-M", mode, "-t", "100")
        assert run.returncode == 0, (mode, run.stderr)
        assert re.search(r"number of failed transactions: 0 \(0\.000%\)", run.stdout), (mode, run.stdout)
        assert "number of transactions actually processed: 100/100" in run.stdout, (mode, run.stdout)
    # The data pgbench wrote is consistent: history rows match the balance changes.
    check = subprocess.run(
        ["psql", "-X", "-A", "-t", duckgres.conninfo(), "-c",
         "select (select count(*) from pgbench_accounts), (select count(*) from pgbench_history), "
         "(select sum(abalance) from pgbench_accounts) = (select sum(delta) from pgbench_history)"],
        env=dict(os.environ, PGPASSWORD="postgres"), capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "1000000|300|t"
    cleanup = run_pgbench(duckgres, "-i", "-I", "d")
    assert cleanup.returncode == 0, cleanup.stderr

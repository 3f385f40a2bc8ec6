"""node-postgres (`pg` from npm, installed by scripts/setup.sh into <repo>/deps/node) against
Duckgres and the reference PostgreSQL 15.

node/pg_check.js runs every scenario in one node process per server and prints one JSON line per
scenario; Duckgres must give the same JSON as PostgreSQL. See the script for the scenarios.
"""
from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "node" / "pg_check.js"
NODE_MODULES = Path(os.environ.get("DUCKGRES_NODE_MODULES", harness.REPO_ROOT / "deps" / "node" / "node_modules"))
SCENARIOS = ["params", "prepared", "pool", "transactions", "errors", "simple"]
RUN_TIMEOUT = 240


@pytest.fixture(scope="module")
def node_run():
    """run(server) -> {scenario: parsed JSON line}: one node process per server and module."""
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "pg" / "package.json").is_file():
        pytest.fail(f"node or node-postgres ({NODE_MODULES}/pg) is missing: run scripts/setup.sh", pytrace=False)
    cache: dict[int, dict] = {}

    def run(server: harness.Server) -> dict:
        if id(server) not in cache:
            env = dict(os.environ, TZ="UTC", NODE_PATH=str(NODE_MODULES), DUCKGRES_NODE_MODULES=str(NODE_MODULES))
            env = {k: v for k, v in env.items() if not k.startswith("PG")}
            proc = subprocess.run([node, str(SCRIPT), server.host, str(server.port), server.user, server.password,
                                   *SCENARIOS], capture_output=True, text=True, encoding="utf-8", env=env,
                                  timeout=RUN_TIMEOUT)
            results = {}
            for line in proc.stdout.splitlines():
                if line.startswith("{"):
                    item = json.loads(line)
                    results[item["scenario"]] = item
            results["__proc__"] = proc
            cache[id(server)] = results
        return cache[id(server)]

    return run


def _scenario(results: dict, scenario: str, kind: str) -> dict:
    if scenario not in results:
        proc = results["__proc__"]
        raise AssertionError(f"no output for scenario {scenario} from {kind} (exit {proc.returncode}):\n"
                             f"{proc.stdout[-4000:]}\n--- stderr ---\n{proc.stderr[-4000:]}")
    return results[scenario]


def _pretty(value) -> list[str]:
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False).splitlines()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_node_pg_scenario(scenario: str, node_run, duckgres, pg) -> None:
    ref = _scenario(node_run(pg), scenario, "postgresql")
    got = _scenario(node_run(duckgres), scenario, "duckgres")
    assert "error" not in ref, f"the scenario fails on the reference PostgreSQL (a test bug):\n{ref['error']['stack']}"
    if "error" in got:
        pytest.fail(f"node-postgres scenario {scenario!r} threw on Duckgres: {got['error']['code']} "
                    f"{got['error']['message']}\n{got['error']['stack']}", pytrace=False)
    if got["result"] != ref["result"]:
        diff = "\n".join(difflib.unified_diff(_pretty(ref["result"]), _pretty(got["result"]), "postgresql",
                                              "duckgres", lineterm=""))
        pytest.fail(f"node-postgres scenario {scenario!r}: Duckgres differs from PostgreSQL 15:\n{diff}",
                    pytrace=False)
    result = got["result"]
    # Checks of the answers themselves, so that two equally wrong servers cannot pass.
    if scenario == "pool":
        assert result["wrong"] == [] and result["poolAtMost8"] and result["usedSeveral"], result
        assert result["summary"]["rows"] == [{"n": {"string": "100"}, "total": {"string": "20000"},
                                              "lo": {"number": 1}, "hi": {"number": 199}}], result["summary"]
        assert result["committedTags"]["rows"] == [{"n": {"string": "12"}}]
    elif scenario == "errors":
        assert result["codes"] == {
            "undefinedTable": "42P01", "undefinedTableParams": "42P01", "undefinedColumn": "42703",
            "uniqueViolation": "23505", "notNullViolation": "23502", "divisionByZero": "22012",
            "divisionByZeroParams": "22012", "syntaxError": "42601", "invalidInteger": "22P02",
            "namedStatementError": "22012",
        }, result["codes"]
    elif scenario == "transactions":
        steps = {step[0]: step[1:] for step in result["steps"]}
        assert steps["inside: a, b"] == [2, 0] and steps["after commit: a, b"] == [2, 2]
        assert steps["before rollback: a, b"] == [3, 2] and steps["after rollback: a, b"] == [2, 2]
        assert steps["error in tx"] == ["23505"] and steps["next in tx"] == ["25P02"]
        assert steps["commit of aborted tx"] == ["ROLLBACK"]
    elif scenario == "prepared":
        assert result["counts"] == [1] * 20 and result["dup"] == "23505"

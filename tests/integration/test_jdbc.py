"""pgjdbc (Debian's libpostgresql-jdbc-java) against Duckgres and the reference PostgreSQL 15.

jdbc/DuckgresJdbcCheck.java is compiled once per session and run in one JVM per server with every
scenario; each scenario prints result lines, and Duckgres must print the same lines as PostgreSQL
(lines starting with "~", the server version, are checked separately). See the Java file for what
each scenario does.
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "jdbc" / "DuckgresJdbcCheck.java"
JDBC_JAR = Path(os.environ.get("DUCKGRES_JDBC_JAR", "/usr/share/java/postgresql.jar"))
SCENARIOS = ["connect", "types", "prepared", "batch", "fetchsize", "errors", "transactions", "java_api",
             "isolation", "metadata", "cancel"]
RUN_TIMEOUT = 240

# Lines each scenario must print on both servers (on top of Duckgres matching PostgreSQL), so that
# two equally wrong answers cannot pass.
EXPECTED_LINES = {
    "connect": ["product=PostgreSQL", "valid=true", "wrong password: sqlstate=28P01", "~major=15"],
    "types": [
        "column n type=2 typename=numeric precision=10 scale=3 class=java.math.BigDecimal",
        "column tstz type=93 typename=timestamptz precision=35 scale=6 class=java.sql.Timestamp",
        "column amount type=2 typename=numeric precision=10 scale=2 class=java.math.BigDecimal",
        "getInt(null)=0 wasNull=true",
    ],
    "prepared": ["insert 12 -> 1", "update 7 -> 7"],
    "metadata": ["table | TABLE_SCHEM=public | TABLE_NAME=jdbc_meta_parent | TABLE_TYPE=TABLE",
                 "pk | TABLE_NAME=jdbc_meta_parent | COLUMN_NAME=id | KEY_SEQ=1 | PK_NAME=jdbc_meta_parent_pkey"],
    "batch": [
        "prepared batch counts=[" + ", ".join(["1"] * 25) + "]",
        "statement batch counts=[2, 10, 2, 0, 0]",
        "rewritten batch counts=[" + ", ".join(["-2"] * 40) + "]",
    ],
    "fetchsize": [
        "statement rows=1000 sum=500500 first=row 1 last=row 1000",
        "maxRows=25 rows=25",
    ],
    "errors": [
        "missing table=42P01", "duplicate key=23505", "division by zero=22012",
        "in tx: next statement=25P02", "after rollback=ok",
    ],
    "transactions": [
        "before commit: a sees 3, b sees 0", "after commit: a sees 3, b sees 3",
        "before rollback: a sees 4, b sees 3", "after rollback: a sees 3, b sees 3",
    ],
    "java_api": ["keys 6 row | Integer:6 / 6 | String:k6 / k6", "update returning all: count=2"],
    "isolation": ["set serializable: ok", "read-only insert=25006", "final count=2"],
    "cancel": ["cancel: sqlstate=57014", "after cancel: 42", "query timeout: sqlstate=57014", "after timeout: 7"],
}


@pytest.fixture(scope="session")
def jdbc_classes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DuckgresJdbcCheck compiled against pgjdbc, once per session."""
    javac = shutil.which("javac")
    if javac is None or not JDBC_JAR.is_file():
        pytest.fail(f"javac or the pgjdbc jar ({JDBC_JAR}) is missing: run scripts/setup.sh "
                    "(default-jdk-headless, libpostgresql-jdbc-java)", pytrace=False)
    out = tmp_path_factory.mktemp("jdbc-classes")
    proc = subprocess.run([javac, "-encoding", "UTF-8", "-d", str(out), "-cp", str(JDBC_JAR), str(SOURCE)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, f"javac failed:\n{proc.stdout}\n{proc.stderr}"
    return out


def parse_sections(stdout: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in stdout.splitlines():
        if line.startswith("=== "):
            current = sections.setdefault(line[4:].strip(), [])
        elif current is not None:
            current.append(line)
    return sections


class JdbcRun:
    def __init__(self, server: harness.Server, proc: subprocess.CompletedProcess) -> None:
        self.server = server
        self.proc = proc
        self.sections = parse_sections(proc.stdout)

    def lines(self, scenario: str) -> list[str]:
        if scenario not in self.sections:
            raise AssertionError(f"no output for scenario {scenario} from {self.server.kind} "
                                 f"(exit {self.proc.returncode}):\n{self.proc.stdout[-4000:]}\n"
                                 f"--- stderr ---\n{self.proc.stderr[-4000:]}")
        return self.sections[scenario]


@pytest.fixture(scope="module")
def jdbc_run(jdbc_classes: Path):
    """run(server) -> JdbcRun: every scenario in one JVM, once per server and module."""
    cache: dict[int, JdbcRun] = {}

    def run(server: harness.Server) -> JdbcRun:
        if id(server) not in cache:
            cmd = ["java", "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US",
                   "-Dfile.encoding=UTF-8", "-cp", f"{jdbc_classes}{os.pathsep}{JDBC_JAR}", "DuckgresJdbcCheck",
                   server.host, str(server.port), server.user, server.password, *SCENARIOS]
            proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=RUN_TIMEOUT)
            cache[id(server)] = JdbcRun(server, proc)
        return cache[id(server)]

    return run


def _failure(lines: list[str]) -> str | None:
    errors = [line for line in lines if line.startswith("!!!")]
    return "\n".join(errors) if errors else None


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_jdbc_scenario(scenario: str, jdbc_run, duckgres, pg) -> None:
    ref = jdbc_run(pg).lines(scenario)
    got = jdbc_run(duckgres).lines(scenario)
    ref_error = _failure(ref)
    assert ref_error is None, f"the scenario fails on the reference PostgreSQL (a test bug):\n{ref_error}"
    got_error = _failure(got)
    if got_error is not None:
        before = "\n".join(line for line in got if not line.startswith("!!!"))
        pytest.fail(f"pgjdbc scenario {scenario!r} threw on Duckgres:\n{got_error}\n"
                    f"--- output before the exception ---\n{before}", pytrace=False)
    ref_common = [line for line in ref if not line.startswith("~")]
    got_common = [line for line in got if not line.startswith("~")]
    if got_common != ref_common:
        diff = "\n".join(difflib.unified_diff(ref_common, got_common, "postgresql", "duckgres", lineterm=""))
        pytest.fail(f"pgjdbc scenario {scenario!r}: Duckgres differs from PostgreSQL 15:\n{diff}", pytrace=False)
    for expected in EXPECTED_LINES.get(scenario, []):
        assert expected in ref, f"PostgreSQL did not print {expected!r} (a test bug)"
        assert expected in got, f"Duckgres did not print {expected!r}"
    if scenario == "connect":
        # DatabaseMetaData.getDatabaseProductVersion is the server_version parameter: PostgreSQL says
        # e.g. "15.18 (Debian 15.18-0+deb12u1)", Duckgres "15.0". Both must parse as 15.x.
        for lines in (ref, got):
            version = next(line for line in lines if line.startswith("~version="))
            assert re.fullmatch(r"~version=15\.\d+( .*)?", version), version
            assert any(re.fullmatch(r"~minor=\d+", line) for line in lines), lines

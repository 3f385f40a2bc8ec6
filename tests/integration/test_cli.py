"""The duckgres command line: --version, check-config, hash-password, and startup failures."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

import harness

pytestmark = pytest.mark.duckgres_only


def test_version() -> None:
    proc = harness.run_duckgres_cli(["--version"])
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"\d+\.\d+", proc.stdout), proc.stdout


def _check(tmp_path: Path, text: str) -> subprocess.CompletedProcess:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return harness.run_duckgres_cli(["check-config", str(path)])


VALID_CONFIGS = {
    "empty": "{}\n",
    "scram_users": harness.to_yaml({
        "auth_method": "scram-sha-256",
        "users": [{"name": "bob", "password": harness.scram_verifier("pw")}],
    }),
    "md5_plaintext": harness.to_yaml({
        "auth_method": "md5", "allow_plaintext_passwords": True,
        "users": [{"name": "alice", "password": "secret"}],
    }),
    "full": """\
auth_method: scram-sha-256   # or md5, password
allow_plaintext_passwords: true
users:
  - name: alice
    password: "secret"
create_databases: false
tls: { mode: auto }
max_message_size: 1073741824
""",
    "tls_off": "tls:\n  mode: off\n",
}

INVALID_CONFIGS = {
    "yaml_syntax": "auth_method: [unclosed\n",
    "unknown_auth_method": "auth_method: kerberos-magic\n",
    "plaintext_not_allowed": harness.to_yaml({
        "auth_method": "scram-sha-256", "allow_plaintext_passwords": False,
        "users": [{"name": "alice", "password": "secret"}],
    }),
    "user_without_name": "users:\n  - password: \"x\"\n",
    "bad_tls_mode": "tls: { mode: sometimes }\n",
    "bad_max_message_size": "max_message_size: -5\n",
}


@pytest.mark.parametrize("name", sorted(VALID_CONFIGS))
def test_check_config_valid(tmp_path: Path, name: str) -> None:
    proc = _check(tmp_path, VALID_CONFIGS[name])
    assert proc.returncode == 0, f"{name}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.parametrize("name", sorted(INVALID_CONFIGS))
def test_check_config_invalid(tmp_path: Path, name: str) -> None:
    proc = _check(tmp_path, INVALID_CONFIGS[name])
    assert proc.returncode != 0, f"{name} accepted:\n{INVALID_CONFIGS[name]}"
    assert (proc.stdout + proc.stderr).strip(), f"{name}: rejected without saying why"


def test_check_config_missing_file(tmp_path: Path) -> None:
    proc = harness.run_duckgres_cli(["check-config", str(tmp_path / "does-not-exist.yaml")])
    assert proc.returncode != 0
    assert (proc.stdout + proc.stderr).strip()


def test_hash_password_scram() -> None:
    proc = harness.run_duckgres_cli(["hash-password"], input="hunter2\n")
    assert proc.returncode == 0, proc.stderr
    verifier = proc.stdout.strip()
    assert re.fullmatch(r"SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+", verifier), verifier
    assert harness.check_scram_verifier(verifier, "hunter2"), "verifier does not match the password"
    assert "hunter2" not in proc.stdout + proc.stderr
    again = harness.run_duckgres_cli(["hash-password"], input="hunter2\n").stdout.strip()
    assert again != verifier, "two verifiers of the same password share a salt"
    assert harness.check_scram_verifier(again, "hunter2")


def test_hash_password_md5() -> None:
    proc = harness.run_duckgres_cli(["hash-password", "--method", "md5", "--user", "carol"], input="tr0ub4dor\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == harness.md5_verifier("tr0ub4dor", "carol")


def test_hash_password_output_passes_check_config(tmp_path: Path) -> None:
    verifier = harness.run_duckgres_cli(["hash-password"], input="pw\n").stdout.strip()
    md5 = harness.run_duckgres_cli(["hash-password", "--method", "md5", "--user", "m"], input="pw\n").stdout.strip()
    text = harness.to_yaml({"auth_method": "scram-sha-256", "allow_plaintext_passwords": False,
                            "users": [{"name": "s", "password": verifier}, {"name": "m", "password": md5}]})
    proc = _check(tmp_path, text)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_server_refuses_invalid_config(tmp_path: Path) -> None:
    """Starting with a bad config exits non-zero quickly instead of serving with defaults."""
    config = tmp_path / "bad.yaml"
    config.write_text("auth_method: kerberos-magic\n")
    data = tmp_path / "data"
    data.mkdir()
    proc = subprocess.run([str(harness.duckgres_binary()), "--host", "127.0.0.1", "--port", str(harness.free_port()),
                           "--data-dir", str(data), "--config", str(config)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0
    assert proc.stderr.strip() or proc.stdout.strip()


def test_port_in_use_fails(duckgres, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    proc = subprocess.run([str(harness.duckgres_binary()), "--host", "127.0.0.1", "--port", str(duckgres.port),
                           "--data-dir", str(data)], capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0, "a second server started on a port already in use"


# pg_hba.conf / pg_ident.conf: hba_file and ident_file are checked at check-config and at startup.

BAD_HBA = """\
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   all           ldap
local   all       all                 peer
host    all       all   example.com   md5
hostssl all       all   all           md5 \\
        clientcert=sometimes
"""

BAD_IDENT = "certs  alice\ncerts  /^(.*)$  \\1\ncerts  \"/(\"  x\n"


def _hba_config(tmp_path: Path, hba: str, ident: str | None = None) -> Path:
    (tmp_path / "pg_hba.conf").write_text(hba)
    config = {"hba_file": str(tmp_path / "pg_hba.conf")}
    if ident is not None:
        (tmp_path / "pg_ident.conf").write_text(ident)
        config["ident_file"] = str(tmp_path / "pg_ident.conf")
    path = tmp_path / "config.yaml"
    path.write_text(harness.to_yaml(config))
    return path


def test_check_config_reports_hba_lines(tmp_path: Path) -> None:
    config = _hba_config(tmp_path, BAD_HBA, BAD_IDENT)
    proc = harness.run_duckgres_cli(["check-config", str(config)])
    assert proc.returncode != 0, proc.stdout + proc.stderr
    hba, ident = tmp_path / "pg_hba.conf", tmp_path / "pg_ident.conf"
    errors = [line for line in proc.stderr.splitlines() if not line.startswith("duckgres: warning:")]
    assert errors[:4] == [
        f'duckgres: {hba}:3: authentication method "ldap" is not supported by Duckgres',
        f'duckgres: {hba}:5: host name "example.com" is not supported: Duckgres does not resolve host names in '
        "pg_hba.conf; use an IP address or range, samehost or samenet",
        f'duckgres: {hba}:6: invalid value for clientcert: "sometimes"',
        f"duckgres: {ident}:1: missing entry at end of line",
    ], proc.stderr
    assert len(errors) == 5 and errors[4].startswith(f'duckgres: {ident}:3: invalid regular expression "(": '), \
        proc.stderr
    assert "configuration ok" not in proc.stdout


def test_check_config_missing_hba_file(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(harness.to_yaml({"hba_file": str(tmp_path / "nope.conf")}))
    proc = harness.run_duckgres_cli(["check-config", str(config)])
    assert proc.returncode != 0
    assert f"{tmp_path / 'nope.conf'}: could not open file" in proc.stderr, proc.stderr


def test_check_config_valid_hba_warns_about_trust(tmp_path: Path) -> None:
    (tmp_path / "admins").write_text("alice\n")
    hba = ("local all all peer\n"
           "host all @admins 127.0.0.1/32 trust\n"
           "hostssl all all all cert map=certs\n"
           "host all all ::1/128 scram-sha-256\n")
    config = _hba_config(tmp_path, hba, "certs /^(.*)@example\\.com$ \\1\n")
    proc = harness.run_duckgres_cli(["check-config", str(config)])
    assert proc.returncode == 0, proc.stderr
    assert "configuration ok" in proc.stdout
    assert proc.stderr.splitlines() == [
        f"duckgres: warning: {tmp_path / 'pg_hba.conf'}:2: trust lets anyone matching this line connect without a "
        "password"], proc.stderr


def _start(tmp_path: Path, args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return subprocess.run([str(harness.duckgres_binary()), "--host", "127.0.0.1", "--port", str(harness.free_port()),
                           "--data-dir", str(data), *args], capture_output=True, text=True, timeout=30,
                          env={**os.environ, **(env or {})})


def test_server_refuses_malformed_hba_file(tmp_path: Path) -> None:
    hba = tmp_path / "pg_hba.conf"
    hba.write_text(BAD_HBA)
    proc = _start(tmp_path, ["--hba-file", str(hba)])
    assert proc.returncode != 0, "started with a malformed pg_hba.conf"
    for line in (3, 5, 6):
        assert f"{hba}:{line}: " in proc.stderr, proc.stderr


def test_server_refuses_malformed_ident_file_from_environment(tmp_path: Path) -> None:
    hba = tmp_path / "pg_hba.conf"
    hba.write_text("host all all 127.0.0.1/32 scram-sha-256\n")
    ident = tmp_path / "pg_ident.conf"
    ident.write_text(BAD_IDENT)
    proc = _start(tmp_path, [], env={"DUCKGRES_HBA_FILE": str(hba), "DUCKGRES_IDENT_FILE": str(ident)})
    assert proc.returncode != 0, "started with a malformed pg_ident.conf"
    assert f"{ident}:1: missing entry at end of line" in proc.stderr, proc.stderr
    assert f"{ident}:3: invalid regular expression" in proc.stderr, proc.stderr


def test_server_starts_with_valid_hba_file_and_logs_trust(tmp_path: Path) -> None:
    hba = tmp_path / "pg_hba.conf"
    hba.write_text("host all all 127.0.0.1/32 trust\nhost all all ::1/128 scram-sha-256\n")
    server = harness.DuckgresServer(extra_args=["--hba-file", str(hba)], base_dir=tmp_path).start()
    try:
        assert server.running()
    finally:
        assert server.stop() == 0
    assert f"{hba}:1: trust lets anyone matching this line connect without a password" in server.log_text()

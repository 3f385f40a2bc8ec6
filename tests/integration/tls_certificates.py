"""A throwaway public key infrastructure for TLS tests, made with the openssl command line.

make_pki(directory, user) writes a test CA and a second, unrelated CA; a server certificate from the
test CA (CN=localhost, subjectAltName DNS:localhost and IP:127.0.0.1); client certificates for `user`
(good, expired, revoked, from the wrong CA), one whose CN is another name (for pg_hba `cert` and
clientcert=verify-full tests), and a CRL of the test CA that lists the revoked one. Everything is
PEM; keys are EC P-256 with mode 0600 (libpq refuses group- or world-readable keys).
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_CA_CONFIG = """\
[ ca ]
default_ca = test_ca

[ test_ca ]
dir = {dir}
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
crlnumber = $dir/crlnumber
certificate = $dir/ca.crt
private_key = $dir/ca.key
default_md = sha256
default_days = 365
default_crl_days = 30
policy = any_name
unique_subject = no
copy_extensions = none

[ any_name ]
commonName = supplied

[ server_cert ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1

[ client_cert ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
"""


@dataclass
class KeyPair:
    cert: Path
    key: Path
    common_name: str


@dataclass
class Pki:
    directory: Path
    user: str
    ca_cert: Path
    crl: Path
    other_ca_cert: Path
    server: KeyPair
    authority: "_Authority"
    clients: dict[str, KeyPair] = field(default_factory=dict)
    """By kind: "good", "expired", "revoked", "wrong_ca", "other_cn"."""

    def issue_server(self, stem: str, common_name: str = "localhost") -> KeyPair:
        """Another server certificate from the test CA (for reload tests)."""
        return self.authority.issue(self.directory, stem, common_name, "server_cert")


def _openssl(*args: str | Path, cwd: Path | None = None) -> None:
    proc = subprocess.run(["openssl", *map(str, args)], capture_output=True, text=True, timeout=60, cwd=cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(map(str, args))} failed:\n{proc.stdout}\n{proc.stderr}")


class _Authority:
    """One CA with its openssl `ca` database, so it can issue with chosen dates, revoke and publish a CRL."""

    def __init__(self, directory: Path, name: str) -> None:
        self.dir = directory
        directory.mkdir(parents=True)
        (directory / "issued").mkdir()
        (directory / "index.txt").write_text("")
        (directory / "serial").write_text("1000\n")
        (directory / "crlnumber").write_text("1000\n")
        self.config = directory / "ca.cnf"
        self.config.write_text(_CA_CONFIG.format(dir=directory))
        self.cert = directory / "ca.crt"
        key = directory / "ca.key"
        _openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", key, "-out", self.cert, "-days", "3650", "-subj", f"/CN={name}",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        key.chmod(0o600)

    def issue(self, out_dir: Path, stem: str, common_name: str, extensions: str,
              dates: tuple[str, str] | None = None) -> KeyPair:
        key, csr, cert = out_dir / f"{stem}.key", out_dir / f"{stem}.csr", out_dir / f"{stem}.crt"
        _openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", key, "-out", csr, "-subj", f"/CN={common_name}")
        key.chmod(0o600)
        args: list[str | Path] = ["ca", "-batch", "-notext", "-config", self.config, "-extensions", extensions,
                                  "-in", csr, "-out", cert]
        if dates is not None:
            args += ["-startdate", dates[0], "-enddate", dates[1]]
        _openssl(*args)
        return KeyPair(cert, key, common_name)

    def revoke(self, cert: Path) -> None:
        _openssl("ca", "-config", self.config, "-revoke", cert)

    def write_crl(self, path: Path) -> None:
        _openssl("ca", "-config", self.config, "-gencrl", "-out", path)


def make_pki(directory: Path, user: str) -> Pki:
    directory.mkdir(parents=True, exist_ok=True)
    ca = _Authority(directory / "ca", "Duckgres Test CA")
    other = _Authority(directory / "other-ca", "Unrelated Test CA")
    server = ca.issue(directory, "server", "localhost", "server_cert")
    clients = {
        "good": ca.issue(directory, "client", user, "client_cert"),
        "other_cn": ca.issue(directory, "client-other-cn", f"not-{user}", "client_cert"),
        "expired": ca.issue(directory, "client-expired", user, "client_cert",
                            dates=("20200101000000Z", "20210101000000Z")),
        "revoked": ca.issue(directory, "client-revoked", user, "client_cert"),
        "wrong_ca": other.issue(directory, "client-wrong-ca", user, "client_cert"),
    }
    ca.revoke(clients["revoked"].cert)
    crl = directory / "ca.crl"
    ca.write_crl(crl)
    return Pki(directory=directory, user=user, ca_cert=ca.cert, crl=crl, other_ca_cert=other.cert,
                   server=server, authority=ca, clients=clients)



"""pg_hba.conf and pg_ident.conf enforced: each rule type and option, through libpq (psycopg) with real TLS.

One server with a test CA (tls_certificates.make_pki), an hba_file naming every method and option Duckgres
supports, and an ident_file mapping certificate names; clients connect from 127.0.0.1 and from other loopback
addresses (Linux routes all of 127.0.0.0/8 to lo), with and without TLS and client certificates. Refusals are
compared with PostgreSQL 15's wording. The built-in rules (no hba_file) are tested too: loopback may use any
method, other addresses only TLS.
"""

from __future__ import annotations

import socket

import psycopg
import pytest

import harness
from test_connection_defences import login_from
from tls_certificates import Pki, make_pki

pytestmark = pytest.mark.duckgres_only

PASSWORD = "hba-password"
USERS = {"certuser": "read_write", "mapped": "read_write", "trusty": "read_write", "md5user": "read_write",
         "vca": "read_write", "vfull": "read_write", "reader": "read_only", "plain": "read_write"}

HBA = """\
# Duckgres test rules: first match wins.
local   all       all                     peer
hostssl all       certuser  127.0.0.1/32  cert
hostssl all       mapped    127.0.0.1/32  cert map=certs
host    all       +read_only 127.0.0.1/32 reject
host    other     all       127.0.0.1/32  reject
hostnossl all     trusty    127.0.0.1/32  trust
hostnossl all     ghost     127.0.0.1/32  trust
host    all       md5user   127.0.0.1/32  md5
hostssl all       vca       127.0.0.1/32  scram-sha-256 clientcert=verify-ca
hostssl all       vfull     127.0.0.1/32  scram-sha-256 clientcert=verify-full
host    all       all       127.0.0.2/32  scram-sha-256
hostssl all       all       127.0.0.0/8   scram-sha-256
"""

IDENT = """\
# MAPNAME  SYSTEM-USERNAME             DATABASE-USERNAME
certs      /^(.*)@example\\.com$        \\1
certs      robot                        mapped
"""


def can_bind(address: str) -> bool:
    with socket.socket() as s:
        try:
            s.bind((address, 0))
            return True
        except OSError:
            return False


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    pki = make_pki(tmp_path_factory.mktemp("hba") / "pki", "certuser")
    for stem, name in (("mapped-email", "mapped@example.com"), ("robot", "robot"), ("vfull", "vfull"),
                       ("stranger", "stranger@example.org")):
        pki.clients[stem] = pki.authority.issue(pki.directory, stem, name, "client_cert")
    return pki


@pytest.fixture(scope="module")
def server(pki: Pki, tmp_path_factory: pytest.TempPathFactory):
    files = tmp_path_factory.mktemp("hba-files")
    (files / "pg_hba.conf").write_text(HBA)
    (files / "pg_ident.conf").write_text(IDENT)
    users = [{"name": name, "role": role, "password": harness.md5_verifier(PASSWORD, name)
              if name == "md5user" else harness.scram_verifier(PASSWORD)} for name, role in USERS.items()]
    config = {"create_databases": True, "users": users,
              "hba_file": str(files / "pg_hba.conf"), "ident_file": str(files / "pg_ident.conf"),
              "tls": {"mode": "files", "cert_file": str(pki.server.cert), "key_file": str(pki.server.key),
                      "client_ca_file": str(pki.ca_cert), "crl_file": str(pki.crl)}}
    started = harness.DuckgresServer(config=config)
    started.host = "0.0.0.0"  # all of 127.0.0.0/8 reaches it; a client connecting to 127.0.0.2 comes from there
    started.start()
    try:
        yield started
    finally:
        started.cleanup()


def connect(server: harness.Server, pki: Pki, user: str, cert: str | None = None, host: str = "127.0.0.1",
            sslmode: str = "require", password: str | None = PASSWORD, dbname: str = "postgres"):
    params = dict(host=host, port=server.port, user=user, dbname=dbname, sslmode=sslmode, connect_timeout=10)
    if password is not None:
        params["password"] = password
    if cert:
        params.update(sslcert=str(pki.clients[cert].cert), sslkey=str(pki.clients[cert].key),
                      sslrootcert=str(pki.ca_cert))
    return psycopg.connect(**params)


def refusal(*args, **kwargs) -> str:
    with pytest.raises(psycopg.OperationalError) as caught:
        connect(*args, **kwargs).close()
    return str(caught.value)


def logs_in(*args, **kwargs) -> bool:
    with connect(*args, **kwargs) as conn:
        return conn.execute("select current_user").fetchone()[0] == kwargs.get("user", args[2])


def test_cert_method_logs_in_by_certificate_alone(server, pki) -> None:
    assert logs_in(server, pki, "certuser", cert="good", password=None)
    assert "connection requires a valid client certificate" in refusal(server, pki, "certuser")
    assert 'certificate authentication failed for user "certuser"' in refusal(server, pki, "certuser",
                                                                               cert="other_cn")


def test_cert_method_maps_names_through_pg_ident(server, pki) -> None:
    assert logs_in(server, pki, "mapped", cert="mapped-email", password=None)  # regex, \1
    assert logs_in(server, pki, "mapped", cert="robot", password=None)  # plain line
    assert 'certificate authentication failed for user "mapped"' in refusal(server, pki, "mapped",
                                                                            cert="stranger")


def test_reject_rules_and_role_membership(server, pki) -> None:
    message = refusal(server, pki, "reader", sslmode="disable")
    assert 'pg_hba.conf rejects connection for host "127.0.0.1", user "reader", database "postgres", ' \
           'no encryption' in message, message
    message = refusal(server, pki, "plain", sslmode="disable", dbname="other")
    assert 'pg_hba.conf rejects connection for host "127.0.0.1", user "plain", database "other", ' \
           'no encryption' in message, message


def test_trust_only_without_tls(server, pki) -> None:
    assert logs_in(server, pki, "trusty", sslmode="disable", password=None)
    # Over TLS the hostnossl line does not match: the last rule asks for a password.
    assert "password" in refusal(server, pki, "trusty", password=None)
    assert logs_in(server, pki, "trusty")


def test_trust_needs_a_known_user(server, pki) -> None:
    # As in PostgreSQL: trust skips the password, not the role; an unknown name gets no session (and no rights).
    message = refusal(server, pki, "ghost", sslmode="disable", password=None)
    assert 'role "ghost" does not exist' in message, message


def test_md5_rule(server, pki) -> None:
    assert logs_in(server, pki, "md5user", sslmode="disable")
    assert 'password authentication failed for user "md5user"' in refusal(server, pki, "md5user",
                                                                         sslmode="disable", password="wrong")


def test_clientcert_verify_ca_and_verify_full(server, pki) -> None:
    assert logs_in(server, pki, "vca", cert="good")  # any certificate of the CA, and the password
    assert "connection requires a valid client certificate" in refusal(server, pki, "vca")
    assert logs_in(server, pki, "vfull", cert="vfull")
    # A certificate of another name fails as the password method would, as in PostgreSQL.
    assert 'password authentication failed for user "vfull"' in refusal(server, pki, "vfull", cert="good")
    assert 'password authentication failed for user "vfull"' in refusal(server, pki, "vfull", cert="vfull",
                                                                        password="wrong")


def test_address_rules_and_no_match(server, pki) -> None:
    assert can_bind("127.0.0.3"), "this test needs 127.0.0.0/8 on the loopback interface"
    # Raw connections bound to a source address (libpq cannot choose one), without TLS.
    assert login_from(server, "127.0.0.2", PASSWORD, user="plain") == ("ok", {})  # its own host rule
    kind, fields = login_from(server, "127.0.0.3", PASSWORD, user="plain")  # only hostssl matches 127.0.0.3
    assert (kind, fields["C"], fields["M"]) == (
        "error", "28000", 'no pg_hba.conf entry for host "127.0.0.3", user "plain", database "postgres", no encryption')
    # Over TLS from 127.0.0.1 the hostssl rule of 127.0.0.0/8 lets "plain" in with its password.
    assert logs_in(server, pki, "plain")


def test_built_in_rules_need_tls_off_loopback() -> None:
    assert can_bind("127.0.0.2"), "this test needs 127.0.0.0/8 on the loopback interface"
    # Without hba_file: 127.0.0.0/8 and ::1 may use any method; every other address needs TLS. Binding the
    # client to another interface address of this machine shows the rule from a non-loopback address.
    addresses = [a for a in harness_interface_addresses() if not a.startswith("127.")]
    config = {"tls": {"mode": "off"}}
    server = harness.DuckgresServer(config=config)
    server.host = "0.0.0.0"
    server.start()
    try:
        assert login_from(server, "127.0.0.2", "postgres", user="postgres") == ("ok", {})
        for address in addresses[:1]:
            with pytest.raises(psycopg.OperationalError) as caught:
                psycopg.connect(host=address, port=server.port, user="postgres", password="postgres",
                                dbname="postgres", sslmode="disable", connect_timeout=10)
            assert f'no pg_hba.conf entry for host "{address}"' in str(caught.value)
    finally:
        server.cleanup()


def harness_interface_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (none in some sandboxes)."""
    import subprocess
    out = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout
    return [a for a in out.split() if "." in a]

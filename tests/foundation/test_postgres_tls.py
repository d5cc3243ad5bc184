"""PostgreSQL over TLS (docs/security.md 「传输加密」): a private PostgreSQL server, made for this
module with initdb, that has ssl on, a certificate from a private CA and a pg_hba.conf that accepts
only TLS connections with a password. Duban's settings, with sslmode and sslrootcert in
DATABASE_URL or in DATABASE_SSLMODE/DATABASE_SSLROOTCERT, connect over TLS; without TLS, or
against a certificate from another CA, the connection is refused.

(The suite's shared server has ssl off, and its configuration is not the test's to change.)
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from duban.env import parse_database_url
from duban.transport import database_tls
from tests.conftest import services_unavailable
from tests.foundation.servers import free_port
from tests.foundation.tls import make_certificates

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "pg-TLS-pa55word"
WHICH = (
    "from django.db import connection\n"
    "with connection.cursor() as c:\n"
    "    c.execute('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()')\n"
    "    print('RESULT', *c.fetchone())\n"
)


def _server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="module")
def tls_postgres():
    bindir = _server_binaries()
    if bindir is None:
        services_unavailable("the PostgreSQL server binaries (initdb, postgres) are not installed")
    # PostgreSQL refuses to run as root: as root, run it as the packaged `postgres` account.
    as_user: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            services_unavailable("running as root and there is no postgres account to run a server as")
        # runuser lives in /usr/sbin, which a PATH stripped for a plain user (`env -i`, cron) lacks.
        runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
        if runuser is None:
            services_unavailable("running as root and there is no runuser to run a server as postgres")
        as_user = [str(runuser), "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="duban-pg-tls-"))
    certs = make_certificates(folder / "certs")
    (folder / "pw").write_text(PASSWORD)
    if owner is not None:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", free_port()
    init = subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile", str(folder / "pw"),
         "--auth-local", "trust", "--auth-host", "scram-sha-256", "-E", "UTF8", "--no-sync"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{folder}'\n"
            f"ssl = on\nssl_cert_file = '{certs.cert}'\nssl_key_file = '{certs.key}'\n"
            "ssl_min_protocol_version = 'TLSv1.2'\nfsync = off\n"
        )
    # TCP only over TLS, with the password: a clear-text connection finds no line that lets it in.
    (data / "pg_hba.conf").write_text(
        "local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 0.0.0.0/0 reject\n"
    )
    server = subprocess.Popen(
        [*as_user, str(bindir / "postgres"), "-D", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "server.log").open("w"),
    )
    deadline = time.monotonic() + 60
    while subprocess.run([str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)], timeout=10).returncode:
        assert server.poll() is None, (folder / "server.log").read_text()[-2000:]
        assert time.monotonic() < deadline, "the private PostgreSQL did not start within 60 s"
        time.sleep(0.2)
    yield port, certs
    server.terminate()  # SIGTERM: smart shutdown (runuser passes it on)
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


def _url(port: int, query: str = "") -> str:
    return f"postgres://postgres:{PASSWORD}@127.0.0.1:{port}/postgres{query}"


def _connect(config: dict):
    """A connection with what the settings made of the URL and the variables."""
    options = {k: v for k, v in config["OPTIONS"].items() if k.startswith("ssl")}
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"],
        user=config["USER"],
        password=config["PASSWORD"],
        dbname=config["NAME"],
        connect_timeout=10,
        **options,
    )


def _settings(url: str, sslmode: str | None = None, sslrootcert: str | None = None) -> dict:
    config = parse_database_url(url, base_dir=ROOT)
    database_tls(config, sslmode, sslrootcert, setting="DATABASE_URL")
    return config


def test_duban_connects_over_tls_with_the_url_or_the_variables(tls_postgres):
    port, certs = tls_postgres
    through_url = {"DATABASE_URL": _url(port, f"?sslmode=verify-full&sslrootcert={certs.ca}")}
    through_variables = {
        "DATABASE_URL": _url(port),
        "DATABASE_SSLMODE": "verify-full",
        "DATABASE_SSLROOTCERT": str(certs.ca),
    }
    for env in (through_url, through_variables):
        full = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DATABASE_SSLMODE", "DATABASE_SSLROOTCERT", "DJANGO_SETTINGS_MODULE"}
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", WHICH],
            cwd=ROOT,
            env={**full, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        words = next((line.split() for line in result.stdout.splitlines() if line.startswith("RESULT")), None)
        assert words is not None, result.stderr[-2000:]
        assert words[1] == "True" and words[2] in ("TLSv1.2", "TLSv1.3"), words


def test_a_connection_without_tls_is_refused(tls_postgres):
    port, _ = tls_postgres
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        _connect(_settings(_url(port), "disable"))


def test_a_server_certificate_from_another_ca_is_refused(tls_postgres, tmp_path):
    port, _ = tls_postgres
    impostor_ca = make_certificates(tmp_path / "other", name="impostor").ca
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        _connect(_settings(_url(port), "verify-full", str(impostor_ca)))

"""Encrypted transport to PostgreSQL, Redis and SMTP: the settings' parsing and the facts the
deploy check judges (docs/security.md, "传输加密").

Plain Python over the environment's values: settings/core.py calls it, policy_tasks/checks_transport.py
asks it whether a host is this machine and whether a connection is encrypted.
"""

from __future__ import annotations

import ipaddress
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

# libpq's modes, weakest first; from `require` on the connection is encrypted or refused.
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
ENCRYPTED_SSLMODES = {"require", "verify-ca", "verify-full"}
# libpq's own word for "the system's CA store" (libpq 16 and later).
SYSTEM_CA = "system"


def is_local_host(host: str | None) -> bool:
    """This machine: no network between the process and the server (loopback, a Unix socket)."""
    host = (host or "").strip().strip("[]")
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def database_tls(config: dict[str, Any], sslmode: str | None, sslrootcert: str | None, *, setting: str) -> None:
    """Fold DATABASE_SSLMODE / DATABASE_SSLROOTCERT into a PostgreSQL DATABASES entry whose URL may
    carry its own `?sslmode=…&sslrootcert=…` (dj-database-url puts the query into OPTIONS); the two
    must agree. Names what is wrong: an unknown mode, a CA file that is not there."""
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"].endswith("sqlite3"):
        if sslmode or sslrootcert:
            raise ImproperlyConfigured(f"{setting}: DATABASE_SSLMODE/DATABASE_SSLROOTCERT apply to PostgreSQL only")
        return
    for key, value in (("sslmode", sslmode), ("sslrootcert", sslrootcert)):
        if not value:
            continue
        if options.get(key) not in (None, value):
            raise ImproperlyConfigured(
                f"DATABASE_{key.upper()}={value!r} contradicts {key}={options[key]!r} in {setting}; set one of them"
            )
        options[key] = value
    mode = options.get("sslmode")
    if mode is not None and mode not in SSLMODES:
        raise ImproperlyConfigured(f"sslmode={mode!r} is not one of {', '.join(SSLMODES)}")
    root = options.get("sslrootcert")
    if root and root != SYSTEM_CA and not Path(root).is_file():
        raise ImproperlyConfigured(f"sslrootcert={root!r}: no such file (the CA that signed the server's certificate)")


def database_encrypted(config: dict) -> bool:
    return (config.get("OPTIONS") or {}).get("sslmode") in ENCRYPTED_SSLMODES


def redis_tls_options(ca_file: str | None) -> dict:
    """redis-py's (and kombu's) arguments for a rediss:// connection: the server's certificate is
    always checked, against `ca_file` when given (a private CA), else the system's store."""
    options: dict = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
    if ca_file:
        if not Path(ca_file).is_file():
            raise ImproperlyConfigured(f"REDIS_TLS_CA_FILE={ca_file!r}: no such file")
        options["ssl_ca_certs"] = ca_file
    return options


def redis_facts(url: str) -> tuple[bool, bool, bool]:
    """(local, encrypted, has a password) of a redis://, rediss:// or unix:// URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "unix":
        return True, False, bool(parts.password)
    password = unquote(parts.password or "")
    return is_local_host(parts.hostname), scheme == "rediss", bool(password)


def smtp_facts(host: str, use_tls: bool, use_ssl: bool) -> tuple[bool, bool]:
    """(local, encrypted) of the SMTP server Django sends through."""
    return is_local_host(host), bool(use_tls or use_ssl)

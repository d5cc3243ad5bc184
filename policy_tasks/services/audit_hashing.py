"""Digest functions of the audit chain, by the name recorded on each event.

SM3 (GB/T 32905) is for deployments assessed on the national algorithms (商用密码应用安全性
评估). OpenSSL 3 usually ships it; some builds (FIPS, `no-sm3`) do not, so gmssl's pure-Python
SM3 stands in: the same digest, only slower.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from gmssl import func as _gm_func
from gmssl import sm3 as _gm_sm3


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sm3_gmssl(data: bytes) -> str:
    hexdigest: str = _gm_sm3.sm3_hash(_gm_func.bytes_to_list(data))  # gmssl ships no type hints
    return hexdigest


def _sm3_openssl(data: bytes) -> str:
    return hashlib.new("sm3", data).hexdigest()


def _openssl_has_sm3() -> bool:
    try:
        hashlib.new("sm3", b"")
    except ValueError:
        return False
    return True


DIGESTS: dict[str, Callable[[bytes], str]] = {
    "sha256": _sha256,
    "sm3": _sm3_openssl if _openssl_has_sm3() else _sm3_gmssl,
}
ALGORITHMS = tuple(DIGESTS)


def digest(algorithm: str, data: bytes) -> str:
    try:
        return DIGESTS[algorithm](data)
    except KeyError:
        raise ValueError(f"unknown audit hash algorithm {algorithm!r}") from None

"""The `default` storage from the environment (docs/operations.md, "Shared files").

Read by settings/core.py with os.environ and by the tests with a dict, so the settings a test
runs under are the ones an operator writes. Nothing of boto3 is imported here: a node on
local disk never loads it.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_BACKEND = "duban.storage.s3.SignedS3Storage"
_REQUIRED = ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")
_STYLES = ("path", "virtual", "auto")


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None
    if value < 1:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least 1")
    return value


def default_storage_from_env(env: Mapping[str, str]) -> dict:
    """STORAGES["default"]: FileSystemStorage under MEDIA_ROOT, or DUBAN_STORAGE=s3's bucket."""
    kind = (env.get("DUBAN_STORAGE") or "local").strip().lower()
    if kind == "local":
        return dict(LOCAL)
    if kind != "s3":
        raise ImproperlyConfigured(f"DUBAN_STORAGE={kind!r} is not supported; use local or s3")
    missing = [name for name in _REQUIRED if not (env.get(name) or "").strip()]
    if missing:
        raise ImproperlyConfigured(f"DUBAN_STORAGE=s3 needs {', '.join(missing)}")
    style = (env.get("S3_ADDRESSING_STYLE") or "path").strip().lower()
    if style not in _STYLES:
        raise ImproperlyConfigured(f"S3_ADDRESSING_STYLE={style!r} is not one of {', '.join(_STYLES)}")
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": env["S3_BUCKET"].strip(),
            # Empty for Amazon S3 itself; MinIO, OSS and the like name their own address.
            "endpoint_url": (env.get("S3_ENDPOINT_URL") or "").strip() or None,
            # Where browsers reach the store, when not at S3_ENDPOINT_URL (a proxy, another network).
            "public_endpoint_url": (env.get("S3_PUBLIC_ENDPOINT_URL") or "").strip() or None,
            "access_key": env["S3_ACCESS_KEY_ID"].strip(),
            "secret_key": env["S3_SECRET_ACCESS_KEY"].strip(),
            "region_name": (env.get("S3_REGION") or "").strip() or "us-east-1",
            # Path style (host/bucket/key) is what MinIO answers without wildcard DNS.
            "addressing_style": style,
            "signature_version": "s3v4",
            # Objects stay private: every read is a signed request or a signed link.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": _int(env, "S3_SIGNED_URL_SECONDS", 300),
        },
    }

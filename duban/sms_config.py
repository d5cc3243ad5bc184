"""The generic SMS gateway (SMS_BACKEND=gateway) from SMS_GATEWAY_* variables.

Read by settings/notifications.py with os.environ and by the tests with a dict, so a test runs under
exactly what an operator writes; every wrong or missing combination stops start-up
with ImproperlyConfigured naming the variable. docs/notifications.md lists them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

METHODS = ("post_form", "post_json", "get")
SIGNINGS = ("none", "hmac", "md5")
TIMESTAMP_FORMATS = ("unix", "unix_ms", "datetime")
# Names an MD5 sign order may use besides the names of fields sent.
SIGN_TOKENS = ("account", "password", "password_md5", "secret", "timestamp", "mobile", "content")


def _get(env: Mapping[str, str], name: str, default: str = "") -> str:
    value = env.get(f"SMS_GATEWAY_{name}")
    return default if value is None else value.strip()


def _one_of(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = (_get(env, name) or default).lower()
    if value not in choices:
        raise ImproperlyConfigured(f"SMS_GATEWAY_{name}={value!r} must be one of {', '.join(choices)}")
    return value


def _regex(env: Mapping[str, str], name: str) -> str:
    pattern = _get(env, name)
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ImproperlyConfigured(f"SMS_GATEWAY_{name}={pattern!r} is not a valid regular expression: {exc}") from None
    return pattern


def _list(env: Mapping[str, str], name: str, default: list[str] | None = None) -> list[str]:
    raw = env.get(f"SMS_GATEWAY_{name}")
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def sms_gateway_from_env(env: Mapping[str, str]) -> dict:
    """SMS_GATEWAY (one dict, keys without the prefix), checked as a whole."""
    c: dict = {
        "URL": _get(env, "URL"),
        "METHOD": _one_of(env, "METHOD", METHODS, "post_form"),
        "ENCODING": _get(env, "ENCODING", "utf-8") or "utf-8",
        "MOBILE_FIELD": _get(env, "MOBILE_FIELD", "mobile"),
        "CONTENT_FIELD": _get(env, "CONTENT_FIELD", "content"),
        "CONTENT_PREFIX": _get(env, "CONTENT_PREFIX"),
        "ACCOUNT_FIELD": _get(env, "ACCOUNT_FIELD"),
        "ACCOUNT": _get(env, "ACCOUNT"),
        "PASSWORD_FIELD": _get(env, "PASSWORD_FIELD"),
        "PASSWORD": _get(env, "PASSWORD"),
        "SIGNING": _one_of(env, "SIGNING", SIGNINGS, "none"),
        "SECRET": _get(env, "SECRET"),
        "SIGN_FIELD": _get(env, "SIGN_FIELD", "sign"),
        "SIGN_HEADER": _get(env, "SIGN_HEADER"),
        "SIGN_ENCODING": _one_of(env, "SIGN_ENCODING", ("hex", "base64"), "hex"),
        "SIGN_UPPERCASE": _one_of(env, "SIGN_UPPERCASE", ("true", "false", "1", "0", "yes", "no"), "false")
        in {"true", "1", "yes"},
        "TIMESTAMP_FIELD": _get(env, "TIMESTAMP_FIELD", "timestamp"),
        "TIMESTAMP_FORMAT": _one_of(env, "TIMESTAMP_FORMAT", TIMESTAMP_FORMATS, "unix"),
        "SUCCESS_JSON_PATH": _get(env, "SUCCESS_JSON_PATH"),
        "SUCCESS_VALUE": _get(env, "SUCCESS_VALUE"),
        "SUCCESS_REGEX": _regex(env, "SUCCESS_REGEX"),
        "RETRY_VALUES": _list(env, "RETRY_VALUES"),
        "RETRY_REGEX": _regex(env, "RETRY_REGEX"),
        "ID_JSON_PATH": _get(env, "ID_JSON_PATH"),
        "ID_REGEX": _regex(env, "ID_REGEX"),
        "ERROR_JSON_PATH": _get(env, "ERROR_JSON_PATH"),
    }
    try:
        c["EXTRA_FIELDS"] = dict(parse_qsl(_get(env, "EXTRA_FIELDS"), keep_blank_values=True, strict_parsing=False))
    except ValueError as exc:
        raise ImproperlyConfigured(f"SMS_GATEWAY_EXTRA_FIELDS is not a query string (a=1&b=2): {exc}") from None
    default_order = ["account", "password", "timestamp"] if c["SIGNING"] == "md5" else []
    c["SIGN_FIELDS"] = _list(env, "SIGN_FIELDS", default_order)
    check(c)
    return c


def check(c: Mapping) -> None:
    def bad(message: str) -> None:
        raise ImproperlyConfigured(f"SMS_BACKEND=gateway: {message}")

    if urlsplit(c["URL"]).scheme not in ("http", "https"):
        bad("SMS_GATEWAY_URL must be the gateway's http(s):// address")
    try:
        "".encode(c["ENCODING"])
    except LookupError:
        bad(f"SMS_GATEWAY_ENCODING={c['ENCODING']!r} is not a known encoding (utf-8, gbk)")
    if not (c["MOBILE_FIELD"] and c["CONTENT_FIELD"]):
        bad("SMS_GATEWAY_MOBILE_FIELD and SMS_GATEWAY_CONTENT_FIELD cannot be empty")
    for field in ("ACCOUNT", "PASSWORD"):
        if c[f"{field}_FIELD"] and not c[field]:
            bad(f"SMS_GATEWAY_{field}_FIELD is set but SMS_GATEWAY_{field} is empty")
    if bool(c["SUCCESS_JSON_PATH"]) == bool(c["SUCCESS_REGEX"]):
        bad(
            "set exactly one success marker: SMS_GATEWAY_SUCCESS_JSON_PATH (+ _SUCCESS_VALUE) or SMS_GATEWAY_SUCCESS_REGEX"
        )
    if c["SUCCESS_JSON_PATH"] and not c["SUCCESS_VALUE"]:
        bad("SMS_GATEWAY_SUCCESS_JSON_PATH needs SMS_GATEWAY_SUCCESS_VALUE (the value that means accepted)")
    if c["ID_JSON_PATH"] and c["ID_REGEX"]:
        bad("set SMS_GATEWAY_ID_JSON_PATH or SMS_GATEWAY_ID_REGEX, not both")
    if c["SIGNING"] == "none":
        return
    if not (c["SIGN_FIELD"] or c["SIGN_HEADER"]):
        bad("a signing mode needs SMS_GATEWAY_SIGN_FIELD or SMS_GATEWAY_SIGN_HEADER to carry the signature")
    if c["SIGNING"] == "hmac" and not c["SECRET"]:
        bad("SMS_GATEWAY_SIGNING=hmac needs SMS_GATEWAY_SECRET")
    if c["SIGNING"] == "md5" and not c["SIGN_FIELDS"]:
        bad(
            "SMS_GATEWAY_SIGNING=md5 needs SMS_GATEWAY_SIGN_FIELDS (the order of the parts, e.g. account,password,timestamp)"
        )
    sent = {c["MOBILE_FIELD"], c["CONTENT_FIELD"], *c["EXTRA_FIELDS"]}
    sent |= {name for name in (c["ACCOUNT_FIELD"], c["PASSWORD_FIELD"], c["TIMESTAMP_FIELD"]) if name}
    for token in c["SIGN_FIELDS"]:
        known = token in sent or (c["SIGNING"] == "md5" and token in SIGN_TOKENS)
        if not known:
            bad(
                f"SMS_GATEWAY_SIGN_FIELDS names {token!r}, which is neither a field sent nor one of {', '.join(SIGN_TOKENS)}"
            )
    needs = {"account": "ACCOUNT", "password": "PASSWORD", "password_md5": "PASSWORD", "secret": "SECRET"}
    for token, setting in needs.items():
        if c["SIGNING"] == "md5" and token in c["SIGN_FIELDS"] and token not in sent and not c[setting]:
            bad(f"SMS_GATEWAY_SIGN_FIELDS uses {token} but SMS_GATEWAY_{setting} is empty")
    if "timestamp" in c["SIGN_FIELDS"] and not c["TIMESTAMP_FIELD"]:
        bad("the signature covers the timestamp, so SMS_GATEWAY_TIMESTAMP_FIELD must send it to the gateway")

"""A small client for the DingTalk open API, public edition and government edition (专有钉钉/浙政钉).

Shared by the work-notification channel (notifications) and DingTalk sign-in (accounts): it
knows tokens, signing and error codes, nothing of users or deliveries.

Public interface (stable):

- ``edition() -> "public" | "gov"``: ``settings.DINGTALK_EDITION``.
- ``app_access_token(*, stale=None) -> str``: the app's access token, from Django's cache
  (one Redis for every worker when CACHE_URL is set) until shortly before it expires. Pass
  ``stale=<token the provider just rejected>`` to renew it: one caller fetches under a cache
  lock (``cache.add``), the others wait for that token instead of all fetching at once.
- ``call_oapi(path, body=None, *, query=None, method="POST") -> dict``: public edition call,
  ``access_token`` added; a rejected/expired token is renewed once and the call repeated
  (the provider refused it, so nothing was done). Returns the answer (``errcode == 0``).
- ``call_gov(path, params=None, *, method="POST", with_token=False) -> dict``: government
  gateway call, form parameters signed with the app's apiKey/secretKey (``gov_headers``);
  ``with_token`` adds ``access_token`` (the oauth2 user look-ups need it). Returns the answer
  (``success`` true at both levels); data is in ``answer["content"]["data"]``.
- ``DingTalkError(code, message, *, transient=False, ambiguous=False, answer=None)``:
  every failure. ``transient``: a later retry can succeed (rate limit, system busy, network).
  ``ambiguous``: the request may have been carried out (read timeout, garbled answer).
  ``answer``: the provider's parsed answer when there was one.
- ``gov_signature(...)``/``gov_headers(method, uri, params)``: the gateway's signing, for a
  caller that must build a request itself.

Settings: DINGTALK_EDITION, DINGTALK_API_BASE, DINGTALK_APP_KEY, DINGTALK_APP_SECRET,
DINGTALK_GOV_CLIENT_IP, DINGTALK_GOV_CLIENT_MAC, NOTIFY_HTTP_TIMEOUT_SECONDS.

What this is based on (protocol references, checked against public material):
- Public edition (oapi.dingtalk.com, "企业内部应用"): ``GET /gettoken?appkey=&appsecret=`` →
  ``{errcode, access_token, expires_in}`` (7200 s); every other call carries
  ``?access_token=``; errcode 0 is success, 88 carries ``sub_code``/``sub_msg`` (token or
  permission), -1 is "系统繁忙, 稍后重试"; 40014 invalid token, 42001 token expired — DingTalk's
  "服务端API错误码" table (open.dingtalk.com document "server-side API error codes"; also
  mirrored on mabiji.com/dingtalk/errcode.html).
- Government edition (专有钉钉开放平台, e.g. https://openplatform.dg-work.cn, production
  https://openplatform-pro.ding.zj.gov.cn for 浙政钉): HMAC-SHA256 over
  ``METHOD\\ntimestamp\\nnonce\\nuri[\\nk1=v1&k2=v2...]`` (parameters sorted, values as sent,
  unencoded) keyed by the secretKey, base64; headers X-Hmac-Auth-Timestamp
  (``yyyy-MM-ddTHH:mm:ss.SSS+08:00``), X-Hmac-Auth-Version ``1.0``, X-Hmac-Auth-Nonce
  (millisecond time + 4 random digits), apiKey, X-Hmac-Auth-Signature, X-Hmac-Auth-IP,
  X-Hmac-Auth-MAC; parameters go form-encoded in the body. Token: ``GET /gettoken.json``
  (appkey, appsecret) → ``content.data.accessToken/expiresIn``. As in the zwdd SDK
  (``ExecutableClient``) and its ports in public repositories (C#, PHP, Python clients of
  ``/message/workNotification``, ``/mozi/employee/get_by_mobile``).
  The gateway's error codes are not published: only HTTP 5xx/429 and answers that say
  "限流/繁忙/频繁" (or codes naming LIMIT/BUSY) are treated as transient.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import uuid
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache

from duban.lib import clock, http_calls
from duban.lib.http_calls import Failure

PUBLIC_API_BASE = "https://oapi.dingtalk.com"
GOV_API_BASE = "https://openplatform.dg-work.cn"

# Rate limit / system busy: DingTalk asks to retry later. 130101/130102: "发送太快".
OAPI_TRANSIENT_CODES = {-1, 90002, 90006, 90018, 130101, 130102}
# The token is unknown or expired; a fresh one fixes the call.
OAPI_TOKEN_CODES = {40001, 40014, 42001}
GOV_TRANSIENT_HINTS = ("LIMIT", "BUSY", "FLOW", "限流", "繁忙", "频繁", "稍后")
GOV_TOKEN_HINTS = ("TOKEN",)

# Renew a token this long before DingTalk says it expires (its clock and ours differ).
TOKEN_MARGIN_SECONDS = 300
# One fetch at a time; a holder that dies frees the lock after this.
LOCK_SECONDS = 15
SHANGHAI = ZoneInfo("Asia/Shanghai")


class DingTalkError(Exception):
    def __init__(
        self,
        code: int | str | None,
        message: str,
        *,
        transient: bool = False,
        ambiguous: bool = False,
        answer: dict | None = None,
    ):
        super().__init__(f"钉钉 {code}: {message}" if code is not None else f"钉钉: {message}")
        self.code = code
        self.message = message
        self.transient = transient
        self.ambiguous = ambiguous
        self.answer = answer


def edition() -> str:
    return getattr(settings, "DINGTALK_EDITION", "public") or "public"


def api_base() -> str:
    base = getattr(settings, "DINGTALK_API_BASE", "") or (GOV_API_BASE if edition() == "gov" else PUBLIC_API_BASE)
    return base.rstrip("/")


# --- HTTP -------------------------------------------------------------------------------


def _request(method: str, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> dict:
    timeout = getattr(settings, "NOTIFY_HTTP_TIMEOUT_SECONDS", 10)
    try:
        raw = http_calls.call(url, method=method, data=data, headers=headers, timeout=timeout)
        answer = http_calls.json_answer(raw)
    except http_calls.CallFailed as exc:
        # Sorted by http_calls; only a permanent refusal is not worth a later try.
        if exc.status is not None:
            raise DingTalkError(exc.detail, exc.body_text, transient=exc.kind is Failure.TRANSIENT) from exc
        raise DingTalkError(None, exc.detail, transient=True, ambiguous=exc.kind is Failure.AMBIGUOUS) from exc
    if not isinstance(answer, dict):
        raise DingTalkError(None, f"无法解析的响应: {raw[:200]!r}", transient=True, ambiguous=True)
    return answer


# --- government gateway signing ---------------------------------------------------------


def _pairs(params: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for key, value in params.items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((str(key), str(item)))
    return sorted(pairs)


def gov_string_to_sign(method: str, timestamp: str, nonce: str, uri: str, params: dict[str, Any]) -> str:
    text = f"{method.upper()}\n{timestamp}\n{nonce}\n{uri}"
    pairs = _pairs(params)
    if pairs:
        text += "\n" + "&".join(f"{k}={v}" for k, v in pairs)
    return text


def gov_signature(secret: str, method: str, timestamp: str, nonce: str, uri: str, params: dict[str, Any]) -> str:
    message = gov_string_to_sign(method, timestamp, nonce, uri, params)
    return base64.b64encode(hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()).decode()


def gov_headers(method: str, uri: str, params: dict[str, Any]) -> dict[str, str]:
    now = clock.now().astimezone(SHANGHAI)
    timestamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}+08:00"
    nonce = f"{int(now.timestamp() * 1000)}{secrets.randbelow(9000) + 1000}"
    return {
        "X-Hmac-Auth-Timestamp": timestamp,
        "X-Hmac-Auth-Version": "1.0",
        "X-Hmac-Auth-Nonce": nonce,
        "apiKey": settings.DINGTALK_APP_KEY,
        "X-Hmac-Auth-Signature": gov_signature(settings.DINGTALK_APP_SECRET, method, timestamp, nonce, uri, params),
        # The gateway records (and may allow-list) the caller's address; the office registers it.
        "X-Hmac-Auth-IP": getattr(settings, "DINGTALK_GOV_CLIENT_IP", "") or "127.0.0.1",
        "X-Hmac-Auth-MAC": getattr(settings, "DINGTALK_GOV_CLIENT_MAC", "")
        or ":".join(f"{uuid.getnode():012x}"[i : i + 2] for i in range(0, 12, 2)),
    }


def _gov_request(method: str, uri: str, params: dict[str, Any]) -> dict:
    headers = gov_headers(method, uri, params)
    encoded = urlencode(_pairs(params))
    url = api_base() + uri
    if method.upper() == "GET":
        return _request("GET", f"{url}?{encoded}" if encoded else url, headers=headers)
    headers["Content-Type"] = "application/x-www-form-urlencoded;charset=utf-8"
    return _request("POST", url, data=encoded.encode(), headers=headers)


def _gov_failure(answer: dict) -> tuple[str, str] | None:
    """(code, message) when the gateway or the API refused, None on success."""
    if not answer.get("success", False):
        return str(answer.get("errorCode") or answer.get("errcode") or "?"), str(answer.get("errorMsg") or "")
    content = answer.get("content")
    if isinstance(content, dict) and content.get("success") is False:
        code = content.get("responseCode") or content.get("errorCode") or "?"
        return str(code), str(content.get("responseMessage") or content.get("errorMsg") or "")
    return None


def _gov_matches(code: str, message: str, hints: tuple[str, ...]) -> bool:
    text = f"{code} {message}".upper()
    return any(hint.upper() in text for hint in hints)


# --- tokens -----------------------------------------------------------------------------


def _token_key() -> str:
    return f"dingtalk:token:{edition()}:{settings.DINGTALK_APP_KEY}"


def _fetch_token() -> tuple[str, int]:
    try:
        return _fetch_token_once()
    except DingTalkError as exc:
        # Asking for a token twice does no harm: never "ambiguous", whatever call it was for.
        exc.ambiguous = False
        raise


def _fetch_token_once() -> tuple[str, int]:
    if edition() == "gov":
        params = {"appkey": settings.DINGTALK_APP_KEY, "appsecret": settings.DINGTALK_APP_SECRET}
        answer = _gov_request("GET", "/gettoken.json", params)
        failure = _gov_failure(answer)
        if failure:
            code, message = failure
            raise DingTalkError(
                code, message, transient=_gov_matches(code, message, GOV_TRANSIENT_HINTS), answer=answer
            )
        data = (answer.get("content") or {}).get("data") or {}
        return str(data.get("accessToken") or ""), int(data.get("expiresIn") or 7200)
    query = urlencode({"appkey": settings.DINGTALK_APP_KEY, "appsecret": settings.DINGTALK_APP_SECRET})
    answer = _request("GET", f"{api_base()}/gettoken?{query}")
    if answer.get("errcode") != 0:
        raise _oapi_error(answer)
    return str(answer["access_token"]), int(answer.get("expires_in") or 7200)


def _store(key: str, token: str, expires_in: int) -> None:
    margin = TOKEN_MARGIN_SECONDS if expires_in > 2 * TOKEN_MARGIN_SECONDS else expires_in // 5
    cache.set(key, token, timeout=max(expires_in - margin, 1))


def app_access_token(*, stale: str | None = None) -> str:
    """The cached app token; with `stale`, a token other than that one (renewed once for all)."""
    key = _token_key()
    token = cache.get(key)
    if token and token != stale:
        return token
    lock, owner = f"{key}:lock", secrets.token_hex(8)
    deadline = time.monotonic() + LOCK_SECONDS
    while True:
        if cache.add(lock, owner, timeout=LOCK_SECONDS):
            try:
                # Another worker may have renewed it between our read and the lock.
                token = cache.get(key)
                if token and token != stale:
                    return token
                token, expires_in = _fetch_token()
                _store(key, token, expires_in)
                return token
            finally:
                if cache.get(lock) == owner:
                    cache.delete(lock)
        time.sleep(0.05)
        token = cache.get(key)
        if token and token != stale:
            return token
        if time.monotonic() > deadline:
            # The holder hung past its lock: fetch ourselves rather than fail the call.
            token, expires_in = _fetch_token()
            _store(key, token, expires_in)
            return token


# --- calls ------------------------------------------------------------------------------


def _oapi_error(answer: dict) -> DingTalkError:
    code = answer.get("errcode")
    sub = str(answer.get("sub_code") or "")
    message = str(answer.get("sub_msg") or answer.get("errmsg") or "")
    transient = code in OAPI_TRANSIENT_CODES or (
        code == 88 and sub.lstrip("-").isdigit() and int(sub) in OAPI_TRANSIENT_CODES
    )
    shown = f"{code}/{sub}" if sub else code
    return DingTalkError(shown, message, transient=transient, answer=answer)


def _oapi_token_rejected(answer: dict) -> bool:
    code = answer.get("errcode")
    sub = str(answer.get("sub_code") or "")
    return code in OAPI_TOKEN_CODES or (code == 88 and sub in {str(c) for c in OAPI_TOKEN_CODES})


def call_oapi(path: str, body: dict | None = None, *, query: dict | None = None, method: str = "POST") -> dict:
    token = app_access_token()
    for attempt in (1, 2):
        url = f"{api_base()}/{path.lstrip('/')}?{urlencode({**(query or {}), 'access_token': token})}"
        data = None if method.upper() == "GET" else json.dumps(body or {}, ensure_ascii=False).encode()
        headers = {} if data is None else {"Content-Type": "application/json;charset=utf-8"}
        answer = _request(method.upper(), url, data=data, headers=headers)
        if answer.get("errcode", 0) == 0:
            return answer
        if attempt == 1 and _oapi_token_rejected(answer):
            # Refused for the token, so not carried out: safe to repeat with a fresh one.
            token = app_access_token(stale=token)
            continue
        raise _oapi_error(answer)
    raise AssertionError("unreachable")


def call_gov(path: str, params: dict | None = None, *, method: str = "POST", with_token: bool = False) -> dict:
    uri = "/" + path.lstrip("/")
    token = app_access_token() if with_token else None
    for attempt in (1, 2):
        signed = dict(params or {})
        if token:
            signed["access_token"] = token
        answer = _gov_request(method, uri, signed)
        failure = _gov_failure(answer)
        if failure is None:
            return answer
        code, message = failure
        if token and attempt == 1 and _gov_matches(code, message, GOV_TOKEN_HINTS):
            token = app_access_token(stale=token)
            continue
        raise DingTalkError(code, message, transient=_gov_matches(code, message, GOV_TRANSIENT_HINTS), answer=answer)
    raise AssertionError("unreachable")

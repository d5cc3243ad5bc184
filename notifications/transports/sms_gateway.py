"""An office's own HTTP SMS gateway (短信网关 / 短信平台), described by settings only.

Government intranets often reach SMS through an operator's or a province platform's
HTTP interface rather than a public cloud. They differ in details but share a shape,
which SMS_GATEWAY_* (duban/sms_config.py) describes:

- the request: URL; POST form, POST JSON or GET; the mobile and content field names;
  optional account/password fields and static extra fields; an optional timestamp;
- the signature: none; HMAC-SHA256 with a secret over "k=v&k=v" of the named fields
  (all fields sorted by name when none are named), hex or base64, into a field or a
  header; or MD5 (hex) of the concatenated parts in a configured order, e.g.
  md5(account + password + timestamp), as many such platforms ask (password_md5 for
  md5(account + md5(password) + timestamp));
- the answer: accepted when the value at a JSON path equals a value, or when a regex
  matches a text answer; the message id from a JSON path or a regex group; answers
  meaning "busy, try later" listed as retry values or a retry regex.

At most once like the cloud providers: a read timeout or an unreadable 200 is
ambiguous and never re-sent. HTTP 5xx/429, a refused connection and the retry markers
are transient; any other refusal is permanent. The gateway has no standard status
query, so an unknown send stays for a person to check.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from duban.lib import clock, http_calls
from duban.sms_config import check
from notifications.models import Channel
from notifications.transports import sms_http
from notifications.transports.base import Transport, TransportError
from notifications.transports.outgoing import Outgoing

log = logging.getLogger(__name__)
CHINA = ZoneInfo("Asia/Shanghai")


def json_path(answer: Any, path: str) -> Any:
    """ "result.code" or "data.0.sid"; None where the answer has no such member."""
    node = answer
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def timestamp(c: dict) -> str:
    now = clock.now()
    if c["TIMESTAMP_FORMAT"] == "unix_ms":
        return str(int(now.timestamp() * 1000))
    if c["TIMESTAMP_FORMAT"] == "datetime":
        return now.astimezone(CHINA).strftime("%Y%m%d%H%M%S")
    return str(int(now.timestamp()))


def signature(c: dict, fields: dict[str, str]) -> str:
    """The sign value for `fields` (the request without the sign itself)."""
    if c["SIGNING"] == "hmac":
        names = c["SIGN_FIELDS"] or sorted(fields)
        canonical = "&".join(f"{name}={fields.get(name, '')}" for name in names)
        digest = hmac.new(c["SECRET"].encode(), canonical.encode(c["ENCODING"]), hashlib.sha256).digest()
        value = digest.hex() if c["SIGN_ENCODING"] == "hex" else base64.b64encode(digest).decode()
    else:
        logical = {
            "account": c["ACCOUNT"],
            "password": c["PASSWORD"],
            "password_md5": hashlib.md5(c["PASSWORD"].encode()).hexdigest(),
            "secret": c["SECRET"],
            "timestamp": fields.get(c["TIMESTAMP_FIELD"], ""),
            "mobile": fields[c["MOBILE_FIELD"]],
            "content": fields[c["CONTENT_FIELD"]],
        }
        text = "".join(logical[t] if t in logical else fields.get(t, "") for t in c["SIGN_FIELDS"])
        value = hashlib.md5(text.encode(c["ENCODING"])).hexdigest()
    return value.upper() if c["SIGN_UPPERCASE"] else value


def build_request(c: dict, *, phone: str, text: str) -> tuple[str, str, bytes | None, dict[str, str]]:
    """-> (url, method, body, headers) for one SMS."""
    fields = {c["MOBILE_FIELD"]: phone, c["CONTENT_FIELD"]: f"{c['CONTENT_PREFIX']}{text}"}
    if c["ACCOUNT_FIELD"]:
        fields[c["ACCOUNT_FIELD"]] = c["ACCOUNT"]
    if c["PASSWORD_FIELD"]:
        fields[c["PASSWORD_FIELD"]] = c["PASSWORD"]
    fields.update(c["EXTRA_FIELDS"])
    signing = c["SIGNING"] != "none"
    if c["TIMESTAMP_FIELD"] and (signing or "timestamp" in c["SIGN_FIELDS"]):
        fields[c["TIMESTAMP_FIELD"]] = timestamp(c)
    headers: dict[str, str] = {}
    if signing:
        value = signature(c, fields)
        if c["SIGN_HEADER"]:
            headers[c["SIGN_HEADER"]] = value
        else:
            fields[c["SIGN_FIELD"]] = value
    charset = c["ENCODING"]
    if c["METHOD"] == "get":
        joiner = "&" if "?" in c["URL"] else "?"
        return f"{c['URL']}{joiner}{urlencode(fields, encoding=charset)}", "GET", None, headers
    if c["METHOD"] == "post_json":
        headers["Content-Type"] = f"application/json; charset={charset}"
        return c["URL"], "POST", json.dumps(fields, ensure_ascii=False).encode(charset), headers
    headers["Content-Type"] = f"application/x-www-form-urlencoded; charset={charset}"
    return c["URL"], "POST", urlencode(fields, encoding=charset).encode("ascii"), headers


class GatewaySmsTransport(Transport):
    channel = Channel.SMS
    at_most_once = True

    def __init__(self) -> None:
        self.config = settings.SMS_GATEWAY
        if not self.config:
            raise ImproperlyConfigured("SMS_BACKEND=gateway but SMS_GATEWAY is empty (set SMS_GATEWAY_URL …)")
        check(self.config)

    def send(self, out: Outgoing) -> str:
        c = self.config
        url, method, body, headers = build_request(c, phone=out.recipient.phone, text=out.text.short)
        status, raw = sms_http.exchange(url, method=method, data=body, headers=headers)
        text = raw.decode(c["ENCODING"], "replace")
        answer: Any = text
        if c["SUCCESS_JSON_PATH"] or c["ID_JSON_PATH"] or c["ERROR_JSON_PATH"]:
            try:
                answer = json.loads(text)
            except ValueError:
                answer = text
        self.last_answer = {"http_status": status, "answer": answer}
        return self._judge(out, status, text, answer)

    def _judge(self, out: Outgoing, status: int, text: str, answer: Any) -> str:
        c = self.config
        if http_calls.transient_status(status):
            raise TransportError(f"短信网关 HTTP {status}: {text[:300]}")
        if c["SUCCESS_JSON_PATH"]:
            if not isinstance(answer, (dict, list)):
                # A 200 we cannot read may still mean the gateway took the message.
                raise TransportError(
                    f"短信网关的应答无法解析 (HTTP {status}): {text[:200]!r}",
                    permanent=status >= 400,
                    ambiguous=status < 400,
                )
            marker = json_path(answer, c["SUCCESS_JSON_PATH"])
            accepted = marker is not None and str(marker) == c["SUCCESS_VALUE"]
            retry = marker is not None and str(marker) in c["RETRY_VALUES"]
        else:
            marker = None
            accepted = re.search(c["SUCCESS_REGEX"], text) is not None
            retry = False
        retry = retry or bool(c["RETRY_REGEX"] and re.search(c["RETRY_REGEX"], text))
        if accepted and status < 400:
            return self._provider_id(out, text, answer)
        reason = json_path(answer, c["ERROR_JSON_PATH"]) if c["ERROR_JSON_PATH"] else None
        shown = f"{marker} {reason or ''}".strip() if marker is not None else text[:300]
        raise TransportError(f"短信网关拒绝 (HTTP {status}): {shown}", permanent=not retry)

    def _provider_id(self, out: Outgoing, text: str, answer: Any) -> str:
        c = self.config
        found = None
        if c["ID_JSON_PATH"]:
            found = json_path(answer, c["ID_JSON_PATH"])
        elif c["ID_REGEX"]:
            match = re.search(c["ID_REGEX"], text)
            if match:
                found = match.groupdict().get("id") or (match.group(1) if match.groups() else match.group(0))
        if found in (None, ""):
            if c["ID_JSON_PATH"] or c["ID_REGEX"]:
                log.warning("SMS gateway accepted delivery %s but its answer has no message id", out.ref)
            return f"gateway:{out.ref}"
        return str(found)

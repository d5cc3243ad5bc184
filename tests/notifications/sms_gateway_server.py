"""A local 短信网关 that checks each request's signature, as an office's gateway would.

The verification is written from the gateway's side (what its interface document
would say), independently of notifications.transports.sms_gateway, so a signing bug
in the app is refused here. It answers like such gateways do: JSON
{"code": "0", "msg": "ok", "data": {"msgid": …}} or a text line "OK:<msgid>" /
"ERR:<code> <reason>"; a test can make it refuse, be busy, answer 429 or 500, or be slow.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from duban.sms_config import sms_gateway_from_env

ACCOUNT = "duban01"
PASSWORD = "gw-pass-1"
SECRET = "gw-hmac-secret"
SIGN_HEADER = "X-Sign"


@dataclass
class Sms:
    phone: str
    content: str
    fields: dict
    msgid: str


@dataclass
class GatewayState:
    signing: str = "none"  # what this gateway expects: none | hmac | hmac_header | md5 | md5_password
    style: str = "json"  # json | text
    received: list[Sms] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    script: list[str] = field(default_factory=list)  # next answers: reject | busy | 429 | 500 | slow
    always: str = ""
    slow_seconds: float = 3.0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self) -> int:
        with self.lock:
            return len(self.received)


def expected_sign(signing: str, fields: dict[str, str]) -> str:
    """What the gateway's interface document says the sign must be."""
    if signing in ("hmac", "hmac_header"):
        canonical = "&".join(f"{k}={fields[k]}" for k in sorted(fields))
        return hmac.new(SECRET.encode(), canonical.encode(), hashlib.sha256).hexdigest()
    if signing == "md5":
        return hashlib.md5(f"{ACCOUNT}{PASSWORD}{fields.get('timestamp', '')}".encode()).hexdigest()
    if signing == "md5_password":  # md5(account + md5(password) + timestamp), upper case
        inner = hashlib.md5(PASSWORD.encode()).hexdigest()
        return hashlib.md5(f"{ACCOUNT}{inner}{fields.get('timestamp', '')}".encode()).hexdigest().upper()
    return ""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up on a slow answer is the point of the "slow" step, not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    state: GatewayState

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        self._handle(dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True)))

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Content-Type", "").startswith("application/json"):
            fields = {k: str(v) for k, v in json.loads(raw).items()}
        else:
            fields = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True))
        self._handle(fields)

    def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _refuse(self, code: str, reason: str) -> None:
        if self.state.style == "text":
            return self._send(200, f"ERR:{code} {reason}", "text/plain")
        return self._send(200, json.dumps({"code": code, "msg": reason}, ensure_ascii=False))

    def _handle(self, fields: dict[str, str]) -> None:
        state = self.state
        with state.lock:
            state.requests += 1
            action = state.script.pop(0) if state.script else state.always
        if action == "500":
            return self._send(500, '{"code": "9999", "msg": "internal error"}')
        if action == "429":
            return self._send(429, '{"code": "1006", "msg": "too many requests"}')
        problem = self._check(fields)
        if problem:
            with state.lock:
                state.rejected.append(problem)
            return self._refuse("1001", problem)
        if action == "reject":
            return self._refuse("1002", "号码无效")
        if action == "busy":
            return self._refuse("1005", "系统忙")
        if action == "slow":
            time.sleep(state.slow_seconds)  # the client gives up; the SMS goes out all the same
        with state.lock:
            msgid = f"gw-{len(state.received) + 1}"
            state.received.append(Sms(fields.get("mobile", ""), fields.get("content", ""), fields, msgid))
        if state.style == "text":
            return self._send(200, f"OK:{msgid}", "text/plain")
        return self._send(200, json.dumps({"code": "0", "msg": "ok", "data": {"msgid": msgid}}))

    def _check(self, fields: dict[str, str]) -> str:
        signing = self.state.signing
        if not fields.get("mobile") or not fields.get("content"):
            return "missing mobile or content"
        if fields.get("account") != ACCOUNT:
            return "unknown account"
        if signing == "none":
            return "" if fields.get("password") == PASSWORD else "wrong password"
        if signing == "hmac_header":
            given = self.headers.get(SIGN_HEADER, "")
        else:
            given = fields.pop("sign", "")
        if not fields.get("timestamp"):
            return "missing timestamp"
        if "password" in fields and signing.startswith("md5"):
            return "password sent in clear"
        return "" if given and given == expected_sign(signing, fields) else "signature mismatch"


class GatewayServer:
    """The gateway at http://127.0.0.1:<port>/sms/send."""

    def __init__(self, **state) -> None:
        self.state = GatewayState(**state)
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/sms/send"

    def settings_env(self, *, method: str = "post_form", **extra: str) -> dict[str, str]:
        """The SMS_GATEWAY_* an operator would write for this gateway's signing and answers."""
        env = {
            "SMS_BACKEND": "gateway",
            "SMS_GATEWAY_URL": self.url,
            "SMS_GATEWAY_METHOD": method,
            "SMS_GATEWAY_ACCOUNT_FIELD": "account",
            "SMS_GATEWAY_ACCOUNT": ACCOUNT,
            "SMS_GATEWAY_PASSWORD": PASSWORD,
            "SMS_GATEWAY_RETRY_VALUES": "1005",
        }
        signing = self.state.signing
        if signing == "none":
            env["SMS_GATEWAY_PASSWORD_FIELD"] = "password"
        elif signing.startswith("hmac"):
            env.update({"SMS_GATEWAY_SIGNING": "hmac", "SMS_GATEWAY_SECRET": SECRET})
            if signing == "hmac_header":
                env["SMS_GATEWAY_SIGN_HEADER"] = SIGN_HEADER
        elif signing == "md5":
            env.update({"SMS_GATEWAY_SIGNING": "md5", "SMS_GATEWAY_SIGN_FIELDS": "account,password,timestamp"})
        else:
            env.update(
                {
                    "SMS_GATEWAY_SIGNING": "md5",
                    "SMS_GATEWAY_SIGN_FIELDS": "account,password_md5,timestamp",
                    "SMS_GATEWAY_SIGN_UPPERCASE": "true",
                }
            )
        if self.state.style == "text":
            env.update({"SMS_GATEWAY_SUCCESS_REGEX": r"^OK:", "SMS_GATEWAY_ID_REGEX": r"^OK:(?P<id>\S+)"})
            env["SMS_GATEWAY_RETRY_REGEX"] = r"^ERR:1005"
        else:
            env.update(
                {
                    "SMS_GATEWAY_SUCCESS_JSON_PATH": "code",
                    "SMS_GATEWAY_SUCCESS_VALUE": "0",
                    "SMS_GATEWAY_ID_JSON_PATH": "data.msgid",
                    "SMS_GATEWAY_ERROR_JSON_PATH": "msg",
                }
            )
        env.update(extra)
        return env

    def apply(self, settings, **kwargs) -> None:
        """Point Django's settings at this gateway through the same reader start-up uses."""
        env = self.settings_env(**kwargs)
        settings.SMS_BACKEND = "gateway"
        settings.SMS_GATEWAY = sms_gateway_from_env(env)

    def __enter__(self) -> GatewayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

"""Local servers that speak the providers' protocols and check their signatures.

The verification is written from the providers' documentation, independently of
notifications.transports, so a signing bug in the app fails these servers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ALIYUN_KEY_ID = "LTAI-test-key"
ALIYUN_SECRET = "aliyun-test-secret"
DINGTALK_TOKEN = "robot-token"
DINGTALK_SECRET = "SEC-dingtalk-test-secret"


def _pop_encode(text: str) -> str:
    # Aliyun POP: URL-encode in UTF-8, then "+" -> "%20", "*" -> "%2A", "%7E" -> "~".
    return urllib.parse.quote_plus(text, encoding="utf-8").replace("+", "%20").replace("*", "%2A").replace("%7E", "~")


def aliyun_expected_signature(method: str, params: dict[str, str], secret: str) -> str:
    canonical = "&".join(f"{_pop_encode(k)}={_pop_encode(params[k])}" for k in sorted(params))
    to_sign = f"{method}&{_pop_encode('/')}&{_pop_encode(canonical)}"
    return base64.b64encode(hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


@dataclass
class Received:
    kind: str
    phone: str
    payload: dict
    ident: str


@dataclass
class ProviderState:
    received: list[Received] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    fail_next: int = 0  # answer HTTP 500 to this many requests, then recover
    always_fail: bool = False
    nonces: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, kind: str) -> int:
        return sum(1 for r in self.received if r.kind == kind)


class _Handler(BaseHTTPRequestHandler):
    state: ProviderState

    def log_message(self, *args):  # keep test output quiet
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        state = self.state
        with state.lock:
            if state.always_fail or state.fail_next > 0:
                state.fail_next = max(0, state.fail_next - 1)
                return self._answer(500, {"Code": "InternalError", "errcode": -1})
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/robot/send":
                return self._dingtalk(url, raw)
            return self._aliyun(raw)

    def _aliyun(self, raw: bytes):
        params = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True))
        signature = params.pop("Signature", "")
        problems = []
        if signature != aliyun_expected_signature("POST", params, ALIYUN_SECRET):
            problems.append("SignatureDoesNotMatch")
        for key, value in {
            "AccessKeyId": ALIYUN_KEY_ID,
            "Action": "SendSms",
            "Version": "2017-05-25",
            "SignatureMethod": "HMAC-SHA1",
            "SignatureVersion": "1.0",
        }.items():
            if params.get(key) != value:
                problems.append(f"bad {key}")
        if params.get("SignatureNonce") in self.state.nonces:
            problems.append("SignatureNonceUsed")
        if not params.get("Timestamp", "").endswith("Z"):
            problems.append("bad Timestamp")
        if problems:
            self.state.rejected.append(",".join(problems))
            return self._answer(400, {"Code": problems[0], "Message": ",".join(problems)})
        self.state.nonces.add(params["SignatureNonce"])
        template = json.loads(params["TemplateParam"])
        biz_id = f"biz-{len(self.state.received) + 1}"
        self.state.received.append(Received("sms", params["PhoneNumbers"], template, params.get("OutId", "")))
        return self._answer(200, {"Code": "OK", "Message": "OK", "BizId": biz_id, "RequestId": "req"})

    def _dingtalk(self, url, raw: bytes):
        query = dict(urllib.parse.parse_qsl(url.query))
        timestamp = query.get("timestamp", "")
        expected = base64.b64encode(
            hmac.new(DINGTALK_SECRET.encode(), f"{timestamp}\n{DINGTALK_SECRET}".encode(), hashlib.sha256).digest()
        ).decode()
        if query.get("access_token") != DINGTALK_TOKEN or query.get("sign") != expected:
            self.state.rejected.append("dingtalk sign mismatch")
            return self._answer(200, {"errcode": 310000, "errmsg": "sign not match"})
        payload = json.loads(raw)
        phones = payload.get("at", {}).get("atMobiles", [])
        self.state.received.append(Received("dingtalk", phones[0] if phones else "", payload, timestamp))
        return self._answer(200, {"errcode": 0, "errmsg": "ok"})


class ProviderServer:
    """Aliyun SMS at http://127.0.0.1:<port>/ and a DingTalk robot at /robot/send."""

    def __init__(self) -> None:
        self.state = ProviderState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def settings_env(self) -> dict[str, str]:
        return {
            "SMS_BACKEND": "aliyun",
            "ALIYUN_SMS_ENDPOINT": f"{self.url}/",
            "ALIYUN_SMS_ACCESS_KEY_ID": ALIYUN_KEY_ID,
            "ALIYUN_SMS_ACCESS_KEY_SECRET": ALIYUN_SECRET,
            "ALIYUN_SMS_SIGN_NAME": "督办系统",
            "ALIYUN_SMS_TEMPLATE_CODE": "SMS_000001",
            "DINGTALK_WEBHOOK_URL": f"{self.url}/robot/send?access_token={DINGTALK_TOKEN}",
            "DINGTALK_SECRET": DINGTALK_SECRET,
        }

    def __enter__(self) -> ProviderServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

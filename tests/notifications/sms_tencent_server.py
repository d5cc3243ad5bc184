"""A local Tencent Cloud SMS endpoint (API 3.0, 2021-01-11) that checks TC3-HMAC-SHA256.

Written from Tencent's signature v3 document, independently of sms_tencent.py:
it rebuilds the canonical request from the headers it actually received. It speaks
SendSms and PullSmsSendStatusByPhoneNumber, and can answer an error code, HTTP 500
or slowly.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET_ID = "AKID-test-tencent"
SECRET_KEY = "tencent-test-secret-key"
SDK_APP_ID = "1400006666"


@dataclass
class Sent:
    phone: str
    params: list
    serial: str
    session: str
    at: int


@dataclass
class TencentState:
    received: list[Sent] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    # Next answers: "500", "slow", an error code for the whole request ("InternalError.Timeout")
    # or "number:<code>" for the number's own status ("number:LimitExceeded.PhoneNumberDailyLimit").
    script: list[str] = field(default_factory=list)
    slow_seconds: float = 3.0
    report: str = "SUCCESS"  # what the operator's receipt says for each SMS sent
    pulls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self) -> int:
        with self.lock:
            return len(self.received)


def _sign(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def expected_authorization(headers, payload: bytes) -> str:
    timestamp = int(headers.get("X-TC-Timestamp", "0"))
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical_headers = f"content-type:{headers.get('Content-Type', '')}\nhost:{headers.get('Host', '')}\n"
    canonical_request = (
        "POST\n/\n\n" + canonical_headers + "\ncontent-type;host\n" + hashlib.sha256(payload).hexdigest()
    )
    scope = f"{date}/sms/tc3_request"
    string_to_sign = "\n".join(
        ["TC3-HMAC-SHA256", str(timestamp), scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
    )
    secret_date = _sign(("TC3" + SECRET_KEY).encode(), date)
    secret_signing = _sign(_sign(secret_date, "sms"), "tc3_request")
    signature = hmac.new(secret_signing, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return f"TC3-HMAC-SHA256 Credential={SECRET_ID}/{scope}, SignedHeaders=content-type;host, Signature={signature}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up on a slow answer is the point of the "slow" step, not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    state: TencentState

    def log_message(self, *args):
        pass

    def _answer(self, response: dict, status: int = 200) -> None:
        data = json.dumps({"Response": {**response, "RequestId": "req-1"}}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, code: str, message: str) -> None:
        self._answer({"Error": {"Code": code, "Message": message}})

    def do_POST(self):
        payload = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        state = self.state
        action = self.headers.get("X-TC-Action", "")
        with state.lock:
            step = state.script.pop(0) if state.script and action == "SendSms" else ""
        if step == "500":
            return self._answer({}, status=500)
        if self.headers.get("Authorization") != expected_authorization(self.headers, payload):
            state.rejected.append("AuthFailure.SignatureFailure")
            return self._error("AuthFailure.SignatureFailure", "The provided credentials could not be validated.")
        if self.headers.get("X-TC-Version") != "2021-01-11":
            return self._error("InvalidParameterValue", "bad version")
        body = json.loads(payload)
        if body.get("SmsSdkAppId") != SDK_APP_ID:
            return self._error("FailedOperation.SmsSdkAppIdVerifyFail", "bad SmsSdkAppId")
        if action == "PullSmsSendStatusByPhoneNumber":
            return self._pull(body)
        if action != "SendSms":
            return self._error("InvalidAction", action)
        if step and not step.startswith("number:") and step != "slow":
            return self._error(step, "scripted error")
        [phone] = body["PhoneNumberSet"]
        if step.startswith("number:"):
            code = step.split(":", 1)[1]
            status = {"SerialNo": "", "PhoneNumber": phone, "Code": code, "Message": "scripted", "Fee": 0}
            return self._answer({"SendStatusSet": [status]})
        stamp = int(self.headers.get("X-TC-Timestamp", "0"))
        if step == "slow":
            time.sleep(state.slow_seconds)  # the client has given up; the SMS is sent all the same
        with state.lock:
            serial = f"2433:{len(state.received) + 1:020d}"
            state.received.append(
                # The provider's clock at the send is the caller's (the worker's clock is moved).
                Sent(phone, body["TemplateParamSet"], serial, body.get("SessionContext", ""), stamp)
            )
        status = {"SerialNo": serial, "PhoneNumber": phone, "Code": "Ok", "Message": "send success", "Fee": 1}
        return self._answer({"SendStatusSet": [{**status, "SessionContext": body.get("SessionContext", "")}]})

    def _pull(self, body: dict) -> None:
        with self.state.lock:
            self.state.pulls += 1
            begin, end = body["BeginTime"], body.get("EndTime") or 2**40
            sent = [s for s in self.state.received if s.phone == body["PhoneNumber"] and begin <= s.at <= end]
        reports = [
            {
                "UserReceiveTime": s.at,
                "CountryCode": "86",
                "SubscriberNumber": s.phone[3:],
                "PhoneNumber": s.phone,
                "SerialNo": s.serial,
                "ReportStatus": self.state.report,
                "Description": "DELIVRD" if self.state.report == "SUCCESS" else "MK:0001",
            }
            for s in sent
        ]
        return self._answer({"PullSmsSendStatusSet": reports[: body.get("Limit", 100)]})


class TencentServer:
    def __init__(self) -> None:
        self.state = TencentState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def settings_env(self) -> dict[str, str]:
        return {
            "SMS_BACKEND": "tencent",
            "TENCENT_SMS_ENDPOINT": self.url,
            "TENCENT_SMS_SECRET_ID": SECRET_ID,
            "TENCENT_SMS_SECRET_KEY": SECRET_KEY,
            "TENCENT_SMS_SDK_APP_ID": SDK_APP_ID,
            "TENCENT_SMS_SIGN_NAME": "督办系统",
            "TENCENT_SMS_TEMPLATE_ID": "1110",
        }

    def apply(self, settings) -> None:
        for key, value in self.settings_env().items():
            setattr(settings, key, value)

    def __enter__(self) -> TencentServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

"""Tencent Cloud SMS (API 3.0, version 2021-01-11): SendSms, and PullSmsSendStatusByPhoneNumber.

Spoken directly (no SDK), from Tencent's API documentation:
- SendSms (SDK sample https://www.tencentcloud.com/zh/document/product/382/40606; data types
  https://www.tencentcloud.com/document/product/382/40473): PhoneNumberSet in
  E.164 (+8613711112222), SmsSdkAppId, SignName, TemplateId, TemplateParamSet (the
  template's {1}, {2}, … in order), SessionContext (returned as is: "duban-<delivery id>").
  The answer is {"Response": {"SendStatusSet": [{"SerialNo", "Code": "Ok", …}]}} or
  {"Response": {"Error": {"Code", "Message"}}}; LimitExceeded.* (frequency and daily
  limits), RequestLimitExceeded and InternalError.* heal later, every other code will not.
- Signature v3, TC3-HMAC-SHA256 (https://www.tencentcloud.com/zh/document/api/1021/34193):
  CanonicalRequest = POST \\n / \\n (empty query) \\n "content-type:…\\nhost:…\\n" \\n
  "content-type;host" \\n hex(sha256(body)); StringToSign = "TC3-HMAC-SHA256" \\n timestamp
  \\n "<UTC date>/sms/tc3_request" \\n hex(sha256(CanonicalRequest)); the key is
  HMAC chained over "TC3"+SecretKey, the date, "sms", "tc3_request".
- Status: PullSmsSendStatus (https://cloud.tencent.com.cn/document/product/382/38774) is a
  queue (拉取过的内容不会再重复返回: a report goes once, to whoever pulls first), so it
  cannot answer "what became of this one send"; PullSmsSendStatusByPhoneNumber
  (https://www.tencentcloud.com/document/product/382/40518, BeginTime, Offset 0, Limit ≤ 100,
  PhoneNumber, SmsSdkAppId, EndTime; last 7 days) can. Its reports carry SerialNo but not
  SessionContext, so a send that timed out (no SerialNo known) is matched by number and
  time: the one report near the send whose SerialNo belongs to no other delivery.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings

from duban.lib import clock, http_calls
from notifications.models import Channel
from notifications.transports import sms_http
from notifications.transports.base import Lookup, Transport, TransportError
from notifications.transports.outgoing import Outgoing

VERSION = "2021-01-11"
SERVICE = "sms"
CONTENT_TYPE = "application/json; charset=utf-8"
TRANSIENT_PREFIXES = ("LimitExceeded", "RequestLimitExceeded", "InternalError")
REPORT_DELAY_SECONDS = 3600


def e164(phone: str) -> str:
    return phone if phone.startswith("+") else f"+86{phone}"


def is_transient(code: str) -> bool:
    return any(code == p or code.startswith(p + ".") for p in TRANSIENT_PREFIXES)


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def authorization(
    *, secret_id: str, secret_key: str, host: str, payload: bytes, timestamp: int, service: str = SERVICE
) -> str:
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{CONTENT_TYPE}\nhost:{host}\n",
            "content-type;host",
            hashlib.sha256(payload).hexdigest(),
        ]
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    key = _hmac(_hmac(_hmac(f"TC3{secret_key}".encode(), date), service), "tc3_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, SignedHeaders=content-type;host, Signature={signature}"


class TencentSmsTransport(Transport):
    channel = Channel.SMS
    at_most_once = True

    def send(self, out: Outgoing) -> str:
        params = out.text.sms_params
        body = {
            "PhoneNumberSet": [e164(out.recipient.phone)],
            "SmsSdkAppId": settings.TENCENT_SMS_SDK_APP_ID,
            "SignName": settings.TENCENT_SMS_SIGN_NAME,
            "TemplateId": settings.TENCENT_SMS_TEMPLATE_ID,
            # The template reads {1} name, {2} date, {3} status (docs/notifications.md).
            "TemplateParamSet": [params.get("name", ""), params.get("date", ""), params.get("status", "")],
            "SessionContext": f"duban-{out.ref}",
        }
        response = self._call("SendSms", body)
        statuses = response.get("SendStatusSet") or []
        if not statuses:
            raise TransportError(f"腾讯云短信应答缺少 SendStatusSet: {response}", ambiguous=True)
        status = statuses[0]
        code = str(status.get("Code", ""))
        if code == "Ok":
            return str(status.get("SerialNo") or "")
        raise TransportError(f"腾讯云短信 {code}: {status.get('Message', '')}", permanent=not is_transient(code))

    def lookup(self, out: Outgoing, *, since: datetime, known: Callable[[str], bool] | None = None) -> Lookup:
        # Reports for this number from around the send only: a later SMS to the same number
        # (an operator's test message has no ledger row to make its SerialNo "known") must not
        # be taken for it. A receipt that comes later than this leaves the row unknown.
        until = min(clock.now(), since + timedelta(seconds=settings.NOTIFY_LEASE_SECONDS + REPORT_DELAY_SECONDS))
        body = {
            "BeginTime": int((since - timedelta(minutes=1)).timestamp()),
            "EndTime": int(until.timestamp()),
            "Offset": 0,
            "Limit": 100,
            "PhoneNumber": e164(out.recipient.phone),
            "SmsSdkAppId": settings.TENCENT_SMS_SDK_APP_ID,
        }
        reports = self._call("PullSmsSendStatusByPhoneNumber", body).get("PullSmsSendStatusSet") or []
        mine = out.provider_message_id
        if mine:
            candidates = [r for r in reports if r.get("SerialNo") == mine]
        else:
            candidates = [r for r in reports if not (known and known(str(r.get("SerialNo", ""))))]
        if not candidates:
            return Lookup("none")
        if len(candidates) > 1:
            return Lookup("none", detail=f"该号码在此时段有{len(candidates)}条回执，无法确定哪条是本次发送")
        report = candidates[0]
        state = "delivered" if report.get("ReportStatus") == "SUCCESS" else "failed"
        return Lookup(state, provider_id=str(report.get("SerialNo", "")), detail=str(report.get("Description", "")))

    def _call(self, action: str, body: dict) -> dict:
        payload = json.dumps(body, ensure_ascii=False).encode()
        timestamp = int(clock.now().timestamp())
        url = settings.TENCENT_SMS_ENDPOINT
        headers = {
            "Content-Type": CONTENT_TYPE,
            "X-TC-Action": action,
            "X-TC-Version": VERSION,
            "X-TC-Region": settings.TENCENT_SMS_REGION,
            "X-TC-Timestamp": str(timestamp),
            "Authorization": authorization(
                secret_id=settings.TENCENT_SMS_SECRET_ID,
                secret_key=settings.TENCENT_SMS_SECRET_KEY,
                host=urlsplit(url).netloc,
                payload=payload,
                timestamp=timestamp,
            ),
        }
        status, raw = sms_http.exchange(url, data=payload, headers=headers)
        if http_calls.transient_status(status):
            raise TransportError(f"腾讯云短信 HTTP {status}: {raw[:300].decode('utf-8', 'replace')}")
        try:
            answer = json.loads(raw)
        except ValueError as exc:
            raise TransportError(
                f"腾讯云短信应答无法解析 (HTTP {status}): {raw[:200]!r}",
                permanent=status >= 400,
                ambiguous=status < 400,
            ) from exc
        self.last_answer = answer
        response = answer.get("Response") or {}
        error = response.get("Error")
        if error:
            code = str(error.get("Code", ""))
            raise TransportError(f"腾讯云短信 {code}: {error.get('Message', '')}", permanent=not is_transient(code))
        return response

"""Aliyun Dysmsapi SendSms, and QuerySendDetails to settle a send whose outcome is unknown.

The adapter speaks the RPC API directly (no SDK): POP signature version 1.0,
HMAC-SHA1 over "POST&%2F&" + the percent-encoded, sorted, canonical query string,
keyed by AccessKeySecret + "&". The endpoint is a setting so tests can point it at
a local server that verifies the signature.

QuerySendDetails (https://help.aliyun.com/document_detail/419277.html): PhoneNumber,
SendDate yyyyMMdd (last 30 days), PageSize 1..50, CurrentPage; each record has OutId
and SendStatus 1 等待回执 / 2 发送失败 / 3 发送成功. Our OutId is "duban-<delivery id>",
so a record found is ours beyond doubt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.conf import settings

from duban.lib import clock
from notifications.models import Channel
from notifications.transports import http
from notifications.transports.base import Lookup, Transport, TransportError
from notifications.transports.outgoing import Outgoing

log = logging.getLogger(__name__)
CHINA = ZoneInfo("Asia/Shanghai")

# Aliyun error codes that a later retry can fix (throttling, provider hiccups).
TRANSIENT_CODES = {
    "isp.SYSTEM_ERROR",
    "isp.RAM_PERMISSION_DENY",
    "isv.BUSINESS_LIMIT_CONTROL",
    "isv.DAY_LIMIT_CONTROL",
    "SignatureNonceUsed",
    "Throttling.User",
    "ServiceUnavailable",
}


def percent_encode(value: str) -> str:
    """RFC 3986 encoding as Aliyun POP wants it: only A-Z a-z 0-9 - _ . ~ stay; space is %20."""
    return quote(value, safe="~")


def string_to_sign(method: str, params: dict[str, str]) -> str:
    canonical = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()))
    return f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"


def sign(method: str, params: dict[str, str], secret: str) -> str:
    digest = hmac.new(f"{secret}&".encode(), string_to_sign(method, params).encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def common_params(action: str, *, now: datetime) -> dict[str, str]:
    return {
        "AccessKeyId": settings.ALIYUN_SMS_ACCESS_KEY_ID,
        "Action": action,
        "Format": "JSON",
        "RegionId": settings.ALIYUN_SMS_REGION,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": uuid.uuid4().hex,
        "SignatureVersion": "1.0",
        "Timestamp": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": "2017-05-25",
    }


def send_sms_params(*, phone: str, template_param: dict[str, str], out_id: str, now: datetime) -> dict[str, str]:
    params = common_params("SendSms", now=now)
    params.update(
        {
            "OutId": out_id,
            "PhoneNumbers": phone,
            "SignName": settings.ALIYUN_SMS_SIGN_NAME,
            "TemplateCode": settings.ALIYUN_SMS_TEMPLATE_CODE,
            "TemplateParam": json.dumps(template_param, ensure_ascii=False, separators=(",", ":")),
        }
    )
    return params


class AliyunSmsTransport(Transport):
    channel = Channel.SMS
    at_most_once = True

    def send(self, out: Outgoing) -> str:
        params = send_sms_params(
            phone=out.recipient.phone,
            template_param=out.text.sms_params,
            out_id=f"duban-{out.ref}",
            now=clock.now(),
        )
        answer = self._call(params)
        code = answer.get("Code")
        if code == "OK":
            return str(answer.get("BizId") or "")
        message = f"阿里云短信 {code}: {answer.get('Message', '')}"
        raise TransportError(message, permanent=code not in TRANSIENT_CODES)

    def lookup(self, out: Outgoing, *, since: datetime, known: Any = None) -> Lookup:
        params = common_params("QuerySendDetails", now=clock.now())
        params.update(
            {
                "PhoneNumber": out.recipient.phone,
                "SendDate": since.astimezone(CHINA).strftime("%Y%m%d"),
                "PageSize": "50",
                "CurrentPage": "1",
            }
        )
        answer = self._call(params)
        if answer.get("Code") != "OK":
            raise TransportError(f"阿里云短信查询 {answer.get('Code')}: {answer.get('Message', '')}")
        records = (answer.get("SmsSendDetailDTOs") or {}).get("SmsSendDetailDTO") or []
        ours = [r for r in records if r.get("OutId") == f"duban-{out.ref}"]
        if not ours:
            return Lookup("none")
        record = ours[0]
        status = int(record.get("SendStatus") or 0)
        detail = f"SendStatus={status} ErrCode={record.get('ErrCode', '')}"
        # 1 (waiting for the operator's receipt) still means Aliyun accepted the message.
        return Lookup("failed" if status == 2 else "delivered", detail=detail)

    def _call(self, params: dict[str, str]) -> dict:
        params["Signature"] = sign("POST", params, settings.ALIYUN_SMS_ACCESS_KEY_SECRET)
        body = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in params.items()).encode()
        answer = http.post(settings.ALIYUN_SMS_ENDPOINT, body, content_type="application/x-www-form-urlencoded")
        self.last_answer = answer
        return answer

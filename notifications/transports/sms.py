"""SMS: a console backend for the embedded default, and Aliyun Dysmsapi SendSms.

The Aliyun adapter speaks the RPC API directly (no SDK): POP signature version 1.0,
HMAC-SHA1 over "POST&%2F&" + the percent-encoded, sorted, canonical query string,
keyed by AccessKeySecret + "&". The endpoint is a setting so tests can point it at
a local server that verifies the signature.
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

from django.conf import settings

from duban.lib import clock
from notifications.transports import http
from notifications.transports.base import Transport, TransportError

log = logging.getLogger(__name__)

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


def send_sms_params(*, phone: str, template_param: dict[str, str], out_id: str, now: datetime) -> dict[str, str]:
    return {
        "AccessKeyId": settings.ALIYUN_SMS_ACCESS_KEY_ID,
        "Action": "SendSms",
        "Format": "JSON",
        "OutId": out_id,
        "PhoneNumbers": phone,
        "RegionId": settings.ALIYUN_SMS_REGION,
        "SignName": settings.ALIYUN_SMS_SIGN_NAME,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": uuid.uuid4().hex,
        "SignatureVersion": "1.0",
        "TemplateCode": settings.ALIYUN_SMS_TEMPLATE_CODE,
        "TemplateParam": json.dumps(template_param, ensure_ascii=False, separators=(",", ":")),
        "Timestamp": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": "2017-05-25",
    }


class ConsoleSmsTransport(Transport):
    channel = "sms"
    at_most_once = True

    def send(self, delivery: Any) -> str:
        log.info("SMS to %s: %s", delivery.recipient.phone, delivery.message.short)
        return f"console:{delivery.pk}"


class AliyunSmsTransport(Transport):
    channel = "sms"
    at_most_once = True

    def send(self, delivery: Any) -> str:
        params = send_sms_params(
            phone=delivery.recipient.phone,
            template_param=delivery.message.sms_params,
            out_id=f"duban-{delivery.pk}",
            now=clock.now(),
        )
        params["Signature"] = sign("POST", params, settings.ALIYUN_SMS_ACCESS_KEY_SECRET)
        body = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in params.items()).encode()
        answer = http.post(settings.ALIYUN_SMS_ENDPOINT, body, content_type="application/x-www-form-urlencoded")
        code = answer.get("Code")
        if code == "OK":
            return str(answer.get("BizId") or "")
        message = f"阿里云短信 {code}: {answer.get('Message', '')}"
        raise TransportError(message, permanent=code not in TRANSIENT_CODES)


def sms_transport() -> Transport:
    return AliyunSmsTransport() if settings.SMS_BACKEND == "aliyun" else ConsoleSmsTransport()

"""DingTalk (and 浙政钉) custom robot webhook, signed ("加签") when a secret is set.

sign = urlencode(base64(HMAC-SHA256(key=secret, msg=f"{timestamp}\\n{secret}"))),
appended as &timestamp=<ms>&sign=<sign>; the robot answers {"errcode": 0} on success.
The recipient is @-mentioned by mobile number so the group message reaches them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from urllib.parse import quote_plus

from django.conf import settings

from duban.lib import clock
from notifications.models import Channel
from notifications.transports import http
from notifications.transports.base import Transport, TransportError
from notifications.transports.outgoing import Outgoing

# 130101: sending too fast; -1: system busy. Others (bad keyword, bad sign) will not heal.
TRANSIENT_ERRCODES = {-1, 130101, 130102}


def signature(timestamp_ms: int, secret: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


def signed_url(url: str, secret: str, timestamp_ms: int) -> str:
    if not secret:
        return url
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp_ms}&sign={signature(timestamp_ms, secret)}"


class DingTalkTransport(Transport):
    channel = Channel.DINGTALK
    at_most_once = True

    def __init__(self) -> None:
        self.last_answer: dict | None = None

    def send(self, out: Outgoing) -> str:
        msg = out.text
        phone = out.recipient.phone
        payload = {
            "msgtype": "markdown",
            "markdown": {"title": msg.subject[:64], "text": f"### {msg.subject}\n\n{msg.body}\n\n@{phone}".strip()},
            "at": {"atMobiles": [phone] if phone else [], "isAtAll": False},
        }
        timestamp = int(clock.now().timestamp() * 1000)
        url = signed_url(settings.DINGTALK_WEBHOOK_URL, settings.DINGTALK_SECRET, timestamp)
        answer = http.post(url, json.dumps(payload, ensure_ascii=False).encode(), content_type="application/json")
        self.last_answer = answer
        errcode = answer.get("errcode")
        if errcode == 0:
            # The robot API returns no message id; the timestamp identifies the call in its logs.
            return f"dingtalk:{timestamp}"
        raise TransportError(f"钉钉 {errcode}: {answer.get('errmsg', '')}", permanent=errcode not in TRANSIENT_ERRCODES)

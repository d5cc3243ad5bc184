"""SMS: the console backend (embedded default) and the choice among the providers.

SMS_BACKEND: console | aliyun (sms_aliyun.py) | tencent (sms_tencent.py) |
gateway (sms_gateway.py, an office's own HTTP gateway). All are at most once:
an SMS cannot be recognised as a duplicate by its reader.
"""

from __future__ import annotations

import logging

from django.conf import settings

from notifications.models import Channel
from notifications.transports.base import Transport
from notifications.transports.outgoing import Outgoing
from notifications.transports.sms_aliyun import (  # noqa: F401  (the names the tests and callers know)
    TRANSIENT_CODES,
    AliyunSmsTransport,
    percent_encode,
    send_sms_params,
    sign,
    string_to_sign,
)
from notifications.transports.sms_gateway import GatewaySmsTransport
from notifications.transports.sms_tencent import TencentSmsTransport

log = logging.getLogger(__name__)


class ConsoleSmsTransport(Transport):
    channel = Channel.SMS
    at_most_once = True

    def send(self, out: Outgoing) -> str:
        log.info("SMS to %s: %s", out.recipient.phone, out.text.short)
        self.last_answer = {"console": "logged", "phone": out.recipient.phone, "text": out.text.short}
        return f"console:{out.ref}"


BACKENDS: dict[str, type[Transport]] = {
    "console": ConsoleSmsTransport,
    "aliyun": AliyunSmsTransport,
    "tencent": TencentSmsTransport,
    "gateway": GatewaySmsTransport,
}


def sms_transport() -> Transport:
    return BACKENDS.get(settings.SMS_BACKEND, ConsoleSmsTransport)()

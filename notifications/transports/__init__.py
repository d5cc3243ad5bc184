"""Channels. One module per channel; `get_transport` picks the configured one."""

from __future__ import annotations

from notifications.transports.base import Transport, TransportError
from notifications.transports.dingtalk import DingTalkTransport
from notifications.transports.email import EmailTransport
from notifications.transports.inbox import InboxTransport
from notifications.transports.sms import sms_transport


def get_transport(channel: str) -> Transport:
    if channel == "email":
        return EmailTransport()
    if channel == "sms":
        return sms_transport()
    if channel == "dingtalk":
        return DingTalkTransport()
    if channel == "inbox":
        return InboxTransport()
    raise ValueError(f"unknown channel {channel!r}")


__all__ = ["Transport", "TransportError", "get_transport"]

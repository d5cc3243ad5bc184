"""Channels. One module per channel; `get_transport` picks the configured one."""

from __future__ import annotations

from django.conf import settings

from notifications.transports.base import Transport, TransportError
from notifications.transports.dingtalk import DingTalkTransport
from notifications.transports.dingtalk_work import WorkNoticeTransport
from notifications.transports.email import EmailTransport
from notifications.transports.inbox import InboxTransport
from notifications.transports.sms import sms_transport


def get_transport(channel: str) -> Transport:
    if channel == "email":
        return EmailTransport()
    if channel == "sms":
        return sms_transport()
    if channel == "dingtalk":
        return WorkNoticeTransport() if settings.DINGTALK_MODE == "work_notice" else DingTalkTransport()
    if channel == "inbox":
        return InboxTransport()
    raise ValueError(f"unknown channel {channel!r}")


def dingtalk_reaches(*, phone: str, has_id: bool) -> bool:
    """Whether the configured DingTalk channel can reach this person: a work notification needs
    their DingTalk id or a mobile to look it up by; the group robot needs only its webhook."""
    if settings.DINGTALK_MODE == "work_notice":
        return bool(phone) or has_id
    return bool(settings.DINGTALK_WEBHOOK_URL)


__all__ = ["Transport", "TransportError", "dingtalk_reaches", "get_transport"]

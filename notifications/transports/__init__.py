"""Channels. One module per channel; `get_transport` picks the configured one."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from notifications.models import Channel
from notifications.transports.base import Transport, TransportError
from notifications.transports.dingtalk import DingTalkTransport
from notifications.transports.dingtalk_work import WorkNoticeTransport
from notifications.transports.email import EmailTransport
from notifications.transports.inbox import InboxTransport
from notifications.transports.sms import sms_transport


def _dingtalk() -> Transport:
    return WorkNoticeTransport() if settings.DINGTALK_MODE == "work_notice" else DingTalkTransport()


# One entry per channel: how to make its configured transport (each module reads its own settings).
REGISTRY: dict[str, Callable[[], Transport]] = {
    Channel.EMAIL: EmailTransport,
    Channel.SMS: sms_transport,
    Channel.DINGTALK: _dingtalk,
    Channel.INBOX: InboxTransport,
}


def get_transport(channel: str) -> Transport:
    try:
        return REGISTRY[channel]()
    except KeyError:
        raise ValueError(f"unknown channel {channel!r}") from None


def dingtalk_reaches(*, phone: str, has_id: bool) -> bool:
    """Whether the configured DingTalk channel can reach this person: a work notification needs
    their DingTalk id or a mobile to look it up by; the group robot needs only its webhook."""
    if settings.DINGTALK_MODE == "work_notice":
        return bool(phone) or has_id
    return bool(settings.DINGTALK_WEBHOOK_URL)


__all__ = ["Transport", "TransportError", "dingtalk_reaches", "get_transport"]

"""One clearly marked test message through a configured channel, for an operator.

Not a reminder, so it writes no ledger row: a Delivery is keyed by a subject and a
rule and means "this reminder went out"; a test row would sit in the supervisors'
failure list and statistics and could never be told from a real one. What the
provider answered is returned to the operator and logged instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from accounts.models import User
from duban.lib import clock
from notifications.models import Channel
from notifications.services.render import Message
from notifications.transports import TransportError, get_transport
from notifications.transports.outgoing import Outgoing

log = logging.getLogger(__name__)
MARK = "【督办系统测试消息】"


class CheckRefused(Exception):
    """The test cannot be sent: the message says why, in Chinese and English."""


@dataclass
class CheckResult:
    channel: str
    backend: str
    address: str
    provider_id: str = ""
    answer: Mapping[str, object] | None = None
    error: TransportError | None = None


def backend_of(channel: str) -> str:
    if channel == Channel.SMS:
        return settings.SMS_BACKEND
    if channel == Channel.EMAIL:
        return settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    if channel == Channel.DINGTALK:
        return getattr(settings, "DINGTALK_MODE", "robot")
    return "database"


def address_of(user: User, channel: str) -> str:
    """The user's address on the channel, or CheckRefused when there is none."""
    if channel == Channel.EMAIL:
        if not user.email:
            raise CheckRefused(f"用户 {user.username} 没有电子邮箱 / user has no e-mail address")
        return user.email
    if channel == Channel.SMS:
        if not user.phone:
            raise CheckRefused(f"用户 {user.username} 没有手机号 / user has no mobile number")
        return user.phone
    if channel == Channel.DINGTALK:
        if backend_of(Channel.DINGTALK) == "robot" and not settings.DINGTALK_WEBHOOK_URL:
            raise CheckRefused("钉钉渠道未配置 (DINGTALK_WEBHOOK_URL 为空) / DingTalk is not configured")
        userid = getattr(user, "dingtalk_userid", "")
        if not (userid or user.phone):
            raise CheckRefused(
                f"用户 {user.username} 既无钉钉用户ID也无手机号 / user has neither a DingTalk id nor a mobile number"
            )
        return userid or user.phone
    return f"站内信 {user.username}"


def check_message() -> Message:
    stamp = clock.now().astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S")
    subject = f"{MARK}渠道测试 {stamp}"
    body = f"这是督办系统于 {stamp} 发出的测试消息，用于检查通知渠道配置，无需处理。"
    return Message(
        subject=subject,
        body=body,
        link=f"{settings.SITE_URL}/",
        short=f"{MARK}{stamp} 通知渠道测试，无需处理。",
        sms_params={"name": "督办系统测试消息", "date": stamp[:10], "status": "渠道测试，无需处理"},
    )


def channel_check_send(*, user: User, channel: str) -> CheckResult:
    if channel not in Channel.values:
        raise CheckRefused(f"未知的通知渠道 / unknown channel: {channel} (可选 / one of: {', '.join(Channel.values)})")
    if not user.is_active:
        raise CheckRefused(f"用户 {user.username} 已停用 / user is inactive")
    address = address_of(user, channel)
    stamp = clock.now().strftime("%Y%m%d%H%M%S")
    out = Outgoing(ref=f"test-{stamp}", recipient=user, message=check_message())
    result = CheckResult(channel=channel, backend=backend_of(channel), address=address)
    transport = get_transport(channel)
    transport.open()
    try:
        result.provider_id = transport.send(out)
    except TransportError as exc:
        result.error = exc
    finally:
        transport.close()
        result.answer = getattr(transport, "last_answer", None)
    log.info(
        "test notification to %s over %s (%s): %s",
        user.username,
        channel,
        result.backend,
        result.error.message if result.error else result.provider_id,
    )
    return result

"""`manage.py send_test_notification --user NAME --channel CHANNEL`: check a channel now.

Sends one message marked 【督办系统测试消息】 through the configured transport of the
channel (email, sms, dingtalk, inbox) and prints what the provider answered; exits
non-zero with the reason when the user or channel is unknown, the user has no address
on the channel, or the provider refuses. Writes no reminder ledger row (services/channel_check.py).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from notifications.services.channel_check import CheckRefused, channel_check_send


class Command(BaseCommand):
    help = "通过已配置的渠道给某用户发送一条测试消息, 并显示服务商的应答"

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="用户名 / username")
        parser.add_argument("--channel", required=True, help="email | sms | dingtalk | inbox")

    def handle(self, *args, **options):
        name, channel = options["user"], options["channel"]
        user = User.objects.filter(username=name).first()
        if user is None:
            raise CommandError(f"用户不存在 / unknown user: {name}")
        try:
            result = channel_check_send(user=user, channel=channel)
        except CheckRefused as exc:
            raise CommandError(str(exc)) from None
        answer = json.dumps(result.answer, ensure_ascii=False, default=str)
        self.stdout.write(f"渠道 / channel: {result.channel} ({result.backend})")
        self.stdout.write(f"收件人 / recipient: {user.username} → {result.address}")
        self.stdout.write(f"服务商应答 / provider answer: {answer}")
        if result.error is not None:
            error = result.error
            kind = (
                "结果未知, 请勿重复发送 / outcome unknown"
                if error.ambiguous
                else ("永久失败 / permanent" if error.permanent else "暂时失败, 可稍后重试 / transient")
            )
            raise CommandError(f"发送失败 / send failed ({kind}): {error.message}")
        self.stdout.write(self.style.SUCCESS(f"已发送 / sent. 服务商消息ID / provider id: {result.provider_id}"))

"""Remove a user's second factor (lost phone, codes used up); the reset goes on the audit chain."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from policy_tasks.services.audit import SYSTEM
from policy_tasks.services.signin import second_factor_reset


class Command(BaseCommand):
    help = "重置用户的双因素认证：删除其验证器和恢复码，下次登录须重新设置。记入审计链。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", default="", help="重置原因，记入审计链")

    def handle(self, *args, username: str, reason: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户不存在: {username}")
        removed = second_factor_reset(user=user, actor=SYSTEM, reason=reason or "manage.py reset_mfa")
        self.stdout.write(
            self.style.SUCCESS(f"已重置 {username} 的双因素认证（删除 {removed} 个设备），已记入审计链。")
        )

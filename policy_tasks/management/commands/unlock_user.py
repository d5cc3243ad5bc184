"""Lift a sign-in lockout before its cool-off ends (axes' attempts for the username); recorded on the audit chain."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from policy_tasks.services.audit import SYSTEM
from policy_tasks.services.signin import signin_unlock


class Command(BaseCommand):
    help = "解除用户名的登录锁定（所有地址），记入审计链。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", default="", help="解锁原因，记入审计链")

    def handle(self, *args, username: str, reason: str, **options):
        removed = signin_unlock(username=username, actor=SYSTEM, reason=reason or "manage.py unlock_user")
        self.stdout.write(
            self.style.SUCCESS(f"已解除 {username} 的登录锁定（清除 {removed} 条失败记录），已记入审计链。")
        )

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policy_tasks.services.demo import DEMO_PASSWORD, demo_load

SHOWN_BY_DEFAULT = 9  # admin, supervisor, leader and the first three units' clerk and head


class Command(BaseCommand):
    help = "Load the seed document and demo accounts (idempotent) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="list every demo account")
        parser.add_argument(
            "--force", action="store_true", help="load even with DEBUG off (the demo password is public)"
        )

    def handle(self, *args, all, force, **options):
        if not settings.DEBUG and not force:
            # The demo accounts share a password printed in the README, admin included.
            raise CommandError(
                "DEBUG 已关闭（生产环境），拒绝加载演示数据：演示账号的密码是公开的。"
                "确需加载（如培训环境）请加 --force，上线前删除这些账号。"
            )
        result, logins = demo_load()
        doc = result.parsed
        state = "已导入" if result.created else "已存在，未改动"
        self.stdout.write(f"种子文件 {doc.doc_number}: {state}，{len(doc.areas)} 个领域，{len(doc.tasks)} 条任务")
        self.stdout.write(f"演示账号 (密码均为 {DEMO_PASSWORD})，登录 http://127.0.0.1:8000/ (管理后台 /admin/):")
        for login in logins if all else logins[:SHOWN_BY_DEFAULT]:
            self.stdout.write(f"  {login.username:<16} {login.role:<6} {login.unit}")
        if not all and len(logins) > SHOWN_BY_DEFAULT:
            self.stdout.write(f"  … 共 {len(logins)} 个账号，全部列出: python manage.py load_demo --all")

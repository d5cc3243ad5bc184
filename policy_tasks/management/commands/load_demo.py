from __future__ import annotations

from django.core.management.base import BaseCommand

from policy_tasks.services.demo import DEMO_PASSWORD, demo_load

SHOWN_BY_DEFAULT = 9  # admin, supervisor, leader and the first three units' clerk and head


class Command(BaseCommand):
    help = "Load the seed document and demo accounts (idempotent) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="list every demo account")

    def handle(self, *args, all, **options):
        result, logins = demo_load()
        doc = result.parsed
        state = "已导入" if result.created else "已存在，未改动"
        self.stdout.write(f"种子文件 {doc.doc_number}: {state}，{len(doc.areas)} 个领域，{len(doc.tasks)} 条任务")
        self.stdout.write(f"演示账号 (密码均为 {DEMO_PASSWORD})，登录 http://127.0.0.1:8000/ (管理后台 /admin/):")
        for login in logins if all else logins[:SHOWN_BY_DEFAULT]:
            self.stdout.write(f"  {login.username:<16} {login.role:<6} {login.unit}")
        if not all and len(logins) > SHOWN_BY_DEFAULT:
            self.stdout.write(f"  … 共 {len(logins)} 个账号，全部列出: python manage.py load_demo --all")

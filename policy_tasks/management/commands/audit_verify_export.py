"""Check an audit export offline: the key (AUDIT_CHECKPOINT_KEY) is needed, the database is not."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from policy_tasks.services.audit_export import audit_export_verify


class Command(BaseCommand):
    help = "离线校验 audit_export 导出的文件：逐行核对签名、哈希与前后相连，报告第一处不符的行。"
    requires_system_checks: list = []  # runs on a machine without the database
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="audit_export 写出的文件")

    def handle(self, *args, **options):
        try:
            result = audit_export_verify(options["file"])
        except OSError as exc:
            raise CommandError(f"无法读取 {options['file']}：{exc.strerror}") from None
        if not result.ok:
            raise CommandError(f"导出文件校验失败：{result.message}", returncode=1)
        self.stdout.write(self.style.SUCCESS(result.message))

"""Export audit events as signed JSON lines (for a log collector); audit_verify_export checks the file."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from duban.lib import clock
from policy_tasks.services.audit_export import audit_export


class Command(BaseCommand):
    help = "把审计事件导出为带签名的 JSON Lines（每行一条，含哈希与前序哈希，末行为整份签名）。"

    def add_arguments(self, parser):
        parser.add_argument("--since", help="只导出这一天（YYYY-MM-DD，本地时间零点）起的事件；默认全部")
        parser.add_argument("--out", required=True, help="输出文件（先写临时文件再替换，收集器不会读到半份）")

    def handle(self, *args, **options):
        since = None
        if options["since"]:
            try:
                day = date.fromisoformat(options["since"])
            except ValueError:
                raise CommandError(f"--since 应为 YYYY-MM-DD 格式的日期，收到 {options['since']!r}") from None
            since = timezone.make_aware(datetime.combine(day, time.min))
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(f"输出目录不存在：{out.parent}")
        count = audit_export(out=out, since=since, exported_at=clock.now())
        self.stdout.write(self.style.SUCCESS(f"已导出 {count} 条审计事件到 {out}"))

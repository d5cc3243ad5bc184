from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand

from policy_tasks.errors import ServiceError
from policy_tasks.management.commands._policy_io import read_policy_bytes, refuse
from policy_tasks.parsing import ParseError
from policy_tasks.services.imports import document_import


class Command(BaseCommand):
    # Scripts call this often; the system checks (which load every URL and view) run in CI.
    requires_system_checks: list[str] = []
    help = (
        "Import a policy document (.txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls): document, areas, units, tasks and milestones, "
        "in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--year", type=int, help="the document's year when its header does not say")
        parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")

    def handle(self, *args, path, year, dry_run, **options):
        started = time.perf_counter()
        data = read_policy_bytes(path)
        try:
            result = document_import(data=data, filename=Path(path).name, year=year, dry_run=dry_run)
        except (ParseError, ServiceError) as exc:
            raise refuse(path, exc) from exc
        elapsed = time.perf_counter() - started
        doc = result.parsed
        if not result.changed:
            self.stdout.write(f"{doc.doc_number} 已导入且内容未变，无需更新 (no change) [{elapsed:.2f}s]")
            return
        verb = "将导入 (dry run)" if dry_run else ("已导入" if result.created else "已更新")
        self.stdout.write(f"{verb} {doc.doc_number} {doc.title}")
        self.stdout.write(
            f"  领域 {len(doc.areas)}，任务 新增 {result.tasks_created} / 更新 {result.tasks_updated} / "
            f"未变 {result.tasks_unchanged}，里程碑 新增 {result.milestones_created} / 删除 {result.milestones_removed}"
        )
        if result.new_units:
            self.stdout.write(f"  新建单位 {len(result.new_units)}: {'、'.join(result.new_units)}")
        for warning in [*(w.message for w in doc.warnings), *result.warnings]:
            self.stdout.write(self.style.WARNING(f"  警告: {warning}"))
        self.stdout.write(f"  用时 {elapsed:.2f}s")

"""Walk the audit hash chain and hold it against the latest signed checkpoint.

Exit status 1 with every problem found: the first broken link, a chain cut short or rewritten
after a checkpoint, a checkpoint file whose signature does not hold.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import audit_verify
from policy_tasks.services.audit_checkpoint import audit_verify_checkpoints


class Command(BaseCommand):
    help = "校验审计链：逐条核对哈希，报告第一处断裂；并与最新的签名检查点核对，发现链尾被截断或改写。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoint-dir",
            help="检查点所在目录（默认 AUDIT_CHECKPOINT_DIR；可指向从别处取回的副本）",
        )

    def handle(self, *args, **options):
        directory = options["checkpoint_dir"] or settings.AUDIT_CHECKPOINT_DIR
        problems: list[str] = []
        broken = audit_verify()
        if broken is not None:
            problems.append(f"审计链断裂: 事件 #{broken.event_id}: {broken.message}")
        latest, checkpoint_problems = audit_verify_checkpoints(directory)
        problems += checkpoint_problems
        if problems:
            raise CommandError("\n".join(problems), returncode=1)
        count = AuditEvent.objects.count()
        self.stdout.write(self.style.SUCCESS(f"审计链完整: {count} events OK"))
        if latest is None:
            self.stderr.write(f"警告：{directory} 中没有检查点，无法发现链尾被截断（manage.py audit_checkpoint）")
        else:
            self.stdout.write(f"与检查点 {latest.name} 相符（{latest.count} 条，末条 #{latest.last_id}）")

"""Walk the audit hash chain and report the first broken link (exit status 1), or that it holds."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import audit_verify


class Command(BaseCommand):
    help = "校验审计链：逐条核对哈希，报告第一处断裂。"

    def handle(self, *args, **options):
        broken = audit_verify()
        if broken is not None:
            raise CommandError(f"审计链断裂: 事件 #{broken.event_id}: {broken.message}", returncode=1)
        count = AuditEvent.objects.count()
        self.stdout.write(self.style.SUCCESS(f"审计链完整: {count} events OK"))

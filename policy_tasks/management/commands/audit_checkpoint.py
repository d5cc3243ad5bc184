"""Write a signed checkpoint of the audit chain's head to AUDIT_CHECKPOINT_DIR (the beat does it hourly)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from policy_tasks.services.audit_checkpoint import checkpoint_write


class Command(BaseCommand):
    help = "写一个审计链检查点（条数、末条哈希，HMAC 签名）到 AUDIT_CHECKPOINT_DIR。"

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="写到这个目录（默认 AUDIT_CHECKPOINT_DIR）")

    def handle(self, *args, **options):
        try:
            path = checkpoint_write(options["dir"])
        except ValueError as exc:  # SM2 configured without the private key: a verifier, not a writer
            raise CommandError(f"不能写检查点：本机没有 SM2 私钥（{exc}）") from None
        self.stdout.write(self.style.SUCCESS(f"检查点已写入 {path}"))

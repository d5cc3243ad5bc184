"""Print a new SM2 key pair for signing audit checkpoints (AUDIT_CHECKPOINT_SIGNATURE=sm2)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from policy_tasks.services.audit_sm2 import new_key_pair


class Command(BaseCommand):
    help = "生成一对 SM2 密钥：私钥只给写检查点的 worker，公钥给校验的机器。"
    requires_system_checks: list = []

    def handle(self, *args, **options):
        private_key, public_key = new_key_pair()
        self.stdout.write(f"AUDIT_SM2_PRIVATE_KEY={private_key}\nAUDIT_SM2_PUBLIC_KEY={public_key}")

from __future__ import annotations

from django.conf import settings
from django.db import models

from policy_tasks.models.audit_actions import audit_label


class AuditEvent(models.Model):
    """One change, written in the same transaction as the change, never updated or deleted.

    Rows are chained: `hash` covers the row's content and the previous row's hash,
    so an edit behind the application's back breaks the chain (verify_audit). On
    PostgreSQL a trigger also rejects UPDATE and DELETE (migration 0002).
    References are PROTECT: a person or task with history is deactivated, not deleted.
    """

    created_at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="操作人",
    )
    actor_unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="操作单位"
    )
    actor_role = models.CharField("身份", max_length=32, blank=True)
    action = models.CharField("操作", max_length=64)  # an AuditAction code (audit_actions: why no choices=)
    object_type = models.CharField("对象类型", max_length=64)
    object_id = models.CharField("对象ID", max_length=64)
    document = models.ForeignKey(
        "policy_tasks.PolicyDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="政策文件",
    )
    task = models.ForeignKey(
        "policy_tasks.Task", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="任务"
    )
    before = models.JSONField("变更前", null=True, blank=True)
    after = models.JSONField("变更后", null=True, blank=True)
    reason = models.TextField("理由", blank=True)
    ip = models.GenericIPAddressField("IP", null=True, blank=True)
    request_id = models.CharField("请求ID", max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64, verbose_name="前一条哈希")
    hash = models.CharField(max_length=64, unique=True, verbose_name="哈希")
    # The digest of this link (AUDIT_HASH_ALGORITHM when written): a deployment may switch
    # to SM3 without rewriting history, and verification follows each event's own choice.
    algorithm = models.CharField("哈希算法", max_length=16, default="sha256")

    # Set by the task page (web.task_page): the action as people read it.
    label: str

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["task", "id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {audit_label(self.action)}"

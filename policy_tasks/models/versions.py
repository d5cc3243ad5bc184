from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class DocumentVersion(models.Model):
    """One import of a document as it arrived: the file's bytes, its text, what the reviewer
    corrected and what the import did. Written by every import that changes something
    (services/imports.py); never updated afterwards except for its summary in the same
    transaction. The bytes live in the database beside the audit trail, so every node
    of a deployment can serve them and a backup holds the evidence whole."""

    document = models.ForeignKey(
        "policy_tasks.PolicyDocument", on_delete=models.CASCADE, related_name="versions", verbose_name="政策文件"
    )
    number = models.PositiveIntegerField("版本号")
    filename = models.CharField("文件名", max_length=255)
    source_kind = models.CharField("文件类型", max_length=16)
    source = models.BinaryField("原始文件")
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField("文件SHA-256", max_length=64)
    # The extracted text's hash: what PolicyDocument.sha256 held while this version was current.
    text_sha256 = models.CharField("原文SHA-256", max_length=64)
    text = models.TextField("原文")
    corrections = models.JSONField("审核更正", default=dict, blank=True)
    summary = models.JSONField("导入结果", default=dict, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="导入人",
    )
    created_at = models.DateTimeField("导入时间", default=timezone.now)

    class Meta:
        verbose_name = "文件版本"
        verbose_name_plural = "文件版本"
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="documentversion_unique")]

    def __str__(self) -> str:
        return f"第{self.number}版 {self.filename}"

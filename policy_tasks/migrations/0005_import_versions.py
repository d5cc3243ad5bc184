"""Re-import by content (issue 12): document versions, clause labels, withdrawn tasks and
milestones, recurring milestones.

- DocumentVersion keeps every import's file, text and corrections. Documents imported before
  this migration get one version from `PolicyDocument.source_text`, numbered with the
  document's current `version` (the earlier texts were overwritten and are not invented).
- Task.label is filled with the number every existing clause was imported under.
- task_number_unique now binds the clauses in force only: a withdrawn clause keeps its number.
- milestone_open_due_idx covers the live statuses (open, requested), no longer "not closed",
  so withdrawn milestones leave it like closed ones.
"""

import hashlib

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Cast


def first_versions(apps, schema_editor):
    PolicyDocument = apps.get_model("policy_tasks", "PolicyDocument")
    DocumentVersion = apps.get_model("policy_tasks", "DocumentVersion")
    Task = apps.get_model("policy_tasks", "Task")
    Task.objects.filter(label="").update(label=Cast("number", models.CharField()))
    for document in PolicyDocument.objects.all().iterator():
        data = document.source_text.encode()
        DocumentVersion.objects.create(
            document=document,
            number=document.version,
            filename="document.txt",
            source_kind="text",
            source=data,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            text_sha256=document.sha256,
            text=document.source_text,
            summary={"migrated": True},
            created_at=document.updated_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("policy_tasks", "0004_milestone_open_due_id"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(verbose_name="版本号")),
                ("filename", models.CharField(max_length=255, verbose_name="文件名")),
                ("source_kind", models.CharField(max_length=16, verbose_name="文件类型")),
                ("source", models.BinaryField(verbose_name="原始文件")),
                ("size", models.PositiveBigIntegerField(verbose_name="大小")),
                ("sha256", models.CharField(max_length=64, verbose_name="文件SHA-256")),
                ("text_sha256", models.CharField(max_length=64, verbose_name="原文SHA-256")),
                ("text", models.TextField(verbose_name="原文")),
                ("corrections", models.JSONField(blank=True, default=dict, verbose_name="审核更正")),
                ("summary", models.JSONField(blank=True, default=dict, verbose_name="导入结果")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="导入时间")),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="policy_tasks.policydocument",
                    ),
                ),
                (
                    "imported_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "文件版本",
                "verbose_name_plural": "文件版本",
                "ordering": ["document", "number"],
                "constraints": [models.UniqueConstraint(fields=("document", "number"), name="documentversion_unique")],
            },
        ),
        # Task: label, withdrawn state, numbering unique among the clauses in force.
        migrations.AddField(
            model_name="task",
            name="label",
            field=models.CharField(blank=True, default="", max_length=32, verbose_name="条款编号"),
        ),
        migrations.AlterField(
            model_name="task",
            name="status",
            field=models.CharField(
                choices=[("open", "办理中"), ("closed", "已办结"), ("withdrawn", "已撤销")],
                default="open",
                max_length=16,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="task",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="撤销时间"),
        ),
        migrations.AddField(
            model_name="task",
            name="withdrawn_in",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="policy_tasks.documentversion",
                verbose_name="撤销于版本",
            ),
        ),
        migrations.RemoveConstraint(model_name="task", name="task_number_unique"),
        migrations.AddConstraint(
            model_name="task",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "withdrawn"), _negated=True),
                fields=("document", "number"),
                name="task_number_unique",
            ),
        ),
        # Milestone: withdrawn state, recurring series, the live-work index.
        migrations.AlterField(
            model_name="milestone",
            name="kind",
            field=models.CharField(
                choices=[
                    ("deadline", "时限节点"),
                    ("target", "量化目标"),
                    ("ongoing", "长期坚持"),
                    ("relative", "相对时限"),
                    ("recurring", "周期任务"),
                ],
                max_length=16,
                verbose_name="类型",
            ),
        ),
        migrations.AlterField(
            model_name="milestone",
            name="status",
            field=models.CharField(
                choices=[("open", "办理中"), ("requested", "申请办结"), ("closed", "已销号"), ("withdrawn", "已作废")],
                default="open",
                max_length=16,
                verbose_name="状态",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="recurrence",
            field=models.CharField(blank=True, default="", max_length=16, verbose_name="周期"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="occurrence",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="周期序号"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="作废时间"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="withdrawn_in",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="policy_tasks.documentversion",
                verbose_name="作废于版本",
            ),
        ),
        migrations.RemoveIndex(model_name="milestone", name="milestone_open_due_idx"),
        migrations.AddIndex(
            model_name="milestone",
            index=models.Index(
                condition=models.Q(("status__in", ["open", "requested"])),
                fields=["due_date", "id"],
                name="milestone_open_due_idx",
            ),
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]

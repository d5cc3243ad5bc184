"""Where a task came from when it is not a clause of a plan: a leader's instruction, a meeting,
a deputy's or member's proposal, an ad-hoc assignment (issue 16).

Such a task is an ordinary Task of a per-kind, per-year container document
(PolicyDocument.kind, docs/decisions.md "Task sources"), so units, milestones, reports,
completion, extensions, urges, audit and reminders treat it like any clause. This row adds
what the source says: its number (`批示〔2026〕12号`), the leader who follows it, the
instruction, the meeting or the proposal.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SourceKind(models.TextChoices):
    INSTRUCTION = "instruction", "批示件"
    MEETING = "meeting", "会议议定事项"
    PROPOSAL = "proposal", "建议提案"
    ASSIGNMENT = "assignment", "交办事项"


# The word of each kind's number: 批示〔2026〕12号, 会议〔2026〕3号, 建议〔2026〕5号, 交办〔2026〕7号.
NUMBER_PREFIX = {
    SourceKind.INSTRUCTION: "批示",
    SourceKind.MEETING: "会议",
    SourceKind.PROPOSAL: "建议",
    SourceKind.ASSIGNMENT: "交办",
}


class TaskSource(models.Model):
    class ProposalKind(models.TextChoices):
        NPC = "npc", "人大建议"
        CPPCC = "cppcc", "政协提案"

    task = models.OneToOneField(
        "policy_tasks.Task", on_delete=models.CASCADE, related_name="source", verbose_name="任务"
    )
    kind = models.CharField("来源类别", max_length=16, choices=SourceKind.choices)
    year = models.PositiveSmallIntegerField("年度")
    serial = models.PositiveIntegerField("序号")
    number = models.CharField("编号", max_length=32, unique=True)
    # The leader who instructed and follows the task: an account with the leader role, or a
    # name only (a leader without an account still reads on the task and in the ledger).
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_sources",
        verbose_name="批示领导",
    )
    leader_name = models.CharField("批示领导姓名", max_length=64, blank=True)
    instructed_on = models.DateField("批示/交办日期", null=True, blank=True)
    instruction = models.TextField("批示内容", blank=True)
    meeting_name = models.CharField("会议名称", max_length=128, blank=True)
    meeting_on = models.DateField("会议日期", null=True, blank=True)
    proposal_kind = models.CharField("建议提案类别", max_length=8, choices=ProposalKind.choices, blank=True)
    proposal_number = models.CharField("建议提案号", max_length=32, blank=True)
    proposer = models.CharField("代表/委员", max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("登记时间")

    class Meta:
        verbose_name = "任务来源"
        verbose_name_plural = "任务来源"
        ordering = ["kind", "-year", "-serial"]
        constraints = [
            # The numbering's guarantee: two creations racing can never share a number.
            models.UniqueConstraint(fields=["kind", "year", "serial"], name="tasksource_serial_unique")
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def leader_display(self) -> str:
        if self.leader_id is not None:
            return str(self.leader)
        return self.leader_name

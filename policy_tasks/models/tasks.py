from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django import forms

    from accounts.models import Unit
    from policy_tasks.models.workflow import CompletionRequest, ExtensionRequest, UrgeNotice
    from policy_tasks.selectors.lights_reasons import LightReason


def in_force_q(through: str = "") -> Q:
    """In force (not withdrawn), as a condition on a task or a milestone reached `through` a
    relation (`"task__"`, `"milestone__"`): the querysets' `in_force()` where the rows filtered
    are another model's. A task's and a milestone's withdrawn status are the same value."""
    return ~Q(**{f"{through}status": MilestoneStatus.WITHDRAWN})


class TaskQuerySet(models.QuerySet["Task"]):
    def in_force(self) -> TaskQuerySet:
        """Tasks the current version of their document still contains (withdrawn ones keep their
        history but count for nothing: no lights, scores, reports owed or reminders)."""
        return self.filter(in_force_q())

    def clauses(self) -> TaskQuerySet:
        """The document's own clauses, without the sub-tasks a split made of them: what counts
        as "N条" of a document and what a re-import matches against the new text."""
        return self.filter(parent__isnull=True)


class Task(models.Model):
    """One clause of a document: the unit of accountability."""

    class Status(models.TextChoices):
        OPEN = "open", "办理中"
        CLOSED = "closed", "已办结"
        # A re-import found no clause of the new version for it (services/imports.py).
        WITHDRAWN = "withdrawn", "已撤销"

    document = models.ForeignKey(
        "policy_tasks.PolicyDocument", on_delete=models.CASCADE, related_name="tasks", verbose_name="政策文件"
    )
    area = models.ForeignKey(
        "policy_tasks.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name="领域",
    )
    # The clause's place in document order (1, 2, …): unique among the clauses in force.
    number = models.PositiveSmallIntegerField("条款序号")
    # The clause's reference as the document writes it (`12`, `二.3`); blank means str(number).
    label = models.CharField("条款编号", max_length=32, blank=True, default="")
    title = models.CharField("标题", max_length=255)
    text = models.TextField("条款原文")
    leaders = models.JSONField("责任领导", default=list, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    withdrawn_at = models.DateTimeField("撤销时间", null=True, blank=True)
    withdrawn_in = models.ForeignKey(
        "policy_tasks.DocumentVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="撤销于版本",
    )
    version = models.PositiveIntegerField(default=1, verbose_name="版本")
    # A sub-task (分解任务) made by splitting this task, or one unit's share of it, for a member
    # unit (a township under 各乡镇街道): an ordinary task led by that unit, so reports, lights,
    # ledger, scores and reminders treat it like any other (services/decomposition.py).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="sub_tasks", verbose_name="上级任务"
    )
    # The parent's milestone the sub-task's deadline and target answer to (the roll-up's target).
    parent_milestone = models.ForeignKey(
        "policy_tasks.Milestone",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_tasks",
        verbose_name="上级节点",
    )
    units: models.ManyToManyField[Unit, TaskUnit] = models.ManyToManyField(
        "accounts.Unit", through="TaskUnit", related_name="tasks", verbose_name="责任单位"
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name="创建时间")
    updated_at = models.DateTimeField(auto_now=True, verbose_name="更新时间")

    objects = TaskQuerySet.as_manager()

    # Set on instances by the code that needs them, absent on a plain row: the pages' lights
    # (web.queries, web.ledger), the user's roles on the workbench, and the permission checks'
    # memberships of one user on this task (permissions._memberships).
    light: str
    my_roles: set[str]
    _perm_cache: dict[int, list[tuple[int, str, str]]]

    class Meta:
        verbose_name = "任务"
        verbose_name_plural = "任务"
        ordering = ["document", "number"]
        constraints = [
            # A withdrawn clause keeps the number it last had (with its label, so 第12条 still
            # reads as it did); the clauses in force are numbered 1..n without gaps beside it.
            # Sub-tasks share their parent's number (they sort beside it) and are told apart by label.
            models.UniqueConstraint(
                fields=["document", "number"],
                condition=~Q(status="withdrawn") & Q(parent__isnull=True),
                name="task_number_unique",
            ),
            models.UniqueConstraint(
                fields=["parent", "label"], condition=Q(parent__isnull=False), name="task_subtask_label_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "document"])]

    def __str__(self) -> str:
        return f"{self.ref}. {self.title}"

    @property
    def ref(self) -> str:
        """The clause reference people use (`12`, `二.3`): shown as 第{ref}条."""
        return self.label or str(self.number)


class TaskUnit(models.Model):
    """A unit answering for a task, as lead (牵头) or co-responsible (配合), in document order."""

    class Role(models.TextChoices):
        LEAD = "lead", "牵头单位"
        CO = "co", "配合单位"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_units", verbose_name="任务")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="task_units", verbose_name="单位")
    role = models.CharField("角色", max_length=8, choices=Role.choices)
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "任务责任单位"
        verbose_name_plural = "任务责任单位"
        ordering = ["task", "position"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="taskunit_unique")]
        # "tasks of my unit" is the hottest read after the overdue ledger.
        indexes = [models.Index(fields=["unit", "role", "task"])]

    def __str__(self) -> str:
        return f"第{self.task.ref}条 {self.unit}（{self.get_role_display()}）"


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def live(self) -> MilestoneQuerySet:
        """Work still to do: open or awaiting verification (not closed, not withdrawn). What
        reminders, the overdue ledger and open counts read; milestone_open_due_idx covers it."""
        return self.filter(status__in=LIVE_STATUSES)

    def in_force(self) -> MilestoneQuerySet:
        """Every milestone but the withdrawn: what lights and scores judge (closed ones count)."""
        return self.filter(in_force_q())


class MilestoneStatus(models.TextChoices):
    """Milestone.Status. Declared outside the model so that the model's own index conditions
    (Milestone.Meta, which cannot see the class body) can use LIVE_STATUSES below."""

    OPEN = "open", "办理中"
    REQUESTED = "requested", "申请办结"
    CLOSED = "closed", "已销号"
    # Its wording left the document at a re-import: history kept, nothing more owed.
    WITHDRAWN = "withdrawn", "已作废"


# Not closed and not withdrawn: the one definition of "still open" (see MilestoneQuerySet.live).
LIVE_STATUSES = (MilestoneStatus.OPEN.value, MilestoneStatus.REQUESTED.value)
# Its complement, "finished": nothing more to do, closed or withdrawn by a re-import. Tasks spell
# these two statuses as milestones do (tests/foundation/test_models.py holds it), so the one pair
# serves both: the grey light, the escalation that stops, the import that leaves them alone.
DONE_STATUSES = (MilestoneStatus.CLOSED.value, MilestoneStatus.WITHDRAWN.value)


class Milestone(models.Model):
    """A time-bound commitment or target, of a task or of an area's intro.

    A recurring commitment (`每月10日前报送`) is one row per occurrence, each an ordinary dated
    milestone, sharing `recurrence` and numbered by `occurrence` (1, 2, …) within the series.
    """

    class Kind(models.TextChoices):
        DEADLINE = "deadline", "时限节点"
        TARGET = "target", "量化目标"
        ONGOING = "ongoing", "长期坚持"
        RELATIVE = "relative", "相对时限"
        RECURRING = "recurring", "周期任务"

    Status = MilestoneStatus
    # The module's LIVE_STATUSES, where most callers read it.
    LIVE_STATUSES = LIVE_STATUSES

    document = models.ForeignKey(
        "policy_tasks.PolicyDocument", on_delete=models.CASCADE, related_name="milestones", verbose_name="政策文件"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="milestones", verbose_name="任务"
    )
    area = models.ForeignKey(
        "policy_tasks.Area",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name="领域",
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)
    text = models.TextField("原文")
    start = models.PositiveIntegerField("起始位置", default=0)
    end = models.PositiveIntegerField("结束位置", default=0)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    time_expression = models.CharField("时间表述", max_length=64, blank=True)
    due_date = models.DateField("完成时限", null=True, blank=True)
    original_due_date = models.DateField("原定时限", null=True, blank=True)
    target_value = models.DecimalField("目标值", max_digits=20, decimal_places=4, null=True, blank=True)
    target_unit = models.CharField("目标单位", max_length=32, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    delay_count = models.PositiveSmallIntegerField("延期次数", default=0)
    recurrence = models.CharField("周期", max_length=16, blank=True, default="")
    occurrence = models.PositiveSmallIntegerField("周期序号", null=True, blank=True)
    withdrawn_at = models.DateTimeField("作废时间", null=True, blank=True)
    withdrawn_in = models.ForeignKey(
        "policy_tasks.DocumentVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="作废于版本",
    )
    version = models.PositiveIntegerField(default=1, verbose_name="版本")

    objects = MilestoneQuerySet.as_manager()

    # Set on instances by the lists and pages that show them, absent on a plain row: the light
    # (selectors.lights.annotate_lights), the days counted and units named by the workbench and
    # the ledger (web.queries, web.ledger), and the task page's requests and forms (web.task_page).
    light: str
    light_reason: LightReason
    days_left: int
    days_late: int
    lead_units: list[Unit]
    co_units: list[Unit]
    urge_list: list[UrgeNotice]
    pending_extension: ExtensionRequest | None
    latest_request: CompletionRequest | None
    completion_form: forms.Form
    extension_form: forms.Form
    show_completion: bool
    show_extension: bool

    class Meta:
        verbose_name = "里程碑"
        verbose_name_plural = "里程碑"
        ordering = ["document", "task", "area", "position"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(task__isnull=False, area__isnull=True) | Q(task__isnull=True, area__isnull=False)),
                name="milestone_task_xor_area",
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="milestone_span_order"),
        ]
        indexes = [
            # The reminder scan and the overdue ledger read live milestones (LIVE_STATUSES) by due
            # date; id second because deadlines cluster on month ends and the ledger pages by
            # (due_date, id). Closed and withdrawn ones, most rows in time, stay out of it.
            models.Index(
                fields=["due_date", "id"],
                condition=Q(status__in=LIVE_STATUSES),
                name="milestone_open_due_idx",
            ),
            # The same, one document at a time: a supervisor limited to scopes reads the ledger of
            # each scope's document apart (selectors.ledger_list_rows), its rows in page order.
            models.Index(
                fields=["document", "due_date", "id"],
                condition=Q(status__in=LIVE_STATUSES),
                name="milestone_doc_open_due_idx",
            ),
            # The reminder scan's candidate queries (status = 'open' only, by due date) read
            # everything they need from this index: an index-only scan that costs what is open
            # and due, however many closed milestones the table holds.
            models.Index(
                fields=["due_date", "id"],
                include=["task", "document", "area"],
                condition=Q(status="open"),
                name="milestone_scan_idx",
            ),
            # The overdue ledger at a past 统计日期 also lists what was closed only after it: the
            # few closed since that day, not every closed milestone (ledger_list_rows).
            models.Index(fields=["closed_at"], condition=Q(status="closed"), name="milestone_closed_at_idx"),
            # Milestones with a target value of their own are judged one by one (lights, figures'
            # 临期/滞后, the board): found here instead of by a scan of every milestone of the
            # document (issue 18: ~25 ms of the console at 100,000 milestones, none of them valued).
            models.Index(fields=["task"], condition=Q(target_value__isnull=False), name="milestone_valued_idx"),
            models.Index(fields=["task", "position"]),
        ]

    def __str__(self) -> str:
        return self.text[:40]

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE_STATUSES

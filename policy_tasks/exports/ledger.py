"""The ledger (台账) as data: one row per milestone under its clause, as of a date.

Writers (ledger_xlsx, ledger_csv) only lay these rows out. Rows follow the
overdue ledger's filters (unit, light, due range, as of) and the reader's
visibility: a unit clerk gets the clauses of their own units only.

Area-wide targets (milestones of an area's opening paragraph, not of a clause) are
left out, as in the overdue ledger (selectors.tasks.milestones_overdue): no unit can
close them yet, so they would stay red forever. A clause with no milestone still
gets one row, unless a light or due-date filter is set (it has neither).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from django.db.models import F, Q, QuerySet

from accounts.models import Unit, User
from duban.lib import clock
from duban.lib.any_of import AnyOf
from policy_tasks.exports.snapshot import LatestReport, closed_then, latest_reports, milestone_states
from policy_tasks.models import Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.parsing.textutil import cn_numeral
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.lights import GREEN, GREY, Light

LEDGER_COLUMNS = [
    "序号",
    "领域",
    "政策条款",
    "具体任务(里程碑原文)",
    "牵头单位",
    "配合单位",
    "完成时限",
    "原定时限",
    "进展情况",
    "完成值/目标值",
    "状态",
    "是否逾期",
    "逾期天数",
]
# Columns merged across a clause's rows (0-based): 序号, 领域, 政策条款, 牵头单位, 配合单位.
CLAUSE_COLUMNS = (0, 1, 2, 4, 5)
LIGHTS = tuple(Light.values)
MILESTONE_FIELDS = (
    "id", "document_id", "task_id", "position", "text", "due_date", "original_due_date",
    "target_value", "target_unit", "status", "closed_at",
)  # fmt: skip

ProgressCallback = Callable[[int, int], None]
# Clauses read per round of queries: the rows of one chunk are built, written and let go.
CHUNK_TASKS = 2000


TASK_FIELDS = ("id", "number", "label", "title", "status", "closed_at", "area__number", "area__title")


class _TaskRow(NamedTuple):
    """What the ledger reads of a clause (Task.ref is `label or str(number)`)."""

    id: int
    number: int
    label: str
    title: str
    status: str
    closed_at: Any
    area_number: int | None
    area_title: str | None


class _MilestoneRow(NamedTuple):
    """What the ledger reads of a milestone, as a plain row: 100,000 model instances took
    seconds to build (issue 18). `pk` as on a model, for the snapshot's bulk reads: a field,
    not a property over `id`, since it is read a million times."""

    pk: int
    document_id: int
    task_id: int
    position: int
    text: str
    due_date: date | None
    original_due_date: date | None
    target_value: Decimal | None
    target_unit: str
    status: str
    closed_at: datetime | None


@dataclass(frozen=True)
class LedgerExportFilters:
    unit: Unit | None = None
    lights: frozenset[str] = frozenset()
    due_from: date | None = None
    due_to: date | None = None

    @property
    def narrows_milestones(self) -> bool:
        return bool(self.lights or self.due_from or self.due_to)


class LedgerRow(NamedTuple):
    """One row of the ledger (a named tuple: a frozen dataclass's 15 guarded assignments per row
    were a tenth of a 100,000-row export)."""

    group: str  # rows sharing a group are one clause (merged in the workbook)
    number: str
    area: str
    clause: str
    milestone: str
    lead_units: str
    co_units: str
    due: date | None
    original_due: date | None
    progress: str
    value: str
    status: str
    overdue: str
    days_late: int | None
    light: str

    def values(self) -> list[Any]:
        return [
            self.number,
            self.area,
            self.clause,
            self.milestone,
            self.lead_units,
            self.co_units,
            self.due,
            self.original_due,
            self.progress,
            self.value,
            self.status,
            self.overdue,
            self.days_late,
        ]


@dataclass
class Ledger:
    """The ledger's heading and its rows. The writers read `iter_rows()`, which builds the rows a
    chunk of clauses at a time, so a 100,000-row export never holds them all (issue 18); `rows`
    is the same rows as a list, built once, for callers that want them whole."""

    document: PolicyDocument
    as_of: date
    filters: LedgerExportFilters
    source: Callable[[], Iterator[LedgerRow]] | None = field(default=None, repr=False)
    _rows: list[LedgerRow] | None = field(default=None, repr=False)

    def iter_rows(self) -> Iterator[LedgerRow]:
        if self._rows is not None:
            return iter(self._rows)
        return self.source() if self.source is not None else iter(())

    @property
    def rows(self) -> list[LedgerRow]:
        if self._rows is None:
            self._rows = list(self.iter_rows())
        return self._rows

    @property
    def title(self) -> str:
        return f"{self.document.doc_number} 任务落实台账（截至{self.as_of:%Y年%m月%d日}）"


def _fmt_decimal(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    return text


def _value_text(m: Milestone, actual: Decimal | None) -> str:
    if m.target_value is None:
        return ""
    return f"{_fmt_decimal(actual)}/{_fmt_decimal(m.target_value)}{m.target_unit}"


def _progress_text(report: LatestReport | None) -> str:
    if report is None:
        return ""
    return f"【{report.period_start:%Y-%m-%d}至{report.period_end:%Y-%m-%d}，完成{report.percent}%】{report.progress}"


_STATUS_LABELS = dict(Milestone.Status.choices)  # a dict: an enum call and .label per row cost more


def _milestone_row(group, number, area, clause, lead, co, m, state, report_text) -> LedgerRow:
    if state.is_overdue:
        overdue = "是"
    elif state.closed_late:
        overdue = "逾期办结"
    else:
        overdue = "否"
    return LedgerRow(
        group=group,
        number=number,
        area=area,
        clause=clause,
        milestone=m.text,
        lead_units=lead,
        co_units=co,
        due=state.due,
        original_due=m.original_due_date,
        progress=report_text,
        value=_value_text(m, state.actual),
        status=_STATUS_LABELS[state.status],
        overdue=overdue,
        days_late=state.days_late,
        light=state.light,
    )


def _keep(state, filters: LedgerExportFilters) -> bool:
    if filters.lights and state.light not in filters.lights:
        return False
    if filters.due_from and (state.due is None or state.due < filters.due_from):
        return False
    return not (filters.due_to and (state.due is None or state.due > filters.due_to))


def document_ledger(
    *,
    document: PolicyDocument,
    user: User | None = None,
    as_of: date | None = None,
    unit: Unit | None = None,
    lights: Iterable[str] = (),
    due_from: date | None = None,
    due_to: date | None = None,
    progress: ProgressCallback | None = None,
) -> Ledger:
    """The ledger of `document` as of `as_of` (default today). `user=None` reads everything (commands)."""
    as_of = as_of or clock.today()
    filters = LedgerExportFilters(unit=unit, lights=frozenset(lights), due_from=due_from, due_to=due_to)
    cutoff = clock.end_of(as_of)

    # Withdrawn (已撤销/已作废) before the cutoff: out of the ledger; withdrawn later: as it stood then.
    tasks_qs: QuerySet[Task] = Task.objects.filter(document=document).exclude(withdrawn_at__lt=cutoff)
    if user is not None:
        tasks_qs = visible_tasks(user, tasks_qs)
    if unit is not None:
        tasks_qs = tasks_qs.filter(pk__in=TaskUnit.objects.filter(unit=unit).values("task_id"))
    in_force = Milestone.objects.exclude(withdrawn_at__lt=cutoff)
    total = (in_force.filter(task__in=tasks_qs.values("pk")).count() if progress is not None else 0) or 1

    def build() -> Iterator[LedgerRow]:
        # Clauses a chunk at a time in (number, id) order, each chunk read after the last one's
        # key: nothing about the clauses already written is kept (issue 18, constant memory).
        # Plain rows and array parameters: model instances and one parameter per id cost more
        # than the rest of the export.
        done = 0
        after: tuple[int, int] | None = None
        while True:
            page = tasks_qs.order_by("number", "pk")
            if after is not None:
                page = page.filter(Q(number__gt=after[0]) | Q(number=after[0], pk__gt=after[1]))
            chunk = [_TaskRow(*row) for row in page.values_list(*TASK_FIELDS)[:CHUNK_TASKS]]
            if not chunk:
                return
            after = (chunk[-1].number, chunk[-1].id)
            ids = [t.id for t in chunk]
            names: dict[int, tuple[list[str], list[str]]] = {pk: ([], []) for pk in ids}
            links = TaskUnit.objects.filter(AnyOf(F("task_id"), ids)).order_by("task_id", "position")
            for task_id, role, name in links.values_list("task_id", "role", "unit__name"):
                names[task_id][0 if role == TaskUnit.Role.LEAD else 1].append(name)
            milestones = [
                _MilestoneRow(*row)
                for row in in_force.filter(AnyOf(F("task_id"), ids))
                .order_by("position", "pk")
                .values_list(*MILESTONE_FIELDS)
            ]
            reports = latest_reports(ids, cutoff=cutoff)
            percents = {task_id: r.percent for task_id, r in reports.items()}
            states = milestone_states(milestones, on=as_of, cutoff=cutoff, document=document, percents=percents)
            by_task: dict[int, list[_MilestoneRow]] = {}
            for m in milestones:
                by_task.setdefault(m.task_id, []).append(m)
            for task in chunk:
                group, number, clause = f"task-{task.id}", task.label or str(task.number), task.title
                area = f"{cn_numeral(task.area_number)}、{task.area_title}" if task.area_number is not None else ""
                lead, co = ("、".join(n) for n in names[task.id])
                items = by_task.get(task.id, [])
                report_text = _progress_text(reports.get(task.id))
                if not items:
                    if not filters.narrows_milestones:
                        status = (
                            Task.Status.CLOSED if closed_then(task.status, task.closed_at, cutoff) else Task.Status.OPEN
                        )
                        yield LedgerRow(group, number, area, clause, "", lead, co, None, None, report_text, "",
                                        Task.Status(status).label, "否", None,
                                        GREY if status == Task.Status.CLOSED else GREEN)  # fmt: skip
                    continue
                for m in items:
                    state = states[m.pk]
                    if _keep(state, filters):
                        yield _milestone_row(group, number, area, clause, lead, co, m, state, report_text)
                done += len(items)
                if progress is not None:
                    progress(done, total)

    return Ledger(document=document, as_of=as_of, filters=filters, source=build)

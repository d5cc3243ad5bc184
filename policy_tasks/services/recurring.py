"""Recurring obligations of a hand-registered task (每月10日前报送, 每季度首月第3个工作日): issue 16.

Each occurrence is an ordinary dated Milestone of the task (kind `recurring`, the series'
`recurrence` = monthly | quarterly, `occurrence` 1, 2, …), as the import makes for a plan's
`每月10日前`, so reminders, lights, the ledger and the scores treat it like any other.

Occurrences are made ahead on a rolling horizon (HORIZON_DAYS), not all at once: a series
running for years would otherwise fill every page and the ledger with rows due long after,
and an obligation ended early (the task closed) leaves nothing to clean up. At registration
the ones due within the horizon are made (at least the first, so the series exists);
`recurring_generate`, run by the beat, adds the next as time passes.

The rule lives in the occurrences' own `time_expression` (`每月10日前,至2024年3月31日`): it is
what a person reads on the task page, and it lets the periodic run extend a series without
a table of its own. `rule_parse` reads back only what `RecurringRule.phrase` writes.

A series is extended with its task row locked (SELECT … FOR UPDATE, the order the 销号
service takes it in) and each occurrence taken by get_or_create on (task, recurrence,
occurrence), so two runs at once or a second run add nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max

from duban.lib import clock
from duban.lib.workdays import add_workdays
from policy_tasks.errors import ServiceError
from policy_tasks.models import AuditAction, Milestone, Task
from policy_tasks.services.audit import SYSTEM, Actor, audit_record

HORIZON_DAYS = 62
MONTHLY, QUARTERLY = "monthly", "quarterly"
CADENCES = {MONTHLY: "每月", QUARTERLY: "每季度首月"}
MAX_DAY = 28  # every month has it
MAX_WORKDAY = 10  # well inside any month, even February with the Spring Festival

_PHRASE = re.compile(
    r"^(?P<cadence>每月|每季度首月)(?:(?P<day>\d{1,2})日前|第(?P<workday>\d{1,2})个工作日)"
    r",至(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$"
)


@dataclass(frozen=True)
class RecurringRule:
    """One obligation: `day` of the month or the `workday`-th working day, until `until`."""

    text: str
    cadence: str
    until: date
    day: int | None = None
    workday: int | None = None

    def phrase(self) -> str:
        due = f"{self.day}日前" if self.day else f"第{self.workday}个工作日"
        return f"{CADENCES[self.cadence]}{due},至{self.until.year}年{self.until.month}月{self.until.day}日"

    def due_in(self, year: int, month: int) -> date:
        first = date(year, month, 1)
        if self.day:
            return first.replace(day=self.day)
        # The Nth working day counted from the 1st: 调休 Saturdays count, holidays do not.
        return add_workdays(first - timedelta(days=1), self.workday or 1)

    def periods_from(self, year: int, month: int) -> Iterator[tuple[int, int]]:
        """The months of this cadence from (year, month) on: every month, or Jan/Apr/Jul/Oct."""
        step = 3 if self.cadence == QUARTERLY else 1
        if step == 3:
            while (month - 1) % 3:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        while True:
            yield year, month
            month += step
            if month > 12:
                year, month = year + 1, month - 12


def rule_validate(rule: RecurringRule, *, today: date) -> None:
    if not rule.text.strip():
        raise ServiceError("请填写周期性要求的内容", field="recur_text")
    if rule.cadence not in CADENCES:
        raise ServiceError("周期无效", field="recur_cadence")
    if (rule.day is None) == (rule.workday is None):
        raise ServiceError("请填写每期的日期或第几个工作日(二选一)", field="recur_day")
    if rule.day is not None and not 1 <= rule.day <= MAX_DAY:
        raise ServiceError(f"日期须在 1 至 {MAX_DAY} 日之间", field="recur_day")
    if rule.workday is not None and not 1 <= rule.workday <= MAX_WORKDAY:
        raise ServiceError(f"第几个工作日须在 1 至 {MAX_WORKDAY} 之间", field="recur_workday")
    if _first_due(rule, today) is None:
        raise ServiceError("结束日期前没有一期报送", field="recur_until")


def rule_parse(text: str, time_expression: str, cadence: str) -> RecurringRule | None:
    """The rule an occurrence was made by, or None when its phrase is not one of ours."""
    match = _PHRASE.match(time_expression or "")
    if match is None or cadence not in CADENCES or CADENCES[cadence] != match["cadence"]:
        return None
    until = date(int(match["y"]), int(match["m"]), int(match["d"]))
    day = int(match["day"]) if match["day"] else None
    workday = int(match["workday"]) if match["workday"] else None
    return RecurringRule(text=text, cadence=cadence, until=until, day=day, workday=workday)


def _first_due(rule: RecurringRule, today: date) -> tuple[int, int] | None:
    """The first period whose due date is today or later and not after the end."""
    for year, month in rule.periods_from(today.year, today.month):
        due = rule.due_in(year, month)
        if due > rule.until:
            return None
        if due >= today:
            return year, month
    return None  # unreachable: the periods are endless and the end date is finite


def recurring_start(*, task: Task, rule: RecurringRule, actor: Actor) -> list[Milestone]:
    """At registration, inside its transaction: the occurrences due within the horizon, at least one."""
    today = clock.today()
    first = _first_due(rule, today)
    if first is None:
        raise ServiceError("结束日期前没有一期报送", field="recur_until")
    return _extend(task, rule, start=first, next_occurrence=1, today=today, actor=actor, at_least_one=True)


def recurring_generate(*, on: date | None = None) -> int:
    """The beat's run: extend every open source task's series up to the horizon. Returns rows made."""
    today = on or clock.today()
    horizon = today + timedelta(days=HORIZON_DAYS)
    series = (
        Milestone.objects.filter(
            task__source__isnull=False,
            task__status=Task.Status.OPEN,
            recurrence__in=tuple(CADENCES),
            occurrence__isnull=False,
        )
        .values("task_id", "recurrence")
        .annotate(last=Max("occurrence"), last_due=Max("original_due_date"))
        .filter(last_due__lte=horizon)
    )
    made = 0
    for row in series:
        made += _extend_series(row["task_id"], row["recurrence"], today)
    return made


@transaction.atomic
def _extend_series(task_id: int, cadence: str, today: date) -> int:
    task = Task.objects.select_for_update().filter(pk=task_id, status=Task.Status.OPEN).first()
    if task is None:
        return 0  # closed or withdrawn since the query: nothing more is owed
    last = Milestone.objects.filter(task=task, recurrence=cadence).order_by("-occurrence").first()
    rule = rule_parse(last.text, last.time_expression, cadence) if last else None
    if last is None or rule is None or last.occurrence is None:
        return 0
    # The period after the last one made; original_due_date, as an extension moves due_date.
    # After a long outage of the beat this also makes the missed periods, already due: the
    # obligation existed, so they show red rather than vanish.
    made_in = last.original_due_date or last.due_date
    assert made_in is not None, "every occurrence of a series is made with its due date"
    periods = rule.periods_from(made_in.year, made_in.month)
    next(periods)
    start = next(periods)
    return len(_extend(task, rule, start=start, next_occurrence=last.occurrence + 1, today=today, actor=SYSTEM))


def _extend(
    task: Task,
    rule: RecurringRule,
    *,
    start: tuple[int, int],
    next_occurrence: int,
    today: date,
    actor: Actor,
    at_least_one: bool = False,
) -> list[Milestone]:
    horizon = today + timedelta(days=HORIZON_DAYS)
    phrase = rule.phrase()
    made: list[Milestone] = []
    occurrence = next_occurrence
    for year, month in rule.periods_from(*start):
        due = rule.due_in(year, month)
        if due > rule.until or (due > horizon and not (at_least_one and not made)):
            break
        milestone, created = Milestone.objects.get_or_create(
            task=task,
            recurrence=rule.cadence,
            occurrence=occurrence,
            defaults={
                "document_id": task.document_id,
                "position": 1000 + occurrence,  # after the task's own deadline
                "text": rule.text,
                "end": len(rule.text),
                "kind": Milestone.Kind.RECURRING,
                "time_expression": phrase,
                "due_date": due,
                "original_due_date": due,
            },
        )
        if created:
            made.append(milestone)
        occurrence += 1
    if made:
        audit_record(
            actor=actor,
            action=AuditAction.MILESTONE_RECURRING_GENERATE,
            obj=task,
            after={
                "rule": phrase,
                "text": rule.text,
                "recurrence": rule.cadence,
                "occurrences": [{"id": m.pk, "occurrence": m.occurrence, "due_date": m.due_date} for m in made],
            },
            document=task.document,
            task=task,
        )
    return made

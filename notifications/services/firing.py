"""When a reminder rule fires: the working-day arithmetic of a rule and its anchor date.

One rule, asked by every part of the scan that must know a fire date without reading the
ledger: finding (candidates.py: which due dates a rule's query reads, each hit's occurrence),
the watermark (scan_marks.py, scan_window.py: which due dates a tick may skip) and the
leader rung (leader_rung.py). A rule fires `offset_workdays` working days from its anchor
(before a due date when negative) and, if it repeats, every `repeat_every_workdays` after;
after downtime only the latest firing is sent, and only the current before-due rule.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from duban.lib import workdays
from notifications.models import ReminderRule
from notifications.services.timing import fire_date


def occurrence(rule: ReminderRule, anchor: date, today: date, *, forward: bool = False) -> tuple[int, date] | None:
    """(occurrence, fire date) of the rule's latest firing on or before today, or None if not yet."""
    first = fire_date(anchor, rule.offset_workdays, forward=forward)
    if first > today:
        return None
    if not rule.repeat_every_workdays:
        return 0, first
    k = workdays.workdays_between(first, today) // rule.repeat_every_workdays
    return k, workdays.add_workdays(first, k * rule.repeat_every_workdays)


def firing(rule: ReminderRule, due: date, today: date) -> tuple[int, date] | None:
    """(occurrence, fire date) of a milestone rule for a due date its query returned."""
    if rule.offset_workdays > 0:
        return occurrence(rule, due, today)
    return 0, fire_date(due, rule.offset_workdays)


def current_before_due(rules: list[ReminderRule], due: date, today: date) -> ReminderRule | None:
    """The most recent before-due rule that has fired for `due`: only it is sent after downtime."""
    if today > due:
        return None
    fired = [r for r in rules if fire_date(due, r.offset_workdays) <= today]
    return max(fired, key=lambda r: r.offset_workdays, default=None)


def before_due_plan(rules: list[ReminderRule], today: date) -> dict[int, list[date]]:
    """rule id -> the due dates for which that rule is the current before-due reminder today."""
    if not rules:
        return {}
    reach = max(-r.offset_workdays for r in rules)
    last = workdays.add_workdays(today, reach) + timedelta(days=15)
    plan: dict[int, list[date]] = defaultdict(list)
    day = today
    while day <= last:
        rule = current_before_due(rules, day, today)
        if rule is not None:
            plan[rule.pk].append(day)
        day += timedelta(days=1)
    return dict(plan)


def last_anchor_fired(offset: int, today: date) -> date:
    """The latest anchor date for which a rule `offset` (> 0) working days later has fired by today."""
    day = today
    while workdays.add_workdays(day, offset) > today:
        day -= timedelta(days=1)
    return day

"""Charts for the leaders' dashboard, each with the link to the list behind it.

Two queries for the milestones (aggregated in SQL by area, due date, status and
closing day) plus the scoreboard's six, whatever the size of the
document; everything else is arithmetic here. The milestones are the figures' 时限节点
(selectors.figures.counted_milestones), closed by the end of the 统计日期 as the figures read
it, and every link carries the document and the date.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from accounts.models import User
from duban.lib.local_date import LocalDate
from policy_tasks.models import PolicyDocument
from policy_tasks.selectors.counted import closed_day_of, counted_milestones
from policy_tasks.selectors.lights import GREY, OPEN, RED, schedule_start
from policy_tasks.selectors.scoreboard import unit_scoreboard

CALENDAR_DAYS = 90
UNITS_SHOWN = 15


def list_url(document: PolicyDocument, **params: Any) -> str:
    query = {"document": document.pk, **{k: v for k, v in params.items() if v not in (None, "")}}
    return f"{reverse('web:milestones')}?{urlencode(query)}"


def _month_ends(first: date, last: date) -> list[date]:
    ends, day = [], first.replace(day=1)
    while day <= last:
        ends.append(day.replace(day=calendar.monthrange(day.year, day.month)[1]))
        day = ends[-1] + timedelta(days=1)
    return ends


def dashboard_data(*, user: User, document: PolicyDocument, on: date) -> dict[str, Any]:
    # One row per area, due date, status and closing day with its count (issue 18: a row per
    # milestone and a localdate call for each took seconds at 100,000 milestones).
    rows = list(
        # Withdrawn milestones (已作废) are neither open nor closed work.
        counted_milestones(document=document, user=user)
        # LocalDate: TruncDate's day without a time-zone lookup per row (duban.lib.local_date).
        .values("task__area_id", "due_date", "status", closed_day=LocalDate("closed_at"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    areas = list(document.areas.order_by("number"))
    as_of = on.isoformat()

    by_area: dict[int | None, Counter] = {a.pk: Counter() for a in areas}
    for row in rows:
        closed = closed_day_of(row["status"], row["closed_day"])
        state = "closed" if closed and closed <= on else ("overdue" if row["due_date"] < on else "open")
        by_area.setdefault(row["task__area_id"], Counter())[state] += row["n"]
    completion = {
        "labels": [f"{a.number}. {a.title[:8]}" for a in areas],
        "closed": [by_area[a.pk]["closed"] for a in areas],
        "open": [by_area[a.pk]["open"] for a in areas],
        "overdue": [by_area[a.pk]["overdue"] for a in areas],
        "links": {
            "closed": [list_url(document, area=a.pk, light=GREY, as_of=as_of, dated="1") for a in areas],
            "open": [list_url(document, area=a.pk, light=OPEN, as_of=as_of, dated="1") for a in areas],
            "overdue": [list_url(document, area=a.pk, light=RED, as_of=as_of) for a in areas],
        },
    }

    scores = [s for s in unit_scoreboard(document=document, on=on, user=user) if s.overdue_count]
    scores.sort(key=lambda s: (-s.overdue_count, s.unit.name))
    scores = scores[:UNITS_SHOWN]
    overdue_units = {
        "labels": [s.unit.short_name or s.unit.name for s in scores],
        "values": [s.overdue_count for s in scores],
        "links": [list_url(document, unit=s.unit.pk, light=RED, as_of=as_of) for s in scores],
    }

    start = schedule_start(document)
    months = _month_ends(start, min(on, date(document.year, 12, 31)))
    closed_dates: Counter[date] = Counter()
    due_dates: Counter[date] = Counter()
    for r in rows:
        due_dates[r["due_date"]] += r["n"]
        if closed := closed_day_of(r["status"], r["closed_day"]):
            closed_dates[closed] += r["n"]
    progress = {
        "labels": [f"{m:%Y-%m}" for m in months],
        "due": [sum(n for d, n in due_dates.items() if d <= m) for m in months],
        "closed": [sum(n for d, n in closed_dates.items() if d <= m) for m in months],
        "links": [
            list_url(document, due_from=m.replace(day=1).isoformat(), due_to=m.isoformat(), as_of=as_of, dated="1")
            for m in months
        ],
    }

    horizon = on + timedelta(days=CALENDAR_DAYS)
    upcoming: Counter[date] = Counter()
    for r in rows:
        closed = closed_day_of(r["status"], r["closed_day"])
        if not (closed and closed <= on) and on <= r["due_date"] <= horizon:
            upcoming[r["due_date"]] += r["n"]
    deadlines = {
        "range": [on.isoformat(), horizon.isoformat()],
        "days": [[d.isoformat(), n] for d, n in sorted(upcoming.items())],
        "max": max(upcoming.values(), default=1),
        "link": list_url(document, light=OPEN, due_from="DAY", due_to="DAY", as_of=as_of, dated="1"),
    }

    upcoming_card = (
        sum(upcoming.values()),
        list_url(document, light=OPEN, due_from=as_of, due_to=horizon.isoformat(), as_of=as_of, dated="1"),
    )
    return {
        "completion": completion,
        "overdue_units": overdue_units,
        "progress": progress,
        "deadlines": deadlines,
        "upcoming": upcoming_card,
    }

"""The two lists that grow fastest (tasks, the overdue ledger), emitted from plain rows.

A page of 50 read as model instances and written out by nested ModelSerializers cost
several times the SQL that fetched it (docs/performance.md, "API"). Here a page is read
as plain rows (selectors.task_list_rows, whose rows carry each task's latest lead report, and
selectors.ledger_list_rows), its units and its milestones' lights by id with one statement
each, and every row is built as the dict its serializer describes. The serializers stay
the contract: the schema is generated from them, and tests/api/test_rows.py checks that
both give the same JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from typing import NamedTuple, cast

from django.utils import timezone
from rest_framework import serializers

from accounts.models import Unit
from duban.lib.sql import column, rows_for_ids, table
from policy_tasks.models import Task, TaskUnit
from policy_tasks.selectors.light_rows import DUES_COLUMNS
from policy_tasks.selectors.lights import task_lights

# DRF's rendering of a datetime, so a row reads exactly as the ModelSerializer would have
# written it: ISO 8601 in the current time zone, "Z" for UTC. Aware values (all the database
# returns) take the short way; DRF's field, which looks the zone up on every call, does the rest.
_DATETIME = serializers.DateTimeField()


def datetime_out(value: datetime | None, zone: tzinfo | None = None) -> str | None:
    if value is None:
        return None
    if zone is None or value.tzinfo is None:
        return _DATETIME.to_representation(value)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def date_out(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class _TaskRef(NamedTuple):
    """What task_lights reads of a task."""

    pk: int
    status: str


_UNITS_SQL = (
    f"SELECT {column(TaskUnit, 'task', 'tu')}, {column(TaskUnit, 'role', 'tu')}, {column(TaskUnit, 'position', 'tu')},"
    f" u.{column(Unit, 'id')}, u.{column(Unit, 'name')}, u.{column(Unit, 'short_name')}"
    f" FROM {table(TaskUnit)} tu JOIN {table(Unit)} u ON u.{column(Unit, 'id')} = {column(TaskUnit, 'unit', 'tu')}"
    f" WHERE {column(TaskUnit, 'task', 'tu')} {{ids}}"
    f" ORDER BY {column(TaskUnit, 'task', 'tu')}, {column(TaskUnit, 'position', 'tu')}"
)


def units_by_task(task_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Each task's units, lead first, as the API shows them: one query for the whole page."""
    rows: dict[int, list[dict]] = {task_id: [] for task_id in task_ids}
    for task_id, role, position, unit_id, name, short_name in rows_for_ids(_UNITS_SQL, rows):
        rows[task_id].append(
            {"unit": {"id": unit_id, "name": name, "short_name": short_name}, "role": role, "position": position}
        )
    return rows


def task_rows(page: list[dict], *, on: date) -> list[dict]:
    """TaskListSerializer's output for a page of rows (selectors.task_list_rows.COLUMNS by name), lights as of `on`."""
    units = units_by_task(row["id"] for row in page)
    # The page holds each task's latest percent: the lights need not read it again.
    percents = {row["id"]: row["latest_percent"] for row in page if row["latest_percent"] is not None}
    # task_lights reads only pk and status, though selectors.lights types its argument as tasks.
    refs = cast(list[Task], [_TaskRef(row["id"], row["status"]) for row in page])
    # On PostgreSQL the page holds what each light needs too (light_rows.task_dues_lateral).
    dues = None
    if page and page[0]["dues_n"] is not None:
        dues = {row["id"]: (row["document_id"], *(row[name] for name in DUES_COLUMNS)) for row in page}
    lights = task_lights(refs, on=on, percents=percents, dues=dues)
    zone = timezone.get_current_timezone()
    return [
        {
            "id": row["id"],
            "document": row["document_id"],
            "area": row["area_id"],
            "number": row["number"],
            "label": row["label"] or str(row["number"]),
            "title": row["title"],
            "status": row["status"],
            "closed_at": datetime_out(row["closed_at"], zone),
            "version": row["version"],
            "units": units[row["id"]],
            "light": lights[row["id"]],
            "latest_percent": row["latest_percent"],
            "latest_report_at": datetime_out(row["latest_report_at"], zone),
        }
        for row in page
    ]


def ledger_entries(page: list[dict], *, on: date) -> list[dict]:
    """LedgerEntrySerializer's output for a page of rows (selectors.ledger_list_rows.COLUMNS by name), days overdue
    as of `on`."""
    units = units_by_task({row["task_id"] for row in page})
    return [
        {
            "id": row["id"],
            "document": row["document_id"],
            "task": {
                "id": row["task_id"],
                "number": row["task__number"],
                "title": row["task__title"],
                "area": row["task__area_id"],
                "status": row["task__status"],
                "units": units[row["task_id"]],
            },
            "text": row["text"],
            "kind": row["kind"],
            "due_date": date_out(row["due_date"]),
            "original_due_date": date_out(row["original_due_date"]),
            "status": row["status"],
            "delay_count": row["delay_count"],
            "days_overdue": (on - row["due_date"]).days,
            "version": row["version"],
        }
        for row in page
    ]

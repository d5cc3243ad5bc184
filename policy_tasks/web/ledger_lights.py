"""The ids of the ledger's yellow and green lists, one page at a time (issue 18).

A light is not a column: `selectors.lights.reason_for` (the one rule) decides it. What it reads of an
open row without a target value is its document, its due date and its task's lead percent, so the
candidates come back grouped by (document, due date, percent) — a few hundred groups where there
are ~30,000 rows — each group is judged once in Python, and PostgreSQL selects the rows of the
groups judged the light asked for, in the ledger's order, and returns only one page of their ids.
The total is the judged groups' counts added up. Rows with a target value are judged one by one on
their own values (`milestone_light_reasons`), as the lists always judged them; they are few.

`light_ids` is the same selection row by row in Python (the lists' path before, and SQLite's, which
has no arrays): tests/web/test_ledger_lights.py holds the two equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet

from duban.lib.sql import SQLParam, as_date, column, fetch, rows_for_ids, table
from policy_tasks.models import LeadReport, Milestone
from policy_tasks.selectors.figures import yellow_bounds
from policy_tasks.selectors.light_rows import THRESHOLDS_SQL, DueRow, Thresholds
from policy_tasks.selectors.lights import light_for, milestone_light_reasons
from policy_tasks.web.light_bounds import open_lights, request_percents


def undecided(qs: QuerySet[Milestone], on: date) -> QuerySet[Milestone]:
    """The rows of a yellow or green list still to judge: live and past due is red, withdrawn is
    grey, so neither can be yellow or green."""
    return qs.filter(Q(due_date__gte=on) | Q(due_date=None))


def _documents(ids: set[int]) -> dict[int, Thresholds]:
    return {pk: Thresholds(*rest) for pk, *rest in rows_for_ids(THRESHOLDS_SQL, ids)}


def _valued(candidates: QuerySet[Milestone]) -> list[DueRow]:
    # As open rows: one closed after a past 统计日期 was open then.
    return [
        DueRow(pk, task_id, doc_id, Milestone.Status.OPEN, due)
        for pk, task_id, doc_id, due in candidates.filter(target_value__isnull=False)
        .values_list("pk", "task_id", "document_id", "due_date")
        .order_by()
    ]


def light_ids(candidates: QuerySet[Milestone], *, light: str, on: date, order: Sequence[str]) -> list[int]:
    """Every candidate's id whose light is `light`, in `order`: each row read and judged in Python."""
    dues = [
        DueRow(*row)
        for row in candidates.values_list("pk", "task_id", "document_id", "status", "due_date").order_by(*order)
    ]
    # One date bound per document instead of counting working days for each of ~45,000 rows.
    documents = _documents({d.document_id for d in dues})
    beyond = yellow_bounds(on, documents)
    percents = request_percents({d.task_id for d in dues if d.due_date and d.due_date >= beyond[d.document_id]})
    lights = open_lights(dues, on=on, documents=documents, percents=percents, bounds=beyond)
    # A milestone with a target is judged on its own reported value: the one judgement decides.
    valued = _valued(candidates)
    if valued:
        lights.update({pk: r.light for pk, r in milestone_light_reasons(valued, on=on, documents=documents).items()})
    return [d.pk for d in dues if lights[d.pk] == light]


@dataclass(frozen=True)
class Judged:
    """What `judge` decided: the groups of plain rows of the light, the rows with a target value of
    the light, and how many rows that is in all."""

    documents: list[int]
    dues: list[date]
    percents: list[int]
    undated: bool  # rows without a due date are of the light
    valued_ids: list[int]
    valued_dues: list[date]  # theirs: with the groups' dates, the range every dated row of the light is in
    total: int


def _sql(qs: QuerySet[Milestone], *fields: str) -> tuple[str, list[SQLParam]] | None:
    try:
        sql, params = qs.values_list(*fields).order_by().query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(params)


_PERCENT = f"COALESCE(l.{column(LeadReport, 'percent')}, 0)"
_LEAD = f"LEFT JOIN {table(LeadReport)} l ON l.{column(LeadReport, 'task')} = c.task_id"


def judge(candidates: QuerySet[Milestone], *, light: str, on: date) -> Judged:
    """The candidates' (document, due date, percent) groups of the light, each judged once by the
    one rule, and the rows with a target value judged on their own values."""
    inner = _sql(candidates.filter(target_value__isnull=True), "document_id", "due_date", "task_id")
    groups = []
    if inner is not None:
        groups = fetch(
            f"SELECT c.document_id, c.due_date, {_PERCENT}, COUNT(*) FROM ({inner[0]}) AS c(document_id, due_date,"
            f" task_id) {_LEAD} GROUP BY 1, 2, 3",
            inner[1],
        )
    valued = _valued(candidates) if inner is not None else []
    documents = _documents({g[0] for g in groups} | {d.document_id for d in valued})
    bounds = yellow_bounds(on, documents)
    documents_of, dues_of, percents_of, valued_ids, valued_dues = [], [], [], [], []
    total = 0
    undated = False
    for document_id, raw_due, percent, n in groups:
        due = as_date(raw_due)
        # A group stands for its rows: judged as open (one closed only after `on` was open then).
        row = DueRow(0, 0, document_id, Milestone.Status.OPEN, due)
        if light_for(row, on, percent, documents[document_id], None, bounds[document_id]) != light:
            continue
        total += n
        if due is None:
            undated = True
        else:
            documents_of.append(document_id)
            dues_of.append(due)
            percents_of.append(percent)
    if valued:
        reasons = milestone_light_reasons(valued, on=on, documents=documents)
        for d in valued:
            if reasons[d.pk].light == light:
                valued_ids.append(d.pk)
                if d.due_date is not None:
                    valued_dues.append(d.due_date)
                else:
                    undated = True
    total += len(valued_ids)
    return Judged(documents_of, dues_of, percents_of, undated, valued_ids, valued_dues, total)


def page_ids(
    candidates: QuerySet[Milestone], judged: Judged, *, order: Sequence[str], offset: int, limit: int
) -> list[int]:
    """One page of the judged rows' ids, in `order` (the ledger's: field names, "-" for descending)."""
    names = list(dict.fromkeys([*(name.lstrip("-") for name in order), "pk", "document_id", "due_date"]))
    names += ["task_id", "target_value"]
    if not judged.total:
        return []
    dated = [*judged.dues, *judged.valued_dues]
    if dated and not judged.undated:
        # Implied by the condition below, but on the due-date index: only the rows between the
        # first and the last date of the light are read (a yellow list is mostly the next days).
        candidates = candidates.filter(due_date__range=(min(dated), max(dated)))
    inner = _sql(candidates, *names)
    if inner is None:
        return []
    alias = {name: f"c.c{i}" for i, name in enumerate(names)}
    columns = ", ".join(f"c{i}" for i in range(len(names)))
    ordering = ", ".join(f"{alias[name.lstrip('-')]}{' DESC' if name.startswith('-') else ''}" for name in order)
    doc, due, pk = alias["document_id"], alias["due_date"], alias["pk"]
    sql = (
        f"SELECT {pk} FROM ({inner[0]}) AS c({columns})"
        f" LEFT JOIN {table(LeadReport)} l ON l.{column(LeadReport, 'task')} = {alias['task_id']}"
        f" WHERE ({alias['target_value']} IS NULL AND (({doc}, {due}, {_PERCENT})"
        " IN (SELECT * FROM unnest(%s::bigint[], %s::date[], %s::int[]))"
        f" OR ({due} IS NULL AND %s))) OR {pk} = ANY(%s::bigint[])"
        f" ORDER BY {ordering} LIMIT %s OFFSET %s"
    )
    params = [*inner[1], judged.documents, judged.dues, judged.percents, judged.undated, judged.valued_ids]
    return [row[0] for row in fetch(sql, [*params, limit, offset])]


def in_sql() -> bool:
    """Whether the database pages by the judged groups (arrays); else `light_ids`."""
    return connection.vendor == "postgresql"

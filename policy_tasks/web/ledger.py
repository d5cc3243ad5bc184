"""Reads of the supervision console and the lists: the ledger with any light, the board, the queues.

Scoped by visible_tasks; a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, NamedTuple, TypeVar

from django.db import connection
from django.db.models import Prefetch, QuerySet

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.models import (
    Area,
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    Task,
    TaskUnit,
    UrgeNotice,
    in_force_q,
)
from policy_tasks.permissions import sees_every_task, visible_tasks
from policy_tasks.selectors.counted import closed_by, open_at, open_branches, status_at, status_then
from policy_tasks.selectors.lights import (
    GREEN,
    GREY,
    OPEN,
    RED,
    YELLOW,
    Light,
    annotate_lights,
)
from policy_tasks.selectors.tasks import milestones_overdue
from policy_tasks.web import board_counts, ledger_lights, ledger_window
from policy_tasks.web.light_bounds import task_lights_bounded


def _task_units_prefetch() -> Prefetch:
    return Prefetch("task__task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position"))


@dataclass
class LedgerFilters:
    document: PolicyDocument | None = None
    area: Area | None = None
    unit: Unit | None = None
    light: str = RED
    due_from: date | None = None
    due_to: date | None = None
    as_of: date = field(default_factory=clock.today)
    # Only what the figures count (时限节点: dated, in force), so a figure's link lists its number.
    dated: bool = False


PER_PAGE = 50
# The lists' order but the overdue ledger's (selectors.tasks.milestones_overdue has its own).
LIST_ORDER = ("due_date", "document_id", "task__number", "position", "pk")
Row = TypeVar("Row", Milestone, Task)


def _filtered(*, user: User, filters: LedgerFilters) -> QuerySet[Milestone]:
    """The rows' queryset in ledger order, without the light filter for yellow and green."""
    on = filters.as_of
    if filters.light == RED:
        qs = milestones_overdue(on=on, document=filters.document, unit=filters.unit, user=user)
    else:
        # Task milestones the user sees: for one who sees every task, every task milestone (the
        # condition `task IN (every task)` was a join of 10,000 tasks that kept them all).
        qs = Milestone.objects.filter(task__isnull=False)
        if not sees_every_task(user):
            qs = qs.filter(task__in=visible_tasks(user).values("pk"))
        if filters.document is not None:
            qs = qs.filter(document=filters.document)
        if filters.unit is not None:
            qs = qs.filter(task__in=TaskUnit.objects.filter(unit=filters.unit).values("task_id"))
        # As the figures read a 统计日期: closed means closed by its end (selectors.figures).
        if filters.light in (YELLOW, GREEN, OPEN):
            qs = qs.filter(open_at(on))
        if filters.light == OPEN:  # yellow or green: still to do and not yet due
            qs = qs.filter(due_date__gte=on)
        elif filters.light == GREY:
            qs = qs.filter(closed_by(on))
        qs = (
            qs.select_related("task", "task__area", "document")
            .prefetch_related(_task_units_prefetch())
            .order_by(*LIST_ORDER)
        )
    if filters.dated:
        qs = qs.filter(due_date__isnull=False).filter(in_force_q())
        qs = qs.filter(in_force_q("task__"))
    if filters.area is not None:
        qs = qs.filter(task__area=filters.area)
    if filters.due_from is not None:
        qs = qs.filter(due_date__gte=filters.due_from)
    if filters.due_to is not None:
        qs = qs.filter(due_date__lte=filters.due_to)
    return qs.prefetch_related(Prefetch("urges", queryset=UrgeNotice.objects.order_by("-issued_at", "-pk")))


def as_then(rows: list[Milestone], on: date) -> list[Milestone]:
    """The rows as they stood at the end of `on`: one closed only later shows as open then,
    with its light judged so (the pages' objects only; nothing is saved)."""
    cutoff = clock.end_of(on)
    for m in rows:
        m.status = status_at(m.status, m.closed_at, cutoff)
    return rows


def _decorate(rows: list[Milestone], on: date) -> list[Milestone]:
    for m in rows:
        assert m.task is not None, "the ledger lists task milestones (task__in visible tasks)"
        m.days_late = (on - m.due_date).days if m.due_date and m.due_date < on else 0
        m.lead_units = [tu.unit for tu in m.task.task_units.all() if tu.role == TaskUnit.Role.LEAD]
        m.co_units = [tu.unit for tu in m.task.task_units.all() if tu.role == TaskUnit.Role.CO]
        m.urge_list = list(m.urges.all())
    return rows


def ledger_milestones(*, user: User, filters: LedgerFilters) -> list[Milestone]:
    """Every task milestone matching the filters, with `.light` and `.days_late`.

    light=red is exactly the overdue ledger (selectors.tasks.milestones_overdue); the
    other lights are computed in bulk and filtered here, since a light is not a column.
    The pages read `ledger_page`; this whole list is what its pages add up to (tests).
    """
    rows = annotate_lights(as_then(list(_filtered(user=user, filters=filters)), filters.as_of), on=filters.as_of)
    if filters.light in (YELLOW, GREEN):
        rows = [m for m in rows if m.light == filters.light]
    return _decorate(rows, filters.as_of)


@dataclass
class LedgerPage(Generic[Row]):
    """One page of rows: the ledger's milestones, or the workbench's tasks of one light."""

    rows: list[Row]
    total: int  # rows on all pages, counted in SQL (or from the light's ids), not rendered
    number: int
    num_pages: int
    per_page: int = PER_PAGE

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.rows)


def page_number(raw: str | int | None, num_pages: int) -> int:
    """A bad or out-of-range page number shows the nearest page, as a filter's bad value drops it."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), num_pages)


def ledger_page(
    *, user: User, filters: LedgerFilters, page: str | int | None = 1, per_page: int | None = None
) -> LedgerPage[Milestone]:
    """One page of `ledger_milestones` (same rows, same order) and their total (issue 18: the console
    rendered 27,714 rows). Red, grey and unfiltered lists are counted and sliced in SQL; yellow
    and green are not columns, so the lights of the candidates' plain rows pick the ids first."""
    on = filters.as_of
    per_page = per_page or PER_PAGE
    qs = _filtered(user=user, filters=filters)
    if filters.light in (YELLOW, GREEN):
        candidates = ledger_lights.undecided(qs, on)
        order = LIST_ORDER
        if ledger_lights.in_sql():
            # The candidates judged per (document, due date, percent) group; one page of ids read.
            judged = ledger_lights.judge(candidates, light=filters.light, on=on)
            total = judged.total
            num_pages = max(1, -(-total // per_page))
            number = page_number(page, num_pages)
            chosen = ledger_lights.page_ids(
                candidates, judged, order=order, offset=(number - 1) * per_page, limit=per_page
            )
        else:
            ids = ledger_lights.light_ids(candidates, light=filters.light, on=on, order=order)
            total = len(ids)
            num_pages = max(1, -(-total // per_page))
            number = page_number(page, num_pages)
            chosen = ids[(number - 1) * per_page : number * per_page]
    else:
        by_dates = filters.light != RED and connection.vendor == "postgresql"
        counts = ledger_window.due_counts(qs) if by_dates else []
        total = sum(n for _, n in counts) if by_dates else qs.count()
        num_pages = max(1, -(-total // per_page))
        number = page_number(page, num_pages)
        if by_dates:
            # Only the rows of the due dates the page falls on are sorted (ledger_window).
            chosen = ledger_window.page_ids(qs, counts, offset=(number - 1) * per_page, limit=per_page)
        else:
            # The page's ids first, sorted on narrow rows: sorting the full rows would carry each
            # one's document (with its whole source text) through the sort.
            chosen = list(qs.values_list("pk", flat=True)[(number - 1) * per_page : number * per_page])
    by_id = {m.pk: m for m in qs.filter(pk__in=chosen)}
    rows = annotate_lights(as_then([by_id[pk] for pk in chosen], on), on=on)
    return LedgerPage(rows=_decorate(rows, on), total=total, number=number, num_pages=num_pages, per_page=per_page)


BOARD_TILES_MAX = 400


class _BoardRow(NamedTuple):
    """A clause as the board counts it, its status as of the board's day (a tuple: 10,000
    namespaces cost more to build)."""

    pk: int
    area_id: int | None
    status: str


@dataclass
class BoardArea:
    area: Area | None
    tasks: list[Task]  # the tiles; empty when the area is summarised by its counts
    counts: dict[str, int]  # tasks by light, the worst first (Light's order)


def board_rows(visible: QuerySet[Task], on: date) -> list[_BoardRow]:
    """The clauses as the board counts them, each with its status as of `on` (counted.status_then:
    one closed after it was open then, and has its milestones' light). Unordered: the tasks'
    default ordering joined the documents to sort 10,000 rows only counted."""
    then = visible.annotate(status_then=status_then(on))
    return [_BoardRow(*row) for row in then.values_list("id", "area_id", "status_then").order_by()]


def board(*, user: User, document: PolicyDocument, on: date, area: Area | None = None) -> list[BoardArea]:
    """The document's visible clauses grouped by area, each with `.light` and counts by light.

    Up to BOARD_TILES_MAX clauses (in the document, or in the area asked for) each get a tile;
    a larger document shows each area's counts, each a link to the list of that area (issue 18:
    10,000 tiles were megabytes of HTML that nobody reads)."""
    visible = visible_tasks(user).filter(document=document)
    areas = list(document.areas.order_by("number"))
    if area is None and connection.vendor == "postgresql" and visible.count() > BOARD_TILES_MAX:
        # A large document shows counts only: grouped in SQL, without a row per clause.
        summary = board_counts.summarise(visible, document=document, on=on, live=open_branches(on))
        return [
            BoardArea(area=key, tasks=[], counts=summary.counts[key.pk if key is not None else None])
            for key in [*areas, None]
            if (key.pk if key is not None else None) in summary.counts
        ]
    # Plain rows for the lights and counts; model instances only for the tiles shown.
    rows = board_rows(visible, on)
    # The board's own aggregate (light_bounds): task_lights' rule, one date bound per document.
    lights = task_lights_bounded(
        rows, on=on, milestones=Milestone.objects.filter(task__in=visible.values("pk")), live=open_branches(on)
    )
    grouped: dict[int | None, list[_BoardRow]] = {a.pk: [] for a in areas}
    for row in rows:
        grouped.setdefault(row.area_id, []).append(row)
    tiles = len(rows) <= BOARD_TILES_MAX
    shown_areas = {
        key
        for key, members in grouped.items()
        if tiles or (area is not None and key == area.pk and len(members) <= BOARD_TILES_MAX)
    }
    instances: dict[int | None, list[Task]] = {}
    if shown_areas:
        wanted = [row.pk for key in shown_areas for row in grouped[key]]
        for task in visible.filter(pk__in=wanted).select_related("area").order_by("number"):
            task.light = lights[task.pk]
            instances.setdefault(task.area_id, []).append(task)
    result = []
    for key in [a for a in areas] + [None]:
        members = grouped.get(key.pk if key is not None else None, [])
        if not members:
            continue
        counts = {light.value: 0 for light in Light}
        for row in members:
            counts[lights[row.pk]] += 1
        shown = instances.get(key.pk if key is not None else None, [])
        result.append(BoardArea(area=key, tasks=shown, counts=counts))
    return result


def verification_queue(*, user: User, document: PolicyDocument | None = None) -> list[CompletionRequest]:
    qs = CompletionRequest.objects.filter(
        status=CompletionRequest.Status.PENDING, milestone__task__in=visible_tasks(user).values("pk")
    )
    if document is not None:
        qs = qs.filter(milestone__document=document)
    return list(
        qs.select_related("milestone", "milestone__task", "milestone__document", "unit", "requested_by")
        .prefetch_related("evidence")
        .order_by("requested_at", "pk")
    )


def extension_queue(*, user: User, document: PolicyDocument | None = None) -> list[ExtensionRequest]:
    qs = ExtensionRequest.objects.filter(
        status=ExtensionRequest.Status.PENDING, milestone__task__in=visible_tasks(user).values("pk")
    )
    if document is not None:
        qs = qs.filter(milestone__document=document)
    return list(
        qs.select_related("milestone", "milestone__task", "unit", "requested_by").order_by("requested_at", "pk")
    )

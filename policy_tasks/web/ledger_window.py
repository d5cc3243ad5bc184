"""A page of a whole ledger list by its due dates (issue 18).

The lists are ordered by due date first (ledger.LIST_ORDER). Page 20 of a document's 100,000
milestones sorted all of them (joined to their clauses for the clause number) to keep 1,000. The
rows per due date are counted instead (the total is their sum: no separate count), the dates that
hold the page are found from the running sums, and only those dates' rows are sorted, the page
starting after the rows of the dates before it. The same rows in the same order
(tests/web/test_page_scale.py walks every page of every list against the whole list).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, Q, QuerySet

from policy_tasks.models import Milestone


def due_counts(qs: QuerySet[Milestone]) -> list[tuple[date | None, int]]:
    """Rows per due date, in the lists' order on PostgreSQL: ascending, undated last."""
    counts = list(qs.order_by().values_list("due_date").annotate(n=Count("pk")))
    return sorted(counts, key=lambda row: (row[0] is None, row[0] or date.min))


def page_ids(
    qs: QuerySet[Milestone], counts: Sequence[tuple[date | None, int]], *, offset: int, limit: int
) -> list[int]:
    """The ids of rows offset … offset + limit of `qs` (ordered, due date first), reading only the
    rows of the due dates the page falls on."""
    dates: list[date | None] = []
    before = seen = 0
    for due, n in counts:
        if seen + n <= offset:
            before = seen = seen + n
            continue
        if seen >= offset + limit:
            break
        dates.append(due)
        seen += n
    if not dates:
        return []
    dated = [d for d in dates if d is not None]
    window = Q(due_date__range=(min(dated), max(dated))) if dated else Q(pk__in=[])
    if None in dates:
        window |= Q(due_date__isnull=True)
    start = offset - before
    return list(qs.filter(window).values_list("pk", flat=True)[start : start + limit])

"""The yellow and green lists paged by judged groups equal the lists judged row by row (issue 18).

web/ledger_lights.py judges the candidates once per (document, due date, lead percent) and lets
PostgreSQL page the rows of the groups judged the light; `light_ids` reads and judges every row in
Python, as the lists did before (and still do on SQLite). On the seed, for several readers, filters
and dates (before, inside and after its deadlines, with milestones closed after the date), and for a
milestone judged on its own target value (tests/web/test_ledger_lights_mixed.py), both give the
same ids in the same order and the same total, for every page.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from accounts.models import User
from policy_tasks.models import TaskUnit
from policy_tasks.web import ledger, ledger_lights

pytestmark = [
    pytest.mark.django_db,
    # The grouped path is PostgreSQL's (arrays): a skip on a bare machine, a failure in CI.
    pytest.mark.usefixtures("require_postgres"),
]

DATES = [date(2023, 3, 1), date(2023, 6, 30), date(2023, 9, 28), date(2023, 11, 15), date(2024, 1, 10)]


@pytest.fixture
def seeded(seeded_once):
    return seeded_once


def both(user, filters: ledger.LedgerFilters, per_page: int = 7) -> tuple[list[int], list[int], int]:
    on = filters.as_of
    qs = ledger._filtered(user=user, filters=filters)
    candidates = ledger_lights.undecided(qs, on)
    order = ledger.LIST_ORDER
    row_by_row = ledger_lights.light_ids(candidates, light=filters.light, on=on, order=order)
    judged = ledger_lights.judge(candidates, light=filters.light, on=on)
    paged: list[int] = []
    for offset in range(0, judged.total + per_page, per_page):
        paged += ledger_lights.page_ids(candidates, judged, order=order, offset=offset, limit=per_page)
    return row_by_row, paged, judged.total


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("light", ["yellow", "green"])
@pytest.mark.parametrize("username", ["duchashi", "lingdao", "qfgj_clerk"])
def test_the_grouped_pages_equal_the_rows_judged_one_by_one(seeded, on, light, username):
    user = User.objects.get(username=username)
    row_by_row, paged, total = both(user, ledger.LedgerFilters(document=seeded, light=light, as_of=on))
    assert paged == row_by_row
    assert total == len(row_by_row)


@pytest.mark.parametrize("light", ["yellow", "green"])
def test_the_lists_agree_under_every_filter(seeded, light):
    user = User.objects.get(username="duchashi")
    on = date(2023, 11, 15) if light == "yellow" else date(2023, 3, 1)
    unit = TaskUnit.objects.filter(task__document=seeded).first().unit
    area = seeded.areas.order_by("number").first()
    cases = [
        ledger.LedgerFilters(document=seeded, light=light, as_of=on, unit=unit),
        ledger.LedgerFilters(document=seeded, light=light, as_of=on, area=area),
        ledger.LedgerFilters(document=seeded, light=light, as_of=on, dated=True),
        ledger.LedgerFilters(document=seeded, light=light, as_of=on, due_from=on + timedelta(days=30)),
        ledger.LedgerFilters(document=seeded, light=light, as_of=on, due_to=on + timedelta(days=90)),
    ]
    seen = 0
    for filters in cases:
        row_by_row, paged, total = both(user, filters)
        assert paged == row_by_row, filters
        assert total == len(row_by_row), filters
        seen += total
    assert seen  # the filters leave rows to compare


def test_the_lists_have_rows_to_compare(seeded):
    user = User.objects.get(username="duchashi")
    for light, on in (("yellow", date(2023, 11, 15)), ("green", date(2023, 3, 1))):
        row_by_row, paged, _ = both(user, ledger.LedgerFilters(document=seeded, light=light, as_of=on))
        assert len(row_by_row) > 7  # more than one page
        assert paged == row_by_row

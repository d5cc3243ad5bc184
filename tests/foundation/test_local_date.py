"""LocalDate (the scoreboard's closing day) gives TruncDate's date for every instant: around
midnight in Shanghai, before the zone's last offset change (1991 daylight saving time) and after,
and in a zone that still changes its offset."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db.models.functions import TruncDate
from django.utils import timezone

from duban.lib.local_date import LocalDate, fixed_offset_since
from policy_tasks.models import Milestone
from tests import factories as f

pytestmark = pytest.mark.django_db

INSTANTS = [
    datetime(2023, 6, 1, 15, 59, 59, tzinfo=UTC),  # 23:59:59 in Shanghai
    datetime(2023, 6, 1, 16, 0, 0, tzinfo=UTC),  # the next day's midnight there
    datetime(1990, 7, 1, 15, 30, tzinfo=UTC),  # 00:30 under 1990's daylight saving time, 23:30 without
    datetime(1990, 7, 1, 16, 30, tzinfo=UTC),
    datetime(1991, 12, 31, 16, 0, tzinfo=UTC),
    datetime(2099, 12, 31, 15, 59, tzinfo=UTC),
]


def test_shanghai_keeps_one_offset_since_1991_and_berlin_does_not():
    offset, since = fixed_offset_since("Asia/Shanghai")
    assert offset.total_seconds() == 8 * 3600 and since.year in (1991, 1992)
    assert fixed_offset_since("Europe/Berlin") is None


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin"])
def test_local_date_equals_trunc_date(zone):
    ids = [f.MilestoneFactory(status=Milestone.Status.CLOSED, closed_at=moment).pk for moment in INSTANTS]
    f.MilestoneFactory(closed_at=None)
    with timezone.override(zone):
        rows = Milestone.objects.order_by("pk").annotate(fast=LocalDate("closed_at"), plain=TruncDate("closed_at"))
        pairs = list(rows.values_list("pk", "fast", "plain"))
    assert [pk for pk, *_ in pairs][: len(ids)] == ids
    assert all(fast == plain for _, fast, plain in pairs)
    assert pairs[-1][1] is None
    if zone == "Asia/Shanghai":  # the date read on a clock there: a second apart, two days
        assert (pairs[0][1].isoformat(), pairs[1][1].isoformat()) == ("2023-06-01", "2023-06-02")

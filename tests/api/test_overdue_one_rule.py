"""逾期 as of a past day is one condition (selectors.counted.overdue_on) wherever it is counted:
the figures strip of the console and the dashboard (the scoreboard's statement, milestone_sums),
the API's figures (their own aggregate), the scoreboard's per-unit counts and days late, the
API's `overdue_on` filter and the overdue ledger. A milestone closed after the day was overdue
on it; one closed late on the day itself was not (it counts as closed late)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from duban.lib import clock
from policy_tasks.models import Milestone
from policy_tasks.selectors.counted import is_overdue_on
from policy_tasks.selectors.figures import figures
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.paging import every_id

pytestmark = pytest.mark.django_db
ON = date(2023, 11, 15)
FIGURE = re.compile(r'data-figure="(\w+)">([^<]*)<')


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=ZoneInfo("Asia/Shanghai"))


def test_every_count_of_overdue_on_a_past_day_reads_one_rule(world):
    close = Milestone.objects.filter
    closed_after = world.milestone  # due 2023-10-31, closed after ON: overdue on ON, 15 days
    close(pk=closed_after.pk).update(status=Milestone.Status.CLOSED, closed_at=_at(date(2023, 11, 20)))
    closed_on_the_day = f.MilestoneFactory(
        task=world.task, text="11月1日前完成", due_date=date(2023, 11, 1), position=1
    )
    close(pk=closed_on_the_day.pk).update(status=Milestone.Status.CLOSED, closed_at=_at(ON))  # 14 days late
    still_open = f.MilestoneFactory(task=world.task, text="11月10日前完成", due_date=date(2023, 11, 10), position=2)
    f.MilestoneFactory(task=world.task, text="11月20日前完成", due_date=date(2023, 11, 20), position=3)  # not yet due
    expected = {closed_after.pk, still_open.pk}
    doc = world.document
    api = client_for(world.supervisor)

    assert every_id(api, "/api/v1/milestones/", {"overdue_on": ON.isoformat(), "document": doc.pk}) == sorted(expected)
    assert set(every_id(api, "/api/v1/ledger/overdue/", {"on": ON.isoformat(), "document": doc.pk})) == expected
    assert api.get(f"/api/v1/documents/{doc.pk}/figures/", {"on": ON.isoformat()}).json()["overdue"] == 2
    pages = Client()
    pages.force_login(world.supervisor)
    for page in ("supervision", "dashboard"):
        html = pages.get(f"/{page}/?document={doc.pk}&as_of={ON}").content.decode()
        assert dict(FIGURE.findall(html))["overdue"] == "2", page
    rows = {row["unit"]["id"]: row for row in api.get(f"/api/v1/documents/{doc.pk}/scoreboard/?on={ON}").json()}
    lead, co = rows[world.lead_unit.pk], rows[world.co_unit.pk]
    assert (lead["overdue_count"], co["overdue_as_co"]) == (2, 2)
    # Days late over the lead's overdue (15 + 5) and closed-late (14) milestones.
    assert Decimal(str(lead["avg_days_late"])).quantize(Decimal("0.1")) == Decimal("11.3")

    # Counting what happened to a later day (a bulletin's 截至月末24时): closed by its end is not overdue.
    through = date(2023, 11, 20)
    counted = figures(document=doc, on=ON, through=through)
    twin = {
        m.pk
        for m in Milestone.objects.filter(document=doc)
        if is_overdue_on(m.status, m.closed_at, m.due_date, ON, cutoff=clock.end_of(through))
    }
    assert counted.overdue == len(twin) == 1 and twin == {still_open.pk}

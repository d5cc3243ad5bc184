"""`?overdue_on=` means the same on milestones as on tasks, in the overdue ledger, the figures and
the ledger export: due before the day and still to do at its end (selectors.counted.overdue_on).
A milestone a new version of the document withdrew (已作废) is not overdue."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from duban.lib import clock
from policy_tasks.models import Milestone
from policy_tasks.selectors.counted import is_overdue_on
from policy_tasks.selectors.tasks import milestones_overdue
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.paging import every_id

pytestmark = pytest.mark.django_db


def test_a_withdrawn_milestone_is_not_overdue_on_any_list(world):
    Milestone.objects.filter(pk=world.milestone.pk).update(due_date=date(2023, 10, 31))
    withdrawn = f.MilestoneFactory(task=world.task, text="旧版本的节点", due_date=date(2023, 9, 30), position=1)
    Milestone.objects.filter(pk=withdrawn.pk).update(status=Milestone.Status.WITHDRAWN)
    api = client_for(world.supervisor)

    listed = api.get("/api/v1/milestones/", {"overdue_on": "2023-11-15"}).json()["results"]
    assert [m["id"] for m in listed] == [world.milestone.pk]
    tasks = api.get("/api/v1/tasks/", {"overdue_on": "2023-10-15"}).json()["results"]
    assert tasks == []  # only the withdrawn one was past its date then
    ledger = api.get("/api/v1/ledger/overdue/", {"on": "2023-11-15"}).json()["results"]
    assert [e["id"] for e in ledger] == [world.milestone.pk]


ON = date(2023, 11, 15)  # a past 统计日期


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=ZoneInfo("Asia/Shanghai"))


def test_overdue_on_a_past_day_lists_what_the_pages_count_for_that_day(world):
    """What was overdue on D is what the overdue ledger, the figures and the ledger export show
    for D: one closed only after D was overdue then (not now); one reopened is open again; one
    closed before D, or closed with no time recorded, was not."""
    close = Milestone.objects.filter
    open_now = world.milestone  # due 2023-10-31, still open
    closed_later = f.MilestoneFactory(task=world.task, text="10月20日前完成", due_date=date(2023, 10, 20), position=1)
    close(pk=closed_later.pk).update(status=Milestone.Status.CLOSED, closed_at=_at(date(2023, 11, 20)))
    reopened = f.MilestoneFactory(task=world.task, text="10月10日前完成", due_date=date(2023, 10, 10), position=2)
    close(pk=reopened.pk).update(status=Milestone.Status.OPEN, closed_at=_at(date(2023, 10, 12)))  # 销号撤回
    closed_before = f.MilestoneFactory(task=world.task, text="10月5日前完成", due_date=date(2023, 10, 5), position=3)
    close(pk=closed_before.pk).update(status=Milestone.Status.CLOSED, closed_at=_at(date(2023, 11, 1)))
    untimed = f.MilestoneFactory(task=world.task, text="10月1日前完成", due_date=date(2023, 10, 1), position=4)
    close(pk=untimed.pk).update(status=Milestone.Status.CLOSED, closed_at=None)
    expected = {open_now.pk, closed_later.pk, reopened.pk}
    api = client_for(world.supervisor)

    listed = every_id(api, "/api/v1/milestones/", {"overdue_on": ON.isoformat(), "document": world.document.pk})
    assert set(listed) == expected and len(listed) == len(expected)
    # The overdue ledger, read by its SQL (the API) and by its queryset (the pages).
    ledger = every_id(api, "/api/v1/ledger/overdue/", {"on": ON.isoformat(), "document": world.document.pk})
    assert set(ledger) == expected and len(ledger) == len(expected)
    assert {m.pk for m in milestones_overdue(on=ON, document=world.document)} == expected
    figures = api.get(f"/api/v1/documents/{world.document.pk}/figures/", {"on": ON.isoformat()}).json()
    assert figures["overdue"] == len(expected)
    assert figures["closed"] == 2  # closed by the end of D: closed_before, and untimed (from the start)
    # The ledger export, rebuilt from history: its red rows are the same milestones.
    csv_rows = b"".join(
        api.get(
            f"/api/v1/documents/{world.document.pk}/ledger.csv", {"as_of": ON.isoformat(), "light": "red"}
        ).streaming_content
    )
    header, *rows = csv.reader(io.StringIO(csv_rows.decode("utf-8-sig")))
    texts = sorted(row[header.index("具体任务(里程碑原文)")] for row in rows)
    assert texts == sorted(Milestone.objects.filter(pk__in=expected).values_list("text", flat=True))
    # Python's twin (rows already read: the roll-up, the snapshot) says the same.
    assert {m.pk for m in Milestone.objects.all() if is_overdue_on(m.status, m.closed_at, m.due_date, ON)} == expected

    tasks = api.get("/api/v1/tasks/", {"overdue_on": ON.isoformat()}).json()["results"]
    assert [t["id"] for t in tasks] == [world.task.pk]
    # Before anything fell due nothing was overdue; today only what is still open is.
    assert every_id(api, "/api/v1/milestones/", {"overdue_on": "2023-10-01"}) == []
    now = set(every_id(api, "/api/v1/milestones/", {"overdue_on": clock.today().isoformat()}))
    assert now == {open_now.pk, reopened.pk}

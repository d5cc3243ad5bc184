"""`?overdue_on=` means the same on milestones as on tasks and in the overdue ledger: live work
past its date. A milestone a new version of the document withdrew (已作废) is not overdue."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.models import Milestone
from tests import factories as f
from tests.api.conftest import client_for

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

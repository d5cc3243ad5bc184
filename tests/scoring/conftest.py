"""A small document whose scores are known by hand, as of 2023-07-20 (Beijing time).

区发改局 (A) leads clause 1 (区财政局 co-responsible) and clause 2 (区教育局 co-responsible):
  clause 1  m1 due 06-30, closed 06-28 ...... on time
            m2 due 12-31 ..................... not yet due (completion requests go here)
  clause 2  m3 due 12-31 ..................... not yet due
One reporting period, June, due 07-07. A files June for clause 1 on 07-05 (on time); what
happens to clause 2's June report is up to each test (on time, late, or never).

As of 07-20: A is assessed (m1, two reports owed), 区财政局 too (co of the due m1); 区教育局
is co-responsible for clause 2 alone, where nothing is due and co-units owe no report:
暂无考核事项, whatever the score of the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.models import Milestone, ReportPeriod, Task
from policy_tasks.services.milestones import milestone_return
from policy_tasks.services.reports import task_report_progress
from tests import factories as f
from tests.exports.conftest import october  # noqa: F401  (the bulletin's prepared history, for these tests too)
from tests.web.builders import request_completion

SHANGHAI = ZoneInfo("Asia/Shanghai")
ON = date(2023, 7, 20)


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return datetime(y, m, d, hour, tzinfo=SHANGHAI)


@dataclass
class Scene:
    world: Any
    clause2: Task
    m2: Milestone
    june: ReportPeriod

    def file(self, task: Task, when: datetime) -> None:
        """The lead's clerk files June's report on `task` at `when`."""
        with time_machine.travel(when, tick=False):
            task_report_progress(user=self.world.lead_clerk, task=task, period=self.june, progress="推进中", percent=50)

    def return_completion(self, when: datetime) -> None:
        """The lead's head asks to close m2; the supervisor returns it (退回) at `when`."""
        with time_machine.travel(when, tick=False):
            request_completion(self.world, self.m2)
            milestone_return(user=self.world.supervisor, milestone=self.m2, reason="佐证材料不全")


@pytest.fixture
def scene(world) -> Scene:
    w = world
    Milestone.objects.filter(pk=w.milestone.pk).update(
        due_date=date(2023, 6, 30), original_due_date=date(2023, 6, 30), status=Milestone.Status.CLOSED,
        closed_at=at(2023, 6, 28),
    )  # fmt: skip
    m2 = f.MilestoneFactory(task=w.task, text="12月底前完成验收", due_date=date(2023, 12, 31))
    clause2 = f.TaskFactory(document=w.document, number=2, title="优化营商环境")
    f.TaskUnitFactory(task=clause2, unit=w.lead_unit, role="lead", position=0)
    f.TaskUnitFactory(task=clause2, unit=w.other_unit, role="co", position=1)
    f.MilestoneFactory(task=clause2, text="年底前出台细则", due_date=date(2023, 12, 31))
    june = ReportPeriod.objects.create(
        document=w.document, starts_on=date(2023, 6, 1), ends_on=date(2023, 6, 30), due_on=date(2023, 7, 7)
    )
    scene = Scene(world=w, clause2=clause2, m2=m2, june=june)
    scene.file(w.task, at(2023, 7, 5))
    return scene

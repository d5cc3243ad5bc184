"""Fixtures for the exports: the seed document, and a prepared October 2023 history.

`october` is written row by row (not through the workflow services) so that every
date in it is exactly the one the hand-computed figures in test_bulletin.py use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accounts.models import RoleGrant
from policy_tasks.models import ExtensionRequest, Milestone, MilestoneValue, ProgressReport, ReportPeriod
from policy_tasks.services.imports import document_import
from tests import factories as f

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
SH = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    """An instant in Shanghai time."""
    return datetime(y, m, d, hh, mm, tzinfo=SH)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed(db):
    return document_import(text=SEED.read_text(encoding="utf-8")).document


@dataclass
class October:
    document: Any
    areas: dict[str, Any]
    units: dict[str, Any]
    tasks: dict[int, Any]
    m: dict[str, Any]
    supervisor: Any


def _milestone(task, text, due, *, closed_at=None, original=None, target=None, unit_label=""):
    return Milestone.objects.create(
        document=task.document,
        task=task,
        position=Milestone.objects.filter(task=task).count(),
        text=text,
        kind=Milestone.Kind.TARGET if target else Milestone.Kind.DEADLINE,
        due_date=due,
        original_due_date=original or due,
        status=Milestone.Status.CLOSED if closed_at else Milestone.Status.OPEN,
        closed_at=closed_at,
        target_value=target,
        target_unit=unit_label,
    )


@pytest.fixture
def october(db) -> October:
    """Five clauses, nine dated milestones, one month of reports; see test_bulletin for the sums."""
    doc = f.DocumentFactory(doc_number="柯政发〔2023〕99号", title="测试实施方案")
    units = {name: f.UnitFactory(name=name) for name in ("区发改局", "区卫健局", "区教育局", "区财政局", "区水利局")}
    areas = {
        "invest": f.AreaFactory(document=doc, number=1, title="扩大有效投资政策"),
        "people": f.AreaFactory(document=doc, number=2, title="保障和改善民生政策"),
    }
    tasks = {
        1: f.TaskFactory(document=doc, area=areas["invest"], number=1, title="重点推进“千项万亿”工程"),
        2: f.TaskFactory(document=doc, area=areas["people"], number=2, title="支持推进“病有良医”"),
        3: f.TaskFactory(document=doc, area=areas["people"], number=3, title="扩大优质教育资源"),
        4: f.TaskFactory(document=doc, area=areas["invest"], number=4, title="加快水利工程建设"),
    }
    f.TaskUnitFactory(task=tasks[1], unit=units["区发改局"], role="lead", position=0)
    f.TaskUnitFactory(task=tasks[1], unit=units["区财政局"], role="co", position=1)
    f.TaskUnitFactory(task=tasks[2], unit=units["区卫健局"], role="lead", position=0)
    f.TaskUnitFactory(task=tasks[3], unit=units["区教育局"], role="lead", position=0)
    f.TaskUnitFactory(task=tasks[4], unit=units["区发改局"], role="lead", position=0)
    f.TaskUnitFactory(task=tasks[4], unit=units["区水利局"], role="co", position=1)
    tasks[5] = f.TaskFactory(document=doc, area=areas["people"], number=5, title="没有时限节点的条款")
    f.TaskUnitFactory(task=tasks[5], unit=units["区水利局"], role="lead", position=0)

    m = {
        "m1": _milestone(tasks[1], "确保抽蓄项目10月底前开工", date(2023, 10, 31)),
        "m2": _milestone(tasks[1], "灵鹫山赛训基地8月底前开工", date(2023, 8, 31), closed_at=at(2023, 10, 10)),
        "m3": _milestone(tasks[1], "全年完成投资2000万元", date(2023, 12, 31), target=2000, unit_label="万元"),
        "m4": _milestone(tasks[2], "确保3月底完成全区新增30张ICU床位建设", date(2023, 3, 31)),
        "m5": _milestone(tasks[2], "6月底完成村卫生室新改扩建10家", date(2023, 6, 30), closed_at=at(2023, 6, 20)),
        # Extended twice: to 10-20 in September, then to 12-31 after the period ended.
        "m6": _milestone(tasks[3], "9月底前完成学位扩容", date(2023, 12, 31), original=date(2023, 9, 30)),
        "m7": _milestone(tasks[3], "10月25日前完成校舍改造", date(2023, 10, 25), closed_at=at(2023, 10, 20)),
        # Closed, but only after the period: open and overdue in October's bulletin.
        "m8": _milestone(tasks[3], "10月15日前完成秋季招生", date(2023, 10, 15), closed_at=at(2023, 11, 3)),
        # Closed late in the evening of its due date, the period's last day: on time.
        "m9": _milestone(tasks[4], "10月底前完成水库除险加固", date(2023, 10, 31), closed_at=at(2023, 10, 31, 23)),
    }
    m["m6"].delay_count = 2
    m["m6"].save(update_fields=["delay_count"])

    supervisor = f.UserFactory(username="october_supervisor")
    f.RoleGrantFactory(user=supervisor, role=RoleGrant.Role.SUPERVISOR)
    clerk = f.UserFactory(username="october_clerk")
    for due, decided, new in ((date(2023, 9, 30), at(2023, 9, 20), date(2023, 10, 20)),
                              (date(2023, 10, 20), at(2023, 11, 15), date(2023, 12, 31))):  # fmt: skip
        ExtensionRequest.objects.create(
            milestone=m["m6"],
            unit=units["区教育局"],
            requested_by=clerk,
            requested_at=decided,
            reason="施工进度受汛期影响",
            current_due_date=due,
            proposed_date=new,
            status=ExtensionRequest.Status.GRANTED,
            decided_by=supervisor,
            decided_at=decided,
        )

    september = ReportPeriod.objects.create(
        document=doc, starts_on=date(2023, 9, 1), ends_on=date(2023, 9, 30), due_on=date(2023, 10, 12)
    )
    october_period = ReportPeriod.objects.create(
        document=doc, starts_on=date(2023, 10, 1), ends_on=date(2023, 10, 31), due_on=date(2023, 11, 7)
    )

    def report(task, unit, period, when, text, percent):
        return ProgressReport.objects.create(
            task=task, unit=unit, period=period, author=clerk, progress=text, percent=percent, submitted_at=when
        )

    r1 = report(tasks[1], units["区发改局"], september, at(2023, 10, 10), "抽蓄项目已完成用地报批", 40)
    MilestoneValue.objects.create(report=r1, milestone=m["m3"], actual_value=800)
    report(tasks[2], units["区卫健局"], september, at(2023, 10, 20), "ICU床位设备招标中", 50)  # late
    report(tasks[4], units["区发改局"], september, at(2023, 10, 11), "除险加固主体完工", 90)
    report(tasks[5], units["区水利局"], september, at(2023, 10, 9), "持续推进", 60)
    report(tasks[4], units["区发改局"], october_period, at(2023, 11, 6), "已完成验收", 100)
    r2 = report(tasks[1], units["区发改局"], october_period, at(2023, 11, 6), "抽蓄项目主体工程已开工", 70)
    MilestoneValue.objects.create(report=r2, milestone=m["m3"], actual_value=1200)
    # Task 3 (区教育局) files nothing for September: missing.
    return October(document=doc, areas=areas, units=units, tasks=tasks, m=m, supervisor=supervisor)

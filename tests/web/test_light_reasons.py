"""Lights that say why (issue 15), through real HTTP: the task page, the ledger row and the API.

"Today" is Thursday 2023-09-28; the document is issued 1 January (the schedule's start),
yellow_workdays 5, behind_schedule_points 20. The lead reported 40% for September.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from policy_tasks.models import Milestone, ReportPeriod
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f

TODAY = datetime(2023, 9, 28, 10, tzinfo=ZoneInfo("Asia/Shanghai"))

# Milestone key -> (light, code, the text beside the light on the pages; None: no text, the light says it).
EXPECTED = {
    # due 10-31: 270 of 303 days passed, 序时进度 89.1% shown rounded up; the task's 40% lags.
    "behind_by_task": ("yellow", "behind", "滞后：序时进度 90%，已完成 40%"),
    "overdue": ("red", "overdue", "逾期8天"),
    # (9-28, 10-9]: the Golden Week between; 10-7 and 10-8 are make-up days, then 10-9.
    "due_soon": ("yellow", "due_soon", "临期：3个工作日内到期"),
    # due 12-31: 270 of 364 days (74.2%, shown 75%); 1.0 of 3.7亿元 is 27%, although the task says 40%.
    "yi": ("yellow", "behind", "滞后：序时进度 75%，已完成 27%"),
    "on_track": ("green", "on_track", "正常：序时进度 75%，已完成 70%"),
    "reached": ("green", "on_track", "正常：达到目标值，待申请办结"),
    "no_date": ("green", "no_date", "持续推进，无固定时限"),
    "closed": ("grey", "closed", None),
    "withdrawn": ("grey", "withdrawn", None),
}


@pytest.fixture
def lit(world):
    document = world.document
    document.issued_on = date(2023, 1, 1)
    document.save()
    document_generate_periods(document=document)
    task = world.task
    m = {"behind_by_task": world.milestone}  # due 2023-10-31, no target value
    m["overdue"] = f.MilestoneFactory(task=task, text="9月20日前完成", due_date=date(2023, 9, 20))
    m["due_soon"] = f.MilestoneFactory(task=task, text="10月9日前完成", due_date=date(2023, 10, 9))
    m["yi"] = f.MilestoneFactory(
        task=task,
        text="全年完成投资3.7亿元",
        due_date=date(2023, 12, 31),
        target_value=Decimal("3.7"),
        target_unit="亿元",
    )
    m["on_track"] = f.MilestoneFactory(
        task=task, text="新增学位100个", due_date=date(2023, 12, 31), target_value=Decimal(100), target_unit="个"
    )
    m["reached"] = f.MilestoneFactory(
        task=task, text="改造老旧小区20个", due_date=date(2023, 10, 9), target_value=Decimal(20), target_unit="个"
    )
    m["no_date"] = f.MilestoneFactory(task=task, text="持续推进", due_date=None, kind=Milestone.Kind.ONGOING)
    m["closed"] = f.MilestoneFactory(task=task, text="已完成事项", status=Milestone.Status.CLOSED)
    m["withdrawn"] = f.MilestoneFactory(task=task, text="作废事项", status=Milestone.Status.WITHDRAWN)
    with time_machine.travel(TODAY, tick=False):
        task_report_progress(
            user=world.lead_clerk,
            task=task,
            period=ReportPeriod.objects.get(document=document, starts_on=date(2023, 9, 1)),
            progress="按计划推进",
            percent=40,
            values={m["yi"].pk: "1.0", m["on_track"].pk: "70", m["reached"].pk: "21"},
        )
        yield m


def _reason_text(html: str, anchor: str) -> str | None:
    """The reason beside the light in the element whose id is `anchor` (None when there is none)."""
    block = html.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0].split("</tr>", 1)[0]
    found = re.search(r'<small class="light-reason" data-code="(\w+)">([^<]*)</small>', block)
    return found.group(2) if found else None


def test_the_task_page_shows_each_milestones_reason_beside_its_light(client, world, lit):
    client.force_login(world.supervisor)
    html = client.get(f"/tasks/{world.task.pk}/").content.decode()
    for key, (_light, _code, text) in EXPECTED.items():
        assert _reason_text(html, f"m{lit[key].pk}") == text, key
    yi = html.split(f'id="m{lit["yi"].pk}"', 1)[1].split("</article>", 1)[0]
    assert "黄灯·滞后" in yi and "黄灯·临期" not in yi
    due_soon = html.split(f'id="m{lit["due_soon"].pk}"', 1)[1].split("</article>", 1)[0]
    assert "黄灯·临期" in due_soon


def test_the_api_serves_each_milestones_light_reason(world, lit):
    api = APIClient()
    api.force_authenticate(world.supervisor)
    for key, (light, code, text) in EXPECTED.items():
        body = api.get(f"/api/v1/milestones/{lit[key].pk}/").json()
        reason = body["light_reason"]
        assert (body["light"], reason["code"]) == (light, code), key
        if text is not None:
            assert reason["label"] == text, key
    yi = api.get(f"/api/v1/milestones/{lit['yi'].pk}/").json()["light_reason"]
    assert (yi["expected_percent"], yi["reported_percent"]) == (75, 27)
    closed = api.get(f"/api/v1/milestones/{lit['closed'].pk}/").json()["light_reason"]
    assert closed == {"code": "closed", "label": "已销号", "expected_percent": None, "reported_percent": None}
    task = api.get(f"/api/v1/tasks/{world.task.pk}/").json()
    assert task["light"] == "red"
    by_id = {row["id"]: row["light_reason"]["label"] for row in task["milestones"]}
    assert by_id[lit["yi"].pk] == "滞后：序时进度 75%，已完成 27%"


def test_the_ledger_row_shows_the_reason_and_the_yellow_list_finds_a_value_behind(client, world, lit):
    client.force_login(world.supervisor)
    url = f"/milestones/?document={world.document.pk}&as_of=2023-09-28"
    html = client.get(url + "&light=").content.decode()
    for key in ("behind_by_task", "overdue", "due_soon", "yi", "on_track", "reached", "no_date"):
        assert _reason_text(html, f"row-{lit[key].pk}") == EXPECTED[key][2], key
    yellow = client.get(url + "&light=yellow").content.decode()
    shown = {int(pk) for pk in re.findall(r'<tr id="row-(\d+)"', yellow)}
    assert shown == {lit["behind_by_task"].pk, lit["due_soon"].pk, lit["yi"].pk}
    green = client.get(url + "&light=green").content.decode()
    assert {int(pk) for pk in re.findall(r'<tr id="row-(\d+)"', green)} == {
        lit["on_track"].pk,
        lit["reached"].pk,
        lit["no_date"].pk,
    }


def test_the_served_schema_describes_light_reason(world):
    api = APIClient()
    api.force_login(world.supervisor)
    components = api.get("/api/schema/?format=json").json()["components"]["schemas"]
    field = components["Milestone"]["properties"]["light_reason"]
    ref = (field.get("allOf") or [field])[0]["$ref"].rsplit("/", 1)[1]
    reason = components[ref]["properties"]
    assert set(reason) == {"code", "label", "expected_percent", "reported_percent"}
    assert reason["expected_percent"]["nullable"] is True

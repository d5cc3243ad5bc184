"""Bulletins and scoreboards are scoped like the ledger (issue 14).

The ledger shows a reader the tasks `visible_tasks` gives them; the scoreboard (API, console,
dashboard chart) and the bulletin (every format) now count those tasks and no others. A
supervisor scoped to one area of a document used to see every area's milestones, units and
overdue status there. Unit members keep the table's answer (docs/permissions.md,
`scoreboard.read`): the document is published, so 403, and their console and dashboard are
refused as before.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.test import Client

from policy_tasks.models import Milestone, Task
from tests import factories as f
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

ON = "2023-07-01"
PERIOD = "2023-06"
ONLY_B = "区仅乙领域局"


@pytest.fixture
def areas(paged):
    """`paged`, plus a unit that leads one task of area B only, overdue since May."""
    w = paged
    unit = f.UnitFactory(name=ONLY_B)
    task = f.TaskFactory(document=w.document, area=w.document.areas.get(number=2), number=40, title="乙领域专项")
    f.TaskUnitFactory(task=task, unit=unit, role="lead", position=0)
    f.MilestoneFactory(task=task, text="5月底前完成乙领域专项", due_date=date(2023, 5, 31), position=0)
    w.only_b = unit
    return w


def _visible(w, user) -> set[int]:
    """What the ledger shows `user`: the tasks of its CSV export."""
    response = client_for(user).get(f"/api/v1/documents/{w.document.pk}/ledger.csv?as_of={ON}")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    numbers = {int(m) for m in re.findall(r"^(\d+),", body, flags=re.M)}
    assert numbers, body[:500]
    return numbers


def _due_lead_links(w, numbers: set[int]) -> int:
    """Milestones due before ON times their lead units, over the tasks numbered `numbers`."""
    tasks = Task.objects.filter(document=w.document, number__in=numbers)
    milestones = Milestone.objects.in_force().filter(task__in=tasks, due_date__lt=date.fromisoformat(ON))
    return sum(m.task.task_units.filter(role="lead").count() for m in milestones)


def _scoreboard(w, user) -> list[dict]:
    response = client_for(user).get(f"/api/v1/documents/{w.document.pk}/scoreboard/?on={ON}")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_scoreboard_api_counts_what_the_ledger_shows(areas):
    w = areas
    area_a = set(Task.objects.filter(area=w.area_a).values_list("number", flat=True))
    assert _visible(w, w.by_area) == area_a
    everything = _visible(w, w.by_document)
    assert area_a < everything

    for user, numbers in ((w.by_area, area_a), (w.by_document, everything)):
        rows = _scoreboard(w, user)
        assert sum(r["milestones_due"] for r in rows) == _due_lead_links(w, numbers), user.username
        units = {tu.unit.name for t in Task.objects.filter(number__in=numbers) for tu in t.task_units.all()}
        assert {r["unit"]["name"] if isinstance(r["unit"], dict) else r["unit_name"] for r in rows} == units
    assert ONLY_B in {
        r["unit"]["name"] if isinstance(r["unit"], dict) else r["unit_name"] for r in _scoreboard(w, w.supervisor)
    }


def _overdue_numbers(html: str) -> set[int]:
    section = html.split("四、逾期未完成事项", 1)[1].split("<h2>", 1)[0]
    return {int(n) for n in re.findall(r"<tr><td>(\d+)\. ", section)}


def test_the_bulletin_shows_a_scoped_supervisor_their_area_only(areas):
    w = areas
    url = f"/api/v1/documents/{w.document.pk}/bulletin.html?period={PERIOD}"
    scoped = client_for(w.by_area).get(url)
    assert scoped.status_code == 200
    html = _body(scoped)
    area_a = set(Task.objects.filter(area=w.area_a).values_list("number", flat=True))
    assert _overdue_numbers(html) and _overdue_numbers(html) <= area_a
    assert ONLY_B not in html and "乙领域" not in html

    whole = _body(client_for(w.by_document).get(url))
    assert ONLY_B in whole and "乙领域" in whole
    assert _overdue_numbers(whole) - area_a

    for fmt in ("pdf", "docx"):
        response = client_for(w.by_area).get(f"/api/v1/documents/{w.document.pk}/bulletin.{fmt}?period={PERIOD}")
        assert response.status_code == 200
    page = _signed_in(w.by_area).get(f"/api/v1/documents/{w.document.pk}/bulletin.html?period={PERIOD}&inline=true")
    assert page.status_code == 200
    text = _body(page)
    assert ONLY_B not in text and "乙领域" not in text


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_console_and_the_dashboard_rank_only_the_area_units(areas):
    w = areas
    query = f"?document={w.document.pk}&as_of={ON}"
    # The console's ranking section, and the dashboard's chart of units with overdue work (the
    # filters' unit list names every unit: units are no secret, the API lists them to anyone).
    # The chart's data names each unit by the link to its list (unit=<id>).
    for path, part, mark in (
        ("/supervision/", _ranking, ONLY_B),
        ("/dashboard/", _chart_units, f"unit={w.only_b.pk}&"),
    ):
        scoped = _signed_in(w.by_area).get(path + query)
        assert scoped.status_code == 200
        assert mark not in part(scoped.content.decode()), path
        assert mark in part(_signed_in(w.by_document).get(path + query).content.decode()), path


def _ranking(html: str) -> str:
    return html.split('id="scoreboard"', 1)[1].split("</section>", 1)[0]


def _chart_units(html: str) -> str:
    data = html.split('type="application/json"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
    return " ".join(json.loads(data)["overdue_units"]["links"])


@pytest.mark.parametrize("actor", ["lead_clerk", "lead_head", "co_clerk", "co_head", "other_clerk"])
def test_unit_members_are_refused_as_the_table_says(areas, actor):
    """scoreboard.read is 403 for unit members (the document is published); their ledger shows
    their own tasks, the ranking of every unit is not theirs to read."""
    w = areas
    user = getattr(w, actor)
    api = client_for(user)
    assert api.get(f"/api/v1/documents/{w.document.pk}/scoreboard/?on={ON}").status_code == 403
    for fmt in ("html", "pdf", "docx"):
        assert api.get(f"/api/v1/documents/{w.document.pk}/bulletin.{fmt}?period={PERIOD}").status_code == 403
    page = _signed_in(user)
    assert page.get(f"/api/v1/documents/{w.document.pk}/bulletin.html?period={PERIOD}&inline=true").status_code == 403
    for path in ("/supervision/", "/dashboard/"):
        assert page.get(f"{path}?document={w.document.pk}").status_code == 403, path

"""Scoring a supervision office can defend (issue 15): each missing report, late report and
returned completion costs exactly the document's weight for it, on the API and on the console;
a unit with nothing due is shown as such and never ranked; the weights are the document's own,
and the formula shown next to the ranking says what they are. The scene: conftest.py."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from policy_tasks.models import AuditEvent, PolicyDocument
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.services.audit import actor_for
from policy_tasks.services.scoring import document_scoring_update
from tests.api.conftest import client_for
from tests.scoring.conftest import ON, Scene, at

pytestmark = pytest.mark.django_db


def _api(scene: Scene) -> dict[str, dict]:
    response = client_for(scene.world.supervisor).get(
        f"/api/v1/documents/{scene.world.document.pk}/scoreboard/", {"on": ON.isoformat()}
    )
    assert response.status_code == 200
    return {row["unit"]["name"]: row for row in response.json()}


def _console_rows(scene: Scene) -> dict[str, list[str]]:
    """The console's 单位排名 as the supervisor sees it: unit name -> the row's cells, as text."""
    client = Client()
    client.force_login(scene.world.supervisor)
    page = client.get("/supervision/", {"document": scene.world.document.pk, "as_of": ON.isoformat()})
    assert page.status_code == 200
    section = page.content.decode().split('id="scoreboard"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", section, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if cells:  # the header row has none
            rows[cells[1]] = cells
    return rows


def _console_section(scene: Scene) -> str:
    client = Client()
    client.force_login(scene.world.supervisor)
    page = client.get("/supervision/", {"document": scene.world.document.pk, "as_of": ON.isoformat()})
    return page.content.decode().split('id="scoreboard"', 1)[1].split("</section>", 1)[0]


def _set(scene: Scene, **weights: str) -> None:
    document_scoring_update(
        actor=actor_for(scene.world.admin, role="admin"),
        document=scene.world.document,
        weights={name: Decimal(value) for name, value in weights.items()},
    )


# Console columns: 名次 单位 得分 牵头任务 按期完成率 逾期 缺报 迟报 退回 延期 平均逾期天数
SCORE, MISSING, LATE, RETURNED = 2, 6, 7, 8


def test_with_everything_on_time_the_lead_keeps_the_base_score(scene):
    scene.file(scene.clause2, at(2023, 7, 7))
    lead = _api(scene)["区发改局"]
    assert (lead["missing_reports"], lead["late_reports"], lead["returned_completions"]) == (0, 0, 0)
    assert Decimal(lead["score"]) == Decimal("100") and lead["rank"] == 1 and lead["assessed"] is True


@pytest.mark.parametrize(
    ("event", "count", "weight"),
    [("missing", "missing_reports", "1"), ("late", "late_reports", "0.5"), ("returned", "returned_completions", "1")],
)
def test_each_failure_costs_exactly_its_default_weight(scene, event, count, weight):
    if event != "missing":
        scene.file(scene.clause2, at(2023, 7, 10) if event == "late" else at(2023, 7, 6))
    if event == "returned":
        scene.return_completion(at(2023, 7, 15))
    lead = _api(scene)["区发改局"]
    assert lead[count] == 1
    assert [lead[c] for c in ("missing_reports", "late_reports", "returned_completions") if c != count] == [0, 0]
    assert Decimal(lead["score"]) == Decimal("100") - Decimal(weight)
    row = _console_rows(scene)["区发改局"]
    cells = {"missing_reports": MISSING, "late_reports": LATE, "returned_completions": RETURNED}
    assert row[cells[count]] == "1"
    assert Decimal(row[SCORE]) == Decimal("100") - Decimal(weight)


def test_each_failure_costs_exactly_the_weight_the_document_sets(scene):
    _set(scene, deduction_missing_report="2.5", deduction_late_report="0.25", deduction_returned="4")
    scene.return_completion(at(2023, 7, 15))  # one returned; clause 2's June report never filed: one missing
    lead = _api(scene)["区发改局"]
    assert (lead["missing_reports"], lead["late_reports"], lead["returned_completions"]) == (1, 0, 1)
    assert Decimal(lead["score"]) == Decimal("100") - Decimal("2.5") - Decimal("4")
    assert Decimal(_console_rows(scene)["区发改局"][SCORE]) == Decimal("93.5")
    scene.file(scene.clause2, at(2023, 7, 12))  # now filed, late: 迟报 instead of 缺报
    lead = _api(scene)["区发改局"]
    assert (lead["missing_reports"], lead["late_reports"]) == (0, 1)
    assert Decimal(lead["score"]) == Decimal("100") - Decimal("0.25") - Decimal("4")


def test_a_report_filed_after_the_as_of_date_is_still_missing_on_it(scene):
    scene.file(scene.clause2, at(2023, 7, 25))  # after ON
    lead = _api(scene)["区发改局"]
    assert (lead["missing_reports"], lead["late_reports"]) == (1, 0)


def test_a_completion_returned_after_the_as_of_date_does_not_count_on_it(scene):
    scene.file(scene.clause2, at(2023, 7, 6))
    scene.return_completion(at(2023, 7, 21, 9))
    assert _api(scene)["区发改局"]["returned_completions"] == 0


def test_a_unit_with_nothing_due_is_shown_as_such_and_ranked_after_every_scored_unit(scene):
    # The lead loses points (one report never filed, one completion returned); the unit with
    # nothing due must still not be first, nor carry a score.
    scene.return_completion(at(2023, 7, 15))
    api = client_for(scene.world.supervisor).get(
        f"/api/v1/documents/{scene.world.document.pk}/scoreboard/", {"on": ON.isoformat()}
    )
    rows = api.json()
    assert [r["unit"]["name"] for r in rows] == ["区财政局", "区发改局", "区教育局"]
    silent = rows[-1]
    assert (silent["assessed"], silent["score"], silent["rank"]) == (False, None, None)
    assert [(r["rank"], r["assessed"]) for r in rows[:2]] == [(1, True), (2, True)]
    console = _console_rows(scene)
    assert list(console) == ["区财政局", "区发改局", "区教育局"]
    assert console["区教育局"][SCORE] == "暂无考核事项" and console["区教育局"][0] == "—"
    assert console["区财政局"][0] == "1" and console["区发改局"][0] == "2"


def test_equal_scores_share_a_rank(scene):
    scene.file(scene.clause2, at(2023, 7, 6))
    board = unit_scoreboard(document=scene.world.document, on=ON)
    assert [(s.unit.name, s.score, s.rank) for s in board] == [
        ("区发改局", Decimal("100"), 1),
        ("区财政局", Decimal("100"), 1),
        ("区教育局", None, None),
    ]


def test_changing_a_weight_changes_the_score_and_the_formula_everywhere(scene):
    scene.file(scene.clause2, at(2023, 7, 10))  # late
    document = scene.world.document
    assert "迟报×0.5" in _console_section(scene)
    assert Decimal(_api(scene)["区发改局"]["score"]) == Decimal("99.5")
    _set(scene, deduction_late_report="3", bonus_on_time="2")
    # One on-time milestone (m1): +2; one late report: −3.
    assert Decimal(_api(scene)["区发改局"]["score"]) == Decimal("99")
    section = _console_section(scene)
    assert "得分 = 100 + 按期办结×2 − 牵头逾期×5 − 配合逾期×3 − 缺报×1 − 迟报×3 − 退回×1" in section
    assert "迟报×0.5" not in section
    detail = client_for(scene.world.supervisor).get(f"/api/v1/documents/{document.pk}/").json()
    assert detail["deduction_late_report"] == "3.00" and "迟报×3" in detail["scoring_formula"]
    dashboard = Client()
    dashboard.force_login(scene.world.leader)
    html = dashboard.get("/dashboard/", {"document": document.pk}).content.decode()
    assert "迟报×3" in html and "按期办结×2" in html


def test_a_weight_of_zero_leaves_its_term_out_of_the_formula(scene):
    _set(scene, deduction_co="0")
    section = _console_section(scene)
    assert "得分 = 100 − 牵头逾期×5 − 缺报×1 − 迟报×0.5 − 退回×1（最低0分）" in section
    assert "暂无考核事项" in section


def test_the_admin_edits_the_weights_through_the_audited_service(scene):
    admin = Client()
    root = scene.world.admin
    root.is_staff = root.is_superuser = True
    root.save()
    admin.force_login(root)
    document = scene.world.document
    url = f"/admin/policy_tasks/policydocument/{document.pk}/change/"
    page = admin.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "缺报扣分" in html and "截至统计日期仍未报送" in html and "计分办法" in html
    data = {
        "score_base": "100",
        "bonus_on_time": "0",
        "deduction_lead": "5",
        "deduction_co": "2",
        "deduction_missing_report": "1",
        "deduction_late_report": "0.5",
        "deduction_returned": "1",
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.deduction_co == Decimal("2")
    event = AuditEvent.objects.get(action="document.scoring_update")
    assert event.before == {"deduction_co": "3.00"} and event.after == {"deduction_co": "2"}
    # A negative weight would make a failure a reward: refused.
    refused = admin.post(url, {**data, "deduction_returned": "-1"})
    assert refused.status_code == 200 and "大于或等于0" in refused.content.decode()
    assert PolicyDocument.objects.get(pk=document.pk).deduction_returned == Decimal("1")

"""The bulletin ranks as the console does (issue 15): the same counts, scores and ranks as
unit_scoreboard on the same date, the formula printed under the ranking in HTML, PDF and Word,
and units with nothing due shown as 暂无考核事项 after the ranked ones. The history:
tests/exports/conftest.october (区卫健局 filed September late, 区教育局 never)."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from pypdf import PdfReader

from policy_tasks.exports.bulletin import bulletin_build
from policy_tasks.exports.bulletin_render import render_bulletin_docx, render_bulletin_html, render_bulletin_pdf
from policy_tasks.models import CompletionRequest, PolicyDocument
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.selectors.scoring_formula import scoring_formula
from tests import factories as f
from tests.exports.conftest import at

pytestmark = pytest.mark.django_db

FIELDS = (
    "score", "rank", "assessed", "tasks_led", "milestones_due", "closed_on_time", "overdue_count", "overdue_as_co",
    "missing_reports", "late_reports", "returned_completions", "extensions",
)  # fmt: skip


def _returned(october, when) -> None:
    """区发改局's request to close m3 (投资2000万元), returned by the supervisor at `when`."""
    CompletionRequest.objects.create(
        milestone=october.m["m3"],
        unit=october.units["区发改局"],
        requested_by=october.supervisor,
        requested_at=when,
        status=CompletionRequest.Status.RETURNED,
        decided_by=october.supervisor,
        decided_at=when,
        decision_reason="佐证材料不全",
    )


def _silent_unit(october):
    """区司法局, co-responsible for clause 5, which has no dated milestone: nothing due."""
    unit = f.UnitFactory(name="区司法局")
    f.TaskUnitFactory(task=october.tasks[5], unit=unit, role="co", position=1)
    return unit


def _rows(board) -> list[tuple]:
    return [(s.unit.name, *(getattr(s, name) for name in FIELDS)) for s in board]


def test_the_bulletin_ranks_exactly_as_the_scoreboard_of_the_first_day_after_the_period(october):
    _returned(october, at(2023, 11, 20))
    _silent_unit(october)
    # November's bulletin: the return (11-20) counts; nothing happens after 12-01.
    november = bulletin_build(document=october.document, period="2023-11").ranking
    assert _rows(november) == _rows(unit_scoreboard(document=october.document, on=date(2023, 12, 1)))
    by_name = {s.unit.name: s for s in november}
    assert by_name["区发改局"].returned_completions == 1
    assert (by_name["区教育局"].missing_reports, by_name["区卫健局"].late_reports) == (2, 1)  # Sept., Oct.; Sept.
    # October's: the return came after the cutoff.
    assert {s.unit.name: s for s in bulletin_build(document=october.document, period="2023-10").ranking}[
        "区发改局"
    ].returned_completions == 0


def test_a_unit_with_nothing_due_is_last_and_unscored_in_every_format(october):
    _silent_unit(october)
    b = bulletin_build(document=october.document, period="2023-10")
    last = b.ranking[-1]
    assert (last.unit.name, last.score, last.rank, last.assessed) == ("区司法局", None, None, False)
    assert all(s.score is not None for s in b.ranking[:-1])
    html = render_bulletin_html(b)
    assert re.search(r"<td class=\"c\">—</td><td>区司法局</td>.*?暂无考核事项</td></tr>", html, re.S)
    ranking = Document(io.BytesIO(render_bulletin_docx(b))).tables[1]
    assert [c.text for c in ranking.rows[-1].cells][:2] == ["—", "区司法局"]
    assert ranking.rows[-1].cells[-1].text == "暂无考核事项"
    pdf = _pdf_text(render_bulletin_pdf(b))
    section = pdf[pdf.index("三、责任单位排名") : pdf.index("四、逾期未完成事项")]
    assert "区司法局" in section and "暂无考核事项" in section[section.index("区司法局") :]


def _pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _docx_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs))


def test_the_formula_is_printed_under_the_ranking_in_html_pdf_and_word(october):
    b = bulletin_build(document=october.document, period="2023-10")
    formula = scoring_formula(october.document)
    assert formula.startswith("得分 = 100 − 牵头逾期×5 − 配合逾期×3 − 缺报×1 − 迟报×0.5 − 退回×1")
    flat = re.sub(r"\s+", "", formula)
    html = render_bulletin_html(b)
    assert f"计分办法：{formula}" in html
    assert html.index("三、责任单位排名") < html.index("计分办法") < html.index("四、逾期未完成事项")
    pdf = _pdf_text(render_bulletin_pdf(b))
    assert flat in pdf[pdf.index("三、责任单位排名") : pdf.index("四、逾期未完成事项")]
    assert flat in _docx_text(render_bulletin_docx(b))


def test_a_changed_weight_changes_the_bulletins_scores_and_formula(october):
    PolicyDocument.objects.filter(pk=october.document.pk).update(deduction_late_report=Decimal("2"))
    october.document.refresh_from_db()
    b = bulletin_build(document=october.document, period="2023-10")
    health = next(s for s in b.ranking if s.unit.name == "区卫健局")
    assert health.score == Decimal("93")  # m4 overdue −5, September's report late −2
    pdf = _pdf_text(render_bulletin_pdf(b))
    assert "迟报×2" in pdf and "迟报×0.5" not in pdf
    assert "迟报×2" in _docx_text(render_bulletin_docx(b))

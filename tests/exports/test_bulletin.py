"""The October 2023 bulletin on the prepared history (conftest.october), against sums done by hand.

At the end of October (judged on 2023-11-01):
  m1 抽蓄 due 10-31 open                      → overdue 1 day   (区发改局, co 区财政局)
  m2 灵鹫山 due 08-31 closed 10-10            → closed late, closed this month
  m3 投资2000万元 due 12-31                    → not yet due
  m4 ICU due 03-31 open                        → overdue 215 days (区卫健局)
  m5 村卫生室 due 06-30 closed 06-20           → on time
  m6 学位扩容 due 10-20 then (11-15) 12-31    → due 10-20 at the period end: overdue 12 days (区教育局)
  m7 校舍 due 10-25 closed 10-20               → on time, closed this month
  m8 招生 due 10-15 closed 11-03               → open at the period end: overdue 17 days (区教育局)
  m9 除险加固 due 10-31 closed 10-31 23:00     → on time, closed this month
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader

from policy_tasks.exports.bulletin import Period, bulletin_build
from policy_tasks.exports.bulletin_render import render_bulletin_docx, render_bulletin_html, render_bulletin_pdf
from policy_tasks.selectors.scoreboard import unit_scoreboard

pytestmark = pytest.mark.django_db


def test_overall_figures_match_the_hand_count(october):
    f = bulletin_build(document=october.document, period="2023-10").figures
    assert (f.tasks, f.milestones) == (5, 9)
    assert f.due_in_period == 5  # m1, m6 (10-20 at the time), m7, m8, m9
    assert f.due_by_end == 8
    assert (f.closed_on_time, f.closed_late, f.overdue) == (3, 1, 4)
    assert f.closed_in_period == 3
    assert f.missing_reports == 2  # 区卫健局 late, 区教育局 never
    assert f.on_time_rate == Decimal("37.5")


def test_overdue_items_are_listed_longest_late_first_with_their_units(october):
    b = bulletin_build(document=october.document, period="2023-10")
    assert [(i.milestone, i.lead_units, i.days_late) for i in b.overdue] == [
        ("确保3月底完成全区新增30张ICU床位建设", "区卫健局", 215),
        ("10月15日前完成秋季招生", "区教育局", 17),
        ("9月底前完成学位扩容", "区教育局", 12),
        ("确保抽蓄项目10月底前开工", "区发改局", 1),
    ]
    assert b.overdue[-1].co_units == "区财政局"


def test_overdue_units_are_named_most_items_first_then_longest_late(october):
    b = bulletin_build(document=october.document, period="2023-10")
    assert [(u.name, u.overdue, u.max_days_late) for u in b.overdue_units] == [
        ("区教育局", 2, 17),
        ("区卫健局", 1, 215),
        ("区发改局", 1, 1),
    ]


def test_due_date_at_period_end_ignores_an_extension_granted_afterwards(october):
    item = next(i for i in bulletin_build(document=october.document, period="2023-10").overdue if "学位" in i.milestone)
    assert item.due == date(2023, 10, 20)
    assert item.original_due == date(2023, 9, 30)


def test_items_closed_this_period_include_one_closed_late_at_night_on_the_last_day(october):
    b = bulletin_build(document=october.document, period="2023-10")
    assert [(i.milestone, i.closed_on, i.days_late) for i in b.closed] == [
        ("灵鹫山赛训基地8月底前开工", date(2023, 10, 10), 40),
        ("10月25日前完成校舍改造", date(2023, 10, 20), None),
        ("10月底前完成水库除险加固", date(2023, 10, 31), None),
    ]


def test_area_summary(october):
    areas = {a.label: a.figures for a in bulletin_build(document=october.document, period="2023-10").areas}
    invest, people = areas["一、扩大有效投资政策"], areas["二、保障和改善民生政策"]
    assert (invest.tasks, invest.due_by_end, invest.closed_on_time, invest.closed_late, invest.overdue) == (
        2,
        3,
        1,
        1,
        1,
    )
    assert (people.tasks, people.due_by_end, people.closed_on_time, people.overdue, people.missing_reports) == (
        3,
        5,
        2,
        3,
        2,
    )


def test_unit_ranking_uses_the_scoreboard_rules_on_the_past(october):
    ranking = bulletin_build(document=october.document, period="2023-10").ranking
    # Issue 15: a late report (迟报) costs 0.5 and a missing one (缺报) 1, the seed's defaults.
    assert [(s.unit.name, s.score, s.rank) for s in ranking] == [
        ("区水利局", Decimal("100"), 1),  # co of the on-time m9, its own report on time
        ("区财政局", Decimal("97"), 2),  # co-unit of the overdue 抽蓄 milestone: −3
        ("区发改局", Decimal("95"), 3),
        ("区卫健局", Decimal("94.5"), 4),  # m4 overdue −5, September's report late −0.5
        ("区教育局", Decimal("89"), 5),  # two overdue as lead: −5 × 2, September's report missing −1
    ]
    edu, health = ranking[-1], ranking[3]
    assert (edu.milestones_due, edu.closed_on_time, edu.missing_reports, edu.late_reports, edu.extensions) == (
        3,
        1,
        1,
        0,
        1,
    )
    assert (health.missing_reports, health.late_reports) == (0, 1)
    ndrc = ranking[2]
    assert (ndrc.tasks_led, ndrc.milestones_due, ndrc.closed_on_time, ndrc.avg_days_late) == (2, 3, 1, Decimal("20.5"))


def test_ranking_equals_the_live_scoreboard_when_nothing_happened_since(seed):
    ranking = bulletin_build(document=seed, period="2023-10").ranking
    live = unit_scoreboard(document=seed, on=date(2023, 11, 1))
    fields = ("score", "rank", "overdue_count", "overdue_as_co", "missing_reports", "late_reports")
    fields += ("returned_completions", "milestones_due", "closed_on_time", "assessed")
    assert [(s.unit.name, *(getattr(s, f) for f in fields)) for s in ranking] == [
        (s.unit.name, *(getattr(s, f) for f in fields)) for s in live
    ]
    assert any(s.missing_reports for s in live)


def test_an_earlier_period_shows_what_was_overdue_then(october):
    b = bulletin_build(document=october.document, period="2023-09")
    overdue = {i.milestone: i.days_late for i in b.overdue}
    assert overdue == {
        "确保3月底完成全区新增30张ICU床位建设": 184,
        "灵鹫山赛训基地8月底前开工": 31,  # closed only on 10-10
    }
    # m6 was due 10-20 at the end of September (granted on 09-20): not yet due.
    f = b.figures
    assert (f.due_by_end, f.closed_on_time, f.overdue) == (3, 1, 2)  # m2, m4, m5; only m5 closed by then
    assert f.missing_reports == 0  # September's reports fall due in October


def test_bad_period_is_refused():
    with pytest.raises(ValueError, match="YYYY-MM"):
        Period.parse("2023-13")


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _pdf_fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_pdf_shows_the_chinese_text_and_names_overdue_units_in_order(october):
    data = render_bulletin_pdf(bulletin_build(document=october.document, period="2023-10"))
    assert data.startswith(b"%PDF")
    text = re.sub(r"\s+", "", _pdf_text(data))
    assert "督查通报" in text
    sentence = text[text.index("逾期未完成事项的牵头单位") :]
    positions = [sentence.index(name) for name in ("区教育局", "区卫健局", "区发改局")]
    assert positions == sorted(positions)
    # Visible, not boxes: the text is set in an embedded CJK font.
    assert any(re.search(r"CJK|WenQuanYi|Hei|Song|Han", name) for name in _pdf_fonts(data)), _pdf_fonts(data)


def test_html_is_a_printable_page_with_the_ranking(october):
    html = render_bulletin_html(bulletin_build(document=october.document, period="2023-10"))
    assert "<title>关于柯政发〔2023〕99号落实情况的督查通报（2023年10月）</title>" in html
    assert "@page" in html
    assert html.index("区水利局") < html.index("区教育局</td>")


def test_docx_opens_in_word_with_the_tables(october):
    data = render_bulletin_docx(bulletin_build(document=october.document, period="2023-10"))
    doc = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    assert "督查通报" in paragraphs
    assert "按期完成率37.5%" in paragraphs
    ranking = doc.tables[1]
    assert [row.cells[1].text for row in ranking.rows[1:]] == [
        "区水利局",
        "区财政局",
        "区发改局",
        "区卫健局",
        "区教育局",
    ]
    overdue = doc.tables[2]
    assert [row.cells[5].text for row in overdue.rows[1:]] == ["215", "17", "12", "1"]


def test_pdf_carries_every_section_and_table_of_the_printable_page(october):
    bulletin = bulletin_build(document=october.document, period="2023-10")
    text = re.sub(r"\s+", "", _pdf_text(render_bulletin_pdf(bulletin)))
    headings = [
        "一、总体情况",
        "二、分领域情况",
        "三、责任单位排名",
        "四、逾期未完成事项",
        "五、本月办结事项",
        "六、进度未按时报送情况",
    ]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    # The ranking in order, its scores as numbers (never 1E+2), and the tables' own columns.
    ranking = text[text.index("三、责任单位排名") : text.index("四、逾期未完成事项")]
    positions = [ranking.index(name) for name in ("区水利局", "区财政局", "区发改局", "区卫健局", "区教育局")]
    assert positions == sorted(positions)
    assert "E+" not in text
    overdue = text[text.index("四、逾期未完成事项") : text.index("五、本月办结事项")]
    assert "牵头单位配合单位完成时限逾期天数" in overdue and "（原定2023-09-30）" in overdue
    assert "逾期40天" in text[text.index("五、本月办结事项") :]
    assert "2023-09-01至2023-09-30" in text and "未报送" in text
    assert "由督办系统根据办理记录生成于" in text


def test_pdf_draws_tabs_and_invisible_characters_of_typed_names_without_boxes(october, caplog):
    # Names pasted from elsewhere carry tabs, carriage returns and zero-width characters the
    # font has no glyph for: drawn as they are, each would be the font's empty box.
    unit = october.units["区教育局"]
    unit.name = "区\t教育局\u200b\r"
    unit.save(update_fields=["name"])
    data = render_bulletin_pdf(bulletin_build(document=october.document, period="2023-10"))
    assert not [r for r in caplog.records if "missing" in r.getMessage()]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        drawn = "".join(c["text"] for page in pdf.pages for c in page.chars)
    assert not set(drawn) & {"\t", "\r", "\u200b"}
    assert "逾期未完成事项的牵头单位：区教育局" in re.sub(r"\s+", "", _pdf_text(data))

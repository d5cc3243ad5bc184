"""Conventions met in blind round 136 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a division of work a sharing site's copy ran
into one paragraph, each member unit's duties opening with its name and a full stop (`县环保局。负责…`); a year framed by
the anniversary it falls on (`今年是…成立75周年,是…关键一年`), which dates nothing; a county news report of a work meeting
whose closing leader's demands are numbered inline (`…在总结讲话中要求:一是…;二是…`), its points the clauses, each
charged by its own subject, and a day's deadline with its evening hour or the office's closing time
(`2月9日晚19:00时前`, `2月9日下午下班前`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.duty_passages import duty_passage_charge, holds_duty_passages
from policy_tasks.parsing.minute_points import inline_points


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


def _dates(doc) -> list[list[str]]:
    return [[str(m.due_date) for m in t.milestones if m.due_date] for t in doc.tasks]


# --- `县环保局。负责…` run into one paragraph -------------------------------------------------------------------

_PLAN = (
    "某县烟花爆竹禁放工作实施方案为做好我县烟花爆竹禁放工作,制定本方案。一、指导思想以习近平新时代中国特色社会主义思想为"
    "指导,保障人民群众生命财产安全。二、工作目标2021年春节期间城区实现全面禁放。三、组织领导及职责分工县政府成立禁放工作"
    "领导小组,领导小组下设办公室。各成员单位及其职责如下:县公安局。负责对城区燃放行为的查处,并承担领导小组办公室的日常工作。"
    "县市场监管局、县应急局。负责烟花爆竹经营网点的清理整顿。县城管局。负责城区禁放区域的巡查;负责燃放残留物的清扫。"
)


def test_a_units_passages_run_together_are_a_clause_each():
    doc = _parse(_PLAN)
    assert _read(doc) == [
        ("三-1", ["县公安局"], []),
        ("三-2", ["县市场监管局"], ["县应急局"]),
        ("三-3", ["县城管局"], []),
    ]
    assert doc.tasks[0].text.startswith("县公安局。负责对城区燃放行为的查处")
    assert doc.tasks[2].text.endswith("负责燃放残留物的清扫。")


def test_the_passages_on_lines_of_their_own_read_the_same():
    # A copy that kept the section's lines: the passages still open after a sentence end (a line break here).
    text = _PLAN.replace("如下:", "如下:\n").replace("工作。县", "工作。\n县").replace("整顿。县", "整顿。\n县")
    assert [(label, lead) for label, lead, _ in _read(_parse(text))] == [
        ("三-1", ["县公安局"]),
        ("三-2", ["县市场监管局"]),
        ("三-3", ["县城管局"]),
    ]


def test_duty_passages_near_cases():
    # One passage alone is a sentence's subject, no list; a goal (`加强监督。负责…`) and a vague body name no unit.
    assert not holds_duty_passages("各成员单位及其职责如下:县公安局。负责查处燃放行为。")
    assert not holds_duty_passages("加强监督。负责查处燃放行为。强化宣传。负责宣传教育。")
    assert not holds_duty_passages("有关部门。负责查处燃放行为。相关单位。负责宣传教育。")
    # A unit's name followed by any other sentence opens no passage (`县公安局。` closing a list).
    assert not holds_duty_passages("成员为县公安局。加强查处。成员为县城管局。加强巡查。")
    assert holds_duty_passages("如下:县公安局。负责查处。县城管局。主要负责巡查。")
    assert duty_passage_charge("县公安局。负责查处。") is not None
    assert duty_passage_charge("加强监督。负责查处。") is None
    assert duty_passage_charge("按要求,县公安局。负责查处。") is None  # the name must open the passage


def test_a_unit_with_a_colon_is_not_this_reading():
    # `县公安局:负责…` paragraphs are round 75's (`unit_colon_items`): this module leaves them alone.
    assert not holds_duty_passages("如下:县公安局:负责查处。县城管局:负责巡查。")


# --- `今年是…75周年,是…关键一年` -------------------------------------------------------------------------------


def test_a_year_framed_by_its_anniversary_dates_nothing():
    text = (
        "今年是中华人民共和国成立75周年,是实施“十四五”规划的关键一年,做好政府工作至关重要。"
        "各牵头单位于2月29日前将细化方案报送县政府督查室。"
    )
    assert [p.text for p in find_time_phrases(text, 2024)] == ["2月29日前"]
    assert [p.text for p in find_time_phrases("2024年是建党一百周年。", 2024)] == []


def test_the_year_called_so_in_a_later_part_frames_it_too():
    text = "今年是我县实施乡村振兴的重要节点,也是巩固成果的关键一年。各单位要在10月底前完成。"
    assert [p.text for p in find_time_phrases(text, 2024)] == ["10月底前"]


def test_anniversary_frame_near_cases():
    # No anniversary and no `之年`: a year's count of a plan is no frame, its deadline stays.
    assert "6月底前" in [p.text for p in find_time_phrases("今年是实施规划的第三年,要在6月底前完成改造。", 2024)]
    # A year opening a task, and a later part that is no call of the year (`,要…`), stay dated.
    assert find_time_phrases("2024年完成改造。", 2024) != []
    assert "6月底前" in [p.text for p in find_time_phrases("今年是目标年,要在6月底前完成改造。", 2024)]


# --- `…在总结讲话中要求:一是…;二是…` ----------------------------------------------------------------------------

_REPORT = """某县召开重点项目调度会议
2021-03-10 00:00:00 来源: 某县人民政府门户网站
3月9日上午,某县重点项目调度会议在县政府会议室召开。县发改局、县住建局、县交通局主要负责人参加会议。
会上,县发改局汇报了全县重点项目推进情况。
副县长李某在总结讲话中要求:一是各单位会后抓紧梳理项目清单,于3月12日下午下班前报县发改局汇总;二是县发改局要及时汇总修改完善,并于3月15日晚19:00时前报县政府常务会议研究。
"""


def test_a_leaders_inline_points_are_the_reports_clauses():
    doc = _parse(_REPORT, year=None)
    assert [(lead, co) for _, lead, co in _read(doc)] == [([], []), (["县发改局"], [])]
    assert doc.tasks[0].text.startswith("各单位会后抓紧梳理项目清单")
    assert _dates(doc) == [["2021-03-12"], ["2021-03-15"]]


def test_a_post_alone_tells_the_speaker():
    text = _REPORT.replace("副县长李某在总结讲话中要求:", "县长李某强调:")
    assert [lead for _, lead, _ in _read(_parse(text, year=None))] == [[], ["县发改局"]]


def test_inline_points_near_cases():
    def cut(text: str) -> int:
        return len(inline_points([(text, True)], [0])[0])

    assert cut("副县长李某在总结讲话中要求:一是抓紧梳理;二是及时汇总。") == 3
    assert cut("会议要求,一是抓紧梳理。二是及时汇总。") == 3
    # No speaker: a plan's own requirements; an assessment; a lone point.
    assert cut("工作要求:一是抓紧梳理;二是及时汇总。") == 1
    assert cut("会议认为,一是基础扎实;二是进展顺利。") == 1
    assert cut("副县长李某认为:一是基础扎实;二是进展顺利。") == 1
    assert cut("副县长李某要求:一是抓紧梳理项目清单。") == 1


def test_a_points_subject_charges_no_point_before_it():
    # `2.…完工;` before `3.…。责任单位:A` still shares A: the field closes the run (semicolon_runs).
    text = "某县重点工作安排\n1.城东道路6月30日前完工;\n2.城西管网10月底前完成。责任单位:县住建局\n"
    assert [lead for _, lead, _ in _read(_parse(text))] == [["县住建局"], ["县住建局"]]


# --- `2月9日晚19:00时前`, `2月9日下午下班前` ---------------------------------------------------------------------


def test_a_days_deadline_with_its_evening_hour():
    for text in ("于2月9日晚19:00时前报送", "于2月9日晚19:00前报送", "于2月9日傍晚6点前报送", "于2月9日下午下班前报送"):
        assert [(p.text, str(p.due)) for p in find_time_phrases(text, 2020)] == [
            (text[1 : text.index("前") + 1], "2020-02-09")
        ]
    # `晚` not followed by an hour is no clock, nor `下班` with no 前: the day alone.
    assert [p.text for p in find_time_phrases("2月9日晚些时候报送", 2020)] == ["2月9日"]
    assert [p.text for p in find_time_phrases("2月9日下班后报送", 2020)] == ["2月9日"]

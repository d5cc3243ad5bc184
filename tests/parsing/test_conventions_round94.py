"""Conventions met in blind round 94 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it:
- a web table stored a cell a line behind `|` markers whose header the page lost (it opens at its first
  numbered row) is read by its cells' content: an item's sub-targets one clause each, an item of one
  sub-target one clause, the date and unit cells at a row's end its deadline and lead, a merged date or unit
  cell written once governing the rows below (near misses: a stream whose first row names no unit, and one
  holding a single item, are left to the other readers);
- a ministry's or national bureau's department is named `…司` (`规划司`), a unit (near miss: `上司`, `官司`);
- `全年` in a scoring rule (`…得3分`) is the period the points count over, no deadline (near misses: a
  point within the year in such a rule dates, and `全年` in a plain commitment still does).
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.headless_streams import headless_stream
from policy_tasks.parsing.milestones import find_milestones
from policy_tasks.parsing.unit_names import looks_like_units, organisation


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression]


def _stream(text: str) -> list[tuple[str, bool]]:
    return [(line, True) for line in text.splitlines()]


# -- A `|` stream with no header -------------------------------------------------------------------------

_HEADLESS = """1. 加强林草防火监测(10分)
| 完善火情监测网络建设。(5分)
| 各市上报的卫星热点核查反馈率达100%的得2分,每降低1个百分点扣0.5分。
| 11月30日
| 防火处
|
各市林火视频监控覆盖率达到80%以上的得3分,未达到的不得分。
|
开展防火督查检查。(3分)
| 开展4次以上专项督查并形成督查报告得3分,少开展一次扣1分。
|
组织防火业务培训。(2分)
| 完成全年防火业务培训计划的得2分,未完成的不得分。
| 12月15日
|
2. 做好野生动物疫源疫病监测工作(5分)
| 按时报送监测信息,不发生漏报瞒报。(5分)
| 全年按时报送监测信息得5分;漏报1次扣2分,直至不得分。
| 10月31日
| 保护处、监测中心
|
"""


def test_a_headless_stream_is_read_by_its_cells():
    tasks = _parse(_HEADLESS).tasks
    assert [t.title[:8] for t in tasks] == [
        "完善火情监测网络",
        "开展防火督查检查",
        "组织防火业务培训",
        "做好野生动物疫源",
    ]
    # The merged unit cell of item 1 governs all three sub-targets; item 2 writes its own, the first leading.
    assert [(list(t.lead_units), list(t.co_units)) for t in tasks] == [
        (["防火处"], []),
        (["防火处"], []),
        (["防火处"], []),
        (["保护处"], ["监测中心"]),
    ]
    # The merged date: written on sub-target 1's row, it covers sub-target 2; sub-target 3 writes its own.
    assert [_dates(t) for t in tasks] == [["2025-11-30"], ["2025-11-30"], ["2025-12-15"], ["2025-10-31"]]
    # The scoring rules under a sub-target are its words, no clauses of their own.
    assert "林火视频监控覆盖率" in tasks[0].text
    assert "专项督查" in tasks[1].text


def test_a_headless_stream_keeps_its_items_as_headings():
    parsed = _parse(_HEADLESS)
    assert [a.title for a in parsed.areas] == ["加强林草防火监测(10分)"]
    assert parsed.tasks[3].area is None  # an item of one sub-target is the clause itself


def test_a_stream_whose_first_row_names_no_unit_is_not_read_so():
    no_unit = _HEADLESS.replace("| 防火处\n", "", 1)
    assert headless_stream(_stream(no_unit), 0) is None


def test_a_stream_of_one_item_is_not_read_so():
    one_item = _HEADLESS.split("2. 做好")[0]
    assert headless_stream(_stream(one_item), 0) is None


def test_a_stream_opening_with_no_number_is_not_read_so():
    assert headless_stream(_stream("说明\n" + _HEADLESS), 0) is None


# -- A department named …司 ------------------------------------------------------------------------------

_MINISTRY_PLAN = """某部2025年工作要点任务分工
1. 编制行业发展规划。(规划司牵头,财务司、政策法规司配合)
2. 完善统计调查制度。(统计司牵头,办公厅配合)
"""


def test_a_department_ending_in_si_is_a_unit():
    tasks = _parse(_MINISTRY_PLAN).tasks
    assert [(list(t.lead_units), list(t.co_units)) for t in tasks] == [
        (["规划司"], ["财务司", "政策法规司"]),
        (["统计司"], ["办公厅"]),
    ]


def test_a_superior_or_a_lawsuit_is_no_unit():
    assert looks_like_units("规划司、财务司")
    assert not organisation("上司")
    assert not organisation("官司")
    assert organisation("分公司")


# -- `全年` in a scoring rule ---------------------------------------------------------------------------------


def _milestones(text: str):
    return find_milestones(text, year=2025, default_due=date(2025, 12, 31), warn=lambda *_: None)


def test_whole_year_in_a_scoring_rule_dates_nothing():
    found = _milestones("全年完成预警信息发布工作,不漏报得3分;每漏报1次扣1分,直至不得分。")
    assert [m for m in found if m.time_expression] == []
    found = _milestones("完成全年全省业务会商,不出现差错的得1分。")
    assert [m for m in found if m.time_expression] == []


def test_a_date_within_the_year_in_a_scoring_rule_still_dates():
    found = _milestones("6月底前报送年度总结的得2分,逾期报送的不得分。")
    assert [m.due_date for m in found] == [date(2025, 6, 30)]


def test_whole_year_outside_a_scoring_rule_still_dates():
    found = _milestones("全年完成造林1万亩。")
    assert [(m.due_date, m.time_expression) for m in found] == [(date(2025, 12, 31), "全年")]

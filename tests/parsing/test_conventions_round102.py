"""Conventions met in blind round 102 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a unit cell that says there is none (`无`, `暂无`, `/`, `—`, `-`, the whole cell) names no unit (`none_marks`);
- `X牵头,各有关单位按职责分工负责`: the group helps, the remit words no part of its name (`carry_out_parts`);
- a second role phrase after the remit clause (`…按职责分工负责,各区人民政府结合实际落实`) names co units
  (`local_parts`);
- a year naming a competition the work puts on (`做好2025年“某某”大赛分赛组织`) dates nothing (`held_events`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.carry_out_parts import carry_out_names
from policy_tasks.parsing.held_events import held_event_spans
from policy_tasks.parsing.local_parts import local_names
from policy_tasks.parsing.none_marks import says_none
from policy_tasks.parsing.units import read_responsibility
from tests.sources.builders import xlsx_bytes


def _parse_text(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression]


# -- A unit cell that says there is none ------------------------------------------------------------------------


def _xlsx(rows: list[list[str | None]]) -> bytes:
    def build(book) -> None:
        for row in rows:
            book.active.append(row)

    return xlsx_bytes(build)


def test_a_co_cell_saying_none_names_no_unit():
    data = _xlsx(
        [
            ["序号", "重点方向", "具体任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "算力设施", "建成市级算力调度平台。", "市数据局", "无", "2025年6月"],
            ["2", "算力设施", "新增智能算力规模500P。", "市经信局", "市发展改革委", "2025年9月"],
            ["3", "模型应用", "打造行业大模型应用场景20个。", "市经信局", "/", "2025年12月"],
            ["4", "模型应用", "培育一批模型服务企业。", "市商务局", "—", "持续推进"],
            ["5", "人才引育", "引进高层次人才团队10个。", "市委组织部", "暂无", "2025年10月"],
            ["6", "人才引育", "举办人才招引专场活动。", "市人力社保局", "-", "2025年11月"],
            ["7", "开放合作", "深化与周边城市的算力合作。", "市数据局", "无锡海关", "2025年12月"],
        ]
    )
    doc = parse_bytes(data, filename="list.xlsx", year=2025)
    assert _units(doc) == [
        ("1", ["市数据局"], []),
        ("2", ["市经信局"], ["市发展改革委"]),
        ("3", ["市经信局"], []),
        ("4", ["市商务局"], []),
        ("5", ["市委组织部"], []),
        ("6", ["市人力社保局"], []),
        # a name that opens with 无 is a name
        ("7", ["市数据局"], ["无锡海关"]),
    ]
    assert not [w for w in doc.warnings if "不像单位名称" in w.message]


def test_a_field_line_saying_none_names_no_unit():
    doc = _parse_text(
        "某市2025年数据工作任务清单\n"
        "1.建设公共数据授权运营平台。\n牵头单位:市数据局\n配合单位:无\n完成时限:2025年6月底\n"
        "2.开展数据资产登记试点。\n牵头单位:市财政局\n配合单位:市数据局\n完成时限:2025年9月底\n"
    )
    assert _units(doc) == [("1", ["市数据局"], []), ("2", ["市财政局"], ["市数据局"])]


def test_near_cases_of_a_none_mark_are_words():
    assert says_none("无") and says_none(" 暂无 ") and says_none("——") and says_none("/")
    assert not says_none("无锡市发展改革委")
    assert not says_none("无线电管理局")
    assert not says_none("市发改委、无")
    assert read_responsibility("任务。\n配合单位:市发改委").roles["co"] == ["市发改委"]


# -- `X牵头,各有关单位按职责分工负责` ----------------------------------------------------------------------------


def test_a_group_within_its_remit_after_a_lead_helps_with_no_remit_words():
    for text in (
        "任务。\n责任单位:市工信局牵头,各有关单位按职责分工负责",
        "任务。(市工信局牵头,各有关单位按职责分工负责)",
        "任务。\n责任单位:市工信局牵头,各有关部门按职责负责",
    ):
        found = read_responsibility(text)
        assert found.roles["lead"] == ["市工信局"], text
        helpers = found.roles["listed"] + found.roles["co"]
        assert helpers in (["各有关单位"], ["各有关部门"]), text


def test_near_cases_of_the_remit_group_read_as_before():
    # a plain carry-out part after a lead still helps, its verb no part of the name
    found = read_responsibility("任务。\n责任单位:县扶贫办牵头,县教育局参加,各镇街落实")
    assert found.roles["lead"] == ["县扶贫办"] and found.roles["co"] == ["县教育局", "各镇街"]
    assert carry_out_names("各镇街落实") == (0, 3)
    assert carry_out_names("各有关单位按职责分工负责") is None
    # a named unit before `等单位按职责分工负责` as before
    found = read_responsibility("任务。\n责任单位:市数据局牵头,市国资委等单位按职责分工负责")
    assert found.roles["lead"] == ["市数据局"]


# -- A second role phrase after the remit clause ----------------------------------------------------------------

_PLAN = """某省2025年数字政府建设工作要点
1.推进政务服务一网通办
拓展高频事项集成办理,年内新增“一件事”服务20项。
责任单位:省政务服务局、省公安厅按职责分工负责,各市人民政府结合实际落实
2.建设城市数据底座
统筹建设城市运行感知网络。
责任单位:省住房城乡建设厅牵头,省数据局按职责分工负责,各县(市、区)因地制宜抓好落实
3.完善数据安全保障
落实数据分类分级保护制度,各地结合实际落实。
责任单位:省委网信办牵头,省公安厅按职责分工负责
"""


def test_the_level_carrying_the_work_out_locally_helps():
    doc = _parse_text(_PLAN)
    assert _units(doc) == [
        ("1", ["省政务服务局"], ["省公安厅", "各市人民政府"]),
        ("2", ["省住房城乡建设厅"], ["省数据局", "各县(市、区)"]),
        # `各地结合实际落实` in the task's own sentence is no list
        ("3", ["省委网信办"], ["省公安厅"]),
    ]


def test_near_cases_of_the_local_phrase_name_no_units():
    assert local_names("各市人民政府结合实际落实") == (0, 6)
    assert local_names("要结合实际落实") is None
    assert local_names("结合实际抓好落实") is None
    # with no unit named before it the units answer as the label says, the phrase no part of their name
    found = read_responsibility("任务。\n责任单位:各市人民政府结合实际落实")
    assert found.roles["listed"] == ["各市人民政府"] and found.roles["co"] == []


# -- A year naming a competition the work puts on ---------------------------------------------------------------

_EVENTS = """某市2025年数据要素工作要点
1.办好数据要素大赛
做好2025年“数据要素×”大赛市级分赛组织,组织2025年全市数据标注技能大赛。(市数据局牵头)
2.完善数据交易规则
2025年底前出台数据交易管理办法。(市数据局牵头)
3.开展数据企业认定
做好2025年度数据企业认定工作。(市数据局牵头)
"""


def test_a_year_naming_a_competition_dates_nothing():
    doc = _parse_text(_EVENTS)
    assert [_dates(t) for t in doc.tasks][:2] == [[], ["2025-12-31"]]


def test_near_cases_of_an_event_year():
    norm = "做好2025年度数据企业认定工作。"
    assert held_event_spans(norm) == []
    assert held_event_spans("2025年底前做好大赛组织。") == []
    assert held_event_spans("组织2025年6月举办的大赛") == []
    text = "做好2025年“数据要素×”大赛分赛组织。"
    assert [text[s:e] for s, e in held_event_spans(text)] == ["2025年“数据要素×”大赛"]


# -- A unit's name a narrow PDF cell cut before its last character and suffix ------------------------------------


def _line(text: str, x0: float = 336.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 9.0 * len(text), "top": 0, "bottom": 9, "chars": [{"size": 9}]}


def test_a_name_cut_before_its_suffix_in_a_narrow_cell_goes_on():
    from policy_tasks.parsing.sources.pdf import _join_lines

    right = 336.0 + 9.0 * 5 + 1
    # `省委组织部、省人力社` / `保厅`: the rest of `省人力社保厅`, no unit alone
    assert _join_lines([_line("省委组织部"), _line("、省人力社"), _line("保厅")], right=right, min_chars=8) == (
        "省委组织部、省人力社保厅"
    )
    # a two-character unit opening with its level or party is a name of the list (near cases)
    right = 336.0 + 9.0 * 4 + 1
    assert _join_lines([_line("县财政局"), _line("县委")], right=right, min_chars=8) == "县财政局\n县委"
    assert _join_lines([_line("县财政局"), _line("团委")], right=right, min_chars=8) == "县财政局\n团委"

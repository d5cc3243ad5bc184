"""Conventions met in blind round 33 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a district's division
of its five-year plan's tasks, 上海 2006, a table a law-database mirror flattened a cell a line; a
city's bulletin on its work report's targets, 江苏 2011). At the round's first look the parser read
the table's header only up to `完成`, a narrow column's cell `完成时间` wrapped after two
characters, so the table was not rebuilt and its rows came out with the header's words as units;
it split `13个街道、镇` (a district's 13 sub-districts and towns) in two, and titled the bulletin
with the mirror's banner.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.wrapped_headers import wrapped_cell


def _parse(text: str, year: int = 2008):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _cells(*cells: str) -> str:
    """A web page's table flattened a cell a line, with a blank line between cells."""
    return "\n\n".join(cells) + "\n"


_HEADER = ("序号", "项目", "类别", "工 作 内 容", "牵头", "部门", "配合部门", "完成", "时间")

_WRAPPED_TABLE = "某区人民政府办公室关于印发某区2008年重点工作分解的通知\n\n  重点工作分解之二:城市管理\n\n" + _cells(
    *_HEADER,
    "21",
    "完成老城区雨污分流改造",
    "建设局",
    "水务局、各街道",
    "2009年",
    "22",
    "新建公共停车场3处",
    "交通局",
    "规划局、5个街道、镇",
    "2008年",
    *_HEADER,  # the header again where the printed page turned
    "23",
    "开展市容环境综合整治",
    "城管局",
    "相关部门",
    "2010年",
)


def test_a_header_cell_wrapped_after_two_characters_is_one_column():
    doc = _parse(_WRAPPED_TABLE)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("21", ["建设局"], ["水务局", "各街道"]),
        ("22", ["交通局"], ["规划局", "5个街道、镇"]),
        ("23", ["城管局"], []),
    ]
    # Each row is due at the end of the year its 完成时间 cell names.
    assert [[m.due_date.isoformat() for m in t.milestones if m.kind == "deadline"] for t in doc.tasks] == [
        ["2009-12-31"],
        ["2008-12-31"],
        ["2010-12-31"],
    ]
    # The header repeated at the page turn is no row's cells, and its words are no units.
    assert not any("部门" in u for t in doc.tasks for u in [*t.lead_units, *t.co_units])


def test_two_short_header_lines_are_two_columns_unless_they_spell_one():
    assert wrapped_cell("牵头", "部门") == "牵头部门"
    assert wrapped_cell("完成", "时间") == "完成时间"
    assert wrapped_cell("项目", "类别") == "项目类别"
    assert wrapped_cell("责任", "单位") == "责任单位"
    # A 序号, a head noun first, or a second line that names no column's kind: two columns.
    assert wrapped_cell("序号", "内容") is None
    assert wrapped_cell("名称", "单位") is None
    assert wrapped_cell("单位", "时间") is None
    assert wrapped_cell("项目", "进度") is None
    # Longer words are whole cells.
    assert wrapped_cell("牵头单位", "配合单位") is None


def test_a_header_of_whole_words_reads_as_before():
    doc = _parse(
        "某县2008年重点工作分解表\n\n"
        + _cells(
            "序号",
            "工作内容",
            "牵头单位",
            "配合单位",
            "完成时间",
            "1",
            "新建乡镇卫生院2所",
            "县卫生局",
            "县财政局",
            "2008年10月底",
            "2",
            "完成农村公路改造50公里",
            "县交通局",
            "各乡、镇",
            "2008年底",
        )
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["县卫生局"], ["县财政局"]),
        ("2", ["县交通局"], ["各乡、镇"]),
    ]


def test_a_count_of_places_is_one_addressee():
    doc = _parse(
        "某区2008年环境整治工作方案\n"
        "1.清理背街小巷垃圾死角。(牵头单位:区城管局;配合单位:区环保局、8个街道、镇)\n"
        "2.整治农贸市场周边秩序。(牵头单位:区工商局;配合单位:3个乡、镇人民政府)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区城管局"], ["区环保局", "8个街道、镇"]),
        (["区工商局"], ["3个乡、镇人民政府"]),
    ]


def test_a_bulletin_is_titled_by_its_own_title_line():
    doc = _parse(
        "某某法规网--法律信息查询\n"
        "某市人民政府办公室关于2010年政府工作报告主要目标任务完成情况的通报\n\n"
        "  5.加快城市道路建设。新建改建城市道路10条。主办单位:市建设局、交通局。\n"
        "  完成情况:已建成8条,2条正在施工。\n"
        "  6.推进保障性住房建设。新开工廉租住房1000套。主办单位:市住建局。\n"
        "  完成情况:已开工1050套。\n",
        year=2010,
    )
    assert doc.title == "某市人民政府办公室关于2010年政府工作报告主要目标任务完成情况的通报"
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("5", ["市建设局", "交通局"]),
        ("6", ["市住建局"]),
    ]

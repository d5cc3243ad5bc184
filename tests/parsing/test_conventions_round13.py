"""Conventions met in blind round 13 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document


def _cells(*cells: str) -> str:
    # A web table flattened a cell a line, a blank line between cells, as pages store it.
    return "\n\n".join(cells) + "\n"


def test_an_item_named_like_a_unit_before_its_text_cell_is_the_items_name():
    # Cells are flattened in column order, so a name cell that reads like a unit (`新(改)建村卫生室`)
    # with the content cell still to come is the item's name, not its lead unit.
    doc = parse_document(
        "2022年县政府民生实事任务分解表\n"
        + _cells(
            "序号", "项目名称", "建设内容", "牵头单位", "配合单位",
            "1", "新(改)建村卫生室", "新建村卫生室30家。", "县卫健局", "各乡镇",
            "2", "城区道路提升", "改造城区道路5条。", "县住建局", "县交通局",
        )
    )  # fmt: skip
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("新(改)建村卫生室", ["县卫健局"], ["各乡镇"]),
        ("城区道路提升", ["县住建局"], ["县交通局"]),
    ]


def test_a_group_cell_merged_over_its_rows_is_written_once_and_the_rows_below_keep_their_columns():
    # A 事项分类 cell merged over a group is written on the group's first row only; the rows below
    # have one text cell fewer, and their first text cell is still the 事项名称. `/` is an empty
    # cell, no text and no unit.
    doc = parse_document(
        "2022年区政府民生实事任务分解方案\n"
        + _cells(
            "序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位",
            "1", "教育提质工程", "中小学校扩容", "新增学位2000个。", "区教育局", "区发改局", "各街道",
            "2", "校园食堂提升", "改造学校食堂10所。", "区教育局", "/",
            "3", "健康服务工程", "社区卫生服务站建设", "新建社区卫生服务站3个。", "区卫健局", "各街道",
        )
    )  # fmt: skip
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("中小学校扩容", ["区教育局"], ["区发改局", "各街道"]),
        ("校园食堂提升", ["区教育局"], []),
        ("社区卫生服务站建设", ["区卫健局"], ["各街道"]),
    ]
    assert "改造学校食堂10所" in doc.tasks[1].text


def test_a_count_of_what_is_built_is_no_unit_name():
    # `改造学校食堂10所`: a count ending in what a body's name can end in (所, 站, 室) is the
    # content of the item, not a unit.
    doc = parse_document(
        "2022年县政府民生实事任务分解表\n"
        + _cells(
            "序号", "项目名称", "建设内容", "牵头单位",
            "1", "校园食堂提升", "改造学校食堂10所。", "县教育局",
            "2", "便民服务站点", "新建便民服务站3个,改造老旧站点2处。", "县商务局",
        )
    )  # fmt: skip
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["县教育局"], []), (["县商务局"], [])]
    assert "改造学校食堂10所" in doc.tasks[0].text

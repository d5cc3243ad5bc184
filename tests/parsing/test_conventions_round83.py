"""Conventions met in blind round 83 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them: a bureau's monthly report on its share
of a 政府工作报告's tasks, a table flattened a row a line with single spaces between cells, its 责任单位 column standing
between text columns and its 工作举措 / 完成情况 cells running over the lines below in numbered paragraphs; a 整改 plan
whose measures each close with label lines naming the units concerned (`涉项部门:`, `涉及部门:`, `相关单位:`), a label
that names neither who leads nor who helps; and a leader field a page redacted (`责任领导:*`, `×××`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dated(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date})


_REPORT = "\n".join(
    [
        "某县市场监管局2024年《政府工作报告》11月份重点工作分解落实情况",
        "序号 重点工作 目标要求 责任单位 工作举措 完成情况 备注",
        "1 加强食品安全监管 全年不发生重大食品安全事故 县市场监管局 1.开展校园周边食品安全专项检查;",
        "2.推进食品生产企业风险分级管理。",
        "1.9月12日,联合县教育局对全县中小学食堂开展检查。",
        "2 个乡镇完成食品安全示范街创建。",
        "2.10月30日完成风险分级评定。",
        "2 优化营商环境 企业开办时间压缩至1个工作日 县市场监管局 推行企业开办“一网通办”; 10月底,新设市场主体 1200户,",
        "同比增长8%。",
        "3 强化特种设备安全 杜绝特种设备安全事故 县市场监管局 1.开展电梯安全隐患排查;",
        "2.督促使用单位落实主体责任。",
        "1.11月8日完成全县电梯排查,确保在春节前整改到位。",
    ]
)


def test_a_row_a_line_reports_unit_cell_stands_mid_line_between_spaces():
    """A progress report's table flattened a row a line, its 责任单位 column between the task's columns and the
    report's: the unit cell standing between spaces mid-line is the row's unit; the task's words open the clause."""
    doc = _parse(_REPORT)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert [t.lead_units for t in doc.tasks] == [["县市场监管局"]] * 3
    assert [t.title for t in doc.tasks] == ["加强食品安全监管", "优化营商环境", "强化特种设备安全"]


def test_a_cells_numbered_paragraphs_starting_again_open_the_next_cell():
    """The 工作举措 cell's `1.` `2.` paragraphs and then the 完成情况 cell's, numbered again from `1.`: the second run
    is the report of work done, no part of the task and dating nothing; the sub-numbers are no rows, and a
    paragraph opening with a figure and a space (`2 个乡镇…`) is no row either, its unit cell not in place."""
    doc = _parse(_REPORT)
    first = doc.tasks[0]
    assert "推进食品生产企业风险分级管理" in first.text
    assert "联合县教育局" not in first.text and "示范街" not in first.text
    assert first.co_units == []
    assert [_dated(t) for t in doc.tasks] == [[], [], []]
    # On the row's line a space separates the 工作举措 cell from the 完成情况 cell.
    assert "推行企业开办" in doc.tasks[1].text and "1200户" not in doc.tasks[1].text


_TWO_UNIT_COLUMNS = "\n".join(
    [
        "序号 重点任务 工作目标 牵头单位 配合单位 推进措施 进展情况 备注",
        "1 创建全域旅游示范区 年底前通过省级验收 区文旅局 区财政局 1.完善旅游公共服务设施;",
        "2.开展旅游市场秩序整治。",
        "1.已完成游客服务中心改造。",
        "2.整治旅游市场3次。",
        "",
        "2 推进公共文化服务 新建农家书屋20个 区文旅局 各镇人民政府 统筹建设农家书屋。 已建成15个。",
        "",
        "打印本页 关闭窗口",
    ]
)


def test_lead_and_helper_cells_between_text_columns():
    """Short columns of both roles between the text columns: the 牵头单位 cell leads, the 配合单位 cell helps; a
    blank line between rows goes on with the table, and the page's line after it is no part of the last row."""
    doc = _parse(_TWO_UNIT_COLUMNS)
    assert [t.label for t in doc.tasks] == ["1", "2"]
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区文旅局"], ["区财政局"]),
        (["区文旅局"], ["各镇人民政府"]),
    ]
    assert "开展旅游市场秩序整治" in doc.tasks[0].text and "游客服务中心" not in doc.tasks[0].text
    assert "打印本页" not in doc.tasks[1].text


_CONCERNED = "\n".join(
    [
        "某县交通运输局整改落实方案",
        "一、整改措施",
        "1、加快农村公路建设。新改建农村公路50公里。",
        "责任领导:*",
        "涉项部门:公路股、财务股、运管所",
        "完成时限:2024年",
        "2、规范道路运输市场秩序。开展客运市场专项整治。",
        "责任领导:×××",
        "涉及部门:运管所、执法大队",
        "完成时限:2024年6月底",
        "3、加强行业安全监管。(相关单位:安全股、海事所)",
    ]
)


def test_a_label_naming_the_units_concerned_is_led_by_its_first():
    """`涉项部门:` / `涉及部门:` / `相关单位:` name the units concerned, neither who leads nor who helps: as a 责任单位 list
    with no 牵头 named, the first listed leads and the rest help."""
    doc = _parse(_CONCERNED)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["公路股"], ["财务股", "运管所"]),
        (["运管所"], ["执法大队"]),
        (["安全股"], ["海事所"]),
    ]
    assert [_dated(t) for t in doc.tasks] == [["2024-12-31"], ["2024-06-30"], []]


def test_units_concerned_beside_a_named_lead_help():
    """Near miss: where a 牵头单位 is named, the units concerned help, as a 责任单位 list does beside it."""
    doc = _parse(
        "1、加快农村公路建设。\n牵头单位:县交通运输局\n涉及部门:县财政局、县自然资源局\n2、规范客运市场。\n牵头单位:县运管所"
    )
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["县交通运输局"], ["县财政局", "县自然资源局"])


def test_a_redacted_leader_is_no_leader():
    """`责任领导:*`, `×××`, `XXX`, `**`: the page hid the name, so no one is named; a mark before a post leaves the post,
    and a name the page kept is read as before (near miss)."""
    doc = _parse(
        "\n".join(
            [
                "1、加快农村公路建设。\n责任领导:*\n责任单位:县交通运输局",
                "2、规范客运市场。\n责任领导:×××\n责任单位:县运管所",
                "3、加强安全监管。\n责任领导:XXX、**\n责任单位:县安全股",
                "4、推进站场建设。\n责任领导:×××副县长\n责任单位:县交通运输局",
                "5、整治超限超载。\n责任领导:张明\n责任单位:县路政大队",
            ]
        )
    )
    assert [t.leaders for t in doc.tasks] == [[], [], [], ["副县长"], ["张明"]]
    assert [t.lead_units for t in doc.tasks] == [
        ["县交通运输局"],
        ["县运管所"],
        ["县安全股"],
        ["县交通运输局"],
        ["县路政大队"],
    ]

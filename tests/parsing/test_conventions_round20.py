"""Conventions met in blind round 20 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (铜梁区 2025 政府工作报告
目标任务上半年推进情况汇总表). At the round's first look the parser read none of its rows: the .txt
reader glued rows of like length together as if the text had been broken at a width, and a table
flattened a row a line with single spaces between cells was read as one only with its unit columns
last, not with a notes column after them.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes, parse_document
from policy_tasks.parsing.sources.unwrap import unwrap, wrap_width

_PROGRESS_TABLE = (
    "某县2024年政府工作报告目标任务一季度完成情况表\n"
    "序号 工作任务 责任单位 一季度完成情况\n"
    "一、主要预期目标\n"
    "1 城镇新增就业3000人。 县人社局 新增就业820人。\n"
    "2 新建农村公路40公里。 县交通运输局\n"
    "县财政局\n"
    "各乡镇人民政府\n"
    "已完成路基12公里。\n"
    "二、重点工作\n"
    "(一)加快补齐民生短板\n"
    "3 改造老旧小区12个,12月底前完工。 县住建局 已开工5个。\n"
)


def _rows(doc):
    return [
        (t.label, t.lead_units, t.co_units, [m.due_date.isoformat() for m in t.milestones if m.kind != "target"])
        for t in doc.tasks
    ]


def test_a_spaced_table_whose_last_column_is_a_note_is_read_as_a_table():
    # The unit column comes before a column that reports what was done (完成情况, 推进情况, 备注):
    # the unit cell is the last word that names units, the words after it are the note, which
    # names no one and dates nothing.
    doc = parse_document(_PROGRESS_TABLE, year=2024)
    assert _rows(doc) == [
        ("1", ["县人社局"], [], []),
        ("2", ["县交通运输局"], ["县财政局", "各乡镇人民政府"], []),
        ("3", ["县住建局"], [], ["2024-12-31"]),
    ]
    assert "新增就业820人" not in doc.tasks[0].text


def test_a_unit_cell_written_a_unit_a_line_runs_to_the_note():
    # `2 新建农村公路40公里。 县交通运输局` / `县财政局` / `各乡镇人民政府` / `已完成路基12公里。`:
    # the lines that name units go on the row's unit cell (the first listed leads); the first line
    # that does not is the note.
    doc = parse_document(_PROGRESS_TABLE, year=2024)
    row = next(t for t in doc.tasks if t.label == "2")
    assert (row.lead_units, row.co_units) == (["县交通运输局"], ["县财政局", "各乡镇人民政府"])
    assert "已完成路基" not in row.text


def test_numbered_headings_between_the_rows_are_no_clauses():
    # `二、重点工作` and `(一)加快补齐民生短板` stand between rows as rows one merged cell fills:
    # headings over the rows after them, the serials running on below them.
    doc = parse_document(_PROGRESS_TABLE, year=2024)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[2].title.startswith("改造老旧小区12个")


def test_two_unit_columns_before_the_note():
    doc = parse_document(
        "某区2023年重点工作推进情况\n"
        "序号 重点任务 牵头单位 配合单位 推进情况\n"
        "1 建成区级养老服务中心。 区民政局 区卫生健康委 主体完工。\n"
        "2 完成河道清淤20公里。 区水利局 各街道办事处 完成8公里。\n",
        year=2023,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区民政局"], ["区卫生健康委"]),
        (["区水利局"], ["各街道办事处"]),
    ]


def test_rows_of_like_length_are_no_text_broken_at_a_width():
    # A table written a row a line whose rows happen to be as long as each other, its notes
    # written without a full stop, looks like text broken at a page's width; a row that starts
    # with the next serial (`2 …` after `1 …`) is the next row, never the rest of the line above.
    rows = [
        "某区2025年经济指标推进情况统计表(区政府督查室编制,截至六月底)",
        "序号 目标任务 责任单位 推进情况",
        "1 地区生产总值增长百分之六以上。 区发展改革委 同比增长百分之二点九",
        "2 规上工业增加值增长百分之四以上。 区经济信息委 同比增长百分之零点四",
        "3 固定资产投资增长百分之十以上。 区发展改革委 同比增长百分之五点一",
        "4 社会消费品零售总额增长百分之六。 区商务委 同比增长百分之三点六",
        "5 一般公共预算收入增长百分之七。 区财政局 同比增长百分之四点二左右",
        "6 外贸进出口总额增长百分之五以上。 区商务委 同比增长百分之二点八",
        "7 实际利用外资增长百分之八以上。 区商务委 同比增长百分之六点三",
        "8 居民人均可支配收入增长百分之六。 区统计局 同比增长百分之四点七",
    ]
    assert wrap_width(rows) is not None  # the rows' like lengths pass for a page's width
    assert unwrap(rows) == rows
    doc = parse_bytes("\n".join(rows).encode(), filename="progress.txt", year=2025)
    assert [t.label for t in doc.tasks] == [str(n) for n in range(1, 9)]
    assert doc.tasks[1].lead_units == ["区经济信息委"]


def test_a_wrapped_paragraph_still_joins_where_a_line_starts_with_a_figure():
    # Prose broken at a width may start a line with a figure and a space (`10 月底前`): only the
    # next serial after a row that started with one starts anew.
    text = "甲" * 30
    lines = [text, text[:-1] + "于", "10 月底前完成" + "乙" * 24, text]
    joined = unwrap(lines * 3)
    assert wrap_width(lines * 3) is not None
    assert "\n".join(joined).count("于10 月底前完成") == 3

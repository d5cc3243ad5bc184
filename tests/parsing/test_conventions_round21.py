"""Conventions met in blind round 21 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (遂宁 2016 清洁城市环境
活动 task table; 开化 2023 重点工作清单). At the round's first look the parser refused the first: a
web table written a cell a line with each `|` border on a line of its own was read as one row a
cell. It read the second's dates right but paired each with the words before it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes, parse_document
from policy_tasks.parsing.deadlines import find_time_phrases, read_time_phrase
from policy_tasks.parsing.time_phrase import ONGOING

_BORDERS = "\n".join(
    [
        "某县2024年农村人居环境整治实施方案",
        "|",
        "序号",
        "|",
        "工作任务",
        "|",
        "责任单位",
        "|",
        "完成时限",
        "|",
        "|",
        "1",
        "|",
        "开展村庄清洁行动",
        "|",
        "县农业农村局、县住建局,各乡镇人民政府",
        "|",
        "2024 年 9 底前",
        "|",
        "|",
        "2",
        "|",
        "推进农村生活污水治理,",
        "新建处理设施20处",
        "|",
        "县生态环境局",
        "|",
        "常态工作",
        "|",
        "|",
        "3",
        "|",
        "建成垃圾分类示范村10个",
        "|",
        "县城管局、县供销社",
        "|",
        "2024—2025 年底前",
        "|",
    ]
)


def _rows(doc):
    return [
        (t.label, t.lead_units, t.co_units, [(m.due_date.isoformat(), m.kind) for m in t.milestones])
        for t in doc.tasks
        if t.lead_units
    ]


def test_a_table_whose_cell_borders_stand_alone_on_their_lines():
    # One bare `|` between a row's cells, two between rows: the rows start at their 序号, a cell
    # broken over lines is one cell, the first unit listed leads and a group after a comma helps.
    doc = parse_bytes(_BORDERS.encode(), filename="borders.txt", year=2024)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    rows = _rows(doc)
    assert rows[0][:3] == ("1", ["县农业农村局"], ["县住建局", "各乡镇人民政府"])
    assert rows[1][:3] == ("2", ["县生态环境局"], [])
    assert "新建处理设施20处" in doc.tasks[1].text
    assert rows[2][:3] == ("3", ["县城管局"], ["县供销社"])
    assert ("2025-12-31", "deadline") in rows[2][3]


def test_an_empty_cell_between_borders_does_not_end_the_row():
    # An empty cell is two borders as well: the 序号 alone tells where a row starts.
    text = _BORDERS.replace("县生态环境局\n|\n常态工作", "县生态环境局\n|\n|\n常态工作")
    doc = parse_bytes(text.encode(), filename="borders.txt", year=2024)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1", ["县农业农村局"]),
        ("2", ["县生态环境局"]),
        ("3", ["县城管局"]),
    ]


def test_a_month_written_after_its_year_without_its_yue():
    # `2024 年 9 底前` is September's end, not the year's: a table typed in haste drops the 月.
    assert read_time_phrase("2024 年 9 底前", 2024).due == date(2024, 9, 30)
    assert read_time_phrase("2024年11月底前", 2024).due == date(2024, 11, 30)
    assert [p.due for p in find_time_phrases("2023年6中旬前完成", 2023)] == [date(2023, 6, 20)]
    # A count after a year is no month: nothing to read as one.
    assert all(p.due != date(2024, 3, 31) for p in find_time_phrases("2024年3个项目底", 2024))
    doc = parse_bytes(_BORDERS.encode(), filename="borders.txt", year=2024)
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 9, 30)]


def test_a_standing_task_in_the_time_column_is_ongoing():
    # `常态工作`, `长期任务`, `常态` in a 完成时限 cell: a standing task, ongoing, with no warning
    # that the time could not be read.
    for value in ("常态工作", "长期任务", "常态", "常态化推进", "长期坚持"):
        assert read_time_phrase(value, 2024).level == ONGOING, value
    doc = parse_bytes(_BORDERS.encode(), filename="borders.txt", year=2024)
    # (its count, `新建处理设施20处`, is a target of its own)
    assert [m.kind for m in doc.tasks[1].milestones if m.time_expression] == ["ongoing"]
    assert not [w for w in doc.warnings if "常态工作" in w.message]


_STEPS = (
    "某县2023年度重点工作清单\n"
    "序号 | 工作事项 | 进度安排 | 进展情况 |\n"
    "1 | 建设城东污水处理厂。 | ①3月上旬前,完成可研批复。②6月底前,开工建设。③11月底前,完成主体工程。"
    " | ①已完成。3月8日,取得批复。 |\n"
    "2 | 提升政务服务水平。 | ①4月底前,召开推进会,明确2023年度工作目标。②9月底前,上线“一网通办”专区。"
    " | ①已召开。 |\n"
)


def test_a_schedule_step_opened_by_its_date_is_the_whole_step():
    # `①3月上旬前,完成可研批复。②6月底前,开工建设。`: each step opens with its date, the work
    # after the comma is what is due then, to the step's full stop.
    doc = parse_document(_STEPS, year=2023)
    first = [(m.due_date.isoformat(), m.text) for m in doc.tasks[0].milestones]
    assert first == [
        ("2023-03-10", "①3月上旬前,完成可研批复"),
        ("2023-06-30", "②6月底前,开工建设"),
        ("2023-11-30", "③11月底前,完成主体工程"),
    ]


def test_a_year_inside_a_dated_step_is_no_step_of_its_own():
    # `①4月底前,召开推进会,明确2023年度工作目标。`: the year names the targets set by April's end,
    # not a deadline at the year's end.
    doc = parse_document(_STEPS, year=2023)
    second = [(m.due_date.isoformat(), m.text.split(",")[0]) for m in doc.tasks[1].milestones]
    assert second == [("2023-04-30", "①4月底前"), ("2023-09-30", "②9月底前")]


def test_steps_of_a_time_cell_without_opening_dates_are_read_as_before():
    # `5月底前动工、12月底前竣工`: each dated part is a step of its own.
    doc = parse_document(
        "某区2024年重点项目\n序号 | 项目名称 | 责任单位 | 完成时限 |\n1 | 建设区体育馆。 | 区文旅局 | 5月底前动工、12月底前竣工 |\n",
        year=2024,
    )
    assert [(m.due_date.isoformat(), m.text) for m in doc.tasks[0].milestones] == [
        ("2024-05-31", "5月底前动工"),
        ("2024-12-31", "12月底前竣工"),
    ]

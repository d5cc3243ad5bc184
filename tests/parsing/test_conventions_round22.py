"""Conventions met in blind round 22 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (池州市信访局 政务公开重点
任务清单; 成都 生活垃圾分类 重点任务责任分工表). At the round's first look the parser read the first's
rows but closed each with the next row's group cell, losing its only deadline, and refused the
second, a table a sharing site's preview had run together whole, title and rows in one line.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes, parse_document

_GROUPED = (
    "\n|\n".join(
        [
            "工作任务",
            "具体要求",
            "责任股室",
            "完成时限",
            "深化重点领域信息公开",
            "1",
            "及时公开财政预决算和“三公”经费信息。",
            "财务股",
            "年底前",
            "2",
            "及时公开行政处罚结果信息。",
            "执法大队",
            "持续推进",
            "抓好宣传",
            "3",
            "在门户网站开设政策解读专栏。",
            "办公室",
            "6月底前",
            "加强监督",
            "4",
            "开展政务公开工作培训。",
            "各股室",
            "持续推进",
        ]
    )
    + "\n|\n"
)


def test_a_group_cell_written_before_its_rows_serial_opens_that_row():
    # `工作任务` merged over its rows and, in the header, over the serial too: flattened a cell at a
    # time, each group's cell comes before the serial of its first row. It is that row's group, not
    # the row before it's last cell (which would read as its deadline).
    doc = parse_bytes(_GROUPED.encode(), filename="grouped.txt", year=2024)
    rows = [(t.label, t.lead_units, [m.due_date for m in t.milestones if m.kind == "deadline"]) for t in doc.tasks]
    assert rows == [
        ("1", ["财务股"], [date(2024, 12, 31)]),
        ("2", ["执法大队"], []),
        ("3", ["办公室"], [date(2024, 6, 30)]),
        ("4", ["各股室"], []),
    ]
    # The row's own requirement is its text; the group names the heading over it.
    assert doc.tasks[0].title.startswith("及时公开财政预决算")
    assert doc.tasks[1].title.startswith("及时公开行政处罚")
    assert not [w for w in doc.warnings if "抓好宣传" in w.message or "加强监督" in w.message]


def test_a_time_cell_is_never_taken_for_a_person():
    # `年底前` has a name's three characters: under a 完成时限 column it is the row's deadline.
    doc = parse_bytes(_GROUPED.encode(), filename="grouped.txt", year=2024)
    assert doc.tasks[0].leaders == []
    assert [m.text for m in doc.tasks[0].milestones if m.kind == "deadline"] == ["完成时限:年底前"]


def test_a_task_column_before_the_serial_groups_the_numbered_rows():
    # `重点任务 | 序号 | 具体措施 | 责任单位`: the column before the 序号 is the group a merged cell
    # names over its rows; each row's clause is its own measure.
    doc = parse_document(
        "某县2022年优化营商环境重点任务分解表\n"
        "重点任务\t序号\t具体措施\t责任单位\n"
        "提升审批效率\t1\t推行企业开办一日办结。\t县行政审批局\n"
        "\t2\t实行工程建设项目联合验收。\t县住建局\n"
        "加强要素保障\t3\t建立重点项目用地台账。\t县自然资源局\n",
        year=2022,
    )
    assert [(t.label, t.title[:6], t.lead_units) for t in doc.tasks] == [
        ("1", "推行企业开办", ["县行政审批局"]),
        ("2", "实行工程建设", ["县住建局"]),
        ("3", "建立重点项目", ["县自然资源局"]),
    ]

"""Conventions met in blind round 22 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (池州市信访局 政务公开重点
任务清单; 成都 生活垃圾分类 重点任务责任分工表). At the round's first look the parser read the first's
rows but closed each with the next row's group cell, losing its only deadline, and refused the
second, a table a sharing site's preview had run together whole, title and rows in one line.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes, parse_document
from policy_tasks.parsing.run_together import run_together_header

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


_RUN_ON = (
    "重点任务责任分工表序号工作内容目标任务责任单位备注"
    "1推进城镇老旧小区改造,完善配套设施。2022年6月底前,完成改造小区30个。"
    "县住建局、县财政局,县发改委、县自然资源局等部门,各镇人民政府(街道办事处)"
    "2加强物业服务监管,开展物业服务质量评价。2022年9月底前,评价覆盖率达80%以上。"
    "县住建局,县市场监管局"
    "3建立生活垃圾分类收运体系。2022年12月底前,建成分类收运站5座。"
    "县城管局,各镇人民政府(街道办事处)\n"
)


def test_a_table_run_together_whole_is_read_back_into_rows():
    # A sharing site's preview loses every boundary: the title, the header and the rows in one run.
    # The title ends in `表` before the header's `序号`; each row runs from its serial through its
    # text to the `。` a unit's name follows, its unit cell to the next serial; units are parted by
    # `、` and `,`, `等部门` is no part of a name, and the last sentence before the units is the
    # second text column's (a target with its date).
    doc = parse_document(_RUN_ON, year=2022)
    # (a second name in brackets, `各镇人民政府(街道办事处)`, is that unit's alias, as anywhere)
    rows = [(t.label, t.lead_units, t.co_units, [m.due_date for m in t.milestones]) for t in doc.tasks]
    assert rows == [
        (
            "1",
            ["县住建局"],
            ["县财政局", "县发改委", "县自然资源局", "各镇人民政府"],
            [date(2022, 6, 30)],
        ),
        ("2", ["县住建局"], ["县市场监管局"], [date(2022, 9, 30)]),
        ("3", ["县城管局"], ["各镇人民政府"], [date(2022, 12, 31)]),
    ]
    assert doc.tasks[0].title.startswith("推进城镇老旧小区改造")
    assert doc.title == "重点任务责任分工表"


def test_a_run_on_table_that_breaks_off_inside_a_row_is_not_read_as_one():
    # A preview cut off inside a row leaves words where the next serial should be: no table.
    cut = _RUN_ON.replace("县城管局,各镇人民政府(街道办事处)\n", "县城管局,各镇人民政府(街道办事处)4完善再生资\n")
    from policy_tasks.parsing.run_on_tables import run_on_table

    assert run_on_table(_RUN_ON) is not None
    assert run_on_table(cut) is None


def test_a_run_together_header_keeps_a_two_word_column_name_whole():
    # `目标任务` is one column, though `目标` and `任务` each name one too; so is `进度安排`.
    assert run_together_header("序号工作内容目标任务责任单位备注") == [
        "序号",
        "工作内容",
        "目标任务",
        "责任单位",
        "备注",
    ]
    assert run_together_header("序号工作任务进度安排牵头单位") == ["序号", "工作任务", "进度安排", "牵头单位"]
    assert run_together_header("类别序号重点督办内容牵头单位全年完成情况") == [
        "类别",
        "序号",
        "重点督办内容",
        "牵头单位",
        "全年完成情况",
    ]


def test_a_work_arrangement_is_the_plan_a_notice_transmits():
    # `…年度…工作安排` is the plan, as `…工作要点` is: its own title line, not the 通知's second line
    # (`关于印发某县2021年度依法行政` / `工作安排的通知`) nor the site's banner above it.
    doc = parse_document(
        "某县人民政府网\n"
        "关于印发某县2021年度依法行政\n"
        "工作安排的通知\n"
        "各乡镇人民政府,县直各单位:\n"
        "现将《某县2021年度依法行政工作安排》印发给你们,请认真贯彻执行。\n"
        "2021年5月6日\n"
        "某县2021年度依法行政工作安排\n"
        "一、健全依法决策机制\n"
        "(一)严格执行重大行政决策程序。\n"
        "责任单位:县司法局、县政府办公室。\n",
    )
    assert doc.title == "某县2021年度依法行政工作安排"
    assert [(t.title, t.lead_units) for t in doc.tasks] == [("严格执行重大行政决策程序", ["县司法局"])]

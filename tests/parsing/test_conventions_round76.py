"""Conventions met in blind round 76 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (one-task 整改 completion notices:
a label/value 公示表 as a table and flattened a cell a line, and a notice whose fields are numbered sections).
At the round's first look the flattened table was refused, the notice's fields read as clauses with no unit, and
the table's place pair split, its spaced date's year lost and its phone number read as a leader.
"""

from __future__ import annotations

import io

import docx

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.joined_names import is_party_pair
from policy_tasks.parsing.textutil import join_spaced_dates


def _parse(text: str, year: int | None = 2022):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _docx(title: str, rows: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _dates(task) -> list[str]:
    return [str(m.due_date) for m in task.milestones if m.due_date is not None]


_FLAT = "\n".join(
    [
        "省生态环境保护督察反馈问题(08-03)整改措施完成情况公示表——某某市人民政府",
        "日期:2022年10月08日",
        "",
        "反馈问题",
        "",
        "部分县城污水处理设施建设滞后,2020年有3座污水处理厂超标排放。",
        "",
        "核查情况",
        "",
        "某某市人民政府对市住房和城乡建设局该项措施完成情况开展了资料审查,该措施整改到位。",
        "",
        "整改措施",
        "",
        "加快县城污水处理设施提标改造,建立运行监管台账。(立行立改)",
        "",
        "责任单位",
        "",
        "某某市人民政府",
        "",
        "责任人",
        "",
        "王建国",
        "",
        "联系电话",
        "",
        "13800001234",
        "",
        "整改主要工作及成效",
        "",
        "市住房和城乡建设局2021年5月10日完成3座污水处理厂提标改造并通过验收。该项整改措施已达到整改要求。",
    ]
)


def test_a_one_task_table_flattened_a_cell_a_line_reads_its_measure_as_the_clause():
    """A one-task 公示表 flattened a cell a line (label line, then value line): the measure is the one
    clause, its 责任单位 leads, 责任人 is the leader; problem, check, phone and report are no part of it."""
    doc = _parse(_FLAT)
    assert [(t.label, t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        ("1", ["某某市人民政府"], [], ["王建国"])
    ]
    task = doc.tasks[0]
    assert task.text.startswith("加快县城污水处理设施提标改造")
    assert "2020年" not in task.text and "2021年5月10日" not in task.text
    assert _dates(task) == [] and not any(m.kind == "ongoing" for m in task.milestones)


def test_the_same_label_lines_repeated_are_no_one_task_record():
    """A flattened table of several rows repeats its labels: it is no one-task record."""
    twice = _FLAT + "\n" + "\n".join(["整改措施", "开展第二项整治。", "责任单位", "某某县人民政府"])
    from policy_tasks.parsing.record_tables import flat_record

    lines = [(line, True) for line in twice.splitlines()]
    assert flat_record(lines) == lines


def test_a_one_task_label_value_table_reads_measure_unit_pair_date_and_person():
    """A one-task 公示表 as a two-column table: the measure is the clause (not the goal), a unit cell that
    labels its own parts (`牵头单位:A` / `责任单位:A,B`) is read as written, a place's 地委/行署 pair is one
    addressee, a spaced date keeps its year, a `责任人` cell of title and name names the person, and the
    phone row is nobody."""
    data = _docx(
        "中央生态环境保护督察反馈意见(05-01)整改措施完成情况公示表",
        [
            ("反馈问题", "自治区水利部门履行监管责任不到位,2021年发现河道违法采砂问题40起。"),
            ("核查情况", "40起问题均已完成整改。"),
            ("整改目标", "健全河道采砂监管机制,常态化开展专项整治。"),
            ("整改措施", "建立河道采砂问题整改台账,逐项制定整改方案,限时完成整改。(立行立改,2022 年 6 月 30 日前完成)"),
            ("牵头部门\n(责任单位)", "牵头单位:自治区水利厅\n责任单位:自治区水利厅,各地(市)委、行署(政府)"),
            ("责任人", "区水利厅党组成员、副厅长 赵明远"),
            ("联系电话", "0991-1234567"),
        ],
    )
    doc = parse_bytes(data, filename="t.docx", year=2023)
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["自治区水利厅"], ["各地(市)委、行署(政府)"], ["赵明远"])
    ]
    task = doc.tasks[0]
    assert task.text.startswith("建立河道采砂问题整改台账")
    assert _dates(task) == ["2022-06-30"]
    assert not any("几条合在了一起" in w.message for w in doc.warnings)


def test_a_spaced_date_keeps_its_year():
    """`2023 年 12 月 31 日` spaced on both sides of each figure is one date, its year its own."""
    assert join_spaced_dates("(立行立改,2023 年 12 月 31 日前完成)") == "(立行立改,2023年12月31日前完成)"
    assert join_spaced_dates("1.2021年8月 2.2021年12月") == "1.2021年8月 2.2021年12月"


def test_a_prefecture_party_committee_and_its_office_are_one_addressee():
    """`各地(市)委、行署(政府)`: a place's party committee and its government (a prefecture's 行署, or a
    city's 政府) are one addressee, as `各县(区)党委、政府` is."""
    assert is_party_pair("各地(市)委", "行署(政府)")
    assert is_party_pair("各地委", "行署")
    assert not is_party_pair("各地(市)委", "财政局")
    assert not is_party_pair("市发展改革委", "市政府")


_NOTICE = "\n".join(
    [
        "省环保督察反馈意见第十二项整改任务,经县委、县政府及相关部门按照整改方案的要求已完成整改任务,"
        "现将有关情况公示如下:",
        "一、整改任务",
        "省水利厅推进水土保持治理不力,“十三五”确定的治理工程到2020年底分别完成规划目标60%和45%,底数不清。",
        "二、 整改责任单位",
        "某某县水利局",
        "三、 整改完成情况",
        "某某县水土保持治理工程于2021年开工建设,2022年5月10日通过竣工验收。已完成整改任务。",
        "公示时间(2023年3月1日-3月7日),请社会各界予以监督。",
        "联系人:李主任 联系电话:13900001234",
        "某某县环保督察整改工作领导小组办公室",
        "2023年3月1日",
    ]
)


def test_a_notice_whose_numbered_sections_are_one_task_fields_is_one_clause():
    """A completion notice whose sections are the task's fields (`一、整改任务` / `二、整改责任单位` /
    `三、整改完成情况`, each a label over its value): one clause, the task, its unit the unit field's; the
    fault's own dates (`到2020年底分别完成规划目标60%`) and the completion report's are no milestones."""
    doc = _parse(_NOTICE, year=2023)
    assert [(t.label, t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [("1", ["某某县水利局"], [], [])]
    task = doc.tasks[0]
    assert task.text.startswith("省水利厅推进水土保持治理不力")
    assert _dates(task) == []
    assert "2022年5月10日" not in task.text


def test_the_notice_numbered_as_parts_is_the_same_record():
    """The notice's field sections numbered as a plan's parts (`第一部分`, `Ⅰ、`) are the same one task."""
    for style in ("第{}部分 ", "Ⅰ、"):
        text = _NOTICE
        for n, roman in (("一", "Ⅰ"), ("二", "Ⅱ"), ("三", "Ⅲ")):
            mark = style.format(n) if "{}" in style else f"{roman}、"
            text = text.replace(f"\n{n}、", f"\n{mark}")
        doc = _parse(text, year=2023)
        assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", ["某某县水利局"])]
        assert _dates(doc.tasks[0]) == []

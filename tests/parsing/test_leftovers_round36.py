"""Leftovers of the blind rounds up to 35 (docs/parsing.md), each a convention stated in a document of its own.

Written from the convention, not copied from the documents that showed it (round 34's 医改 division of work
set as a task table, round 31's dated measures, round 35's proposals 交办 list, round 33's 徐汇 plan).
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from tests.sources import builders as b


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _rows(doc):
    return [
        (t.label, t.lead_units, t.co_units, [m.due_date.isoformat() for m in t.milestones if m.due_date])
        for t in doc.tasks
    ]


# 1. A numbered heading row of a task table (`1.巩固…。主要工作目标:` spanning the table) over rows
# numbered again from 1 groups them as a `一、` row does: it is no task, and the rows are its `(1)`, `(2)`.
_HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
_GROUPS = [
    (
        "1.稳定基本养老保险参保面。主要工作目标:",
        [
            ("1", "企业职工参保人数净增3000人。", "社保中心", "", ""),
            ("2", "完成灵活就业人员参保登记扩面。", "就业服务中心", "社保中心", "2025年8月底前"),
        ],
    ),
    (
        "2.提高失业保险基金使用效益。主要工作目标:",
        [
            ("1", "兑现稳岗返还政策。", "失业保险科", "财务科", "2025年6月底前"),
            ("2", "开展技能提升补贴申领宣传。", "职业能力建设科", "财务科", "2025年11月底前"),
        ],
    ),
]
_TITLE = "某市人力资源和社会保障局2025年重点工作分工方案\n"


def _table_rows() -> list[list[str]]:
    rows = [_HEADER, ["一、社会保险扩面提质"] * 5]
    for heading, items in _GROUPS:
        rows.append([heading] * 5)
        rows.extend(list(r) for r in items)
    return rows


_EXPECTED = [
    ("1(1)", ["社保中心"], [], []),
    ("1(2)", ["就业服务中心"], ["社保中心"], ["2025-08-31"]),
    ("2(1)", ["失业保险科"], ["财务科"], ["2025-06-30"]),
    ("2(2)", ["职业能力建设科"], ["财务科"], ["2025-11-30"]),
]


def _flattened(sep: str) -> str:
    lines = []
    for row in _table_rows():
        lines.append(row[0] if len(set(row)) == 1 else sep.join(row))
    return _TITLE + "\n".join(lines) + "\n"


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_numbered_heading_row_over_rows_numbered_again_is_no_task_in_a_flattened_table(sep):
    assert _rows(_parse(_flattened(sep))) == _EXPECTED


def test_a_numbered_heading_row_over_rows_numbered_again_is_no_task_a_cell_a_line():
    # One group: serials that restart under a second heading row are not told from a cell a line yet.
    lines = list(_HEADER)
    for row in _table_rows()[1:5]:
        lines.extend([row[0]] if len(set(row)) == 1 else [c for c in row if c])
    assert _rows(_parse(_TITLE + "\n".join(lines) + "\n")) == [
        ("(1)", ["社保中心"], [], []),
        ("(2)", ["就业服务中心"], ["社保中心"], ["2025-08-31"]),
    ]


def test_a_numbered_heading_row_over_rows_numbered_again_is_no_task_in_a_docx_table():
    def build(document):
        document.add_paragraph(_TITLE.strip())
        rows = _table_rows()
        table = document.add_table(rows=len(rows), cols=len(_HEADER))
        for r, row in enumerate(rows):
            if len(set(row)) == 1:
                table.cell(r, 0).merge(table.cell(r, len(_HEADER) - 1)).text = row[0]
            else:
                for c, value in enumerate(row):
                    table.cell(r, c).text = value

    doc = parse_bytes(b.docx_bytes(build), filename="方案.docx", year=2025)
    assert _rows(doc) == _EXPECTED


def test_under_a_chinese_numbered_heading_row_alone_rows_keep_their_serials():
    # No `1.` heading row: the rows are `1`, `2` under `一、` as before (the `一.1` form where two
    # `一、` rows make the serials ambiguous).
    sep = " | "
    lines = [sep.join(_HEADER), "一、社会保险扩面提质", *(sep.join(r) for r in _GROUPS[0][1])]
    lines += ["二、就业服务提质增效", *(sep.join(r) for r in _GROUPS[1][1])]
    assert [label for label, *_ in _rows(_parse(_TITLE + "\n".join(lines) + "\n"))] == ["一.1", "一.2", "二.1", "二.2"]


# 3. A proposals 交办 list: `分办` hands each unit its own part, which it handles and answers for, so every
# 分办 unit leads; the leader who takes the lead in supervising (`领衔督办:`) is a leader, as `督办领导:` is.
def _proposals(first: str) -> str:
    return (
        "某市2025年市人大代表建议交办清单\n"
        f"1.关于加快背街小巷改造的建议。{first}\n"
        "2.关于增设社区公交微循环线路的建议。(主办单位:市交通运输局)\n"
    )


@pytest.mark.parametrize(
    "first",
    ["(分办单位:市住建局、市城管局)", "(分办:市住建局、市城管局)", "(分办部门:市住建局、市城管局)"],
)
def test_every_unit_a_proposal_is_split_between_leads(first):
    doc = _parse(_proposals(first))
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市住建局", "市城管局"], []),
        (["市交通运输局"], []),
    ]


def test_split_units_beside_a_main_handler_lead_with_it_and_helpers_still_help():
    doc = _parse(_proposals("(主办:市住建局;分办:市城管局;协办:市财政局)"))
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["市住建局", "市城管局"], ["市财政局"])


@pytest.mark.parametrize(
    "first",
    [
        "(主办单位:市住建局;领衔督办:王建国副市长)",
        "(主办单位:市住建局)\n领衔督办:王建国副市长",
        "(主办单位:市住建局)\n督办领导:王建国副市长",
    ],
)
def test_the_leader_leading_the_supervision_is_the_proposals_leader(first):
    doc = _parse(_proposals(first))
    assert [(t.label, t.lead_units, t.leaders) for t in doc.tasks] == [
        ("1", ["市住建局"], ["王建国副市长"]),
        ("2", ["市交通运输局"], []),
    ]


# 4. A leader written with the post in brackets is one leader, kept as written (the corpus README: leaders
# as in the document); a field line after the item's bracket is the item's, whatever brackets it holds,
# and never a sentence of its own with the post read as its unit.
_NAMED = "阿依古丽·买买提(县人大常委会四级调研员)"


@pytest.mark.parametrize(
    "fields",
    [
        f"(牵头单位:县住建局;配合单位:县财政局;责任领导:{_NAMED})",
        f"(牵头单位:县住建局;配合单位:县财政局)\n责任领导:{_NAMED}",
        f"\n牵头单位:县住建局\n配合单位:县财政局\n责任领导:{_NAMED}",
    ],
)
def test_a_leader_with_the_post_in_brackets_is_one_leader(fields):
    doc = _parse(
        f"某县2025年重点工作任务分解\n1.推进城区供热管网改造。{fields}\n"
        "2.新建公办幼儿园2所。(牵头单位:县教育局;责任领导:李明(副县长))\n"
    )
    assert [(t.label, t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        ("1", ["县住建局"], ["县财政局"], [_NAMED]),
        ("2", ["县教育局"], [], ["李明(副县长)"]),
    ]


def test_a_leader_column_with_the_post_in_brackets_is_one_leader():
    doc = _parse(
        "某县2025年重点工作任务分解\n序号 | 工作任务 | 责任领导 | 牵头单位 | 配合单位\n"
        f"1 | 推进城区供热管网改造。 | {_NAMED} | 县住建局 | 县财政局\n"
        "2 | 新建公办幼儿园2所。 | 李明(副县长) | 县教育局 | 县财政局\n"
    )
    assert [t.leaders for t in doc.tasks] == [[_NAMED], ["李明(副县长)"]]


def test_sentences_each_with_a_bracket_of_their_own_are_still_split():
    # The split the field lines are kept out of: two sentences, two brackets, two clauses.
    doc = _parse(
        "某县2025年重点工作任务分解\n1.推进城区供热管网改造。(县住建局牵头)推进老旧燃气管道更新改造。(县城管局牵头)\n"
        "责任领导:李明(副县长)\n"
    )
    assert [(t.label, t.lead_units, t.leaders) for t in doc.tasks] == [
        ("1-1", ["县住建局"], []),
        ("1-2", ["县城管局"], ["李明(副县长)"]),
    ]


# 5. A document that states no year of its own (read in one inferred, or entered on the review page),
# whose rows name one other year again and again (a plan period's end on every row), gets one warning
# for the document in place of one on each row; a year the document states keeps the per-row warnings.
def _period_rows(title: str) -> str:
    rows = [
        "1.推进区域教育优质均衡发展。(责任单位:区教育局)完成时间:2010年",
        "2.建成区域医疗联合体。(责任单位:区卫生局)完成时间:2010年",
        "3.新建社区文化活动中心5个。(责任单位:区文化局)完成时间:2010年",
        "4.完成老旧小区综合整治。(责任单位:区房管局)完成时间:2007年",
    ]
    return title + "\n" + "\n".join(rows) + "\n"


def _year_warnings(doc):
    return [(w.task, w.message) for w in doc.warnings if "2010年" in w.message or "2007年" in w.message]


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("某区“十一五”规划目标任务分解", 2006),  # the year a reviewer enters on the review page
        ("某区“十一五”规划目标任务分解\n发布日期:2006-05-10", None),  # inferred from the page's date
    ],
)
def test_rows_naming_one_other_year_in_a_document_stating_none_warn_once(title, year):
    doc = parse_bytes(_period_rows(title).encode(), filename="doc.txt", year=year)
    assert doc.year == 2006
    warned = _year_warnings(doc)
    assert [task for task, _ in warned] == [None, 4]
    assert "第1条至第3条共3条提到2010年" in warned[0][1] and "请核对文件年度" in warned[0][1]
    assert "第4条提到2007年" in warned[1][1]


def test_rows_naming_another_year_where_the_document_states_its_own_each_warn():
    doc = _parse(_period_rows("某区2006年“十一五”规划目标任务分解"), year=2006)
    assert [task for task, _ in _year_warnings(doc)] == [1, 2, 3, 4]


def test_two_rows_naming_another_year_each_warn():
    text = _period_rows("某区“十一五”规划目标任务分解").replace(
        "3.新建社区文化活动中心5个。(责任单位:区文化局)完成时间:2010年\n", ""
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2006)
    assert [task for task, _ in _year_warnings(doc)] == [1, 2, 4]

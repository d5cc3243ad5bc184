"""The corpus's prose followed by an annexed 重点任务分工表 that restates its measures as rows
(tests/sources/annexed_tables.py), with the prose's brackets kept or taken out; scored against the
unchanged gold: one task a clause, never the same clause twice, the units the bracket's or the
row's (`annexed_divisions`). Then made-up notices as offices write them, and a near-miss."""

from __future__ import annotations

import functools
import json

import pytest

from policy_tasks.parsing import parse_bytes
from tests.sources import annexed_tables
from tests.sources.builders import docx_bytes
from tests.sources.corpus_prose import prose_documents, score_bytes
from tests.sources.pdf_layouts import settable

# (brackets kept, task cell, layout): the prose's brackets kept or not, the row's task the clause's
# first words (`short`, its dates in 完成时限) or its whole sentence (`full`).
CASES = [
    *((kept, "short", layout) for kept in (True, False) for layout in annexed_tables.LAYOUTS),
    *((kept, "full", layout) for kept in (True, False) for layout in ("txt", "docx")),
]
# Read wrong and left so, each said in docs/parsing.md.
KNOWN_MISSES = {
    # The builder takes a heading's line for the clause's where the heading opens with the clause's
    # words (`一、减少农村扶贫对象6.76万人;实施易地扶贫搬迁…` over `1.减少农村扶贫对象6.76万人(…)`), and
    # with the brackets taken out it took out the heading's, leaving the item's: the row restates
    # the heading, and the item, under a heading whose other item the table restates, goes with it.
    (False, "full", "txt"): ["guizhou-anshun-shijianshishi-2019"],
    (False, "full", "docx"): ["guizhou-anshun-shijianshishi-2019"],
}


@functools.cache
def _documents(kept: bool, task: str) -> list[tuple[object, annexed_tables.Annexed]]:
    out = []
    for folder, text in prose_documents():
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        doc = annexed_tables.annexed(text, gold["clauses"], brackets=kept, task=task, title=gold.get("title", ""))
        if doc is not None:
            out.append((folder, doc))
    return out


def _annex_warnings(data: bytes, layout: str) -> list[str]:
    parsed = parse_bytes(data, filename=f"plan.{annexed_tables.SUFFIX[layout]}", assume_year=2026)
    return [w.message for w in parsed.warnings if "附件分工表" in w.message]


def _characters(doc: annexed_tables.Annexed) -> set[str]:
    return set(doc.body + "".join(r.task + r.lead + r.co + r.due for r in doc.plan.rows) + "".join(doc.plan.preamble))


@pytest.mark.parametrize(
    ("kept", "task", "layout"), CASES, ids=[f"{'a' if k else 'b'}-{t}-{lay}" for k, t, lay in CASES]
)
def test_the_corpus_prose_with_its_division_table_annexed_reads_each_clause_once(kept, task, layout):
    wrong, made, clauses = [], 0, 0
    for folder, doc in _documents(kept, task):
        if layout == "pdf" and not _characters(doc) <= settable():
            continue  # a character the PDF font's encoding lacks would be lost
        made += 1
        data = annexed_tables.LAYOUTS[layout](doc)
        score = score_bytes(folder, data, f"source.{annexed_tables.SUFFIX[layout]}")
        clauses += score.clauses
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} +{score.extra} {score.wrong[:3]}")
        elif kept and _annex_warnings(data, layout):
            # Bracket and row say the same: no warning that the table names other units.
            wrong.append(f"{folder.name}: warned that the annex disagrees")
    # 78 documents, 224 clauses on 2026-12-06 (75 and 206 as PDF).
    assert made >= 70 and clauses >= 200
    assert [w.split(":")[0] for w in wrong] == KNOWN_MISSES.get((kept, task, layout), []), wrong


_PROSE = [
    "测县人民政府关于印发测县2024年重点工作实施方案的通知",
    "一、产业发展",
    "1.加快推进产业园建设,6月底前完成一期主体工程。{b1}",
    "2.实施农村公路提升工程,新改建农村公路30公里。{b2}",
    "二、民生保障",
    "3.新建幼儿园2所,扩大普惠性学前教育资源。{b3}",
]
_BRACKETS = (
    "(牵头单位:县发改局;配合单位:县财政局)",
    "(责任单位:县交通运输局)",
    "(牵头单位:县教育局;配合单位:县住建局)",
)
_ROWS = [
    ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
    ("1", "加快推进产业园建设", "县发改局", "县财政局", "2024年6月底前"),
    ("2", "实施农村公路提升工程", "县交通运输局", "", "2024年12月底前"),
    ("3", "新建幼儿园2所", "县教育局", "县住建局", "2024年9月底前"),
]
_EXPECTED = [
    ("1", ["县发改局"], ["县财政局"], 1),
    ("2", ["县交通运输局"], [], 1),
    ("3", ["县教育局"], ["县住建局"], 2),
]


def _prose(brackets: bool) -> list[str]:
    b = dict(zip(("b1", "b2", "b3"), _BRACKETS if brackets else ("", "", ""), strict=True))
    return [line.format(**b) for line in _PROSE]


def _piped(brackets: bool, rows=_ROWS) -> bytes:
    lines = [*_prose(brackets), "附件", "测县2024年重点工作任务分工表", *(" | ".join(r) for r in rows)]
    return "\n".join(lines).encode("utf-8")


def _tasks(data: bytes, name: str = "plan.txt"):
    parsed = parse_bytes(data, filename=name, assume_year=2024)
    return [(t.label, t.lead_units, t.co_units, t.area) for t in parsed.tasks]


@pytest.mark.parametrize("brackets", [True, False], ids=["brackets", "no-brackets"])
def test_an_annexed_division_table_restating_the_prose_gives_each_measure_once(brackets):
    # The prose's items stand (their whole text, their headings); a row that restates one is dropped,
    # its units the item's where the item names none.
    assert _tasks(_piped(brackets)) == _EXPECTED
    tasks = parse_bytes(_piped(brackets), filename="plan.txt").tasks
    assert tasks[0].text.startswith("加快推进产业园建设,6月底前完成一期主体工程")
    # Without its bracket the item takes the row's 完成时限; with it, the bracket's item stands as written.
    dates = {m.due_date.isoformat() for m in tasks[2].milestones if m.due_date}
    assert dates == ({"2024-12-31"} if brackets else {"2024-09-30"})


def test_an_annexed_division_table_in_word_restating_the_prose_gives_each_measure_once():
    def build(document) -> None:
        for line in [*_prose(False), "附件", "测县2024年重点工作任务分工表"]:
            document.add_paragraph(line)
        table = document.add_table(rows=len(_ROWS), cols=len(_ROWS[0]))
        for row, values in zip(table.rows, _ROWS, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    assert _tasks(docx_bytes(build), "plan.docx") == _EXPECTED


def test_a_row_naming_a_measure_by_its_short_title_restates_it():
    # `(一)普法与宣传。…` restated as `普法与宣传`: a title of five characters, its whole first sentence.
    lines = [
        "测市优化营商环境重点任务",
        "(一)普法与宣传。加强对一线工作人员培训和普法。",
        "(二)证照分离改革。实现证照分离改革全覆盖。",
        "附件",
        "测市优化营商环境重点任务分工表",
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
        "1 | 普法与宣传 | 市司法局 | 市委宣传部 | ",
        "2 | 证照分离改革 | 市市场监管局 |  | ",
    ]
    assert _tasks("\n".join(lines).encode("utf-8")) == [
        ("(一)", ["市司法局"], ["市委宣传部"], None),
        ("(二)", ["市市场监管局"], [], None),
    ]


def test_an_annexed_table_of_other_tasks_is_read_beside_the_prose():
    # Near-miss: an annex listing projects the prose does not state is a list of its own.
    rows = [
        _ROWS[0],
        ("1", "建设城南污水处理厂", "县住建局", "", "2024年12月底前"),
        ("2", "改造老旧小区5个", "县住建局", "各街道", "2024年10月底前"),
    ]
    tasks = _tasks(_piped(True, rows))
    assert [t[1:] for t in tasks] == [
        *(t[1:] for t in _EXPECTED),
        (["县住建局"], [], None),
        (["县住建局"], ["各街道"], None),
    ]


def test_the_annex_label_in_a_pdf_is_no_end_of_the_paragraph_above():
    """GB/T 9704 sets `附件` on a line of its own; where the paragraph above ran to the right margin
    the reader joined the label to it (`…(牵头单位:市住建局)附件`), and the annex was no part of its own."""
    from policy_tasks.parsing.sources import Table, read_source
    from tests.sources.pdf_tables import render

    # A clause whose second line ends at the landscape page's right margin, under a paragraph of full lines.
    bracket = "(牵头单位:市住建局)"
    clause = ("1.开工建设济源城市综合体项目," + "建设集商业、娱乐、体育、文化于一体的综合性服务设施" * 6)[
        : 166 - len(bracket)
    ]
    rows = (
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("1", "开工建设济源城市综合体项目", "市住建局", "", ""),
    )
    blocks = [
        "测市2021年重点工作",
        "这是一段说明文字。" * 12,
        clause + bracket,
        "附件",
        "测市重点任务分工表",
        Table(rows),
    ]
    data = render(blocks, landscape=True)
    assert "附件" in read_source(data, "p.pdf").blocks
    parsed = parse_bytes(data, filename="p.pdf", assume_year=2021)
    assert [(t.lead_units, t.text[:14]) for t in parsed.tasks] == [(["市住建局"], "开工建设济源城市综合体项目,")]


def test_a_piped_row_opening_with_its_serial_keeps_its_task_that_reads_as_units():
    """` | ` rows whose empty cells end the line (`2 | …县、…县 | 省农业厅 |  | `): the row read short
    and its cells were placed where they fit best, the serial under 重点任务 and the task, a list of
    counties' kinds, under 牵头单位. A row that opens with its 序号 lost no cell at its start."""
    lines = [
        "测省2015年重点工作分工",
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
        "1 | 继续实施“十百千万”工程 | 省农业厅 |  | ",
        "2 | 切实抓好粮食主产县、旱作高产县 | 省农业厅 |  | ",
        "3 | 高质量建设崂山实验室 | 省科技厅 | 省财政厅 | ",
    ]
    tasks = parse_bytes("\n".join(lines).encode("utf-8"), filename="plan.txt", assume_year=2015).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["省农业厅"], []),
        ("2", ["省农业厅"], []),
        ("3", ["省科技厅"], ["省财政厅"]),
    ]
    assert tasks[1].text.startswith("切实抓好粮食主产县、旱作高产县")


def test_a_row_restating_a_heading_over_the_prose_clauses_is_no_task_of_its_own():
    # The table lists the plan's measures one level up: `二、民生保障` divided into the prose's
    # clauses, which say who does each part; the row adds no task.
    rows = [
        _ROWS[0],
        _ROWS[1],
        _ROWS[2],
        ("3", "民生保障", "县教育局", "县住建局", "2024年9月底前"),
    ]
    assert _tasks(_piped(True, rows)) == _EXPECTED


def test_a_row_naming_other_units_than_its_measure_leaves_the_text_and_says_so():
    # The prose's bracket stands (the text is what was issued), and the reviewer is told the table
    # says otherwise; rows that agree, a name spelled another way included, say nothing.
    rows = [_ROWS[0], _ROWS[1], ("2", "实施农村公路提升工程", "县农业农村局", "", ""), _ROWS[3]]
    parsed = parse_bytes(_piped(True, rows), filename="plan.txt", assume_year=2024)
    assert [(t.label, t.lead_units, t.co_units, t.area) for t in parsed.tasks] == _EXPECTED
    notes = [w for w in parsed.warnings if "附件分工表" in w.message]
    assert [w.line for w in notes] == [4]  # the clause `2.实施农村公路提升工程…`
    assert not [
        w for w in parse_bytes(_piped(True), filename="plan.txt", assume_year=2024).warnings if "附件" in w.message
    ]

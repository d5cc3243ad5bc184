"""The corpus's prose documents set as the task table offices send the same plan as (.docx and .xlsx:
序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, the plan's headings as merged rows) read as annotated.

Built by tests/sources/table_swaps.py from each document's text and gold; scored against the unchanged
gold. No database."""

from __future__ import annotations

import json

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.scoring import score_folder
from tests.sources import table_swaps
from tests.sources.builders import docx_bytes
from tests.sources.corpus_prose import prose_documents

BUILDERS = {"docx": table_swaps.docx_source, "xlsx": table_swaps.xlsx_source}
# Of the 68 prose documents, those whose clauses each hold their units in one bracket on their line
# (37 on 2026-12-04): fewer would mean the swap stopped finding them, not that they read right.
FEWEST = 35


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_the_corpus_prose_set_as_a_task_table_reads_as_annotated(kind, tmp_path):
    wrong, made, clauses = [], 0, 0
    for folder, text in prose_documents():
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        plan = table_swaps.table_plan(text, gold["clauses"])
        if plan is None:
            continue
        made += 1
        case = table_swaps.write_case(folder, tmp_path, BUILDERS[kind](plan), kind)
        score = score_folder(case, current_year=2026)
        clauses += score.clauses
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} +{score.extra} {score.wrong[:3]}")
    assert made >= FEWEST
    assert clauses >= 100
    assert wrong == []


def test_a_co_unit_cell_of_counties_in_a_table_whose_last_column_is_empty_stays_in_its_column():
    # A flattened page slides a row's cells left under a merged unit cell, emptying its last cell;
    # a real table whose 完成时限 column is empty throughout slid nothing, and a cell of county
    # names is the counties that answer, not a progress note.
    rows = [
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("1", "减少农村扶贫对象6.76万人。", "市扶贫办", "各县区", ""),
        ("2", "实施易地扶贫搬迁18695人。", "市移民局", "西秀区、普定县、镇宁自治县", ""),
    ]

    def build(document) -> None:
        document.add_paragraph("测市2019年十件实事责任分工")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    parsed = parse_bytes(docx_bytes(build), filename="plan.docx")
    assert [(t.lead_units, t.co_units) for t in parsed.tasks] == [
        (["市扶贫办"], ["各县区"]),
        (["市移民局"], ["西秀区", "普定县", "镇宁自治县"]),
    ]

"""Conventions met where session 28's branches met each other's tests (docs/parsing.md).

A closing section naming no unit (`(二)有关要求`, `(二)保障措施`) is no clause (session 28's leftovers); where the
outline, having no place above the plan's last heading, nests it under that heading's one clause, it is still
the plan's closing words and leaves the heading over that one clause: the clause is the item, not the heading
with the requirements swallowed. Made-up documents: a target table flattened a cell a line, and prose plans.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)


def _flat_table(closing: str) -> str:
    cells = [
        *"某某县2023年乡镇目标任务分解表 (一)综合目标".split(),
        *"类别 考核指标 全县 城关镇 河口镇 山前乡 分值 责任单位".split(),
        *"经济发展 固定资产投资(亿元) 60 30 20 10 20 县发展改革局".split(),
        *"民生保障 新增城镇就业(人) 3000 1500 1000 500 10 县人力资源社会保障局".split(),
    ]
    return "\n\n".join(cells) + f"\n\n{closing}\n\n各乡镇要对照目标任务,细化分解到村,确保全面完成。"


@pytest.mark.parametrize("closing", ["(二)有关要求", "(二)保障措施", "(二)工作要求"])
def test_a_closing_section_after_a_flattened_tables_last_group_is_no_part_of_its_row(closing):
    doc = _parse(_flat_table(closing))
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1", ["县发展改革局"]),
        ("2", ["县人力资源社会保障局"]),
    ]
    assert all("细化分解" not in t.text for t in doc.tasks)


_PROSE = """某某县2023年民生实事工作方案
一、社会事业
(一)新建城市书房1个,年底前建成开放。(责任单位:县文广旅局)
(二)改造老旧小区10个,10月底前完工。(责任单位:县住建局)
二、环境整治
(一)新改建公厕5座,9月底前完成。(责任单位:县城管局)
{closing}
各乡镇要对照任务,细化分解到村,确保全面完成。
"""


@pytest.mark.parametrize("closing", ["(二)保障措施", "(二)措施和要求"])
def test_a_closing_section_under_a_heading_over_one_measure_leaves_the_measure_a_clause(closing):
    doc = _parse(_PROSE.format(closing=closing))
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("一(一)", ["县文广旅局"]),
        ("一(二)", ["县住建局"]),
        ("二(一)", ["县城管局"]),
    ]
    assert all("细化分解" not in t.text for t in doc.tasks)


def test_a_closing_section_that_names_its_unit_is_a_clause_beside_the_measure():
    """Near miss: `(二)有关要求(县政府督查室负责)` names its own unit, so it is a clause of the heading as before."""
    doc = _parse(_PROSE.format(closing="(二)有关要求(县政府督查室负责)"))
    assert [(t.label, t.lead_units) for t in doc.tasks][2:] == [
        ("二(一)", ["县城管局"]),
        ("二(二)", ["县政府督查室"]),
    ]


def test_a_silent_measure_beside_the_one_clause_is_still_read_as_before():
    """Near miss: a silent item that is no closing section (`(二)加强宣传引导`) is a measure that forgot its unit,
    not the plan's closing words: it is a clause beside the measure, as before this convention."""
    doc = _parse(_PROSE.format(closing="(二)加强宣传引导"))
    assert [(t.label, t.lead_units) for t in doc.tasks][2:] == [
        ("二(一)", ["县城管局"]),
        ("二(二)", ["各乡镇"]),  # its sentence's subject charges it, as outside a closing section
    ]

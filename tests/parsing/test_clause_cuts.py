"""`clause.cut_clause`: one helper cuts an item at the offsets a splitter finds, labelling and placing each part."""

from __future__ import annotations

from policy_tasks.parsing.clause import Clause, cut_clause, spans_from
from policy_tasks.parsing.outline_node import Node


def _clause() -> Clause:
    node = Node("cn", 3, "三", 10)
    # Three source lines; the second part starts mid-line, on line 11.
    text = "组织领导\n县环保局。负责监督。县农委。负责巡查。\n县交通局。负责…"
    return Clause(node, text, [(0, 10), (5, 11), (25, 12)], "三", None)


def test_parts_are_labelled_in_order_and_stripped() -> None:
    clause = _clause()
    parts = cut_clause(clause, spans_from([5, 15], len(clause.text)))
    assert [p.label for p in parts] == ["三-1", "三-2"]
    assert [p.text for p in parts] == ["县环保局。负责监督。", "县农委。负责巡查。\n县交通局。负责…"]


def test_a_part_opens_on_the_line_its_start_stands_on() -> None:
    clause = _clause()
    parts = cut_clause(clause, spans_from([5, 15], len(clause.text)))
    assert parts[1].offsets == [(0, 11), (10, 12)]


def test_lines_in_part_keeps_only_the_lines_starting_inside() -> None:
    clause = _clause()
    parts = cut_clause(clause, spans_from([5, 15], len(clause.text)), lines_in_part=True)
    assert parts[0].offsets == [(0, 11)]
    assert parts[1].offsets == [(10, 12)]
    # A part no line starts inside stands on the item's own line.
    assert cut_clause(clause, [(15, 20)], lines_in_part=True)[0].offsets == [(0, 10)]

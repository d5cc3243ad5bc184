"""The corpus's prose documents rewritten into other conventions of the genre read as annotated.

Each case rewrites only where a document writes the source form (tests/parsing/convention_swaps.py)
and scores the documents it changed against their unchanged gold. No database."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.scoring import GoldClause
from tests.parsing import convention_swaps as swaps
from tests.sources.corpus_prose import misread, prose_documents

DOCUMENTS = prose_documents()
Swap = Callable[[str, list[GoldClause]], str]

CASES: dict[str, tuple[Swap, int]] = {
    # case: (rewrite, fewest documents it must change, so that no case passes by changing nothing)
    "lead-and-co-labels": (swaps.lead_and_co_labels, 10),
    "lead-and-co-words": (swaps.lead_and_co_words, 10),
    "one-unit-list": (swaps.one_list, 5),
    "label-lines": (swaps.label_lines, 4),
    "hexagonal-brackets": (swaps.bracket_kind("〔"), 25),
    "lenticular-brackets": (swaps.bracket_kind("【"), 25),
    "square-brackets": (swaps.bracket_kind("["), 25),
    "other-width": (swaps.other_width, 25),
    "numbers-with-dun": (swaps.clause_numbers("1、"), 30),
    "numbers-in-full-width-brackets": (swaps.clause_numbers("（1）"), 30),
    "numbers-in-brackets": (swaps.clause_numbers("(1)"), 30),
    # `1)` / `1）`, also inline after a sentence in a paragraph that lost its line breaks.
    "numbers-with-closing-bracket": (swaps.clause_numbers("1)"), 30),
    "numbers-with-full-width-closing-bracket": (swaps.clause_numbers("1）"), 30),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_corpus_prose_in_another_convention_reads_as_annotated(case):
    rewrite, fewest = CASES[case]
    wrong, changed = [], 0
    for folder, text in DOCUMENTS:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        swapped = rewrite(text, gold["clauses"])
        if swapped == text:
            continue
        changed += 1
        if (error := misread(folder, swapped)) is not None:
            wrong.append(error)
    assert changed >= fewest
    assert wrong == []


def test_the_swaps_keep_what_the_gold_does_not_read_the_same_way():
    gold: list[GoldClause] = [{"ref": "1", "lead": ["市发改委"], "co": ["市财政局"]}]
    text = "1.甲。(责任单位:市发改委、市财政局)\n2.乙。(责任单位:市财政局、市发改委)\n3.丙。(责任单位:市发改委等部门)"
    assert swaps.lead_and_co_words(text, gold).splitlines() == [
        "1.甲。(市发改委牵头,市财政局配合)",
        "2.乙。(责任单位:市财政局、市发改委)",  # the gold reads this order otherwise
        "3.丙。(责任单位:市发改委等部门)",  # not a bare list of names
    ]
    numbered = "一、总则\n1.甲。(市发改委)\n（1）细项\n2.乙。\n3.2011年以来。"
    assert swaps.clause_numbers("（1）")(numbered, gold) == numbered  # `（1）` is another level here
    assert swaps.clause_numbers("1、")(numbered, gold).splitlines()[1::2] == ["1、甲。(市发改委)", "2、乙。"]


def test_an_item_named_with_figures_follows_a_clause_closed_by_any_bracket():
    # `11.121人才梯队项目` reads like a decimal; it is the next item where the one before it
    # has finished, and a responsibility bracket finishes it whichever bracket the office uses.
    for opener, closer in ("()", "〔〕", "【】", "[]"):
        doc = parse_document(
            "某市2012年人才集聚工程实施意见\n一、人才行动计划\n"
            f"10.特聘岗位项目。择优设置特聘岗位。{opener}牵头单位:市人社局{closer}\n"
            f"11.121人才梯队项目。重点培养院士后备人才。{opener}牵头单位:市科技局{closer}\n"
        )
        assert [(t.number, t.lead_units) for t in doc.tasks] == [(10, ["市人社局"]), (11, ["市科技局"])]

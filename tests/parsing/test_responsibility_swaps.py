"""The corpus's prose documents with their responsibility brackets in more forms of the genre, read as annotated.

Each case rewrites only where a document writes the source form (tests/parsing/responsibility_swaps.py) and
the clause's gold reads it as the target form says, and scores the documents it changed against their
unchanged gold. No database."""

from __future__ import annotations

import json

import pytest

from policy_tasks.parsing.scoring import GoldClause
from tests.parsing import responsibility_swaps as swaps
from tests.sources.corpus_prose import misread, prose_documents

DOCUMENTS = prose_documents()

CASES: dict[str, tuple[swaps.Swap, int]] = {
    # case: (rewrite, fewest documents it must change, so that no case passes by changing nothing)
    "sentence-after-led-by": (swaps.trailing_sentence("由", "配合", "由{}负责"), 14),
    "sentence-after-taking-part": (swaps.trailing_sentence("", "参与", "{}负责"), 14),
    "due-date-in-bracket": (swaps.due_in_bracket, 8),
    "labels-spaced-apart": (swaps.spaced_labels, 15),
    "role-words-spaced-apart": (swaps.spaced_words, 15),
    "lead-marked-in-list": (swaps.lead_marked, 10),
    "main-and-joint-labels": (swaps.main_and_joint, 15),
    "host-and-assist-labels": (swaps.host_and_assist, 15),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_corpus_prose_with_responsibility_in_another_form_reads_as_annotated(case):
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
    gold: list[GoldClause] = [
        {"ref": "1", "start": "甲", "lead": ["市发改委"], "co": ["市财政局"]},
        {"ref": "2", "start": "乙", "lead": ["市财政局"], "co": [], "milestones": [{"date": "2023-10-31"}]},
        {"ref": "3-1", "start": "丙", "lead": ["市发改委"], "co": ["市财政局"]},
    ]
    text = "1.甲。(责任单位:市发改委、市财政局)\n2.乙。(责任单位:市财政局)\n3.丙。(责任单位:市发改委、市财政局)丁。"
    assert swaps.trailing_sentence("由", "配合", "由{}负责")(text, gold).splitlines() == [
        "1.甲。由市发改委牵头,市财政局配合。",
        "2.乙。由市财政局负责。",
        "3.丙。(责任单位:市发改委、市财政局)丁。",  # not closing its line; and the gold cuts item 3 at brackets
    ]
    assert swaps.due_in_bracket(text, gold).splitlines()[:2] == [
        "1.甲。(责任单位:市发改委、市财政局)",  # the gold dates nothing of item 1
        "2.乙。(责任单位:市财政局;完成时限:2023年10月底前)",
    ]
    assert swaps.lead_marked(text, gold).splitlines()[:2] == [
        "1.甲。(责任单位:市发改委(牵头)、市财政局)",
        "2.乙。(责任单位:市财政局)",
    ]
    assert swaps.spaced_words(text, gold).splitlines()[:2] == [
        "1.甲。(市发改委 牵头;市财政局 配合)",
        "2.乙。(市财政局 负责)",
    ]
    assert swaps.spaced_labels(text, gold).splitlines()[0] == "1.甲。(牵头单位:市发改委 配合单位:市财政局)"
    assert swaps.main_and_joint(text, gold).splitlines()[0] == "1.甲。(主责单位:市发改委;协同单位:市财政局)"
    assert swaps.host_and_assist(text, gold).splitlines()[0] == "1.甲。(主办:市发改委;协办:市财政局)"

"""Conventions met in blind round 16 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document

_HEAD = "某市人民政府办公室\n某市2025年促消费工作方案\n一、稳定就业\n"


def test_a_carry_sentence_that_begins_with_this_item_governs_it_and_the_items_after():
    # `此项及以下任务均需A落实,不再列出` inside the first item's bracket, after its own unit: the
    # item's own unit leads, A shares this item and every later one; the sentence after it
    # (`各责任单位按职责分工落实`) names no unit.
    doc = parse_document(
        _HEAD + "1.稳岗扩岗。落实吸纳就业补贴。〔市人社局,此项及以下任务均需各区县政府落实,不再列出。"
        "各责任单位按职责分工落实〕\n"
        "2.支持创业。落实创业担保贷款贴息。(市人社局、市财政局)\n"
        "3.技能培训。开展职业技能培训。(市教育局)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市人社局"], ["各区县政府"]),
        (["市人社局"], ["市财政局", "各区县政府"]),
        (["市教育局"], ["各区县政府"]),
    ]


def test_a_carry_sentence_after_a_comma_leaves_the_units_before_it_to_their_item():
    # `(A,以下任务均需B落实,不再列出)`: B is carried to the later items only.
    doc = parse_document(
        _HEAD + "1.稳岗扩岗。落实吸纳就业补贴。(市人社局,以下任务均需各区县政府落实,不再列出)\n"
        "2.支持创业。落实创业担保贷款贴息。(市人社局)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市人社局"], []),
        (["市人社局"], ["各区县政府"]),
    ]

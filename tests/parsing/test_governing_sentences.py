"""A carry sentence on a line of its own (`以下各项任务均需A落实,不再单独列出`) governs the clauses after it."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document

_ITEMS = "一、基础设施建设\n{under}1.完成县道改造30公里。(县交通局牵头)\n2.新建社区服务中心。(县民政局)\n二、社会事业\n1.改造敬老院3所。(县卫健局)\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "以下各项任务均需各乡镇落实,不再单独列出。",
        "(注:以下各项任务均需各乡镇落实,不再逐一列出)",
        "以下各项措施均由各乡镇负责落实,不再一一列出。",
    ],
)
def test_a_sentence_before_the_list_governs_every_clause(sentence: str) -> None:
    doc = "某县2026年民生工程实施方案\n" + sentence + "\n" + _ITEMS.format(under="")
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["县交通局"], ["各乡镇"]),
        (["县民政局"], ["各乡镇"]),
        (["县卫健局"], ["各乡镇"]),
    ]


def test_a_sentence_under_a_heading_governs_that_section_only() -> None:
    doc = "某县2026年民生工程实施方案\n" + _ITEMS.format(under="以下各项任务均需各乡镇落实,不再单独列出。\n")
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["县交通局"], ["各乡镇"]),
        (["县民政局"], ["各乡镇"]),
        (["县卫健局"], []),
    ]


def test_a_notice_asking_for_work_without_the_carry_words_adds_no_one() -> None:
    doc = "某县2026年民生工程实施方案\n请各乡镇认真抓好落实。\n" + _ITEMS.format(under="")
    assert all(t.co_units == [] for t in parse_document(doc, assume_year=2026).tasks)

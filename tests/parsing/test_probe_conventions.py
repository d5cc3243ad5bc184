"""Conventions a probe of the corpus in other layouts found misread, each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a paragraph that lost its line
breaks numbering its items `1)` / `1）` inline after each sentence (the corpus's `1.` lists rewritten so).
The table case (a merged heading row over `A(别名)(牵头)` unit cells) is in tests/sources/test_heading_row_tables.py.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParseError
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_names import looks_like_units, names_units


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_RUN_TOGETHER = (
    "测县2024年为民办实事任务分工。为切实办好民生实事,现将任务分解如下。"
    "{n1}新建城区幼儿园2所,新增学位540个。责任单位:县教育局、县住建局。"
    "{n2}改造老旧小区12个,惠及居民1800户(包括加装电梯、管网改造)。责任单位:县住建局。"
    "{n3}实施农村公路提升工程,完成投资比上年增长12%(含配套资金)。责任单位:县交通运输局、各镇人民政府。"
)


@pytest.mark.parametrize("close", [")", "）", "."])
def test_items_numbered_with_a_closing_bracket_inline_after_sentences_are_the_items(close):
    doc = _parse(_RUN_TOGETHER.format(**{f"n{n}": f"{n}{close}" for n in (1, 2, 3)}))
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["县教育局"], ["县住建局"]),
        (2, ["县住建局"], []),
        (3, ["县交通运输局"], ["各镇人民政府"]),
    ]


def test_a_closing_bracket_after_a_figure_or_a_bracket_is_no_number():
    # `(包括…)2)`, `增长12%)`, `(第2)`: the bracket closes what stands before it; only `N)` right after a
    # sentence's end, in order, numbers an item.
    text = (
        "测县2024年重点工作。全年完成投资增长12%)。做好下列工作(包括1)项目储备和2)项目申报)。"
        "1)推进产业园建设。责任单位:县发改局。2)新建幼儿园2所。责任单位:县教育局。"
    )
    doc = _parse(text)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县发改局"]), (2, ["县教育局"])]
    assert "项目储备" not in " ".join(t.title for t in doc.tasks)


def test_numbers_out_of_order_inline_cut_nothing():
    # `…。3)…。7)` runs through no list: the paragraph holds no numbered item.
    with pytest.raises(ParseError):
        _parse("测县2024年重点工作。推进产业园建设。3)新建幼儿园2所。责任单位:县教育局。7)完成年度任务。")


def test_a_list_announced_by_a_colon_starts_at_its_first_item():
    text = "测县2024年重点工作任务如下:1)推进产业园建设。责任单位:县发改局。2)新建幼儿园2所。责任单位:县教育局。"
    doc = _parse(text)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县发改局"]), (2, ["县教育局"])]


@pytest.mark.parametrize(
    "cell",
    [
        "县发改局(粮食局)(牵头)、各镇人民政府、测县经济开发区",
        "县发改局（粮食局）（牵头）、各镇人民政府",
        "县发改局(粮食局)〔牵头〕",
        "县财政局、县发改局(粮食局)(主办)",
    ],
)
def test_a_unit_with_its_other_name_before_its_lead_mark_is_a_unit(cell):
    assert looks_like_units(normalise(cell))
    assert names_units(cell)

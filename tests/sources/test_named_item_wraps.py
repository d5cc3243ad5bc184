"""A project list's item line (`02 项目名称:X`, `named_item_lines`) starts anew where a page's line broke: the
line before it may run to the page's width (a sentence that happened to fill it), and the item's number still
opens a new line, as an outline number does (`unwrap.OUTLINE_RE`), in a text copied out of a viewer, a PDF's or
an OFD's lines. A line opening with a count (`15 个项目…`) goes on the line before. Made-up documents; no database."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.sources.unwrap import OUTLINE_RE, unwrap
from tests.sources.builders import ofd_bytes

# Each item's last sentence is 28 characters, a line of GB/T 9704's page: it fills the line exactly.
_LIST = [
    "某某县2023年民生实事项目进展情况汇报",
    "01 项目名称:建设城市书房",
    "项目内容:",
    "新建城市书房1个,配合县图书馆完成一卡通项目,开展文化惠民活动,年底前建成开放。",
    "责任单位:",
    "县文广旅局",
    "进展与成效:",
    "书房已确定建设地址,建设规划已进入最终审核阶段现已完成。",
    "02 实事名称:改造老旧小区",
    "项目内容:",
    "改造老旧小区10个,同步改造小区雨污管网和供水管网,加装电梯20部,10月底前完工。",
    "责任单位:",
    "县住建局",
    "进展与成效:",
    "小区改造已完成设计招标,施工队伍已进场开展管网改造工作。",
    "03 项目名称:新改建公厕",
    "项目内容:",
    "新改建城区公共厕所5座,推进农村厕所革命,改造农村户厕500户,9月底前完成。",
    "责任单位:",
    "县城管局",
]


def _tasks(doc) -> list[tuple[str, list[str]]]:
    return [(t.label, t.lead_units) for t in doc.tasks]


_READ = [("01", ["县文广旅局"]), ("02", ["县住建局"]), ("03", ["县城管局"])]


def test_the_filled_lines_are_a_page_lines_width():
    assert len(_LIST[7]) == 28 and len(_LIST[14]) == 28


@pytest.mark.parametrize(("per_char_every", "width"), [(3, 28), (2, 28), (0, 28)], ids=["third", "half", "none"])
def test_an_item_line_after_a_full_line_of_an_ofd_starts_anew(per_char_every, width):
    data = ofd_bytes(_LIST, per_char_every=per_char_every, width_chars=width)
    assert _tasks(parse_bytes(data, filename="汇报.ofd", year=2023, assume_year=2026)) == _READ


def test_an_item_line_after_a_full_line_of_copied_text_starts_anew():
    """Wrapped as a viewer copies it, each long paragraph broken at 28 characters. (A guard: copied text read
    these lines before, its items' numbers counting on as a flattened table's row serials do.)"""
    lines = []
    for paragraph in _LIST:
        lines.extend(paragraph[i : i + 28] for i in range(0, len(paragraph), 28))
    joined = unwrap(lines)
    assert joined[3] == _LIST[3]  # the page's width is read: a wrapped paragraph is joined
    assert joined[7:9] == ["书房已确定建设地址,建设规划已进入最终审核阶段现已完成。", "02 实事名称:改造老旧小区"]
    assert joined[14:16] == ["小区改造已完成设计招标,施工队伍已进场开展管网改造工作。", "03 项目名称:新改建公厕"]


@pytest.mark.parametrize("line", ["02 项目名称:改造老旧小区", "3 实事名称:新改建公厕", "12 工程名称:城东水厂"])
def test_a_number_before_a_name_field_is_an_item_number(line):
    assert OUTLINE_RE.match(line)


@pytest.mark.parametrize("line", ["15 个项目名称已确定", "2023 年项目名称:", "项目名称:改造老旧小区", "20 项目名称"])
def test_a_count_or_a_lone_field_is_no_item_number(line):
    """Near misses: a count going on the sentence before, a year, a one-project record's field, no colon."""
    assert not OUTLINE_RE.match(line)

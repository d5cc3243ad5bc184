"""A document of the genre in a layout no reader knows is read, not refused (issue 12: "no well-formed document
of the genre is refused; where it is unsure it says so"): each paragraph that names units is an item, and the
document carries a warning asking the reviewer to check every one. Blind rounds 58–75 found seven documents
refused at first look, each in a layout of its own; the reviewer could correct none of them."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from tests.sources.builders import docx_bytes

_NOTICE = [
    "关于城区环境问题的通报",
    "各有关单位:",
    "近期检查发现以下问题,请抓紧整改。",
    "解放路沿街商铺占道经营严重(责任单位:市城管局、解放街道),限6月底前整改到位。",
    "人民公园公厕卫生差,地面有积水。由市园林局负责。",
    "请各单位按要求落实,整改情况于7月5日前报市创建办。",
]


def _warnings(doc) -> list[str]:
    return [w.message for w in doc.warnings if w.task is None]


def test_paragraphs_naming_units_are_read_as_items_with_a_warning():
    doc = parse_bytes("\n".join(_NOTICE).encode(), filename="notice.txt", year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["市城管局"], ["解放街道"]),
        ("2", ["市园林局"], []),
    ]
    assert [m.due_date for m in doc.tasks[0].milestones if m.kind == "deadline"] == [date(2024, 6, 30)]
    assert "未找到编号条款,已把写有责任单位的2段各读作一条,请逐条核对" in _warnings(doc)[0]


def test_the_same_in_a_word_file():
    def build(document):
        for paragraph in _NOTICE:
            document.add_paragraph(paragraph)

    doc = parse_bytes(docx_bytes(build), filename="notice.docx", year=2024)
    assert [t.lead_units for t in doc.tasks] == [["市城管局"], ["市园林局"]]


def test_a_single_paragraph_naming_a_unit_is_still_refused():
    with pytest.raises(ParseError, match="未找到编号条款"):
        parse_bytes("\n".join(_NOTICE[:4] + _NOTICE[5:]).encode(), filename="notice.txt", year=2024)


def test_field_lines_and_salutations_are_no_items():
    text = "\n".join(
        ["工作领导小组", "成员单位:市城管局、市园林局、解放街道", "市城管局、市园林局:", "请做好相关工作。"]
    )
    with pytest.raises(ParseError, match="未找到编号条款"):
        parse_bytes(text.encode(), filename="notice.txt", year=2024)


def test_a_numbered_plan_gets_no_such_warning():
    text = "一、重点任务\n1.清理违规广告牌。(责任单位:市城管局)\n2.整治背街小巷。(责任单位:各街道)\n"
    doc = parse_bytes(text.encode(), filename="plan.txt", year=2024)
    assert not [m for m in _warnings(doc) if "未找到编号条款" in m]

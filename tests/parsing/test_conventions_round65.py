"""Conventions met in blind round 65 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a county 指挥部's meeting note whose
decisions are one unnumbered paragraph of `;`-separated orders, each naming its task first and then who leads
it, `X由<person>牵头,<unit>落实`, one naming its leader only and one its own 督导组). At the round's first look the
note was refused; once its orders were found, the task before `由` was read as part of the lead unit's name and
the person as a unit.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.sources import Table
from policy_tasks.parsing.task_first_orders import order_charge, order_opening, task_then_lead
from policy_tasks.parsing.units import read_responsibility
from tests.sources.pdf_tables import render


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_NOTE = (
    "县创文指挥部召开周调度会\n"
    "3月5日上午,县创文指挥部在县政府召开周调度会,听取各工作组进展情况汇报。\n"
    "会议决定:要按照“补短板、强弱项”要求,全力冲刺迎检工作。"
    "老城区背街小巷整治由李建华牵头,城关镇落实;"
    "农贸市场提升改造由赵敏牵头,县商务局落实,县市场监管局派员驻点指导;"
    "公益广告补设由县委宣传部牵头,县城管局落实;"
    "火车站周边秩序整治由孙伟牵头,连夜组织人员排查;"
    "督查组负责每周向指挥部报送整改进度。\n"
)


def test_each_order_names_its_task_then_who_leads_it():
    doc = _parse(_NOTE)
    assert [(t.number, t.title, t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        # A person who 牵头 is a leader; the unit that 落实 carries the work out and leads.
        (1, "老城区背街小巷整治", ["城关镇"], [], ["李建华"]),
        (2, "农贸市场提升改造", ["县商务局"], [], ["赵敏"]),
        # A unit that 牵头 leads, the one that 落实 helps (as in a bracket, `carry_out_parts`).
        (3, "公益广告补设", ["县委宣传部"], ["县城管局"], []),
        # The leader named alone: a clause with a leader and no unit.
        (4, "火车站周边秩序整治由孙伟牵头,连夜组织人员排查", [], [], ["孙伟"]),
        # The 指挥部's own group, named short, answers for its duty.
        (5, "督查组负责每周向指挥部报送整改进度", ["督查组"], [], []),
    ]
    assert "会议决定" not in doc.tasks[0].text  # the lead-in is no order


def test_a_single_order_is_a_news_sentence_not_a_list():
    with pytest.raises(ParseError):
        _parse("县创文指挥部召开调度会。会议决定,老城区背街小巷整治由李建华牵头,城关镇落实。\n")


def test_the_task_before_you_is_no_part_of_the_names():
    found = read_responsibility("九里河清淤由县水利局牵头,各镇落实。")
    assert found.lead_and_co() == (["县水利局"], ["各镇"])
    found = read_responsibility("九里河清淤由王小明牵头,县水利局落实。")
    assert found.lead_and_co() == (["县水利局"], []) and found.leaders == ["王小明"]
    # The 由 of 自由 is a word's, no order's.
    assert task_then_lead("自由贸易试验区管委会") == 0
    assert task_then_lead("自由贸易区建设由县商务局") == len("自由贸易区建设由")


def test_an_order_opens_with_a_body_or_a_person_never_a_vague_subject():
    assert order_opening("督查组负责每周报送进度") == (0, 3, False)
    assert order_opening("扫尾提升由陈某某牵头,连夜开会") == (5, 8, True)
    assert order_opening("各单位负责做好配合") is None
    assert order_opening("相关部门负责做好配合") is None
    charge = order_charge("扫尾提升由陈某某牵头,连夜开会")
    assert charge is not None and not charge.found and charge.leaders == ["陈某某"]


def test_a_places_branch_a_narrow_pdf_cell_wraps_onto_its_own_line_is_the_names_rest():
    progress = "已完成年度计划的百分之四十,其余点位正在推进招投标工作,预计下半年全面开工建设并于年底前完工验收" * 2
    rows = (
        ("序号", "目标任务", "牵头市领导", "责任单位", "进展情况", "形象进度"),
        (
            "1",
            "新建改造城乡公共厕所四十座,同步完善周边环境卫生设施,推进农村户用厕所改造提升," * 2,
            "张  明",
            "市住建局",
            progress,
            "40%",
        ),
        ("2", "完成农村生活污水处理设施提标改造二十处", "李  华", "生态环境局余姚分局", progress, "35%"),
    )
    doc = parse_bytes(render([Table(rows)]), filename="register.pdf", year=2025)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["市住建局"], []), (["生态环境局余姚分局"], [])]

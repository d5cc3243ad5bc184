"""Conventions met in blind round 93 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a newspaper's report of how a
province divided its 政府工作报告 among its vice-governors: unnumbered paragraphs each opening with a leader's
post and name and a colon, naming no unit). At the round's first look the report was refused with
`未找到编号条款`.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.leader_colon_items import leader_colon_charge


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _read(doc) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units, t.leaders) for t in doc.tasks]


_DIVISION = (
    "本报讯 记者从市政府获悉:今年市《政府工作报告》确定的186项任务已分解下达,由市长周平牵头,4位副市长、1位秘书长领办。\n"
    "周平全面负责各项工作任务的完成。\n"
    "常务副市长王立新:负责市政府常务工作,抓好发展改革、财政、审计等方面工作的落实。具体包括12个方面,60项具体任务。\n"
    "副市长李华:协助市长负责工业、交通运输、安全生产等方面工作的落实。具体包括9个方面,41项具体任务。\n"
    "赵明远副市长:分管农业农村、水利、林业等方面工作。具体包括7个方面,38项具体任务。\n"
    "市委常委、副市长孙悦:负责教育、科技、文化、体育等方面工作的落实。具体包括6个方面,30项具体任务。\n"
    "市政府秘书长钱进:负责协助市长处理市政府日常工作。具体包括4个方面,17项具体任务。\n"
)


def test_paragraphs_each_opening_with_a_leader_and_a_colon_are_one_clause_each():
    """A division of the year's work among the government's leaders, a paragraph a leader with no number: one
    clause a paragraph in order, its leader the person before the colon as written (post first or name first,
    other posts before it); no unit is named, so none is read. The mayor's overall line is no clause."""
    doc = _parse(_DIVISION)
    assert _read(doc) == [
        ("1", [], [], ["常务副市长王立新"]),
        ("2", [], [], ["副市长李华"]),
        ("3", [], [], ["赵明远副市长"]),
        ("4", [], [], ["市委常委、副市长孙悦"]),
        ("5", [], [], ["市政府秘书长钱进"]),
    ]
    assert doc.tasks[0].text.startswith("常务副市长王立新:负责市政府常务工作")


def test_a_clause_naming_no_unit_says_so_for_the_review_page():
    # The review page marks a clause with no lead unit 待核对; the warning names each such clause.
    doc = _parse(_DIVISION)
    messages = [w.message for w in doc.warnings]
    for k in range(1, 6):
        assert any(m.startswith(f"第{k}条未写明责任单位") for m in messages)


def test_counts_of_areas_and_tasks_date_nothing():
    doc = _parse(_DIVISION)
    assert all(t.milestones == [] for t in doc.tasks)


def test_units_stated_once_for_the_whole_list_lead_each_leaders_paragraph():
    # As for `由副省长X领办` orders (round 72): the units the lead-in names as carrying the list out lead each.
    text = _DIVISION.replace("由市长周平牵头,4位副市长", "分别由4位副市长", 1).replace(
        "领办。", "领办,市政府有关部门具体落实。", 1
    )
    doc = _parse(text)
    assert [(t.lead_units, t.leaders) for t in doc.tasks][:2] == [
        (["市政府有关部门"], ["常务副市长王立新"]),
        (["市政府有关部门"], ["副市长李华"]),
    ]


def test_a_numbered_leaders_paragraph_names_its_leader_too():
    text = "某县2024年县政府领导班子成员分工\n1.县长刘强:主持县政府全面工作。\n2.副县长陈诚:负责农业农村、水利工作。\n"
    assert _read(_parse(text)) == [("1", [], [], ["县长刘强"]), ("2", [], [], ["副县长陈诚"])]


@pytest.mark.parametrize(
    "opening",
    [
        "副市长李华:负责工业工作。",
        "李华副市长:分管工业工作。",
        "省委常委、常务副省长高某某:负责常务工作。",
        "副 市 长 李 华:负责工业工作。",  # a post padded with spaces is written whole
    ],
)
def test_the_leader_before_the_colon(opening):
    found = leader_colon_charge(opening)
    assert found is not None and not found.found and len(found.leaders) == 1


@pytest.mark.parametrize(
    "opening",
    [
        "组长:张某镇长",  # a group's role, the person after the colon
        "副组长:李某副镇长",
        "王市长:现将我局工作情况报告如下。",  # a salutation: no remit after it
        "李华副市长:您好!",
        "副市长李华:我讲三点意见。",  # a speaker quoted
        "财政局长:负责资金保障。",  # a bureau's post, no person before it
        "成员单位:财政局、交通局。",
        "加强领导:负责统筹协调。",
    ],
)
def test_no_leader_before_the_colon(opening):
    assert leader_colon_charge(opening) is None


def test_a_covering_letters_salutation_and_its_prose_are_no_items():
    """A letter to the leaders (`张明市长、李华副市长:`) and paragraphs quoting what leaders said are no list of
    remits: the document is refused as before."""
    letter = (
        "关于全市安全生产检查情况的报告\n"
        "张明市长、李华副市长:\n"
        "现将全市安全生产检查情况报告如下。\n"
        "副市长李华:我讲三点意见。一是提高认识,二是压实责任,三是狠抓落实。\n"
        "市长张明:大家要把这次检查发现的问题逐项整改到位。\n"
    )
    with pytest.raises(ParseError):
        _parse(letter)


def test_a_single_leaders_paragraph_is_no_list():
    text = "本报讯 近日召开全市工作会议。\n副市长李华:负责统筹推进全市重点项目建设,会议对下一步工作作了部署。\n"
    with pytest.raises(ParseError):
        _parse(text)


def test_a_working_groups_roles_beside_its_units_duties_stay_as_they_were():
    # Round 75's notice: the 组长 lines are roles, the units' paragraphs the clauses.
    text = (
        "成立某镇防汛工作专班:\n"
        "组 长:张某镇长\n"
        "副组长:李某副镇长\n"
        "成员单位:水利站、派出所。\n"
        "水利站:负责水情监测。\n"
        "派出所:负责群众转移安置。\n"
    )
    assert _read(_parse(text)) == [("1", ["水利站"], [], []), ("2", ["派出所"], [], [])]

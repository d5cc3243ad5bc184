"""Conventions met in blind round 72 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a province's news report on the deputies'
proposals chosen for 重点办理: one paragraph of `;`-separated orders, each naming its proposals and closing
`,由<a vice-governor>领办`, the offices that handle them named once, in the sentence before the list). At the round's
first look the report was refused: no numbered item, and no order opening with its unit.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_REPORT = "\n".join(
    [
        "县政府确定8件重点办理建议 4位副县长领办",
        "本报讯 记者从县人大常委会获悉:今年确定8件县人大代表建议进行重点办理,分别由4位副县长领办,"
        "县政府有关部门具体办理,县人大常委会各工委对口督办。",
        "这些建议涉及教育、交通、养老等多个方面,群众普遍关注。",
        "这8件建议中,关于改善城区学校周边交通秩序的建议、关于增加城区停车位的建议,由县委常委、常务副县长周海领办;"
        "关于推进农村养老服务设施建设的建议,由副县长吴敏领办;"
        "关于加快乡村道路提档升级的建议和关于完善农村客运网络的建议,由副县长郑强牵头督办;"
        "关于加强小型水库安全管理的建议,由副县长钱丽领办。",
        "督办情况将于年底前向县人大常委会报告。",
    ]
)


def test_orders_closing_with_the_leader_who_takes_them_on_are_the_clauses_in_order():
    """`…的建议,由副县长X领办;…`: unnumbered `;`-separated orders, each naming its task first and closing with
    the leader who 领办 (or 牵头督办) it, are the clauses, numbered in order; the lead-in (`这8件建议中,`) before
    the first order is no part of it, and the text after the last order's sentence is none."""
    doc = _parse(_REPORT)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4"]
    assert doc.tasks[0].text.startswith("关于改善城区学校周边交通秩序的建议")
    assert doc.tasks[2].text.startswith("关于加快乡村道路提档升级的建议和关于完善农村客运网络的建议")
    assert doc.tasks[3].text.startswith("关于加强小型水库安全管理的建议")
    assert all("这8件建议中" not in t.text and "督办情况" not in t.text for t in doc.tasks)


def test_the_leader_who_takes_an_order_on_is_a_leader_with_all_his_posts_never_a_unit():
    """The one after `由` who 领办 an order is a person: a leader, written with every post the text gives him
    (`县委常委、常务副县长周海` is one person, not two names), and no unit."""
    doc = _parse(_REPORT)
    assert [t.leaders for t in doc.tasks] == [
        ["县委常委、常务副县长周海"],
        ["副县长吴敏"],
        ["副县长郑强"],
        ["副县长钱丽"],
    ]
    units = {u for t in doc.tasks for u in t.lead_units + t.co_units}
    assert not units & {"县委常委", "常务副县长周海", "副县长吴敏", "副县长郑强", "副县长钱丽"}


def test_the_unit_stated_once_before_the_list_leads_each_order():
    """`分别由4位副县长领办,县政府有关部门具体办理`: the offices the sentence before the list names, once for every
    order, lead each order (they carry it out; the leader only takes it on); those who only 督办 are no unit."""
    doc = _parse(_REPORT)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["县政府有关部门"], [])] * 4
    assert all(t.unit_origin for t in doc.tasks)
    # 年底前 after the list is when the oversight reports, no order's milestone.
    assert all(not t.milestones for t in doc.tasks)


def test_orders_with_no_unit_stated_for_the_list_name_their_leader_alone():
    """With no sentence naming who handles the list, each order has its leader and no unit (the review page asks
    for one); a bare `有关部门` stated for the list is no unit either."""
    text = "\n".join(
        [
            "市政府领导领办重点提案",
            "今年确定2件重点提案,分别由2位副市长领办,有关部门认真办理。关于建设城市绿道的提案,由副市长孙立领办;关于治理黑臭水体的提案,由副市长李红领办。",
        ]
    )
    doc = _parse(text)
    assert [(t.leaders, t.lead_units) for t in doc.tasks] == [(["副市长孙立"], []), (["副市长李红"], [])]


def test_a_single_order_makes_no_list():
    """One `由X领办` sentence in a news report is no list of orders (two at least make one): refused, as it was."""
    single = "市政府领导领办重点建议\n今年确定的重点建议中,关于建设城市绿道的建议,由副市长孙立领办。其余建议由各承办单位办理。"
    with pytest.raises(ParseError):
        _parse(single)

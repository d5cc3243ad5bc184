"""Conventions met in blind rounds 95–97's leftovers (docs/parsing.md, round 98), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a notice's group addressees (`各地`,
`各地区`, `各部门`, `各司局`, `直属单位`, `各县(市、区)` …, joined by `、` / `和`), of a kind its salutation names, as the
subject of `要` / `应当` / `须` charge the item, the first leading; after the item's basis and time, in a later sentence
when the opening names no one, their heads as subject (`各部门主要负责同志要…`), and after a short title a one-line copy
glued to them. Near cases: `各地要素`, `各部门要求`, a group in a quotation, a group with no charge (`各地经验表明`,
`…,各地纷纷…`), a group the salutation does not name, the same notice with no salutation, a title ending in a verb
that governs the group.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import (
    AFFILIATES,
    DEPARTMENTS,
    ENTERPRISES,
    MINISTRY,
    PLACES,
    glued_title_end,
    group_kind,
    group_subject,
    notice_groups,
)
from policy_tasks.parsing.opening_charges import opening_charge


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


_NOTICE = """某市人民政府办公室关于做好2024年防汛工作的通知
各县(市、区)人民政府,市政府各部门,各直属机构:
现就有关事项通知如下:
一、压实防汛责任
各县(市、区)、各部门要落实防汛责任制,层层明确责任人。
二、加强隐患排查。
按照省防指统一部署要求,2024年5月底前,各部门和直属机构要完成隐患排查整治。
三、总结防汛经验。
各地经验表明,防汛关键在早。组织开展防汛知识宣传,各地纷纷开展应急演练。
四、传达会议精神。
会议强调:“防汛无小事。各地要守土有责。”组织传达学习。
五、报送部门预算。
各司局要按时报送防汛经费预算。
六、做好值班值守。
汛期实行24小时值班制度。各部门主要负责同志要带班值守。各地防汛指挥部应当加强督导检查。
"""


def test_group_addressees_as_subjects_charge_the_item():
    tasks = _parse(_NOTICE).tasks
    assert [t.label for t in tasks] == ["一", "二", "三", "四", "五", "六"]
    assert _units(tasks[0]) == (["各县(市、区)"], ["各部门"])
    assert _units(tasks[1]) == (["各部门"], ["直属机构"])  # after the basis and the time
    # no charge, a quotation, a group the salutation does not name: no unit, so the review page marks them
    assert _units(tasks[2]) == ([], []) and _units(tasks[3]) == ([], []) and _units(tasks[4]) == ([], [])
    # a later sentence, when the opening names no one; the heads as subject: the group, no leader
    assert _units(tasks[5]) == (["各部门"], ["各地防汛指挥部"])
    assert tasks[5].leaders == []
    # 要素, 要求 are words, not a charge
    groups = frozenset({PLACES, DEPARTMENTS})
    assert opening_charge("落实要素保障。\n各地要素保障情况纳入年度考核。", groups) is None
    assert opening_charge("规范材料报送。\n各部门要求报送的材料统一格式。", groups) is None
    assert opening_charge("压实责任。\n各部门要落实责任。", groups) is not None


def test_a_notice_with_no_salutation_of_groups_charges_no_group():
    """A plan, or a notice naming no group it is sent to, charges no one so (rounds 37 and 73)."""
    text = _NOTICE.replace("各县(市、区)人民政府,市政府各部门,各直属机构:\n", "")
    tasks = _parse(text).tasks
    assert len(tasks) == 6 and all(_units(t) == ([], []) for t in tasks)


_ONE_LINE = (
    "某县商务局关于做好春节期间市场供应工作的通知各乡镇人民政府,县直各有关单位:为保障节日市场供应,现就有关事项通知如下:"
    "一、保障重要商品供应各地要组织重点企业增加储备,确保市场不断档。"
    "二、压实企业主体责任各类商贸流通企业须做好货源组织和价格公示。各地市场监管部门要加强监督检查。"
    "三、加强市场监管指导各地要严格落实价格监测制度。2024年1月10日"
)


def test_a_short_title_glued_to_the_group_subject():
    first, second, third = _parse(_ONE_LINE).tasks
    assert _units(first) == (["各地"], [])
    assert _units(second) == (["各类商贸流通企业"], ["各地市场监管部门"])
    assert _units(third) == ([], [])  # the title's 指导 governs the group: no subject of its own


def test_what_a_group_addressee_is():
    assert group_kind("各地") == group_kind("各县(市、区)") == group_kind("各地疫情防控指挥部") == PLACES
    assert group_kind("各司局") == MINISTRY and group_kind("直属单位") == AFFILIATES
    assert group_kind("各单位") is None and group_kind("有关部门") is None and group_kind("各地有关部门") is None
    every = frozenset({PLACES, DEPARTMENTS, MINISTRY, AFFILIATES})
    assert group_subject("各地区、各部门要高度重视", 0, every) is not None
    assert group_subject("各地区、各部门要高度重视", 0, frozenset({PLACES})) is None  # 各部门 not addressed
    assert group_subject("各地要素市场建设", 0, every) is None and group_subject("各部门要求报送材料", 0, every) is None
    assert glued_title_end("确保企业正常运转各地要切实落实", every) == 8
    assert glued_title_end("督促指导各地要切实落实", every) is None


def test_which_groups_a_salutation_names():
    def kinds(line: str) -> set[str]:
        return set(notice_groups([(1, line)])) - {ENTERPRISES}

    assert kinds("各苏木乡镇人民政府,旗政府各部门,驻旗有关单位:") == {PLACES, DEPARTMENTS}
    assert kinds("国家某局各司局、各直属单位:") == {MINISTRY, AFFILIATES}
    assert kinds("某省疫情防控通知各市、县疫情防控指挥部,区直各有关单位:为做好…") == {PLACES}
    assert kinds("现就有关事项通知如下:") == set() and kinds("为做好防汛工作,请各地认真落实。现通知如下:") == set()

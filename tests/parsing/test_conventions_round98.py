"""Conventions met in blind rounds 95–97's leftovers (docs/parsing.md, round 98), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a notice's group addressees (`各地`,
`各地区`, `各部门`, `各司局`, `直属单位`, `各县(市、区)` …, joined by `、` / `和`) as the subject of `要` / `应当` / `须`
charge the item, the first leading; after the item's basis and time, in a later sentence when the opening names no
one, their heads as subject (`各部门主要负责同志要…`), and after a short title a one-line copy glued to them. Near
cases: `各地要素`, `各部门要求`, a group in a quotation, a group with no charge (`各地经验表明`, `…,各地纷纷…`), a title
ending in a verb that governs the group.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import glued_title_end, group_subject, one_group
from policy_tasks.parsing.opening_charges import opening_charge


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


_NOTICE = """某市人民政府办公室关于做好2024年防汛工作的通知
各县(市、区)人民政府,市政府各部门:
现就有关事项通知如下:
一、压实防汛责任
各县(市、区)、各部门要落实防汛责任制,层层明确责任人。
二、加强隐患排查。
按照省防指统一部署要求,2024年5月底前,各处室和直属单位要完成隐患排查整治。
三、总结防汛经验。
各地经验表明,防汛关键在早。组织开展防汛知识宣传,各地纷纷开展应急演练。
四、传达会议精神。
会议强调:“防汛无小事。各地要守土有责。”组织传达学习。
五、做好值班值守。
汛期实行24小时值班制度。各部门主要负责同志要带班值守。各地防汛指挥部应当加强督导检查。
"""


def test_group_addressees_as_subjects_charge_the_item():
    tasks = _parse(_NOTICE).tasks
    assert [t.label for t in tasks] == ["一", "二", "三", "四", "五"]
    assert _units(tasks[0]) == (["各县(市、区)"], ["各部门"])
    assert _units(tasks[1]) == (["各处室"], ["直属单位"])  # after the basis and the time
    # no charge, a quotation: no unit, so the review page marks them
    assert _units(tasks[2]) == ([], []) and _units(tasks[3]) == ([], [])
    # a later sentence, when the opening names no one; the heads as subject: the group, no leader
    assert _units(tasks[4]) == (["各部门"], ["各地防汛指挥部"])
    assert tasks[4].leaders == []
    # 要素, 要求 are words, not a charge
    assert opening_charge("落实要素保障。\n各地要素保障情况纳入年度考核。") is None
    assert opening_charge("规范材料报送。\n各部门要求报送的材料统一格式。") is None


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
    assert one_group("各地") and one_group("各司局") and one_group("直属单位") and one_group("各县(市、区)")
    assert not one_group("各单位") and not one_group("有关部门") and not one_group("各地有关部门")
    assert group_subject("各地区、各部门要高度重视", 0) is not None
    assert group_subject("各地要素市场建设", 0) is None and group_subject("各部门要求报送材料", 0) is None
    assert glued_title_end("确保企业正常运转各地要切实落实") == 8
    assert glued_title_end("督促指导各地要切实落实") is None

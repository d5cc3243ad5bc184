"""Conventions met in blind round 37 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a county's 意见 on one
crop whose measures each open `各乡镇人民政府要…`, and a county's task list whose brackets are a sentence
of roles, `(责任单位:A牵头,B等有关部门参加,各镇街落实)`). At the round's first look neither was read: the
group of governments opening a paragraph charged no one, and the units carrying the work out kept
their verb as part of their name.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.carry_out_parts import carry_out_names
from policy_tasks.parsing.group_openings import government_group
from policy_tasks.parsing.units import read_responsibility


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_OPINION = (
    "某县人民政府关于做好2024年茶叶产业工作的意见\n"
    "一、总体要求\n"
    "(一)指导思想\n"
    "坚持稳中求进,推动全县茶叶产业提质增效。\n"
    "(二)目标任务\n"
    "2024年,全县新植茶园1.2万亩,茶叶产量达到3000吨以上(各乡镇任务详见附件)。\n"
    "二、工作措施\n"
    "(一)稳定种植面积\n"
    "各乡镇人民政府要把新植任务分解到村组,9月底前完成新植茶园验收。未完成任务的乡镇,县人民政府将予以通报。\n"
    "(二)提升加工水平\n"
    "各县(市、区)政府要支持茶企更新加工设备,打造区域公用品牌。\n"
    "(三)做好技术服务\n"
    "各街道办事处要组织农技人员开展茶园管护培训。\n"
)


def test_a_group_of_governments_opening_an_item_charges_it():
    doc = _parse(_OPINION)
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("稳定种植面积", ["各乡镇人民政府"], []),
        ("提升加工水平", ["各县(市、区)政府"], []),
        ("做好技术服务", ["各街道办事处"], []),
    ]
    # The plan's own guiding idea and targets assign nothing once the measures name who acts.
    assert [m.due_date.isoformat() for m in doc.tasks[0].milestones] == ["2024-09-30"]


def test_a_vague_group_opening_an_item_charges_no_one():
    doc = _parse(
        "某县2024年春耕生产工作方案\n"
        "1.抓好种子供应。各地要组织农资企业做好种子调运。\n"
        "2.加强技术指导。有关部门要组织专家下田指导。\n"
    )
    assert [t.lead_units for t in doc.tasks] == [[], []]


@pytest.mark.parametrize(
    ("names", "group"),
    [
        ("各乡镇人民政府", True),
        ("各县(市、区)政府", True),
        ("各镇(街道)", True),
        ("各乡镇", True),
        ("各街道办事处", True),
        ("各地", False),
        ("各部门", False),
        ("各有关单位", False),
        ("县农业农村局", False),
    ],
)
def test_which_openings_are_groups_of_governments(names, group):
    assert government_group(names) is group


_TASK_LIST = (
    "2024年全县乡村建设重点任务清单\n"
    "一、改善农村人居环境\n"
    "1.推进农村改厕。完成户厕改造1200户。(责任单位:县农业农村局牵头,县卫生健康局、县财政局等有关部门参加,各镇街落实)\n"
    "2.治理生活污水。新建污水处理设施15处。(责任单位:县生态环境局牵头,县住建局配合,各乡镇具体负责)\n"
    "二、提升公共服务\n"
    "3.建设村级养老服务站。(县民政局牵头,县卫生健康局参加,各村具体实施)\n"
)


def test_the_units_carrying_the_work_out_help_the_lead():
    doc = _parse(_TASK_LIST)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["县农业农村局"], ["县卫生健康局", "县财政局", "各镇街"]),
        (2, ["县生态环境局"], ["县住建局", "各乡镇"]),
        (3, ["县民政局"], ["县卫生健康局", "各村"]),
    ]


def test_with_no_lead_a_carrying_part_is_read_as_before():
    found = read_responsibility("某事。(责任单位:县扶贫办,各镇街落实)")
    assert found.roles["lead"] == []


def test_carry_out_names_strips_only_the_verb():
    for part, names in [("各镇街落实", "各镇街"), ("各乡镇具体负责", "各乡镇"), ("各村组织实施", "各村")]:
        span = carry_out_names(part)
        assert span is not None and part[span[0] : span[1]] == names
    assert carry_out_names("抓好落实") is None

"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right as written (session 38,
pass D).

Written from the conventions, not copied from the documents that showed them:

- a notice's item charging its subject with `要` goes on, in a later sentence with no `要`, to the bodies concerned taken
  together as those who work with it (`各相关单位对照职责分工、密切配合,…`): the catch-all helps, one addressee as
  written (`concerned_helpers`). Near cases: the same sentences in a report of what was done, the catch-all as an
  object, a bare `有关部门`;
- a campaign plan's stage whose first sentence charges only the bare `各单位` and whose later sentence names the body
  checking the stage's work (`县教育局将不定期组织督查`): the checker is the stage's one unit, and leads
  (`stage_subjects`). Near cases: a bare `各单位` alone, a later body that does not check, the checker as an object,
  a first sentence naming no one at all.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.concerned_helpers import later_concerned_helpers
from policy_tasks.parsing.textutil import normalise


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _roles(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in _parse(text).tasks]


_NOTICE = (
    "关于做好2024年道路交通安全工作的通知\n"
    "各县(市、区)安委会、市安委会成员单位:\n"
    "现就有关工作通知如下:\n"
    "一、压实工作责任\n"
    "(一)压实行业监管责任。各级公安、交通部门要将道路交通安全纳入日常监管,督促企业落实主体责任。"
    "各相关单位对照职责分工、密切配合,主动履职尽责,形成工作合力。\n"
    "(二)强化协同联动。县(市、区)人民政府要加强统筹调度。各成员单位按照职责分工协同联动,及时通报信息。\n"
)


def test_the_bodies_concerned_help_in_a_later_sentence_with_no_yao() -> None:
    assert _roles(_NOTICE) == [
        ("(一)", ["各级公安、交通部门"], ["各相关单位"]),
        ("(二)", ["县(市、区)人民政府"], ["各成员单位"]),
    ]


def test_the_bodies_concerned_near_cases() -> None:
    # A report of what was done: its subject has no `要`, and its later sentence reports.
    report = (
        "某市2024年道路交通安全工作总结\n"
        "一、压实工作责任\n"
        "(一)压实行业监管责任。各级公安、交通部门将道路交通安全纳入了日常监管。"
        "各相关单位对照职责分工、密切配合,主动履职尽责,形成了工作合力。\n"
        "(二)强化宣传教育。全年开展宣传活动120场次。\n"
    )
    assert all("各相关单位" not in co for _, _, co in _roles(report))
    done = normalise("。各有关部门对照责任清单、协同配合,形成了合力。")
    assert later_concerned_helpers(done, 0) == []
    # The catch-all as an object, a bare `有关部门`, or no words of working together: no helper.
    for text in (
        "。加强与各有关部门的协同配合,形成合力。",
        "。有关部门对照职责、密切配合,形成合力。",
        "。各有关部门对照职责分工,主动履职尽责。",
    ):
        assert later_concerned_helpers(normalise(text), 0) == [], text
    notice = _NOTICE.replace("各相关单位对照职责分工、密切配合", "加强与各相关单位的密切配合")
    assert _roles(notice)[0] == ("(一)", ["各级公安、交通部门"], [])


_PLAN = (
    "某县2024年中小学校预防溺水专项行动方案\n"
    "一、时间步骤\n"
    "(一)动员部署阶段(5月1日-5月15日)。各中小学校根据专项行动要求,进行专题部署,细化具体措施。\n"
    "(二)集中整治阶段(5月16日-9月30日)。各单位要认真组织实施,及时解决存在的问题。县教育局将不定期组织督查。\n"
    "(三)总结提高阶段(10月1日-10月31日)。各单位要认真总结经验,形成书面总结报送县教育局。\n"
)


def test_a_stages_checker_after_a_bare_geDanwei_leads() -> None:
    assert _roles(_PLAN) == [
        ("(一)", ["各中小学校"], []),
        ("(二)", ["县教育局"], []),
        ("(三)", [], []),
    ]


def test_a_stages_checker_near_cases() -> None:
    # A later body that does not check, the checker as an object, or a first sentence naming no one: no unit.
    for changed in (
        "县教育局将做好宣传报道。",
        "届时迎接县教育局组织的督查。",
    ):
        plan = _PLAN.replace("县教育局将不定期组织督查。", changed)
        assert _roles(plan)[1] == ("(二)", [], []), changed
    plan = _PLAN.replace("各单位要认真组织实施,", "要认真组织实施,")
    assert _roles(plan)[1] == ("(二)", [], [])
    # Where the first sentence names its subject, the checker helps as round 77 reads it.
    plan = _PLAN.replace("各单位要认真组织实施,", "各中小学校要认真组织实施,")
    assert _roles(plan)[1] == ("(二)", ["各中小学校"], ["县教育局"])

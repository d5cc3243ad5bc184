"""Conventions met in blind round 117 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a county notice whose measures close with a
晋政发-style bracket, the departments that share the work (`分工负责`, no remit named) then after `;` the places that
carry it out (`(A、B、C分工负责;各乡镇)`); a city plan whose 主要目标 are unnumbered `——` lines each closed by their own
`(牵头部门:X)`, the lines before the bracket ending in `;`, under a line leading in to them (`到年底,…如下:`) and beside a
指导思想 naming no unit; a 任务清单's covering notice charging the salutation's groups (`各县区、各部门要…`, the
salutation's `市直各有关单位`) and the list's roles (`牵头部门需…;协同部门要…配合`), its office's own tracking
(`市政府办公室将…跟踪督办,建立“逐月盘点、按季通报”的督导机制`) no unit and no recurring duty; and a copy broken at a page's
width whose attachment note (`附件:…`) follows a paragraph ending right at the width.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import DEPARTMENTS, PLACES, notice_groups
from policy_tasks.parsing.notice_roles import BREAKDOWN, breakdown_kind
from policy_tasks.parsing.sources.unwrap import unwrap
from policy_tasks.parsing.supervising_offices import supervision_spans
from policy_tasks.parsing.units import read_responsibility


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


def _roles(text: str) -> tuple[list[str], list[str], list[str]]:
    found = read_responsibility(text)
    return found.roles["lead"], found.roles["listed"], found.roles["co"]


# --- `(A、B、C分工负责;各乡镇)` ------------------------------------------------------------------------------


_COUNTY = """某县人民政府关于做好2024年防汛工作的通知
各乡镇人民政府,县直各有关单位:
一、压实防汛责任
1.把防汛工作纳入各乡镇党委理论学习的重要内容,组织开展专题培训。(县委宣传部、县水利局、县应急局分工负责;各乡镇)
2.组织防汛责任人开展轮训并登记在册,县防指办结合检查进行随机抽考。(县水利局、各行业主管部门分工负责,县防指办;各乡镇)
3.落实山洪灾害防御措施,做好转移避险预案。(县水利局牵头,县自然资源局配合;各乡镇)
"""


def test_shared_work_bracket_then_the_places_after_a_semicolon():
    assert _read(_parse(_COUNTY)) == [
        ("1", ["县委宣传部"], ["县水利局", "县应急局", "各乡镇"]),  # `分工负责` no part of a name; `;各乡镇` helps
        ("2", ["县水利局"], ["各行业主管部门", "县防指办", "各乡镇"]),  # after a comma: helps in order
        ("3", ["县水利局"], ["县自然资源局", "各乡镇"]),  # after a lead and a helper the places help too
    ]


def test_shared_work_bracket_near_cases():
    # The remit phrase keeps its reading, and now keeps the places after it.
    assert _roles("做好工作。(县水利局、县应急局按职责分工负责;各乡镇)") == ([], ["县水利局", "县应急局"], ["各乡镇"])
    # A time after the role dates the clause: no unit.
    found = read_responsibility("做好工作。(县水利局、县应急局分工负责,年内持续推进)")
    assert found.roles["co"] == [] and found.due_fields
    # A person after the role is no unit.
    assert _roles("做好工作。(县水利局、县应急局分工负责,张三)")[2] == []
    # A bare list (no role word) keeps its reading: the first leads, the rest listed, none pushed to the helpers.
    assert _roles("做好工作。(县水利局,县应急局;各乡镇)") == ([], ["县水利局", "县应急局", "各乡镇"], [])
    # `分工` inside the work's own words is no role (a sentence, not a bracket).
    doc = _parse("某县关于做好防汛工作的通知\n各乡镇人民政府:\n1.明确分工负责的要求,县水利局要加强指导。\n")
    assert all("分工" not in u for t in doc.tasks for u in [*t.lead_units, *t.co_units])


# --- `——` targets, each `;(牵头部门:X)` --------------------------------------------------------------------------


_PLAN = """某市推进开放型经济建设2018年工作实施方案
一、总体要求
(一)指导思想
以新发展理念为引领,加快对外开放步伐,推动经济高质量发展。
(二)主要目标
到2018年底,全市主要经济指标如下:
——进出口总额增长10%;(牵头部门:市商务局)
——实际利用外资增长6%;(牵头部门:市商务局)
——一般公共预算收入增长9%;(牵头部门:市财政局)
——城乡居民收入增幅与经济增长保持同步。(牵头部门:市发改委)
二、重点任务
(一)扩大对外贸易
1.支持外贸企业开拓新兴市场,全年新增进出口企业50家。(牵头部门:市商务局)
2.推进跨境电商综合试验区建设,9月底前出台扶持政策。(牵头部门:市商务局)
"""


def test_dash_targets_closed_by_semicolon_and_their_own_bracket():
    doc = _parse(_PLAN, year=2018)
    assert _read(doc) == [
        ("(二)-1", ["市商务局"], []),
        ("(二)-2", ["市商务局"], []),
        ("(二)-3", ["市财政局"], []),
        ("(二)-4", ["市发改委"], []),
        ("1", ["市商务局"], []),
        ("2", ["市商务局"], []),
    ]
    # The 指导思想 and the line leading in are no target's text, and the lead-in's `到2018年底` dates no target.
    assert doc.tasks[0].text.startswith("——进出口总额增长10%")
    for task in doc.tasks[:4]:
        assert not [m for m in task.milestones if m.time_expression]
    assert [str(m.due_date) for m in doc.tasks[5].milestones if m.time_expression] == ["2018-09-30"]


def test_dash_targets_near_cases():
    # A section whose only sub-item names no unit beside a charged one that is no frame stays a clause over it.
    text = _PLAN.replace("(一)指导思想", "(一)扩大开放").replace("以新发展理念为引领,", "")
    assert _read(_parse(text, year=2018))[0][0] == "一-1"
    # A line ending in `;` with no bracket of its own after a closed line is no target of the run.
    plain = _PLAN.replace("——实际利用外资增长6%;(牵头部门:市商务局)", "——实际利用外资增长6%;")
    labels = [label for label, _, _ in _read(_parse(plain, year=2018))]
    assert labels[:3] == ["(二)-1", "(二)-2", "(二)-3"]
    # A lead-in line stays the clause's text where the bracketed lines do not split it.
    one = "某市实施方案\n一、主要目标\n到2018年底,主要指标如下:\n进出口总额增长10%,实际利用外资增长6%。(牵头部门:市商务局)\n"
    doc = _parse(one, year=2018)
    assert {m.time_expression for m in doc.tasks[0].milestones if m.time_expression} == {"2018年底"}


# --- a 任务清单's covering notice -------------------------------------------------------------------------------


_NOTICE = """某市人民政府办公室关于印发2026年市政府工作报告重点目标任务清单的通知
各县、区人民政府,某高新区管委会,市直各有关单位:
经市政府同意,现将《2026年市政府工作报告重点目标任务清单》印发给你们,请认真抓好落实。
一、压实工作责任
各县区、各部门要建立清单化管理、项目化推进的落实机制,确保各项任务落地见效。
二、加强协同配合
对涉及多个部门的综合性任务,牵头部门需发挥统筹协调作用,细化分工;协同部门要主动担当、全力配合,形成工作合力。
三、强化调度督办
各县区、各部门要锚定年度目标,加强运行分析。市政府办公室将对任务落实情况跟踪督办,建立“逐月盘点、按季通报”的督导机制。
某市人民政府办公室
2026年2月11日
"""


def test_task_list_notice_charges_groups_and_roles():
    doc = _parse(_NOTICE, year=2026)
    assert _read(doc) == [
        ("一", ["各县区"], ["各部门"]),  # `市直各有关单位` in the salutation: the departments are addressed
        ("二", ["牵头部门"], ["协同部门"]),  # `需` charges the lead role, the helping role is co
        ("三", ["各县区"], ["各部门"]),  # the office that 督办s is no unit
    ]
    assert not [m for m in doc.tasks[2].milestones if m.recurrence]  # its monthly 盘点 is the office's own


def test_task_list_notice_near_cases():
    assert breakdown_kind([(1, "关于印发2026年重点目标任务清单的通知")]) == frozenset({BREAKDOWN})
    assert breakdown_kind([(1, "关于印发权责清单的通知")]) == frozenset()  # a 权责清单 gives out no tasks
    # The level's own units are its departments; a level's enterprises or a plain `各单位` are not.
    assert DEPARTMENTS in notice_groups([(1, "各县、区人民政府,市直各有关单位:")])
    assert notice_groups([(1, "各县、区人民政府,各单位:")]) == frozenset({PLACES, "enterprises"})
    # `区直` may be a 自治区's or a district's (round 98 reads `区直各有关单位` as no group): left unread.
    assert DEPARTMENTS not in notice_groups([(1, "各市、县人民政府,区直各有关单位:")])
    # The office's tracking is masked only where the office will 督办: an office charged with `要` keeps its sentence.
    assert supervision_spans("各县区要加强分析。市政府办公室将跟踪督办,逐月通报。") != []
    assert supervision_spans("各县区要加强分析。市政府督查室要逐月通报进展。") == []
    assert supervision_spans("市政府办公室将跟踪督办。") == []  # the item's own opening: `supervising_office`'s
    # With no salutation naming the departments, `各部门要…` alone charges no one (round 37's rule stands).
    bare = _NOTICE.replace("各县、区人民政府,某高新区管委会,市直各有关单位:", "各县、区人民政府:")
    bare = bare.replace("各县区、各部门要建立", "各部门要建立")
    assert _read(_parse(bare, year=2026))[0] == ("一", [], [])
    # A notice issuing no breakdown: `牵头部门需…` names no one.
    other = _NOTICE.replace("重点目标任务清单", "工作要点").replace("《2026年市政府工作报告工作要点》", "《要点》")
    assert _read(_parse(other, year=2026))[1] == ("二", [], [])


def test_an_attachment_note_after_a_paragraph_ending_at_the_page_width_stays_its_own_line():
    # A notice copied out of a viewer, broken at 28 characters; the last requirement's sentence ends right at the width.
    body = ("锚定年度目标任务和关键指标,常态化开展运行调度与分析研判," * 5)[: 28 * 4 - 1] + "。"
    lines = [body[i : i + 28] for i in range(0, len(body), 28)]
    head = ["一、完善工作机制", *lines, "二、加强协同配合", *lines]
    wrapped = [*head, "附件:2026年重点目标任务清单", "某市人民政府办公室", "2026年2月11日"]
    assert unwrap(wrapped) == ["一、完善工作机制", body, "二、加强协同配合", body, *wrapped[-3:]]
    # A line the page cut inside a sentence still goes on, `附件` or not.
    cut = [*head[:-1], lines[-1][:-1] + "见", "附件所列各项任务。", "某市人民政府办公室"]
    assert unwrap(cut)[3] == body[:-1] + "见附件所列各项任务。"

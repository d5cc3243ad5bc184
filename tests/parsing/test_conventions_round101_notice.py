"""Round 101's settled rule (corpus README, session 30): a covering notice's numbered requirements that charge the
breakdown's roles, or once they do another named unit, are clauses beside the breakdown printed after them; one that
charges no one is none. Made-up documents, with near cases that must not change."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.notice_requirements import charges_roles
from policy_tasks.parsing.notice_roles import BREAKDOWN


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2026, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


_BREAKDOWN = """某市2026年重点工作任务分解方案
一、经济发展
(一)扩大有效投资
1.新开工重大项目50个。(牵头单位:市发展改革委;责任单位:市财政局)
2.新建5G基站300个。(责任单位:市工信局)
"""

_NOTICE = (
    """某市人民政府办公室关于印发某市2026年重点工作任务分解方案的通知
各县(市、区)人民政府,市政府各部门:
现将《某市2026年重点工作任务分解方案》印发给你们,并就有关事项通知如下:
一、各责任单位要细化措施,并于2026年2月20日前将落实方案报市人民政府办公室。
二、市绩效考评机构要将分解方案的任务纳入年度考核。
三、从2026年第一季度开始,各责任单位要在每季度最后一个月的25日前将进展情况报市人民政府办公室,市人民政府办公室将跟踪督办。
{extra}某市人民政府办公室
2026年2月10日
"""
    + _BREAKDOWN
)


def test_the_notices_requirements_charging_the_roles_are_clauses_beside_the_breakdown():
    doc = _parse(_NOTICE.format(extra=""))
    assert _read(doc) == [
        ("一", ["各责任单位"], []),
        ("二", ["市绩效考评机构"], []),  # a named unit beside the roles' requirements
        ("三", ["各责任单位"], []),  # the office that receives and 督办 the reports is no party
        ("1", ["市发展改革委"], ["市财政局"]),
        ("2", ["市工信局"], []),
    ]
    first, _, third = doc.tasks[:3]
    assert [m.due_date.isoformat() for m in first.milestones if m.due_date] == ["2026-02-20"]
    # `从2026年第一季度开始` starts the duty: only the quarterly report is dated.
    assert [(m.recurrence, m.time_expression) for m in third.milestones if m.due_date] == [("quarterly", "每季度")]


def test_a_requirement_charging_no_one_stays_no_clause_and_leaves_no_gap():
    silent = "三、各单位要高度重视,实行月度盘点,市政府领导将定期听取汇报。\n"
    doc = _parse(_NOTICE.format(extra="").replace("三、从", silent + "四、从"))
    assert [t.label for t in doc.tasks] == ["一", "二", "四", "1", "2"]
    assert not [w for w in doc.warnings if "编号不连续" in w.message]


def test_a_notice_charging_no_role_keeps_its_offices_out_before_the_plan():
    doc = _parse(
        "某市人民政府办公室关于印发某市2026年重点工作任务分解方案的通知\n"
        "各县(市、区)人民政府,市政府各部门:\n"
        "现将《某市2026年重点工作任务分解方案》印发给你们,请认真贯彻落实。\n"
        "一、各单位要高度重视,按月报送进展。\n"
        "二、市政府督查室要加强督查,年底通报。\n"
        "某市人民政府办公室\n2026年2月10日\n" + _BREAKDOWN
    )
    assert [t.label for t in doc.tasks if t.lead_units] == ["1", "2"]


def test_roles_asked_by_a_date_or_paired_in_one_sentence():
    groups = frozenset({BREAKDOWN})
    assert charges_roles("各责任单位在2026年1月底前上报2025年工作年终报告。", groups)
    assert charges_roles("协同推进。针对跨单位任务,由牵头单位发挥统筹协调作用,协同单位积极配合。", groups)
    assert not charges_roles("各单位在2026年1月底前上报年终报告。", groups)  # a vague group names no one
    assert not charges_roles("市政府督查室要加强督查,年底通报。", groups)  # a named office, not a role


def test_a_quarter_a_duty_starts_from_is_no_deadline_but_a_quarters_deadline_still_is():
    doc = _parse(
        "某县工作方案\n1.从2026年第二季度开始,县统计局公开调查数据。\n2.2026年第二季度前完成普查。(县统计局负责)\n"
    )
    dated = {
        t.label: [m.due_date.isoformat() for m in t.milestones if m.due_date and m.time_expression] for t in doc.tasks
    }
    assert dated["1"] == [] and dated["2"] == ["2026-06-30"]

"""The scoring formula of a document in words (Chinese), as the console, the dashboard and the
bulletin show it next to the ranking: one text, built from the document's own weights, so what a
unit reads is what selectors.scoreboard.unit_score computed."""

from __future__ import annotations

from decimal import Decimal

from policy_tasks.models import PolicyDocument

UNRANKED = "暂无考核事项"
# What the ranking says of the units it leaves out, after the formula.
UNRANKED_RULE = f"{UNRANKED}（无到期节点、无应报进度）的单位不计分、不参与排名"


def _number(value: Decimal) -> str:
    """5.00 as 5, 0.50 as 0.5: normalize() alone would print 100 as 1E+2."""
    return f"{value.normalize():f}"


def scoring_terms(document: PolicyDocument) -> list[tuple[str, str, Decimal]]:
    """(sign, what is counted, weight) of each term the document weighs; a weight of 0 counts
    nothing and is left out of the text."""
    terms = [
        ("+", "按期办结", document.bonus_on_time),
        ("−", "牵头逾期", document.deduction_lead),
        ("−", "配合逾期", document.deduction_co),
        ("−", "缺报", document.deduction_missing_report),
        ("−", "迟报", document.deduction_late_report),
        ("−", "退回", document.deduction_returned),
    ]
    return [(sign, label, weight) for sign, label, weight in terms if weight]


def scoring_formula(document: PolicyDocument) -> str:
    """「得分 = 100 − 牵头逾期×5 − … （最低0分）；暂无考核事项…的单位不计分、不参与排名」"""
    terms = "".join(f" {sign} {label}×{_number(weight)}" for sign, label, weight in scoring_terms(document))
    return f"得分 = {_number(document.score_base)}{terms}（最低0分）；{UNRANKED_RULE}"


def scoring_legend() -> str:
    """What each counted item is, for the line under the formula."""
    return (
        "按期办结：牵头节点在完成时限前销号；逾期：已过完成时限仍未销号的节点；"
        "缺报：截至统计日期仍未报送的进度；迟报：已报送但晚于报送截止日；退回：办结申请被督查室退回。"
    )

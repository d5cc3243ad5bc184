"""The scoring formula on the pages (web/partials/scoring_formula.html): the text is built once,
in selectors.scoring_formula, for the console, the dashboard and the bulletin alike."""

from __future__ import annotations

from django import template

from policy_tasks.models import PolicyDocument
from policy_tasks.selectors import scoring_formula as formula

register = template.Library()


@register.simple_tag
def scoring_formula(document: PolicyDocument) -> str:
    return formula.scoring_formula(document)


@register.simple_tag
def scoring_legend() -> str:
    return formula.scoring_legend()

"""The figures strip the console and the dashboard show (templates/web/partials/figures.html):
each figure of selectors.figures with its label and the list behind it, same document and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from policy_tasks.models import PolicyDocument
from policy_tasks.selectors.figures import Figures
from policy_tasks.selectors.lights import GREY, RED, YELLOW


@dataclass(frozen=True)
class Card:
    key: str  # data-figure: what tests and scripts read, whatever the wording
    label: str
    value: str
    link: str  # "" when no list shows it
    tone: str = ""


def list_link(document: PolicyDocument, on: date, **params: str) -> str:
    """The milestone list with these filters, for this document as of `on`."""
    query = {"document": document.pk, "as_of": on.isoformat(), **params}
    return f"{reverse('web:milestones')}?{urlencode(query)}"


def figure_cards(figures: Figures, *, document: PolicyDocument) -> list[Card]:
    on = figures.on
    rate = figures.on_time_rate
    return [
        Card("milestones", "时限节点", str(figures.milestones), list_link(document, on, light="", dated="1")),
        Card("closed", "已销号", str(figures.closed), list_link(document, on, light=GREY, dated="1")),
        Card("overdue", "逾期未办结", str(figures.overdue), list_link(document, on, light=RED), RED),
        Card("due_soon", "临期", str(figures.due_soon), list_link(document, on, light=YELLOW), YELLOW),
        Card("behind", "滞后", str(figures.behind), list_link(document, on, light=YELLOW), YELLOW),
        Card("on_time_rate", "按期完成率", "—" if rate is None else f"{rate}%", ""),
        Card("missing_reports", "缺报(仍未报)", str(figures.missing_reports), ""),
        Card("late_reports", "迟报(逾期补报)", str(figures.late_reports), ""),
    ]

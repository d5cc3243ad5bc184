"""Milestones found in a clause's text, with the warnings the finder gave (offset, message)."""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import ParsedMilestone
from policy_tasks.parsing.milestones import find_milestones


def milestones_in(text: str, year: int, where: str = "第3条") -> tuple[list[ParsedMilestone], list[tuple[int, str]]]:
    """The milestones `find_milestones` reads in `text` in a `year` document (due by default at its
    end), and the warnings it gave."""
    warnings: list[tuple[int, str]] = []
    found = find_milestones(
        text, year=year, default_due=date(year, 12, 31), warn=lambda o, m: warnings.append((o, m)), where=where
    )
    return found, warnings

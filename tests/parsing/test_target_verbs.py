"""A quantified target dates the same whatever verb states it (`达到`, `突破`, `超过`)."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


def _targets(body: str) -> list[tuple[date | None, str]]:
    doc = parse_document(f"2021年产业发展工作要点\n1.发展特色产业。{body}(责任单位:市农业农村局)\n")
    return [(m.due_date, m.text) for m in doc.tasks[0].milestones]


@pytest.mark.parametrize("verb", ["达到", "突破", "超过"])
def test_a_horizon_year_dates_the_figure_its_sentence_commits_to(verb):
    # `到2026年,全体居民人均可支配收入超过38000元` is a target due at the horizon's end, as `达到` is.
    assert _targets(f"到2025年,全市特色产业产值{verb}50亿元。") == [
        (date(2025, 12, 31), f"全市特色产业产值{verb}50亿元")
    ]


def test_a_horizon_year_before_a_general_aim_dates_nothing():
    assert _targets("到2025年,全市特色产业产值明显提高。") == []


def test_a_ceiling_is_a_rule_not_a_target():
    # `不超过` bounds what may be spent or taken; it commits no one to reach a figure.
    assert _targets("到2025年,单个项目补助不超过50万元。") == []

"""Deadlines named by a day of the year, a start written like a year, a year typed without its 年, and
how often a daily routine is done (found missing on invented documents, 2026-12-05)."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


def _milestones(sentence: str, year: int = 2026) -> list[tuple[date | None, str]]:
    doc = (
        f"某县{year}年城乡环境整治方案\n一、整治道路扬尘。{sentence}(县城管局牵头)\n二、提升公共服务。(县民政局牵头)\n"
    )
    return [(m.due_date, m.kind) for m in parse_document(doc).tasks[0].milestones]


@pytest.mark.parametrize("phrase", ["国庆节前完成县道改造", "2026年国庆前完成县道改造", "于国庆节之前完成县道改造"])
def test_national_day_is_the_first_of_october(phrase: str) -> None:
    assert _milestones(phrase) == [(date(2026, 9, 30), "deadline")]


@pytest.mark.parametrize(
    "phrase",
    ["2026年春节前完成县道改造", "2027年元旦前完成县道改造", "2026年汛期前完成县道改造", "中秋节前完成县道改造"],
)
def test_a_holiday_that_moves_is_unreadable_not_the_years_end(phrase: str) -> None:
    assert _milestones(phrase) == [(None, "deadline")]


@pytest.mark.parametrize("phrase", ["自2026年起实施县道改造。", "2026年开始实施县道改造。", "2026年以来完成县道改造。"])
def test_a_year_the_work_starts_in_is_no_deadline(phrase: str) -> None:
    assert all(due != date(2026, 12, 31) for due, _ in _milestones(phrase))


def test_a_year_typed_without_its_nian_before_a_month_is_read() -> None:
    assert _milestones("完成时限:20269月底前完成县道改造。") == [(date(2026, 9, 30), "deadline")]


def test_how_often_a_daily_routine_is_done_is_no_target() -> None:
    assert _milestones("每日2次晒水清扫,6月底前完成县道改造。") == [(date(2026, 6, 30), "deadline")]


def test_an_ordinal_is_no_quantity_to_reach() -> None:
    assert _milestones("推进第1项重点工作,6月底前完成。") == [(date(2026, 6, 30), "deadline")]
    assert _milestones("全年完成第3批次验收。") == [(date(2026, 12, 31), "deadline")]

"""Recurring obligations (`每月10日前`, `每季度`, `每周一`): each reads as its dates in the document's year."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing.deadlines import find_time_phrases, read_time_phrase

Y = 2023


RECURRING_FORMS = [
    # (phrase, recurrence, count, first, last, convention)
    ("每月10日前", "monthly", 12, date(Y, 1, 10), date(Y, 12, 10), "每月X日前: day X of every month"),
    ("每月底", "monthly", 12, date(Y, 1, 31), date(Y, 12, 31), "每月底: every month's end"),
    ("每月", "monthly", 12, date(Y, 1, 31), date(Y, 12, 31), "每月: every month's end"),
    ("每月上旬", "monthly", 12, date(Y, 1, 10), date(Y, 12, 10), "上旬: the 10th"),
    ("每月在10日、25日前", "monthly", 24, date(Y, 1, 10), date(Y, 12, 25), "two report days: both, each month"),
    ("每月5日和20日前", "monthly", 24, date(Y, 1, 5), date(Y, 12, 20), "two report days: both, each month"),
    ("按月报送", "monthly", 12, date(Y, 1, 31), date(Y, 12, 31), "按月: every month's end"),
    ("每季度", "quarterly", 4, date(Y, 3, 31), date(Y, 12, 31), "每季度: every quarter's end"),
    ("每季度末", "quarterly", 4, date(Y, 3, 31), date(Y, 12, 31), "每季度末: every quarter's end"),
    ("按季通报", "quarterly", 4, date(Y, 3, 31), date(Y, 12, 31), "按季: every quarter's end"),
    ("每季度第一个月10日前", "quarterly", 4, date(Y, 1, 10), date(Y, 10, 10), "the 10th of a quarter's first month"),
    ("每季度末月25日前", "quarterly", 4, date(Y, 3, 25), date(Y, 12, 25), "the 25th of a quarter's last month"),
    ("每季度次月10日前", "quarterly", 3, date(Y, 4, 10), date(Y, 10, 10), "the 10th of the month after, in the year"),
    ("每季度结束后10日内", "quarterly", 3, date(Y, 4, 10), date(Y, 10, 10), "ten days after, in the year"),
    ("每半年", "half_yearly", 2, date(Y, 6, 30), date(Y, 12, 31), "每半年: 30 June and 31 December"),
    ("每年", "yearly", 1, date(Y, 12, 31), date(Y, 12, 31), "每年: 31 December"),
    ("每年3月底前", "yearly", 1, date(Y, 3, 31), date(Y, 3, 31), "每年X月底前: that day"),
    ("每周", "weekly", 52, date(Y, 1, 6), date(Y, 12, 29), "每周: the working week's last day, Friday"),
    ("每周一", "weekly", 52, date(Y, 1, 2), date(Y, 12, 25), "每周X: that weekday"),
    ("每周五前", "weekly", 52, date(Y, 1, 6), date(Y, 12, 29), "每周X: that weekday"),
    ("每旬", "ten_daily", 36, date(Y, 1, 10), date(Y, 12, 31), "旬报: the 10th, the 20th, the month's end"),
]


@pytest.mark.parametrize(
    ("phrase", "recurrence", "count", "first", "last", "convention"),
    RECURRING_FORMS,
    ids=[row[0] for row in RECURRING_FORMS],
)
def test_recurring_forms(phrase, recurrence, count, first, last, convention):
    read = read_time_phrase(phrase, Y)
    assert read.recurrence == recurrence, convention
    assert (len(read.occurrences), read.occurrences[0], read.occurrences[-1]) == (count, first, last), convention
    assert read.due == first and list(read.occurrences) == sorted(read.occurrences)
    assert all(d.year == Y for d in read.occurrences)


def test_a_day_past_a_short_months_end_falls_on_its_last_day():
    read = read_time_phrase("每月31日前", Y)
    assert read.occurrences[1] == date(Y, 2, 28) and read.occurrences[3] == date(Y, 4, 30)


def test_once_a_week_is_weekly_not_mondays():
    (phrase,) = find_time_phrases("每周一次", Y)
    assert (phrase.text, phrase.occurrences[0]) == ("每周", date(Y, 1, 6))


def test_two_report_days_a_month_become_both_occurrences_of_one_obligation():
    (phrase,) = find_time_phrases("每月在10日、25日前将月度完成情况表上报市安监局", Y)
    assert phrase.text == "每月在10日、25日前"
    assert phrase.occurrences[:4] == (date(Y, 1, 10), date(Y, 1, 25), date(Y, 2, 10), date(Y, 2, 25))

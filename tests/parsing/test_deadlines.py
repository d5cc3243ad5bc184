"""The time-phrase reader, alone and inside documents of the genre."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.deadlines import find_time_phrases, read_time_phrase

SAMPLES = Path(__file__).parent / "samples"
Y = 2023


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("10月底前", date(Y, 10, 31)),
        ("8月底", date(Y, 8, 31)),
        ("3月15日前", date(Y, 3, 15)),
        ("11月中旬", date(Y, 11, 20)),
        ("4月上旬", date(Y, 4, 10)),
        ("2月下旬", date(Y, 2, 28)),
        ("十月底前", date(Y, 10, 31)),
        ("十二月底", date(Y, 12, 31)),
        ("9月份", date(Y, 9, 30)),
        ("1-6月", date(Y, 6, 30)),
        ("一季度", date(Y, 3, 31)),
        ("第一季度", date(Y, 3, 31)),
        ("二季度", date(Y, 6, 30)),
        ("第四季度", date(Y, 12, 31)),
        ("前三季度", date(Y, 9, 30)),
        ("上半年", date(Y, 6, 30)),
        ("下半年", date(Y, 12, 31)),
        ("年内", date(Y, 12, 31)),
        ("年底前", date(Y, 12, 31)),
        ("全年", date(Y, 12, 31)),
        ("年度", date(Y, 12, 31)),
        ("2023年", date(Y, 12, 31)),
        ("2024年度", date(2024, 12, 31)),
        ("2023年6月底", date(Y, 6, 30)),
        ("2023年6月30日", date(Y, 6, 30)),
        ("2024年11月中旬", date(2024, 11, 20)),
        ("二〇二四年三月底前", date(2024, 3, 31)),
        ("“十四五”", date(2025, 12, 31)),
        ('"十四五"', date(2025, 12, 31)),
        ("十四五期间", date(2025, 12, 31)),
        ("明年", date(Y + 1, 12, 31)),
    ],
)
def test_dated_phrases(phrase, due):
    read = read_time_phrase(phrase, Y)
    assert (read.text, read.due) == (phrase, due)


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("10个工作日内", "relative"),
        ("十个工作日内", "relative"),
        ("3个月内", "relative"),
        ("长期坚持", "ongoing"),
        ("持续推进", "ongoing"),
        ("常态化", "ongoing"),
        ("每季度", "ongoing"),
    ],
)
def test_undated_phrases(phrase, level):
    read = read_time_phrase(phrase, Y)
    assert (read.text, read.level, read.due) == (phrase, level, None)


@pytest.mark.parametrize("phrase", ["择期", "适时", "近期", "6月前", "月底前", "2月30日", "13月底", "本月底"])
def test_time_like_phrases_that_cannot_be_pinned_are_unreadable(phrase):
    read = read_time_phrase(phrase, Y)
    assert read.level == "unreadable" and read.due is None


@pytest.mark.parametrize(
    "text", ["上年度", "跨年度", "中长期贷款", "12个月", "年中调整计划", "3.7亿元", "2023", "3A级"]
)
def test_words_that_are_not_time_phrases(text):
    assert find_time_phrases(text, Y) == []


def test_earlier_years_are_references_not_deadlines():
    (phrase,) = find_time_phrases("比2022年增长10%", Y)
    assert phrase.level == "past"


@pytest.fixture(scope="module")
def doc():
    return parse_document((SAMPLES / "deadline_phrases.txt").read_text(encoding="utf-8"))


D = 2024


@pytest.mark.parametrize(
    ("number", "due", "kind", "expression"),
    [
        (1, date(D, 9, 30), "deadline", "9月底前"),
        (2, date(D, 6, 30), "deadline", "二季度"),
        (3, date(D, 12, 31), "deadline", "下半年"),
        (4, None, "relative", "10个工作日内"),
        (5, None, "ongoing", "长期坚持"),
        (6, date(D, 11, 20), "deadline", "2024年11月中旬"),
        (7, date(D, 10, 31), "deadline", "十月底前"),
        (8, date(D, 3, 15), "deadline", "3月15日前"),
        (9, date(D, 3, 31), "deadline", "一季度"),
        (10, date(D, 6, 30), "deadline", "上半年"),
        (11, date(D, 12, 31), "deadline", "年底前"),
        (12, date(2025, 12, 31), "deadline", "“十四五”期间"),
        (13, date(D, 4, 10), "deadline", "4月上旬"),
        (14, date(D, 12, 31), "deadline", "12月下旬"),
        (15, date(D, 8, 31), "deadline", "8月份"),
        (16, None, "deadline", "择期"),
        (17, date(2025, 6, 30), "deadline", "2025年6月30日前"),
        (18, None, "ongoing", "常态化"),
        (19, None, "ongoing", "持续推进"),
        (20, date(D, 12, 31), "deadline", "年内"),
        (21, date(D, 12, 31), "target", "全年"),
        (22, date(D, 12, 31), "target", "2024年度"),
        (23, date(D, 9, 30), "deadline", "第三季度"),
        (24, None, "deadline", "6月前"),
        (25, date(D, 9, 30), "deadline", "2024年9月底"),
    ],
)
def test_each_phrase_kind_in_a_2024_document(doc, number, due, kind, expression):
    t = next(t for t in doc.tasks if t.number == number)
    (m,) = t.milestones
    assert (m.due_date, m.kind, m.time_expression) == (due, kind, expression)
    assert t.text[m.start : m.end] == m.text


def test_a_year_target_and_a_half_year_share_of_it(doc):
    whole, half = next(t for t in doc.tasks if t.number == 26).milestones
    assert (whole.due_date, whole.kind, whole.target_value, whole.target_unit) == (
        date(D, 12, 31),
        "target",
        1000,
        "亩",
    )
    assert (half.due_date, half.kind, half.target_value) == (date(D, 6, 30), "deadline", 600)


def test_subsidies_in_a_2024_document_are_not_milestones(doc):
    assert next(t for t in doc.tasks if t.number == 27).milestones == []


def test_unreadable_phrases_warn_with_clause_and_line_and_never_guess(doc):
    unreadable = [(w.task, w.line) for w in doc.warnings if "unreadable time phrase" in w.message]
    assert unreadable == [(16, 21), (24, 29)]
    assert "「择期」" in doc.warnings[0].message
    assert len(doc.warnings) == 2

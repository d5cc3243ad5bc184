"""The time-phrase reader, alone and inside documents of the genre."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_tasks.parsing import ParsedMilestone, parse_document
from policy_tasks.parsing.deadlines import find_time_phrases, read_time_phrase
from policy_tasks.parsing.due_fields import clause_due, due_field_milestone
from policy_tasks.parsing.time_phrase import DATED, ONGOING, UNREADABLE
from tests.parsing.milestone_text import milestones_in

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
    ],
)
def test_undated_phrases(phrase, level):
    read = read_time_phrase(phrase, Y)
    assert (read.text, read.level, read.due) == (phrase, level, None)


# `三月前` may be `三个月前` ("three months ago"); `6月前` is read as June's end (`month_before`).
@pytest.mark.parametrize("phrase", ["择期", "适时", "近期", "三月前", "月底前", "2月30日", "13月底", "本月底"])
def test_time_like_phrases_that_cannot_be_pinned_are_unreadable(phrase):
    read = read_time_phrase(phrase, Y)
    assert read.level == "unreadable" and read.due is None


@pytest.mark.parametrize(
    "text", ["上年度", "跨年度", "中长期贷款", "12个月", "年中调整计划", "3.7亿元", "2023", "3A级"]
)
def test_words_that_are_not_time_phrases(text):
    assert find_time_phrases(text, Y) == []


@pytest.mark.parametrize(
    "text", ["确保“十四五”开好局起好步", "实现“十五五”良好开局", "“十四五”发展开好局、起好步", "是“十四五”开局之年"]
)
def test_a_plan_period_named_for_its_start_is_no_time_phrase(text):
    """A good start of a period commits nothing by its end."""
    assert [p for p in find_time_phrases(text, Y) if p.level == "plan"] == []


@pytest.mark.parametrize(
    "text", ["实现“十三五”规划圆满收官", "“十四五”期间建成起步区", "“十四五”末起步", "“十四五”期间完成改造,为开好局"]
)
def test_a_plan_periods_end_or_span_beside_words_of_a_start_is_still_its_end(text):
    (phrase,) = [p for p in find_time_phrases(text, Y) if p.level == "plan"]
    assert phrase.due.month == 12 and phrase.due.day == 31


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
        (5, date(D, 12, 31), "ongoing", "长期坚持"),
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
        (18, date(D, 12, 31), "ongoing", "常态化"),
        (19, date(D, 12, 31), "ongoing", "持续推进"),
        (20, date(D, 12, 31), "deadline", "年内"),
        (21, date(D, 12, 31), "target", "全年"),
        (22, date(D, 12, 31), "target", "2024年度"),
        (23, date(D, 9, 30), "deadline", "第三季度"),
        (24, date(D, 6, 30), "deadline", "6月前"),
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
    assert unreadable == [(16, 21), (35, 40)]
    assert "「择期」" in doc.warnings[0].message
    assert "「春节前」" in next(w.message for w in doc.warnings if w.task == 35)


# --- The forms of issue 12, each with the convention of the genre it reads ------------------

FORMS = [
    # (phrase, due in a 2023 document, convention)
    ("9月投入使用", date(Y, 9, 30), "a bare month is due at its end"),
    ("5月底前动工", date(Y, 5, 31), "月底前: the month's last day"),
    ("年底前", date(Y, 12, 31), "year-level phrases: 31 December"),
    ("年内", date(Y, 12, 31), "year-level phrases: 31 December"),
    ("6月中旬", date(Y, 6, 20), "中旬: the 20th"),
    ("6月上旬", date(Y, 6, 10), "上旬: the 10th"),
    ("6月下旬", date(Y, 6, 30), "下旬: the month's end"),
    ("7月初", date(Y, 7, 10), "月初 is read as 上旬"),
    ("10月15日前", date(Y, 10, 15), "a day is that day"),
    ("6月30日前", date(Y, 6, 30), "a day is that day"),
    ("2024年3月底前", date(2024, 3, 31), "a year written in full is that year"),
    ("2023—2025年", date(2025, 12, 31), "a range ends with its last year"),
    ("2023年—2025年", date(2025, 12, 31), "a range ends with its last year"),
    ("2023至2025年", date(2025, 12, 31), "a range ends with its last year"),
    ("3月至6月", date(Y, 6, 30), "a range ends with its last period"),
    ("2023年6月至2024年6月", date(2024, 6, 30), "a range ends with its last period"),
    ("“十四五”期间", date(2025, 12, 31), "a five-year plan ends with its last year"),
    ("“十四五”末", date(2025, 12, 31), "a five-year plan ends with its last year"),
    ("明年", date(Y + 1, 12, 31), "明年/次年: the document's year + 1"),
    ("次年", date(Y + 1, 12, 31), "明年/次年: the document's year + 1"),
    ("明年底前", date(Y + 1, 12, 31), "明年/次年: the document's year + 1"),
    ("次年3月底前", date(Y + 1, 3, 31), "明年/次年 before a month: that month next year"),
    ("第一季度", date(Y, 3, 31), "a quarter ends with its last month"),
    ("三季度末", date(Y, 9, 30), "a quarter ends with its last month"),
    ("四季度", date(Y, 12, 31), "a quarter ends with its last month"),
    ("前三季度", date(Y, 9, 30), "前N季度 ends with the Nth quarter"),
    ("下半年", date(Y, 12, 31), "a half-year ends with its last month"),
    ("年中", date(Y, 6, 30), "年中: 30 June, as 上半年"),
    ("年中前完成", date(Y, 6, 30), "年中: 30 June, as 上半年"),
    ("2023年12月底", date(Y, 12, 31), "a month with its year"),
    ("12月底", date(Y, 12, 31), "月底: the month's last day"),
    ("2023年底", date(Y, 12, 31), "a year's 底: 31 December"),
    ("2023.12", date(Y, 12, 31), "a table's year.month: the month's end"),
    ("2023-12", date(Y, 12, 31), "a table's year-month: the month's end"),
    ("2023年12月", date(Y, 12, 31), "a month with its year: its end"),
    ("2023-12-31", date(Y, 12, 31), "a table's ISO date"),
    ("2023/12/31", date(Y, 12, 31), "a table's date with slashes"),
    ("2023.6-2023.12", date(Y, 12, 31), "a table's range of months ends with the last"),
    ("12月", date(Y, 12, 31), "a bare month is due at its end"),
    ("6月底前启动,年底前完成", date(Y, 12, 31), "a 完成时限 names when the task is done: the latest date"),
]


@pytest.mark.parametrize(("phrase", "due", "convention"), FORMS, ids=[row[0] for row in FORMS])
def test_forms_of_the_genre(phrase, due, convention):
    read = read_time_phrase(phrase, Y)
    assert read.level in DATED and read.due == due, convention


ONGOING_VALUES = ["持续推进", "长期坚持", "常态化", "长期", "持续开展", "常态化推进", "长期有效"]


@pytest.mark.parametrize("value", ONGOING_VALUES)
def test_ongoing_due_values(value):
    """A 完成时限 that is all ongoing (`长期`, `持续推进`) has no date of its own."""
    read = read_time_phrase(value, Y)
    assert (read.level, read.due, read.text) == (ONGOING, None, value)


@pytest.mark.parametrize("phrase", ["春节前", "节前", "年前"])
def test_holidays_are_unreadable_rather_than_guessed(phrase):
    """Which Spring Festival a 春节前 means depends on when the plan was issued: never guess."""
    assert read_time_phrase(phrase, Y).level == UNREADABLE


@pytest.mark.parametrize(
    "text", ["每人每月500元", "每月500元", "每亩每年补助200元", "初步完成", "年中调整计划", "逐年提高", "十月"]
)
def test_rates_and_words_are_not_time_phrases(text):
    """Rates (`每人每月500元`) are not recurring deadlines; 初步 is not 月初."""
    assert find_time_phrases(text, Y) == []


# --- Milestones: recurring and ongoing in prose, and 完成时限 values ---------------------------


def test_a_recurring_report_is_a_milestone_without_a_cue_word():
    (m,), _ = milestones_in("每月10日前报送工作进展情况。", Y)
    assert (m.kind, m.recurrence, m.due_date, len(m.occurrences)) == ("deadline", "monthly", date(Y, 1, 10), 12)


def test_a_monthly_rate_is_no_milestone():
    found, _ = milestones_in("对困难群众每人每月发放生活补贴500元。", Y)
    assert found == []


def test_ongoing_work_is_due_on_the_default():
    (m,), _ = milestones_in("持续推进营商环境优化。", Y)
    assert (m.kind, m.due_date, m.time_expression) == ("ongoing", date(Y, 12, 31), "持续推进")


DUE_FIELDS = [
    # (value, kind, due, recurrence, convention)
    ("持续推进", "ongoing", date(Y, 12, 31), None, "ongoing: the document's default due"),
    ("长期坚持", "ongoing", date(Y, 12, 31), None, "ongoing: the document's default due"),
    ("长期", "ongoing", date(Y, 12, 31), None, "ongoing: the document's default due"),
    ("2023年底", "deadline", date(Y, 12, 31), None, "a year's 底: 31 December"),
    ("2023年12月底", "deadline", date(Y, 12, 31), None, "a month with its year"),
    ("2023.12", "deadline", date(Y, 12, 31), None, "a table's year.month"),
    ("12月", "deadline", date(Y, 12, 31), None, "a bare month: its end"),
    ("每季度", "deadline", date(Y, 3, 31), "quarterly", "recurring: the first occurrence"),
    ("每月10日前", "deadline", date(Y, 1, 10), "monthly", "recurring: the first occurrence"),
    ("10个工作日内", "relative", None, None, "relative to an event: no date"),
]


@pytest.mark.parametrize(
    ("value", "kind", "due", "recurrence", "convention"), DUE_FIELDS, ids=[r[0] for r in DUE_FIELDS]
)
def test_due_field_values(value, kind, due, recurrence, convention):
    text = f"完成时限:{value}"
    warnings = []
    m = due_field_milestone(
        text, (0, len(text), 5, len(text)), year=Y, warn=lambda o, w: warnings.append(w), default_due=date(Y, 12, 31)
    )
    assert (m.kind, m.due_date, m.recurrence, m.text) == (kind, due, recurrence, text), convention
    assert warnings == []


def test_an_ongoing_due_field_without_a_default_is_due_at_the_years_end_and_a_stated_default_wins():
    text = "完成时限:长期坚持"
    field = (0, len(text), 5, len(text))
    assert due_field_milestone(text, field, year=Y, warn=print).due_date == date(Y, 12, 31)
    assert due_field_milestone(text, field, year=Y, warn=print, default_due=date(Y, 6, 30)).due_date == date(Y, 6, 30)


def test_a_due_field_in_another_year_keeps_it_and_warns():
    text = "完成时限:2024年3月底"
    warnings = []
    m = due_field_milestone(
        text, (0, len(text), 5, len(text)), year=Y, warn=lambda o, w: warnings.append((o, w)), where="第7条"
    )
    assert m.due_date == date(2024, 3, 31)
    ((offset, message),) = warnings
    assert offset == 5 and message.startswith("第7条提到2024年（「2024年3月底」），与文件年度2023不同，请核对")


def test_only_a_one_off_deadline_field_dates_the_clauses_other_commitments():
    default = date(Y, 12, 31)
    quarterly = ParsedMilestone("完成时限:每季度", 0, 8, date(Y, 3, 31), "deadline", "每季度", recurrence="quarterly")
    ongoing = ParsedMilestone("完成时限:持续推进", 0, 9, default, "ongoing", "持续推进")
    once = ParsedMilestone("完成时限:6月底", 0, 8, date(Y, 6, 30), "deadline", "6月底")
    assert clause_due([quarterly, ongoing], default) == default
    assert clause_due([quarterly, once], default) == date(Y, 6, 30)


# --- The sample document: the new forms in a 2024 plan --------------------------------------


@pytest.mark.parametrize(
    ("number", "due", "kind", "expression", "recurrence", "count"),
    [
        (28, date(D, 9, 30), "deadline", "9月", None, 0),
        (29, date(D, 5, 31), "deadline", "5月底前", None, 0),
        (30, date(D, 1, 10), "deadline", "每月10日前", "monthly", 12),
        (31, date(D, 3, 31), "deadline", "每季度", "quarterly", 4),
        (32, date(D, 6, 30), "deadline", "年中", None, 0),
        (33, date(D + 1, 3, 31), "deadline", "明年3月底前", None, 0),
        (34, date(2026, 12, 31), "target", "2024—2026年", None, 0),
        (35, None, "deadline", "春节前", None, 0),
        (36, date(D, 1, 5), "deadline", "每周五前", "weekly", 52),
        (37, date(D, 6, 30), "deadline", "每半年", "half_yearly", 2),
        (40, date(D, 6, 20), "deadline", "6月中旬前", None, 0),
    ],
)
def test_new_forms_in_a_2024_document(doc, number, due, kind, expression, recurrence, count):
    t = next(t for t in doc.tasks if t.number == number)
    (m,) = t.milestones
    assert (m.due_date, m.kind, m.time_expression, m.recurrence, len(m.occurrences)) == (
        due,
        kind,
        expression,
        recurrence,
        count,
    )
    assert t.text[m.start : m.end] == m.text


def test_a_stated_year_and_the_month_after_it_in_a_2024_document(doc):
    first, second = next(t for t in doc.tasks if t.number == 38).milestones
    assert (first.due_date, second.due_date) == (date(D, 3, 31), date(D, 6, 30))


def test_rates_in_a_2024_document_are_not_recurring_milestones(doc):
    assert next(t for t in doc.tasks if t.number == 39).milestones == []


def test_other_years_warn_in_a_2024_document(doc):
    other = sorted((w.task, w.line) for w in doc.warnings if "与文件年度2024不同" in w.message)
    assert other == [(17, 22), (33, 38), (34, 39)]

"""The year a document's phrases are read in, the warning where a phrase names another, and the years\nthat are names or horizons rather than deadlines (a book title, `到2025年`)."""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing.deadlines import find_time_phrases, guess_year, read_time_phrase
from policy_tasks.parsing.header import Header, assumed_year_message, header_year
from policy_tasks.parsing.time_phrase import PAST
from tests.parsing.milestone_text import milestones_in

Y = 2023


@pytest.mark.parametrize(
    ("phrase", "stated"),
    [("2024年3月底前", 2024), ("明年", 2024), ("2023—2025年", 2025), ("6月底前", None), ("“十四五”", None)],
)
def test_a_phrase_says_which_year_it_states(phrase, stated):
    assert read_time_phrase(phrase, Y).stated_year == stated


def test_a_year_stated_in_a_sentence_governs_its_later_months():
    """承前省略: `2024年3月底前…,6月底前…` are both 2024; a new sentence reads in the document's year."""
    phrases = find_time_phrases("2024年3月底前完成规划,6月底前开工。9月底前验收", Y)
    assert [p.due for p in phrases] == [date(2024, 3, 31), date(2024, 6, 30), date(Y, 9, 30)]


def test_an_earlier_year_with_a_month_is_a_reference():
    (phrase,) = find_time_phrases("较2022年6月底增长10%", Y)
    assert phrase.level == PAST


def test_another_year_keeps_its_date_and_warns_once_per_phrase():
    found, warnings = milestones_in("2024年3月底前完成规划编制,6月底前开工建设。", Y)
    assert [(m.due_date, m.time_expression) for m in found] == [
        (date(2024, 3, 31), "2024年3月底前"),
        (date(2024, 6, 30), "6月底前"),
    ]
    ((offset, message),) = warnings
    assert offset == 0
    assert message.startswith("第3条提到2024年") and "与文件年度2023不同，请核对" in message


@pytest.mark.parametrize("text", ["2023年6月底前完成规划编制。", "“十四五”新增装机18万千瓦。", "年底前完成验收。"])
def test_the_documents_own_year_and_plan_periods_do_not_warn(text):
    found, warnings = milestones_in(text, Y)
    assert found and warnings == []


def test_next_year_warns():
    _, warnings = milestones_in("明年完成验收。", Y)
    assert ["提到2024年（「明年」）" in m for _, m in warnings] == [True]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("某县2024年工作要点\n一、重点任务\n1. 年内完成。", 2024),
        ("关于印发《2023—2025年农村人居环境整治行动计划》的通知\n1. 2025年底前完成。", 2023),
        ("1. 2024年6月底前完成甲。\n2. 比2022年增长10%。\n3. 2024年9月底前完成乙。\n4. 2022年完成。", 2024),
        ("1. 2023年完成甲。\n2. 2024年完成乙。", 2024),
        ("1. 年内完成。\n2. 明年完成。", None),
        ("", None),
    ],
)
def test_guess_year(text, year):
    """The plan's title year first; else the year its deadlines state most; ties go to the later year."""
    assert guess_year(text) == year


def test_header_year_reads_the_title_and_says_none_when_the_header_has_no_year():
    assert header_year(Header(title="龙游县2024年重点任务推进方案")) == 2024
    assert header_year(Header(title="关于加快发展的实施方案")) is None
    assert header_year(Header(title="x", number_year=2022)) == 2022
    assert "2024年" in assumed_year_message(2024)


# --- Schedules, titles and horizons ---------------------------------------------------------


def test_schedule_entries_are_due_on_their_labels():
    """`时间:事项` entries are commitments by construction; the line's last entry ends with its sentence."""
    found, _ = milestones_in(
        "第一季度:印发《2023年工作方案》,明确任务分配。完成任务20%以上。 第二季度:完成任务的50%以上。"
        " 第四季度:确保超额完成年度任务。进展情况:已完成。\n4月:公布采购意向公告。申请资产配置。",
        Y,
    )
    assert [(m.due_date, m.time_expression, m.text) for m in found] == [
        (date(Y, 3, 31), "第一季度", "第一季度:印发《2023年工作方案》,明确任务分配。完成任务20%以上"),
        (date(Y, 6, 30), "第二季度", "第二季度:完成任务的50%以上"),
        (date(Y, 12, 31), "第四季度", "第四季度:确保超额完成年度任务"),
        (date(Y, 4, 30), "4月", "4月:公布采购意向公告"),
    ]
    assert (found[0].target_value, found[0].target_unit) == (20, "%")


def test_a_year_inside_a_book_title_is_a_name_not_a_deadline():
    found, warnings = milestones_in("印发《广州市2024年违法建设治理工作方案》。", Y)
    assert found == [] and warnings == []


def test_a_month_of_its_own_schedules_a_payout():
    """`6月底前下达60%以上` of 预算内资金 is a schedule, not a rule of what is paid."""
    (m,), _ = milestones_in("省预算内资金2023年6月底前下达60%以上。", Y)
    assert (m.due_date, m.target_value) == (date(Y, 6, 30), 60)


def test_a_goal_horizon_does_not_carry_its_year():
    """`到2025年…,6月底前…`: the months after a bare horizon are this year's schedule."""
    phrases = find_time_phrases("到2025年建成10个,6月底前启动试点。", Y)
    assert [p.due for p in phrases] == [date(2025, 12, 31), date(Y, 6, 30)]

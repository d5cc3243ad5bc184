"""Recurring duties of the genre (issue 12), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (the corpus score counts the
gold's recurring duties against the parse's recurring milestones of their period): a paired-assistance
unit (`对口协助单位`) doing a thing every quarter, a yearly publication (`每年定期公布`) or a yearly round of
selection (`每年选拔…N名`). A yearly rate or target (`每年增长8%`) stays what it was. A daily duty
(`每天报送`) is still read as no recurring milestone: see docs/parsing.md (issue 12) for why.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _recurring(task) -> list[tuple[str, int]]:
    return [(m.recurrence, len(m.occurrences)) for m in task.milestones if m.recurrence]


_WORK_POINTS = "\n".join(
    [
        "某县2024年生态环境保护工作要点",
        "一、强化责任落实",
        "1.压实成员单位责任。对口帮扶单位每季度到联系乡镇开展不少于一次实地督导,发现问题及时反馈。"
        "(县生态环境局牵头,各成员单位参与)",
        "2.加强信息公开。每年定期公布全县空气质量和水环境质量状况。(县生态环境局、县统计局负责)",
        "3.实施青年人才计划。加大对40岁以下青年技术骨干培养力度,每年选拔不少于50名青年技术骨干赴外研修。"
        "(牵头单位:县人社局,配合单位:各乡镇)",
        "4.开展年度评估。每年对各乡镇开展一次考核评估,结果纳入年度考核。(县考核办牵头)",
        "5.促进经济增长。全县地区生产总值每年增长6%以上。(县发展改革委牵头)",
    ]
)


def test_a_paired_assistance_unit_is_no_condition_and_its_quarterly_duty_recurs():
    """`对口协助单位每季度…开展不少于一次检查`: 对口 (paired assistance) names the unit doing the work; it is
    not the preposition 对 that opens a condition (`对…的`), so the part is a quarterly duty."""
    doc = _parse(_WORK_POINTS)
    assert _recurring(doc.tasks[0]) == [("quarterly", 4)]


def test_every_year_regularly_published_is_a_yearly_duty():
    """`每年定期公布…`: 每年 before 定期 (regularly) dates a routine of the year, not a quantity."""
    doc = _parse(_WORK_POINTS)
    assert _recurring(doc.tasks[1]) == [("yearly", 1)]
    assert doc.tasks[1].milestones[0].due_date.isoformat() == "2024-12-31"


def test_a_yearly_selection_of_a_number_of_people_recurs():
    """`每年选拔不少于50名…`: a selection (选拔) commits to its number, as a 选派 does; with 每年 it recurs."""
    doc = _parse(_WORK_POINTS)
    assert _recurring(doc.tasks[2]) == [("yearly", 1)]


def test_a_count_of_times_each_year_is_a_yearly_duty():
    """`每年…开展一次考核评估`: a number of times a year (一次, 两次) makes 每年 a routine's period."""
    doc = _parse(_WORK_POINTS)
    assert _recurring(doc.tasks[3]) == [("yearly", 1)]


def test_a_yearly_rate_is_no_duty_of_its_own():
    """`每年增长6%以上`: the bare 每年 dates a growth rate as it always did (a target, no count of times)."""
    doc = _parse(_WORK_POINTS)
    milestones = doc.tasks[4].milestones
    assert [m.kind for m in milestones] == ["target"]


def test_a_daily_report_is_still_no_recurring_milestone():
    """`每天…报送进度`: the parser reads no daily recurrence (a row per day in the ledger; docs/parsing.md)."""
    doc = _parse(
        "\n".join(
            [
                "某镇2024年秸秆禁烧工作方案",
                "1.加强调度。各村每天向镇禁烧办报送禁烧工作进展情况。(镇农业办牵头)",
                "2.做好宣传。各村要广泛宣传秸秆禁烧政策。(镇宣传办牵头)",
            ]
        )
    )
    assert _recurring(doc.tasks[0]) == []

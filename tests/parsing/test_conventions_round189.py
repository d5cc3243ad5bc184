def test_a_section_heading_pairing_two_phrases_is_a_heading_row_of_a_spaced_table() -> None:
    from policy_tasks.parsing.space_rows import heading_row

    long = "二、坚持依法行政和规范执法并重,全面提升农业综合行政执法队伍的履职能力与水平"
    assert 40 < len(long) <= 60
    assert heading_row(long) == long
    assert heading_row("(三)" + long[2:]) is not None
    # Near cases: a `1.` line that long is a row's text, and a heading over 60 characters or holding a sentence is none.
    assert heading_row("1." + long[2:]) is None
    assert heading_row(long + "并建立健全执法监督与考核评价的长效工作机制") is None
    assert heading_row("二、坚持依法行政。全面提升执法能力") is None


_SPACED_ONE_ROW = """2024年全县农业执法工作的总体思路是:以提升执法效能为重点,推动农业综合行政执法改革走深走实。
序号 重点任务 责任单位 完成时限
二、坚持依法行政和规范执法并重,全面提升农业综合行政执法队伍的履职能力与水平
1 组织开展执法人员轮训,全年培训不少于两期。 县农业农村局牵头,县司法局配合 2024年10月底前
"""


def test_a_spaced_table_of_one_row_under_a_long_section_heading_is_read() -> None:
    doc = _parse(_SPACED_ONE_ROW)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [("1", ["县农业农村局"], ["县司法局"])]
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 10, 31)]

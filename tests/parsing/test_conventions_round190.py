"""Round 190's conventions (fixer f190): a month's deadline opening its sentence dates the part after it whatever the
verb (`opening_deadlines`); a breakdown's role singled out after `特别是` may open a sentence and stand off its `要`
with a comma (`singled_roles`); a notice requirement's heading run into its subject with no stop (`stopless_points`
via `role_sentences.opening_starts`); a leaders' cell written a name a line in a table flattened a cell a line
(`leader_cell_lines`). Written in wordings the round's documents do not use, with near cases that must read otherwise."""

from datetime import date

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dues(task) -> list[date | None]:
    return [m.due_date for m in task.milestones]


_PLAN = """某省优化营商环境2023年行动方案
一、重点任务
1. 简化不动产登记流程。{body}(牵头单位:省自然资源厅)
2. 提升纳税便利度。8月底前,推行电子发票全覆盖。(牵头单位:省税务局)
"""


def test_a_months_deadline_opening_the_sentence_dates_a_rule_setting_commitment() -> None:
    doc = _parse(_PLAN.format(body="5月底前,明确登记适用范围、办理时限和申请材料,规范办理流程。"))
    assert _dues(doc.tasks[0]) == [date(2023, 5, 31)]
    assert _dues(doc.tasks[1]) == [date(2023, 8, 31)]


def test_a_month_with_no_deadline_word_and_a_report_of_work_done_stay_as_they_were() -> None:
    # near cases: `截至5月底,已…` reports a tally; the year alone (`到2025年,`) is a horizon that needs its verb.
    assert _dues(_parse(_PLAN.format(body="截至5月底,已明确登记适用范围。")).tasks[0]) == []
    assert _dues(_parse(_PLAN.format(body="到2025年,明确登记适用范围。")).tasks[0]) == []


_NOTICE = """各县(市、区)人民政府,市政府各部门:
《2023年重点工作任务分解方案》已经市政府同意,现就有关事项通知如下。
一、细化工作措施。各责任单位要对照分解方案逐项制定推进计划。{singled}各责任单位要于2023年3月10日前将推进计划报市政府督查室。
二、{heading}各责任单位要按季度报送进展情况。配合单位要主动对接。
"""


def test_a_role_singled_out_in_a_sentence_of_its_own_with_a_comma_helps() -> None:
    doc = _parse(_NOTICE.format(singled="尤其是牵头单位,要加强统筹,督促配合单位同步推进。", heading="强化督办。"))
    first = doc.tasks[0]
    assert first.lead_units == ["各责任单位"]
    assert first.co_units == ["牵头单位"]


def test_a_role_singled_out_with_another_subject_after_the_comma_is_not_charged() -> None:
    # near case: the comma is followed by another subject, no `要` of the singled role.
    doc = _parse(_NOTICE.format(singled="尤其是牵头单位的主要负责人,要亲自过问。", heading="强化督办。"))
    assert "牵头单位" not in doc.tasks[0].co_units


def test_a_requirement_heading_run_into_its_subject_leaves_the_subject_its_sentence() -> None:
    doc = _parse(_NOTICE.format(singled="", heading="加强跟踪督办"))
    second = doc.tasks[1]
    assert second.lead_units == ["各责任单位"]
    assert second.co_units == ["配合单位"]


_TABLE = """2023年重点工作责任分解表
序号
工作任务
目标要求
县政府
分管领导
牵头单位
配合单位
1
乡村振兴
(1)推进高标准农田建设,年内新建高标准农田2万亩,提升耕地质量。
张立新
刘海波
农业农村局
财政局、水利局,各乡镇
"""


def test_a_leaders_cell_written_a_name_a_line_under_a_leaders_column() -> None:
    doc = _parse(_TABLE)
    task = doc.tasks[0]
    assert task.lead_units == ["农业农村局"]
    assert task.co_units == ["财政局", "水利局", "各乡镇"]
    assert task.leaders == ["张立新", "刘海波"]


def test_names_under_a_table_with_no_leaders_column_are_not_read_as_leaders() -> None:
    # near case: the header names no leaders' column; a name after the sentence is no cell of the row.
    doc = _parse(_TABLE.replace("县政府\n分管领导\n", ""))
    assert not doc.tasks or doc.tasks[0].leaders == []


def test_a_leaders_cell_a_name_a_line_keeps_its_names_with_the_posts_written_beside_them() -> None:
    # A table writes the post beside each name in one of three ways (tests/parsing/leader_swaps.py's forms).
    for first, second in (
        ("张立新(副县长)", "刘海波(县委书记)"),
        ("副县长张立新", "县委书记刘海波"),
        ("张立新 副县长", "刘海波 县委书记"),
    ):
        task = _parse(_TABLE.replace("张立新\n刘海波", f"{first}\n{second}")).tasks[0]
        assert task.lead_units == ["农业农村局"], first
        assert task.co_units == ["财政局", "水利局", "各乡镇"], first
        assert len(task.leaders) == 2, (first, task.leaders)

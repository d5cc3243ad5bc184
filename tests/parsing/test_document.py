"""Document structure, header fallbacks and the errors a caller can get."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_tasks.parsing import ParseError, format_summary, parse_bytes, parse_document

SAMPLES = Path(__file__).parent / "samples"
SMALL = "某县实施方案\n某政发〔2024〕1号\n\n1. 做好甲。9月底前完成甲。(责任单位:县发改局)\n"


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff"])
def test_empty_text_is_refused(text):
    with pytest.raises(ParseError, match="empty"):
        parse_document(text)


def test_text_without_clauses_is_refused():
    with pytest.raises(ParseError, match="no numbered clauses found"):
        parse_document("关于做好工作的通知\n\n各单位:请认真落实。\n\n2023年5月1日\n")


def test_a_document_with_no_year_is_refused_unless_given_one():
    text = "1. 做好甲。9月底前完成甲。(责任单位:县发改局)"
    with pytest.raises(ParseError, match="--year"):
        parse_document(text)
    doc = parse_document(text, year=2025)
    assert doc.tasks[0].milestones[0].due_date == date(2025, 9, 30)


def test_year_argument_wins_over_the_header():
    assert parse_document(SMALL, year=2026).tasks[0].milestones[0].due_date == date(2026, 9, 30)
    with pytest.raises(ParseError):
        parse_document(SMALL, year=20)


def test_gb18030_text_reads_like_utf8():
    # Offices save .txt as GBK as often as UTF-8 (issue 12): both are read.
    assert parse_bytes(SMALL.encode("gb18030")).to_dict() == parse_bytes(SMALL.encode("utf-8")).to_dict()


def test_utf8_with_or_without_bom():
    assert parse_bytes(SMALL.encode("utf-8-sig")).doc_number == "某政发〔2024〕1号"
    assert parse_bytes(SMALL.encode("utf-8")).year == 2024


def test_parse_error_is_a_value_error_with_one_line():
    with pytest.raises(ValueError) as caught:
        parse_document("")
    assert "\n" not in str(caught.value)


def test_notice_only_document_takes_the_plan_title_and_its_closing_date():
    doc = parse_document((SAMPLES / "notice_only.txt").read_text(encoding="utf-8"))
    assert doc.title == "常山县促进消费若干措施"
    assert (doc.doc_number, doc.issued_on, doc.year) == ("", date(2023, 4, 10), 2023)
    assert [(w.task, w.message) for w in doc.warnings] == [(None, "未找到发文字号 (no document number found)")]
    assert [(t.number, t.area) for t in doc.tasks] == [(1, None), (2, None)]
    assert doc.tasks[0].milestones[0].due_date == date(2023, 6, 30)
    assert "未分领域" in format_summary(doc)


@pytest.mark.parametrize("number", ["1.", "1．", "1、", "1 . "])
def test_clause_number_forms(number):
    doc = parse_document(f"2024年方案\n{number}做好甲。(责任单位:县发改局)\n")
    assert [(t.number, t.title, t.lead_units) for t in doc.tasks] == [(1, "做好甲", ["县发改局"])]


def test_decimal_lines_are_not_clauses():
    doc = parse_document("2024年方案\n1. 做好甲。(责任单位:县发改局)\n2.5亿元用于乙。\n")
    assert [t.number for t in doc.tasks] == [1]


def test_parenthesised_numbers_are_clauses_only_when_nothing_else_is():
    doc = parse_document("2024年方案\n(1)做好甲。(责任单位:县发改局)\n（2）做好乙。(责任单位:县财政局)\n")
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县发改局"]), (2, ["县财政局"])]


def test_out_of_sequence_and_duplicate_numbers_warn():
    text = "2024年方案\n1. 甲。(责任单位:A局)\n3. 乙。(责任单位:B局)\n3. 丙。(责任单位:C局)\n4. 丁。(责任单位:D局)\n"
    doc = parse_document(text)
    assert [t.number for t in doc.tasks] == [1, 3, 3, 4]
    numbering = [w for w in doc.warnings if w.task is not None]
    assert [(w.task, w.line) for w in numbering] == [(3, 3), (3, 4)]
    assert "out of sequence" in numbering[0].message
    assert "duplicate" in numbering[1].message


def test_an_item_read_as_one_clause_per_bracket_is_no_duplicate_number():
    text = (
        "2024年方案\n1. 编制清单。(责任单位:A局)完成锅炉淘汰。(责任单位:B局)\n"
        "2. 乙。(责任单位:C局)\n2. 丙。(责任单位:D局)\n"
    )
    doc = parse_document(text)
    assert [t.label for t in doc.tasks] == ["1-1", "1-2", "2", "2"]
    # The two clauses of item 1 are the parser's own split; the second item 2 is a real repeat.
    assert [(w.task, "duplicate" in w.message) for w in doc.warnings if w.task is not None] == [(4, True)]


def test_wrapped_clause_lines_join_until_the_responsibility():
    text = "2024年方案\n1. 做好甲。年内完成\n改造项目5个。\n(责任单位:县住建局)\n后续说明文字。\n"
    (t,) = parse_document(text).tasks
    assert t.text == "做好甲。年内完成\n改造项目5个。\n(责任单位:县住建局)"
    assert t.lead_units == ["县住建局"]
    (m,) = t.milestones
    assert (m.text, m.target_value) == ("年内完成\n改造项目5个", 5)


def test_default_due_comes_from_the_closing_paragraph_or_the_year_end():
    closing = "本方案自2024年1月1日起施行,有效期至2025年6月30日。"
    assert parse_document(SMALL + "\n" + closing).default_due == date(2025, 6, 30)
    assert parse_document(SMALL).default_due == date(2024, 12, 31)


def test_targets_without_a_time_take_the_clause_completion_time():
    text = "2024年方案\n1. 做好甲。新建公园3个。\n牵头单位:县住建局 完成时限:2024年10月底\n"
    (t,) = parse_document(text).tasks
    park, limit = t.milestones
    assert (park.text, park.due_date, park.target_value) == ("新建公园3个", date(2024, 10, 31), 3)
    assert (limit.text, limit.due_date) == ("完成时限:2024年10月底", date(2024, 10, 31))


def test_summary_of_a_small_document_lists_each_clause():
    summary = format_summary(parse_document(SMALL))
    assert "某县实施方案" in summary and "09-30" in summary and "县发改局" in summary


def test_items_numbered_di_x_xiang_are_clauses_and_their_number_is_no_target():
    """`第1项` / `第三项` number items as `第X条` does; `1项` beside the number is no quantity to deliver."""
    doc = parse_document(
        "测县2024年重点工作方案\n一、重点任务\n第1项　推进道路改造,年底前完工。(责任单位:县住建局)\n"
        "第2项 加快管网建设,10月底前完成。(责任单位:县水利局)\n第三项 做好学校扩容。(责任单位:县教育局)\n"
    )
    assert [(t.label, t.lead_units, [m.time_expression for m in t.milestones]) for t in doc.tasks] == [
        ("第1项", ["县住建局"], ["年底前"]),
        ("第2项", ["县水利局"], ["10月底前"]),
        ("第三项", ["县教育局"], []),
    ]


def test_a_decimal_outline_reads_its_items_under_their_major_numbers_and_a_figure_is_no_number():
    """`1 交通` / `1.1 …` / `2.1.1 …`, as technical plans number: the items are the clauses, cited as
    written, their headings the areas; `2.5亿元` at a line's start is a figure, not an item."""
    doc = parse_document(
        "测县2024年重点工作实施方案\n1 交通基础设施\n1.1 推进道路改造,年底前完工。(责任单位:县住建局)\n"
        "1.2加快农村公路建设,10月底前完成。(责任单位:县交通局)\n2　社会事业\n"
        "2.1 实施学校扩容工程,9月底前投用。(责任单位:县教育局)\n"
        "2.1.1 新建校舍,6月底前完成。(责任单位:县教育局、县住建局)\n2.5亿元用于校舍改造。\n"
    )
    assert [(t.label, t.area, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1.1", 1, ["县住建局"], []),
        ("1.2", 1, ["县交通局"], []),
        ("2.1", 2, ["县教育局"], []),
        ("2.1.1", 2, ["县教育局"], ["县住建局"]),
    ]
    assert [a.title for a in doc.areas] == ["交通基础设施", "社会事业"]
    assert not [w for w in doc.warnings if "编号" in w.message]


def test_a_figure_and_a_space_at_a_line_start_is_no_heading_without_a_decimal_outline():
    doc = parse_document(
        "测县2024年重点工作实施方案\n1.推进道路改造,年底前完工。(责任单位:县住建局)\n"
        "10 个乡镇完成改造任务。\n2.加快公路建设。(责任单位:县交通局)\n"
    )
    assert [t.label for t in doc.tasks] == ["1", "2"]


def test_a_task_table_numbered_as_a_decimal_outline_keeps_its_groups_as_areas():
    doc = parse_document(
        "测县2024年重点任务分解表\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 交通基础设施 | | |\n"
        "1.1 | 推进县城道路改造 | 县住建局 | 县财政局 | 2024年12月底\n1.2 | 加快农村公路建设 | 县交通局 | | 2024年10月底\n"
        "2 | 社会事业 | | |\n2.1 | 实施学校扩容工程 | 县教育局 | 县发改局 | 2024年9月底\n"
    )
    assert [(t.label, t.area, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1.1", 1, ["县住建局"], ["县财政局"]),
        ("1.2", 1, ["县交通局"], []),
        ("2.1", 2, ["县教育局"], ["县发改局"]),
    ]
    assert [a.title for a in doc.areas] == ["交通基础设施", "社会事业"]

"""Round 115's documents in the other layouts offices send (tests/sources): what in them lost an item or added one.

Each convention in a made-up document of its own, with a near case. Found when 广州's 2012 实施意见 (a targets item
naming no unit above numbered measures; 47 measures numbered straight through; `统一` cut before its `一`) were set as
task tables, PDFs and one-line copies.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.sources.pdf import _next_name
from policy_tasks.parsing.sources.unwrap import opens_item
from policy_tasks.parsing.spaced_row_cells import is_time_cell

_TARGETS = "一、发展目标\n1.建设创新型城市。到2015年，研发经费支出占比达2.5%。\n"


def _refs(text: str) -> list[tuple[str, list[str]]]:
    doc = parse_document(text, year=2012)
    return [(t.number, t.lead_units) for t in doc.tasks]


def test_a_heading_under_a_cell_a_line_header_is_its_first_heading_row_not_a_column():
    # `二、主要任务` names a task column in its words; under the header it opens the rows' section, so the targets
    # item above the table stays under its own heading, silent, no clause.
    cells = ["序号", "重点任务", "牵头单位", "配合单位", "二、主要任务"]
    for n, task in enumerate(["建设创新平台。建成重点实验室10家。", "推进协同创新。组建创新联盟。"], start=1):
        cells += [str(n), task, "市科技局", "市财政局"]
    got = _refs(f"某市实施意见\n{_TARGETS}" + "\n".join(cells) + "\n")
    assert [lead for _, lead in got] == [["市科技局"], ["市科技局"]]


def test_a_heading_before_the_first_serial_of_a_pipe_stream_is_a_heading_row():
    cells = ["序号 |", "重点任务 |", "牵头单位 |", "配合单位 |", "二、主要任务 |"]
    for n, task in enumerate(["建设创新平台。建成重点实验室10家。", "推进协同创新。组建创新联盟。"], start=1):
        cells += [f"{n} |", f"{task} |", "市科技局 |", "市财政局 |"]
    got = _refs(f"某市实施意见\n{_TARGETS}" + "\n".join(cells) + "\n")
    assert [lead for _, lead in got] == [["市科技局"], ["市科技局"]]


def test_table_rows_keep_a_larger_lists_serials_into_the_thousands():
    rows = [(962, "促进卫生信息化建设。", "市卫生局"), (1026, "加强人口计生管理服务。", "市人口计生局")]
    rows += [(1092, "完善社会治安防控体系。", "市公安局"), (1160, "强化药品安全监管。", "市食品药品监管局")]
    lines = ["序号 | 重点任务 | 牵头单位 | 完成时限"] + [f"{n} | {task} | {unit} | 2015年底" for n, task, unit in rows]
    got = _refs("某市重点任务分工表\n" + "\n".join(lines) + "\n")
    assert [lead for _, lead in got] == [["市卫生局"], ["市人口计生局"], ["市公安局"], ["市食品药品监管局"]]


def test_a_prose_line_opening_with_four_digits_is_no_item():
    # Near case: outside a table's rows a number in the thousands opens no item (a year, a count).
    text = "某市实施意见\n1.推进养老服务。建设养老床位。（牵头单位：市民政局）\n1200. 张床位年内建成。\n"
    assert _refs(text) == [(1, ["市民政局"])]


def test_a_word_ending_in_yi_cut_before_it_goes_on_and_a_real_heading_does_not():
    assert not opens_item("按照精简、统", "一、效能的原则，加大机构整合力度。")
    assert not opens_item("保持口径同", "一、标准不变。")
    # Near cases: a sentence's end, or another word, before `一、`: the first section's number.
    assert opens_item("现提出以下意见：", "一、总体要求")
    assert opens_item("加快推进体制改革", "一、效能的原则")
    assert opens_item("按照精简、统", "二、主要任务")


def test_a_one_line_copy_counts_its_items_on_across_glued_headings():
    text = (
        "某市关于推进科技创新的实施意见为推进科技创新，提出以下意见。一、发展目标1.建设创新型城市。到2015年，"
        "研发经费支出占比达2.5%。二、主要任务2.建设创新平台。建成重点实验室10家。（牵头单位：市科技局）"
        "3.推进协同创新。组建创新联盟。（牵头单位：市教育局）"
    )
    assert _refs(text) == [(2, ["市科技局"]), (3, ["市教育局"])]


def test_a_full_cell_line_closing_a_body_then_a_name_with_its_own_level_are_two_names():
    assert _next_name("市科技和信息化工作领导小组各成员单位", "市国家创新型城市建设工作领导小组各成")
    # Near cases: a wrapped name's rest names no level first; `市场…` is no level; a line cut mid-name goes on.
    assert not _next_name("中国铁路呼和浩特局", "集团有限公司")
    assert not _next_name("广州市越秀区工商局", "市场监督管理所")
    assert not _next_name("市国家创新型城市建设工作领导小", "市科技局")


def test_a_decimal_a_pdf_spaced_stays_in_its_respective_list():
    doc = parse_document(
        "某市目标分解\n1、能耗、化学需氧量排放分别下降4.8%、3. 3%和1.4%(市发改委)。\n"
        "2、化学需氧量、氨氮排放分别减少9.2%、10.7%(市环保局)。\n",
        year=2009,
    )
    assert [m.text.split("(")[0] for t in doc.tasks for m in t.milestones] == [
        "能耗、化学需氧量排放分别下降4.8%、3. 3%和1.4%",
        "化学需氧量、氨氮排放分别减少9.2%、10.7%",
    ]


def test_a_due_cell_may_list_a_date_for_each_target():
    assert is_time_cell("2015年12月底前;2015年12月底前;2014年12月底前")
    assert is_time_cell("2015年12月底前")
    # Near case: a date and a task's words is no date cell.
    assert not is_time_cell("2015年12月底前;建成社区体育公园和全民健身广场")

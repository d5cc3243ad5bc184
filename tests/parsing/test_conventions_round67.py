"""Conventions met in blind round 67 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a district's report on the targets it
sets for a year's assessment, each an unnumbered line `indicator:target(basis),责任单位为X;`, one line holding two
targets each closed by its own unit; a district's 目标任务分解表 whose only unit column is `监考单位`). At the round's
first look only the report's first line was read (the heading took its unit and the later lines were left out),
and the table's rows named no lead.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.closing_roles import closes_with_roles, target_ends
from policy_tasks.parsing.column_meanings import CO, LISTED, NOTE, OTHER, TITLE
from policy_tasks.parsing.main_unit_column import settle_examiner_column
from tests.sources.builders import docx_bytes, xlsx_bytes


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


# --- a report's targets, unnumbered lines each closed by `责任单位为X;` --------------------------------------

_REPORT = [
    "关于2023年度高质量发展考核指标目标设定情况的报告",
    "根据市考核办通知要求,我县对20项考核指标逐项进行了分析,具体设定情况如下:",
    "一、县人代会确定的考核指标",
    "一般公共预算收入:增长5%(依据县人代会预算报告设置,高于全市平均水平),责任单位为县财政局;",
    "城镇居民人均可支配收入:增长6.5%(依据县人代会目标设置),责任单位为县人社局;",
    "实际利用外资:1200万美元(依据市下达目标设置),责任单位为县商务局;",
    "工业用电量及新增规上企业数:工业用电量增长9%(依据县人代会目标设置),责任单位为县供电公司;新增规上企业25家(依据市下达目标设置),责任单位为县工信局;",
    "二、市统一下达的考核指标",
    "森林覆盖率:稳定在62%以上(依据市下达目标设置),责任单位为县林业局;",
    "粮食播种面积:45万亩(依据市下达目标设置),牵头单位为县农业农村局,配合单位为县统计局;",
]


def test_target_lines_each_closed_by_their_unit_are_one_clause_each_and_two_targets_two():
    doc = parse_bytes(docx_bytes(lambda d: [d.add_paragraph(p) for p in _REPORT]), filename="r.docx", year=2023)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一-1", ["县财政局"], []),
        ("一-2", ["县人社局"], []),
        ("一-3", ["县商务局"], []),
        # A line setting two targets, each closed by its own unit: one clause a target.
        ("一-4-1", ["县供电公司"], []),
        ("一-4-2", ["县工信局"], []),
        ("二-1", ["县林业局"], []),
        # The role nouns say who leads and who helps.
        ("二-2", ["县农业农村局"], ["县统计局"]),
    ]
    assert doc.tasks[0].text.startswith("一般公共预算收入:增长5%")
    assert doc.tasks[4].text.startswith("新增规上企业25家")
    # The heading is no clause's text.
    assert all("考核指标" not in t.text for t in doc.tasks)


def test_such_lines_with_no_numbered_heading_are_the_clauses_too():
    text = "\n".join(
        [
            "某镇2023年度目标任务设定情况",
            "农民人均可支配收入:增长7%,责任单位为镇农业服务中心;",
            "招商引资到位资金:3亿元,责任单位为镇经济发展办;",
        ]
    )
    doc = _parse(text)
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["镇农业服务中心"]), (2, ["镇经济发展办"])]


def test_a_line_closes_so_only_after_words_of_its_own_and_with_a_unit_answering():
    assert closes_with_roles("地区生产总值:增长6%左右,责任单位为区发改委;")
    assert closes_with_roles("门前有纸箱乱堆放。权属单位为城东社区,责任单位为城东街道办事处。")
    # A line naming its unit in the middle, with words after it, does not close so.
    assert not closes_with_roles("责任单位为区发改委,确保完成全年目标任务。")
    # Role nouns alone, no target before them.
    assert not closes_with_roles("责任单位为区发改委;")
    # Only a helping role: no one answers.
    assert not closes_with_roles("新增就业500人,配合单位为县统计局;")
    # Membership names no role.
    assert not closes_with_roles("成立工作专班,县发改局、县财政局为成员单位。")
    line = "固定资产投资:增长7%,责任单位为区发改委;技改投资占比16.5%,责任单位为区经信局;"
    assert target_ends(line) == [line.index("技改"), len(line)]


def test_a_lone_line_closed_by_its_unit_stays_a_paragraph_of_its_item():
    text = "\n".join(
        [
            "一、工作目标",
            "全年新增城镇就业5000人,责任单位为县人社局;",
            "二、保障措施",
            "加强组织领导,各单位要明确专人负责。",
        ]
    )
    doc = _parse(text)
    first = doc.tasks[0]
    assert (first.label, first.lead_units) == ("一", ["县人社局"])
    assert "全年新增城镇就业5000人" in first.text


# --- a target table whose only unit column is 监考单位 -----------------------------------------------------


def _targets(book):
    sheet = book.active
    sheet.append(["某县2023年度经济社会发展目标任务分解表"])
    sheet.append(["类别", "指标名称", "分值", "目标任务", "监考单位"])
    sheet.append(["经济发展", "一般公共预算收入", 4, "增长5%", "县财政局"])
    sheet.append(["经济发展", "规上工业增加值增速", 3, "年终根据全市平均水平考核", "县经信局 县统计局"])
    sheet.append(["社会民生", "城镇新增就业", 2, 3000, "县人社局"])
    sheet.merge_cells("A3:A4")


def test_a_target_tables_sole_examiner_column_names_who_answers_the_first_leading():
    doc = parse_bytes(xlsx_bytes(_targets), filename="targets.xlsx", year=2023)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县财政局"], []),
        (["县经信局"], ["县统计局"]),
        (["县人社局"], []),
    ]


def test_an_examiner_column_beside_a_responsible_one_or_outside_a_target_table_assigns_nothing_new():
    header = ["指标名称", "目标任务", "责任单位", "监考单位"]
    kinds = [TITLE, TITLE, LISTED, CO]
    assert settle_examiner_column(list(kinds), header) == kinds
    # `考核单位` (read as no assigning column) alone in a target table is the units answering.
    assert settle_examiner_column([TITLE, NOTE, OTHER], ["指标", "分值", "考核单位"]) == [TITLE, NOTE, LISTED]
    # With nothing saying the rows are targets, the column keeps its meaning.
    assert settle_examiner_column([TITLE, OTHER], ["工作事项", "考核单位"]) == [TITLE, OTHER]
    # A 督查 column is never the assignment.
    assert settle_examiner_column([TITLE, OTHER], ["目标任务", "督查单位"]) == [TITLE, OTHER]

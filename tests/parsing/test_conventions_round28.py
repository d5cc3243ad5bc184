"""Conventions met in blind round 28 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (无锡's, 苏州's and 镇海's
2011 work-report divisions). At the round's first look the parser split the group `各市(县)、区政府`
at its 、, read a table's only unit column headed `主要责任单位` as a 牵头 column (every unit leading),
and read the row that names a part of a flattened table and counts its items as a cell of the part's
first row.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.counted_headings import counts_its_items
from policy_tasks.parsing.page_marks import rejoin_page_marks
from policy_tasks.parsing.run_on_fields import split_run_on_fields


def _units(text: str, year: int = 2012) -> list[tuple[list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=year)
    return [(t.lead_units, t.co_units) for t in doc.tasks]


def test_a_level_with_its_alternative_in_brackets_opens_one_group():
    doc = parse_bytes(
        (
            "某市2012年重点工作分解落实方案\n"
            "一、目标分解\n"
            "1、新增城镇就业8万人。\n"
            "(市人社局、财政局,各县(市)、区人民政府)\n"
            "2、农村居民人均纯收入增长13%。\n"
            "(市农委,各市(县)、区政府)\n"
        ).encode(),
        filename="doc.txt",
        year=2012,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市人社局"], ["财政局", "各县(市)、区人民政府"]),
        (["市农委"], ["各市(县)、区政府"]),
    ]


# One unit column, headed 主要责任单位, and no helping column beside it; a part row counts its items.
_MAIN_COLUMN_ONLY = """某市人民政府关于下达2012年政府工作任务的通知

某市2012年政府工作任务分解表

序号

名称

工作任务

主要责任单位

社会事业发展主要目标(3项)

1

教育

新建改扩建中小学12所

市教育局、发改委、住建局

2

卫生

建成社区卫生服务中心5个

市卫生局、财政局

3

文化

建成农家书屋120家

市文广新局
"""


def test_a_sole_main_responsibility_column_lists_its_units_first_leading():
    assert _units(_MAIN_COLUMN_ONLY) == [
        (["市教育局"], ["发改委", "住建局"]),
        (["市卫生局"], ["财政局"]),
        (["市文广新局"], []),
    ]


def test_a_counted_part_row_heads_the_rows_below_it():
    doc = parse_bytes(_MAIN_COLUMN_ONLY.encode(), filename="doc.txt", year=2012)
    assert [a.title for a in doc.areas] == ["社会事业发展主要目标(3项)"]
    assert "社会事业" not in doc.tasks[0].text
    assert "新建改扩建中小学12所" in doc.tasks[0].text
    assert counts_its_items("重点工作任务(共35项)")
    assert not counts_its_items("新建改扩建中小学12所")
    assert not counts_its_items("完成验收。(市教育局)")


def test_a_main_responsibility_column_that_says_it_leads_still_leads():
    # `主要责任(牵头)单位` says in words that its units lead; beside no helping column they all do.
    doc = parse_bytes(
        (
            "某区任务分解表\n"
            "序号 工作任务 主要责任(牵头)单位 完成时限\n"
            "1 建成智慧停车平台。 区城管局、区公安分局 2012年9月底\n"
        ).encode(),
        filename="doc.txt",
        year=2012,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["区城管局", "区公安分局"], [])]


def test_a_page_number_run_into_the_next_pages_words_is_a_page_break():
    text = (
        "某县2013年整改措施清单\n"
        "1.深入学习贯彻有关生态环境保护的决策部署,进一步深化对生态\n"
        "-2-文明建设重要性的认识。2.建立生态环境保护例会制度,每季度召开一次。(责任单位:县环保局)\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2013)
    assert [t.number for t in doc.tasks] == [1, 2]
    assert "生态文明建设" in doc.tasks[0].text
    assert "-2-" not in doc.tasks[0].text
    assert rejoin_page_marks([("一、总体要求。", True), ("— 3 —(一)指导思想", True)]) == [
        ("一、总体要求。", True),
        ("(一)指导思想", True),
    ]


def test_fields_run_together_on_one_line_are_fields_of_their_own():
    # A 整改 list's problem with its fields on one line, each value run straight into the next label;
    # the units stated above its numbered measures govern each of them.
    text = (
        "某县环境保护督察反馈问题整改清单\n"
        "县城污水处理设施建设滞后。整改目标:补齐设施短板。责任单位:县住建局、县环保局,各乡镇人民政府"
        "责任人:县住建局主要负责人整改时限:长期坚持整改措施:加快设施建设。1.完成县城污水处理厂提标改造。"
        "2.推进乡镇污水管网建设。\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2018)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县住建局"], ["县环保局", "各乡镇人民政府"]),
        (["县住建局"], ["县环保局", "各乡镇人民政府"]),
    ]
    assert split_run_on_fields([("整改目标:达标。责任单位:县住建局责任人:王局长整改时限:长期坚持", True)]) == [
        ("整改目标:达标。", True),
        ("责任单位:县住建局", True),
        ("责任人:王局长", True),
        ("整改时限:长期坚持", True),
    ]
    kept = split_run_on_fields([("1.建设污水管网。(牵头单位:县住建局;配合单位:县环保局)", True)])
    assert kept == [("1.建设污水管网。(牵头单位:县住建局;配合单位:县环保局)", True)]

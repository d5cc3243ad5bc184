"""Conventions met in blind round 14 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def test_a_category_column_that_changes_on_every_row_is_the_rows_own_item():
    # `整治领域名称 | 时间安排 | 责任单位` and no task column: the first column names each row's own
    # item, so the rows are the clauses, the heading over the table is none, and a section of
    # general requirements after it is none either.
    doc = parse_document(
        "某镇2021年度消防安全专项整治工作计划\n"
        "一、专项整治安排表\n"
        "专项整治领域名称 | 时间安排 | 责任单位 |\n"
        "商场市场 | 3月份 | 安监站 市场监管所 |\n"
        "出租房屋 | 5月份 | 派出所 |\n"
        "农家乐 | 7月份 | 文化站 |\n"
        "二、工作要求\n"
        "各有关责任单位要按照时间安排,制定本领域专项整治方案。\n"
    )
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("商场市场", ["安监站"], ["市场监管所"]),
        ("出租房屋", ["派出所"], []),
        ("农家乐", ["文化站"], []),
    ]
    assert [m.due_date for m in doc.tasks[1].milestones] == [date(2021, 5, 31)]


def test_two_township_offices_run_together_in_a_cell_are_two():
    # A township's offices carry no place prefix; where a cell lost the line break between two,
    # the first one's ending (所, 站) parts them. A post named for where it sits is one.
    doc = parse_document(
        "某镇2022年度安全生产检查工作计划\n"
        "序号 | 检查内容 | 时间安排 | 责任单位 |\n"
        "1 | 网吧、歌舞厅 | 4月份 | 文化站 派出所市场监管所 |\n"
        "2 | 车站周边 | 6月份 | 火车站派出所 |\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["文化站"], ["派出所", "市场监管所"]),
        (["火车站派出所"], []),
    ]


def test_a_unit_field_that_a_pdf_broke_inside_a_name_goes_on_in_the_next_line():
    # Text taken from a PDF breaks lines at the page's width, inside a unit list and even inside a
    # name (`区机关工` / `委、…`): the next line holds the rest of the list.
    doc = parse_document(
        "某区2020年推进基层治理工作任务分解方案\n"
        "一、加强党建引领\n"
        "1.健全街道党工委领导基层治理的体制机制,完善议事规则和决策程\n"
        "序,推动重大事项由街道党工委讨论决定。\n"
        "牵头单位:区委组织部\n"
        "协办单位:区委编办、区民政局、区委政法委、区机关工\n"
        "委、各街道党工委\n"
        "2.推进社区党组织书记、居委会主任“一肩挑”。\n"
        "牵头单位:区委组织部\n"
        "协办单位:区民政局、\n"
        "各街道党工委\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区委组织部"], ["区委编办", "区民政局", "区委政法委", "区机关工委", "各街道党工委"]),
        (["区委组织部"], ["区民政局", "各街道党工委"]),
    ]


def test_a_unit_cell_that_names_its_label_is_written_once():
    # A table's unit cell becomes a labelled field line; being a list of units, it is not
    # labelled a second time on the review page.
    doc = parse_document(
        "2023年县政府重点工作任务清单\n"
        "序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "1 | 新建城区公园2个。 | 县住建局、县自然资源局 | 2023年底 |\n"
    )
    assert "责任单位:责任单位" not in doc.tasks[0].text
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["县住建局"], ["县自然资源局"])

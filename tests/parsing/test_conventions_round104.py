"""Conventions met in blind round 104 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a 督查室 bulletin on how the items an
executive meeting decided are carried out names the lagging ones by the unit in charge (README round 82's 督办
convention): as `;`-separated parts `A负责的“<decided item>。”截至目前,<report>` after a lead-in closing `,如`, each
a clause with its unit and the quoted item's own dates (two steps, two milestones), the report after it dating
nothing; or as parts joined by `、`, `由A负责的第1件、B负责的第4、6件…进展滞后`, the items only in the attachment.
Its `一、总体情况` of counts is no clause, nor are the tallies before the list. A disclosure page's metadata table
stored a row a line behind `|` (`公开责任部门 | 某县政府办公室 | 公开形式: | 主动公开 |`) is page furniture. Near
cases: a lone part, a group before `负责的第N件`, a silent item with figures under another heading, `|` rows of a
clause's own labels.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.charged_projects import charged_project_parts
from policy_tasks.parsing.decided_items import numbered_item_parts, quoted_spans
from policy_tasks.parsing.disclosure_tables import disclosure_fields


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


def _dates(task) -> list[date | None]:
    return [m.due_date for m in task.milestones]


_QUOTED = """某县2023年第三次县政府常务会议确定事项落实情况的通报
一、总体情况
2023年第三次县政府常务会议确定事项31件,截至5月20日,已完成12件,占39%;正在办理19件,占61%。
二、工作要求
经督查,19件正在办理的事项中,持续推进事项16件,需要加快推进事项3件,如县交通局负责的“加快农村公路提质改造,提升通行能力。”截至目前,已完成路面硬化12公里,下余20公里正在施工;县住建局、县城管局负责的“老旧小区改造项目8月底前开工、11月底前完工,确保群众满意。”截至目前,已开工2个,未开工4个;县教体局负责的“抓好城区学校扩容工程。”截至目前,3所学校主体已封顶。
"""


def test_quoted_decisions_are_one_clause_each_with_their_own_dates():
    tasks = _parse(_QUOTED).tasks
    assert [t.label for t in tasks] == ["二-1", "二-2", "二-3"]  # the counts section is no clause
    assert tasks[0].text.startswith("县交通局负责的“加快")  # the tallies and the lead-in `如` are no part
    assert [_units(t) for t in tasks] == [
        (["县交通局"], []),
        (["县住建局"], ["县城管局"]),
        (["县教体局"], []),
    ]
    assert _dates(tasks[1]) == [date(2023, 8, 31), date(2023, 11, 30)]  # two steps, two milestones
    # The report after the quote (`下余20公里正在施工`, `已开工2个`) is work done: nothing due.
    assert tasks[0].milestones == [] and tasks[2].milestones == []


_NUMBERED = """某县2023年第五次县政府常务会议确定事项落实情况的通报
一、总体情况
2023年第五次县政府常务会议确定事项18件,截至8月31日,已办结7件,正在办理11件(详见附件)。
二、工作要求
会议确定的18件事项中,11件正在办理。其中,由县人社局负责的第2件、县医保局负责的第5件、县市场监管局负责的第9、11件确定事项进展滞后,请以上责任单位加快工作节奏,确保按期办结。县政府督查室将适时开展“回头看”。
"""


def test_numbered_items_joined_by_dunhao_are_one_clause_each():
    tasks = _parse(_NUMBERED).tasks
    assert [t.label for t in tasks] == ["二-1", "二-2", "二-3"]
    assert [t.text for t in tasks] == [
        "县人社局负责的第2件",  # the sentence's `由` is no part of the first
        "县医保局负责的第5件",
        "县市场监管局负责的第9、11件确定事项进展滞后",  # two items of one unit: one clause
    ]
    assert [_units(t) for t in tasks] == [(["县人社局"], []), (["县医保局"], []), (["县市场监管局"], [])]
    assert all(t.milestones == [] for t in tasks)  # the numbers point into the attachment: nothing due


def test_one_part_or_a_group_is_no_list():
    lone = "其中,由县人社局负责的第2件确定事项进展滞后,请加快推进"
    assert charged_project_parts(lone) == []
    group = "其中,由各单位负责的第2件、相关部门负责的第5件确定事项进展滞后"
    assert charged_project_parts(group) == []
    assert numbered_item_parts(group, 0, len(group), lambda name: not name.startswith(("各", "相关"))) == []
    one_quote = "需要加快推进事项1件,如县交通局负责的“加快农村公路提质改造。”截至目前,已完成12公里。"
    assert charged_project_parts(one_quote) == []


def test_a_quote_left_open_on_its_line_holds_nothing():
    assert quoted_spans("会议强调:“防汛无小事。\n各地要守土有责。") == []
    assert quoted_spans("会议强调:“防汛无小事。”各地要守土有责。") == [(6, 12)]


def test_a_silent_item_with_figures_under_another_heading_stays_a_clause():
    text = """某县2023年重点工作分工方案
一、新建城区道路5条,改造管网20公里。(县住建局牵头)
二、新增就业岗位1200个。
三、完成造林1万亩。(县林业局牵头)
"""
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]  # `二` forgot its unit: warned, still a clause


_ROW_TABLE = """文件名称 | 某县2023年第三次县政府常务会议确定事项落实情况的通报 | ||
索引号 | abc/2023-0001 | 公开目录: | 政务督查 |
公开责任部门 | 某县政府办公室 | 公开形式: | 主动公开 |
文号 | 督查通报第五期 | 成文日期: | 2023年06月02日 |
有效性 | 有效 | 公开日期: | 2023年06月03日 |
"""


def test_a_metadata_table_a_row_a_line_is_page_furniture():
    parsed = _parse(_ROW_TABLE + _NUMBERED.split("\n", 1)[1])
    assert parsed.title == "某县2023年第三次县政府常务会议确定事项落实情况的通报"
    assert [t.label for t in parsed.tasks] == ["二-1", "二-2", "二-3"]
    assert all("某县政府办公室" not in t.lead_units + t.co_units and not t.leaders for t in parsed.tasks)
    lines = disclosure_fields([(line, True) for line in _ROW_TABLE.splitlines()])
    assert [text for text, _ in lines] == [
        "文件名称:某县2023年第三次县政府常务会议确定事项落实情况的通报",
        "",
        "",
        "文号:督查通报第五期",  # a row keeps its first kept field
        "",
    ]


def test_rows_of_a_clauses_own_labels_are_no_metadata_table():
    rows = ["牵头单位 | 县发改局 | 完成时限 | 2023年6月底 |", "配合单位 | 县财政局 | 责任领导 | 张某某 |"]
    assert disclosure_fields([(r, True) for r in rows]) == [(r, True) for r in rows]

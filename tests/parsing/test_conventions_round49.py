"""Conventions met in blind round 49 (docs/parsing.md): a bureau's work points stated as a list,
then restated in the table that divides them among its sections.

Written from the conventions, not copied from the document that showed them (a county bureau's
政务公开 工作要点 whose division table carries five of its six points).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.restated_lists import section_subject


def _tasks(text: str):
    return parse_bytes(text.encode(), filename="points.txt", year=2025).tasks


def _doc(points: list[str], rows: list[str]) -> str:
    return (
        "一、工作要点\n"
        + "".join(f"{i}.{p}\n" for i, p in enumerate(points, start=1))
        + "二、重点工作任务分解\n重点任务 | 工作内容 | 负责科室 |\n"
        + "".join(f"{r}\n" for r in rows)
    )


_POINTS = [
    "加强政策解读。对本局起草的政策文件逐件开展解读,注重图表解读。",
    "做好其他信息发布。局办公室结合日常工作和公开目录,及时发布各类应主动公开的信息。",
    "强化平台建设。及时更新政府网站政务公开专栏栏目内容。",
]
_ROWS = [
    "政策解读 | 对本局起草的政策文件逐件开展解读,注重图表解读。 | 法规股 |",
    "平台建设 | 及时更新政府网站政务公开专栏栏目内容。 | 办公室 |",
]


# 1. A point the division table leaves out is a clause of its own.


def test_a_point_the_table_leaves_out_is_kept_with_its_section():
    tasks = _tasks(_doc(_POINTS, _ROWS))
    assert [t.title for t in tasks] == ["做好其他信息发布", "政策解读", "平台建设"]
    assert [t.lead_units for t in tasks] == [["局办公室"], ["法规股"], ["办公室"]]
    assert tasks[0].unit_origin == "正文开头"


def test_a_left_out_point_naming_no_section_is_kept_unassigned():
    points = [*_POINTS[:1], "做好其他信息发布。及时发布各类应主动公开的信息,做到应公开尽公开。", _POINTS[2]]
    tasks = _tasks(_doc(points, _ROWS))
    assert [t.title for t in tasks] == ["做好其他信息发布", "政策解读", "平台建设"]
    assert tasks[0].lead_units == []


def test_points_the_table_all_restates_are_not_counted_twice():
    rows = [*_ROWS, "信息发布 | 局办公室结合日常工作和公开目录,及时发布各类应主动公开的信息。 | 办公室 |"]
    tasks = _tasks(_doc(_POINTS, rows))
    assert [t.title for t in tasks] == ["政策解读", "平台建设", "信息发布"]


def test_a_list_the_table_barely_restates_is_no_list_of_its_points():
    # One shared sentence in three points: the list frames the work (总体要求), it is not restated.
    rows = [_ROWS[0], "平台建设 | 每月更新网站专栏。 | 办公室 |"]
    tasks = _tasks(_doc(_POINTS, rows))
    assert [t.title for t in tasks] == ["政策解读", "平台建设"]


# 2. The bureau's section opening a point's sentence after its title answers for the point.


def test_a_bureau_section_after_the_title_is_the_unit():
    assert section_subject("做好信息发布。局综合科结合日常工作及时发布信息。").roles["listed"] == ["局综合科"]
    assert section_subject("强化制度建设。局法规股要建立信息公开制度。").roles["listed"] == ["局法规股"]


def test_other_openings_name_no_section():
    assert section_subject("局综合科结合日常工作及时发布信息。") is None  # no title before it
    assert section_subject("做好信息发布。综合科结合日常工作及时发布信息。") is None  # not the bureau's own
    assert section_subject("改善办学条件。局部地区教室改造滞后,要加快推进。") is None
    assert section_subject("落实会议制度。局长办公室会议每月召开一次。") is None
    assert section_subject("做好信息发布,局综合科结合日常工作及时发布信息。") is None  # no title sentence

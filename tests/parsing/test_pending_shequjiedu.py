"""A double-spaced copy inside a portal's page keeps its spacing read as a copy's (blind round 139).

The page's furniture above the copy (breadcrumbs, a font switch, print and share links) is set by the
site's template, line after line, and runs straight onto the copy's first line with no blank line
between them. Those lines are not the document's: whether nearly every line of the copy is followed
by a blank one is judged on the copy's own lines, as the footer below is left out (`copy_spacing`).
A mark below the document's own first line is the document's line, and counts.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.copy_spacing import spoken_lines

PLAN = """某镇社区矫正工作方案


一、工作目标

明确责任,落实社区矫正各项工作。

二、工作措施

(一)准备阶段(3月1日—3月31日)

1、成立机构

镇政府成立社区矫正工作领导小组,组长由镇长担任。

2、职责分工

镇政府是社区矫正工作的责任主体。

镇综治办负责排查登记社区矫正对象。

镇司法所负责对社区矫正对象开展法制教育。
"""
HEADS = [
    ["首页 > 政府信息公开 > 政策文件", "【字体:大 中 小】 打印本页 关闭窗口", "分享到:微信 微博"],
    [
        "您的位置:首页 > 政务公开 > 乡镇动态",
        "发布时间:2014-06-04 浏览次数:128",
        "",
        "【打印本页】【关闭窗口】",
        "分享到",
    ],
]
DOUBLE = ["某镇工作方案", "", "一、甲。", "", "二、乙。", "", "三、丙。", ""]


def _tasks(parsed):
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [(m.due_date, m.kind) for m in t.milestones])
        for t in parsed.tasks
    ]


@pytest.mark.parametrize("head", HEADS, ids=["breadcrumbs", "position"])
def test_a_double_spaced_copy_under_a_portals_single_spaced_lines_reads_as_written(head):
    plain = parse_document(PLAN, year=2024)
    page = parse_document("\n".join(head) + "\n" + PLAN, year=2024)
    assert _tasks(page) == _tasks(plain)
    # Item 2's paragraphs after a blank line are its parts, each charging the body it opens with.
    assert [(t.label, t.lead_units) for t in page.tasks][1:] == [
        ("2-1", ["镇政府"]),
        ("2-2", ["镇综治办"]),
        ("2-3", ["镇司法所"]),
    ]


@pytest.mark.parametrize("head", HEADS, ids=["breadcrumbs", "position"])
def test_the_portals_lines_are_kept_and_the_copys_blank_lines_dropped(head):
    lines = [*head, *DOUBLE]
    assert spoken_lines(lines) == [i for i, line in enumerate(lines) if line]


@pytest.mark.parametrize("head", HEADS, ids=["breadcrumbs", "position"])
def test_a_single_spaced_plan_under_a_portals_lines_keeps_its_blank_lines(head):
    # A blank line between a plan's parts still parts them when the portal's lines are left out.
    plan = ["一、总体要求", "", "1. 甲。", "2. 乙。", "3. 丙。", "", "二、保障措施", "1. 丁。", "2. 戊。"]
    lines = [*head, *plan]
    assert spoken_lines(lines) == list(range(len(lines)))


def test_a_half_spaced_copy_under_a_portals_lines_keeps_its_blank_lines():
    # Fewer than four lines in five followed by a blank one: not a double-spaced copy, marks or none.
    plan = ["某镇工作方案", "一、甲。", "", "二、乙。", "三、丙。", "", "四、丁。", "五、戊。"]
    lines = [*HEADS[0], *plan]
    assert spoken_lines(lines) == list(range(len(lines)))


def test_marks_below_the_documents_own_first_line_count():
    # The page opens with the document's title: the share and count lines under it are its lines,
    # unfollowed by blank ones, and the copy is not read as double-spaced.
    lines = [
        "某镇工作方案",
        "分享到:微信 微博",
        "浏览次数:128",
        "一、甲。",
        "",
        "二、乙。",
        "",
        "三、丙。",
        "",
        "四、丁。",
    ]
    assert spoken_lines(lines) == list(range(len(lines)))
    marks_first = [lines[1], lines[2], lines[0], "", *lines[3:]]
    assert spoken_lines(marks_first) == [0, 1, 2, 4, 6, 8, 10]


def test_a_double_spaced_page_whose_marks_are_double_spaced_too_reads_as_before():
    lines = [line for text in [*HEADS[0], *DOUBLE] if text for line in (text, "")]
    assert spoken_lines(lines) == [i for i, line in enumerate(lines) if line]

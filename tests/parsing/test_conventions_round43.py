"""Conventions met in blind round 43 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a province's 责任分解 of its
government work report, its items grouped under a heading per leader, `一、某某省长牵头重点工作`; the
State Council's 部门分工 of its work report, whose first item speaks of work done `在疫情防控常态化前提下`;
its title set in two lines). At the round's first look every clause's units were right, but no leader
was read from the headings, the circumstance was read as an ongoing commitment, and the title was its
second line alone.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.leader_headings import heading_leader


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_BY_LEADER = (
    "2025年政府工作报告重点工作责任分解\n"
    "一、李明市长牵头重点工作\n"
    "1.地区生产总值增长6%左右。\n"
    "责任单位:市发展改革委\n"
    "2.深化国资国企改革。\n"
    "责任单位:市国资委牵头,市财政局\n"
    "二、赵刚常务副市长牵头重点工作\n"
    "3.推进城市更新。\n"
    "责任单位:市住建局、市自然资源局\n"
    "三、副市长孙丽分管工作(1项)\n"
    "4.办好民生实事。\n"
    "责任单位:市民政局\n"
    "责任领导:钱七副秘书长\n"
)


def test_a_heading_naming_a_leader_gives_the_leader_to_its_items():
    doc = _parse(_BY_LEADER, year=2025)
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["市发展改革委"], [], ["李明"]),
        (["市国资委"], ["市财政局"], ["李明"]),
        (["市住建局"], ["市自然资源局"], ["赵刚"]),
        # An item's own 责任领导 line wins over its heading.
        (["市民政局"], [], ["钱七副秘书长"]),
    ]


def test_a_leader_with_other_posts_before_the_one_that_leads():
    doc = _parse(
        "某区2024年重点工作责任分解\n"
        "一、王芳区委常委、常务副区长牵头重点工作\n"
        "(一)抓好招商引资。(区商务局)\n"
        "(二)盘活低效用地。(区自然资源分局、区财政局)\n"
        "二、陈军区政府党组成员牵头重点工作\n"
        "(三)推进数字政府建设。(区大数据中心)\n"
    )
    assert [(t.lead_units, t.leaders) for t in doc.tasks] == [
        (["区商务局"], ["王芳"]),
        (["区自然资源分局"], ["王芳"]),
        (["区大数据中心"], ["陈军"]),
    ]


@pytest.mark.parametrize(
    ("heading", "leader"),
    [
        ("王浩省长牵头重点工作", "王浩"),
        ("张三常务副省长主抓重点工作", "张三"),
        ("买买提·艾力副主席牵头的重点工作", "买买提·艾力"),
        ("欧阳晓明副县长负责的工作(12项)", "欧阳晓明"),
        ("秘书长王五联系工作", "王五"),
        # A post with no person, a unit's work, or a work heading names no leader.
        ("省长牵头重点工作", None),
        ("常务副省长牵头重点工作", None),
        ("副省长分管负责工作", None),
        ("县政府办公室牵头工作", None),
        ("加快重点工作落实", None),
    ],
)
def test_which_headings_name_a_leader(heading: str, leader: str | None):
    assert heading_leader(heading) == leader


def test_a_heading_that_names_no_person_gives_no_leader():
    doc = _parse(
        "某市2024年重点工作责任分解\n"
        "一、市长牵头重点工作\n"
        "1.稳定工业增长。\n"
        "责任单位:市经信局\n"
        "2.扩大有效投资。\n"
        "责任单位:市发展改革委\n"
    )
    assert [(t.lead_units, t.leaders) for t in doc.tasks] == [(["市经信局"], []), (["市发展改革委"], [])]


@pytest.mark.parametrize(
    "circumstance", ["在疫情防控常态化前提下", "在常态化的条件下", "在监管常态化背景下", "在防控常态化形势下"]
)
def test_a_circumstance_of_normal_times_is_no_ongoing_work(circumstance: str):
    doc = _parse(
        "某省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n"
        f"1.{circumstance},统筹做好经济社会发展各项工作。(省政府各部门分别负责,年内持续推进)\n"
        "2.常态化开展安全生产检查。(省应急管理厅负责)\n"
    )
    first, second = doc.tasks
    assert [(m.kind, m.due_date.isoformat()) for m in first.milestones] == [("deadline", "2024-12-31")]
    assert [m.kind for m in second.milestones] == ["ongoing"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "某省人民政府关于落实《政府工作报告》\n重点工作部门分工的意见\n某政发〔2024〕3号\n",
            "某省人民政府关于落实《政府工作报告》重点工作部门分工的意见",
        ),
        (
            "某市人民政府办公室\n关于印发2024年重点任务\n分工方案的通知\n某政办发〔2024〕5号\n",
            "2024年重点任务分工方案",
        ),
        # A line that names `关于` and ends in the kind of document is the title alone.
        ("首页 > 政务公开\n某县人民政府关于做好春耕生产工作的意见\n", "某县人民政府关于做好春耕生产工作的意见"),
        # A line above that is no head of the title (a date, a site's line) is left out.
        ("发布日期:2024-03-01\n春耕生产工作的意见\n", "春耕生产工作的意见"),
    ],
)
def test_a_title_set_in_lines_is_read_whole(head: str, title: str):
    doc = _parse(head + "各乡镇人民政府:\n现将有关事项通知如下。\n1.抓好春耕备耕。(县农业农村局负责)\n")
    assert doc.title == title


def test_items_numbered_again_under_each_heading_of_one_run_on_paragraph():
    # A PDF's copy ran the whole list into one paragraph; the items restart at 1 under each heading.
    doc = _parse(
        "某县2024年政府工作报告重点工作责任分解\n"
        "一、周敏县长牵头重点工作 1.全县生产总值增长6%左右。 责任单位:县发改局、县统计局 "
        "2.严控一般性支出。 责任单位:县财政局 二、吴强常务副县长牵头重点工作 1.推进法治政府建设。 "
        "责任单位:县司法局 三、郑洁副县长牵头重点工作 1.办好十件民生实事。 责任单位:县民政局\n"
    )
    assert [(t.label, t.lead_units, t.leaders) for t in doc.tasks] == [
        ("一.1", ["县发改局"], ["周敏"]),
        ("一.2", ["县财政局"], ["周敏"]),
        ("二.1", ["县司法局"], ["吴强"]),
        ("三.1", ["县民政局"], ["郑洁"]),
    ]

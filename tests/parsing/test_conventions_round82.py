"""Conventions met in blind round 82 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a city commission's notice on the key
projects city leaders 包抓, whose only assignment is the list of the projects not yet started, each named after the
unit in charge of it (`灵武市负责的…2个项目;市住建局负责的…工程;…`), in one paragraph of a numbered section between
the report's counts (`重点项目54个,总投资860亿元`) and its investment figures. At the round's first look the section
was one clause with no unit, and the counts were targets due at the year's end.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.charged_projects import charged_project_parts, project_charge
from policy_tasks.parsing.textutil import normalise


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.text[:8], t.lead_units, t.co_units) for t in doc.tasks]


_NOTICE = (
    "关于2023年1-6月份县级领导包抓重点项目推进情况的通报\n"
    "各乡镇人民政府,县直各部门:\n"
    "现将1-6月份县级领导包抓重点项目推进情况通报如下:\n"
    "一、总体情况\n"
    "县级领导包抓重点项目32个,总投资215亿元,年度计划投资86亿元。\n"
    "截至6月底,已开工项目29个,开工率91%。未开工项目3个:清河镇负责的城东污水处理厂扩建项目和"
    "北山农业示范园提升工程2个项目;县交通局负责的滨河大道(建设路-长江路)改造工程;"
    "高新产业园负责的光伏组件生产线二期项目。\n"
    "累计完成投资41.2亿元,占年度计划的48%。其中,投资完成率超过50%的项目有12个(清河镇3个,开发区5个)。\n"
)


def test_a_lagging_project_list_by_unit_is_one_clause_a_part():
    doc = _parse(_NOTICE)
    assert _read(doc) == [
        # A place standing for its government, a bureau and a zone run by its own administration each lead.
        ("清河镇负责的城东", ["清河镇"], []),
        ("县交通局负责的滨", ["县交通局"], []),
        ("高新产业园负责的", ["高新产业园"], []),
    ]
    assert [t.label for t in doc.tasks] == ["一-1", "一-2", "一-3"]


def test_the_reports_counts_around_the_list_are_no_targets():
    doc = _parse(_NOTICE)
    # `总投资215亿元`, `投资完成率超过50%的项目有12个` and `2个项目` count what exists or was done: nothing is due.
    assert [m.text for t in doc.tasks for m in t.milestones] == []
    assert "总投资" not in "".join(t.text for t in doc.tasks)


def test_the_list_in_a_notice_with_nothing_numbered_reads_as_a_meetings_orders_do():
    doc = _parse(
        "关于全市重点项目开工情况的通报\n"
        "各区人民政府,市直各部门:\n"
        "截至5月底,全市重点项目开工率85%,尚未开工项目4个:兴庆区负责的丽景街改造项目;"
        "市住建局负责的北京路综合管廊工程;经开区负责的新材料产业园配套道路和污水管网2个项目;"
        "市卫健委负责的市第三人民医院门诊楼工程。\n"
        "请各责任单位加快推进。\n"
    )
    assert _read(doc) == [
        ("兴庆区负责的丽景", ["兴庆区"], []),
        ("市住建局负责的北", ["市住建局"], []),
        ("经开区负责的新材", ["经开区"], []),
        ("市卫健委负责的市", ["市卫健委"], []),
    ]
    assert all(not t.milestones for t in doc.tasks)


def test_a_part_a_line_with_its_own_deadline_and_units_listed_or_leading():
    doc = _parse(
        "一、项目推进情况\n"
        "进度滞后项目:\n"
        "由县住建局、县自然资源局负责的老城区棚户区改造项目和城北安置小区2个项目,要在9月底前开工;\n"
        "县水务局牵头的南湖水系连通工程;\n"
        "工业园区负责的标准化厂房三期项目。\n"
    )
    assert _read(doc) == [
        # `由A、B负责的…`: listed, the first leads; `A牵头的…`: A leads.
        ("由县住建局、县自", ["县住建局"], ["县自然资源局"]),
        ("县水务局牵头的南", ["县水务局"], []),
        ("工业园区负责的标", ["工业园区"], []),
    ]
    # The count of the projects named is no target; the date the part sets is its deadline.
    assert [(m.due_date, m.kind) for m in doc.tasks[0].milestones] == [(date(2023, 9, 30), "deadline")]


def test_the_persons_a_unit_puts_on_the_work_or_its_work_in_general_make_no_list():
    for body in (
        "各单位负责的同志要高度重视,亲自部署;各部门负责的同志要靠前指挥,抓好落实。",
        "市住建局负责的工作要抓紧推进;市教育局负责的工作要按时完成。",
        "市住建局负责的人员要按时到岗;市教育局负责的联络员要及时报送。",
    ):
        assert charged_project_parts(normalise(body)) == [], body
        doc = _parse(f"一、工作要求\n{body}\n二、其他事项\n各单位要按时报送进展。\n")
        assert [t.label for t in doc.tasks] == ["一", "二"], body


def test_a_single_part_or_a_group_makes_no_list():
    # One project by its unit is a sentence of the report, not a list of them.
    assert charged_project_parts(normalise("未开工项目1个:市住建局负责的金水路改造工程。")) == []
    # A group names no unit in particular.
    assert charged_project_parts(normalise(":各县区负责的农村公路项目;相关部门负责的配套工程。")) == []
    assert project_charge("各县区负责的农村公路改造项目") is None


def test_the_list_parts_and_their_units():
    norm = normalise("开工项目2个:甲市负责的A区供热管网改造项目;乙县负责的B镇污水处理厂工程。其余项目正常推进。")
    assert [norm[s:e] for s, e in charged_project_parts(norm)] == [
        "甲市负责的A区供热管网改造项目",
        "乙县负责的B镇污水处理厂工程",
    ]
    charge = project_charge("市教育局负责的东湖片区中心幼儿园新建项目")
    assert charge is not None and charge.lead_and_co() == (["市教育局"], [])


# --- the list after a blank line, in a copy whose blank lines stay ------------------------------------------

_FURNITURE = ["首页 > 政府信息公开 > 通知公告", "【字体:大 中 小】 打印本页 关闭窗口", "分享到:微信 微博"]


def test_the_list_after_a_blank_line_is_still_its_sections():
    # A page copied with its menus keeps its blank lines (round 45): a paragraph after one ends the section
    # once it has a sentence, unless it holds what assigns the section, as this list does.
    copy = "\n\n".join(_NOTICE.rstrip("\n").split("\n")) + "\n"
    page = _parse("\n".join(_FURNITURE) + "\n" + copy)
    assert _read(page) == _read(_parse(copy)) == _read(_parse(_NOTICE))
    assert all(not t.milestones for t in page.tasks)

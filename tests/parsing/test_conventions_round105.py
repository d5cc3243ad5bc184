"""Conventions met in blind round 105 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it. A county's notice allocating a 衔接 fund
(`…补助资金分配方案公告`) writes each project as one sentence closed by who carries it out (`…项目,由X牵头实施。`,
`closing_charges`), sets aside each managing body's fee a line (`1.X项目管理费,计划投入20万元;`: X, the fee's holder,
leads, `fee_holders`), and its sums are money paid out, no year-end targets. A heading whose numeral the page lost
(`、项目管理要求`) still opens the next section (`lost_numerals`); a requirement there that charges the allocation's
role (`项目实施主体应…`, `notice_roles`) is a clause, one charging no one beside it is none. A 公示 of one project
laid out as numbered fields (`一、项目名称` … `二、建设单位` … `六、建设期限`) is one clause, its 建设单位 its units and
its 建设期限 its milestone (`record_headings`). Near cases: a charge inside an item, an adverb of how, a fee of no
named body, a role in a notice that allocates nothing, a `、` line in running text, a project notice with no unit
field, a sum scheduled by its own month.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.fee_holders import fee_charge
from policy_tasks.parsing.lost_numerals import lost_numeral_marker
from policy_tasks.parsing.outline_node import Node
from policy_tasks.parsing.record_headings import record_fields
from policy_tasks.parsing.units import peek_responsibility


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


_ALLOCATION = """某县2024年第二批财政衔接推进乡村振兴补助资金分配方案公告
发布日期:2024-05-10
2024年第二批资金共计300万元,为加快项目落地,现将分配方案公告如下:
一、资金分配
(一)投入120万元用于城关镇东岭村冷链仓储设施建设项目,由城关镇牵头实施。
(二)投入90万元用于河口乡产业路硬化项目,由县交通运输局负责实施。
(三)投入90万元用于各单位项目管理费:
1.城关镇项目管理费,计划投入30万元;
2.县农业农村局项目管理费,计划投入60万元。
以上资金以最终结算为准。
、项目管理要求
(一)强化项目监管。要严格执行项目公示公告制度,确保资金安全。
(二)及时组织验收。项目建成后,项目实施主体应及时组织验收,验收结果报县乡村振兴局备案。
"""


def test_an_allocation_notice_reads_its_projects_fees_and_requirements():
    parsed = _parse(_ALLOCATION)
    tasks = parsed.tasks
    assert [t.text[:8] for t in tasks] == [
        "投入120万元用",
        "投入90万元用于",
        "城关镇项目管理费",
        "县农业农村局项目",
        "及时组织验收。项",
    ]
    assert [_units(t) for t in tasks] == [
        (["城关镇"], []),  # `由城关镇牵头实施` closing the item
        (["县交通运输局"], []),  # `由…负责实施`: charged alone, it leads
        (["城关镇"], []),  # the fee's holder
        (["县农业农村局"], []),
        (["项目实施主体"], []),  # the allocation's role, after the moment its duty falls due
    ]
    # The sums are money paid out: no target due at the year's end.
    assert all(t.milestones == [] for t in tasks)
    # The heading that lost its numeral is the second section, not a line of fee line 2.
    assert [a.title for a in parsed.areas] == ["资金分配", "项目管理要求"]
    assert "项目管理要求" not in tasks[3].text
    assert not any(t.text.startswith("强化项目监管") for t in tasks)  # charges no one: no clause


def test_a_charge_inside_an_item_or_saying_how_names_no_one():
    assert not peek_responsibility("新建村道3公里,由县交通局负责实施,完工后移交村集体管护。").found
    assert not peek_responsibility("建设冷库1座,由企业自行负责。").found
    assert not peek_responsibility("建设冷库1座,由各相关单位负责。").found
    closing = peek_responsibility("建设冷库1座,由县商务局、县财政局负责落实。")
    assert closing.roles["listed"] == ["县商务局", "县财政局"]


def test_a_fee_of_no_named_body_names_no_one():
    assert fee_charge("中央第二批资金项目管理费,计划投入14万元;") is None
    assert fee_charge("各单位项目管理费,计划投入20万元;") is None
    assert fee_charge("城关镇项目管理费") is None  # no sum: not an allocation's line
    held = fee_charge("县统计局工作经费,安排8万元;")
    assert held is not None and held.roles["lead"] == ["县统计局"]


def test_a_role_in_a_notice_that_allocates_nothing_charges_no_one():
    text = """某县关于做好汛期安全生产工作的通知
各乡镇,县直各单位:
一、加强隐患排查。项目开工后,项目实施主体应落实安全生产责任。
二、强化值班值守。各乡镇要严格执行24小时值班制度。
"""
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == []


def test_a_sum_scheduled_by_its_own_month_stays_a_milestone():
    text = """某镇2024年重点工作任务
1.6月底前投入50万元完成村道硬化。(责任单位:镇建设办)
2.年内完成老旧小区改造3个。(责任单位:镇规划办)
3.实施农村公路提升工程,全年投入1.5亿元。(责任单位:镇交通办)
"""
    tasks = _parse(text).tasks
    assert [m.due_date for m in tasks[0].milestones] == [date(2024, 6, 30)]
    assert [m.target_value for m in tasks[1].milestones] == [3.0]
    # The year's spending committed is a target still: only an allocation's sum is money paid out.
    assert [(m.text, m.due_date) for m in tasks[2].milestones] == [("全年投入1.5亿元", date(2024, 12, 31))]


def test_a_pause_mark_line_is_a_heading_only_after_an_open_section():
    section = Node("cn", 1, "一", 4)
    root = Node("root", 0, "", 0)
    assert lost_numeral_marker("、项目管理要求", [root, section]).value == 2
    assert lost_numeral_marker("、项目管理要求", [root]) is None  # no `一、` section open
    assert lost_numeral_marker("、确保按期完成。", [root, section]) is None  # a sentence, no title
    assert lost_numeral_marker("、各乡镇要加强领导,确保资金安全", [root, section]) is None


_PROJECT = """某县农业农村局关于
某县2024年高标准农田建设项目的公示
一、项目名称
某县2024年高标准农田建设项目
二、建设单位
城关镇、河口乡、石桥镇。
三、建设地点
城关镇、河口乡、石桥镇。
四、建设内容
新建高标准农田5000亩,配套灌溉渠道12公里。
五、项目总投资及资金来源
项目总投资750万元,资金来源为中央财政补助资金。
六、建设期限
从2024年4月至2024年10月。
公示期限:2024年3月20日—27日
监督电话:0000-1234567
"""


def test_a_project_notice_in_numbered_fields_is_one_clause():
    parsed = _parse(_PROJECT)
    assert parsed.title == "某县农业农村局关于某县2024年高标准农田建设项目的公示"
    (task,) = parsed.tasks
    assert task.text.startswith("某县2024年高标准农田建设项目。建设地点:")
    assert _units(task) == (["城关镇"], ["河口乡", "石桥镇"])
    dated = [m.due_date for m in task.milestones if m.time_expression]
    assert dated == [date(2024, 10, 31)]  # the span's end; the 公示期限 is the notice's
    assert "公示期限" not in task.text and "监督电话" not in task.text


def test_a_project_notice_with_no_unit_field_is_left_as_it_was():
    lines = [
        (line, True)
        for line in [
            "一、项目名称",
            "某县道路项目",
            "二、建设地点",
            "城关镇",
            "三、建设内容",
            "硬化道路",
            "四、建设期限",
            "2024年",
        ]
    ]
    assert record_fields(lines) == lines

"""Conventions met in blind round 31 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a 街道's campaign plan
that divides its work by office, 海南; a public-security brigade's notice to its police stations,
四川). At the round's first look the parser read a 分工 section's sub-heading that is nothing but
an office's name (`(一)党政办`) as a clause with no unit, and, finding no unit anywhere, took the
plan's targets as clauses; and it read the targets and the area of a notice addressed to one group
of offices (`各派出所:`) as its clauses, missing its measures and their addressee. The notice's
closing 落款 and date (`治安大队` / `2023年10月20日`) also dated its last measure.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_TOWN_PLAN = (
    "某镇农村人居环境集中整治工作方案\n"
    "为改善全镇农村人居环境,结合我镇实际,制定本方案。\n"
    "一、整治目标\n"
    "(一)镇区主街无乱堆乱放、无占道经营。\n"
    "(二)各村主干道沿线无积存垃圾。\n"
    "二、职责分工\n"
    "(一)党政办\n"
    "负责宣传发动,编印倡议书,及时报送整治信息。\n"
    "(二)财政所、农业服务中心\n"
    "负责整治经费的保障和拨付。\n"
    "(三)各村\n"
    "1、组织保洁员每日清扫村内道路。\n"
    "2、发动群众清理房前屋后杂物。\n"
    "三、工作要求\n"
    "各单位要高度重视,按照分工抓好落实。\n"
)


def test_an_office_named_alone_in_a_division_of_work_leads_its_duties():
    doc = _parse(_TOWN_PLAN)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["党政办"], []),
        ("(二)", ["财政所"], ["农业服务中心"]),
        ("1", ["各村"], []),
        ("2", ["各村"], []),
    ]
    # The targets above the division of work name no office: no clauses.
    assert not any("镇区主街" in t.text for t in doc.tasks)


def test_a_heading_that_says_what_to_do_is_no_office():
    doc = _parse(
        "某街道文明创建工作方案\n"
        "一、工作分工\n"
        "(一)加强宣传\n"
        "在辖区主要路段设置公益广告。(责任部门:宣传办)\n"
        "(二)组织领导\n"
        "街道成立创建工作领导小组。\n"
        "(三)环境整治\n"
        "清理背街小巷卫生死角。(责任部门:城管办、各社区)\n"
    )
    leads = {t.label: t.lead_units for t in doc.tasks}
    assert leads["(一)"] == ["宣传办"]
    assert leads["(三)"] == ["城管办"]
    assert all(lead != ["组织领导"] and lead != ["加强宣传"] for lead in leads.values())


def test_an_office_heading_outside_a_division_of_work_names_no_unit():
    # `三、工作步骤` divides the work by stage, not by office: `(一)党政办` there is no heading of
    # an office's duties (the reading stays as before: items with no unit).
    doc = _parse("某镇工作方案\n三、工作步骤\n(一)党政办\n负责宣传发动。\n(二)动员部署\n召开全镇动员大会。\n")
    assert all(t.lead_units == [] for t in doc.tasks)


_BRIGADE_NOTICE = (
    "各中队:\n"
    "根据上级部署,近期在全区开展占道经营集中整治,现结合执法职能,明确如下:\n"
    "一、工作目标\n"
    "1.查处一批典型案件\n"
    "2.占道经营现象明显减少\n"
    "二、整治范围\n"
    "1.城区主次干道;\n"
    "2.各镇集镇区域。\n"
    "三、具体任务\n"
    "(一)每日巡查责任路段,劝离流动摊贩;\n"
    "(二)对屡教不改的经营户依法立案查处;\n"
    "(三)每周五前报送整治台账。\n"
    "执法大队\n"
    "2023年5月8日\n"
)


def test_a_notice_to_one_group_charges_it_with_the_measures_that_name_no_unit():
    doc = _parse(_BRIGADE_NOTICE)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["各中队"], []),
        ("(二)", ["各中队"], []),
        ("(三)", ["各中队"], []),
    ]


def test_the_closing_signature_and_date_date_no_measure():
    for text in (
        _BRIGADE_NOTICE,
        "某局关于开展安全生产检查的通知\n一、检查内容\n(一)检查企业安全责任落实情况;\n"
        "(二)检查隐患排查治理台账;\n(三)检查应急预案演练记录。\n安全生产股\n2023年5月8日\n",
    ):
        doc = _parse(text)
        assert len(doc.tasks) == 3
        assert not [m for t in doc.tasks for m in t.milestones if m.due_date and m.due_date.isoformat() == "2023-05-08"]


def test_a_date_line_under_a_measure_is_still_its_deadline():
    # Without an issuer's name between them, a date on its own line is the measure's 完成时限 cell.
    doc = _parse(
        "某县重点工作安排\n"
        "1.完成县城污水管网改造。\n"
        "县住建局\n"
        "县财政局、各乡镇\n"
        "2.新建农村公路30公里。\n"
        "2023年10月31日\n"
        "县交通局、县财政局\n"
    )
    second = doc.tasks[1]
    assert "2023-10-31" in {m.due_date.isoformat() for m in second.milestones if m.due_date}


def test_a_salutation_of_no_particular_office_or_of_several_charges_no_one():
    for salutation in ("各单位:", "各中队、各科室:"):
        doc = _parse(salutation + "\n" + _BRIGADE_NOTICE.split("\n", 1)[1])
        assert all(t.lead_units == [] for t in doc.tasks), salutation

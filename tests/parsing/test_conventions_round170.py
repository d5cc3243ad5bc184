"""Round 170's conventions for a town's short notices: a salutation naming one group (`各村(社区)、企事业单位:`)
charges each item naming no one while an item naming its own unit keeps it; an item fixing the day of a step
(`领购毒饵时间为9月10日`) is a measure dated that day, one only telling where and whom to call is none; under
`四、责任分工` each item's opening doer (`由保洁公司负责…`, `乡村振兴办公室做好…`) and cadres by post lead or stand as
leaders; a campaign's focus written as the list of places it covers (`整治重点:各村主次干道、…`) is its scope.
Written from the conventions, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.plan_frames import frames_the_notice
from policy_tasks.parsing.sole_addressees import informs_only


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2019, assume_year=2026)


def _read(text: str) -> list[tuple[str, list[str], list[str], list[str], list[str]]]:
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [str(m.due_date) for m in t.milestones])
        for t in _parse(text).tasks
    ]


def test_one_group_charges_the_items_naming_no_one() -> None:
    text = (
        "各社区、企业:\n"
        "为做好夏季灭蚊工作,现将有关事项通知如下:\n"
        "1、药物发放日期为6月3日;\n"
        "2、统一消杀时间定为6月5日至6日;\n"
        "3、本次药物为高效氯氰菊酯,领取地址:街道社会事务办102室,咨询电话:12345678。\n"
        "4、各点位要做到专人管理、规范存放;\n"
        "5、街道城管中队要及时清理积水容器,消除蚊虫孳生地。\n"
        "某某街道办事处\n"
        "2019年6月1日\n"
    )
    assert _read(text) == [
        ("1", ["各社区、企业"], [], [], ["2019-06-03"]),
        ("2", ["各社区、企业"], [], [], ["2019-06-06"]),
        ("4", ["各社区、企业"], [], [], []),
        ("5", ["街道城管中队"], [], [], []),
    ]


def test_informing_items() -> None:
    assert informs_only("本次灭鼠毒饵为颗粒剂,领取地点为:镇社会事务办213室,联系电话:82061291。")
    # A charge or a day makes the item a measure, a description naming no place or phone is no information item.
    assert not informs_only("领取地点为镇社会事务办,各村要于9月10日前领取。")
    assert not informs_only("灭鼠毒饵领取时间为9月10日。")
    assert not informs_only("本次灭鼠毒饵为颗粒剂。")


def test_salutation_of_several_groups_charges_no_one() -> None:
    # Two groups each under its own `各`: no one addressee, the silent items stay unassigned and are not all taken.
    text = (
        "各村、各学校:\n"
        "现将有关事项通知如下:\n"
        "1、对灭鼠毒饵要做到专人保管;\n"
        "2、领取地点为:镇社会事务办,联系电话:82061291。\n"
        "3、镇环卫中心要及时做好尸鼠收集工作。\n"
        "4、镇卫生院要做好中毒救治准备。\n"
    )
    read = _read(text)
    assert ("3", ["镇环卫中心"], [], [], []) in read
    assert all(lead != ["各村、各学校"] for _, lead, _, _, _ in read)


def test_division_section_doers() -> None:
    text = (
        "各村委会:\n"
        "经镇政府研究,决定开展秋季村庄清洁行动。现将有关事宜通知如下:\n"
        "一、活动时间:2019年9月1日-2019年9月30日\n"
        "二、清理重点:村内主干道、河塘沟渠、房前屋后。\n"
        "三、行动任务:\n"
        "1.清理村内积存垃圾;\n"
        "2.整治河塘沟渠漂浮物。\n"
        "四、工作分工:\n"
        "1.由物业公司负责组织保洁队伍,做好垃圾清运;\n"
        "2.各驻村干部、村干部,负责督促群众清理房前屋后;\n"
        "3.镇农业综合服务中心牵头做好检查验收工作。\n"
        "某某镇人民政府\n"
        "2019年8月28日\n"
    )
    assert _read(text) == [
        ("三.1", ["各村委会"], [], [], []),
        ("三.2", ["各村委会"], [], [], []),
        ("四.1", ["物业公司"], [], [], []),
        ("四.2", [], [], ["各驻村干部", "村干部"], []),
        ("四.3", ["镇农业综合服务中心"], [], [], []),
    ]


def test_division_item_needs_a_doer() -> None:
    # An item of the section opening with a duty, or a vague group, names no doer: the salutation's group answers.
    text = (
        "各村委会:\n"
        "现将有关事宜通知如下:\n"
        "一、工作任务:\n"
        "1.清理村内积存垃圾;\n"
        "2.整治河塘沟渠漂浮物。\n"
        "二、责任分工:\n"
        "1.加强日常巡查,发现问题及时整改;\n"
        "2.相关单位要做好配合工作;\n"
        "3.镇城建办负责检查验收。\n"
    )
    read = {label: lead for label, lead, _, _, _ in _read(text)}
    assert read["二.3"] == ["镇城建办"]
    assert read["二.1"] == ["各村委会"]


def test_focus_as_scope() -> None:
    assert frames_the_notice("整治重点:各村主次干道、背街小巷、通村路、卫生死角盲区。")
    assert frames_the_notice("排查重点:学校、医院、商场")
    # A focus that says what to do, and a section of measures, are no scope.
    assert not frames_the_notice("整治重点:清理村内垃圾,做到日产日清。")
    assert not frames_the_notice("工作重点:各村主干道、背街小巷")
    assert not frames_the_notice("整治重点和责任分解")


def test_field_closing_on_a_date_then_next_heading() -> None:
    # A copy with no breaks: `…2019年9月30日二、…` cuts before the open list's next heading.
    text = (
        "各村委会:经镇政府研究,决定开展秋季村庄清洁行动。现将有关事宜通知如下:一、活动时间:2019年9月1日-2019年9月30日"
        "二、行动任务:1.清理村内积存垃圾;2.整治河塘沟渠漂浮物。三、工作分工:1.由物业公司负责组织保洁队伍;"
        "2.镇农业综合服务中心牵头做好检查验收工作。某某镇人民政府2019年8月28日"
    )
    read = _read(text)
    assert [label for label, *_ in read] == ["二.1", "二.2", "三.1", "三.2"]
    assert read[2][1] == ["物业公司"]


def _piped(*cells: str) -> str:
    return "".join(f"{cell} |\n" for cell in cells)


@pytest.mark.parametrize("heading", ["1.巩固扩大基本医保制度覆盖面。主要工作目标:", "1.巩固扩大基本医保制度覆盖面"])
def test_task_table_heading_rows_are_no_items_of_the_addressee(heading: str) -> None:
    # A web page's task table a cell a line under a notice to one group: a heading row over a task row, opening it
    # with a colon or numbered afresh by the row's serial (`1.…` then `1 |`), groups it; only the rows are clauses.
    # Near case: a silent item before one naming its unit, the count going on, stays the group's (first test's `4、`).
    text = (
        "厅机关各处室:\n"
        "根据《内蒙古自治区深化医药卫生体制改革2012年主要工作安排》的精神,并结合《内蒙古自治区卫生事业发展第十二个五年"
        "规划纲要》,现将《落实自治区政府办公厅深化医药卫生体制改革2012年主要工作安排的分工意见》印发给你们,请结合实际,"
        "认真组织实施。\n"
        "本意见提出了卫生厅牵头负责的任务和配合推进的任务。各成员单位要从医改全局出发,相互配合,同心协力,形成推动医改的"
        "合力。各配合部门要主动沟通,相互支持,做好工作的衔接。要细化工作安排,切实抓好工作落实,确保医改任务顺利完成。\n"
        "二○一二年六月三十日\n"
        "抄送:各盟市卫生局,厅直属各单位。\n"
        "落实2012年主要工作安排的分工意见\n"
        "为进一步明确任务目标,扎实推进改革,确保医改取得预期效果,尽快惠及人民群众,现提出卫生厅落实《深化医药卫生体制改革"
        "2012年主要工作安排》分工的意见。\n"
        + _piped("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
        + _piped("一、卫生厅牵头工作分工安排", "(一)加快健全全民医保体系")
        + _piped(heading)
        + _piped("1", "新农合参合率稳定在95%以上。", "基层卫生管理处", "财务处", "2012年12月底")
        + _piped("2.提高基本医疗保障水平")
        + _piped("2", "新农合政府补助标准提高到每人每年240元。", "财务处", "基层卫生管理处", "2012年12月底")
    )
    read = _read(text)
    assert [lead for _, lead, *_ in read] == [["基层卫生管理处"], ["财务处"]]
    assert all("厅机关各处室" not in lead for _, lead, *_ in read)

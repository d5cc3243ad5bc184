"""Round 137's conventions: a digest's tasks counted by their lead (`有3项由A牵头,分别是X;Y;Z`) beside tasks retold
with `由A、B等分工负责`; a notice's directive to its salutation's group with no charge written (`各部门根据…,细化…`); and
a notice's purpose, scope and time sections, which charge no one."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import DEPARTMENTS, ENTERPRISES, group_subject
from policy_tasks.parsing.counted_lists import counted_heading, counted_lists
from policy_tasks.parsing.plan_frames import frames_the_notice, frames_the_plan
from policy_tasks.parsing.result import ParseError
from policy_tasks.parsing.retold_brackets import retold_parts

DIGEST = (
    "首页>新闻中心\n"
    "国务院明确重点工作部门分工 国家林草局领到9项任务\n\n"
    "(记者王某)近日,国务院印发《关于落实重点工作部门分工的意见》,林草方面的分工主要由国家林草局、自然资源部等部门牵头负责。"
    "需要国家林草局参加的工作共计9项,有3项由国家林草局牵头,分别是推进国土绿化,加强草原保护;抓好森林防火;"
    "完善林长制。\n"
    "《意见》明确,需要自然资源部参加的工作共计5项,有2项由自然资源部牵头,分别是开展国土调查;健全耕地保护制度。\n"
    "国家林草局与自然资源部还参与多项工作。例如,加强生物多样性保护,由生态环境部、国家林草局等分工负责。"
    "推进国家公园建设,由国家林草局、财政部、自然资源部等分工负责。\n"
)


def _parse(text: str, year: int | None = 2019):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def test_counted_lists_and_retold_tasks_are_the_digests_clauses() -> None:
    tasks = _parse(DIGEST).tasks
    assert [t.text[:6] for t in tasks] == [
        "推进国土绿化",
        "抓好森林防火",
        "完善林长制",
        "开展国土调查",
        "健全耕地保护",
        "加强生物多样",
        "推进国家公园",
    ]
    assert [t.label for t in tasks] == [str(n) for n in range(1, 8)]
    assert [t.lead_units for t in tasks[:5]] == [["国家林草局"]] * 3 + [["自然资源部"]] * 2
    assert all(t.co_units == [] for t in tasks[:5])
    # A retold task: the first listed leads, the others help, `等` no part of a name, `例如,` no part of the task.
    assert tasks[5].lead_units == ["生态环境部"] and tasks[5].co_units == ["国家林草局"]
    assert tasks[6].lead_units == ["国家林草局"] and tasks[6].co_units == ["财政部", "自然资源部"]


def test_counted_list_alone_is_read() -> None:
    tasks = _parse("某报讯\n今年的分工中,有2项由市水务局牵头,分别是治理黑臭水体;建设海绵城市。其余由各区负责。\n").tasks
    assert [(t.text, t.lead_units) for t in tasks] == [("治理黑臭水体", ["市水务局"]), ("建设海绵城市", ["市水务局"])]


def test_count_chooses_the_separator() -> None:
    norm = "其中,有3项由市商务局牵头,分别是发展夜间经济、培育老字号、建设步行街。"
    (found,) = counted_lists(norm)
    assert [norm[s:e] for s, e in found.parts] == ["发展夜间经济", "培育老字号", "建设步行街"]
    # The lead named before the count: `A牵头的有2项,分别是…`.
    norm = "市教育局牵头的有两项,分别是新建学校;扩大学位供给。"
    (found,) = counted_lists(norm)
    assert [norm[s:e] for s, e in found.parts] == ["新建学校", "扩大学位供给"]


@pytest.mark.parametrize(
    "norm",
    [
        # The count disagrees with every separator's parts: where one task ends cannot be told.
        "有3项由市水务局牵头,分别是治理黑臭水体;建设海绵城市。",
        # One task, vague or group units, and a count with no `分别` list.
        "有1项由市水务局牵头,分别是治理黑臭水体。",
        "有2项由有关部门牵头,分别是治理黑臭水体;建设海绵城市。",
        "有2项由各区牵头,分别是治理黑臭水体;建设海绵城市。",
        "需要市水务局参加的工作共计12项,其中由市水务局牵头的3项。",
        # `分别` inside a sentence about something else.
        "两项指标分别是85%;90%。",
    ],
)
def test_near_cases_read_no_counted_list(norm: str) -> None:
    assert counted_lists(norm) == []


def test_counted_heading_charges_its_tasks() -> None:
    found = counted_heading("有3项由国家卫生健康委牵头,分别是")
    assert found is not None and found.lead_and_co() == (["国家卫生健康委"], [])
    assert counted_heading("有3项由国家卫生健康委牵头,分别是抓好传染病防治") is None  # a task, no heading
    assert counted_heading("共计12项") is None


def test_digest_with_no_counted_list_or_retelling_is_still_refused() -> None:
    with pytest.raises(ParseError):
        _parse("某报讯\n需要市水务局参加的工作共计12项,其中多项由市水务局牵头,任务艰巨。\n")


def test_shortened_formula_needs_its_etc() -> None:
    norm = "完善药品集中采购和使用机制,由国家医保局、国家药监局等分工负责。"
    assert [norm[s:e] for _, s, e, _, _ in retold_parts(norm)] == ["国家医保局、国家药监局"]
    # Near cases: no `等` (a 晋政发 bracket's remit words, another reader's) and a vague list.
    assert retold_parts("完善机制,由国家医保局、国家药监局分工负责。") == []
    assert retold_parts("完善机制,由有关部门等分工负责。") == []


NOTICE = (
    "关于做好2015年重点工作任务公示工作的通知\n"
    "局机关各部门:\n"
    "    为抓好工作落实,现将有关事项通知如下:\n"
    "    一、公示目的\n"
    "    主动公开年度重点工作任务,细化责任分工,主动接受社会监督。\n"
    "    二、公示范围、方式和时间\n"
    "    (一)公示范围和方式\n"
    "    各部门重点工作及责任分工将在网站进行公示。\n"
    "    (二)公示时间\n"
    "    从公示之日起至12月31日。\n"
    "    三、有关要求\n"
    "    各部门根据附件格式,细化分解全年任务,确保公示工作准确规范。于5月20日前,将本部门重点工作任务完成时限及责任公示表报办公室统一公开公示。\n"
    "                                                 某某管理局办公室\n"
    "                                                       2015年5月15日\n"
)


def test_group_directive_with_no_charge_written_is_the_notices_clause() -> None:
    tasks = _parse(NOTICE, year=None).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [("三", ["各部门"], [])]
    assert [m.due_date.isoformat() for m in tasks[0].milestones] == ["2015-05-20"]


def test_group_subject_forms() -> None:
    groups = frozenset({DEPARTMENTS, ENTERPRISES})
    assert group_subject("各部门根据附件格式,细化分解全年任务。", 0, groups) is not None
    assert group_subject("各部门于5月20日前将公示表报办公室。", 0, groups) is not None
    assert group_subject("各部门结合实际,制定具体措施。", 0, groups) is not None
    # Near cases: work reported done, a group the salutation does not name, no basis or deadline after the group.
    assert group_subject("各部门根据要求,已完成自查。", 0, groups) is None
    assert group_subject("各部门根据要求,开展了自查。", 0, groups) is None
    assert group_subject("各地根据附件格式,细化分解全年任务。", 0, groups) is None
    assert group_subject("各部门重点工作及责任分工将在网站进行公示。", 0, groups) is None


def test_plan_without_salutation_group_charges_no_one() -> None:
    # Near case: no salutation naming the departments, so `各部门根据…` names no one (rounds 96/97).
    text = NOTICE.replace("局机关各部门:\n", "")
    tasks = _parse(text, year=None).tasks
    assert all(not t.lead_units for t in tasks)


@pytest.mark.parametrize(
    "heading", ["公示目的", "工作目的和意义", "公示范围、方式和时间", "公示时间", "适用范围", "检查对象"]
)
def test_purpose_scope_and_time_frame_the_notice(heading: str) -> None:
    assert frames_the_notice(heading + "\n主动公开年度重点工作任务。")
    assert not frames_the_plan(heading + "\n主动公开年度重点工作任务。")  # weighed with the silent items


@pytest.mark.parametrize("heading", ["扩大公示范围", "完成时间", "加强目的地建设", "公示时间安排表"])
def test_near_frames_are_not(heading: str) -> None:
    assert not frames_the_notice(heading + "\n各部门要做好。")


def test_silent_purpose_is_no_measure_where_no_item_names_a_unit() -> None:
    # The fallback (no item names a unit): the measures are the leaves of the common style, the purpose none of them.
    text = "关于开展安全检查的通知\n一、检查目的\n排查隐患,确保安全。\n二、检查消防设施是否完好。\n三、检查疏散通道是否畅通。\n"
    assert [t.label for t in _parse(text, year=2020).tasks] == ["二", "三"]
    # Near case: an item whose words only hold a frame's word is a measure.
    text = text.replace("一、检查目的\n排查隐患,确保安全。", "一、扩大检查范围,排查隐患。")
    assert [t.label for t in _parse(text, year=2020).tasks] == ["一", "二", "三"]

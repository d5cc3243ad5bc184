"""Round 160's conventions: a proposal notice's handling role with a frame between it and its act; an item made only
of a collection's rules of admission; `各有关单位要…` in a notice to named groups; a notice that issues nothing keeps
its `各单位要…` requirement as a clause; a campaign report's day-led orders and the sentences charging bodies beside
them. Every text here is made up."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressed_requirements import addressed_to_all
from policy_tasks.parsing.admission_rules import rules_only
from policy_tasks.parsing.criterion_items import criterion_only
from policy_tasks.parsing.day_orders import brought_in_leaders, campaign_charge
from policy_tasks.parsing.proposal_role_frames import framed_role_spans
from policy_tasks.parsing.result import ParseError
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_labels import CO, LISTED

# A county office urging the handling of proposals handed out earlier.
URGING = (
    "某县人民政府办公室关于加快办理县一届人大二次会议代表建议和县政协一届二次会议委员提案的通知\n"
    "各承办单位:\n"
    "县一届人大二次会议代表建议和县政协一届二次会议委员提案已交由各承办单位办理。现就加快办理工作通知如下:\n"
    "一、各承办单位要积极主动做好办理工作,抓紧与各提案人联系。\n"
    "二、县政协委员重点提案的承办单位,在与提案人面商的基础上,及时向县政府报告办理情况。\n"
    "三、各承办单位在提交县政府办公室答复函时,要将征询意见表一并提供。\n"
)

# A city office's notice collecting material for the national sessions' proposals: it issues nothing.
COLLECTING = (
    "某市人民政府办公厅关于征集全国两会议案建议提案材料的通知\n"
    "各区人民政府,市直各委、办、局,各开发区管委会:\n"
    "现就做好材料的征集工作通知如下:\n"
    "一、提出议案、建议、提案,是反映民声的重要途径之一。各有关单位要高度重视,及时部署材料的征集工作。\n"
    "二、议案、建议、提案反映的事项,必须是解决权限属于国家机关的事项。国家机关已经予以解决的事项,不作为议案、建议、"
    "提案材料;属于学术探讨的,也不作为议案、建议、提案材料。\n"
    "三、各单位要加强调查研究,切实提高所收集材料的质量。\n"
    "四、各单位要认真做好材料的审核把关工作,于2009年11月13日前将书面材料报送市政府办公厅。\n"
)

# A county news page reporting a petition campaign, numbering nothing.
CAMPAIGN = (
    "4月2日,记者获悉,4月1日至4月15日,我县在全县范围内开展县、乡镇二级领导“基层大接访”活动。\n"
    "据了解,此次大接访活动要求各乡镇和各有关部门既要方便群众提出诉求,又要注重接访工作的实际效果。"
    "具体安排如下:4月1日至3日为排查阶段,4月7日至15日为实施阶段,共设立两个专题接访日。"
    "4月7日,由县自然资源局负责联系分管的县领导,在县自然资源局开展“土地问题”接访活动;"
    "4月14日,由县委政法委负责联系分管的县领导,在县人民法院接访大厅开展“涉法涉诉问题”接访活动。\n"
    "此外,其它接访活动(定点接访、带案下访)具体由各乡镇、县直单位自行组织安排实施。\n"
)


def _parse(text: str, year: int | None = 2019):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def test_handling_role_with_a_frame_before_its_act() -> None:
    tasks = _parse(URGING).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]
    # The qualifier naming the proposals the role handles is no part of its name (round 143).
    assert [t.lead_units for t in tasks] == [["各承办单位"], ["承办单位"], ["各承办单位"]]


def test_framed_role_near_cases() -> None:
    assert framed_role_spans("各承办单位在提交答复函时,要将意见表一并提供。") == [(0, 5)]
    # The role as an object, a frame with no act of its own, a qualifier governing the role.
    assert framed_role_spans("督促承办单位在提交答复函时将意见表一并提供。") == []
    assert framed_role_spans("承办单位在提交答复函时的答复质量。") == []
    assert framed_role_spans("对重点提案的承办单位,在年底前,县政府将组织检查。") == []
    # No proposal notice: the frame reads no role (round 142's `proposal_roles` asks for the kind).
    text = "一、各承办单位在提交答复函时,要将意见表一并提供。\n二、各承办单位要抓紧办理。\n"
    tasks = _parse("某县关于做好运动会筹备工作的通知\n各承办单位:\n" + text).tasks
    assert all(t.lead_units != ["各承办单位"] or t.label == "二" for t in tasks)


def test_rules_of_admission_charge_no_one() -> None:
    assert rules_only(
        "反映的事项,必须是解决权限属于国家机关的事项。国家机关已经予以解决的事项,不作为议案材料;"
        "属于学术探讨的,也不作为议案材料。"
    )
    assert criterion_only("反映的事项,必须是属于国家机关的事项。已经解决的事项,不作为议案材料。")
    # Near cases: a duty among the rules, a case naming its doer, `必须` governing an act, one sentence alone.
    assert not rules_only("各单位要认真收集材料。已经解决的事项,不作为议案材料。")
    assert not rules_only("各单位对不属于本单位的问题,不得列入材料。已经解决的事项,不作为议案材料。")
    assert not rules_only("报送的材料,必须在11月13日前报送。已经解决的事项,不作为议案材料。")
    assert not rules_only("已经解决的事项,不作为议案材料。")


def test_a_notice_issuing_nothing_charges_the_units_concerned() -> None:
    tasks = _parse(COLLECTING, year=2009).tasks
    # 二 (rules of admission) is no clause; 三 and 四 charge everyone addressed: clauses naming no unit.
    assert [t.label for t in tasks] == ["一", "三", "四"]
    assert tasks[0].lead_units == ["各有关单位"]
    assert [t.lead_units for t in tasks[1:]] == [[], []]
    assert [m.due_date.isoformat() for m in tasks[2].milestones if m.due_date] == ["2009-11-13"]


def test_units_concerned_near_cases() -> None:
    # A plan (no salutation of groups): `各有关单位要…` names no one there.
    plan = "某县2020年整治方案\n一、各有关单位要高度重视,及时部署整治工作。\n二、县住建局负责拆除违建(县住建局牵头)。\n"
    tasks = _parse(plan).tasks
    assert all("各有关单位" not in t.lead_units for t in tasks)
    # `各有关单位` as an object (`督促各有关单位…`) charges no one.
    notice = "某市关于做好某项工作的通知\n各区人民政府,市直各部门:\n一、市住建局要督促各有关单位及时部署整治工作。\n"
    assert _parse(notice).tasks[0].lead_units == ["市住建局"]


def test_addressed_to_all_near_cases() -> None:
    groups = frozenset({"places", "departments"})
    assert addressed_to_all("各单位要认真做好材料的审核工作。", groups)
    assert addressed_to_all("加强调研\n各单位要认真做好材料的审核工作。", groups)
    # No salutation of groups, a breakdown's notice, a sentence of prose first, `各单位要求`.
    assert not addressed_to_all("各单位要认真做好材料的审核工作。", frozenset())
    assert not addressed_to_all("各单位要认真做好材料的审核工作。", groups | {"breakdown"})
    assert not addressed_to_all("提出议案、建议,是反映民声、集中民智的重要途径之一。各单位要认真审核。", groups)
    assert not addressed_to_all("各单位要求严格,材料质量较高。", groups)


def test_campaign_report_orders_by_day() -> None:
    tasks = _parse(CAMPAIGN, year=None).tasks
    assert [t.label for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].lead_units == ["各乡镇"] and tasks[0].co_units == ["各有关部门"]
    # The frame after the requirement (`4月1日至3日为排查阶段,…`) is no part of it and dates nothing.
    assert tasks[0].milestones == []
    assert [t.lead_units for t in tasks[1:3]] == [["县自然资源局"], ["县委政法委"]]
    assert [t.leaders for t in tasks[1:3]] == [["分管的县领导"], ["分管的县领导"]]
    assert [[m.due_date.isoformat() for m in t.milestones if m.due_date] for t in tasks[1:3]] == [
        ["2026-04-07"],
        ["2026-04-14"],
    ]
    # `此外,` is the closing sentence's lead-in, no part of the last day's order.
    assert not tasks[2].text.rstrip().endswith("此外,")
    assert tasks[3].lead_units == ["各乡镇"] and tasks[3].co_units == ["县直单位"]


def test_campaign_near_cases() -> None:
    # One day-led order alone is a news item's sentence: no list of orders.
    single = (
        "4月2日,记者获悉,我县开展“基层大接访”活动。\n"
        "4月7日,由县自然资源局负责联系分管的县领导,在县自然资源局开展接访活动。\n"
    )
    with pytest.raises(ParseError):
        _parse(single, year=None)
    # The readers themselves: no requirement on groups, no brought-in leader.
    assert campaign_charge("此次活动要求严格,效果明显。") is None
    found = campaign_charge("此次大接访活动要求各乡镇和各有关部门既要方便群众,又要注重实效。")
    assert found is not None and found.roles[LISTED] == ["各乡镇"] and found.roles[CO] == ["各有关部门"]
    assert brought_in_leaders("由县信访局负责联系群众,在县信访局开展接访。") == []
    assert brought_in_leaders("由县信访局负责联系分管的县领导,在县信访局开展接访。") == ["分管的县领导"]
    assert normalise("4月7日,") == "4月7日,"

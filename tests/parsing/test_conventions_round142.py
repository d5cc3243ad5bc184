"""Round 142's conventions: a notice handing out deputies' proposals and members' 提案 charges their handling roles
(`各承办单位要…`, `主办单位要…;各牵头单位要…`) as a breakdown's notice charges its roles; an item's own sentence charging a
role over its sub-items is a clause beside them; a criterion of what does not qualify charges no one; the notice's
closing date line is no deadline; a rate aimed at after a dated reply is no second milestone."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.criterion_items import criterion_only
from policy_tasks.parsing.proposal_roles import PROPOSALS, charges_own_role, proposal_charge
from policy_tasks.parsing.rate_aims import rate_aim
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_labels import CO, LISTED

# Made up: a city office's notice handing out a session's proposals, requirements as `一、` items with sub-items.
HANDING_OUT = (
    "某市人民政府办公室关于办理市一届人大二次会议代表建议的通知\n"
    "各承办(主办、协办)单位:\n"
    "市人大代表提出的建议共50件,现将办理任务细化分解给你们,并将有关事项通知如下:\n"
    "一、压实责任。各承办单位(含主办、协办单位)要把办理工作列入议事日程,明确分管领导和具体人员。\n"
    "二、按时办理。各承办单位要注重时效,做到早办理、早答复。\n"
    "(一)各承办(主办、协办)单位收到代表建议后要逐件登记,认真研读建议内容。\n"
    "(二)协办单位应在10月15日前将协办意见函告主办单位,主办单位要在10月31日前答复代表。\n"
)

# Made up: a covering notice issuing a 议案's breakdown, each requirement a heading line over a paragraph, dated below.
MOTION = (
    "各县、区人民政府,市直各有关部门:\n"
    "《关于市二届人大三次会议确定议案的分解办理意见》已经市政府同意,现印发给你们,并就有关事项通知如下:\n"
    "一、加强领导\n"
    "各承办单位要高度重视,将议案办理工作列入重要议事日程,明确专人负责,切实做到领导、机构、人员三落实。\n"
    "二、明确责任\n"
    "根据办理分工,议案由市交通运输局负责主办,并于8月31日前向市人大代表进行答复,力争满意率达到100%;"
    "各承办单位要认真研究,明确责任,采取措施,确保议案办理取得实效。\n"
    "三、协同配合\n"
    "主办单位要主动作为,加强与牵头单位的联系,协调处理办理中的问题;各牵头单位要认真负责,及时与配合单位协商;"
    "各配合单位要密切配合,及时将办理情况函告牵头单位。\n"
    "2023年4月10日\n"
)

# Made up: the procedure part of a notice on handling proposals, its page cut above the section (no header).
PROCEDURE = (
    "三、办理程序\n"
    "(一)交办。各承办单位收到建议、提案后,要认真核实,逐件登记,不属于本单位承办的要在3个工作日内退回。\n"
    "(二)时限。对会议期间提出的建议、提案,承办单位须在5月20日前答复完毕;对闭会期间的建议、提案,"
    "各承办单位须在3个月内答复完毕。\n"
    "(三)会办。对于分别办理的建议、提案,由各承办单位分别答复;会办单位应主动将意见函告主办单位,主办单位要做好汇总答复。\n"
)


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def test_handling_roles_are_the_units_of_a_proposal_notice() -> None:
    tasks = _parse(HANDING_OUT).tasks
    assert [t.label for t in tasks] == ["一", "二", "(一)", "(二)"]
    # The document's bracket after or inside the role (`(含主办、协办单位)`, `承办(主办、协办)单位`) keeps it one role.
    assert [t.lead_units[0].startswith("各承办") for t in tasks[:3]] == [True, True, True]
    assert tasks[2].lead_units == ["各承办(主办、协办)单位"]
    # Two roles in one item: the first subject leads, the later one helps; each keeps its own deadline.
    assert tasks[3].lead_units == ["协办单位"] and tasks[3].co_units == ["主办单位"]
    assert [m.due_date.isoformat() for m in tasks[3].milestones if m.due_date] == ["2023-10-15", "2023-10-31"]


def test_roles_in_parts_are_one_clause_and_the_date_line_no_deadline() -> None:
    tasks = _parse(MOTION).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]
    assert tasks[0].lead_units == ["各承办单位"]
    # `议案由X负责主办`: the unit the proposal is given to leads; the role charged in the next part helps.
    assert tasks[1].lead_units == ["市交通运输局"] and tasks[1].co_units == ["各承办单位"]
    # The reply date is one milestone: `力争满意率达到100%` is the reply's aim.
    assert [(m.due_date.isoformat(), m.text) for m in tasks[1].milestones] == [
        ("2023-08-31", "并于8月31日前向市人大代表进行答复")
    ]
    assert tasks[2].lead_units == ["主办单位"] and tasks[2].co_units == ["各牵头单位", "各配合单位"]
    # `2023年4月10日` under the last requirement is the notice's date of writing.
    assert tasks[2].milestones == []


def test_a_page_without_its_header_still_reads_the_roles() -> None:
    tasks = _parse(PROCEDURE, year=None).tasks
    assert [t.lead_units for t in tasks] == [["各承办单位"], ["承办单位"], ["各承办单位"]]
    # The same role written again with `各` is the one addressee; later roles help in order.
    assert tasks[1].co_units == []
    assert tasks[2].co_units == ["会办单位", "主办单位"]


def test_proposal_charge_reads_only_a_proposal_notice() -> None:
    text = "主办单位要主动作为;各配合单位要密切配合。"
    assert proposal_charge(text, normalise(text), frozenset()) is None
    found = proposal_charge(text, normalise(text), frozenset({PROPOSALS}))
    assert found is not None and found.roles
    # An office that only receives (`函告主办单位`, `报市政府督查室`) is no subject.
    text = "会办单位应将意见函告主办单位,并报市政府督查室。"
    found = proposal_charge(text, normalise(text), frozenset({PROPOSALS}))
    assert found is not None
    assert [n for names in found.roles.values() for n in names] == ["会办单位"]


def test_near_cases_read_no_handling_roles() -> None:
    # An event plan's organisers in its header fields are no charged roles (round 130).
    event = (
        "某区第三届运动会实施方案\n主办单位:区人民政府\n承办单位:区教育局\n"
        "一、工作分工\n(一)区教育局:负责运动会的组织实施。\n(二)区卫健局:负责医疗保障。\n"
    )
    tasks = _parse(event).tasks
    assert all("承办单位" not in t.lead_units + t.co_units for t in tasks)
    # A notice collecting material for proposals hands none out: `各承办单位要…` is no role there.
    collecting = (
        "某县人民政府办公室关于征集人大代表建议和政协委员提案素材的通知\n各乡镇人民政府,县政府各部门:\n"
        "一、有关要求\n(一)各乡镇、各部门要认真收集素材,于10月20日前报县政府办。\n"
        "(二)属于本县可以解决的问题,不列为建议提案素材。\n"
    )
    tasks = _parse(collecting).tasks
    assert [t.lead_units for t in tasks] == [["各乡镇"]]


def test_own_sentence_over_sub_items() -> None:
    kinds = frozenset({PROPOSALS})
    assert charges_own_role("尽快办理,确保时限。各承办单位要注重办理工作的时效性。", kinds)
    assert not charges_own_role("明确办理工作的程序和要求", kinds)  # a heading alone
    assert not charges_own_role("尽快办理。各承办单位要注重时效。", frozenset())  # no proposal notice


def test_criterion_only() -> None:
    assert criterion_only("属于州县级层面可以解决的问题,不列为建议提案素材。")
    assert criterion_only("凡已纳入年度计划的项目,一律不再申报。")
    # Near cases: a body charged with the case, a requirement naming its doer, a rule among duties.
    assert not criterion_only("对工作不力的,县纪委监委将严肃追责问责。")
    assert not criterion_only("各单位对不属于本单位职责的建议,不得推诿。")
    assert not criterion_only("各承办单位要认真研读。对不属于本单位职责范围的建议,不予受理。")


def test_rate_aim_after_a_dated_reply() -> None:
    norm = "议案由市交通运输局负责主办,并于8月31日前向市人大代表进行答复,力争满意率达到100%"
    at = norm.index("8月31日前")
    start = norm.index("力争")
    assert rate_aim(norm, start, len(norm), at, at + len("8月31日前"))
    # A date opening its part dates the parts after it (`一季度确保增长15%,力争增长20%`): no rate aim read so.
    norm = "一季度确保增长15%,力争满意率达到100%"
    assert not rate_aim(norm, norm.index("力争"), len(norm), 0, 3)
    # A measure of work after the dated part stays a commitment of its own.
    norm = "于6月底前完成改造,新增学位1000个"
    assert not rate_aim(norm, norm.index("新增"), len(norm), 1, 5)


def test_a_title_run_into_its_role() -> None:
    # A copy that lost its line breaks: the item's short title runs straight into the role charged.
    kinds = frozenset({PROPOSALS})
    text = "密切配合,通力协作主办单位要主动作为;各牵头单位要认真负责。"
    found = proposal_charge(text, normalise(text), kinds)
    assert found is not None and (found.roles[LISTED], found.roles[CO]) == (["主办单位"], ["各牵头单位"])
    # Near case: a title ending in a word that governs the role (`对`) makes it an object, no subject.
    text = "做好衔接工作,对承办单位要加强督促"
    assert proposal_charge(text, normalise(text), kinds) is None

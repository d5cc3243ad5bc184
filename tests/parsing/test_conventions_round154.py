"""Round 154's conventions: an inspection group's demands numbered inline after `督导组指出:` (one `各` over the towns
and offices inspected, one addressee), a town meeting report's `会议…并作出工作安排。` over its `一是` points, a plan's
work named before `由X牵头,` with the bodies the next part charges helping, and a town's villages written `村居` as a
subject with no `要`. Written from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.arrangement_heads import arrangement_head, cut_arrangement_points
from policy_tasks.parsing.inspected_groups import inspected_group
from policy_tasks.parsing.inspection_points import cut_inspection_points, inspection_head
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.village_subjects import village_charge
from policy_tasks.parsing.work_lead_frames import lead_frame_helpers
from policy_tasks.parsing.work_topics import after_work_topic


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


REPORT = (
    "5月上旬,某县安全生产第二督查组深入甲镇、乙镇和县交通局、县住建局开展督查。\n"
    "督查组先后来到各镇、部门,查看工作台账。\n"
    "针对发现的问题,督查组要求:一是各乡镇、部门要在隐患排查上下功夫,确保不留死角;二是持续加大宣传力度,"
    "营造良好氛围;三是对群众反映的问题一定要逐件核实。\n"
)


def test_inspection_group_points_are_clauses() -> None:
    tasks = _parse(REPORT, year=2020).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("一是", ["各乡镇、部门"]), ("二是", []), ("三是", [])]


def test_inspection_point_near_cases() -> None:
    def cut(text: str) -> list[str]:
        return [part for part, _ in cut_inspection_points([(text, True)], [1])[0]]

    # The group's account of what it did: no demanding verb, no points.
    assert cut("督导组先后来到各镇、部门,详细查看台账。") == ["督导组先后来到各镇、部门,详细查看台账。"]
    # A lone `一是` after the verb: the paragraph's own prose.
    assert len(cut("督导组指出:一是要高度重视,认真抓好落实。")) == 1
    # A `二是` inside a point's sentence (no sentence end before it) is the point's prose.
    assert len(cut("督导组指出:一是排查要细,二是之后再说;二是加强宣传。")) == 3
    assert inspection_head("针对存在问题,督导组指出:") and not inspection_head("督导组负责每天报送进度:")
    # One 各 over a level of places and a kind of office is one addressee; a second 各 parts two.
    assert inspected_group("各镇、部门") and inspected_group("各乡镇、单位")
    assert not inspected_group("各镇、各部门") and not inspected_group("各县区、开发区管委会")


MEETING = (
    "某镇召开禁毒工作推进会\n"
    "  会议传达了区禁毒委会议精神,并作出工作安排。\n"
    "  一是提高认识。要深入学习有关会议精神。\n"
    "  二是形成合力。充分发挥基层党组织作用,各村委会要主动与派出所配合,深入开展排查。\n"
)


def test_meeting_arrangements_head_its_points() -> None:
    tasks = _parse(MEETING, year=2019).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("一是", []), ("二是", ["各村委会"])]


def test_arrangement_head_near_cases() -> None:
    assert arrangement_head("会议宣读了《实施方案》,会议传达了区政府会议精神,并作出工作安排。")
    assert arrangement_head("会议听取了汇报,并对下步工作作了部署。")
    # A meeting reported with no arrangement, a plan's section heading, a speaker's line.
    assert not arrangement_head("会议传达了区政府会议精神。")
    assert not arrangement_head("五、工作安排")
    assert not arrangement_head("会上,镇长对下一步工作进行了安排部署:")


PLAN = (
    "某镇开展矛盾纠纷排查化解专项行动实施方案\n"
    "四、工作机制\n"
    "(一)建立专班推进机制。专项行动由镇综治办牵头,重点任务责任部门和各村居要组建工作专班,细化工作方案。\n"
    "(二)建立情况报送机制。村居每月向镇综治办报送推进情况,重大情况随时报送。\n"
)


def test_work_led_frame_and_villages() -> None:
    tasks = _parse(PLAN, year=2023).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["镇综治办"], ["重点任务责任部门", "各村居"]),
        (["村居"], []),
    ]


def test_work_frame_near_cases() -> None:
    norm = "专项行动由镇综治办牵头,各村居要积极配合"
    assert after_work_topic(norm, 0) == norm.index("由")
    # A unit whose name ends in a work word, with no 由 after it: read whole.
    assert after_work_topic("县扶贫工作领导小组要加强调度", 0) == 0
    # No part after `牵头,` charging bodies with `要`, or a part whose subject is no body.
    text = "由镇综治办牵头,在6月底前完成排查"
    assert lead_frame_helpers(text, text.index("牵头")) == []
    text = "由镇综治办牵头,全体干部要下沉一线"
    assert lead_frame_helpers(text, text.index("牵头")) == []


def test_village_subject_near_cases() -> None:
    for text in ("村居民要增强法治意识", "村居环境整治每月开展一次", "镇综治办每月指导村居开展排查"):
        assert village_charge(text, normalise(text)) is None, text
    found = village_charge("各村居要每周上报排查情况", "各村居要每周上报排查情况")
    assert found is not None and found.lead_and_co() == (["各村居"], [])


def test_meeting_arrangements_run_on_in_a_copy_with_no_breaks() -> None:
    opening = "某镇召开禁毒工作推进会7月19日上午,某镇召开禁毒工作推进会,各村党支部书记参会。"
    text = opening + "".join(line.strip() for line in MEETING.splitlines()[1:])
    tasks = _parse(text, year=2019).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("一是", []), ("二是", ["各村委会"])]
    # A lone point after the line is the paragraph's prose: nothing is cut.
    assert cut_arrangement_points([("会议传达了精神,并作出工作安排。一是要提高认识。", True)], [1])[0] == [
        ("会议传达了精神,并作出工作安排。一是要提高认识。", True)
    ]

"""Round 148's conventions, a township's fire and safety campaign plans: frame headings a one-paragraph copy ran into
their text, units written as a sentence's subject (a town's communities, the office after a subject-less demand, a town
office named by its level with its verb right after), and a group set up with its heads named in the sentence."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.headed_groups import headed_group_charge
from policy_tasks.parsing.plan_frames import frames_the_notice, frames_the_plan
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.town_offices import town_office_charge


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return task.lead_units, task.co_units


# --- frame headings run into their text -------------------------------------------------------------------------


def test_run_in_frame_headings_frame_the_plan() -> None:
    for text in (
        "工作目标进一步夯实“两类场所”整治工作成效,切实消除各类隐患。",
        "指导思想和工作目标坚持政府统一领导、部门依法监管。",
        "组织领导为切实加强此次工作的组织领导,镇政府成立了消防检查工作领导小组。",
        "总体目标到2025年,全镇火灾起数明显下降。",
    ):
        assert frames_the_plan(text), text
    for text in (
        "整治对象“两类场所”、“厂中厂”企业、高层建筑。",
        "工作时间即日起至12月31日。",
        "检查范围涵盖全镇各村。",
    ):
        assert frames_the_notice(text), text


def test_longer_terms_and_measures_are_no_frames() -> None:
    # A frame's words opening a longer term, a bare scope word, and a measure opening with `加强组织领导`.
    for text in (
        "工作目标责任制要落实到人。",
        "工作时间节点由各村自行确定。",
        "时间安排紧凑,各村要抓紧。",
        "对象排查要全面。",
        "加强组织领导,各村要成立工作专班。",
        "目标明确,措施有力。",
    ):
        assert not frames_the_plan(text) and not frames_the_notice(text), text


def test_one_paragraph_plan_leaves_its_frames_out() -> None:
    text = (
        "某镇消防安全专项整治方案为消除隐患,现制定方案如下:一、工作目标进一步夯实整治工作成效,确保全镇消防安全形势平稳。"
        "二、整治对象“三合一”场所、出租房。三、工作时间即日起至12月31日。四、工作要求(一)加强排查。镇派出所强化巡查检查,"
        "严厉查处违法行为。(二)强化宣传。镇综治办要加强宣传教育。"
    )
    assert [t.text[:4] for t in _parse(text).tasks] == ["加强排查", "强化宣传"]


# --- units as a sentence's subject ---------------------------------------------------------------------------------


def test_town_communities_lead_and_bare_departments_name_no_one() -> None:
    text = (
        "三、工作任务\n"
        "(一)整治“三合一”“群租房”、老旧场所等突出风险。各社区、各部门要持续开展“三合一”场所综合治理。\n"
        "(二)加强出租房屋管理。各村、各单位要落实房东责任,开展经常性检查。\n"
    )
    tasks = _parse(text).tasks
    assert [_units(t) for t in tasks] == [(["各社区"], []), (["各村"], [])]


def test_county_groups_keep_their_departments() -> None:
    # A county's `各乡镇政府、各部门要…` (round 73) is no town's list: the departments stay.
    text = "各乡镇人民政府,县各部门:\n一、加强排查。各乡镇政府、各部门要认真抓好隐患排查治理工作。\n二、加强宣传。县应急局要开展宣传。\n"
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == ["各乡镇政府"] and tasks[0].co_units == ["各部门"]


def test_the_office_after_subject_less_demands_leads() -> None:
    for text in (
        "(一)提升革命文物建筑消防安全水平。要加大检查力度,及时发现整改隐患。街道文体站要加强隐患排查。\n"
        "(二)加强宣传。街道宣教办要开展宣传。\n",
        "(一)加强学校安全。要压实责任。要加强巡查,确保安全。镇教育办要组织开展演练。\n"
        "(二)加强宣传。镇宣传办要开展宣传。\n",
    ):
        assert _parse(text).tasks[0].lead_units in (["街道文体站"], ["镇教育办"])


def test_demands_with_no_office_after_them_name_no_one() -> None:
    # `要求` opens no demand, and a demand followed by no unit leaves the item silent.
    text = "(一)加强检查。要加大检查力度,确保安全。\n(二)加强宣传。街道宣教办要开展宣传。\n(三)强化督查。区应急局要督查。\n"
    tasks = _parse(text).tasks
    assert all(t.lead_units == [] for t in tasks if t.text.startswith("加强检查"))


def test_a_town_office_named_by_its_level_with_its_verb_leads() -> None:
    for text, expected in (
        (
            "道路交通领域\n镇派出所强化执法力度,严厉查处违法行为。联合交通部门检查执行情况。持续推进专项整治。",
            (["镇派出所"], ["交通部门"]),
        ),
        (
            "消防安全领域\n街道安监站开展消防检查,督促整改隐患。会同区消防救援大队开展联合执法。",
            (["街道安监站"], ["区消防救援大队"]),
        ),
        ("建筑施工领域\n镇建设办加强在建工地检查。镇派出所做好配合。", (["镇建设办"], ["镇派出所"])),
    ):
        found = town_office_charge(text, normalise(text))
        assert found is not None and (found.roles["listed"], found.roles["co"]) == expected, text


def test_no_town_office_opening_no_charge() -> None:
    for text in (
        "镇区范围内开展消防检查。",
        "镇域经济加强发展。",
        "镇派出所的民警要加强巡查。",  # `要`: read by the sentence readers, not here
        "县公安局强化执法力度。",
        "有关部门加强检查。",
        "各村加强巡查。",
    ):
        assert town_office_charge(text, normalise(text)) is None, text


# --- a group set up with its heads named -------------------------------------------------------------------------


def test_a_group_set_up_with_its_heads_named() -> None:
    text = (
        "(一)统一思想,加强领导。为加强组织领导,镇政府成立由张某某镇长为组长,常务副镇长李某为副组长,有关单位为成员"
        "(应急中心、派出所)的某镇消防安全百日攻坚行动领导小组,镇应急管理服务中心负责日常运行工作,镇政府成立督查专班"
        "开展督查工作,各村(社区)参照成立相应组织机构,确保各项工作落实到位。"
    )
    found = headed_group_charge(text)
    assert found is not None
    assert found.roles["listed"] == ["镇政府"]
    assert found.roles["co"] == ["某镇消防安全百日攻坚行动领导小组", "镇应急管理服务中心", "督查专班", "各村(社区)"]
    assert found.leaders == ["张某某镇长", "常务副镇长李某"]
    other = "街道办成立由街道党工委书记王某为组长的街道安全生产工作领导小组,负责统筹协调。"
    found = headed_group_charge(other)
    assert found is not None and found.roles["listed"] == ["街道办"] and found.leaders == ["街道党工委书记王某"]


def test_groups_with_no_body_or_no_post_head() -> None:
    assert headed_group_charge("成立由镇长为组长的领导小组,负责统筹。") is None  # no body sets it up
    assert headed_group_charge("镇政府成立领导小组,负责统筹。") is None  # no heads named: round 89's reader
    found = headed_group_charge("镇政府成立由张三为组长的消防工作领导小组。")
    assert found is not None and found.leaders == []  # a person with no post leads nothing


# --- a town's stage, announced by a counting lead-in --------------------------------------------------------------


def test_a_counted_lead_in_announces_its_first_stage() -> None:
    text = (
        "某镇消防安保实施方案一、指导思想坚持预防为主。三、方法步骤此次检查工作即日起至3月11日结束,共分三个阶段:"
        "(一)动员部署阶段(3月1日前) 各村、各有关单位要结合本单位实际,全面安排部署。镇消防安全检查领导小组会要组织"
        "镇派出所、应急办进入村(街道)开展宣传活动。"
    )
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["(一)"]
    assert _units(tasks[0]) == (["各村"], ["各有关单位", "镇消防安全检查领导小组", "镇派出所", "应急办"])
    assert [m.due_date.isoformat() for m in tasks[0].milestones if m.due_date] == ["2026-03-01"]


def test_an_uncounted_lead_in_opens_no_lone_item() -> None:
    # `主要分为:` counts nothing, and a lone `(一)` with no `(二)` after a plain sentence stays in its paragraph.
    text = "一、工作步骤此次检查工作即日起开展,主要分为:(一)动员部署阶段,全面安排部署。\n二、工作要求。镇应急办要加强督查。\n"
    assert "(一)" not in [t.label for t in _parse(text).tasks]


def test_a_group_named_with_its_meeting_before_yao() -> None:
    text = "(二)集中检查阶段(3月2日-3月10日) 镇安全生产工作领导小组会要组织镇应急办、镇派出所进入企业开展检查。"
    task = _parse(text).tasks[0]
    assert task.lead_units == ["镇安全生产工作领导小组"] and task.co_units == ["镇应急办", "镇派出所"]


def test_the_assigned_area_after_a_name_is_no_part_of_it() -> None:
    from policy_tasks.parsing.unit_names import unit_form

    assert unit_form("消防大队包涵东片").canonical == "消防大队"
    assert unit_form("县住建局包城北片").canonical == "县住建局"
    # Not an assignment: a name ending in 片 of its own, and 包 inside a name.
    assert unit_form("城东片区管委会").canonical == "城东片区管委会"
    assert unit_form("包河区政府").canonical == "包河区政府"

"""Round 157's conventions: a plan's division of duties naming its departments by sector or as a committee's own
(`宣传部负责…`, `教育行政部门负责…`), one `各级` over sectors sharing one `部门` (`各级政法、教育、水利、民政部门要…`), and a
requirement's subject-less sentence setting out the mechanism it builds before the sentence naming who acts. Written
from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.mechanism_frames import after_mechanism_frames
from policy_tasks.parsing.sector_departments import level_sector_group, sector_departments


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


DUTIES = (
    "某市2024年预防溺水工作实施方案\n"
    "一、职责分工\n"
    "(一)政法委负责将防溺水纳入平安建设考核。\n"
    "(二)宣传部负责统筹宣传资源,指导各级各部门开展宣传。\n"
    "(三)教育行政部门负责防溺办日常工作,掌握全市工作情况。\n"
    "(四)公安部门负责组织民警开展巡查。\n"
)


def test_sector_departments_lead_their_items() -> None:
    tasks = _parse(DUTIES).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [
        ("(一)", ["政法委"]),
        ("(二)", ["宣传部"]),
        ("(三)", ["教育行政部门"]),
        ("(四)", ["公安部门"]),
    ]


def test_sector_department_near_cases() -> None:
    assert sector_departments("教育行政部门") and sector_departments("宣传部") and sector_departments("水利主管部门")
    # Only a sector names a body; a group is the group readers'.
    for names in ("行政部门", "有关部门", "职能部门", "各教育行政部门", "主管部门", "宣传"):
        assert not sector_departments(names), names


NOTICE = (
    "关于做好防溺水工作的通知\n"
    "各县(市、区)安委会:\n"
    "现就有关工作通知如下:\n"
    "一、加强组织领导\n"
    "(一)强化属地管理责任。构建政府统筹、部门协同的领导工作机制,切实建立起联防联控机制。县(市、区)人民政府要加强对乡镇工作的督促指导。\n"
    "(二)压实部门管理责任。各级政法、教育、水利、民政部门要将预防溺水工作分别纳入平安建设。\n"
    "(三)落实学校管理责任。加强学生安全教育。县(市、区)人民政府要加强督促。\n"
    "(四)压实行业管理责任。各级公安、交通部 门要加强巡查。\n"
)


def test_mechanism_frame_and_level_sectors() -> None:
    tasks = _parse(NOTICE).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks[:2]] == [
        ("(一)", ["县(市、区)人民政府"], []),
        ("(二)", ["各级政法、教育、水利、民政部门"], []),
    ]
    # A copy's stray space inside the shared 部门 is no part of the name.
    assert (tasks[-1].label, tasks[-1].lead_units) == ("(四)", ["各级公安、交通部门"])


def test_mechanism_frame_and_level_sector_near_cases() -> None:
    norm = "构建政府统筹的领导工作机制。县政府要加强督导。"
    assert after_mechanism_frames(norm, 0) == norm.index("县")
    # Another verb, or a frame naming no mechanism, is no frame; nor is a frame ending the item.
    assert after_mechanism_frames("加强学生安全教育。县政府要加强督导。", 0) is None
    assert after_mechanism_frames("建立学生信息台账。县政府要加强督导。", 0) is None
    assert after_mechanism_frames("构建联防联控机制。", 0) is None
    assert level_sector_group("各级政法、教育、水利、民政部门") and level_sector_group("各级教育、民政部 门")
    # A second 各级, a sector with its own suffix, no 各级, or no sector: not one group of lines.
    for names in ("各级政法、各级教育部门", "各级政法委、教育部门", "政法、教育部门", "各级有关、相关部门"):
        assert not level_sector_group(names), names


SCHOOLS = (
    "关于做好防溺水工作的通知\n"
    "各县(市、区)安委会:\n"
    "现就有关工作通知如下:\n"
    "一、落实责任\n"
    "(一)落实教育管理责任。各级学校主要负责同志要切实履行第一责任人责任,组织开展摸底排查。各学校、幼儿园要开展安全教育。\n"
    "(二)强化属地责任。县(市、区)人民政府要加强督促指导。\n"
)

STAGES = (
    "某区中小学校预防溺水专项行动方案\n"
    "三、时间步骤\n"
    "(一)动员部署阶段(4月12日-4月26日)。各中小学校根据专项行动总体要求,进行专题部署,明确职责任务。\n"
    "(二)总结提高阶段(10月16日-10月31日)。区教育局要总结经验。\n"
)


def test_school_groups() -> None:
    tasks = _parse(SCHOOLS).tasks
    assert (tasks[0].label, tasks[0].lead_units, tasks[0].co_units, tasks[0].leaders) == (
        "(一)",
        ["各级学校"],
        ["各学校、幼儿园"],
        ["各级学校主要负责同志"],
    )
    stages = _parse(STAGES).tasks
    assert [(t.label, t.lead_units) for t in stages] == [("(一)", ["各中小学校"]), ("(二)", ["区教育局"])]


def test_school_group_near_cases() -> None:
    from policy_tasks.parsing.school_groups import later_school_groups, school_group

    assert school_group("各中小学校") and school_group("各级学校") and school_group("各学校、幼儿园")
    for names in ("学校", "各班级", "全体学生", "各学校、各幼儿园", "各单位"):
        assert not school_group(names), names
    assert later_school_groups("甲。各学校要开展教育。", 0) == [(2, 5)]
    # An object, not a subject; and no charge after the group.
    assert later_school_groups("甲。指导各学校开展教育。", 0) == []
    assert later_school_groups("甲。各学校情况良好。", 0) == []

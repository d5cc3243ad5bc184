"""Round 150's conventions: a province's salutation closing with `各人民团体`, the level's departments concerned as a
subject (`省直有关部门和各市县要…`), a project list's roles (`项目牵头部门`) beside the groups and roles later sentences
charge together (`各市县及项目实施单位要…`), a breakdown's helping role written bare (`相关单位要…积极配合`), the level's
`包抓领导` as a leaders' post, the month bare before a routine's count (`月开展一次督查督办`), and a progress notice's
`下一步` paragraph charging the list's roles, with the partner after a later subject's `会同`."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.bare_related_helpers import later_bare_related
from policy_tasks.parsing.group_role_subjects import later_group_roles
from policy_tasks.parsing.next_steps import number_next_step_paragraphs
from tests.parsing.milestone_text import milestones_in


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


PROJECTS = (
    "某省人民政府办公厅关于印发《2026年省级民生实事项目》的通知\n"
    "各市、县人民政府,省政府各部门,各人民团体:\n"
    "《2026年省级民生实事项目》已经确定,现予以印发,并提出如下要求:\n"
    "一、提高站位。民生实事是重要举措。省直有关部门和各市县要切实提高政治站位,高位推动。\n"
    "二、狠抓实施。项目牵头部门要加强组织管理,主要负责人亲自抓,3月底前制定实施方案。各市县及项目实施单位要密切配合,"
    "加快实施。省财政厅要做好资金保障。各有关部门要加大宣传力度。\n"
)


def test_a_project_lists_notice_charges_its_groups_and_roles() -> None:
    tasks = _parse(PROJECTS).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["省直有关部门"], ["各市县"]),
        (["项目牵头部门"], ["各市县", "项目实施单位", "省财政厅", "各有关部门"]),
    ]
    assert tasks[1].leaders == ["主要负责人"]


def test_groups_joined_to_roles_and_near_cases() -> None:
    groups = frozenset({"places", "departments"})
    text = "甲要做好。各市县及项目实施单位要密切配合。"
    assert [text[s:e] for s, e in later_group_roles(text, 0, groups)] == ["各市县", "项目实施单位"]
    # A vague group joined to a role names no one; a group the salutation does not name neither; no charge, no one.
    assert later_group_roles("甲要做好。各单位及项目实施单位要密切配合。", 0, groups) == []
    assert later_group_roles("甲要做好。各司局及项目实施单位要密切配合。", 0, groups) == []
    assert later_group_roles("甲要做好。各市县及项目实施单位已完成建设。", 0, groups) == []
    assert later_group_roles(text, 0, frozenset()) == []


BREAKDOWN = (
    "某县人民政府关于印发《2026年县政府工作报告任务分解一览表》的通知\n"
    "各镇人民政府,县政府各部门:\n"
    "现将《任务分解一览表》印发给你们,请认真贯彻执行。\n"
    "各责任单位要对照任务分解清单,主动认领,主要负责同志要亲力亲为。相关单位要履职担责、积极配合,共同推动。"
    "各县级包抓领导要抓好统筹协调及时督促督办,确保任务完成。县委督查办要认真建立督查台账,月开展一次督查督办。\n"
)


def test_a_breakdowns_notice_reads_its_bare_helpers_and_posts() -> None:
    (task,) = _parse(BREAKDOWN).tasks
    assert task.lead_units == ["各责任单位"]
    assert set(task.co_units) == {"相关单位", "县委督查办"}
    assert task.leaders == ["主要负责同志", "各县级包抓领导"]
    assert [m.recurrence for m in task.milestones] == ["monthly"]


def test_bare_related_units_help_only_when_asked_to_help() -> None:
    text = "甲要做好。相关单位要履职担责、积极配合,共同推动。"
    assert [text[s:e] for s, e in later_bare_related(text, 0)] == ["相关单位"]
    assert later_bare_related("甲要做好。相关单位要积极配合。", 0) == [(5, 9)]
    # A duty of their own, or the units as an object, names no helper; a bare 相关部门 is no unit.
    assert later_bare_related("甲要做好。相关单位要迅速落实整改措施。", 0) == []
    assert later_bare_related("甲要做好。列入相关单位年度考核。", 0) == []
    assert later_bare_related("甲要做好。相关部门要积极配合。", 0) == []


def test_a_bare_month_before_a_count_is_monthly_and_near_cases() -> None:
    found, _ = milestones_in("县委督查办要建立台账,月开展一次督查督办。", 2026)
    assert [m.recurrence for m in found] == ["monthly"]
    found, _ = milestones_in("县委督查办要建立台账,本月开展一次督查督办。", 2026)
    assert [m.recurrence for m in found if m.recurrence] == []
    found, _ = milestones_in("县委督查办要建立台账,3月开展一次督查督办。", 2026)
    assert [m.recurrence for m in found if m.recurrence] == []
    found, _ = milestones_in("县委督查办要建立台账,月开展督查。", 2026)
    assert [m.recurrence for m in found if m.recurrence] == []


PROGRESS = (
    "关于2026年3月份民生实事项目进展情况的通报\n"
    "\n"
    "办好民生实事是县政府的庄严承诺。现将3月份进展情况通报如下:\n"
    "\n"
    "截至3月31日,30件民生实事已完成6件,完成率20%。\n"
    "\n"
    "下一步,各牵头单位要切实负起牵头抓总的主体责任,抢抓工作进度。县发改委要会同县督查落实办对相关工作进行督导。\n"
)


def test_a_progress_notices_next_steps_are_its_clause() -> None:
    (task,) = _parse(PROGRESS).tasks
    assert task.lead_units == ["各牵头单位"]
    assert task.co_units == ["县发改委", "县督查落实办"]
    assert task.milestones == []


def test_next_steps_with_no_role_are_no_clause() -> None:
    lines = [
        (t, True) for t in ("下一步,将继续加大推进力度。", "下一步,我们将强化督导。", "今年,各牵头单位要抓好落实。")
    ]
    assert number_next_step_paragraphs(lines) is None
    assert number_next_step_paragraphs([("下一步,各牵头单位要抓好落实。", True)]) == [
        ("1、下一步,各牵头单位要抓好落实。", True)
    ]

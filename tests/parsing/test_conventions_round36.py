"""Conventions met in blind round 36 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a city people's congress
office's lists of deputies' proposals chosen as the year's best handled, 苏州 2024 and 2025, each item
closed by `(主办单位:A;协办单位:B等)`). At the round's first look every bracket was read right, but a
proposal put forward by several deputies (`某某等13名代表提出的“…建设的议案”`) was dated at the year's
end: the count of its authors was read as a quantity committed to, with its title's verb as the cue.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.proposal_authors import author_count_spans


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_PROPOSALS = (
    "某县政协2023年度重点提案督办名单\n"
    "经县政协主席会议研究,确定以下提案为2023年度重点督办提案:\n"
    "1.李明等12名委员联名提出的“关于加快建设智慧农业示范园的提案”(主办单位:县农业农村局;协办单位:县财政局等);\n"
    "2.王芳委员提出的“关于推进城区停车设施建设的提案”(主办单位:县住建局;协办单位:县公安局、县自然资源局);\n"
    "3.民盟县委会等5名政协委员共同提交的“关于打造县域康养旅游品牌的提案”(主办单位:县文旅局;县卫健局;协办单位:县发改局等);\n"
)


def test_the_count_of_a_proposals_authors_dates_nothing():
    doc = _parse(_PROPOSALS)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["县农业农村局"], ["县财政局"]),
        (2, ["县住建局"], ["县公安局", "县自然资源局"]),
        (3, ["县文旅局", "县卫健局"], ["县发改局"]),
    ]
    # `等12名委员联名提出`, `等5名政协委员共同提交`: who wrote the proposal, not what its units must achieve.
    assert [t.milestones for t in doc.tasks] == [[], [], []]


def test_a_count_of_the_people_the_work_concerns_is_still_a_target():
    doc = _parse(
        "某县卫生健康局2023年重点工作分工\n"
        "1.年内培训50名乡村医生,选派10名代表参加省级技能竞赛。(牵头单位:县卫健局;配合单位:县人社局)\n"
    )
    (task,) = doc.tasks
    assert task.lead_units == ["县卫健局"]
    assert [(m.due_date.isoformat(), m.kind) for m in task.milestones][:1] == [("2023-12-31", "target")]
    assert len(task.milestones) == 2


def test_author_counts_are_found_only_before_the_verb_of_putting_forward():
    text = "张三等13名代表提出的议案;8名市人大代表领衔提交;选派10名代表参加培训"
    assert [text[s:e] for s, e in author_count_spans(text)] == ["13名代表提出", "8名市人大代表领衔提交"]


_SHORT_ROLES = (
    "某区人民政府办公室关于区十七届人大二次会议代表建议交办的通知\n"
    "1.关于加快背街小巷整治的建议(主办:区城管局;会办:区住建局、区财政局)\n"
    "2.关于增设社区养老服务站的建议(主办:区民政局;协办:区卫健局、各街道办事处)\n"
    "3.关于改善中小学周边交通秩序的建议\n"
    "主办:区公安分局\n"
    "会办:区教育局\n"
)


def test_a_proposal_lists_short_role_labels_are_its_units_roles():
    # `主办:` / `会办:` / `协办:` are 主办单位 / 会办单位 / 协办单位 written short: the 主办 leads.
    doc = _parse(_SHORT_ROLES, year=2024)
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["区城管局"], ["区住建局", "区财政局"]),
        (2, ["区民政局"], ["区卫健局", "各街道办事处"]),
        (3, ["区公安分局"], ["区教育局"]),
    ]

"""Conventions met in blind round 23b (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a 嵊州 township's
安全隐患排查整治 工作方案). At the round's first look the parser found no responsibility in its one
item, `1、排查梳理阶段:城建办、农办、派出所(交通中队)、消防站等部门要…`, and read the plan's two
silent sections (工作目标, 工作任务) as its clauses instead.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes

_STAGES = """某镇农村消防安全隐患整治工作方案
一、工作目标
全面排查整治农村消防安全隐患，确保全年不发生较大火灾事故。
二、工作步骤
1、宣传发动阶段：党政办、宣传办等部门要通过广播、微信群开展宣传，营造整治氛围。
2、集中整治阶段（4月—6月）：综治办、派出所、消防站等部门要逐户排查隐患并建立台账，6月底前完成整改。
3、巩固提升阶段：各村要建立长效管理机制。
"""


def test_a_stage_title_closed_by_a_colon_comes_before_the_units_the_item_charges():
    # `1、宣传发动阶段:` names the stage; the item's subject, the offices before `等部门要`, is who
    # answers for it. The township's offices name no place: `等部门` says they are departments.
    doc = parse_bytes(_STAGES.encode(), filename="stages.txt", year=2024)
    rows = [(t.label, t.lead_units, t.co_units) for t in doc.tasks]
    assert rows == [
        ("1", ["党政办"], ["宣传办"]),
        ("2", ["综治办"], ["派出所", "消防站"]),
        # `各村要`: a town's villages, one addressee as a county's `各乡镇` is (corpus README round 139; the corpus's town
        # golds write `各村`, `各村(社区)`, `各村委会` as units). Round 23b had read it as charging no one.
        ("3", ["各村"], []),
    ]
    assert date(2024, 6, 30) in [m.due_date for m in doc.tasks[1].milestones]


def test_placeless_subjects_not_closed_by_a_department_word_charge_no_one():
    # Without `等部门` a subject that names no place is not read as units: persons, or any words.
    text = (
        "某镇工作方案\n一、工作步骤\n1、走访阶段：村干部、网格员要逐户走访。\n"
        "2、整改阶段：镇安监站负责督促整改。\n3、总结阶段：镇党政办负责总结。\n"
    )
    doc = parse_bytes(text.encode(), filename="persons.txt", year=2024)
    assert [t.lead_units for t in doc.tasks] == [[], ["镇安监站"], ["镇党政办"]]


def test_a_monthly_day_written_after_zai_or_yu_is_that_day_each_month():
    # `每月在10日前` / `每月于5日前` read as `每月10日前`: the day of every month, not its end.
    for phrase, day in (("每月在10日前", 10), ("每月于5日前", 5)):
        text = f"某镇工作方案\n一、工作步骤\n1、排查阶段：城建办、农办等部门要排查隐患，{phrase}上报情况表。\n"
        doc = parse_bytes(text.encode(), filename="monthly.txt", year=2024)
        recurring = [m for m in doc.tasks[0].milestones if m.recurrence == "monthly"]
        assert recurring and recurring[0].occurrences[:2] == [date(2024, 1, day), date(2024, 2, day)]

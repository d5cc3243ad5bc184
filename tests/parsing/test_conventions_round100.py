"""Conventions met in blind round 100 (docs/parsing.md), each stated in a made-up document of its own.

A 实事 plan lists under a numbered section its projects as unnumbered paragraphs, each with its own schedule
(`项目具体实施进度为:第一季度…;第二季度…`), and after each group of projects a line naming the lead of all of them
(`上述项目由区民政局牵头负责。`): each project is a clause (`三-1`, `三-2`, …) led by the unit its group's line names,
with its own quarter steps; the paragraphs after a group's line up to the next are still the section's. A schedule's
step commits by its time whatever its verb (`第二季度按区民政局统一标准遴选运营机构`). A category line wholly in
brackets (`【民生服务】`) is no title. Near cases: a section's prose closed by `以上工作由A牵头,B配合。` stays one clause;
prose after a group's line is not taken for projects, and the unread group's line is marked; a lone quarter sentence,
or quarters out of order, still need their cue word.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.group_leads import is_group_lead
from policy_tasks.parsing.milestones import find_milestones
from policy_tasks.parsing.schedule_steps import step_phrases
from policy_tasks.parsing.textutil import normalise


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.time_expression]


_PLAN = """某区2025年为民办实事项目实施计划
【民生服务】
三、提升社区养老服务水平。新建社区长者食堂6家;改造老年活动室10个;建设智慧养老平台1个。
新建社区长者食堂6家。项目具体实施进度为:第一季度完成选址;第二季度按区民政局统一标准遴选运营机构;第三季度建成3家;第四季度建成3家并投入运营。
改造老年活动室10个。项目具体实施进度为:第一季度制定改造方案;第二季度完成招标;第三季度改造5个;第四季度全部完工。
上述项目由区民政局牵头负责。
建设智慧养老平台1个。项目具体实施进度为:3月底前完成需求调研;6月底前按区大数据中心规范遴选开发单位;9月底前上线试运行;12月底前验收。
上述项目由区大数据中心牵头负责。
"""


def test_each_project_is_a_clause_led_by_its_groups_line():
    parsed = _parse(_PLAN)
    tasks = parsed.tasks
    assert [t.label for t in tasks] == ["三-1", "三-2", "三-3"]
    assert [t.lead_units for t in tasks] == [["区民政局"], ["区民政局"], ["区大数据中心"]]
    assert all(not t.co_units for t in tasks)
    assert tasks[0].text.startswith("新建社区长者食堂6家。") and tasks[0].text.endswith("上述项目由区民政局牵头负责。")
    assert "智慧养老平台" not in tasks[1].text  # the section's summary line is no project's text
    quarters = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]
    assert [_dates(t) for t in tasks] == [quarters, quarters, quarters]
    assert parsed.title == "某区2025年为民办实事项目实施计划"  # the category line is no title


def test_one_group_and_helpers_in_its_line():
    text = """【文化体育】
二、丰富群众文化生活。
新建社区书房5个。项目具体实施进度为:第一季度确定点位;第二季度按市图书馆统一标准配书;第三季度建成3个;第四季度建成2个。
举办群众文化活动100场。项目具体实施进度为:第一季度制定活动计划;第二季度举办30场;第三季度举办40场;第四季度举办30场。
上述项目由区文旅局牵头负责,各街道配合。
"""
    parsed = _parse(text)
    assert [(t.label, t.lead_units, t.co_units) for t in parsed.tasks] == [
        ("二-1", ["区文旅局"], ["各街道"]),
        ("二-2", ["区文旅局"], ["各街道"]),
    ]
    assert parsed.title == ""  # `【文化体育】` is a category, and the page has no title


def test_prose_closed_by_a_work_sentence_stays_one_clause_and_unread_groups_are_marked():
    text = """某街道2025年重点工作安排
一、加强社区治理。
深化网格化管理,推动网格员队伍专业化建设。
完善居民议事制度,推动议事协商常态化。
以上工作由街道党工委牵头,各社区配合。
二、改善人居环境。
推进老旧小区改造,完善小区配套设施。
整治背街小巷环境卫生。
上述工作由街道城管科牵头负责。
加强垃圾分类宣传引导。
上述工作由街道城管科牵头负责。
"""
    parsed = _parse(text)
    assert [(t.label, t.lead_units, t.co_units) for t in parsed.tasks] == [
        ("一", ["街道党工委"], ["各社区"]),
        ("二", ["街道城管科"], []),
    ]
    assert "垃圾分类" not in parsed.tasks[1].text  # prose with no schedule: no project of a later group
    marks = [w for w in parsed.warnings if w.message.endswith("(a field outside every clause)")]
    assert [w.line for w in marks] == [11]


def test_a_paragraph_with_no_schedule_between_groups_splits_nothing():
    text = _PLAN.replace(
        "建设智慧养老平台1个。项目具体实施进度为:3月底前完成需求调研;6月底前按区大数据中心规范遴选开发单位;"
        "9月底前上线试运行;12月底前验收。",
        "建设智慧养老平台1个,做好平台运营。",
    )
    parsed = _parse(text)
    assert [t.label for t in parsed.tasks] == ["三-1", "三-2"]
    assert [w.line for w in parsed.warnings if w.message.endswith("(a field outside every clause)")] == [8]


def test_group_lead_lines():
    assert is_group_lead(normalise("上述项目由区商务委牵头负责。"))
    assert is_group_lead(normalise("以上项目由区文旅局牵头负责,各街道配合。"))
    assert not is_group_lead(normalise("上述项目完成后由区里统一组织验收。"))
    assert not is_group_lead(normalise("以上工作要抓紧推进。"))
    assert not is_group_lead(normalise("新建健身点15个,上述项目由区体育局牵头负责。"))


def _milestones(text: str, year: int = 2025):
    return [
        (m.due_date, m.text)
        for m in find_milestones(text, year=year, default_due=date(year, 12, 31), warn=lambda *_: None)
    ]


def test_a_schedules_steps_commit_whatever_the_verb():
    found = _milestones("进度安排为:第一季度确定点位;第二季度按市商务委统一招投标备选厂家;第三季度建成3个。")
    assert (date(2025, 6, 30), "第二季度按市商务委统一招投标备选厂家") in found
    assert len(found) == 3


def test_a_lone_quarter_or_quarters_out_of_order_need_their_cue():
    assert _milestones("第二季度按要求招投标备选厂家。") == []
    assert _milestones("第四季度招投标备选厂家;第一季度备选厂家。") == []
    assert _milestones("项目情况:第二季度招投标备选厂家,据悉第三季度备选厂家。") == []  # one sentence, one opening
    norm = "第一季度确定点位;第二季度按标准配书"
    assert len(step_phrases(norm, find_time_phrases(norm, 2025))) == 2


def test_projects_a_copy_ran_together_or_onto_their_groups_line():
    """A copy broken at a page's width joins a paragraph that ended at the margin to the next line: two projects on one
    line, or a project and its group's line. Each project still ends with its schedule's sentence."""
    text = _PLAN.replace("第四季度建成3家并投入运营。\n改造", "第四季度建成3家并投入运营。改造").replace(
        "12月底前验收。\n上述", "12月底前验收。上述"
    )
    parsed = _parse(text)
    assert [(t.label, t.lead_units) for t in parsed.tasks] == [
        ("三-1", ["区民政局"]),
        ("三-2", ["区民政局"]),
        ("三-3", ["区大数据中心"]),
    ]
    assert parsed.tasks[1].text.startswith("改造老年活动室10个。")
    assert parsed.tasks[2].text.endswith("12月底前验收。\n上述项目由区大数据中心牵头负责。")
    assert not [w for w in parsed.warnings if w.message.endswith("(a field outside every clause)")]

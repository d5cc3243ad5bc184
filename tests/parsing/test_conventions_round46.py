"""Conventions met in blind round 46 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a county's yearly 政务公开
work points, items closing with `(责任部门:A,B)`). One item asks each department to publish its part of
the work `作为本部门2018年度政务公开工作要点内容`: the year names the department's own work points, as a
year after a verb of drafting names a plan (`drafted_plans`); at the round's first look it was read as a
deadline at the year's end.
"""

from __future__ import annotations

import datetime as dt

from policy_tasks.parsing import parse_bytes

_POINTS = (
    "某县2020年政务公开工作要点\n"
    "一、推进决策公开\n"
    "(一)公开重点工作。选取社会关注的重点事项,作为本部门2020年度政务公开工作要点内容向社会发布。"
    "(责任部门:县政府办,各乡镇人民政府)\n"
    "(二)公开预算决算。6月底前公开部门预算,作为2020年工作方案的一部分。(责任部门:县财政局)\n"
    "(三)公开民生实事。9月底前公开办理结果,作为本部门2020年度政务公开工作要点内容向社会发布。(责任部门:县发改局)\n"
)


def _tasks():
    return parse_bytes(_POINTS.encode(), filename="points.txt", year=2020).tasks


def test_a_year_naming_the_departments_own_work_points_dates_nothing():
    first = _tasks()[0]
    assert (first.lead_units, first.co_units) == (["县政府办"], ["各乡镇人民政府"])
    assert first.milestones == []


def test_the_items_own_deadlines_still_stand():
    _, second, third = _tasks()
    assert [m.due_date for m in second.milestones] == [dt.date(2020, 6, 30)]
    # The item's own month stands beside the named work points, which add nothing.
    assert [(m.due_date, m.text) for m in third.milestones] == [(dt.date(2020, 9, 30), "9月底前公开办理结果")]

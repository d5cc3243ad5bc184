"""A key-work register's page for one task (round 147, `task_register_pages`) as a copy that removed its line
breaks gives it, stated in made-up text: the number run straight into the task field's label, the fields, the
schedule, its quarters and the progress block on one line, joined with nothing or a space. The labels stay, and the
page reads as it does with its breaks; a `任务N` in a sentence, or a run-on page missing a part, is no such page."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.task_register_pages import cut_run_on_task_page

PAGES = (
    (
        "163",
        "任务163\n\n重点工作: 推进某项重点工作。\n牵头单位: 市某某局\n"
        "年度阶段性工作目标: 第一季度:制定工作方案,启动工作。\n第二季度:完成试点,总结经验。\n"
        "第三季度:全面推开。\n第四季度:完成全年任务。\n进展情况、存在问题\n及下一步工作建议:\n"
        "已完成。至12月31日,已建成三级体系。\n",
    ),
    (
        "7",
        "事项7\n工作任务:建设某某平台\n牵头单位:区某某中心\n配合单位:区某某局\n阶段目标:\n"
        "第一季度:完成需求调研;\n第二季度:完成平台开发;\n第三季度:上线试运行;\n第四季度:正式运行。\n"
        "落实情况:已上线,9月30日前完成试运行。\n",
    ),
)


def _one_line(text: str, joiner: str) -> str:
    return joiner.join(line.strip() for line in text.splitlines() if line.strip())


def _read(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2021, assume_year=2026).tasks


@pytest.mark.parametrize("joiner", ["", " ", None], ids=["nothing", "space", "breaks"])
@pytest.mark.parametrize(("ref", "page"), PAGES, ids=["renwu", "shixiang"])
def test_a_run_on_task_register_page_reads_as_with_its_breaks(ref: str, page: str, joiner: str | None) -> None:
    tasks = _read(page if joiner is None else _one_line(page, joiner))
    assert [t.label for t in tasks] == [ref]
    assert tasks[0].lead_units in (["市某某局"], ["区某某中心"])
    dates = [m.due_date.isoformat() for m in tasks[0].milestones if m.due_date]
    # Each quarter at its end; the progress block's 12月31日 / 9月30日 is work done, not read.
    assert dates == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]


def test_the_run_on_page_is_cut_where_its_labels_are() -> None:
    line = _one_line(PAGES[1][1], "")
    out = [text for text, _ in cut_run_on_task_page([(line, True)])]
    # `…建设某某平台牵头单位:` is cut before `牵头单位:`, the label word, not where a unit's name could start.
    assert out[:4] == ["事项7", "工作任务:建设某某平台", "牵头单位:区某某中心", "配合单位:区某某局"]
    assert out[4:] == [
        "阶段目标:第一季度:完成需求调研;",
        "第二季度:完成平台开发;",
        "第三季度:上线试运行;",
        "第四季度:正式运行。",
        "落实情况:已上线,9月30日前完成试运行。",
    ]


@pytest.mark.parametrize(
    "line",
    [
        # A `任务163` in prose: the number does not run into a task field's label.
        "根据任务163的安排,重点工作: 推进某项工作。牵头单位: 市某某局年度阶段性工作目标: 第一季度:启动。第二季度:推进。",
        # The number run into the task label, but no schedule label after it.
        "任务5重点工作: 推进某项工作。牵头单位: 市某某局第一季度:启动。第二季度:推进。",
        # No lead or answering label among the fields.
        "任务5重点工作: 推进某项工作。年度阶段性工作目标: 第一季度:启动。第二季度:推进。",
        # One quarter only.
        "任务5重点工作: 推进某项工作。牵头单位: 市某某局年度阶段性工作目标: 第一季度:启动并完成。",
        # The number run into a unit label, no task field.
        "任务5牵头单位: 市某某局年度阶段性工作目标: 第一季度:启动。第二季度:推进。",
    ],
    ids=["prose", "no-schedule", "no-lead", "one-quarter", "no-task"],
)
def test_a_run_on_line_that_is_no_register_page_is_left(line: str) -> None:
    for text in (line, line.replace("。", "。 ")):
        assert cut_run_on_task_page([(text, True)]) == [(text, True)]

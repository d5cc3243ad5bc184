"""A sheet (or a CSV) that holds two tables one under the other, each with its title and its own
header, is read as two tables: the second header is no task, and its columns are its own."""

from __future__ import annotations

from policy_tasks.parsing.document import parse_source
from policy_tasks.parsing.sources import Source, Table


def test_a_second_header_under_the_first_table_starts_a_table_with_its_own_columns():
    rows = (
        (
            "2024年预期目标任务分解表",
            "2024年预期目标任务分解表",
            "2024年预期目标任务分解表",
            "2024年预期目标任务分解表",
        ),
        ("序号", "预期目标", "责任单位", ""),
        ("1", "地区生产总值增长6%左右", "区发展改革委", ""),
        ("2", "一般公共预算收入增长5%", "区财政局", ""),
        ("2024年重点工作任务分解表", "", "", ""),
        ("序号", "工作任务", "牵头单位", "配合单位"),
        ("1", "推进城市更新,6月底前完成老旧小区改造方案", "区住房城乡建委", "区财政局"),
        ("2", "建设智慧社区", "区大数据局", "各街道"),
    )
    doc = parse_source(Source("xlsx", "分解表.xlsx", [Table(rows)]))
    assert [(t.title[:6], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("地区生产总值", ["区发展改革委"], []),
        ("一般公共预算", ["区财政局"], []),
        ("推进城市更新", ["区住房城乡建委"], ["区财政局"]),
        ("建设智慧社区", ["区大数据局"], ["各街道"]),
    ]
    assert [m.due_date.isoformat() for m in doc.tasks[2].milestones if m.due_date] == ["2024-06-30"]

"""Where the unit cell of a row a copy ran together ends (`run_together_units`), on invented text."""

from __future__ import annotations

import pytest

from policy_tasks.parsing.run_on_tables import run_on_table
from policy_tasks.parsing.run_together_units import unit_list_end


def _cell(text: str, *, bare_groups: bool = False) -> str | None:
    start = text.index("。") + 1
    end = unit_list_end(text, start, bare_groups=bare_groups)
    return None if end is None else text[start:end]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        # the shortest name that ends as a body's does, lengthened while a longer one still does
        ("完成改造。区委办公室年底前完成", "区委办公室"),
        # a second name in brackets stays with the name, `(…)` or `<…>`
        ("完成改造。市委宣传部(市文明办)、市城管委已完成", "市委宣传部(市文明办)、市城管委"),
        ("完成改造。区经信局<商务局>已完成", "区经信局<商务局>"),
        # a place's own brackets inside a group's name
        ("完成改造。各区(市)县政府(管委会)已完成", "各区(市)县政府(管委会)"),
        # `、` and `,` part names; `等部门` closes the list and names none
        ("完成改造。市住建局,市财政局等有关部门,各区政府2", "市住建局,市财政局等有关部门,各区政府"),
        # a figure is no part of a name: the next column (a date) or the next serial starts there
        ("完成改造。区教育局2023年8月底前", "区教育局"),
        # no name at all
        ("完成改造。年底前全面完成", None),
    ],
)
def test_a_unit_cell_ends_where_its_last_name_ends(text, cell):
    assert _cell(text) == cell


def test_a_group_named_by_its_opening_alone_ends_a_cell_only_before_the_next_serial():
    # `各县区` names the counties' governments; before the next row's serial it closes the cell.
    assert _cell("完成改造。市扶贫办、各县区2", bare_groups=True) == "市扶贫办、各县区"
    # Where the next column's text follows, `各区要…` would read as a unit: a group counts by its
    # name's end only (`各街道`, `各区政府`).
    assert _cell("完成改造。各区要加强统筹") is None
    assert _cell("完成改造。各街道年底前完成") == "各街道"


def test_a_run_on_table_reads_a_unit_cell_closed_by_a_bare_group():
    title, table = run_on_table(
        "脱贫攻坚任务分工表序号工作内容责任单位备注"
        "1完成易地搬迁安置300户。市发改委、各县区"
        "2建成扶贫车间12个。市扶贫办、各区县"
    ) or ([], None)
    assert title == ["脱贫攻坚任务分工表"]
    assert table is not None
    assert [row[-2:] for row in table.rows[1:]] == [("市发改委、各县区", ""), ("市扶贫办、各区县", "")]

"""Conventions met in blind round 23 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (郑州 2007 目标管理工作方案;
四川 十二五 节能减排综合性工作方案, a page starting at its second item). At the round's first look the
parser read every target of the first with no unit, the line after each run that names the run's unit
being no form it knew, and lost its last target under a `(二)` whose `(一)` the page had mis-decoded;
it split the second's `住房城乡 建设厅` and `各市(州) 人民政府` at the page's spaces and took the
silent `(二) 主要目标` above `二、` for a clause.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.closing_units import closing_unit_spans
from policy_tasks.parsing.lost_openers import levels_to_close
from policy_tasks.parsing.outline_node import Node
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_names import space_split

_TARGETS = """某县2024年目标管理工作方案
一、目标体系
(一)经济发展目标。
1.粮食总产量稳定在50万吨以上;
2.新增规模以上工业企业10家;
2项目标的责任单位均为县农业农村局。
3.外贸进出口总额增长8%;
该目标责任单位为县商务局、县税务局。
(二)民生保障目标。
1.城镇新增就业3000人;
2.新建改建农村公路80公里;
3.新增养老床位200张;
3项目标责任单位均为县人社局。
"""


def test_a_line_after_a_run_of_targets_names_the_runs_unit():
    # `N项目标的责任单位均为X` after N items that end in `;`, `该目标责任单位为X、Y` after one: the role
    # noun is the subject, the units the predicate; the first listed leads.
    doc = parse_document(_TARGETS, year=2024)
    got = [(t.text.splitlines()[0][:6], t.lead_units, t.co_units) for t in doc.tasks]
    assert got == [
        ("粮食总产量稳", ["县农业农村局"], []),
        ("新增规模以上", ["县农业农村局"], []),
        ("外贸进出口总", ["县商务局"], ["县税务局"]),
        ("城镇新增就业", ["县人社局"], []),
        ("新建改建农村", ["县人社局"], []),
        ("新增养老床位", ["县人社局"], []),
    ]


def test_only_a_closing_sentence_of_that_form_names_units():
    assert closing_unit_spans(normalise("以上8项目标分别确定了责任领导和责任单位(见附件1)。")) == []
    norm = normalise("2项目标的责任单位均为市商务局。")
    (s, e, _, _), *_ = closing_unit_spans(norm)
    assert norm[s:e] == "市商务局"


_LOST_FIRST = """某市2024年重点目标
一、目标设置
 ?。ㄒ唬┘苤馔?
1.地区生产总值增长6%(责任单位:市发展改革委)
2.一般公共预算收入增长5%(责任单位:市财政局)
(二)生态环境目标。
1.空气质量优良天数比例达到85%(责任单位:市生态环境局)
2.森林覆盖率达到40%(责任单位:市林业局)
"""


def test_a_second_section_whose_first_the_page_lost_goes_beside_the_items_above():
    # `(二)` ranks above `1.`: with no `(一)` open it is no sub-item of `2.`, whose text it would
    # otherwise swallow, but the next section; its items restart under it.
    doc = parse_document(_LOST_FIRST, year=2024)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("一.1", ["市发展改革委"]),
        ("一.2", ["市财政局"]),
        ("(二)1", ["市生态环境局"]),
        ("(二)2", ["市林业局"]),
    ]
    assert "生态环境目标" not in doc.tasks[1].text


def test_a_lower_number_or_a_first_one_still_nests():
    # Only a higher rank that is not its list's first leaves the item: `(2)` under `1.` is its
    # sub-item (its `(1)` lost or not), and `(一)` under `1.` opens a level as offices that reorder
    # levels write; `(二)` under `1.` with no `(一)` open goes beside it.
    root = Node("root", 0, "", 0)
    item = Node("num", 1, "1", 2, root)
    stack = [root, item]
    assert levels_to_close(stack, "pnum", 2) == 0
    assert levels_to_close(stack, "pcn", 1) == 0
    assert levels_to_close(stack, "pcn", 2) == 1
    assert levels_to_close([root, Node("pcn", 1, "(一)", 1, root), item], "pcn", 2) == 0


_PAGE_TWO = """(二) 主要目标。 到2025年,单位地区生产总值能耗比2020年下降14%。
二、落实目标责任
(三) 分解目标任务。 将全省目标分解到各市(州)。
牵头单位: 省发展改革委
责任单位: 住房城乡 建设厅、交通运输厅, 各市(州) 人民政府
(四) 加强统计监测。 完善能源消费统计制度。
牵头单位: 省统计局
"""


def test_a_next_top_level_heading_closes_a_lower_section_left_open():
    # `二、` after `(二)`: the higher rank closes it (the page began at `(二)`); `(二)` names no unit
    # and is no clause beside the items under `二、`.
    doc = parse_document(_PAGE_TWO, year=2024)
    assert [t.label for t in doc.tasks] == ["(三)", "(四)"]


def test_a_space_a_copy_left_inside_a_name_does_not_part_it():
    # A government is its place's (`各市(州) 人民政府`); 城乡 is a sector, not a township's 乡.
    doc = parse_document(_PAGE_TWO, year=2024)
    assert doc.tasks[0].co_units == ["住房城乡建设厅", "交通运输厅", "各市(州)人民政府"]
    assert space_split("区发改局 区财政局") == ["区发改局", "区财政局"]
    assert space_split("某乡 人民政府") == ["某乡人民政府"]


_FRAMED = """某市2024年节水行动方案
(一)主要目标。到2025年,万元地区生产总值用水量下降10%。
(二)强化定额管理。修订用水定额。(责任单位:市水利局)
"""


def test_a_silent_item_stating_the_plans_targets_is_no_clause():
    # 主要目标, 指导思想, 基本原则, 总体要求 frame the work and assign it to no one: such an item
    # naming no unit is no clause, even where half its siblings are clauses.
    doc = parse_document(_FRAMED, year=2024)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("(二)", ["市水利局"])]


_BROKEN_GOVERNMENT = """某省2024年节能工作方案
1.分解节能目标。将目标分解到各市。
责任单位: 省发展改革委、省统计局、各市(州)
人民政府
2.加强统计监测。完善能源统计制度。
责任单位: 省统计局
"""


def test_a_government_broken_off_its_place_at_a_line_end_joins_it():
    # `…各市(州)` / `人民政府`: a PDF's line width broke the list after the place's bracket; a
    # government alone is its place's, so the line goes on the name.
    doc = parse_document(_BROKEN_GOVERNMENT, year=2024)
    assert doc.tasks[0].co_units == ["省统计局", "各市(州)人民政府"]

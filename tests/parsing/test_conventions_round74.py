"""Conventions met in blind round 74 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a city's delegation plan whose
numbered requirements each open with the units charged as the sentence's subject, a list of addressees joined by
`和` / `、` (`各县(市、区)政府和市直有关部门要…`); and a city's target framework for its counties, a table a web page
flattened a cell a line, with a figure per county in columns of their own, an assessing-unit column, and cells
merged down written once. At the round's first look the first read those measures with no units, and the second
found no row at all.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.joined_names import and_split


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_REQUIREMENTS = "\n".join(
    [
        "某某市人民政府办公室关于组团参加农产品展销活动的工作方案",
        "",
        "一、工作要求",
        "",
        "(一)强化组织保障。各乡镇人民政府和县直有关部门要成立工作专班,明确专人负责。",
        "",
        "(二)做好展品征集。各乡镇(街道)政府、各经济开发区(工业园区)和有关部门要做好展品征集和布展工作。",
        "",
        "(三)及时报送信息。各乡镇、县直各有关单位要每周向县活动办报送一次进展情况。",
        "",
        "(四)搞好宣传推介。各乡镇(街道)要印制宣传资料,做好推介工作。",
        "",
        "(五)营造良好氛围。各地各部门要广泛宣传,形成合力。",
    ]
)


def test_a_measure_opening_with_a_list_of_addressees_names_them_the_first_leading():
    """A measure whose sentence subject is a list of addressees joined by 和 / 、 (a group of local
    governments, a level's offices concerned, a group of zones) before 要 names each; the first leads."""
    doc = _parse(_REQUIREMENTS)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["各乡镇人民政府"], ["县直有关部门"]),
        # A bare 有关部门 joined after the zones names no one; the zones' group is an addressee of its own.
        ("(二)", ["各乡镇(街道)政府"], ["各经济开发区"]),
        ("(三)", ["各乡镇"], ["县直各有关单位"]),
        ("(四)", ["各乡镇街道"], []),
        # `各地各部门`: no addressee in particular, no unit.
        ("(五)", [], []),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "各地、各部门要",  # vague subjects
        "有关部门和各乡镇要",  # a vague subject first: no list of addressees
        "市直有关部门要",  # a level's offices alone are not the list of addressees the convention reads
        "各乡镇主要负责同志要",  # persons
        "各乡镇和县领导小组要",  # a body of persons
    ],
)
def test_an_opening_that_is_no_list_of_addressees_names_no_one(opening):
    """Only a list whose first part is a group of governments, each other part an addressee, is read."""
    text = "\n".join(
        [
            "某某县农产品展销活动工作方案",
            "一、工作要求",
            "(一)强化组织保障。各乡镇人民政府和县直有关部门要成立工作专班。",
            f"(二)做好宣传。{opening}广泛宣传,形成合力。",
        ]
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks][1] == ("(二)", [], [])


def test_a_notice_preamble_opening_with_addressees_is_no_clause():
    """The same subject in a notice's preamble asks for the plan to be carried out: no clause."""
    text = "\n".join(
        [
            "某某县人民政府办公室关于印发农产品展销活动工作方案的通知",
            "各乡镇人民政府,县直有关部门:",
            "现将《农产品展销活动工作方案》印发给你们。各乡镇人民政府和县直有关部门要认真贯彻执行。",
            "",
            "农产品展销活动工作方案",
            "一、做好展品征集。(县农业农村局牵头,县商务局配合)",
            "二、做好布展工作。(县商务局负责)",
        ]
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一", ["县农业农村局"], ["县商务局"]),
        ("二", ["县商务局"], []),
    ]


def test_a_backing_section_opening_with_addressees_beside_assigned_measures_is_no_clause():
    """A 保障措施 section asks its addressees in prose, as every plan does: beside measures naming their own
    units, its items stay no clauses though they open with a list of addressees."""
    text = "\n".join(
        [
            "某某县农产品展销活动工作方案",
            "一、主要任务",
            "(一)做好展品征集。(县农业农村局牵头,县商务局配合)",
            "(二)做好布展工作。(县商务局负责)",
            "二、保障措施",
            "(一)加强组织领导。各乡镇人民政府和县直有关部门要成立工作专班。",
            "(二)加强督查考核。各乡镇(街道)、县直各有关单位要按时报送进展。",
        ]
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("(一)", ["县农业农村局"]),
        ("(二)", ["县商务局"]),
    ]


def test_a_bare_kind_after_a_group_of_zones_is_no_part_of_it():
    """`各经济开发区和有关部门`: the zones, then the README's bare 有关部门; `省有关部门和单位` stays one."""
    assert and_split("各经济开发区(工业园区)和有关部门") == ["各经济开发区(工业园区)", "有关部门"]
    assert and_split("省有关部门和单位") == ["省有关部门和单位"]
    assert and_split("县直有关部门和相关单位") == ["县直有关部门和相关单位"]


def _framework(unit_column: str) -> str:
    cells = [
        *"某某市2015年度县区目标任务框架体系 (一)县区综合目标".split(),
        *f"类别 考核指标 全市 东湖区 西岭区 南溪县 北川县 高新区 分值 {unit_column}".split(),
        *"经济发展 地区生产总值(亿元) 500 120 90 110 100 80 20 市发展改革委、市统计局".split(),
        # The unit cell merged down over this row too: written once, on the row above.
        *"规模以上工业增加值(亿元) 200 50 40 45 40 25".split(),
        *"社会事业 城镇新增就业(人) 30000 8000 6000 7000 5000 4000 10 市人力资源社会保障局".split(),
        # A unit cell the narrow column wrapped, and a group cell wrapped the same way.
        *"招商 引资 到位资金(亿元) 100 20 20 25 20 15 市投资促进局 及相关部门".split(),
    ]
    return "\n\n".join(cells)


@pytest.mark.parametrize("unit_column", ["考核实施单位", "监考单位", "责任单位"])
def test_a_target_table_with_a_figure_column_per_place_flattened_a_cell_a_line_is_read(unit_column):
    """A target table for a city's counties flattened a cell a line, a figure column per place and no 序号: a
    row starts at the indicator its figures follow, its unit cell is the first line after them naming units, and
    a row writing none lies under the cell merged down from the row above; other lines are group cells."""
    doc = _parse(_framework(unit_column))
    assert [(t.text.split("。")[0], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("地区生产总值(亿元)", ["市发展改革委"], ["市统计局"]),
        ("规模以上工业增加值(亿元)", ["市发展改革委"], ["市统计局"]),
        ("城镇新增就业(人)", ["市人力资源社会保障局"], []),
        # A bare 相关部门 names no one.
        ("到位资金(亿元)", ["市投资促进局"], []),
    ]
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4"]


def test_a_sentence_after_the_target_table_ends_it():
    """The table ends where a sentence or a numbered heading comes: the paragraph after it is no cell."""
    text = _framework("考核实施单位") + "\n\n(二)有关要求\n\n各县区要对照目标任务,细化分解到部门,确保全面完成。"
    doc = _parse(text)
    assert [t.lead_units for t in doc.tasks][:4] == [
        ["市发展改革委"],
        ["市发展改革委"],
        ["市人力资源社会保障局"],
        ["市投资促进局"],
    ]
    assert all("细化分解" not in t.text for t in doc.tasks[:4])


def test_place_columns_with_no_unit_column_are_no_task_table():
    """A table of places' figures naming no unit column assigns nothing: it is not rebuilt as tasks."""
    from policy_tasks.parsing.place_figure_tables import place_figure_table

    cells = ["类别", "考核指标", "全市", "东湖区", "西岭区", "南溪县", "分值", "经济发展", "地区生产总值", "500", "120"]
    assert place_figure_table([(c, True) for c in cells], 0) is None

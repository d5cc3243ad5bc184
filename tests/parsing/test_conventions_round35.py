"""Conventions met in blind round 35 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a city's yearly water
plan, 山西 2018, whose items close with `(A牵头,B、C配合,D负责落实)`). At the round's first look the
parser split the committees of three development zones written by their places before one zone's
full name, `X、Y、Z经济开发区管委会`, into two bare places and one committee.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.zone_committees import is_place_zone_committee


def _parse(text: str, year: int = 2017):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_ZONES = """某市大气污染防治2017年工作方案

一、重点工作

(一)工业污染治理

1.各工业园区完成集中供热改造,淘汰园区内燃煤小锅炉。(市发改委牵头,市环保局配合,东坪、西岭、南湖工业园区管委会负责落实)

2.开发区内化工企业全部完成挥发性有机物治理。(市环保局牵头,市工信局配合,东坪市、西岭市、南湖经济技术开发区管理委员会负责落实)

3.高新区完成污水管网建设。(市住建局牵头,张明、高新区管委会负责落实)
"""


def test_places_before_one_zone_committee_are_one_addressee():
    doc = _parse(_ZONES)
    assert [(t.label, t.lead_units, sorted(t.co_units)) for t in doc.tasks] == [
        ("1", ["市发改委"], sorted(["市环保局", "东坪、西岭、南湖工业园区管委会"])),
        ("2", ["市环保局"], sorted(["市工信局", "东坪市、西岭市、南湖经济技术开发区管理委员会"])),
        ("3", ["市住建局"], ["高新区管委会"]),
    ]


def test_a_zone_named_without_a_place_shares_nothing():
    assert is_place_zone_committee("洪湖经济开发区管委会")
    assert is_place_zone_committee("南湖工业园区管理委员会")
    assert not is_place_zone_committee("高新区管委会")
    assert not is_place_zone_committee("市发改委")


def test_places_before_one_zone_committee_in_a_table_cell():
    """The same list in a task table's 配合单位 cell is a list of units, read as the row's own (not
    taken for a cell that names none, under a heading row, where the row before's units would
    stand)."""
    from tests.sources.builders import docx_bytes

    rows = [
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("一、园区环境整治",),  # a heading row: one cell merged across the table
        ("1", "完成园区集中供热改造", "市发改委", "市环保局、各县区政府", ""),
        ("2", "东坪、西岭、南湖工业园区完成污水管网建设", "市发改委", "市环保局、东坪、西岭、南湖工业园区管委会", ""),
    ]

    def build(document):
        document.add_paragraph("某市2017年园区环境整治任务分工表")
        table = document.add_table(rows=len(rows), cols=5)
        for r, row in enumerate(rows):
            if len(row) == 1:
                table.cell(r, 0).merge(table.cell(r, 4)).text = row[0]
                continue
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell

    doc = parse_bytes(docx_bytes(build), filename="doc.docx", year=2017)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["市发改委"], ["市环保局", "各县区政府"]),
        ("2", ["市发改委"], ["市环保局", "东坪、西岭、南湖工业园区管委会"]),
    ]

"""Conventions met in blind round 25 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a State Council office's
2014 分工 notice, the 十三五 greenhouse-gas 部门分工, Guangdong's 2023 民间投资 实施方案). At the
round's first look the parser read no unit from `由A会同B、C等部门…`, gave a `负责单位:` list no
lead, and kept `等省有关部门` as part of the last name of a list.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.convened_units import convened_assignment
from policy_tasks.parsing.unit_labels import CO, LEAD, LISTED, label_role
from policy_tasks.parsing.unit_names import ETC_RE


def _rows(text: str, year: int = 2024) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=year)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


def test_a_unit_that_convenes_others_leads_them():
    # `由A会同B、C等部门研究提出落实意见`: A leads, those after 会同 help; `等部门` names none.
    text = (
        "某省人民政府办公厅关于落实有关政策措施分工的通知\n"
        "各市人民政府,省政府各部门:\n"
        "一、工作分工\n"
        "(一)关于“推进高标准农田建设”的问题,由省农业农村厅会同省财政厅、省水利厅等部门研究提出落实意见。\n"
        "(二)关于“加强农村公路养护”的问题,由省交通运输厅会同省财政厅负责落实。\n"
        "(三)关于“发展农村电商”的问题,由省商务厅会同省供销社等有关部门抓好落实。\n"
    )
    assert _rows(text) == [
        ("(一)", ["省农业农村厅"], ["省财政厅", "省水利厅"]),
        ("(二)", ["省交通运输厅"], ["省财政厅"]),
        ("(三)", ["省商务厅"], ["省供销社"]),
    ]


def test_convening_prose_with_no_unit_before_it_assigns_nothing():
    # `会同有关部门研究` names no unit that convenes; a `由` list of persons is no unit list.
    assert convened_assignment("要会同有关部门研究制定配套政策。") == []
    assert convened_assignment("由张三会同李四负责落实。") == []
    assert [r[0] for r in convened_assignment("该问题,由市发改委会同市财政局负责落实。")] == [LEAD, CO]


def test_a_label_naming_the_units_in_charge_answers_as_a_responsibility_label():
    # `(负责单位:A、B、C)`: the units in charge; with no 牵头单位 beside them the first leads, and a
    # reading rule after the list (`未明确牵头单位的,由所列负责单位按职责分工负责,下同`) names no unit.
    assert label_role("负责单位") == LISTED
    assert label_role("负责部门") == LISTED
    assert label_role("参加单位") == CO
    text = (
        "某工作方案部门分工\n"
        "一、推进节能降耗\n"
        "1. 实施能源消费总量和强度双控。(负责单位:省发展改革委、省能源局。未明确牵头单位的,"
        "由所列负责单位按职责分工负责,下同)\n"
        "2. 推进重点用能单位节能。(牵头单位:省工业和信息化厅 参加单位:省发展改革委、省统计局)\n"
        "3. 推动公共机构节能。(负责单位:省机关事务管理局、省教育厅)\n"
    )
    assert _rows(text) == [
        ("1", ["省发展改革委"], ["省能源局"]),
        ("2", ["省工业和信息化厅"], ["省发展改革委", "省统计局"]),
        ("3", ["省机关事务管理局"], ["省教育厅"]),
    ]


def test_an_etc_that_names_the_level_of_the_listed_departments_is_no_name():
    # `A、B、C等省有关部门和各市人民政府按职责分工负责`: `等省有关部门` sums up A, B, C.
    assert ETC_RE.sub("", "省能源局等省有关部门") == "省能源局"
    assert ETC_RE.sub("", "区商务局等区相关单位") == "区商务局"
    assert ETC_RE.sub("", "宁波等市") == "宁波等市"  # a bare level after 等 is a place's, kept
    text = (
        "某省支持民间投资发展的实施方案\n"
        "一、发挥重大项目牵引作用\n"
        "1.梳理筛选具备一定收益水平的项目,向民间资本推介。(省发展改革委牵头负责)\n"
        "2.对具有稳定收益的重点项目推行市场化运作。(省发展改革委、交通运输厅、水利厅等省有关部门"
        "和各地级以上市人民政府按职责分工负责)\n"
    )
    assert _rows(text) == [
        ("1", ["省发展改革委"], []),
        ("2", ["省发展改革委"], ["交通运输厅", "水利厅", "各地级以上市人民政府"]),
    ]


def test_a_bureau_running_into_the_next_field_label_is_no_label():
    # A PDF's text layer drops the space between two fields: `(牵头单位:A局 参加单位:B、C)` comes
    # out as `牵头单位:A局参加单位:B、C`, still two fields, A the lead.
    text = "某工作方案部门分工\n一、节能\n1. 大型发电集团降低供电煤耗。(牵头单位:省能源局参加单位:省发展改革委、省国资委)\n"
    assert _rows(text) == [("1", ["省能源局"], ["省发展改革委", "省国资委"])]

"""Conventions met in blind round 45 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (two county patrol notices
of a 双创办). A 整改 list writes each problem as a numbered item and the fix on a field line of its own
right after it (`整改措施:` / `整改要求:`, also `整改意见:`, `整改方案:`, `处理意见:`), whose value names the
units that must fix it as the subject of a `由X负责…` / `由X督促…` sentence, possibly after a leading
`按照…的要求,` part and with a role word before the names (`包片单位`, `沿线包片单位`: the office holding the
street section, no part of a name). At the round's first look no reader took the field line and every
item was left without a unit.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _units(doc):
    return [(t.lead_units, t.co_units) for t in doc.tasks]


_NOTICE = (
    "关于城区环境卫生巡查情况的通报\n"
    "县创卫办近日对城区环境卫生进行了巡查,发现以下问题:\n"
    "1、东门广场垃圾桶破损。\n"
    "整改措施:由县城管局督促物业公司更换。\n"
    "2、北关路人行道堆放建材。\n"
    "整改要求:由包片单位县水利局负责清理。\n"
    "3、南环路沿街商户占道经营。\n"
    "整改意见:按照先教育、后处罚的要求,由南环路沿线包片单位县税务局、县林业局、县统计局负责劝导商户,"
    "对拒不整改的移交县城管执法大队依法查处。\n"
    "4、滨河公园公厕无人保洁。\n"
    "处理意见:县环卫站负责每日保洁。\n"
    "请各责任单位按要求抓好整改。\n"
)


def test_the_fix_field_line_names_the_units_of_its_problem():
    assert _units(_parse(_NOTICE)) == [
        (["县城管局"], []),
        # `包片单位` is a role, not part of the name.
        (["县水利局"], []),
        # After a leading `按照…的要求,` part; the first named leads, the others and the unit the cases
        # are handed over to for enforcement are co units.
        (["县税务局"], ["县林业局", "县统计局", "县城管执法大队"]),
        # A value opening with the units and `负责`, no 由, charges them as well.
        (["县环卫站"], []),
    ]


def test_a_fix_field_that_names_nobody_charges_nobody():
    doc = _parse(
        "关于市容秩序巡查情况的通报\n"
        "1、西街夜市油烟扰民。\n"
        "整改措施:加强巡查。\n"
        "2、东街广告牌破损。\n"
        "整改措施:加强日常巡查,督促商户及时更换,发现问题由县城管局负责处理。\n"
    )
    # The first names no unit; the second's `由X负责` stands deep in the value's prose, not opening it.
    assert _units(doc) == [([], []), ([], [])]


def test_a_fix_field_does_not_change_units_the_item_already_names():
    doc = _parse(
        "关于安全生产隐患排查整改情况的通报\n"
        "1、县城客运站消防通道堵塞。(责任单位:县交通局)\n"
        "整改措施:由县消防救援大队负责督促清理。\n"
        "2、城南农贸市场电线私拉乱接。\n"
        "责任单位:县市场监管局\n"
        "整改要求:由县供电公司负责排查线路。\n"
    )
    assert _units(doc) == [(["县交通局"], []), (["县市场监管局"], [])]


def test_a_fix_field_line_after_a_blank_line_is_still_its_problem_s():
    # A page that sets each line in a paragraph of its own, copied with its menus so the blank lines stay:
    # the field line after a blank one is still the item's, the closing paragraph is not.
    doc = _parse(
        "首页 > 通知公告\n"
        "关于背街小巷卫生巡查情况的通报\n"
        "1、西关巷垃圾清运不及时。\n"
        "\n"
        "整改措施:由县环卫站负责每日清运。\n"
        "\n"
        "2、南巷口乱停乱放。\n"
        "\n"
        "整改要求:由包片单位县审计局督促车主规范停放。\n"
        "\n"
        "请各责任单位按要求整改。\n"
    )
    assert _units(doc) == [(["县环卫站"], []), (["县审计局"], [])]
    assert [t.text for t in doc.tasks] == [
        "西关巷垃圾清运不及时。\n整改措施:由县环卫站负责每日清运。",
        "南巷口乱停乱放。\n整改要求:由包片单位县审计局督促车主规范停放。",
    ]


def test_the_field_run_on_after_the_problem_where_a_copy_lost_the_line_break():
    # A copy broken at a page's width and joined again (tests/sources/test_wrapped_text.py) puts a short
    # item's field line on the problem's own line, after its sentence end.
    joined = _NOTICE.replace("1、东门广场垃圾桶破损。\n整改措施:", "1、东门广场垃圾桶破损。整改措施:")
    assert _units(_parse(joined)) == _units(_parse(_NOTICE))
    assert _units(_parse(joined))[0] == (["县城管局"], [])


def test_the_review_page_names_the_field_line_as_where_the_units_came_from():
    doc = _parse(_NOTICE)
    assert [t.unit_origin for t in doc.tasks] == ["整改字段"] * 4

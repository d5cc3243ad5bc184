"""Conventions met in blind round 24 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (Fuzhou's 2006 and
Putian's 治理“餐桌污染” plans, Shanghai's 2022 食品安全工作责任清单). At the round's first look the
parser read `由A负责,B配合,…` with its lead only, left a unit named by its city's short name
(`莆田出入境检验检疫局负责`) unread, read items whose later sentence assigns a unit of its own as one
clause, and read a 责任清单's items with no unit.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes


def _rows(text: str, year: int = 2024) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=year)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


_OPENING_ROLES = """某市2024年治理“餐桌污染”工作方案
一、治理畜禽产品污染
(一)由市农业农村局负责，市市场监管局、市商务局配合，开展畜禽养殖环节兽药残留监测，9月底前完成。
(二)市商务局负责，市公安局配合，严格生猪定点屠宰管理。
(三)市卫生健康委负责，开展食源性疾病监测。
"""


def test_an_opening_unit_and_the_units_that_help_it_are_the_items_responsibility():
    # `由A负责,B、C配合,<task>`: A leads, the 配合 units are co; without 由 the same.
    assert _rows(_OPENING_ROLES) == [
        ("(一)", ["市农业农村局"], ["市市场监管局", "市商务局"]),
        ("(二)", ["市商务局"], ["市公安局"]),
        ("(三)", ["市卫生健康委"], []),
    ]
    doc = parse_bytes(_OPENING_ROLES.encode(), filename="doc.txt", year=2024)
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 9, 30)]


def test_a_later_sentence_that_opens_with_a_unit_of_its_own_is_a_clause_of_its_own():
    # `…。市供销社负责…`: the second sentence assigns its own work, as a bracket of its own would.
    text = (
        "某市食品安全工作方案\n一、农业投入品\n"
        "(一)由市农业农村局负责，开展农药经营专项检查，严厉打击违法经营行为。市供销社负责做好系统内农资经营监管。\n"
        "(二)由市市场监管局负责，开展食品抽检工作。\n"
    )
    assert _rows(text) == [
        ("(一)-1", ["市农业农村局"], []),
        ("(一)-2", ["市供销社"], []),
        ("(二)", ["市市场监管局"], []),
    ]


def test_an_item_that_charges_its_unit_with_yao_is_not_split_at_a_later_unit():
    # `A要…。B负责…`: only an item written `A负责,…` is a run of assigning sentences.
    text = (
        "某县工作方案\n一、工作措施\n"
        "1、县住建局要加快老旧小区改造。县财政局负责落实配套资金。\n"
        "2、县城管局要加强日常巡查。\n"
    )
    assert [label for label, _, _ in _rows(text)] == ["1", "2"]


def test_a_unit_named_by_its_citys_short_name_names_its_place():
    # A national agency's local office takes its city's name without the level: `厦门海关`.
    text = (
        "某市进口食品监管工作方案\n一、工作措施\n"
        "1.厦门海关负责，市市场监管局配合，加强进口冷链食品检验。\n"
        "2.福州出入境检验检疫局负责，开展出口食品企业专项检查。\n"
    )
    assert _rows(text) == [("1", ["厦门海关"], ["市市场监管局"]), ("2", ["福州出入境检验检疫局"], [])]


_LIST = """某市2024年度安全生产工作责任清单
2024年，区政府要全面落实安全生产属地管理责任，主要承担以下工作：
1.落实党政同责。将安全生产纳入政府常务会议重要内容。
2.开展隐患排查。6月底前完成重点行业隐患排查。
3.加强应急演练。(区应急局牵头)
"""


def test_the_subject_of_the_sentence_that_opens_a_responsibility_list_answers_for_its_items():
    # `区政府要…主要承担以下工作:` names the addressee once; an item naming its own units keeps them.
    assert _rows(_LIST) == [
        ("1", ["区政府"], []),
        ("2", ["区政府"], []),
        ("3", ["区应急局"], []),
    ]


def test_a_group_opening_a_list_charges_no_unit_in_particular():
    text = "某市工作任务清单\n各单位要认真做好以下工作：\n1.落实安全生产责任。\n2.开展隐患排查。\n"
    assert _rows(text) == [("1", [], []), ("2", [], [])]


def test_a_first_level_number_never_opens_a_level_under_a_numbered_item():
    # A page that starts at item `7.` and goes on at its next section, which Word's numbering
    # counts as `一、`: the section goes beside the items, and item 9 stays a clause.
    text = (
        "7.市商务局负责，市公安局配合，加强生猪屠宰管理。\n"
        "8.市城管局负责，取缔无证食品摊点。\n"
        "9.市教育局负责，加强学校食堂管理。\n"
        "一、其他工作\n"
        "(一)市卫生健康委负责，开展食品污染物监测。\n"
        "(二)市农业农村局负责，做好农产品认证工作。\n"
    )
    assert [(label, lead) for label, lead, _ in _rows(text)] == [
        ("7", ["市商务局"]),
        ("8", ["市城管局"]),
        ("9", ["市教育局"]),
        ("(一)", ["市卫生健康委"]),
        ("(二)", ["市农业农村局"]),
    ]

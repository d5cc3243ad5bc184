"""Conventions the 防灾减灾 week plan of blind round 143 (永荣, a paginated page) showed in the corpus-wide
probes, each stated in made-up text of its own.

- A `(一)` after an item that has named its units on a label line of its own (`牵头部门:A`) is no sub-list
  of that item: an item's sub-items come before the line that closes it. A page whose count Word's numbering
  dropped (the `(四)` it started again at `(一)` after `2.`) still reads the section beside the items.
- An event's attendees (`参加人员:`, `参会对象:`, `出席人员:`) name the posts that attend, no unit and no
  leader: a `牵头单位:` run on into them on one line ends where their label starts.
- A section's lone `1、` (its `2、` cut with the page) run on after the section's sentence is its item where
  the label lines after it name its units, as `lone_items` reads a plan of one item.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.lost_openers import levels_to_close, styles_to_close
from policy_tasks.parsing.outline_node import Node
from policy_tasks.parsing.units import read_responsibility


def _read(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    doc = parse_document(text, assume_year=2026)
    return [(t.label, t.text.splitlines()[0][:6], t.lead_units, t.co_units) for t in doc.tasks]


_WORD_NUMBERED = """1. 6月1日前完成全县主要河道清淤。
牵头单位:县水利局
配合单位:各乡镇人民政府
2. 6月10日前组织开展一次防汛应急演练。
牵头部门:县应急局、县消防救援大队
（一）举办一场安全生产知识讲座
7月5日,邀请专家作安全生产专题讲座。
牵头单位:县应急管理局
（二）开展一次安全宣传活动
7月1-10日,在全县开展安全知识宣传。
1. 进社区活动。
在各社区开展安全知识宣讲。
牵头单位:县民政局
"""


def test_a_first_section_number_after_a_finished_item_goes_beside_it():
    got = _read(_WORD_NUMBERED)
    assert [(n, lead) for n, _, lead, _ in got] == [
        ("1", ["县水利局"]),
        ("2", ["县应急局", "县消防救援大队"]),
        ("(一)", ["县应急管理局"]),
        ("(二)1", ["县民政局"]),
    ]
    assert got[3][1] == "进社区活动。"


def test_an_item_closed_by_its_bracket_is_finished_too():
    text = "1.完善全县档案台账,年底前完成。(责任单位:县档案馆)\n(一)开展一次档案宣传\n9月10日前,在各乡镇开展宣传。(牵头单位:县委宣传部)\n"
    assert [(n, lead) for n, _, lead, _ in _read(text)] == [("1", ["县档案馆"]), ("(一)", ["县委宣传部"])]


def test_a_first_section_number_under_an_item_still_unfinished_nests():
    # Offices that reorder levels write `(一)` under `1.` before the item names its units.
    text = (
        "1.加强组织领导\n(一)成立工作专班。(责任单位:县发改局)\n(二)建立调度机制。(责任单位:县统计局)\n"
        "2.强化督查考核。(责任单位:县督查室)\n"
    )
    got = [(n, lead) for n, _, lead, _ in _read(text)]
    assert got == [("(一)", ["县发改局"]), ("(二)", ["县统计局"]), ("2", ["县督查室"])]
    root = Node("root", 0, "", 0)
    item = Node("num", 1, "1.", 1, root)
    assert levels_to_close([root, item], "pcn", 1) == 0
    assert levels_to_close([root, item], "pcn", 1, finished=True) == 1
    # A lower rank nests under a finished item as ever: `(1)` after `1.…牵头单位:A`.
    assert levels_to_close([root, item], "pnum", 1, finished=True) == 0
    assert styles_to_close(["num"], "pcn", 4) == 1
    assert styles_to_close(["cn", "pcn", "num"], "pcn", 2) == 0


def test_an_attendees_field_ends_the_unit_list_before_it():
    for text in (
        "牵头单位:县政府办、县气象局参加人员:县级有关领导;各乡镇分管领导。",
        "牵头单位:县政府办、县气象局 参会对象:各乡镇分管领导、应急办主任。",
        "牵头部门:县政府办、县气象局;出席人员:县直各部门主要负责人。",
    ):
        resp = read_responsibility(text)
        assert resp.lead_and_co() == (["县政府办", "县气象局"], []), text
        assert resp.leaders == [], text


def test_a_unit_label_and_prose_about_attendees_stay_as_they_were():
    resp = read_responsibility("牵头单位:县教育局 参加单位:县气象局、县消防救援大队。")
    assert resp.lead_and_co() == (["县教育局"], ["县气象局", "县消防救援大队"])
    # No colon: prose about who attends, not a field.
    resp = read_responsibility("组织参加人员开展演练。牵头单位:县应急局、县武装部")
    assert resp.lead_and_co()[0] == ["县应急局", "县武装部"]


_ONE_LINE = [
    "3、5月7-13日,组织开展防汛专项演练。牵头部门:县水利局、县应急局。",
    "(四)举办一场防灾减灾专题讲座",
    "5月8日左右,邀请专家来县作专题讲座。",
    "牵头单位:县应急局、县气象局",
    "参加人员:县级相关领导;各乡镇分管领导。",
    "(五)开展一次防灾减灾知识宣传活动",
    "5月7-13日,在全县开展防灾减灾知识进校园、进社区活动。",
    "1、进校园活动。",
    "在中小学校开展防灾减灾主题班会。",
    "牵头单位:县教育局",
    "参加单位:县气象局、县消防救援大队。",
]


def test_a_lone_sub_number_run_on_after_its_section_is_its_item():
    # As written (a line each), run on with nothing between, and with a space: the same three items.
    for joiner in ("\n", "", " "):
        got = _read(joiner.join(_ONE_LINE))
        assert [(n, lead, co) for n, _, lead, co in got] == [
            ("3", ["县水利局", "县应急局"], []),
            ("(四)", ["县应急局", "县气象局"], []),
            ("1", ["县教育局"], ["县气象局", "县消防救援大队"]),
        ], joiner
        assert got[2][1] == "进校园活动。"


def test_a_lone_number_with_no_units_after_it_stays_the_sections_words():
    lines = [*_ONE_LINE[:8], "在中小学校开展防灾减灾主题班会。"]
    for joiner in ("", " "):
        got = _read(joiner.join(lines))
        assert [n for n, *_ in got][:2] == ["3", "(四)"], joiner
        assert all(not text.startswith("进校园") for _, text, _, _ in got), joiner

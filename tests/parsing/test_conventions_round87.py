"""Conventions met in blind round 87 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them (a city 创文办's problem list by place,
one place written as a label with a colon before its units' bracket; a town's target-responsibility book signed with
its villages, each target closed by the office assessing it; a month-day deadline on a page naming no year). At the
round's first look 3 of 10 clauses read right, every place's unit went to the place before it, and the book's four
targets named no unit.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


def _doubts(doc) -> list[tuple[int | None, str]]:
    return [(w.task, w.message) for w in doc.warnings if is_doubt(w.message)]


# --- a place heading written as a label: `X:(责任单位:A)` over numbered problems -------------------------------

_PLACES = "\n".join(
    [
        "【文明创建曝光台】这些社区问题多",
        "",
        "5月8日,市创文办对城区各街道、社区进行暗访督查。现将问题清单曝光如下:",
        "",
        "河滨社区(责任单位:城东区新华街道办事处河滨社区)",
        "",
        "1、便民服务大厅无人值守",
        "",
        "2、楼道内杂物堆放",
        "",
        "新华街道办:(责任单位:城东区新华街道办事处)",
        "",
        "1、公益广告破损未更新",
        "",
        "2、院内垃圾未及时清运。",
        "",
        "3、未设置无障碍通道",
        "",
        "光明社区(责任单位:城西区光明街道办事处光明社区)",
        "",
        "1、电动车乱停乱放。",
    ]
)


def test_a_place_written_as_a_label_before_its_bracket_is_a_place_heading():
    """`新华街道办:(责任单位:X)`: the colon closes the place's name as a label; the heading is read as the others are,
    so each place is one clause with its own unit, in order, and none is given the next place's unit."""
    doc = _parse(_PLACES)
    assert _units(doc) == [
        ("1", ["城东区新华街道办事处河滨社区"], []),
        ("2", ["城东区新华街道办事处"], []),
        ("3", ["城西区光明街道办事处光明社区"], []),
    ]
    assert doc.tasks[1].text.startswith("新华街道办")
    assert "未设置无障碍通道" in doc.tasks[1].text and "光明社区" not in doc.tasks[1].text
    assert _doubts(doc) == []


def test_every_place_written_as_a_label_with_full_width_marks_reads_the_same():
    """Every heading a label, full-width colon and another bracket (`光明社区:【责任单位:X】`), problems numbered `1.`."""
    text = (
        _PLACES.replace(
            "河滨社区(责任单位:城东区新华街道办事处河滨社区)", "河滨社区：【责任单位：城东区新华街道办事处河滨社区】"
        )
        .replace(
            "光明社区(责任单位:城西区光明街道办事处光明社区)", "光明社区：(责任单位：城西区光明街道办事处光明社区)"
        )
        .replace("、", ".")
    )
    assert _units(_parse(text)) == [
        ("1", ["城东区新华街道办事处河滨社区"], []),
        ("2", ["城东区新华街道办事处"], []),
        ("3", ["城西区光明街道办事处光明社区"], []),
    ]


def test_a_place_label_with_two_units_gives_the_first_the_lead():
    text = _PLACES.replace(
        "新华街道办:(责任单位:城东区新华街道办事处)", "新华街道办:(责任单位:城东区新华街道办事处、区城管局)"
    )
    assert _units(_parse(text))[1] == ("2", ["城东区新华街道办事处"], ["区城管局"])


def test_a_sentence_before_a_bracket_is_no_place_heading():
    """Near miss: a line that is a sentence (`经查,…存在问题:`) before a bracket is no place's name; a list with such a
    line is left to the outline, as before."""
    text = _PLACES.replace("新华街道办:(责任单位:", "经查,新华街道办院内存在问题:(责任单位:")
    doc = _parse(text)
    assert not any(t.text.startswith("经查") for t in doc.tasks)


# --- the sign for the review page: a clause closed by the heading of the problems below it -----------------------

_UNREAD = _PLACES.replace("1、电动车乱停乱放。", "1、电动车乱停乱放(责任单位:区城管局)。")


def test_a_clause_closed_by_a_place_heading_over_problems_numbered_again_is_marked():
    """Where a place's problem names units of its own the list is not read by places, and the outline joins each
    place's last problem to the next place's heading: that clause's units are the heading's, for the problems below
    it. The review page marks it 待核对."""
    doc = _parse(_UNREAD)
    shifted = [t for t in doc.tasks if "\n" in t.text]
    assert [t.lead_units for t in shifted] == [["城东区新华街道办事处"], ["城西区光明街道办事处光明社区"]]
    assert {task for task, _ in _doubts(doc)} == {t.number for t in shifted}
    assert all("units of the heading below" in message for _, message in _doubts(doc))
    # The problem naming its own units is read as before, unmarked.
    assert ("1", ["区城管局"], []) in _units(doc)


def test_an_item_whose_bracket_stands_on_its_own_next_line_is_not_marked():
    """Near miss: an item wrapped onto a second line that closes with its bracket, the numbering going on (`3、`), or
    a bracket on a line of its own, names its own units: no mark."""
    text = "\n".join(
        [
            "关于做好环境整治工作的通知",
            "各有关单位:",
            "现将整治任务明确如下:",
            "1、清理背街小巷垃圾",
            "城南片区(责任单位:城南街道办事处)",
            "2、整治占道经营",
            "(责任单位:区城管局)",
            "3、规范车辆停放",
            "城北片区(责任单位:城北街道办事处)",
        ]
    )
    doc = _parse(text)
    assert _units(doc) == [
        ("1", ["城南街道办事处"], []),
        ("2", ["区城管局"], []),
        ("3", ["城北街道办事处"], []),
    ]
    assert _doubts(doc) == []


# --- a 目标责任书: the party signed with leads each target, the office assessing it is co -------------------------

_BOOK = "\n".join(
    [
        "农村工作年度目标责任书",
        "为推进全镇农村各项工作,镇党委与各村(社区)签订年度目标管理责任书。具体内容、分数构成及考核部门如下:",
        "1、项目建设20分,其中新开工项目15分,全民创业5分。由镇经发办负责考核。",
        "2、党建工作20分。其中:组织10分、宣传10分,具体考核细则由镇组织办、宣传办负责。",
        "3、社会事业15分。完成新农合参合任务的得满分。由镇卫生院、社会事务办负责考核。",
    ]
)


def test_the_party_a_target_book_is_signed_with_leads_each_target_and_the_assessor_is_co():
    doc = _parse(_BOOK)
    assert _units(doc) == [
        ("1", ["各村(社区)"], ["镇经发办"]),
        ("2", ["各村(社区)"], ["镇组织办", "宣传办"]),
        ("3", ["各村(社区)"], ["镇卫生院", "社会事务办"]),
    ]
    assert not [w for w in doc.warnings if "未写明责任单位" in w.message]


def test_a_county_target_responsibility_pledge_with_its_townships_reads_the_same():
    """Variant: a county's 责任状 signed with its townships, targets numbered `(一)`, the assessor written
    `考核由X负责` or `由X考核`; a target naming its own unit keeps it."""
    text = "\n".join(
        [
            "2024年度安全生产目标管理责任状",
            "为落实安全生产责任,县政府与各乡镇人民政府签订2024年度安全生产目标责任状,目标如下:",
            "(一)全年不发生较大以上生产安全事故。考核由县应急局负责。",
            "(二)完成隐患排查整治任务。由县应急局、县消防救援大队考核。",
            "(三)完成森林防火宣传任务(责任单位:县林业局)。",
        ]
    )
    assert _units(_parse(text)) == [
        ("(一)", ["各乡镇人民政府"], ["县应急局"]),
        ("(二)", ["各乡镇人民政府"], ["县应急局", "县消防救援大队"]),
        ("(三)", ["县林业局"], []),
    ]


def test_a_target_with_no_assessor_is_the_holders_alone():
    text = _BOOK.replace("由镇经发办负责考核。", "")
    assert _units(_parse(text))[0] == ("1", ["各村(社区)"], [])


def test_signing_books_as_a_measure_names_no_holder():
    """Near miss: a plan whose item is to sign books with the villages (`镇政府与各村签订安全生产目标责任书`) holds no
    book of its own: none of its items is the villages'."""
    text = "\n".join(
        [
            "镇安全生产工作要点",
            "现将今年安全生产工作要点印发如下:",
            "1、镇政府与各村签订安全生产目标责任书。",
            "2、开展隐患排查。由镇安监办负责考核。",
        ]
    )
    doc = _parse(text)
    assert all("各村" not in t.lead_units + t.co_units for t in doc.tasks)


def test_an_assessing_office_with_no_holder_written_is_left_to_the_reviewer():
    """Near miss: targets closed by `由X负责考核` under a preamble naming no party held: who answers is not written,
    so the item names no unit and the review page asks (the assessor is co only beside a holder)."""
    text = _BOOK.replace("镇党委与各村(社区)签订年度目标管理责任书。", "")
    doc = _parse(text)
    assert all(not t.lead_units for t in doc.tasks)
    assert [w for w in doc.warnings if "未写明责任单位" in w.message]


# --- a month-day deadline on a page naming no year --------------------------------------------------------------


def test_a_month_day_deadline_on_a_page_naming_no_year_is_dated_in_the_year_the_review_page_asks_for():
    """The page names no year: the deadline is kept, in the year assumed, with the document's warning asking for
    the year; the year a reviewer enters dates it so (corpus README, round 87)."""
    text = _BOOK.replace("完成新农合参合任务的得满分。", "新农合资金在10月30日之前解缴到位的得满分。")
    assumed = _parse(text, year=None)
    assert assumed.year_assumed
    assert [m.due_date for m in assumed.tasks[2].milestones] == [date(2026, 10, 30)]
    assert any("文件未写明年度" in w.message for w in assumed.warnings)
    entered = _parse(text, year=2025)
    assert [m.due_date for m in entered.tasks[2].milestones] == [date(2025, 10, 30)]

"""Conventions met in blind round 96 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a copy that removed every line break runs a section heading's short title straight into its first item's
  number (`一、优服务、提效能1.加快…`): the number is that item's where the heading opens its style below it and
  the numbering says so (the list's 1 going on to 2, or the number after the one the section before closed
  at); near misses: a figure in the title (`规划1年来`, `3.5万`), a year (`2020、2021年度`), a number that neither
  starts nor continues a list;
- a responsibility field no clause holds is named by the unread-field sign also on the line of the first
  heading or clause (a plan with no line breaks is one line), while a heading's own bracket is the heading's.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt
from policy_tasks.parsing.outline import split_inline

_NOTICE = (
    "某市人民政府关于支持企业渡过难关若干措施的通知各县(区)人民政府,市政府各部门:为支持企业渡过难关,"
    "根据省政府有关部署,现提出以下措施:"
)


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2020, assume_year=2026)


def _read(parsed) -> list[tuple[str, str, list[str], list[str]]]:
    return [(t.label, t.text[:6], list(t.lead_units), list(t.co_units)) for t in parsed.tasks]


def _unread(parsed) -> list[str]:
    return [w.message for w in parsed.warnings if is_doubt(w.message) and "未读入任何条款" in w.message]


# -- A heading run into its first item ---------------------------------------------------------------------

_COUNTED_ON = _NOTICE + (
    "一、优服务、提效能1.加快项目审批进度,全面推行不见面审批。(责任单位:市行政审批局、市税务局)"
    "2.对扩大产能的企业,可先扩产再补办手续。(责任单位:市工信局,各县〔区〕人民政府)"
    "3.帮助企业复工复产,协调解决用工难题。(责任单位:市人社局)"
    "二、扶实体、保经营4.鼓励金融机构扩大信贷投放。(责任单位:市金融办)"
    "5.发挥纾困基金作用,降低企业转贷成本。(责任单位:市财政局、市城投集团)"
)


def test_heading_run_into_its_first_item_counted_on_across_sections():
    parsed = _parse(_COUNTED_ON)
    assert [a.title for a in parsed.areas] == ["优服务、提效能", "扶实体、保经营"]
    assert _read(parsed) == [
        ("1", "加快项目审批", ["市行政审批局"], ["市税务局"]),
        ("2", "对扩大产能的", ["市工信局"], ["各县〔区〕人民政府"]),
        ("3", "帮助企业复工", ["市人社局"], []),
        ("4", "鼓励金融机构", ["市金融办"], []),
        ("5", "发挥纾困基金", ["市财政局"], ["市城投集团"]),
    ]
    assert [t.area for t in parsed.tasks] == [1, 1, 1, 2, 2]
    assert _unread(parsed) == []


def test_the_last_section_counted_on_with_one_item():
    """`三、强保障6.…` at the plan's end: no 7 to go on to, but 6 follows the 5 the section before closed at."""
    parsed = _parse(_COUNTED_ON + "三、强保障6.建立企业诉求快速响应机制。(责任单位:市营商办)")
    assert [a.title for a in parsed.areas][-1] == "强保障"
    assert _read(parsed)[-1] == ("6", "建立企业诉求", ["市营商办"], [])


def test_numbering_restarting_under_each_glued_heading():
    parsed = _parse(
        _NOTICE + "一、优服务1.加快审批。(责任单位:市行政审批局)2.帮助复工。(责任单位:市发改委)"
        "二、扶实体1.鼓励信贷。(责任单位:市金融办)2.降低成本。(责任单位:市财政局)"
    )
    assert [a.title for a in parsed.areas] == ["优服务", "扶实体"]
    assert [(t.label, list(t.lead_units)) for t in parsed.tasks] == [
        ("一.1", ["市行政审批局"]),
        ("一.2", ["市发改委"]),
        ("二.1", ["市金融办"]),
        ("二.2", ["市财政局"]),
    ]


def test_bracketed_numbers_glued_to_their_heading():
    parsed = _parse(
        _NOTICE + "一、重点任务(一)加快项目审批。(责任单位:市行政审批局)(二)帮助企业复工。(责任单位:市发改委)"
        "二、保障措施(三)强化资金保障。(责任单位:市财政局)"
    )
    assert [a.title for a in parsed.areas] == ["重点任务", "保障措施"]
    assert [(t.label, list(t.lead_units)) for t in parsed.tasks] == [
        ("(一)", ["市行政审批局"]),
        ("(二)", ["市发改委"]),
        ("(三)", ["市财政局"]),
    ]


def test_heading_line_run_into_its_first_item_the_next_line_going_on():
    """Line breaks kept but the heading's: the next line's `2.` says the glued `1.` is the list's."""
    parsed = _parse(
        "某市支持企业发展若干措施\n现提出以下措施:\n一、优服务、提效能1.加快项目审批进度。(责任单位:市行政审批局)\n"
        "2.帮助企业复工复产。(责任单位:市发改委)\n二、扶实体、保经营3.鼓励信贷投放。(责任单位:市金融办)\n"
    )
    assert [a.title for a in parsed.areas] == ["优服务、提效能", "扶实体、保经营"]
    assert [(t.label, list(t.lead_units)) for t in parsed.tasks] == [
        ("1", ["市行政审批局"]),
        ("2", ["市发改委"]),
        ("3", ["市金融办"]),
    ]


def test_split_inline_glued_item_and_its_near_misses():
    line = "一、优服务、提效能1.加快审批。(责任单位:A局)2.帮助复工。(责任单位:B局)"
    assert split_inline(line, {"cn": 1}) == [
        "一、优服务、提效能",
        "1.加快审批。(责任单位:A局)",
        "2.帮助复工。(责任单位:B局)",
    ]
    # A glued number under an item of its own style is that item's words, not its sibling.
    assert split_inline("1.落实减免政策2.帮助复工。(责任单位:A局)", {"num": 1}) == [
        "1.落实减免政策2.帮助复工。(责任单位:A局)"
    ]
    # A title that is a sentence is no heading's short title.
    assert split_inline("一、全面落实各项措施。对企业减免房租1.加快审批。2.帮助复工。", {"cn": 1})[0].startswith(
        "一、全面落实各项措施。对企业减免房租1.加快审批"
    )


# -- Near misses: numbers that belong to the heading's words --------------------------------------------------


def test_figures_years_and_counted_numbers_in_a_title_stay_its_words():
    parsed = _parse(
        _NOTICE + "一、实施“十四五”规划1年来,各项工作成效明显。(责任单位:市发改委)"
        "二、新增就业3.5万人以上。(责任单位:市人社局)三、统筹2020、2021年度资金。(责任单位:市财政局)"
    )
    assert [(t.label, t.text.split("。")[0]) for t in parsed.tasks] == [
        ("一", "实施“十四五”规划1年来,各项工作成效明显"),
        ("二", "新增就业3.5万人以上"),
        ("三", "统筹2020、2021年度资金"),
    ]


def test_a_number_that_neither_starts_nor_continues_a_list_stays_the_headings():
    parsed = _parse(
        _NOTICE + "一、优服务、提效能3.加快项目审批进度。(责任单位:市行政审批局、市税务局)"
        "二、扶实体、保经营4.鼓励信贷投放。(责任单位:市金融办)"
    )
    assert [(t.label, t.text[:10]) for t in parsed.tasks] == [
        ("一", "优服务、提效能3.加"),
        ("二", "扶实体、保经营4.鼓"),
    ]


# -- The unread-field sign on the first item's line ---------------------------------------------------------


def test_unread_bracket_on_a_run_on_plans_one_line_is_named():
    """A heading too long for a short title keeps its glued item; the item's bracket then reaches no clause."""
    parsed = _parse(
        _NOTICE + "一、进一步优化营商环境提升政务服务效能推动全市经济平稳较快增长1.加快项目审批进度。"
        "(责任单位:市行政审批局、市税务局)2.帮助企业复工复产。(责任单位:市发改委)"
        "3.鼓励金融机构扩大信贷投放。(责任单位:市金融办)"
    )
    assert [t.label for t in parsed.tasks] == ["2", "3"]
    assert _unread(parsed) == ["第1行“责任单位:市行政审批局”未读入任何条款,请核对 (a field outside every clause)"]


def test_unread_bracket_on_the_headings_own_line_is_named():
    parsed = _parse(
        "某市支持企业发展若干措施\n现提出以下措施:\n"
        "一、进一步优化营商环境提升政务服务效能推动全市经济平稳较快增长1.加快项目审批进度。(责任单位:市行政审批局)\n"
        "2.帮助企业复工复产。(责任单位:市发改委)\n"
    )
    assert _unread(parsed) == ["第3行“责任单位:市行政审批局”未读入任何条款,请核对 (a field outside every clause)"]


def test_a_headings_own_bracket_and_the_notices_text_are_no_unread_field():
    parsed = _parse(
        "某市支持企业发展若干措施(牵头单位:市政府办公室)现提出以下措施:"
        "一、优化营商环境(牵头单位:市发改委)1.加快项目审批进度。(责任单位:市行政审批局)"
        "2.帮助企业复工复产。(责任单位:市工信局)"
    )
    assert [t.label for t in parsed.tasks] == ["1", "2"]
    assert _unread(parsed) == []
    parsed = _parse(
        "某市支持企业发展若干措施\n现提出以下措施:\n(十)提升城市美誉度(牵头单位:市园林绿化局)\n"
        "39.持续壮大花卉产业。[责任单位:市农业农村局、市商务局]\n40.建设公园城市。[责任单位:市住建局]\n"
    )
    assert [a.lead_units for a in parsed.areas] == [["市园林绿化局"]]
    assert _unread(parsed) == []

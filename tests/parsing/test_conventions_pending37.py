"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 37).

Written from the convention, not copied from the documents that showed it:

- a copy with no line breaks: a 落款's date of writing closes it, so a plan's title after it never opens on a list's
  `、` or comma, and `第一、` is an ordinal, no heading: a sentence's deadline (`…要于2019年4月15日、7月15日前,将第一、
  第二季度…`) is no 落款 over a plan. Near case: the 落款, its date and the plan's title run on as before are cut;
- a notice's handing-down sentence (`经省人民政府同意,现将…`) opens a paragraph of its own: after a paragraph that ended
  its sentence at a page's width, and on one line after a stop. Near cases: the formula after a line the page broke
  mid-sentence goes on from it; a `经…同意` with no `现将` is no formula;
- a copy with no line breaks whose body opens with `一、`: a `(一)` after a full stop is that section's first sub-item,
  though the line goes on to no `(二)` (a page that stops inside the sub-list). Near case: a `(一)` inside a sentence
  is none;
- a copy with no line breaks whose body opens with `一、`: a `(一)` glued to a section's short title
  (`三、重点内容及责任分工(一)道路交通领域…`) is that section's first sub-item too. Near case: a figure or a year in the title;
- a campaign's scope or object heading names two activities (`排查整治范围`, `检查整治对象`), set off, run into its
  text or joined to it by a space: a frame, no measure. Near case: a longer term the frame's words open
  (`排查整治范围责任`) is none;
- a title a copy joined to its text by a space (`道路交通领域 镇派出所强化…`), and a campaign's field heading `X领域` run
  into its paragraph (`道路交通领域镇派出所强化…`): the town's office opens after it. Near cases: a title with a comma
  before the space, a field heading followed by no office.
"""

from __future__ import annotations

from policy_tasks.parsing.one_line import one_line_cut
from policy_tasks.parsing.plan_frames import frames_the_notice, frames_the_plan
from policy_tasks.parsing.sources.unwrap import hands_down_after
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.town_offices import town_office_charge

_HEAD = "测市人民政府办公厅关于印发测市重点工作责任分解方案的通知各区人民政府,市政府各部门:现将方案印发给你们,请认真贯彻执行。"


def _cut(text: str) -> list[str]:
    return [line for line, _ in one_line_cut([(text, True)])[0]]


def test_a_sentences_deadline_on_one_line_is_no_signature_over_a_plan():
    body = (
        "一、加强组织领导。各责任单位要高度重视,提请市政府协调解决。二、按时报告。各牵头单位要于2019年4月15日、"
        "7月15日前,将第一、第二季度完成情况报送市政府督查室。"
    )
    lines = _cut(_HEAD + body)
    assert lines[-1] == body


def test_a_signature_its_date_and_the_plan_title_on_one_line_are_still_cut():
    notice = "一、加强组织领导。各单位要高度重视。二、强化督办。市政府督查室要跟踪督办。"
    plan = "测市人民政府办公厅2018年2月14日测市重点工作责任分解方案一、稳增长1.扩大投资。二、促改革2.深化改革。"
    lines = _cut(_HEAD + notice + plan)
    assert "测市人民政府办公厅" in lines and "2018年2月14日" in lines and "测市重点工作责任分解方案" in lines


def test_the_handing_down_formula_opens_its_paragraph_after_a_sentences_end():
    assert hands_down_after("全省各地各部门务必确保圆满完成。", "经省人民政府同意,现将工作任务进行责任分解。")
    assert hands_down_after("请遵照执行。", "经区政府批准,现就有关事项通知如下:")
    # A line the page broke mid-sentence goes on; a `经…同意` that hands nothing down is no formula.
    assert not hands_down_after("全省各地各部门务必确保", "经省人民政府同意,现将工作任务进行责任分解。")
    assert not hands_down_after("请遵照执行。", "经省人民政府同意的项目,由各地组织实施。")


def test_the_handing_down_formula_on_one_line_parts_the_notices_paragraphs():
    grounds = "今年是关键之年。全省各地各部门务必认真贯彻决策部署,确保圆满完成全年目标任务。"
    formula = "经省人民政府同意,现将工作任务进行责任分解。各牵头单位要切实履行牵头责任,于3月10日前报省政府。"
    salutation, body = "各市、州、县人民政府,省政府各部门:", "(一)稳定增长。扩大有效投资。(二)深化改革。推进改革。"
    lines = _cut(salutation + grounds + formula + body)
    assert grounds in lines and formula in lines
    # Near case: a `经…同意` inside a sentence parts nothing.
    inside = grounds + "各地要抓好经省人民政府同意的项目,于3月10日前报省政府。"
    assert inside in _cut(salutation + inside + body)


def test_a_campaigns_two_activity_scope_heading_is_a_frame():
    assert frames_the_notice("排查整治范围")
    assert frames_the_notice("排查整治范围涵盖全镇道路交通、消防、建筑施工等全行业领域。")
    assert frames_the_notice("检查整治对象全镇各类经营场所。")
    assert not frames_the_notice("排查整治责任落实到人。")
    assert not frames_the_notice("排查整治范围责任由各村承担。")
    assert frames_the_notice("排查整治范围 涵盖全镇各行业领域。") and frames_the_plan("工作目标 全面贯彻上级要求。")
    assert not frames_the_plan("工作目标责任制 全面落实。")


def test_a_glued_first_sub_item_after_a_sections_title_on_one_line_is_cut():
    body = "一、工作目标。全面排查隐患。三、重点内容及责任分工(一)道路交通领域镇派出所强化执法力度,严厉查处违法行为。"
    assert _cut(_HEAD + body)[-1] == "(一)道路交通领域镇派出所强化执法力度,严厉查处违法行为。"
    # Near case: a year or a figure glued in the title is no sub-item's number.
    year = "一、工作目标。全面排查隐患。二、完成2025(一)季度任务清单,严格落实整改。"
    assert not any(line.startswith("(一)") for line in _cut(_HEAD + year))


def test_a_town_office_opens_after_a_title_joined_by_a_space_or_a_field_heading_run_in():
    for text in (
        "道路交通领域 镇派出所强化执法力度,严厉查处违法行为。联合交通部门检查执行情况。",
        "道路交通领域镇派出所强化执法力度,严厉查处违法行为。联合交通部门检查执行情况。",
    ):
        found = town_office_charge(text, normalise(text))
        assert found is not None and (found.roles["listed"], found.roles["co"]) == (["镇派出所"], ["交通部门"]), text
    for text in (
        "加强领导,压实责任 镇派出所强化执法力度。",  # a comma: no title a line of its own
        "重点领域加强监管,镇区范围内开展检查。",  # a field heading followed by no office
    ):
        assert town_office_charge(text, normalise(text)) is None, text


def test_a_lone_first_sub_item_after_a_full_stop_on_one_line_is_cut():
    section = "一、主要任务 今年的主要预期目标是:地区生产总值增长8%左右;全面完成节能减排任务。"
    sub = "(一)保持经济平稳发展 精准扩大有效投资。"
    lines = _cut(_HEAD + section + sub)
    assert lines[-2:] == [section.strip(), sub]
    # Near case: a `(一)` inside a sentence (`按第三条(一)项…`) is no sub-item.
    inside = "一、主要任务 今年的主要预期目标是:各地按第三条(一)项执行,全面完成节能减排任务。"
    assert _cut(_HEAD + inside)[-1] == inside

"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 37,
the second pass).

Written from the convention, not copied from the documents that showed it:

- a copy with no line breaks: a portal's metadata block may end on a field left empty (`发文日期:`), the salutation run
  on after its colon, and it is cut as the salutation still. Near case: a colon announcing a list (`要求如下:`) opens
  no salutation;
- a PDF reader joins two point paragraphs where the first's last line ended full (`三是…。四是…`): the open `一是`
  list's next point after a full stop opens its own. Near cases: a point after a comma is the sentence's list; a
  point out of order is none;
- text wrapped at a page's width (and a PDF's or an OFD's lines): a point paragraph that ended its sentence right at
  the width is followed by the next point's paragraph (`一是…。` then `二是…`), never its go-on. Near cases: after a
  line the page broke mid-sentence, or a point out of order, the line goes on;
- a run of ordinals naming ranks (`一、二、三线民工`) that the width cut after `一、` goes on in the `二、` line: no line
  ends on a heading's number. Near case: `二、` after a sentence's end opens its heading;
- a copy with no line breaks: a section's points glued to its short title (`二、工作任务一是…。二是…。`) are paragraphs
  of their own, as a township report's points counted in its title (`某镇三举措…`) after a full stop are. Near cases: a
  lone `一是`, a run that falls short of the title's count;
- a copy with no line breaks: a list's `1、` glued to its unnumbered group heading (`整改较好的点位1、…`) opens the
  list where its `2、` follows after a stop. Near case: `第1、` is an ordinal;
- an annexed division table whose row names an inspection point as the prose names it before its bracket
  (`联盛快乐城(责任单位:X):…`) restates that point, however short the name (tests/sources/test_annexed_tables.py,
  the corpus's bulletin);
- a notice that numbers nothing, run onto one line: cut at its salutation, after the formula closing its grounds
  (`请认真贯彻执行`, its stop lost), and before each sentence opening with the salutation's groups or a breakdown's
  leading role (`charged_paragraphs`); a sentence of anyone else goes on the paragraph before. Near cases: no formula,
  a salutation naming no groups.
"""

from __future__ import annotations

from policy_tasks.parsing.measure_reports import counted_measures
from policy_tasks.parsing.one_line import one_line_cut
from policy_tasks.parsing.outline import split_inline
from policy_tasks.parsing.sources.unwrap import next_point_after, opens_item, unwrap

# A preamble's sentence: a one-line copy is long (`one_line`), as the notices the conventions come from are.
_GROUNDS = "为全面落实年度工作部署,确保各项目标任务落到实处,推动全县经济社会高质量发展,结合实际情况,经研究决定如下。"


def _cut(text: str) -> list[str]:
    return [line for line, _ in one_line_cut([(text, True)])[0]]


def test_a_salutation_run_on_after_a_portals_empty_metadata_field_is_cut():
    text = (
        "测县人民政府关于分解落实重点工作任务的通知索引号 : K1/2023-1 文号 : 有效性: 有效 发文日期:"
        "各乡镇人民政府,县政府各部门:现将任务分解通知如下:一、加强领导。各乡镇要高度重视。二、狠抓落实。各部门要按时完成。"
    )
    assert "各乡镇人民政府,县政府各部门:" in _cut(text)
    # A colon announcing requirements opens no salutation.
    near = "测县人民政府关于做好工作的通知现将要求如下:各乡镇要于5月底前完成:一、加强领导。各乡镇要重视。二、狠抓落实。各部门要落实。"
    assert "各乡镇要于5月底前完成:" not in _cut(near)


def test_the_next_point_after_a_full_stop_in_a_joined_point_paragraph_opens_its_own():
    line = "三是抓质量管理。严格管理程序,抓出精品工程。四是抓安全生产。杜绝安全事故。"
    assert split_inline(line, {"cn": 2, "shi": 2}) == [
        "三是抓质量管理。严格管理程序,抓出精品工程。",
        "四是抓安全生产。杜绝安全事故。",
    ]
    # After a comma it is the sentence's list; out of order it is none; with no open point list it is prose.
    assert len(split_inline("三是抓质量,四是抓安全。", {"cn": 2, "shi": 2})) == 1
    assert len(split_inline("三是抓质量。五是抓安全。", {"cn": 2, "shi": 2})) == 1
    assert len(split_inline("三是抓质量。四是抓安全。", {"cn": 2})) == 1


def test_the_next_point_opens_its_paragraph_after_a_point_ended_at_the_width():
    assert next_point_after("一是强化领导,明确责任。我镇成立了指挥部。", "二是积极筹措防汛物资。")
    assert not next_point_after("一是强化领导,明确责任,我镇成立了", "二是积极筹措防汛物资。")
    assert not next_point_after("一是强化领导,明确责任。", "三是积极筹措防汛物资。")
    wrapped = ["测镇三举措强化防汛工作", "为做好防汛工作,我镇三举措强化防汛工作。"]
    wrapped += [
        "一是强化领导,明确责任,实行领导责任制。我镇成立了以党委书记为政委,镇长为指挥的防",
        "汛抗旱指挥部,下设办公室。",
    ]
    full = "二是积极筹措防汛物资。各村按照每户一根木桩和每人一条化纤袋进行筹集,剩余集中保管。"
    assert full in [line.strip() for line in unwrap([*wrapped, full, *["三是加强防汛队伍组织。各村成立抢险队。"] * 8])]


def test_a_run_of_ordinals_cut_after_its_first_goes_on():
    assert not opens_item("各村成立一、", "二、三线民工抢险队,由镇人武部组织。")
    assert opens_item("各村要按时完成。", "二、三线民工抢险队,由镇人武部组织。")


def test_points_glued_to_a_sections_title_on_one_line_are_paragraphs():
    text = (
        "测县关于包抓重点项目的通知各镇党委、政府:" + _GROUNDS + "现通知如下:"
        "一、包抓领导县级领导包抓项目。"
        "二、包抓任务一是抓组织协调。组建机构。二是抓施工进度。制定计划。三是抓质量管理。确保质量。"
    )
    lines = _cut(text)
    assert "一是抓组织协调。组建机构。" in lines and "三是抓质量管理。确保质量。" in lines
    # A lone `一是` stays the section's prose.
    lone = "测县关于包抓重点项目的通知各镇党委、政府:" + _GROUNDS + "现通知如下:"
    lone += "一、包抓领导县级领导包抓。二、包抓任务一是抓组织协调。组建机构。"
    assert not any(line.startswith("一是") for line in _cut(lone))


def test_a_township_reports_counted_points_on_one_line_are_paragraphs():
    assert counted_measures("测镇三举措强化防汛工作") == 3 and counted_measures("测镇多措并举") is None
    report = "测镇三举措强化防汛工作发布日期:2020-05-13" + _GROUNDS + "我镇三举措强化防汛工作。"
    points = (
        "一是强化领导。各村要落实。二是筹措物资。各村要筹集。三是组建队伍。各村成立抢险队,责任是:1、巡逻。2、待命。"
    )
    lines = _cut(report + points)
    assert "二是筹措物资。各村要筹集。" in lines
    # A run short of the title's count is the paragraph's own list.
    short = "一是强化领导。各村要落实。二是筹措物资。各村要筹集,责任是:1、巡逻。2、待命。"
    assert not any(line.startswith("二是") for line in _cut(report + short))


def test_a_lists_first_number_glued_to_its_group_heading_on_one_line_opens_the_list():
    text = (
        "测县督查通报" + _GROUNDS + "现将督查情况通报如下:整改较好的点位"
        "1、甲广场(责任单位:县商务局):问题已整改到位。"
        "2、乙码头(责任单位:县文旅局):问题已整改到位。"
    )
    assert any(line.startswith("1、甲广场") for line in _cut(text))
    # `第1、` is an ordinal: the list opens at none.
    assert not any(line.startswith("1、") for line in _cut(text.replace("点位1、", "点位第1、")))


def test_an_unnumbered_notice_on_one_line_is_cut_into_its_charging_paragraphs():
    head = "测县人民政府关于印发任务分解一览表的通知各镇人民政府,县政府各部门:" + _GROUNDS
    head += "现将任务分解一览表印发给你们请认真贯彻执行"
    first = "全县各级各部门要把抓好目标任务落实作为首要任务。"
    second = "各责任单位要对照任务分解清单,主动认领,细化量化。相关单位要积极配合。县督查办要每月开展一次督查。"
    lines = _cut(head + first + second)
    assert first in lines and second in lines and "各镇人民政府,县政府各部门:" in lines
    # With no formula closing the grounds, or a salutation naming no groups, nothing is cut.
    assert len(_cut(head.replace("请认真贯彻执行", "") + first + second)) == 1
    assert len(_cut(head.replace("各镇人民政府,县政府各部门:", "张三同志:") + first + second)) == 1

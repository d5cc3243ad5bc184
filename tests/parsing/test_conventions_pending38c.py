"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 38,
pass C): headings a copy with no line breaks ran into the text below them (`one_line_headings`).

Written from the convention, not copied from the documents that showed it:

- measures numbered in circled figures (`⑴…。⑵…`) open at `⑴` after a stop or the bar closing a portal's metadata row,
  when a `⑵` follows. Near cases: a lone `⑴`, a `⑴` inside a word;
- a publicity plan's sub-heading naming only its outlet (`(一)某某日报社(晨刊、手机报)`) runs into its first item
  `1.`: the outlet's name is the heading. Near case: a goal heading mentioning an outlet (`(一)加强与日报社的合作`);
- an item's person field (`责任人:张某、***`) run into the next number of its list opens the next item. Near cases: a
  figure that counts on no item (`责任人:张某2人`), a number that does not follow the list;
- a sub-heading that is only its section's title, the membership (`(一)成员单位`) over the lines saying how the body
  is made up, or the division of work (`(二)职责分工`) over its first unit and colon: the title is a line of its own.
  Near cases: a membership title over text saying nothing of the make-up, a division title over a sentence.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.one_line import one_line_cut
from policy_tasks.parsing.one_line_headings import heading_cuts

_META = "索 引 号 | 001/2023-01 | 发布机构 | 某县政府 |发布日期 | 2023-03-01 | 主题词 | 工业 |"
_MEASURES = [
    "⑴压实工作责任。建立重点企业包联制度,每月调度一次生产经营情况,及时协调解决企业困难问题。",
    "⑵抓好项目建设。加快在建项目建设进度,力争上半年新开工项目十个以上,确保按期投产达效。",
]


def _tasks(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026).tasks


def _lines(text: str) -> list[str]:
    return [line for line, _ in one_line_cut([(text, True)])[0]]


def test_circled_measures_open_after_a_metadata_rows_bar():
    for joiner in ("", " "):
        text = _META + joiner + joiner.join(_MEASURES)
        assert _lines(text) == [_META, "".join(_MEASURES) if not joiner else " ".join(_MEASURES)]
        assert [t.label for t in _tasks(text)] == ["(1)", "(2)"]


def test_a_lone_or_glued_circled_figure_opens_nothing():
    lone = _META + "⑴压实工作责任。建立重点企业包联制度,每月调度一次生产经营情况,及时协调解决企业困难问题并形成台账。"
    assert _lines(lone) == [lone]
    glued = _META + "工作要求如下压实责任⑴建立包联制度⑵每月调度一次生产经营情况,及时协调解决企业困难问题并形成台账。"
    assert _lines(glued) == [glued]


_PLAN = (
    "一、市内宣传(一)某某日报社(晨刊、手机报)1.新闻宣传。对重要会议进行动态报道。每周至少2篇。责任人:张某、***"
    "2.专题报道。刊发专题报道2篇。责任人:李某3.副刊宣传。刊发散文、游记等。每周至少1篇。"
)


def test_an_outlets_heading_and_a_person_field_part_from_the_items():
    body = _PLAN.index("1.新闻")
    cuts = heading_cuts(_PLAN, 0)
    assert _PLAN.index("(一)") in cuts and body in cuts
    assert _PLAN.index("2.专题") in cuts and _PLAN.index("3.副刊") in cuts


def test_a_goal_heading_or_a_figure_after_a_person_opens_nothing():
    goal = "(一)加强与日报社的合作1.新闻宣传。每周至少2篇。2.专题报道。"
    assert heading_cuts(goal, 0) == []
    counted = "1.新闻宣传。每周报道。责任人:张某2人负责。"
    assert heading_cuts(counted, 0) == []
    skipped = "1.新闻宣传。每周报道。责任人:张某5.专题报道。"  # 5 follows no 4
    assert heading_cuts(skipped, 0) == []


_MECHANISM = (
    "某县人民政府办公室关于建立某工作协调机制的通知县直有关单位:为加强统筹协调,决定建立协调机制。现将有关事项通知如下:"
    "一、主要职能统筹协调推进有关工作,研究解决问题。二、成员单位及职责(一)成员单位协调机制由县教育局、县公安局、"
    "县财政局等部门组成。协调机制办公室设在县教育局。(二)职责分工县教育局:负责统筹推进有关工作,加强督促指导。"
)


def test_a_sections_titles_part_from_their_text_on_one_line():
    for joiner in ("", " "):
        text = _MECHANISM if not joiner else _MECHANISM.replace("成员单位协调", "成员单位 协调")
        assert [(t.label, t.lead_units) for t in _tasks(text)] == [("(二)", ["县教育局"])]


def test_titles_over_other_text_are_left_alone():
    unmade = "二、成员单位及职责(一)成员单位要加强协作,按时报送工作进展情况。"
    assert heading_cuts(unmade, 0) == []
    sentence = "二、工作要求(一)职责分工明确,各单位要按照分工抓好落实。"
    assert heading_cuts(sentence, 0) == []


def test_an_outlets_items_run_onto_one_line_are_read_under_it():
    text = "为做好宣传工作,制定本方案。具体方案如下:" + _PLAN
    for joiner in ("", " "):
        joined = text if not joiner else text.replace("***2.", "*** 2.").replace("李某3.", "李某 3.")
        tasks = _tasks(joined)
        assert [t.label for t in tasks] == ["1", "2", "3"]
        assert all(t.lead_units and "日报社" in t.lead_units[0] for t in tasks)

"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 37,
the third pass).

Written from the convention, not copied from the documents that showed it:

- a ruled PDF's narrow unit cell wraps a long name anywhere; a line ending in `社会` (society, never a body's name,
  though its `会` ends a 委员会's) was cut inside the name (`市人力资源社会` / `保障局`). Near case: a line ending in
  a body (`市红十字会`, `市总工会`) still ends a name of the list;
- a meeting report run onto one line (no numbered heading): cut where the requirements open (`会议要求`, `X强调`)
  after the account's full stop, where its closing account opens (`会上,…`), and, where the lead-in runs into its
  first point with nothing between (the line break lost), at each counted point. Near cases: a lone `一要`, a lead-in
  closed by a comma (its points stay inline);
- text wrapped at a page's width: a meeting report's closing account (`会上,…`) after the paragraph of counted
  points that ended its sentence right at the width opens its own paragraph. Near case: `会上,` after a paragraph
  holding no points (the account of the meeting) goes on as wrapped;
- text wrapped at a page's width, and a PDF's lines: a meeting's point joined to 要 (`二要…。` then `三要…`) opens the
  next point's paragraph as `二是…。` then `三是…` does. Near cases: a point of the other word, a point out of order.
"""

from __future__ import annotations

from policy_tasks.parsing.one_line_minutes import minute_cuts
from policy_tasks.parsing.sources.pdf import _ends_a_name
from policy_tasks.parsing.sources.unwrap import closes_minute_after, next_point_after

_ACCOUNT = "为做好农村房屋安全整治工作,某镇召开专项整治推进会,全体机关干部参加了会议。"
_POINTS = "一要压实责任,各村要摸清底数。二要加强宣传,各站所要广泛动员。三要严格督查,督查办要每周通报。"


def test_a_cell_line_ending_in_society_was_cut_inside_a_name():
    assert not _ends_a_name("市人力资源社会")
    assert not _ends_a_name("区民政局社会")
    assert _ends_a_name("市红十字会")
    assert _ends_a_name("市总工会")


def test_a_one_line_meeting_report_is_cut_at_its_lead_in_points_and_closing():
    text = _ACCOUNT + "会议要求" + _POINTS + "会上,镇长就排查工作进行了安排。"
    cuts = minute_cuts(text)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert pieces[1] == "会议要求"
    assert [p[:2] for p in pieces[2:5]] == ["一要", "二要", "三要"]
    assert pieces[-1].startswith("会上,")


def test_a_lead_in_closed_by_a_comma_keeps_its_points_inline():
    text = _ACCOUNT + "张三强调," + _POINTS
    assert minute_cuts(text) == [len(_ACCOUNT)]


def test_a_lone_point_is_no_meeting_report():
    assert minute_cuts(_ACCOUNT + "会议要求一要压实责任,各村要摸清底数。会后各村开展排查。") == []


def test_a_closing_account_after_counted_points_opens_its_paragraph():
    assert closes_minute_after("李四强调," + _POINTS, "会上,县住建局局长作了安排部署。")
    assert not closes_minute_after(_ACCOUNT, "会上,县住建局局长作了安排部署。")
    assert not closes_minute_after("李四强调," + _POINTS[:-1] + ",", "会上")


def test_a_meeting_point_joined_to_yao_opens_its_paragraph_after_one_ended_at_the_width():
    assert next_point_after("二要加强宣传,各站所要广泛动员。", "三要严格督查,督查办要每周通报。")
    assert not next_point_after("二要加强宣传,各站所要广泛动员。", "三是严格督查,督查办要每周通报。")
    assert not next_point_after("二要加强宣传,各站所要广泛动员。", "四要严格督查。")

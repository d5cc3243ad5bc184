"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 38,
pass A).

Written from the convention, not copied from the documents that showed it:

- a lossy copy that kept only some of a plan's bracketed items (`(二)`, `(五)`: the section headings and the other
  items lost) run onto one line: its numbers rise with gaps, so no first number and no run counting on by one cuts the
  header from the body; the first after a sentence's end and every later one open the items. Near cases: a number
  that goes back or repeats (a reference, a sub-list's restart), one after `第`, a `一、` heading anywhere, a lone one;
- a sharing site's preview (`…由会员分享,…上搜索。`, pages counted `1、`, `2、` … at one length, each cut wherever the
  length ended) run onto one line: the counters run into the words (`…工资报2、酬返乡…`) and are taken out. Near
  cases: no notice; a `2、` after a sentence's end (an item); a third counter off the first page's length;
- the same preview wrapped at a page's width, a page parted where a line ending its sentence met a heading: the lines
  from the page's counter on are one page again before the next counter. Near case: no site notice (a document's own
  `1、` item over an unstopped `责任单位:` line, then its `2、`).
"""

from __future__ import annotations

from policy_tasks.parsing.one_line import _gapped_run, one_line_cut
from policy_tasks.parsing.preview_pages import drop_ran_on_counters, rejoin_preview_pages

_PREAMBLE = "为推进设备更新工作,结合本市实际,制定本方案。各区要加强统筹,市级部门要协同推进。"
_SECOND = "(二)开展建筑领域设备更新专项行动,制定政策措施责任单位:市住建局、市经信局"
_FIFTH = "(五)开展交通运输设备更新专项行动,制定政策措施责任单位:市交通运输局"


def test_a_lossy_copys_rising_numbers_with_gaps_open_its_items():
    text = _PREAMBLE + _SECOND + _FIFTH
    lines, _ = one_line_cut([(text, True)])
    assert [line for line, _ in lines] == [_PREAMBLE, _SECOND, _FIFTH]


def test_numbers_that_go_back_after_ordinal_or_alone_open_nothing():
    assert _gapped_run(_PREAMBLE + _FIFTH + _SECOND) == []  # goes back
    assert _gapped_run(_PREAMBLE + _SECOND + "按第(五)项执行。" + _FIFTH) == []  # after 第
    assert _gapped_run(_PREAMBLE + _SECOND) == []  # a lone number
    assert _gapped_run(_PREAMBLE + "一、总体要求" + _SECOND + _FIFTH) == []  # a section's heading


_NOTICE = "《某镇工作方案.docx》由会员分享,可在线阅读,更多相关《某镇工作方案.docx(3页珍藏版)》请在某某文库上搜索。"
_PAGE = "为做好冬季保障工作,切实维护群众权益,结合我镇工作实际,制定本方案。" * 10  # 330 characters a page


def test_a_previews_counters_run_into_its_words_are_taken_out():
    pages = [_PAGE[:-5], _PAGE[-5:] + _PAGE[:-10], _PAGE[-10:] + "(责任部门:建设办)"]
    for joiner in ("", " "):
        text = _NOTICE + joiner + joiner.join(f"{n}、{page}" for n, page in enumerate(pages, start=1))
        assert drop_ran_on_counters(text) == _NOTICE + "".join(pages)


def test_counters_without_the_notice_after_a_stop_or_off_the_length_stay():
    pages = [_PAGE[:-5], _PAGE[-5:] + _PAGE[:-10]]
    plain = "".join(f"{n}、{page}" for n, page in enumerate(pages, start=1))
    assert drop_ran_on_counters(plain) == plain  # no sharing site's notice
    stopped = _NOTICE + "1、" + _PAGE + "2、" + _PAGE
    assert drop_ran_on_counters(stopped) == stopped  # the page ended its sentence: the document's own item
    off = _NOTICE + "1、" + pages[0] + "2、" + pages[1][:100] + "3、办)"
    assert drop_ran_on_counters(off) == _NOTICE + pages[0] + pages[1][:100] + "3、办)"


def test_a_preview_page_parted_by_the_width_goes_on_after_the_next_counter():
    lines = [
        (_NOTICE, True),
        ("1、" + _PAGE[:150], True),
        ("一、目标" + _PAGE[:100] + "工资报", True),
        ("2、酬返乡。", True),
    ]
    out = [text for text, _ in rejoin_preview_pages(lines)]
    assert out[0] == _NOTICE
    assert "".join(out[1:]) == _PAGE[:150] + "一、目标" + _PAGE[:100] + "工资报酬返乡。"


def test_a_documents_own_numbered_item_over_an_unstopped_unit_line_stays():
    lines = [
        ("1、" + _PAGE[:150], True),
        ("责任单位:县发展和改革局、县财政局、县住房和城乡建设局" * 3, True),
        ("2、加强宣传。", True),
    ]
    assert rejoin_preview_pages(lines) == lines

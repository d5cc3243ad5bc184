"""Clause highlighting: a plain function, no database. Reading uploads is tested in tests/sources."""

from __future__ import annotations

from types import SimpleNamespace

from policy_tasks.web.highlight import clause_segments


def _m(start, end):
    return SimpleNamespace(start=start, end=end)


def test_segments_cover_the_clause_in_order_with_each_phrase_once():
    text = "确保抽蓄项目10月底前开工、全年完成投资2000万元。"
    first, second = _m(0, 13), _m(14, 26)
    segments = clause_segments(text, [second, first])
    assert "".join(s.text for s in segments) == text
    assert [s.milestone for s in segments] == [first, None, second, None]


def test_overlapping_or_out_of_range_spans_are_left_plain():
    text = "一二三四五六七八"
    kept, overlapping, outside, empty = _m(0, 4), _m(2, 6), _m(5, 99), _m(6, 6)
    segments = clause_segments(text, [kept, overlapping, outside, empty])
    assert "".join(s.text for s in segments) == text
    assert [s.milestone for s in segments if s.milestone] == [kept]

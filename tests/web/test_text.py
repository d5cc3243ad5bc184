"""Clause highlighting and reading uploaded documents: plain functions, no database."""

from __future__ import annotations

import io
from types import SimpleNamespace

import docx
import pytest

from policy_tasks.parsing import ParseError
from policy_tasks.web.highlight import clause_segments
from policy_tasks.web.uploads import uploaded_text


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


def _docx(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_tables_become_clauses_with_their_unit_lines():
    def build(document):
        document.add_paragraph("一、数字政府")
        table = document.add_table(rows=2, cols=4)
        for cell, value in zip(table.rows[0].cells, ["序号", "任务", "牵头单位", "完成时限"], strict=True):
            cell.text = value
        for cell, value in zip(table.rows[1].cells, ["1", "推进一网通办。", "区财政局", "2023年6月底"], strict=True):
            cell.text = value
        document.add_paragraph("以上措施除明确时限外,实施期限至2023年12月31日。")

    text = uploaded_text("方案.docx", _docx(build))
    assert text.splitlines() == [
        "一、数字政府",
        "1. 推进一网通办。",
        "牵头单位:区财政局 完成时限:2023年6月底",
        "以上措施除明确时限外,实施期限至2023年12月31日。",
    ]


def test_gbk_text_files_are_read():
    assert uploaded_text("方案.txt", "区发改局牵头".encode("gbk")) == "区发改局牵头"


@pytest.mark.parametrize(("name", "data"), [("方案.pdf", b"%PDF-1.4"), ("方案.docx", b"not a zip")])
def test_unreadable_uploads_are_refused_with_a_reason(name, data):
    with pytest.raises(ParseError):
        uploaded_text(name, data)

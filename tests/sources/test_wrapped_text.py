"""Text broken at a page's width (copied out of a PDF viewer) reads as the text it was broken
from; text written a paragraph a line, and lists of short lines, are left as they are. No database."""

from __future__ import annotations

import pytest

from policy_tasks.parsing.sources import read_source
from policy_tasks.parsing.sources.unwrap import columns
from tests.sources.corpus_prose import CORPUS, hard_wrapped, misread, prose_documents, read_text, with_page_numbers

DOCUMENTS = prose_documents()


@pytest.mark.parametrize(
    ("width", "indent"),
    [(56, True), (56, False), (84, True), (80, False)],
    ids=["28-characters-indented", "28-characters", "42-characters-indented", "40-characters"],
)
def test_the_corpus_prose_broken_at_a_page_width_reads_as_annotated(width, indent):
    wrong = [
        error for folder, text in DOCUMENTS if (error := misread(folder, hard_wrapped(text, width, indent=indent)))
    ]
    assert len(DOCUMENTS) >= 50
    assert wrong == []


@pytest.mark.parametrize("style", ["dash", "pdftotext"])
def test_the_corpus_prose_copied_from_numbered_pages_reads_as_annotated(style):
    """22 lines a page (GB/T 9704), each page's number at its foot: a paragraph running on to the
    next page joins across the number, and no number becomes a block."""
    wrong = [
        error
        for folder, text in DOCUMENTS
        if (error := misread(folder, with_page_numbers(hard_wrapped(text, 56, indent=True), 22, style=style)))
    ]
    assert len(DOCUMENTS) >= 50
    assert wrong == []


def test_a_page_number_goes_and_the_paragraph_it_split_joins():
    paragraph = "1.推进抽水蓄能电站建设,加快前期工作。10月底前开工,年底前完成投资5亿元。(责任单位:区发改局、区财政局、区自然资源局)"
    text = hard_wrapped("\n".join(["测区2023年重点工作实施方案", "一、加快项目建设", paragraph] * 4), 56, indent=False)
    lines = text.splitlines()
    split = 3  # title, heading, the paragraph's first line: the number breaks the paragraph
    assert lines[split - 1].startswith("1.") and not lines[split].startswith("一")
    for number_line in (["", "— 2 —", ""], ["-2-", "\f"], ["", "2", ""]):
        paged = "\n".join(lines[:split] + number_line + lines[split:])
        assert (
            read_source(paged.encode(), "方案.txt").blocks
            == ["测区2023年重点工作实施方案", "一、加快项目建设", paragraph] * 4
        )


def test_lines_broken_inside_a_deadline_and_a_unit_list_are_joined():
    paragraph = "1.推进抽水蓄能电站建设,加快前期工作。10月底前开工,年底前完成投资5亿元。(责任单位:区发改局、区财政局、区自然资源局)"
    lines = hard_wrapped("\n".join(["测区2023年重点工作实施方案", "一、加快项目建设", paragraph] * 3), 56, indent=False)
    assert "年底前\n完成" in lines and "区自然资源\n局" in lines  # a sentence and a unit's name broken
    assert (
        read_source(lines.encode(), "方案.txt").blocks
        == ["测区2023年重点工作实施方案", "一、加快项目建设", paragraph] * 3
    )


@pytest.mark.parametrize("folder", ["zhejiang-jindong-minsheng-2024", "hubei-jingzhou-chuangwen-wentiqingdan"])
def test_text_a_cell_or_an_item_a_line_is_left_as_written(folder):
    text = read_text(CORPUS / folder / "source.txt")
    assert read_source(text.encode(), "清单.txt").blocks == text.splitlines()


def test_text_a_paragraph_a_line_is_left_as_written():
    text = "\n".join(read_text(folder / "source.txt") for folder, _ in DOCUMENTS[:20])
    assert read_source(text.encode(), "方案.txt").blocks == text.splitlines()


def test_a_short_page_whose_longest_paragraphs_end_alike_at_a_sentence_end_is_left_as_written():
    # A notice and a table a cell a line: its three long lines happen to be of one length, but each
    # ends a sentence, as a line of text broken at a page's width hardly ever does.
    lines = [
        "某市人民政府办公室关于印发重点工作分工方案的通知",
        "发布日期:2014-06-12",
        "经市人民政府同意,现将《某市重点工作任务分工方案》印发给你们,请认真抓落实。",
        "序号",
        "重点任务",
        "牵头单位",
        "配合单位",
        "1",
        "打造区域物流枢纽。加快建设铁路货运场站,完善公路货运网络,推进多式联运发展。",
        "市交通运输局",
        "市发展改革委、市商务局",
        "2",
        "建设生态保护屏障。实施重点区域生态修复,推进退耕还林还草,加强水土流失治理。",
        "市林业局",
        "市自然资源局、市水务局",
    ]
    text = "\n".join(lines)
    assert len({columns(lines[2]), columns(lines[8]), columns(lines[12])}) == 1
    assert read_source(text.encode(), "方案.txt").blocks == lines

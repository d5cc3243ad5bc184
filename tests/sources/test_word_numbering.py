"""The corpus's prose documents as a .docx whose item numbers Word's automatic numbering draws
(tests/sources/word_numbering.py) read as annotated: the reader writes the numbers out as Word
counts them. No database."""

from __future__ import annotations

from tests.sources.corpus_prose import prose_documents, score_bytes
from tests.sources.word_numbering import numbered_items, word_numbered_docx


def test_the_corpus_prose_numbered_by_word_reads_as_annotated():
    wrong, made, clauses = [], 0, 0
    for folder, text in prose_documents():
        data = word_numbered_docx(text)
        if data is None:
            continue
        made += 1
        score = score_bytes(folder, data, "source.docx")
        clauses += score.clauses
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} +{score.extra} {score.wrong[:3]}")
    # 72 documents and 266 clauses on 2026-12-04: fewer would mean the conversion stopped finding them.
    assert made >= 70
    assert clauses >= 260
    assert wrong == []


def test_the_numbers_are_taken_off_where_word_draws_them():
    items = numbered_items("一、总体要求\n(一)重点任务\n1.加快建设。(责任单位:区发改局)\n2.50个小区改造。\n说明文字")
    assert items == [
        (0, True, "总体要求"),
        (1, True, "重点任务"),
        (2, True, "加快建设。(责任单位:区发改局)"),
        (2, False, "50个小区改造。"),
        (None, False, "说明文字"),
    ]

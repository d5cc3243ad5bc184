"""Every prose document of the corpus, set as a PDF in each layout offices' PDFs come in, reads as
its hand-checked annotation says: the reader finds the paragraphs again from where lines end,
whether the lines are justified or ragged, indented or not, 28 or 42 characters long. No database.

Documents whose text is a table are left out (tests/sources/corpus_prose.py)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tests.sources.corpus_prose import prose_documents, score_bytes
from tests.sources.pdf_layouts import LAYOUTS, Layout, render, settable


@functools.cache
def documents() -> list[tuple[Path, str]]:
    """Read when a test first asks, not at import: every xdist worker imports this module to
    collect it, and only the one running it needs the font's character set worked out."""
    return prose_documents(settable())


def test_most_of_the_corpus_text_is_prose_to_set_as_pdf():
    assert len(documents()) >= 50


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_the_corpus_prose_set_as_a_pdf_reads_as_annotated(layout: Layout):
    wrong = []
    for folder, text in documents():
        score = score_bytes(folder, render(text, layout), "source.pdf")
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} {score.wrong[:3]}")
    assert wrong == []

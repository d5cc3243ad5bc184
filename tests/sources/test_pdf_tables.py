"""Every table document of the corpus (.xlsx, .xls, Word tables), set as a PDF with ruled tables,
portrait and landscape, reads at least as well as the file it came from: cell text wrapped in a
narrow column (`2022-` / `2023`, `县民政局各相关乡` / `镇街道`) goes on, a name per line stays a name.
No database."""

from __future__ import annotations

import json

import pytest

from policy_tasks.parsing.scoring import score_folder
from policy_tasks.parsing.sources import read_source
from tests.sources.corpus_prose import CORPUS, score_bytes
from tests.sources.pdf_layouts import settable
from tests.sources.pdf_tables import render

_TABLE_FORMATS = ("xlsx", "xls", "docx-table", "doc-table")


def _table_documents():
    found = []
    for folder in sorted(CORPUS.iterdir()):
        gold = folder / "gold.json"
        if gold.exists() and json.loads(gold.read_text(encoding="utf-8"))["format"] in _TABLE_FORMATS:
            found.append(folder)
    return found


DOCUMENTS = _table_documents()


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_the_corpus_tables_set_as_a_pdf_read_as_their_files_do(landscape):
    wrong, set_ = [], 0
    for folder in DOCUMENTS:
        source = next(folder.glob("source.*"))
        blocks = read_source(source.read_bytes(), source.name).blocks
        if not {c for b in blocks for c in (b if isinstance(b, str) else "".join(map("".join, b.rows)))} <= settable():
            continue
        set_ += 1
        original = score_folder(folder, current_year=2026)
        pdf = score_bytes(folder, render(blocks, landscape=landscape), "source.pdf")
        if (
            pdf.refused
            or pdf.clauses_right < original.clauses_right
            or pdf.extra > original.extra
            or pdf.milestones_right < original.milestones_right
        ):
            wrong.append(f"{folder.name}: {pdf.refused} {pdf.wrong[:3]}")
    assert set_ >= 20
    assert wrong == []

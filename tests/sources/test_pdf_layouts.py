"""Every prose document of the corpus, set as a PDF in each layout offices' PDFs come in, reads as
its hand-checked annotation says: the reader finds the paragraphs again from where lines end,
whether the lines are justified or ragged, indented or not, 28 or 42 characters long. No database.

Documents whose text is a table (cells a line, ` | ` rows) are left out: a PDF would hold them
as a table, which tests/sources/test_reader.py covers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_tasks.parsing.scoring import score_folder
from tests.sources.pdf_layouts import LAYOUTS, SETTABLE, Layout, read_text, render

CORPUS = Path(__file__).resolve().parents[1] / "parsing" / "corpus"
_TABLE_WORDS = ("table", "cell", "表格", "flatten")


def _prose_documents() -> list[tuple[Path, str]]:
    found = []
    for folder in sorted(CORPUS.iterdir()):
        gold_file = folder / "gold.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        notes = f"{gold.get('notes', '')} {gold.get('derived', '')}".lower()
        if not gold["format"].startswith("txt") or any(word in notes for word in _TABLE_WORDS):
            continue
        text = read_text(folder / "source.txt")
        if " | " in text or "\t" in text or "|\n" in text:
            continue
        if not set(text) <= SETTABLE:
            continue  # a character the font's encoding lacks would be lost
        found.append((folder, text))
    return found


DOCUMENTS = _prose_documents()


def test_most_of_the_corpus_text_is_prose_to_set_as_pdf():
    assert len(DOCUMENTS) >= 50


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_the_corpus_prose_set_as_a_pdf_reads_as_annotated(layout: Layout, tmp_path):
    wrong = []
    for folder, text in DOCUMENTS:
        case = tmp_path / folder.name
        case.mkdir()
        (case / "source.pdf").write_bytes(render(text, layout))
        (case / "gold.json").write_bytes((folder / "gold.json").read_bytes())
        score = score_folder(case, current_year=2026)
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} {score.wrong[:3]}")
    assert wrong == []

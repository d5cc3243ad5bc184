"""A plan copied from a web page reads as the plan: non-breaking spaces, an empty line after every line.

Each corpus document (all formats) and the seed is changed as a copy
changes it and must give the same tasks: clauses, units and roles, leaders, dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.copy_spacing import plain_spaces, spoken_lines
from policy_tasks.parsing.document import parse_source
from policy_tasks.parsing.sources import Source, Table, read_source

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def _tasks(parsed):
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [(m.due_date, m.kind) for m in t.milestones])
        for t in parsed.tasks
    ]


def _source(folder: Path) -> Source:
    path = next(p for p in folder.iterdir() if p.name.startswith("source."))
    return read_source(path.read_bytes(), path.name)


def _with_paragraphs(source: Source, change) -> Source:
    blocks: list[str | Table] = []
    for block in source.blocks:
        blocks.extend([block] if isinstance(block, Table) else change(block))
    return Source(source.kind, source.filename, blocks, list(source.page_headers))


@pytest.mark.parametrize("folder", DOCUMENTS, ids=lambda p: p.name)
def test_a_copy_with_non_breaking_spaces_or_double_spaced_reads_as_the_plan(folder):
    source = _source(folder)
    plain = _tasks(parse_source(source, assume_year=2026))
    nbsp = _with_paragraphs(source, lambda p: [p.replace(" ", "\xa0")])
    assert _tasks(parse_source(nbsp, assume_year=2026)) == plain
    double = _with_paragraphs(source, lambda p: [p, ""])
    assert _tasks(parse_source(double, assume_year=2026)) == plain


def test_the_double_spaced_seed_keeps_the_files_line_numbers():
    text = SEED.read_text(encoding="utf-8")
    double = "\n\n".join(text.splitlines())
    plain, spaced = parse_document(text), parse_document(double)
    assert _tasks(spaced) == _tasks(plain)
    lines = double.splitlines()
    for task in spaced.tasks:
        # The line a task reports is the line of the double-spaced file its clause starts on.
        assert lines[task.line - 1].strip().startswith(f"{task.number}.") or task.title[:6] in lines[task.line - 1]
    assert [t.line for t in spaced.tasks] == [2 * t.line - 1 for t in plain.tasks]
    assert [w.line for w in spaced.warnings if w.task] == [2 * w.line - 1 for w in plain.warnings if w.task]


def test_blank_lines_that_part_a_plan_are_kept():
    # A plan written line by line with a blank line between its parts: the blank lines stay.
    lines = ["一、总体要求", "", "1. 甲。", "2. 乙。", "3. 丙。", "", "二、保障措施", "1. 丁。", "2. 戊。"]
    assert spoken_lines(lines) == list(range(len(lines)))
    double = [line for text in lines if text for line in (text, "")]
    assert spoken_lines(double) == [i for i, line in enumerate(double) if line]


def test_every_unicode_space_but_the_ideographic_one_is_a_space():
    assert plain_spaces("区发改局\xa0区财政局\u2003区住建局\u202f") == "区发改局 区财政局 区住建局 "
    assert plain_spaces("\u3000\u3000一、总体要求") == "\u3000\u3000一、总体要求"

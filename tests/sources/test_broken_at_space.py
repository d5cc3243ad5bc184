"""A copy that kept the spaces a PDF extraction left between words breaks a line at one of them, which then opens
the next line (round 131's water plan, set at 42 characters or printed from the web): the line carries on its
paragraph, in a text copy and in a PDF.

No database."""

from __future__ import annotations

import pytest

from policy_tasks.parsing.document import parse_source
from policy_tasks.parsing.sources import read_source
from tests.sources.corpus_prose import CORPUS, hard_wrapped, read_text
from tests.sources.pdf_layouts import LAYOUTS, render

SPACED = read_text(CORPUS / "weizhi-xxqu-shuiwuran-fangan" / "source.txt")


def _units(data: bytes, name: str) -> list[tuple[str | None, list[str]]]:
    parsed = parse_source(read_source(data, name), assume_year=2026)
    return [(t.label, t.lead_units) for t in parsed.tasks]


def test_the_spaced_copy_broken_at_a_space_reads_its_clause():
    wrapped = hard_wrapped(SPACED, 84, indent=True)
    assert "\n " in wrapped  # a line opens with the space the break fell on
    assert _units(wrapped.encode(), "source.txt") == [("(一)", ["区卫生计生委"])]


@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if not layout.indent], ids=lambda layout: layout.name)
def test_the_spaced_copy_printed_unindented_reads_its_clause(layout):
    assert _units(render(SPACED, layout), "source.pdf") == [("(一)", ["区卫生计生委"])]

"""The page headers (页眉) of a Word file: kept apart from the body, for its 文号 only.

Some offices set the document number in the page header rather than under the red head
(`某政发〔2026〕3号` on every page, or beside a running title). The header is no part of the body:
its running title and page numbers (`第1页 共3页`) would read as the plan's own lines. Its lines are
handed over on their own (`Source.page_headers`), and the parser takes from them only a 文号, and
only when the body names none (`header.read_header`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wordml import HEADER_RELATIONSHIP, qn

if TYPE_CHECKING:
    from docx.document import Document

_P, _T = qn("w:p"), qn("w:t")


def page_header_lines(document: Document) -> list[str]:
    """The text of every page header's paragraphs (first page, odd and even pages, every section)."""
    lines: list[str] = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != HEADER_RELATIONSHIP:
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        for p in element.iter(_P):
            text = "".join(t.text or "" for t in p.iter(_T)).strip()
            if text and text not in lines:
                lines.append(text)
    return lines

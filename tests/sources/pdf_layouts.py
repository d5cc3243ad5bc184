"""Plain text set as a PDF the ways offices' PDFs are laid out, to read the corpus's text documents
as PDFs.

A PDF keeps only placed lines, so the reader rebuilds paragraphs from where lines end. How lines
end depends on the layout: a 公文 exported from Word or WPS (GB/T 9704: 16 pt, 28 characters a
line, justified, first lines indented two characters, page numbers `— N —`), or a web page
printed (smaller type, wider lines, ragged right, no indent). Both let closing punctuation hang
past the right margin rather than open a line, as Word's and WPS's Chinese layout does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tests.sources.builders import pdf_document
from tests.sources.corpus_prose import NO_LINE_START

_PAGE_HEIGHT = 842
_LEFT, _TOP, _TEXT_WIDTH = 79.4, 105.0, 442.0
# The reader's STSong-Light (not embedded, so the PDFs are small and quick to read): CIDs 1-95 are
# ASCII, set half an em wide as in any Chinese font; every other character is one em.
FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 /W [1 ["
    + b" ".join([b"500"] * 95)
    + b"]] /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)


@dataclass(frozen=True)
class Layout:
    name: str
    size: float  # points
    pitch: float  # line to line, points
    justify: bool
    indent: bool  # a paragraph's first line indented two characters

    @property
    def lines_per_page(self) -> int:
        return int(640 // self.pitch)

    def width(self, char: str) -> float:
        return self.size / 2 if " " <= char <= "~" else self.size


LAYOUTS = (
    Layout("gongwen", size=15.8, pitch=28.9, justify=True, indent=True),
    Layout("gongwen-ragged", size=15.8, pitch=28.9, justify=False, indent=True),
    Layout("web-print", size=10.5, pitch=16, justify=False, indent=False),
    Layout("small-justified", size=10.5, pitch=16, justify=True, indent=False),
)


@functools.cache
def settable() -> frozenset[str]:
    """Every character the reader gets back from the font's encoding (GB 18030's, less a few).
    A character the encoding has no CID for (`•` U+2022, `³`, `›`) is not set at all: the reader
    gets nothing back for it. Worked out when first asked for (~0.5 CPU-s), not when the module is
    imported: every xdist worker imports every test module to collect it, and only one runs the
    tests that ask."""
    from pdfminer.cmapdb import CMapDB

    cmap = CMapDB.get_cmap("UniGB-UTF16-H")

    def cids(char: str) -> list[int]:
        return list(cmap.decode(char.encode("utf-16-be")))

    return frozenset(
        chr(code)
        for code in range(0x20, 0xFFFF)
        if not 0xD800 <= code <= 0xDFFF and (found := cids(chr(code))) and 0 not in found
    ) | frozenset("\n\r")


def render(text: str, layout: Layout) -> bytes:
    """The text's non-blank lines as paragraphs; the first one, if it fits, centred as a title."""
    placed: list[tuple[float, float, str]] = []  # x, character spacing, line
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    for number, paragraph in enumerate(paragraphs):
        natural = sum(layout.width(c) for c in paragraph)
        if number == 0 and natural < _TEXT_WIDTH:
            placed.append((_LEFT + (_TEXT_WIDTH - natural) / 2, 0.0, paragraph))
            continue
        start = _LEFT + (2 * layout.size if layout.indent else 0)
        line, used = "", 0.0
        for char in paragraph:
            if line and used + layout.width(char) > _LEFT + _TEXT_WIDTH - start + 0.01 and char not in NO_LINE_START:
                # Justified: spread the characters to the margin; a hanging mark squeezes them a little.
                gap = max((_LEFT + _TEXT_WIDTH - start - used) / (len(line) - 1), -1.5) if layout.justify else 0.0
                placed.append((start, gap if len(line) > 1 else 0.0, line))
                start, line, used = _LEFT, "", 0.0
            line += char
            used += layout.width(char)
        placed.append((start, 0.0, line))
    pages = []
    for first in range(0, len(placed), layout.lines_per_page):
        ops = []
        for row, (x, gap, line) in enumerate(placed[first : first + layout.lines_per_page]):
            y = _PAGE_HEIGHT - _TOP - layout.size - row * layout.pitch
            ops.append(
                f"BT /F1 {layout.size} Tf {gap:.3f} Tc {x:.2f} {y:.2f} Td <{line.encode('utf-16-be').hex()}> Tj ET"
            )
        label = f"— {len(pages) + 1} —"
        ops.append(f"BT /F1 14 Tf 280 60 Td <{label.encode('utf-16-be').hex()}> Tj ET")
        pages.append(ops)
    return pdf_document(pages, font=FONT)

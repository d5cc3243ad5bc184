"""The shipped font cut down to one bulletin's characters, with TrueType outlines, for fpdf2.

The shipped font is CID-keyed CFF (Noto Sans CJK). fpdf2 embeds such a font with a
CMap stream of its own as /Encoding, which common readers (pypdf among them) do not
decode: the PDF would look right but copy and search as garbage. TrueType outlines take
fpdf2's standard path (Identity-H, a ToUnicode map) that every reader understands. The
curves are converted (cu2qu, within a thousandth of an em) for the few hundred characters
a bulletin uses, which takes a fraction of a second, so nothing extra is shipped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from io import BytesIO

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from policy_tasks.exports import pdf_font

MAX_ERR = 1.0  # font units (of 1000 an em): invisible at any print size


@functools.cache
def _sfnt() -> bytes:
    """The shipped font decompressed from woff2 once per process (~0.2 s)."""
    font = TTFont(pdf_font.FILE)
    font.flavor = None
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def truetype_subset(text: Iterable[str]) -> bytes:
    """A TrueType font (bytes) with the glyphs of these characters, plus space and .notdef."""
    return _subset(frozenset({ord(c) for part in text for c in part} | {0x20, 0x3000}))


@functools.lru_cache(maxsize=16)
def _subset(unicodes: frozenset[int]) -> bytes:
    """The same characters give the same font: a bulletin or notice drawn again (the same
    export asked twice, or each reader's copy of one) reuses it instead of cutting the whole
    font down again (~0.3 CPU-s)."""
    font = TTFont(BytesIO(_sfnt()))
    options = subset.Options(notdef_outline=True, recommended_glyphs=True, desubroutinize=True)
    options.layout_features = []  # a bulletin needs no substitutions; fpdf2 drops GSUB anyway
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=set(unicodes))
    subsetter.subset(font)
    _to_quadratic(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def _to_quadratic(font: TTFont) -> None:
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF winds outer contours counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):  # fmt: skip
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"

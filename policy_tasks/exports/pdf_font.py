"""The CJK font the bulletin PDF is set in, shipped with the project, and the check that it suffices.

The font (policy_tasks/static/fonts/, a subset of Noto Sans CJK SC under the SIL OFL made by
bin/subset-font) is embedded by fpdf2 (bulletin_pdf), and given to browsers by @font-face, so a
PDF looks the same whatever fonts the machine has. A character the subset lacks would be drawn
as an empty box: so every character is checked first, and a bulletin with one the font lacks is
refused with its name rather than printed with a hole in it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from policy_tasks.errors import ServiceError

FAMILY = "Duban Sans CJK SC"
STATIC_PATH = "fonts/DubanSansCJKsc-Regular.woff2"
FILE = Path(__file__).resolve().parents[1] / "static" / STATIC_PATH
SHOWN = 10  # characters named in the message; more are counted


class GlyphsMissing(ServiceError):
    """The PDF font lacks characters of the text: printing them would show boxes."""

    status = 422
    code = "missing_glyphs"


@functools.cache
def covered() -> frozenset[int]:
    """Code points the shipped font has, read once per process (decompressing it takes ~0.2 s)."""
    # fontTools (with brotli, for woff2) is pinned in requirements.txt; fpdf2 reads the font with it too.
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(FILE).getBestCmap())


def _needs_glyph(char: str) -> bool:
    # Spaces, line breaks and invisible format characters (zero-width space, BOM, joiners,
    # variation selectors) are laid out without a glyph of their own.
    if char.isspace():
        return False
    if unicodedata.category(char) in ("Cc", "Cf"):
        return False
    return not ("\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef")


class _Text(HTMLParser):
    """The text a page shows: every text node outside <style> and <script>, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def drawable(text: str) -> str:
    """The text as a PDF can draw it: whitespace the font lacks (a tab, a carriage return) as a
    space and invisible characters it lacks dropped, since drawing either would show the
    font's empty box; line breaks kept. What remains needs glyphs, and require_text checks those."""
    have = covered()
    out = []
    for char in text:
        if char == "\n" or ord(char) in have:
            out.append(char)
        elif char.isspace():
            out.append(" ")
        elif _needs_glyph(char):
            out.append(char)
    return "".join(out)


def shown_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.parts


def require_glyphs(html: str) -> None:
    """Raise GlyphsMissing naming each character of the page that the shipped font lacks."""
    require_text(shown_text(html))


def require_text(parts: Iterable[str], *, what: str = "通报") -> None:
    """Raise GlyphsMissing naming each character of these strings that the shipped font lacks."""
    have = covered()
    missing: dict[str, str] = {}  # character -> the text it was found in
    for part in parts:
        for char in part:
            if char not in missing and ord(char) not in have and _needs_glyph(char):
                missing[char] = " ".join(part.split())
    if not missing:
        return
    named = "；".join(
        f"“{char}”（U+{ord(char):04X}，见“{_around(context, char)}”）"
        for char, context in list(missing.items())[:SHOWN]
    )
    more = f"等 {len(missing)} 个字" if len(missing) > SHOWN else ""
    raise GlyphsMissing(
        f"{what}中有 PDF 字体不支持的字：{named}{more}。PDF 未生成，以免这些字印成方框；"
        "可先导出 Word 或网页版，并请管理员把这些字补入字体。"
    )


def _around(text: str, char: str, width: int = 12) -> str:
    at = text.index(char)
    start = max(0, at - width)
    return ("…" if start else "") + text[start : at + width + 1] + ("…" if at + width + 1 < len(text) else "")

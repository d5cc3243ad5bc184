"""Word's automatic numbering, written out: `一、` `（一）` `1.` `①` that Word draws but does not store.

Plans typed in Word often number their areas and clauses with a list style, and task tables
number their 序号 column the same way: the text holds no number at all. The outline reader needs
the numbers, so each numbered paragraph gets its label as Word would show it (counters per list,
deeper levels restarting when a higher one moves on, `lvlText` such as `（%1）`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..textutil import cn_numeral
from .wordml import qn

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
_ROMAN += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting"):
        return cn_numeral(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _val(element: BaseOxmlElement | None, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class Numbering:
    """Counters for the lists of one document, advanced paragraph by paragraph in document order."""

    def __init__(self, document: Document) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> (start, fmt, text)
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # styleId -> (numId, ilvl, basedOn)
        self._counters: dict[str, dict[int, int]] = {}
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            for abstract in numbering.iterchildren(qn("w:abstractNum")):
                levels = {}
                for lvl in abstract.iterchildren(qn("w:lvl")):
                    start = _val(lvl, "w:start")
                    levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                        int(start) if start and start.lstrip("-").isdigit() else 1,
                        _val(lvl, "w:numFmt") or "decimal",
                        _val(lvl, "w:lvlText") or "",
                    )
                self._levels[abstract.get(qn("w:abstractNumId"))] = levels
            for num in numbering.iterchildren(qn("w:num")):
                overrides = {}
                for override in num.iterchildren(qn("w:lvlOverride")):
                    start = _val(override, "w:startOverride")
                    if start and start.isdigit():
                        overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
                self._nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId") or "", overrides)
        styles = getattr(part, "_styles_part", None)
        for style in styles.element.iterchildren(qn("w:style")) if styles is not None else ():
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            self._styles[style.get(qn("w:styleId"))] = (
                _val(num_pr, "w:numId"),
                _val(num_pr, "w:ilvl"),
                _val(style, "w:basedOn"),
            )

    def _from_style(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def label(self, p: BaseOxmlElement) -> str:
        """The number Word shows before paragraph `p` (and advance its list), or ""."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")
        if num_id is None:
            style_num, style_ilvl = self._from_style(_val(ppr, "w:pStyle"))
            num_id, ilvl = style_num, ilvl or style_ilvl
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        abstract, overrides = self._nums[num_id]
        levels = self._levels.get(abstract, {})
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        if level not in levels:
            return ""
        # Lists that share a definition run on as one list, unless one restarts its numbers.
        counters = self._counters.setdefault(num_id if overrides else f"abstract:{abstract}", {})
        start = overrides.get(level, levels[level][0])
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = levels[level][2]
        for n in range(level, -1, -1):
            if f"%{n + 1}" in text and n in levels:
                value = counters.get(n, overrides.get(n, levels[n][0]))
                text = text.replace(f"%{n + 1}", format_number(value, levels[n][1]))
        if levels[level][1] == "bullet":
            return ""
        return text + " " if text.endswith((".", "．")) else text

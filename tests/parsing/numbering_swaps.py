"""The corpus's prose documents with their outline numbered in other styles Chinese offices use.

convention_swaps.clause_numbers writes the clause level's `1.` as `1、`, `(1)`, `1)`; these write
the other levels and the other styles: an area heading `一、` as `第一部分`, `第一章` or `Ⅰ、`; a
point `(一)` that is itself a clause as `一是`; a clause `1.` as `①`, as `第一条`, as a decimal path
`2.3` under its area (restarting per area, as technical plans and 任务分解 lists number), as a
serial `Ⅲ-1-①` carrying its place, or in full-width digits `１．`.

Each swap touches only the lines that open with the source style, and only where the gold's refs
say the level is the one rewritten: the score finds a clause by its first words (every gold clause
has `start`), its ref only as a fallback, so a renumbered clause is still found by its text."""

from __future__ import annotations

import re
from collections.abc import Callable

from policy_tasks.parsing.scoring import GoldClause
from policy_tasks.parsing.textutil import cn_numeral, cn_to_int

Swap = Callable[[str, list[GoldClause]], str]
_CN = "一二三四五六七八九十"
_INDENT = r"(?P<indent>[ \t\u3000]*)"
_AREA = re.compile(rf"^{_INDENT}(?P<n>[{_CN}]{{1,3}})、(?=\S)")
_POINT = re.compile(rf"^{_INDENT}[(（](?P<n>[{_CN}]{{1,3}})[)）][、.]?(?=\S)")
# A clause's `1.` at a line's start (`11.121人才梯队项目` too: at a line's start any `N.` is a number), but a file
# size a sharing site's preview writes above the document (`29.51KB`, round 121).
_CLAUSE = re.compile(rf"^{_INDENT}(?P<n>\d{{1,3}})[.．](?=[^.．\s])(?!\d+[KMG]B$)")
# A number inside a flattened paragraph: a document writing its clauses so is left as it is (only
# lines are rewritten, and half a list renumbered would be no office's style).
_INLINE = re.compile(r"[。;；)）][ \t\u3000]*\d{1,3}[.．、](?=[^\d.．\s])")
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


def _refs(gold: list[GoldClause]) -> list[str]:
    return [str(c.get("ref", "")) for c in gold]


def _arabic_clauses(gold: list[GoldClause]) -> bool:
    """Every clause of the gold is a `1.` item (its ref's last part arabic: `3`, `二.3`, `一.(二).4`)."""
    refs = [re.split(r"[.)）]", r)[-1] for r in _refs(gold)]
    return bool(refs) and all(re.fullmatch(r"\d+(-\d+)?", r) for r in refs)


def _lines(text: str, swap: Callable[[str], str | None]) -> str:
    """Each line through `swap` (None: kept), the line breaks kept as written."""
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        new = swap(body)
        out.append(line if new is None else new + line[len(body) :])
    return "".join(out)


def area_headings(form: str) -> Swap:
    """`一、总体要求` → `第一部分 总体要求`, `第一章 总体要求` (`form` `第{}部分` / `第{}章`) or `Ⅰ、总体要求`
    (`form` `Ⅰ、`), where the areas are headings over the clauses, none a clause of its own."""

    def heading(n: str, rest: str) -> str:
        if form == "Ⅰ、":
            return f"{_ROMAN[(cn_to_int(n) or 1) - 1]}、{rest}"
        return f"{form.format(n)} {rest}"

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        refs = _refs(gold)
        if not refs or any(re.fullmatch(rf"[{_CN}]+", r) for r in refs) or _FIELD_HEADING.search(text):
            return text
        areas = [cn_to_int(m["n"]) or 0 for line in text.splitlines() if (m := _AREA.match(line))]
        if not areas or (form == "Ⅰ、" and max(areas) > len(_ROMAN)):
            return text

        def swap(line: str) -> str | None:
            m = _AREA.match(line)
            return None if m is None else m["indent"] + heading(m["n"], line[m.end() :])

        return _lines(text, swap)

    return rewrite


# A record's numbered fields (`二、整改实施主体` `五、完成时限`, `record_headings`): no areas of a plan.
_FIELD_HEADING = re.compile(rf"(?m)^[ \t\u3000]*[{_CN}]{{1,2}}、[\u4e00-\u9fff]{{0,6}}(?:时限|主体|单位)\s*$")


def points_as_enumeration(text: str, gold: list[GoldClause]) -> str:
    """`(一)加强组织领导。…` → `一是加强组织领导。…`, where each such point is a clause of the gold
    (its ref ends in `(一)`): the genre's `一是…` `二是…`, a paragraph each."""
    refs = _refs(gold)
    if not refs or not all(re.search(rf"\([{_CN}]+\)$", r) for r in refs):
        return text
    if not any((m := _POINT.match(line)) and m["n"] == "二" for line in text.splitlines()):
        return text  # a lone `一是` is its paragraph's prose: an enumeration goes on to `二是`

    def swap(line: str) -> str | None:
        m = _POINT.match(line)
        return None if m is None else f"{m['indent']}{m['n']}是{line[m.end() :]}"

    return _lines(text, swap)


def clause_styles(style: str) -> Swap:
    """A clause's `1.` written `①` ("circled"), `第一条` ("article"), `１．` ("full-width"), as
    the decimal path of its area and place `2.3` ("decimal"), or as a serial `Ⅲ-1-①` of its area in
    Roman, its point and its place ("serial"; `Ⅲ-3` under an area with no points)."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        if not _arabic_clauses(gold) or _INLINE.search(text):
            return text
        lines = text.splitlines()
        numbers = [int(m["n"]) for line in lines if (m := _CLAUSE.match(line))]
        if not numbers or (style == "circled" and max(numbers) > 50):
            return text
        if style == "circled" and any(re.match(r"^[ \t\u3000]*[①-⑳㉑-㉟㊱-㊿]", line) for line in lines):
            return text  # `①` numbers another level here
        if style in ("decimal", "serial") and not _restarting(lines):
            return text
        areas = [cn_to_int(m["n"]) or 0 for line in lines if (m := _AREA.match(line))]
        if style == "serial" and max(areas) > len(_ROMAN):
            return text
        area, point = 0, 0

        def swap(line: str) -> str | None:
            nonlocal area, point
            if m := _AREA.match(line):
                area, point = cn_to_int(m["n"]) or 0, 0
                if style == "serial":  # the areas in the serials' numerals too: `Ⅲ、` over `Ⅲ-1`
                    return f"{m['indent']}{_ROMAN[area - 1]}、{line[m.end() :]}"
            elif m := _POINT.match(line):
                point = cn_to_int(m["n"]) or 0
            elif m := _CLAUSE.match(line):
                return m["indent"] + _number(style, int(m["n"]), area, point) + line[m.end() :]
            return None

        return _lines(text, swap)

    return rewrite


def _restarting(lines: list[str]) -> bool:
    """The clauses' numbers start at 1 under each area heading (and under each point where the
    areas have points), so that a path names a clause once: a plan numbering on across its areas
    writes no paths."""
    expected, seen_area = 1, False
    for line in lines:
        if _AREA.match(line) or _POINT.match(line):
            expected, seen_area = 1, seen_area or bool(_AREA.match(line))
        elif m := _CLAUSE.match(line):
            if not seen_area or int(m["n"]) != expected:
                return False
            expected += 1
    return seen_area


def _number(style: str, n: int, area: int, point: int) -> str:
    if style == "circled":
        return chr(0x2460 + n - 1) if n <= 20 else chr(0x3251 + n - 21) if n <= 35 else chr(0x32B1 + n - 36)
    if style == "article":
        return f"第{cn_numeral(n)}条 "
    if style == "full-width":
        return "".join(chr(0xFF10 + int(d)) for d in str(n)) + "．"
    if style == "decimal":
        return f"{area}.{point}.{n} " if point else f"{area}.{n} "
    circled = chr(0x2460 + n - 1) if n <= 20 else str(n)
    return f"{_ROMAN[area - 1]}-{point}-{circled} " if point else f"{_ROMAN[area - 1]}-{n} "

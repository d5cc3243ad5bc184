"""The corpus's prose documents rewritten into other conventions the genre writes the same thing in.

Each swap touches only the places a document writes the source form, and only where the gold says
the rewrite means the same: a responsibility bracket is restated only when its clause's annotation is
the bracket's first unit leading and the rest helping (the genre's reading of `责任单位:A、B、C`), so
the gold stays as it is. Every target form is one the corpus or docs/parsing.md holds from a real
document: `(牵头单位:A;配合单位:B、C)` (广州 2007), `(A牵头,B、C配合)` (银川都市圈 2019), `(A负责)`
(鄱阳湾 2017), `〔责任单位:…〕` (四川流通 2022), `[牵头单位:…]` (黄石 2021), `（牵头单位：…）` (广州 2012)."""

from __future__ import annotations

import re
from collections.abc import Callable

from policy_tasks.parsing.scoring import GoldClause, unit_key

_OPEN = "(（〔[【"
_CLOSE = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】"}
# A bracket opening with a responsibility label: 责任单位 / 牵头单位 / 配合单位 / 牵头领导 / 责任科室 …
_LABELLED = re.compile(r"[(（〔\[【](?=[\u4e00-\u9fff]{2,6}[:：])")
_PLAIN_BLOCKERS = ("等", "下同", "牵头", "配合", "负责", "分别", "职责", "以下", "不再", "。")


def _close(text: str, start: int) -> int:
    """Index of the character closing the bracket opened at `start` (-1 if none), round brackets
    of unit names (`各乡镇(街道)`) nested inside."""
    opener, depth = text[start], 0
    for i in range(start + 1, len(text)):
        char = text[i]
        if char == "\n":
            return -1
        if opener not in "(（" and char == _CLOSE[opener]:
            return i
        if char in "(（":
            depth += 1
        elif char in ")）":
            if depth == 0:
                return i if opener in "(（" else -1
            depth -= 1
    return -1


def _top_level_split(content: str, separators: str) -> list[str]:
    parts, depth, part = [], 0, ""
    for char in content:
        depth += char in "(（〈<"
        depth -= char in ")）〉>"
        if depth == 0 and char in separators:
            parts.append(part)
            part = ""
        else:
            part += char
    return [*parts, part]


def _labelled_brackets(text: str) -> list[tuple[int, int]]:
    """(open, close) of every bracket that opens with a label and a colon."""
    found = []
    for match in _LABELLED.finditer(text):
        end = _close(text, match.start())
        if end > 0:
            found.append((match.start(), end))
    return found


def _rewrite(text: str, swap: Callable[[str, str, str], str | None]) -> str:
    """`swap(opener, inside, closer)` gives a bracket's new text, or None to keep it."""
    out, last = [], 0
    for start, end in _labelled_brackets(text):
        new = swap(text[start], text[start + 1 : end], text[end])
        if new is not None:
            out += [text[last:start], new]
            last = end + 1
    return "".join([*out, text[last:]])


def _plain_units(inside: str, gold: list[GoldClause]) -> list[str] | None:
    """The units of `责任单位:A、B、C` when the annotation reads them as the genre does: A leads,
    B and C help. None where the list says more than names (a note, a deadline, a lead word)."""
    label, _, names = inside.partition(":") if ":" in inside else inside.partition("：")
    if label != "责任单位" or any(word in names for word in _PLAIN_BLOCKERS):
        return None
    units = [u.strip() for u in _top_level_split(names, "、,，") if u.strip()]
    if not units or any(re.search(r"\d|[;；:：]", u) for u in units):
        return None
    return units if _annotated_as(gold, units) else None


def _annotated_as(gold: list[GoldClause], units: list[str]) -> bool:
    """A clause of the gold has the first of `units` leading and the rest helping."""
    keys = [unit_key(u.strip()) for u in units]
    for clause in gold:
        lead = [unit_key(u) for u in clause.get("lead", [])]
        co = [unit_key(u) for u in clause.get("co", [])]
        if lead == keys[:1] and sorted(co) == sorted(keys[1:]):
            return True
    return False


def lead_and_co_labels(text: str, gold: list[GoldClause]) -> str:
    """`(责任单位:A、B、C)` → `(牵头单位:A;配合单位:B、C)`."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        units = _plain_units(inside, gold)
        if units is None:
            return None
        co = f";配合单位:{'、'.join(units[1:])}" if units[1:] else ""
        return f"{opener}牵头单位:{units[0]}{co}{closer}"

    return _rewrite(text, swap)


def lead_and_co_words(text: str, gold: list[GoldClause]) -> str:
    """`(责任单位:A、B、C)` → `(A牵头,B、C配合)`; `(责任单位:A)` → `(A负责)`."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        units = _plain_units(inside, gold)
        if units is None:
            return None
        if len(units) == 1:
            return f"{opener}{units[0]}负责{closer}"
        return f"{opener}{units[0]}牵头,{'、'.join(units[1:])}配合{closer}"

    return _rewrite(text, swap)


_LEAD_CO = re.compile(r"牵头单位[:：](?P<lead>[^;；,，:：]+)(?:[;；,，]配合单位[:：](?P<co>.+))?")


def one_list(text: str, gold: list[GoldClause]) -> str:
    """The other way: `(牵头单位:A;配合单位:B、C)` → `(责任单位:A、B、C)`, where one unit leads."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        m = _LEAD_CO.fullmatch(inside)
        if m is None or any(word in inside for word in _PLAIN_BLOCKERS[:2]):
            return None
        co = [u for u in _top_level_split(m["co"] or "", "、,，") if u.strip()]
        if not _annotated_as(gold, [m["lead"], *co]) or _top_level_split(m["lead"], "、") != [m["lead"]]:
            return None
        return f"{opener}责任单位:{'、'.join([m['lead'], *co])}{closer}"

    return _rewrite(text, swap)


_FIELD_LINE = re.compile(r"(?m)^(?P<indent>[ \t\u3000]*)(?P<field>责任单位[:：][^\n]*?)(?P<stop>。?)$")


def label_lines(text: str, gold: list[GoldClause]) -> str:
    """A label line `责任单位:A、B、C` → `牵头单位:A` and `配合单位:B、C` on lines of their own
    (the 永康 2008 and 立山 2023 layout)."""

    def swap(m: re.Match[str]) -> str:
        units = _plain_units(m["field"], gold)
        if units is None:
            return m.group(0)
        co = f"\n{m['indent']}配合单位:{'、'.join(units[1:])}{m['stop']}" if units[1:] else ""
        return f"{m['indent']}牵头单位:{units[0]}{m['stop']}{co}"

    return _FIELD_LINE.sub(swap, text)


def bracket_kind(opener: str) -> Callable[[str, list[GoldClause]], str]:
    """A labelled round bracket `(责任单位:…)` set in `〔…〕`, `【…】` or `[…]`."""

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        def swap(old: str, inside: str, closer: str) -> str | None:
            return f"{opener}{inside}{_CLOSE[opener]}" if old in "(（" else None

        return _rewrite(text, swap)

    return rewrite


_TO_FULL = str.maketrans("():;,", "（）：；，")
_TO_HALF = str.maketrans("（）：；，", "():;,")


def other_width(text: str, gold: list[GoldClause]) -> str:
    """A labelled round bracket in the other width, its label colons and separators with it:
    `(责任单位:A、B)` ↔ `（责任单位：A、B）` (names' own brackets kept as written)."""

    def swap(opener: str, inside: str, closer: str) -> str | None:
        if opener not in "(（":
            return None
        table = _TO_FULL if opener == "(" else _TO_HALF
        depth, out = 0, ""
        for char in inside:
            depth += char in "(（〈<"
            depth -= char in ")）〉>"
            out += char.translate(table) if depth == 0 and char not in "()（）" else char
        return opener.translate(table) + out + closer.translate(table)

    return _rewrite(text, swap)


# At a line's start any `N.` is a number (`11.121人才梯队项目` too), but a file size a sharing site's preview writes
# above the document (`29.51KB`, round 121); inside a flattened paragraph only one after a finished sentence and before
# a word (not `2.5亿元`).
_DOT_NUMBER = re.compile(r"(?m)(^[ \t\u3000]*|(?<=[。；;]))(\d{1,3})[.．](?=[^.．\s])(?!\d+[KMG]B$)")
_TARGET_STYLE = {"dun": r"\d{1,3}、", "paren": r"[(（]\d{1,3}[)）]", "closing": r"\d{1,3}[)）]"}
# An item's number run on right after a heading's closing bracket (`(一)第一阶段(2021年5月10日前)1.按照…`, a page
# stored as one line): `_DOT_NUMBER` cannot tell it from a figure after a bracket, so the rewrite would leave that
# item in the old style and the next in the new one, a list no office writes (round 95).
_AFTER_BRACKET_NUMBER = re.compile(r"[)）]\d{1,3}[.．](?=[\u4e00-\u9fff])")


def clause_numbers(target: str) -> Callable[[str, list[GoldClause]], str]:
    """Clauses numbered `1.` renumbered `1、`, `（1）`, `(1)`, `1)` or `1）` (GB/T 9704's `1.` level
    written as offices also write it), where the clause level is arabic and no line of the document
    already opens with the target style (it would then be another level's)."""
    style = {"（1）": "paren", "(1)": "paren", "1)": "closing", "1）": "closing"}.get(target, "dun")

    def rewrite(text: str, gold: list[GoldClause]) -> str:
        refs = [re.split(r"[.)）]", str(c.get("ref", "")))[-1] for c in gold]
        if not refs or not all(re.fullmatch(r"\d+(-\d+)?", r) for r in refs):
            return text
        if re.search(rf"(?m)^[ \t\u3000]*{_TARGET_STYLE[style]}", text) or _AFTER_BRACKET_NUMBER.search(text):
            return text

        def renumber(m: re.Match[str]) -> str:
            inline = m.start() > 0 and text[m.start() - 1] != "\n" and not m.group(1)
            if inline and text[m.end()].isdigit():
                return m.group(0)
            return m.group(1) + target.replace("1", m.group(2))

        return _DOT_NUMBER.sub(renumber, text)

    return rewrite

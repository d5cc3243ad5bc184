"""Small text helpers shared by the parser modules.

`normalise` maps characters one-to-one, so an offset found in the normalised
text is valid in the text as written. Every span the parser reports is sliced
from the original text; the normalised copy only makes the patterns simpler
(one set of punctuation instead of full-width and half-width variants).
"""

from __future__ import annotations

import functools
import re
from itertools import accumulate

_ONE_TO_ONE = {
    "（": "(",
    "）": ")",
    "：": ":",
    "，": ",",
    "；": ";",
    "．": ".",
    "％": "%",
    "〈": "<",
    "〉": ">",
    "《": "<",
    "》": ">",
    "＜": "<",
    "＞": ">",
    "【": "[",
    "】": "]",
    "［": "[",
    "］": "]",
    "－": "-",
    "～": "~",
    "／": "/",
    "＋": "+",
    "！": "!",
    "？": "?",
    "﹒": ".",
    "﹐": ",",
    "﹑": "、",
    "﹔": ";",
    "﹕": ":",
    "︰": ":",
    "\u3000": " ",
    "\xa0": " ",
    "\t": " ",
}
_ONE_TO_ONE.update({chr(0xFF10 + i): str(i) for i in range(10)})
_TABLE = str.maketrans(_ONE_TO_ONE)

_CN_DIGITS = {
    "〇": 0,
    "○": 0,  # a white circle typed for 〇 in a year written out (`二○一二年`)
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUMERALS = "〇零一二两三四五六七八九十"

# Quotes count as brackets so that a list inside “…” is not split.
_PAIRS = {"(": ")", "<": ">", "[": "]", "〔": "〕", "“": "”", "「": "」", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_RE = re.compile("[" + re.escape('"' + "".join(_PAIRS) + "".join(_CLOSERS)) + "]")


# Chinese characters as the readers' patterns write them, `[\u4e00-\u9fff]`. A pattern with that
# class takes a millisecond to compile (the compiler marks each of its 20,992 characters), and a
# process compiles a pattern on its first parse: the checks asked of every name use these instead.
def is_han(text: str) -> bool:
    """Every character of a non-empty text a Chinese one (`[\u4e00-\u9fff]+` as a fullmatch)."""
    return bool(text) and all("\u4e00" <= c <= "\u9fff" for c in text)


def has_han_run(text: str, n: int) -> bool:
    """`re.search(r"[\u4e00-\u9fff]{n}", text)`: n Chinese characters in a row."""
    run = 0
    for c in text:
        run = run + 1 if "\u4e00" <= c <= "\u9fff" else 0
        if run >= n:
            return True
    return False


def normalise(text: str) -> str:
    # The readers of one document normalise the same lines and clauses again and again (the
    # seed: 3,844 calls, 422 distinct texts); translating through a dict is per character.
    return _normalised(text) if len(text) <= _CACHED_UP_TO else text.translate(_TABLE)


_CACHED_UP_TO = 4096


@functools.lru_cache(maxsize=2048)
def _normalised(text: str) -> str:
    return text.translate(_TABLE)


def cn_to_int(s: str) -> int | None:
    """Read 3, 十, 十二, 二十一, 三十 or digit-by-digit years such as 二〇二四.

    A hand-written reader is enough here: months, days, quarters and years are
    all the genre needs, and it keeps the parser free of dependencies.
    """
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_DIGITS.get(head) if head else 1
        ones = _CN_DIGITS.get(tail) if tail else 0
        if tens is None or ones is None or "十" in tail:
            return None
        return tens * 10 + ones
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


def cn_numeral(n: int) -> str:
    """0–999 as the genre writes a heading's number and Word draws a `chineseCounting` list:
    三, 十, 十二, 二十一, 一百, 一百零五, 一百一十 (cn_to_int's inverse for 1–99); digits from 1000."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    if n < 1000:
        # Past a hundred the ten is counted (一百一十) and a missing ten is spoken (一百零五).
        hundreds, rest = divmod(n, 100)
        if not rest:
            return digits[hundreds] + "百"
        if rest < 10:
            return digits[hundreds] + "百零" + digits[rest]
        return digits[hundreds] + "百" + ("一" if rest < 20 else "") + cn_numeral(rest)
    return str(n)


def cn_number(s: str) -> int:
    """cn_to_int for a number a pattern promised: unreadable raises ValueError, which the
    time readers take (as they take a 2月30日) for an unreadable phrase."""
    value = cn_to_int(s)
    if value is None:
        raise ValueError(s)
    return value


def bracket_depths(text: str) -> list[int]:
    """Nesting depth of every character, counting only brackets that close.

    An unmatched opener is ignored rather than swallowing the rest of the
    text, which matters for sloppy real-world punctuation.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    # Only the brackets are visited, and the running sum is accumulate's: the milestone reader
    # asks for the depths of every sentence and every comma part of every clause.
    for m in _BRACKET_RE.finditer(text):
        i, ch = m.start(), m.group()
        if ch == '"':
            if stack and stack[-1][0] == '"':
                pairs.append((stack.pop()[1], i))
            else:
                stack.append((ch, i))
        elif ch in _PAIRS:
            stack.append((ch, i))
        else:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == _CLOSERS[ch]:
                    pairs.append((stack[k][1], i))
                    del stack[k:]
                    break
    if not pairs:
        return [0] * len(text)
    diff = [0] * (len(text) + 1)
    for start, end in pairs:
        diff[start + 1] += 1
        diff[end] -= 1
    return list(accumulate(diff[: len(text)]))


@functools.cache
def _separators(seps: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(seps)}]")


def split_top(text: str, seps: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of text[start:end] cut at separator characters outside brackets."""
    end = len(text) if end is None else end
    cuts = [m.start() for m in _separators(seps).finditer(text, start, end)]
    if cuts and _BRACKET_RE.search(text, start, end):
        depths = bracket_depths(text[start:end])
        cuts = [i for i in cuts if depths[i - start] == 0]
    spans, piece_start = [], start
    for i in cuts:
        spans.append((piece_start, i))
        piece_start = i + 1
    spans.append((piece_start, end))
    return spans


def strip_span(text: str, start: int, end: int, chars: str = " \n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# `到 2020 年底`, `(2020 年 3 月 20 日)`: text taken from a PDF keeps the spaces its layout put
# around the figures of a date; the date is one phrase. A list's next number after a date
# (`1.2021年8月 2.2021年12月`, a cell's dated steps a line each) opens a step of its own, no day.
# Spaced on both sides (`2023 年 12 月 31 日`), the figure's spaces go first: only then does the
# space after `年` follow a figure and its unit, and the year stays the date's.
_SPACED_UNIT_RE = re.compile(r"(?<=\d)[ \u3000]+(?=[年月日号])")
_SPACED_FIGURE_RE = re.compile(r"(?<=\d[年月])[ \u3000]+(?=\d(?!\d?[.、．]))")


def join_spaced_dates(line: str) -> str:
    return _SPACED_FIGURE_RE.sub("", _SPACED_UNIT_RE.sub("", line))

"""Regular expressions compiled when first used.

Every process that loads the parser pays for each pattern compiled at import: the web and
worker processes, and each `manage.py` call (`policy_tasks.checks` loads the parser). A pattern
with a class of Chinese characters (`[\u4e00-\u9fff]`, or a class of a few of them) takes
0.3-1.3 ms to compile, since `re` marks each character of the class in a Python loop.

A pattern that reads a layout or a wording few documents have (fewer than one corpus document
in twenty asks it anything) is written `lazy_compile(...)`: compiled on its first use, once per
process, so a process that never meets such a document never pays for it. The patterns nearly
every document needs stay compiled at import, where a process's first parse would otherwise pay
for them. Only a pattern's methods and attributes may be used (`P.search(…)`, `P.pattern`), never
the module-level functions (`re.search(P, …)`), which take a compiled pattern or a string.

A lazy pattern asked of many texts that its wording is rarely in (a heading's `属…职责范围`, a
clause's `…按职责分工负责`) is still compiled by the first parse that asks, though nothing matches:
23 such patterns were 16 ms of the seed's cold parse (docs/performance.md, session 31). Given
`needs`, words of which every match holds one, the pattern answers "no match" to a text without any
of them, uncompiled; `a|b & c` needs a or b, and c as well. tests/parsing/test_pattern_needs.py
holds each pattern's `needs` to its parsed form, so a change to the pattern that drops a needed
word fails there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast


class _LazyPattern:
    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read at import to build other patterns, without compiling this one
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        return compiled

    # The methods the readers call, spelled out: `__getattr__` costs a failed lookup and a bound method each call.
    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self._pattern()).search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self._pattern()).match(text, *args)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self._pattern()).fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return (self._compiled or self._pattern()).finditer(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)


class _NeedingPattern(_LazyPattern):
    """A lazy pattern that answers a text without its needed words as finding nothing in it."""

    __slots__ = ("needs",)

    def __init__(self, pattern: str, flags: int, needs: tuple[tuple[str, ...], ...]) -> None:
        super().__init__(pattern, flags)
        self.needs = needs

    def _may_match(self, text: str) -> bool:
        # Plain loops: asked millions of times over a corpus, the generator form was a tenth of the parse.
        for words in self.needs:
            for word in words:
                if word in text:
                    break
            else:
                return False
        return True

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self._pattern().search(text, *args) if self._may_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self._pattern().match(text, *args) if self._may_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self._pattern().fullmatch(text, *args) if self._may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self._pattern().finditer(text, *args) if self._may_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self._pattern().findall(text, *args) if self._may_match(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self._pattern().sub(repl, text, count) if self._may_match(text) else text

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        return self._pattern().subn(repl, text, count) if self._may_match(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self._pattern().split(text, maxsplit) if self._may_match(text) else [text]


def lazy_compile(pattern: str, flags: int = 0, *, needs: str = "") -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done on the pattern's first use; with `needs` (`"a|b & c"`),
    not done for a text that lacks a needed word (see the module docstring)."""
    if not needs:
        return cast(re.Pattern[str], _LazyPattern(pattern, flags))
    if flags & re.IGNORECASE:
        raise ValueError("needs are matched as written: not with IGNORECASE")
    groups = tuple(tuple(word.strip() for word in group.split("|")) for group in needs.split("&"))
    if not all(word for group in groups for word in group):
        raise ValueError(f"an empty needed word in {needs!r}")
    return cast(re.Pattern[str], _NeedingPattern(pattern, flags, groups))

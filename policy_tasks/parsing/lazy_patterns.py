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
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read at import to build other patterns, without compiling this one
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done on the pattern's first use."""
    return cast(re.Pattern[str], _LazyPattern(pattern, flags))

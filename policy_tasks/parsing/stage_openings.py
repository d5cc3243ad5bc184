"""Two forms of an item that charges units by opening with them (`role_sentences.opening_subject`).

- A stage's name closed by a colon is the item's title (`1、排查梳理阶段:城建办、农办等部门要…`,
  `(二)集中整治阶段(4月—6月):…`): the subject comes right after it, as after a title line or a
  title sentence.
- A list closed by `等部门` / `等单位` (`城建办、农办、派出所、消防站等部门要…`) says that its names
  are departments, so they read as units though none names its place: a township's or a
  bureau's own offices (办, 站, 所, 中心, 股, 科) are written without one in the body's own plan.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

# A short title ending in a colon, no sentence of its own before it; brackets (a stage's dates)
# may sit inside it.
_COLON_TITLE_RE = re.compile(r"[^。,;:!?\n]{2,24}:")
# `等部门`, `等单位`, `等有关部门`: the list is of units.
_CLOSED_BY_ETC_RE = lazy_compile(r"等(?:有关|相关)?(?:部门|单位)$")


def colon_title_end(norm: str) -> int | None:
    """Where the subject may start after a `…阶段:` title at the item's start, or None."""
    m = _COLON_TITLE_RE.match(norm)
    return m.end() if m else None


def closed_by_etc(names: str) -> bool:
    """The subject list ends in `等部门` / `等单位`: its names are units, place or none."""
    return bool(_CLOSED_BY_ETC_RE.search(names))

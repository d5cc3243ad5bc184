"""Where the unit names of a table row that a copy ran together end.

A row whose cell boundaries were lost (`run_together`: a row a line; `run_on_tables`: every row in
one run) still has its unit cell between the task's last `。` and what follows it: the next
column's text, or the next row's serial. Nothing marks the cell's end but the names themselves,
so it is read by how the genre writes them:

- a name ends as a body's name ends (`…局`, `…委`, `…政府`: `unit_names.organisation`); it is the
  shortest text from its start that does, lengthened while a few more characters still end one
  (`区委` → `区委办公室`, `市委` → `市委宣传部`);
- a second name in brackets stays with the name (`市委宣传部(市文明办)`, `区经信局<商务局>`), and so
  does a place's own (`各区(市)县政府`);
- a name holds no `。`, no separator, no figure (the next row's serial) and no `等`;
- names follow one another after `、` or `,`, and a list may close with `等部门` / `等有关单位`,
  which names none;
- a group named by its opening alone (`各县`, `各区县`) is a name only where the next row's serial
  closes the cell (`bare_groups`): where the next column's text follows instead, `各区要…` would
  read as a unit before it. Elsewhere a group counts by its name's end (`各街道`, `各区政府`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .org_ends import ORG_END_RE
from .unit_names import looks_like_units, organisation

_SEPARATORS = "、,"
# `等部门`, `等有关单位`: closes a list of names, and is no name.
_ETC_RE = lazy_compile(r"等(?:有关|相关)?(?:部门|单位)")
_NOT_IN_NAME_RE = lazy_compile(r"[、,。等\d]")
_SECOND_NAME_RE = lazy_compile(r"[(<][^()<>。]{1,12}[)>]")
_OPENS_RE = lazy_compile(r"[(<]")
# A bracket inside a name and what it holds (`(市文明办)`, `<商务局>`, a place's `(市)`).
_BRACKETED_RE = lazy_compile(r"\([^()]*\)|<[^<>]*>")
# How many characters past a name a longer one may still end (`区委` + `办公室`), and the longest
# name read.
_LONGER_WITHIN = 4
_LONGEST = 20


def unit_list_end(text: str, start: int, *, bare_groups: bool = False) -> int | None:
    """Where the list of unit names that `text` holds from `start` ends, or None when no name
    starts there."""
    end = unit_name_end(text, start, bare_groups=bare_groups)
    while end is not None:
        if m := _ETC_RE.match(text, end):
            end = m.end()
        after = text[end : end + 1]
        more = unit_name_end(text, end + 1, bare_groups=bare_groups) if after and after in _SEPARATORS else None
        if more is None:
            return end
        end = more
    return None


def unit_name_end(text: str, start: int, *, bare_groups: bool = False) -> int | None:
    """The end of the unit's name at `start`, its second name in brackets kept, or None."""
    best = None
    for e in range(start + 2, min(len(text), start + _LONGEST) + 1):
        name = text[start:e]
        if _NOT_IN_NAME_RE.search(name):
            break
        if is_unit_name(name, bare_groups=bare_groups):
            best = e
        elif best is not None and e - best > _LONGER_WITHIN and not _OPENS_RE.search(text[best:e]):
            break  # no longer name ends here, and no bracket is open
    if best is not None and (m := _SECOND_NAME_RE.match(text, best)):
        best = m.end()
    return best


def is_unit_name(name: str, *, bare_groups: bool = False) -> bool:
    """`name` is one unit's whole name, its brackets closed."""
    if name.count("(") != name.count(")") or name.count("<") != name.count(">"):
        return False
    # A second name in brackets (`市委宣传部(市文明办)`) or a place's own (`各区(市)县政府`) aside.
    base = _BRACKETED_RE.sub("", name)
    # `各街道` is a group by its name's end; `各街` is a group's opening only.
    if not bare_groups and base.startswith(("各", "相关")) and not ORG_END_RE.search(base):
        return False
    return organisation(base) and looks_like_units(name)

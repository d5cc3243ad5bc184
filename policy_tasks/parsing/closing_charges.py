"""An item that closes with its charge after a comma: `投入57万元用于…建设项目,由坛洛镇牵头实施。`.

A fund allocation or a project list often writes an item as one sentence: the money or the work first,
then, after a comma and closing the item, who carries it out (`,由X牵头实施`, `,由X负责实施`, `,由X负责`).
No bracket and no label: the last part is the item's assignment, as `(X牵头)` would be. X leads (`牵头`),
or is charged (`负责`: the first listed leads); the part is the item's, not a task's, so only the part
that ends the item is read, and only when all it names are units.

Not this: a charge inside the item, before more of its work (`…,由A负责实施,完成后移交…`), which ends
nothing; an adverb saying how (`由企业自行负责`); a group naming no one (`由各相关单位负责`); a part that is
the whole sentence (`由A牵头实施。` after the item's first sentence is `prose_assignments`' already).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .textutil import split_top, strip_span
from .unit_labels import LEAD, LISTED
from .unit_names import TRIM, VAGUE_RE, looks_like_units

_CLOSING_RE = lazy_compile(
    r"由(?P<names>[\u4e00-\u9fff()、]{2,40}?)"
    r"(?P<role>牵头(?:负责|组织实施|实施|落实)?|(?:具体)?负责(?:组织实施|实施|落实)?)$"
)
_HOW_RE = lazy_compile(r"自行|各自|自主|统一|全面|会同")


def closing_charge_parts(norm: str) -> list[tuple[str, int, int, int, int]]:
    """The charge closing `norm` (normalised item text) after a comma: [(role, names start, names end, part
    start, part end)], or empty."""
    start, end = strip_span(norm, 0, len(norm), TRIM)
    sentence = max(norm.rfind("。", start, end), norm.rfind(";", start, end), norm.rfind("\n", start, end)) + 1
    parts = split_top(norm, ",", sentence, end)
    if len(parts) < 2:
        return []
    s, e = strip_span(norm, *parts[-1], TRIM)
    m = _CLOSING_RE.match(norm, s, e)
    if m is None:
        return []
    names = m["names"]
    if _HOW_RE.search(names) or names.startswith(("各", "全")) or VAGUE_RE.search(names) or is_person(names):
        return []
    if not looks_like_units(names):
        return []
    role = LEAD if m["role"].startswith("牵头") else LISTED
    return [(role, m.start("names"), m.end("names"), s, e)]

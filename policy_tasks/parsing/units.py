"""Responsibility lines and unit names.

The genre writes who is responsible in many ways, all read here:
`(责任单位:A、B)` (the first listed leads), `(A牵头,B、C配合)`,
`(责任领导:某某;牵头单位:A、B;责任单位:C)`, field lines after the clause
(`牵头单位:A` / `配合单位:B` / `完成时限:2023年12月底`, several on one line as
in a table), and an area's `(由A、B牵头实施)`.

Names are kept as written here; `UnitBook` turns them into canonical units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .result import UnitRef
from .textutil import bracket_depths, normalise, split_top, strip_span

LEADER, LEAD, LISTED, CO, DUE = "leader", "lead", "listed", "co", "due"
_LABELS = {
    "责任领导": LEADER,
    "牵头领导": LEADER,
    "分管领导": LEADER,
    "联系领导": LEADER,
    "牵头单位": LEAD,
    "牵头部门": LEAD,
    "主办单位": LEAD,
    "主责单位": LEAD,
    "责任单位": LISTED,
    "责任部门": LISTED,
    "实施单位": LISTED,
    "配合单位": CO,
    "配合部门": CO,
    "协办单位": CO,
    "参与单位": CO,
    "协同单位": CO,
    "完成时限": DUE,
    "完成时间": DUE,
    "完成期限": DUE,
    "时间节点": DUE,
}
_LABEL_RE = re.compile("(" + "|".join(_LABELS) + r")\s*:")
_FREE_RE = re.compile(
    r"^(?:由)?(?P<names>.+?)(?P<role>牵头负责|牵头实施|牵头|负责实施|负责|配合实施|配合|协助|参与|协办)$"
)
_NAME_SEPS = "、,;/ \n"
_TRIM = " \n,;、.。:"


@dataclass
class Responsibility:
    """Who a clause names, as written, with the spans that say it."""

    leaders: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=lambda: {LEAD: [], LISTED: [], CO: []})
    spans: list[tuple[int, int]] = field(default_factory=list)
    # (field start, field end, value start, value end) of each 完成时限-like field.
    due_fields: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return any(self.roles.values())

    def lead_and_co(self) -> tuple[list[str], list[str]]:
        """Apply the genre's convention; names are still as written.

        With 牵头单位 present every listed unit is co-responsible; otherwise the
        first 责任单位 leads and the rest are co-responsible.
        """
        lead, listed, co = self.roles[LEAD], self.roles[LISTED], self.roles[CO]
        if lead:
            return list(lead), listed + co
        return listed[:1], listed[1:] + co


def read_responsibility(text: str) -> Responsibility:
    norm = normalise(text)
    found = Responsibility()
    for start, end in _paren_groups(norm):
        if _is_responsibility(norm, start, end):
            found.spans.append((start - 1, min(end + 1, len(text))))
            _read_fields(text, norm, start, end, found)
    # Outside parentheses a label runs to its line end: a field line after the
    # body, or several fields on one line as in a table.
    depths = bracket_depths(norm)
    for m in _LABEL_RE.finditer(norm):
        start = m.start()
        if depths[start] or any(s <= start < e for s, e in found.spans):
            continue
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        found.spans.append((start, end))
        _read_fields(text, norm, start, end, found)
    found.spans.sort()
    return found


def _paren_groups(norm: str) -> list[tuple[int, int]]:
    """Inner spans of top-level (…) groups; an unclosed one runs to its line end."""
    groups, stack = [], []
    for i, ch in enumerate(norm):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            if not stack:
                groups.append((start + 1, i))
    if stack:
        start = stack[0]
        end = norm.find("\n", start)
        groups.append((start + 1, len(norm) if end < 0 else end))
    return groups


def _is_responsibility(norm: str, start: int, end: int) -> bool:
    if _LABEL_RE.search(norm, start, end):
        return True
    # Unlabelled `(A牵头,B配合)` only closes a line: a parenthesis inside the
    # prose ending in 负责/参与 is far more often an aside than an assignment.
    line_end = norm.find("\n", end)
    if norm[end + 1 : len(norm) if line_end < 0 else line_end].strip(" 。.;,"):
        return False
    inner = norm[start:end]
    return any(_FREE_RE.match(inner[s:e].strip(_TRIM)) for s, e in split_top(inner, ",;"))


def _read_fields(text: str, norm: str, start: int, end: int, found: Responsibility) -> None:
    labels = list(_LABEL_RE.finditer(norm, start, end))
    free_end = labels[0].start() if labels else end
    for s, e in split_top(norm, ",;", start, free_end):
        s, e = strip_span(norm, s, e, _TRIM)
        m = _FREE_RE.match(norm[s:e])
        if m:
            role = LEAD if m["role"].startswith(("牵头", "负责")) else CO
            found.roles[role] += _names(text, norm, s + m.start("names"), s + m.end("names"))
    for i, m in enumerate(labels):
        value_end = labels[i + 1].start() if i + 1 < len(labels) else end
        role = _LABELS[m[1]]
        if role == DUE:
            vs, ve = strip_span(norm, m.end(), value_end, _TRIM)
            found.due_fields.append((m.start(), ve, vs, ve))
        elif role == LEADER:
            found.leaders += _names(text, norm, m.end(), value_end)
        else:
            found.roles[role] += _names(text, norm, m.end(), value_end)


def _names(text: str, norm: str, start: int, end: int) -> list[str]:
    names = []
    for s, e in split_top(norm, _NAME_SEPS, start, end):
        s, e = strip_span(norm, s, e, _TRIM)
        if s < e:
            names.append(text[s:e])
    return names


# --- unit names -------------------------------------------------------------

_TOWNSHIPS_RE = re.compile(r"各?乡镇[<(\[]?街道[>)\]]?")
_ALIAS_RE = re.compile(r"(?P<name>[^<(]+)[<(](?P<alias>[^<>()]+)[>)]")
_ETC_RE = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")
TOWNSHIPS = "各乡镇街道"


@dataclass(frozen=True)
class UnitForm:
    canonical: str
    aliases: tuple[str, ...]
    kind: str


def unit_form(written: str) -> UnitForm | None:
    """Canonical name, aliases and kind of one name as written.

    `区经信局<商务局>` is one bureau acting under two names: canonical 区经信局,
    aliases 商务局 and the written form. Every spelling of 各乡镇(街道) is the
    one group 各乡镇街道. A trailing 等/等部门 belongs to no name.
    """
    written = _ETC_RE.sub("", written.strip(_TRIM)).strip(_TRIM)
    if written.startswith("由"):
        written = written[1:]
    norm = normalise(written)
    if not norm or not re.search(r"\w", norm):
        return None
    aliases = []
    if _TOWNSHIPS_RE.fullmatch(norm):
        canonical = TOWNSHIPS
        aliases = [written]
    elif m := _ALIAS_RE.fullmatch(norm):
        canonical = written[: m.end("name")].strip()
        aliases = [written[m.start("alias") : m.end("alias")], written, f"{canonical}<{m['alias']}>"]
    else:
        canonical = written
    aliases = tuple(dict.fromkeys(a for a in aliases if a and a != canonical))
    return UnitForm(canonical, aliases, unit_kind(canonical))


def unit_kind(name: str) -> str:
    if name == TOWNSHIPS or name.endswith("成员单位") or name.startswith("各"):
        return "group"
    if name.endswith("公司"):
        return "company"
    return "department"


class UnitBook:
    """Every distinct unit of a document, in the order it is first named.

    Built from all names at once so that an alias learnt late (`商务局` seen
    alone before `区经信局<商务局>`) still resolves to the one unit.
    """

    def __init__(self, written_names: Iterable[str]):
        forms = [(w, unit_form(w)) for w in written_names]
        alias_of: dict[str, str] = {}
        for _, form in forms:
            if form:
                for alias in form.aliases:
                    alias_of.setdefault(alias, form.canonical)
        self._name_of: dict[str, str] = {}
        self._units: dict[str, UnitRef] = {}
        for written, form in forms:
            if form is None:
                continue
            name = alias_of.get(form.canonical, form.canonical)
            ref = self._units.setdefault(name, UnitRef(name, [], unit_kind(name)))
            for alias in (form.canonical, *form.aliases):
                if alias != name and alias not in ref.aliases:
                    ref.aliases.append(alias)
            self._name_of[written] = name

    def names(self, written: Iterable[str]) -> list[str]:
        """Canonical names for names as written, dropping empties and repeats."""
        return list(dict.fromkeys(self._name_of[w] for w in written if w in self._name_of))

    @property
    def units(self) -> list[UnitRef]:
        return list(self._units.values())

"""Who a clause names, as written, in what role, with the spans that say it (`Responsibility`).

`units` reads it from a clause's text; the line and heading readers build it for what they read
(`carried_units`, `duty_headings`, `list_owners`, `sole_addressees`); `lead_and_co` applies the
genre's convention of who leads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .unit_labels import CO, LEAD, LISTED
from .unit_names import LEAD_MARKS, starred


@dataclass
class Responsibility:
    """Who a clause names, as written, with the spans that say it."""

    leaders: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=lambda: {LEAD: [], LISTED: [], CO: []})
    spans: list[tuple[int, int]] = field(default_factory=list)
    # (field start, field end, value start, value end) of each 完成时限-like field.
    due_fields: list[tuple[int, int, int, int]] = field(default_factory=list)
    carries: bool = False  # `下同`: the same units govern the clauses that follow and name none
    # `三、儋州市政府` over the section's project lists: the heading names the unit of every item
    # below it, at any depth, so the clauses are its lowest items.
    whole_section: bool = False
    # `以下均需县(市、区)政府落实,不再列出`: units added to every clause that follows.
    adds: list[str] = field(default_factory=list)
    origin: str = ""  # where the units were read: 括号 | 标注行 | 无标注括号

    @classmethod
    def first_leading(cls, names: list[str], origin: str) -> Responsibility:
        """`names` in the order written, the first leading and the others helping (a sentence's subjects in turn)."""
        found = cls(origin=origin)
        found.roles[LISTED] = names[:1]
        found.roles[CO] = names[1:]
        return found

    @property
    def found(self) -> bool:
        return any(self.roles.values())

    @property
    def assigns(self) -> bool:
        """Units named, or persons in a labelled field only (`(牵头责任人:A,具体责任人:B)`): an
        item assigned to persons is assigned as one assigned to units is."""
        return self.found or bool(self.leaders and self.origin in ("括号", "标注行"))

    def lead_and_co(self) -> tuple[list[str], list[str]]:
        """Apply the genre's convention; names are still as written.

        With 牵头单位 present every listed unit is co-responsible; otherwise the
        first 责任单位 leads and the rest are co-responsible.
        """
        lead, listed, co = self.roles[LEAD], self.roles[LISTED], self.roles[CO]
        marked = starred(lead + listed)
        if marked is not None:
            return marked[0], marked[1] + [n.lstrip(LEAD_MARKS) for n in co]
        if lead:
            return list(lead), listed + co
        return listed[:1], listed[1:] + co

    def copy(self) -> Responsibility:
        return Responsibility(
            leaders=list(self.leaders),
            roles={k: list(v) for k, v in self.roles.items()},
            spans=list(self.spans),
            due_fields=list(self.due_fields),
            carries=self.carries,
            whole_section=self.whole_section,
            adds=list(self.adds),
            origin=self.origin,
        )

    def without_due(self) -> Responsibility:
        """The units and leaders only: what `下同` carries to a later clause."""
        return Responsibility(list(self.leaders), {k: list(v) for k, v in self.roles.items()}, origin=self.origin)

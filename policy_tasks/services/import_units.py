"""Which unit each unit a document writes becomes: the import's one unit rule.

`choose_units` is a pure function over what `known_units` read: the import
(services/import_writes.py) creates the units and aliases it chooses, and the preview
(selectors/imports.py) shows them, so the two cannot disagree.

In the document's order, for each unit with every name it is written under:
1. a name the admin mapped (unit_mapping) wins;
2. else the first name that is a known unit name or alias, including a unit or alias this
   import adds for an earlier unit of the same document;
3. else the unit is new, under its first name.
Then every written name that resolves to nothing becomes an alias of the chosen unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from accounts.models import Unit, UnitAlias
from accounts.names import normalise_unit_name
from policy_tasks.parsing import ParsedDocument, UnitRef


@dataclass
class KnownUnits:
    """The existing units by normalised name and by normalised alias."""

    by_name: dict[str, Unit]
    by_alias: dict[str, Unit]


@dataclass
class UnitChoice:
    """One unit as the document writes it, and what the import makes of it."""

    name: str
    aliases: list[str]
    kind: str
    unit: Unit | None = None  # the existing unit it resolves to
    mapped: bool = False  # the admin chose `unit` through unit_mapping
    same_as: str | None = None  # another unit of this document that the import creates first
    new_aliases: list[str] = field(default_factory=list)  # written names recorded as aliases

    @property
    def is_new(self) -> bool:
        return self.unit is None and self.same_as is None

    @property
    def target_name(self) -> str:
        if self.unit is not None:
            return self.unit.name
        return self.same_as or self.name


def known_units(parsed: ParsedDocument) -> KnownUnits:
    """Every unit and alias any written name of the document may resolve to, in two queries."""
    keys = {normalise_unit_name(n) for ref in parsed.units for n in (ref.name, *ref.aliases)}
    by_name = {u.normalised_name: u for u in Unit.objects.filter(normalised_name__in=keys)}
    aliases = UnitAlias.objects.filter(normalised_alias__in=keys).select_related("unit")
    return KnownUnits(by_name=by_name, by_alias={a.normalised_alias: a.unit for a in aliases})


def choose_units(refs: Iterable[UnitRef], mapping: dict[str, Unit], known: KnownUnits) -> list[UnitChoice]:
    """The choice for each of `refs`, in their order (see the module's rule). Reads nothing."""
    # A str stands for a unit this import creates, by its name.
    by_name: dict[str, Unit | str] = dict(known.by_name)
    by_alias: dict[str, Unit | str] = dict(known.by_alias)

    def resolve(name: str) -> Unit | str | None:
        key = normalise_unit_name(name)
        found = by_name.get(key)
        return found if found is not None else by_alias.get(key)

    choices = []
    for ref in refs:
        written = [ref.name, *ref.aliases]
        choice = UnitChoice(name=ref.name, aliases=list(ref.aliases), kind=ref.kind)
        target: Unit | str | None = next((mapping[n] for n in written if n in mapping), None)
        choice.mapped = target is not None
        if target is None:
            target = next((t for n in written if (t := resolve(n)) is not None), None)
        if target is None:
            target = ref.name
            by_name[normalise_unit_name(ref.name)] = target
        elif isinstance(target, str):
            choice.same_as = target
        else:
            choice.unit = target
        for name in written:
            if resolve(name) is None:
                by_alias[normalise_unit_name(name)] = target
                choice.new_aliases.append(name)
        choices.append(choice)
    return choices

"""What the parser hands back: plain dataclasses with a JSON-ready `to_dict`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class ParseError(ValueError):
    """The text cannot be read as a policy document at all.

    The message is one line, Chinese then English, so that it can be shown to
    an administrator as is.
    """


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class UnitRef:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "department"  # department | group | company

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "aliases": list(self.aliases), "kind": self.kind}


@dataclass
class ParsedMilestone:
    text: str
    start: int
    end: int
    due_date: date | None
    kind: str  # deadline | target | ongoing | relative
    time_expression: str | None = None
    target_value: float | None = None
    target_unit: str | None = None
    # A recurring obligation (`每月10日前`, `每季度`): "monthly" | "quarterly" | … and its dates in the year.
    recurrence: str | None = None
    occurrences: list[date] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "due_date": _iso(self.due_date),
            "kind": self.kind,
            "time_expression": self.time_expression,
            "target_value": self.target_value,
            "target_unit": self.target_unit,
            "recurrence": self.recurrence,
            "occurrences": [d.isoformat() for d in self.occurrences],
        }


@dataclass
class ParseWarning:
    task: int | None
    line: int
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"task": self.task, "line": self.line, "message": self.message}


@dataclass
class ParsedArea:
    number: int
    title: str
    lead_units: list[str]
    intro: str
    milestones: list[ParsedMilestone]
    line: int

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "title": self.title,
            "lead_units": list(self.lead_units),
            "intro": self.intro,
            "line": self.line,
            "milestones": [m.to_dict() for m in self.milestones],
        }


@dataclass
class ParsedTask:
    number: int
    title: str
    area: int | None
    lead_units: list[str]
    co_units: list[str]
    leaders: list[str]
    text: str
    milestones: list[ParsedMilestone]
    line: int
    # The clause's reference as people write it (`12`, `二.3`, `(三)2`): unique in the document.
    label: str = ""
    # Where the units were read from, for the review page (`括号`, `牵头单位栏`, `下同: 第3条` …).
    unit_origin: str = ""
    corrected: bool = False  # a reviewer changed its units or milestones before the import

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "label": self.label or str(self.number),
            "unit_origin": self.unit_origin,
            "title": self.title,
            "area": self.area,
            "lead_units": list(self.lead_units),
            "co_units": list(self.co_units),
            "leaders": list(self.leaders),
            "text": self.text,
            "line": self.line,
            "milestones": [m.to_dict() for m in self.milestones],
        }


@dataclass
class ParsedDocument:
    title: str
    doc_number: str
    issued_on: date | None
    year: int
    units: list[UnitRef]
    areas: list[ParsedArea]
    tasks: list[ParsedTask]
    warnings: list[ParseWarning]
    default_due: date | None
    source_kind: str = "text"
    source_text: str = ""
    year_assumed: bool = False  # no year in the document: taken from --year or the import date

    def to_dict(self) -> dict[str, object]:
        return {
            "document": {
                "title": self.title,
                "doc_number": self.doc_number,
                "issued_on": _iso(self.issued_on),
                "year": self.year,
                "default_due": _iso(self.default_due),
                "source_kind": self.source_kind,
                "year_assumed": self.year_assumed,
            },
            "units": [u.to_dict() for u in self.units],
            "areas": [a.to_dict() for a in self.areas],
            "tasks": [t.to_dict() for t in self.tasks],
            "warnings": [w.to_dict() for w in self.warnings],
        }

"""Corrections a reviewer made on the import review page, applied to a parsed document.

Pure: a ParsedDocument and a JSON-ready dict in, a corrected ParsedDocument out. The dict is
stored with the imported version so that what was corrected is never lost. Its shape:

    {
      "clauses": {
        "<clause key>": {                       # clause_key(task): its label, else its number
          "lead_units": ["区水利局"],             # replaces the lead units (names as written)
          "co_units": ["区发改局"],               # replaces the co-responsible units
          "drop_milestones": ["<milestone text>"],
          "milestone_dates": {"<milestone text>": "2023-09-30"},
          "add_milestones": [{"text": "…", "due_date": "2023-11-30"}],
        },
      },
      "unit_mapping": {"<name as written>": "<existing unit's name>"},
    }

Every part is optional. Milestones are named by their text, not their position: the text is
what the import matches milestones on, and it survives a parser that finds one more or one
fewer milestone in a clause. `unit_mapping` is only a record: units live in the database, so
the import applies the mapping itself (`unit_mapping=`) and this module checks its shape.

A correction that does not fit the document (an unknown clause or milestone, a bad date, a
clause left without a lead unit) raises ParseError with a message the reviewer can act on.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TypedDict, cast

from .result import ParsedDocument, ParsedMilestone, ParsedTask, ParseError, UnitRef
from .unit_names import unit_form


class AddedMilestone(TypedDict):
    text: str
    due_date: str


class ClauseChange(TypedDict, total=False):
    lead_units: list[str]
    co_units: list[str]
    drop_milestones: list[str]
    milestone_dates: dict[str, str]
    add_milestones: list[AddedMilestone]


class Corrections(TypedDict, total=False):
    """The shape above, once apply_corrections has accepted it."""

    clauses: dict[str, ClauseChange]
    unit_mapping: dict[str, str]


CLAUSE_FIELDS = ("lead_units", "co_units", "drop_milestones", "milestone_dates", "add_milestones")
# A date a plan of the genre can carry: the parser reads nothing outside this either.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
_COMMAS = re.compile(r"[,，;；\n]+")


def clause_key(task: ParsedTask) -> str:
    """How a correction names its clause: the label people write (unique in a document), else the number."""
    return task.label or str(task.number)


def clause_name(task: ParsedTask) -> str:
    return name_of_clause(clause_key(task))


def name_of_clause(key: str) -> str:
    """`第12条`, `第二.3条`: how messages and pages name a clause (as Task.ref is shown)."""
    return f"第{key}条"


def apply_corrections(parsed: ParsedDocument, corrections: Mapping[str, object] | None) -> ParsedDocument:
    """A corrected copy of `parsed`; `parsed` itself is never changed."""
    if not corrections:
        return parsed
    if not isinstance(corrections, dict):
        raise ParseError("修改内容格式不正确 (corrections must be an object)")
    unknown = set(corrections) - {"clauses", "unit_mapping"}
    if unknown:
        raise ParseError(f"无法识别的修改项:{'、'.join(sorted(unknown))} (unknown correction keys)")
    _check_mapping(corrections.get("unit_mapping") or {})
    clauses = corrections.get("clauses") or {}
    if not isinstance(clauses, dict):
        raise ParseError("条款修改格式不正确 (clauses must be an object)")
    if not clauses:
        return parsed
    doc = copy.deepcopy(parsed)
    by_key: dict[str, list[ParsedTask]] = {}
    for task in doc.tasks:
        by_key.setdefault(clause_key(task), []).append(task)
    referenced_before = _referenced(doc)
    book = _UnitLookup(doc.units)
    for key, change in clauses.items():
        found = by_key.get(str(key), [])
        if not found:
            raise ParseError(f"找不到条款“{key}”,请重新预览后再修改 (unknown clause {key})")
        if len(found) > 1:
            raise ParseError(f"条款“{key}”在文件中出现不止一次,无法确定修改哪一条 (ambiguous clause {key})")
        if not isinstance(change, dict) or set(change) - set(CLAUSE_FIELDS):
            raise ParseError(f"{clause_name(found[0])}的修改格式不正确 (bad clause correction)")
        _apply_units(found[0], change, book)
        _apply_milestones(found[0], change, doc.year)
        found[0].corrected = True
    # A name the reviewer took off every clause must not become a new unit on import.
    gone = referenced_before - _referenced(doc)
    doc.units = [ref for ref in book.units if ref.name not in gone]
    return doc


def _check_mapping(mapping: object) -> None:
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in mapping.items()
    ):
        raise ParseError("单位对应关系格式不正确 (unit_mapping must map names to names)")


def _referenced(doc: ParsedDocument) -> set[str]:
    names = {n for t in doc.tasks for n in (*t.lead_units, *t.co_units)}
    return names | {n for a in doc.areas for n in a.lead_units}


class _UnitLookup:
    """The document's units by every written name, growing as the reviewer names new ones."""

    def __init__(self, units: list[UnitRef]):
        self.units = list(units)
        self._by_name: dict[str, str] = {}
        for ref in self.units:
            self._learn(ref)

    def _learn(self, ref: UnitRef) -> None:
        for name in (ref.name, *ref.aliases):
            self._by_name.setdefault(name, ref.name)

    def canonical(self, written: str, where: str) -> str:
        if not isinstance(written, str):
            raise ParseError(f"{where}的单位名称格式不正确 (unit names must be text)")
        written = written.strip()
        if written in self._by_name:
            return self._by_name[written]
        form = unit_form(written)
        if form is None:
            raise ParseError(f"{where}的单位名称“{written}”无法识别 (unreadable unit name)")
        for name in (form.canonical, *form.aliases):
            if name in self._by_name:
                return self._by_name[name]
        ref = UnitRef(form.canonical, list(form.aliases), form.kind)
        self.units.append(ref)
        self._learn(ref)
        return ref.name


def _names(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ParseError(f"{where}的单位须为名称列表 (unit list expected)")
    return [n for n in value if not isinstance(n, str) or n.strip()]


def _apply_units(task: ParsedTask, change: dict[str, object], book: _UnitLookup) -> None:
    where = clause_name(task)
    if "lead_units" in change:
        lead = [book.canonical(n, where) for n in _names(change["lead_units"], where)]
        if not lead:
            raise ParseError(f"{where}的牵头单位不能为空 (a clause needs a lead unit)")
        task.lead_units = list(dict.fromkeys(lead))
    if "co_units" in change:
        co = [book.canonical(n, where) for n in _names(change["co_units"], where)]
        task.co_units = list(dict.fromkeys(co))
    if "lead_units" in change or "co_units" in change:
        # A unit leads or helps, not both: the import would count it once, as lead.
        task.co_units = [n for n in task.co_units if n not in task.lead_units]
        # Where the parser read them stays visible: the reviewer may want to undo.
        task.unit_origin = f"人工修改(原为{task.unit_origin})" if task.unit_origin else "人工修改"


def _date(value: object, where: str) -> date:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ParseError(f"{where}须填写完成时限 (a date is required)")
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= LATEST:
        raise ParseError(f"{where}的完成时限“{value}”不是有效日期,请按“年-月-日”填写 (bad date)")
    return day


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise ParseError(f"{where}的里程碑须按原文列出 (milestone texts expected)")
    return value


def _apply_milestones(task: ParsedTask, change: dict[str, object], year: int) -> None:
    where = clause_name(task)
    by_text = {m.text: m for m in task.milestones}
    dropped = set(_texts(change.get("drop_milestones", []), where))
    dates = change.get("milestone_dates", {})
    if not isinstance(dates, dict):
        raise ParseError(f"{where}的里程碑日期格式不正确 (milestone_dates must be an object)")
    for text in [*dropped, *dates]:
        if text not in by_text:
            raise ParseError(f"{where}没有里程碑“{text}”,请重新预览后再修改 (unknown milestone)")
    for text, value in dates.items():
        if text in dropped:
            continue  # dropping wins: the date of a milestone that will not exist does not matter
        milestone = by_text[text]
        label = f"{where}里程碑“{_short(text)}”"
        if milestone.recurrence:
            raise ParseError(
                f"{label}是周期性要求,不能改为单一日期;如需改为一次性时限,请删除后另行添加 (recurring milestone)"
            )
        milestone.due_date = _date(value, label)
        if milestone.kind == "ongoing":
            milestone.kind = "deadline"  # 持续推进 given a date by the reviewer is now due on it
    task.milestones = [m for m in task.milestones if m.text not in dropped]
    added = change.get("add_milestones", [])
    if not isinstance(added, list):
        raise ParseError(f"{where}新增的里程碑格式不正确 (add_milestones must be a list)")
    for item in added:
        text = item.get("text", "") if isinstance(item, dict) else ""
        text = text.strip() if isinstance(text, str) else ""
        if not text:
            raise ParseError(f"{where}新增的里程碑须填写内容 (a new milestone needs a text)")
        label = f"{where}新增里程碑“{_short(text)}”"
        if any(m.text == text for m in task.milestones):
            # The import tells milestones apart by their words; two alike would be one.
            raise ParseError(f"{label}与已有里程碑表述相同 (duplicate milestone)")
        due = _date(item.get("due_date"), label)
        task.milestones.append(
            ParsedMilestone(text=text, start=0, end=0, due_date=due, kind="deadline", time_expression=None)
        )


def _short(text: str) -> str:
    return text if len(text) <= 16 else text[:15] + "…"


# The review page's side: from what the form says back to the smallest correction.


def split_unit_names(written: str, known: Iterable[str] = ()) -> list[str]:
    """Unit names from one text input. Commas (or semicolons, new lines) separate names when
    there are any; otherwise `、` does, except inside a name the document already knows, so
    that a group such as `各县、市、区人民政府` stays one addressee."""
    written = (written or "").strip()
    if not written:
        return []
    if _COMMAS.search(written):
        return [n.strip() for n in _COMMAS.split(written) if n.strip()]
    known_set = {n for n in known if n}
    parts = [p.strip() for p in written.split("、")]
    names, i = [], 0
    while i < len(parts):
        # The longest run of parts that together is a known name, else the part alone.
        for j in range(len(parts), i, -1):
            joined = "、".join(parts[i:j])
            if j == i + 1 or joined in known_set:
                if joined:
                    names.append(joined)
                i = j
                break
    return names


def join_unit_names(names: list[str]) -> str:
    """The inverse of split_unit_names, for prefilling the input."""
    return ("，" if any("、" in n for n in names) else "、").join(names)


def clause_correction(
    task: ParsedTask,
    *,
    lead_units: list[str],
    co_units: list[str],
    dates: dict[str, str] | None = None,
    dropped: Iterable[str] = (),
    added: Iterable[Mapping[str, str]] = (),
) -> dict[str, object]:
    """The correction for one clause, as parsed (before any correction), given what the
    reviewer's form says; empty when the form says what the parser said."""
    change: dict[str, object] = {}
    co_before = [n for n in task.co_units if n not in task.lead_units]
    if lead_units != task.lead_units:
        change["lead_units"] = list(lead_units)
    if co_units != co_before:
        change["co_units"] = list(co_units)
    dropped = set(dropped)
    drops = [m.text for m in task.milestones if m.text in dropped]
    if drops:
        change["drop_milestones"] = drops
    moved: dict[str, str] = {}
    for m in task.milestones:
        value = (dates or {}).get(m.text, "").strip()
        # An empty date input keeps what the parser read.
        if value and m.text not in drops and value != (m.due_date.isoformat() if m.due_date else ""):
            moved[m.text] = value
    if moved:
        change["milestone_dates"] = moved
    new = [{"text": a["text"].strip(), "due_date": (a.get("due_date") or "").strip()} for a in added]
    if new:
        change["add_milestones"] = new
    return change


def describe_corrections(corrections: Mapping[str, object] | None, parsed: ParsedDocument | None = None) -> list[str]:
    """One Chinese line per corrected clause, for the review page and the success message."""
    if not corrections:
        return []
    # Only corrections apply_corrections accepted are recorded or shown, so the shape holds.
    accepted = cast(Corrections, corrections)
    names = {clause_key(t): clause_name(t) for t in parsed.tasks} if parsed else {}
    lines = []
    for key, change in (accepted.get("clauses") or {}).items():
        parts = []
        if "lead_units" in change:
            parts.append(f"牵头单位改为{'、'.join(change['lead_units'])}")
        if "co_units" in change:
            parts.append(f"配合单位改为{'、'.join(change['co_units']) or '无'}")
        if change.get("drop_milestones"):
            parts.append(f"删除里程碑 {len(change['drop_milestones'])} 个")
        if change.get("milestone_dates"):
            parts.append(f"修改时限 {len(change['milestone_dates'])} 处")
        if change.get("add_milestones"):
            parts.append(f"新增里程碑 {len(change['add_milestones'])} 个")
        if parts:
            name = names.get(key) or name_of_clause(key)
            lines.append(f"{name}:{','.join(parts)}")
    mapping = accepted.get("unit_mapping") or {}
    if mapping:
        lines.append("单位对应:" + ";".join(f"{k} → {v}" for k, v in mapping.items()))
    return lines

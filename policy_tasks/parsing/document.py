"""From text to a ParsedDocument: lines into header, areas and clauses.

Structure is read line by line. An area is `一、标题(由…牵头实施)`; a clause is
`1. `, `1．`, `1.` or `1、` followed by its text, numbered across the whole
document. Only when a document has none of those are `(1)` lines taken as
clauses, because most documents use `(1)` for items inside a clause.

A clause owns the lines that follow it only while they can still belong to
it: responsibility field lines (`牵头单位:…`, `完成时限:…`, blank lines
allowed between), or — until its responsibility has been read — a wrapped
line with no blank line before it. Closing paragraphs after a finished clause
therefore never become part of it, nor clauses of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .header import Line, default_due, document_year, read_header
from .milestones import due_field_milestone, find_milestones
from .result import ParsedArea, ParsedDocument, ParsedTask, ParseError, ParseWarning
from .sources import Source, Table, read_source
from .tables import table_lines
from .textutil import cn_to_int, normalise
from .units import UnitBook, read_responsibility

_AREA_RE = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*(?P<rest>\S.*)$")
_CLAUSE_RE = re.compile(r"^(?P<n>\d{1,3})\s*(?:\.(?!\d)|、)\s*(?P<rest>\S.*)$")
_PAREN_CLAUSE_RE = re.compile(r"^\((?P<n>\d{1,3})\)\s*(?P<rest>\S.*)$")
_TITLE_MAX = 60


@dataclass
class _Lines:
    """Source lines joined by "\n", remembering where each came from."""

    line: int
    pieces: list[tuple[int, int, str]] = field(default_factory=list)  # (line, offset, text)

    @property
    def text(self) -> str:
        return "\n".join(text for _, _, text in self.pieces)

    def add(self, line: int, text: str) -> None:
        offset = self.pieces[-1][1] + len(self.pieces[-1][2]) + 1 if self.pieces else 0
        self.pieces.append((line, offset, text))

    def line_at(self, offset: int) -> int:
        return max((line for line, start, _ in self.pieces if start <= offset), default=self.line)


@dataclass
class _Clause(_Lines):
    number: int = 0
    area: int | None = None
    closed: bool = False  # its responsibility has been read: no more wrapped lines

    def add(self, line: int, text: str) -> None:
        super().add(line, text)
        self.closed = self.closed or read_responsibility(text).found


@dataclass
class _Area:
    number: int
    line: int
    heading: str
    intro: _Lines
    has_clauses: bool = False


@dataclass
class _Layout:
    header: list[Line] = field(default_factory=list)
    areas: list[_Area] = field(default_factory=list)
    clauses: list[_Clause] = field(default_factory=list)
    loose: list[Line] = field(default_factory=list)


def parse_bytes(data: bytes, *, year: int | None = None, filename: str = "document.txt") -> ParsedDocument:
    """Read a file of any supported kind (see `sources`) and parse it."""
    return parse_source(read_source(data, filename), year=year)


def parse_source(source: Source, *, year: int | None = None) -> ParsedDocument:
    lines: list[str] = []
    for block in source.blocks:
        lines.extend(table_lines(block) if isinstance(block, Table) else block.splitlines() or [""])
    parsed = parse_document("\n".join(lines), year=year)
    parsed.source_kind = source.kind
    parsed.source_text = source.text
    return parsed


def parse_document(text: str, *, year: int | None = None) -> ParsedDocument:
    text = text.lstrip("\ufeff") if isinstance(text, str) else ""
    if not text.strip():
        raise ParseError("文件内容为空 (the document is empty)")
    if year is not None and not 1900 <= year <= 2100:
        raise ParseError(f"年份无效：{year} (year out of range)")
    lines = text.splitlines()
    layout = _scan(lines, _CLAUSE_RE)
    if not layout.clauses:
        layout = _scan(lines, _PAREN_CLAUSE_RE)
    if not layout.clauses:
        raise ParseError("未找到编号条款 (no numbered clauses found)")
    header = read_header(layout.header, layout.loose)
    year = year or document_year(header, text)
    if year is None or not 1900 <= year <= 2100:
        raise ParseError("无法确定文件年份，请用 --year 指定 (cannot tell the document's year; pass --year)")
    parsed = _Assembler(layout, year).build(header)
    parsed.source_text = text
    return parsed


def _scan(lines: list[str], clause_re: re.Pattern) -> _Layout:
    layout = _Layout()
    current: _Clause | None = None
    blank_before = False
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        norm = normalise(stripped)
        if m := clause_re.match(norm):
            area = layout.areas[-1] if layout.areas else None
            current = _Clause(number, number=int(m["n"]), area=area.number if area else None)
            current.add(number, stripped[m.start("rest") :])
            layout.clauses.append(current)
            if area:
                area.has_clauses = True
        elif m := _AREA_RE.match(norm):
            current = None
            heading = stripped[m.start("rest") :]
            layout.areas.append(_Area(cn_to_int(m["n"]) or 0, number, heading, _Lines(number + 1)))
        elif current is not None and _continues(current, norm, blank_before):
            current.add(number, stripped)
        else:
            current = None
            if not layout.areas and not layout.clauses:
                layout.header.append((number, stripped))
            elif layout.areas and not layout.areas[-1].has_clauses:
                layout.areas[-1].intro.add(number, stripped)
            else:
                layout.loose.append((number, stripped))
        blank_before = False
    return layout


def _continues(clause: _Clause, norm: str, blank_before: bool) -> bool:
    own = read_responsibility(norm)
    if own.spans and own.spans[0][0] <= 0 and own.spans[-1][1] >= len(norm.rstrip("。 ")):
        return True  # a line of responsibility fields, or one (牵头单位:…) group
    return not blank_before and not clause.closed


class _Assembler:
    def __init__(self, layout: _Layout, year: int):
        self.layout, self.year = layout, year
        self.warnings: list[ParseWarning] = []

    def warn(self, task: int | None, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(task, line, message))

    def build(self, header) -> ParsedDocument:
        due = default_due(self.layout.loose, self.year)
        areas = [(a, read_responsibility(a.heading)) for a in self.layout.areas]
        clauses = [(c, read_responsibility(c.text)) for c in self.layout.clauses]
        written = [(a.line, r.lead_and_co()[0]) for a, r in areas]
        written += [(c.line, [n for names in r.lead_and_co() for n in names]) for c, r in clauses]
        book = UnitBook(name for _, names in sorted(written, key=lambda x: x[0]) for name in names)
        parsed_areas = [self._area(a, r, book, due) for a, r in areas]
        tasks = [self._task(c, r, book, due) for c, r in clauses]
        self._check_numbers(self.layout.clauses)
        # The importer finds an earlier version of a document by its number.
        if not header.doc_number:
            self.warn(None, 1, "未找到发文字号 (no document number found)")
        if not header.title:
            self.warn(None, 1, "未找到文件标题 (no title found)")
        self.warnings.sort(key=lambda w: w.line)
        return ParsedDocument(
            title=header.title,
            doc_number=header.doc_number,
            issued_on=header.issued_on,
            year=self.year,
            units=book.units,
            areas=parsed_areas,
            tasks=tasks,
            warnings=self.warnings,
            default_due=due,
        )

    def _area(self, area: _Area, resp, book: UnitBook, due: date) -> ParsedArea:
        title = _cut(area.heading, resp.spans[0][0] if resp.spans else len(area.heading))
        intro = area.intro.text

        def warn(offset: int, message: str) -> None:
            self.warn(None, area.intro.line_at(offset), message)

        milestones = find_milestones(intro, year=self.year, default_due=due, warn=warn)
        return ParsedArea(area.number, title, book.names(resp.lead_and_co()[0]), intro, milestones, area.line)

    def _task(self, clause: _Clause, resp, book: UnitBook, due: date) -> ParsedTask:
        text, number = clause.text, clause.number

        def warn(offset: int, message: str) -> None:
            self.warn(number, clause.line_at(offset), message)

        lead_written, co_written = resp.lead_and_co()
        if not resp.found:
            warn(0, f"第{number}条未写明责任单位 (clause {number} names no responsible unit)")
        elif not lead_written:
            warn(0, f"第{number}条未写明牵头单位 (clause {number} names no lead unit)")
        fixed = [due_field_milestone(text, f, year=self.year, warn=warn) for f in resp.due_fields]
        fixed = [m for m in fixed if m is not None]
        clause_due = next((m.due_date for m in fixed if m.due_date), due)
        milestones = find_milestones(text, year=self.year, default_due=clause_due, warn=warn, masked=resp.spans)
        milestones = sorted(milestones + fixed, key=lambda m: m.start)
        leads = book.names(lead_written)
        co = [name for name in book.names(co_written) if name not in leads]
        title = _cut(text, resp.spans[0][0] if resp.spans else len(text))
        return ParsedTask(number, title, clause.area, leads, co, resp.leaders, text, milestones, clause.line)

    def _check_numbers(self, clauses: list[_Clause]) -> None:
        seen: set[int] = set()
        expected = 1
        for clause in clauses:
            n = clause.number
            if n in seen:
                self.warn(n, clause.line, f"第{n}条编号重复 (duplicate clause number {n})")
            elif n != expected:
                message = f"第{n}条编号不连续，应为第{expected}条 (clause number out of sequence: expected {expected})"
                self.warn(n, clause.line, message)
            seen.add(n)
            expected = max(expected, n + 1)


def _cut(text: str, limit: int) -> str:
    """A clause's short title: its first sentence, before any responsibility."""
    norm = normalise(text[:limit])
    end = min((i for i in (norm.find(c) for c in "。;\n") if i >= 0), default=len(norm))
    title = text[:end].strip(" 。.;,:、；，：")
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1] + "…"

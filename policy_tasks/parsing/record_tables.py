"""A one-task table written as `标签 | 值` rows, as a table or flattened a cell a line.

A task is often published on its own (a 重点工作 card, a 整改 measure's 完成情况公示表): each row a
field's name and its value, `重点工作 | …`, `牵头单位 | …`, `年度目标 | …`. A 公示表 of one 整改 measure
runs `反馈问题 | 核查情况 | 整改目标 | 整改措施 | 责任单位 | 责任人 | 联系电话 | 整改主要工作及成效`: the
measure is the task (with no measure field, the task's own text is), what the inspection found, the
check, the aim, the phone and the report of the work done are no part of it. A unit cell that labels
its own parts (`牵头单位:A` / `责任单位:A,B`) is read as written; a `责任人` cell giving a post and then
the name (`副厅长 李华强`) names the person. A web page flattens the table a cell a line, each label on
a line of its own over its value: read the same, where the labels are a record's (a unit and a task or
measure among them) and none repeats (a table of several rows repeats them, `field_cells` reads it).
"""

from __future__ import annotations

import re

from .column_meanings import CONTENT, DUE, GROUP, KINDS, LEADER, NUMBER, OTHER, TITLE, UNIT_KINDS, meaning
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .table_rows import Row, is_progress
from .textutil import normalise
from .unit_labels import LABEL_RE

# A row no field of the task's: the contact, the report of work done, the inspection's findings.
_CONTACT_RE = lazy_compile(r"联系(?:电话|方式|人)|(?:办公|手机)?电话|手机")
_REPORT_RE = lazy_compile(r".*(?:成效|(?:完成|进展|落实|推进)情况)")
_FOUND_RE = lazy_compile(r"(?:反馈|存在|发现|督察)?问题|核查情况")
_MEASURE_RE = lazy_compile(r".*措施")
# A post, a space, then the person: `区交通运输厅党组成员、副厅长 李华强`.
_POSTED_NAME_RE = re.compile(
    r"^\S.*?(?:长|书记|主任|成员|委员|主席|助理|巡视员|调研员|负责人)\s+(?P<name>[\u4e00-\u9fff]{2,4})$"
)


def _word(label: str) -> str:
    return re.sub(r"\s+", "", normalise(label))


def _skipped(label: str) -> bool:
    word = _word(label)
    return any(r.fullmatch(word) for r in (_CONTACT_RE, _REPORT_RE, _FOUND_RE))


def _own_labels(value: str) -> list[str] | None:
    """`牵头单位:A` / `责任单位:A,B`: a cell whose every line is a field of its own."""
    parts: list[str] = []
    for piece in value.split():  # a reader may give the cell's line break as a space
        if LABEL_RE.match(normalise(piece)) or not parts:
            parts.append(piece)
        else:
            parts[-1] += " " + piece
    return parts if len(parts) >= 2 and all(LABEL_RE.match(normalise(p)) for p in parts) else None


def vertical_lines(rows: list[list[str]]) -> list[str] | None:
    """A one-task table written as `标签 | 值` rows (see the module), or None when it is none."""
    pairs = [(meaning(r[0]), [c for c in r[1:] if c]) for r in rows if r and r[0]]
    kinds = [k for k, _ in pairs if k]
    if len(kinds) < 2 or not any(k in UNIT_KINDS for k in kinds) or not any(k in (TITLE, CONTENT) for k in kinds):
        return None
    cells: dict[str, list[str]] = {k: [] for k in KINDS}
    cells[GROUP], cells[OTHER] = [], []
    measures: list[str] = []
    own: list[str] = []
    last = None
    for row in rows:
        if row and row[0] and _skipped(row[0]):
            last = None
            continue
        kind = meaning(row[0]) if row and row[0] else None
        values = [c for c in (row[1:] if kind else row) if c]
        if kind is None and last is not None:
            cells[last] += values
            continue
        if kind is None:
            continue
        last = kind
        if kind in UNIT_KINDS and (labelled := [p for v in values if (p := _own_labels(v))]):
            own += [part for parts in labelled for part in parts]
            continue
        if kind == LEADER:
            values = [m["name"] if (m := _POSTED_NAME_RE.match(normalise(v).strip())) else v for v in values]
        if kind == CONTENT and _MEASURE_RE.fullmatch(_word(row[0])):
            measures += values
        cells[kind] += values
    body = measures or [*cells[TITLE], *cells[CONTENT]]
    progress = [c for c in cells[DUE] if is_progress(c)]
    cells[DUE] = [c for c in cells[DUE] if c not in progress]
    return Row(" ".join(cells[NUMBER]), 1, body, cells, progress).lines() + own


_LABEL_LINE_RE = re.compile(r"[\u4e00-\u9fff]{2,10}")


def flat_record(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with a one-task table flattened a cell a line (label line, value line) read as the table."""
    text = [(i, t.strip()) for i, (t, _) in enumerate(lines) if t.strip()]
    for k, (start, label) in enumerate(text):
        if not _LABEL_LINE_RE.fullmatch(normalise(label)) or not (meaning(label) or _skipped(label)):
            continue
        rows: list[list[str]] = []
        end = start
        at = k
        while at + 1 < len(text):
            label, value = text[at][1], text[at + 1][1]
            known = _LABEL_LINE_RE.fullmatch(normalise(label)) and (meaning(label) or _skipped(label))
            # A value is some text (not a `|` a page put between cells), and no label of its own.
            filled = re.search(r"[\u4e00-\u9fff\d]", value) and not (_LABEL_LINE_RE.fullmatch(value) and meaning(value))
            if not known or not filled:
                break
            rows.append([label, value])
            end = text[at + 1][0]
            at += 2
        words = [_word(r[0]) for r in rows]
        if len(rows) < 4 or len(set(words)) < len(words) or any(line_marker(normalise(r[1])) for r in rows):
            return lines
        table = vertical_lines(rows)
        if table is None:
            return lines
        return [*lines[:start], *((line, False) for line in table), *lines[end + 1 :]]
    return lines

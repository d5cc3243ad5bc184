"""A task table's row as the genre's text: a numbered clause line, then one `标签:值` line per
responsibility or deadline column (see `tables`)."""

from __future__ import annotations

import re

from .column_meanings import CO, DUE, LEAD, LEADER, LISTED
from .outline import Marker, line_marker
from .textutil import cn_to_int, normalise
from .units import roles_in_words

LABEL_FOR = {LEADER: "责任领导", LEAD: "牵头单位", LISTED: "责任单位", CO: "配合单位", DUE: "完成时限"}


def is_progress(cell: str) -> bool:
    """A deadline cell that is a sentence (`3月底前完成S3线打围…`) rather than a date: body text."""
    return len(normalise(cell)) > 14 and bool(re.search(r"[\u4e00-\u9fff]{6}", cell))


class Row:
    """A clause's row (and the rows that continue it), written out as the clause reader's text."""

    def __init__(
        self,
        number: str,
        order: int,
        body: list[str],
        cells: dict[str, list[str]],
        progress: list[str],
        *,
        heading_styles: frozenset[str] = frozenset(),
    ):
        self.number, self.order = number, order
        self.parent: Row | None = None
        self.sub = 0  # this row's place among its numbered item's own tasks (2, 3 …)
        self.subs = 1  # tasks in this numbered item so far
        self.body = list(body)
        self.progress = list(progress)
        self.fields = {k: list(cells[k]) for k in LABEL_FOR}
        # The numbering styles of the table's heading rows: a row numbered in one of them would
        # read as a heading's sibling (`(一)` rows under `(一)…` headings), so it is counted instead.
        self.heading_styles = heading_styles

    def merge(self, body: list[str], cells: dict[str, list[str]], progress: list[str]) -> None:
        self.body += [b for b in body if b not in self.body]
        self.progress += [p for p in progress if p not in self.progress]
        for kind in LABEL_FOR:
            self.fields[kind] += [v for v in cells[kind] if v not in self.fields[kind]]

    def lines(self) -> list[str]:
        text = "。".join(b.strip().rstrip("。") for b in self.body) + ("。" if self.body else "")
        text = re.sub(r"\s*\n\s*", " ", text)
        number = normalise(self.number).strip(" .、")
        if self.sub:
            head = f"({self.sub})"
        elif (marker := line_marker(normalise(text))) is not None:
            head = ""  # the task cell numbers itself (`1.地区生产总值…`); the 序号 counts groups
            if marker.style == "num" and {"num", "pnum"} <= self.heading_styles and 1 <= marker.value <= 20:
                # Under group heading rows numbered `1.` and then `(1)` (merged group cells made
                # headings, `merged_row_cells`), a row's own `1.` numbers it under the last `(1)`,
                # not beside the `1.` heading: written as that level's `①`.
                text = chr(0x2460 + marker.value - 1) + normalise(text)[marker.end :]
        elif re.fullmatch(r"\d{1,4}", number) and "num" in self.heading_styles and "pnum" not in self.heading_styles:
            # Rows numbered again under a `1.…` heading row that spans the table (`1.巩固…。主要工作
            # 目标:` over rows 1, 2, 3): that heading groups them, as `一、` rows do; they are its `(1)`.
            head = f"({number})"
        elif re.fullmatch(r"\d{1,4}", number):
            head = f"{number}. "
        elif re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){1,2}", number):
            head = f"{number} "  # a decimal outline's `1.1` under the group row `1`
        elif cn_to_int(number) and "pcn" not in self.heading_styles:
            head = f"({number})"
        else:
            head = f"{self.order}. "
        fields = {kind: [re.sub(r"\s*\n\s*", "、", v) for v in values] for kind, values in self.fields.items()}
        # `A牵头,B配合` / `A负责` in one 责任单位 cell says who leads in words, as a clause's bracket
        # does: read as that bracket, not as a list of names.
        if fields[LISTED] and (roles := roles_in_words(";".join(fields[LISTED]))) is not None:
            fields[LEAD] = [*fields[LEAD], *roles[LEAD]]
            fields[CO] = [*fields[CO], *roles[CO]]
            fields[LISTED] = roles[LISTED]
        out = [head + text]
        out += [re.sub(r"\s*\n\s*", " ", p) for p in self.progress]
        for kind, label in LABEL_FOR.items():
            if fields[kind]:
                out.append(f"{label}:{'、'.join(fields[kind])}")
        return out


# `1092. 完善…`: a row's 序号 in the thousands (a larger register's serial, rows 962, 1026, 1092 of it), written
# as `Row.lines` writes a serial. Prose numbers items with 1–3 digits only (a line opening `2012.` names a year);
# a table row's number comes from its 序号 cell, so there it numbers the row as a smaller one does (round 115).
_ROW_SERIAL_RE = re.compile(r"^(?P<n>[1-9]\d{3})\. ")


def row_serial_marker(norm: str) -> Marker | None:
    """The marker of a table row's line numbered in the thousands (`1092. …`), else None."""
    m = _ROW_SERIAL_RE.match(norm)
    return Marker("num", int(m["n"]), m["n"], m.end()) if m else None


def shared_row(clause: Row, task: str) -> Row:
    """A further task of `clause`'s numbered item on a row of its own (`indicator_rows`): the item's sub-item, with the
    unit, leader and deadline cells merged down over it, and its schedule cells (`一季度:…`)."""
    parent = clause.parent or clause
    parent.subs += 1
    row = Row(clause.number, clause.order, [task], clause.fields, clause.progress, heading_styles=clause.heading_styles)
    row.parent, row.sub = parent, parent.subs
    return row

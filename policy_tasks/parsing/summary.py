"""A readable text summary of a parsed document, for the parse command.

One compact table per area: clause number, short title, lead unit(s), the
number of co-responsible units and the milestones with their dates. Milestone
lines per clause shrink with the number of clauses so that an area fits on a
screen of about 40 lines.
"""

from __future__ import annotations

import unicodedata

from .result import ParsedArea, ParsedDocument, ParsedMilestone, ParsedTask
from .textutil import cn_numeral

_WIDTH = 110  # display columns; a CJK character takes two
_AREA_LINES = 38
_MAX_WARNINGS = 30


def format_summary(doc: ParsedDocument) -> str:
    count = sum(len(t.milestones) for t in doc.tasks) + sum(len(a.milestones) for a in doc.areas)
    out = [
        doc.title or "(无标题 no title)",
        " · ".join(
            part
            for part in (
                doc.doc_number,
                f"成文 {doc.issued_on.isoformat()}" if doc.issued_on else "",
                f"年度 {doc.year}",
                f"默认期限 {doc.default_due.isoformat()}" if doc.default_due else "",
            )
            if part
        ),
        f"{len(doc.areas)} 个领域 · {len(doc.tasks)} 条 · {len(doc.units)} 个单位 · "
        f"{count} 个节点 · {len(doc.warnings)} 条警告",
    ]
    groups: list[tuple[ParsedArea | None, list[ParsedTask]]] = [
        (area, [t for t in doc.tasks if t.area == area.number]) for area in doc.areas
    ]
    loose = [t for t in doc.tasks if t.area not in {a.number for a in doc.areas}]
    if loose:
        groups.append((None, loose))
    for area, tasks in groups:
        out.append("")
        out += _area_block(doc, area, tasks)
    if doc.warnings:
        out += ["", f"警告 warnings ({len(doc.warnings)}):"]
        for w in doc.warnings[:_MAX_WARNINGS]:
            where = f"第{w.line}行" + (f" 第{w.task}条" if w.task is not None else "")
            out.append(_fit(f"  {where}: {w.message}", _WIDTH))
        if len(doc.warnings) > _MAX_WARNINGS:
            out.append(f"  … +{len(doc.warnings) - _MAX_WARNINGS}")
    return "\n".join(out) + "\n"


def _area_block(doc: ParsedDocument, area: ParsedArea | None, tasks: list[ParsedTask]) -> list[str]:
    if area is None:
        lines = ["未分领域 (clauses before any area)"]
    else:
        number = cn_numeral(area.number) if area.number >= 1 else str(area.number)
        lines = [_fit(f"{number}、{area.title} — 牵头 {'、'.join(area.lead_units) or '(未写明)'}", _WIDTH)]
        if area.milestones:
            lines += _milestone_lines(doc, area.milestones, "  领域目标 ", 2)
    lines.append(f"  {_pad('条', 4)}{_pad('标题', 26)}{_pad('牵头', 22)}{_pad('配合', 6)}节点")
    spare = max(0, _AREA_LINES - len(lines) - len(tasks))
    per_task = min(2, spare // len(tasks)) if tasks else 0
    for task in tasks:
        lead = "、".join(task.lead_units) or "(未写明)"
        row = (
            f"  {_pad(str(task.number), 4)}{_pad(_fit(task.title, 24), 26)}"
            f"{_pad(_fit(lead, 20), 22)}{_pad(str(len(task.co_units)), 6)}{len(task.milestones)}"
        )
        lines.append(row)
        if per_task:
            lines += _milestone_lines(doc, task.milestones, "        ", per_task)
    return lines


def _milestone_lines(doc: ParsedDocument, milestones: list[ParsedMilestone], indent: str, limit: int) -> list[str]:
    """Milestones as `MM-DD text` items packed into at most `limit` lines."""
    items = [_item(doc, m) for m in milestones]
    lines: list[str] = []
    current = indent
    for i, item in enumerate(items):
        candidate = item if current == indent else f" · {item}"
        if _width(current + candidate) > _WIDTH:
            lines.append(current)
            if len(lines) == limit:
                lines[-1] = _fit(lines[-1], _WIDTH - 6) + f" +{len(items) - i}"
                return lines
            current, candidate = indent, item
        current += candidate
    if current != indent:
        lines.append(current)
    return lines


def _item(doc: ParsedDocument, m: ParsedMilestone) -> str:
    text = _fit(m.text, 22)
    if m.target_value is not None:
        value = f"{m.target_value:g}{m.target_unit or ''}"
        if value not in text:
            text = f"{_fit(m.text, 16)}={value}"
    return f"{_when(doc, m)} {text}"


def _when(doc: ParsedDocument, m: ParsedMilestone) -> str:
    if m.due_date is not None:
        return m.due_date.strftime("%m-%d" if m.due_date.year == doc.year else "%Y-%m-%d")
    if m.kind == "ongoing":
        return "长期"
    return m.time_expression or "?"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    if _width(text) <= width:
        return text
    while text and _width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _width(text))

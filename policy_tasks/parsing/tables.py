"""Task tables (分工方案 / 任务清单) read into the genre's text form.

A 分工方案 is as often a table as prose: 序号 / 重点任务 / 具体内容 / 牵头单位 / 配合单位 /
责任领导 / 完成时限. Columns are recognised by what their header means, not by exact words,
because every office names them its own way. A row becomes a numbered clause line followed by
one `标签:值` line per responsibility or deadline column, which the clause reader then handles
like any label lines. A category column (领域 / 类别, usually a merged cell) becomes an area
heading when its value changes. Rows that repeat the previous row's 序号 (a merged 序号 cell)
or have none continue the clause above.

Tables that arrive flattened into text are turned back into tables by `flat_tables`.
"""

from __future__ import annotations

import re

from .column_meanings import (
    AREA,
    CO,
    CONTENT,
    DUE,
    GROUP,
    KINDS,
    LEAD,
    LISTED,
    NUMBER,
    OTHER,
    TIME_LABEL_RE,
    TITLE,
    UNIT_KINDS,
    examines_targets,
    header_row,
    meaning,
    numbered_header_row,
)
from .continued_tables import joined_after_repeats
from .department_pair_columns import department_pairs, pair_header_row
from .held_parties import assessed_party
from .indicator_rows import lone_indicator
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .pipe_tables import task_like
from .record_tables import vertical_lines
from .settled_columns import settle_columns
from .sources import Table
from .step_cells import step_kinds
from .table_headers import spread_header
from .table_rows import LABEL_FOR, Row, is_progress, shared_row
from .textutil import cn_numeral, normalise
from .unit_names import looks_like_units, names_units
from .units import roles_in_words
from .whole_serials import whole_serials
from .wrapped_unit_lines import joined_wrapped_names

_HIGHER_TASK_RE = lazy_compile(r"《|部署|上级|中央|国家|省委|省政府|原文")


def table_lines(table: Table, *, above: str = "") -> list[str]:
    """The table as the genre's text. `above`: the document's last line before the table."""
    rows = [[c.strip() for c in row] for row in table.rows]
    found = header_row(rows)
    if found is None:
        vertical = vertical_lines(rows)
        if vertical is not None:
            return vertical
        # `序号 | 任务名称 | 年度任务及目标`: a task table naming no unit column still numbers its tasks.
        found = numbered_header_row(rows) or pair_header_row(rows)
        if found is None:
            return [" ".join(dict.fromkeys(c for c in row if c)) for row in rows]
    start, kinds = found
    if (second := _second_table(rows)) is not None:
        # Two tables on one sheet (`…目标任务分解表` over its own header under the first table's
        # last row): each read with its own columns.
        return table_lines(Table(tuple(map(tuple, rows[:second])))) + table_lines(
            Table(tuple(map(tuple, rows[second:])))
        )
    spread = spread_header(rows[start], rows[start + 1], meaning) if start + 1 < len(rows) else None
    if spread is not None:
        rows, kinds = [*rows[:start], spread, *rows[start + 2 :]], [meaning(h) for h in spread]
    header = rows[start]
    # `考核项目` over two grid columns, the department in the second (`department_pair_columns`).
    scored = department_pairs(header, rows[start + 1 :], kinds)
    if scored is not None:
        header, kinds = scored[0], scored[2]
        rows = [*rows[:start], header, *scored[1]]
    # `…乡镇目标管理(绩效)考核细则` over a `负责考核部门` column: the title's party leads each row (`held_parties`).
    held = assessed_party(above) if examines_targets(header) else None
    kinds = settle_columns(kinds, rows[start + 1 :], header, held=held is not None)
    held = held if held is not None and LEAD not in kinds and LISTED not in kinds else None
    # `工作任务 | 任务分解/时序进度`: a merged task over its dated steps, counted afresh under it (`step_cells`).
    stepped = (steps := step_kinds(kinds, header, rows[start + 1 :])) is not None
    kinds = steps or kinds
    rows = joined_after_repeats(rows, start)  # a row a page break cut, under the header repeated
    if NUMBER in kinds:
        rows = rows[: start + 1] + whole_serials(rows[start + 1 :], kinds.index(NUMBER))  # `1.0`, `2.0`
    lines = [" ".join(dict.fromkeys(c for c in row if c)) for row in rows[:start]]
    clause: Row | None = None
    area, area_count, order = None, 0, 0
    previous: list[str] | None = None
    # `陕西省《工作要点》部署任务 | 西安市落实措施`: a plan that carries out a higher one puts that
    # plan's tasks beside its own measures. The measure is the clause; the task heads it.
    higher = CONTENT in kinds and any(
        k == TITLE and _HIGHER_TASK_RE.search(normalise(h)) for k, h in zip(kinds, header, strict=False)
    )
    shown: list[str] = []
    # A deadline column's own time label (`一季度` under a merged 进度安排): its cells are that
    # quarter's schedule, read as `一季度:3月底前…`.
    periods = {i: h for i, h in enumerate(header) if kinds[i] == DUE and TIME_LABEL_RE.match(normalise(h))}
    heading_styles = frozenset(
        marker.style
        for row in rows[start + 1 :]
        if (spanning := _spanning(row)) and (marker := line_marker(normalise(spanning)))
    )
    # A table numbered `一 二 三` right under a `(十)…` paragraph holds that heading's items: its rows
    # are not written `(一)`, as the heading's siblings, but counted under it.
    if (marker := line_marker(normalise(above).strip())) is not None and marker.style == "pcn":
        heading_styles |= {"pcn"}
    # Whether any row fills the last column (see _restore_merged); a heading row merged across the
    # table fills it only by its merge.
    last_used = any(len(r) == len(header) and r[-1] and _spanning(r) is None for r in rows[start + 1 :])
    own_names = _own_group_cells(rows[start + 1 :], kinds)
    for at, row in enumerate(rows[start + 1 :]):
        if not any(row) or re.sub(r"\s", "", normalise(next(c for c in row if c))) in ("合计", "总计", "小计", "总分"):
            continue  # a total row (合计 over the text columns, a score table's 总分) is no task
        if _repeats_header(row, header):
            for i, (cell, above) in enumerate(zip(row, header, strict=False)):
                if kinds[i] == DUE and cell and cell != above and TIME_LABEL_RE.match(normalise(cell)):
                    periods[i] = cell
            continue
        if clause is not None and (indicator := lone_indicator(row, kinds)) is not None:
            # `新增学位810个 | |||||`: the item's next indicator, its cells merged from the row above (`indicator_rows`).
            lines.extend(clause.lines())
            clause = shared_row(clause, indicator)
            continue
        row = _restore_merged(row, previous, kinds, last_used=last_used)
        previous = row
        spanning = _spanning(row)
        if spanning is not None:
            # A merged row across the table: a heading (领域, or a `(一)` group under it).
            if clause is not None:
                lines.extend(clause.lines())
                clause = None
            if line_marker(normalise(spanning)) and area is not None:
                lines.append(spanning)
            else:
                area_count += 1
                area = spanning
                lines.append(spanning if line_marker(normalise(spanning)) else f"{cn_numeral(area_count)}、{spanning}")
            continue
        cells: dict[str, list[str]] = {k: [] for k in KINDS}
        cells[GROUP], cells[OTHER] = [], []
        for i, (kind, value) in enumerate(zip(kinds, row, strict=False)):
            if i in periods and value and not normalise(value).startswith(_period(periods[i])):
                value = f"{_period(periods[i])}:{value}"
            elif kind == DUE and i < len(header) and header[i] and is_progress(value) and line_marker(normalise(value)):
                # Under its column's name, so that a schedule's own `1.` never reads as a clause.
                value = "".join(header[i].split()) + ":" + value
            if kind in UNIT_KINDS and re.search(r"\s", value):
                value = _unit_cell(value)
            if kind and value and value not in cells[kind]:
                cells[kind].append(value)
        if held is not None and cells[CO] and not cells[LEAD]:
            cells[LEAD] = [held]  # a group row naming no examiner is no target the party answers for
        category = " ".join(cells[AREA])
        number = " ".join(cells[NUMBER])
        body = [*own_names.get(at, []), *cells[TITLE], *(c for c in cells[CONTENT] if c not in cells[TITLE])]
        if higher and cells[CONTENT]:
            heads = [c for c in ([number] if line_marker(normalise(number)) else []) + cells[TITLE] if c]
            number = "" if heads and heads[0] == number else number
            body = [c for c in cells[CONTENT] if c not in cells[TITLE]]
            if [h for h in heads if h not in shown]:
                if clause is not None:
                    lines.extend(clause.lines())
                    clause = None
                lines.extend(h for h in heads if h not in shown)
                shown = heads
        progress = [c for c in cells[DUE] if is_progress(c)]
        cells[DUE] = [c for c in cells[DUE] if c not in progress]
        if category and category != area:
            if clause is not None:
                lines.extend(clause.lines())
                clause = None
            area = category
            area_count += 1
            order = 0 if stepped else order
            lines.append(category if line_marker(normalise(category)) else f"{cn_numeral(area_count)}、{category}")
        if not body and not any(cells[k] for k in LABEL_FOR):
            continue
        # The same item goes on: its merged 序号 repeated, or, with no 序号 column, its merged
        # task cell repeated over rows that add content.
        same = clause is not None and (
            number == clause.number if number else bool(body and clause.body and body[0] == clause.body[0])
        )
        if clause is not None and not _new_item(body, clause) and (same or (not number and not body)):
            # A department merged over its scored rows answers for each row's own task (round 119).
            own = _sub_task(body, clause) or (scored is not None and bool(body) and body[0] not in clause.body)
            if (not _other_lead(clause, cells) and not own) or _one_task_cell(body, clause):
                clause.merge(body, cells, progress)
                continue
            # A merged 序号 over a row that names its own lead unit: a task of its own in the
            # numbered item, written as its sub-item (`3` then `3(2)`).
            lines.extend(clause.lines())
            parent = clause.parent or clause
            parent.subs += 1
            clause = Row(number, order, body, cells, progress, heading_styles=heading_styles)
            clause.parent, clause.sub = parent, parent.subs
            continue
        if clause is not None:
            lines.extend(clause.lines())
        order += 1
        clause = Row(number, order, body, cells, progress, heading_styles=heading_styles)
    if clause is not None:
        lines.extend(clause.lines())
    return lines


def _own_group_cells(rows: list[list[str]], kinds: list[str | None]) -> dict[int, list[str]]:
    """A merged item-name column's cell over its own row alone, beside rows whose name a merged cell spans
    (`加大安居保障力度` after `提升区域防洪能力` over three rows): it groups nothing and names the row's item, as
    a 项目名称 cell does, so it heads the row's text (round 91). By row index; only right after a 序号 column."""
    if NUMBER not in kinds or kinds.index(NUMBER) + 1 >= len(kinds) or kinds[kinds.index(NUMBER) + 1] != GROUP:
        return {}
    i = kinds.index(NUMBER) + 1
    values = [row[i] if i < len(row) else "" for row in rows]
    return {
        n: [v]
        for n, v in enumerate(values)
        if v and (n == 0 or values[n - 1] != v) and (n + 1 == len(values) or values[n + 1] != v)
    }


def _restore_merged(
    row: list[str], previous: list[str] | None, kinds: list[str | None], *, last_used: bool
) -> list[str]:
    """A unit cell merged down several rows is lost from the later rows when a page flattens the
    table: their cells slide left, and a progress note lands under 牵头单位. Put the unit back.

    The slide empties the row's last cell, which tells it only where that column is used at all
    (`last_used`): a table whose last column (备注, 完成时限) is empty throughout slid nothing. A
    cell listing places (`西秀区、普定县`, the counties that answer) is no progress note."""
    if previous is None or not last_used:
        return row
    for i, kind in enumerate(kinds):
        if kind not in UNIT_KINDS or i >= len(row) or i >= len(previous):
            continue
        value, above = row[i], previous[i]
        if (
            value
            and above
            and not names_units(value)
            and roles_in_words(value) is None
            and looks_like_units(above)
            and not row[-1]
        ):
            row = [*row[:i], above, *row[i:-1]]
    return row


def _spanning(row: list[str]) -> str | None:
    """The text of a row that one merged cell fills (all its non-empty cells alike)."""
    values = [c for c in row if c]
    if len(row) >= 3 and values and len(set(values)) == 1 and len(values) >= len(row) - 1:
        return values[0]
    # `(一) | 加强…。| 加强…。| …`: a numbered heading whose number has a cell of its own.
    if len(row) >= 4 and len(set(values)) == 2 and line_marker(normalise(values[0] + values[1])):
        rest = set(values[1:])
        if len(rest) == 1 and values.count(values[1]) >= len(row) - 2:
            return values[0] + values[1]
    return None


def _unit_cell(value: str) -> str:
    """A unit cell of several lines (readers give them as spaces): a unit a line
    (`农业股 乡村产业发展股`) is a list; a stray figure (`经管站 2`, a footnote mark) names no one."""
    parts = joined_wrapped_names(value.split())  # `县委县政府` / `督查室`: one office the cell wrapped
    kept = [p for p in parts if not re.fullmatch(r"[\d.]+", p)]
    if kept and (all(looks_like_units(p) for p in kept) or names_units(" ".join(kept))):
        return "、".join(kept)
    return value


def _period(label: str) -> str:
    """`3月目标` → `3月`: the time a column's cells are due by, as a schedule label."""
    return re.sub(r"(?:目标|任务|计划|节点|安排|要求)$", "", "".join(normalise(label).split()))


def _names_columns(row: list[str]) -> bool:
    known = {k for k in map(meaning, row) if k}
    return len(known) >= 2 and bool(known & {LEAD, LISTED, CO, DUE})


def _second_table(rows: list[list[str]]) -> int | None:
    """Where a second table begins below the first's rows: a row headed `序号` that names a
    responsibility or deadline column and one more, below a first such header and its numbered
    rows, and not that header repeated (a page break); with the title line above it if it has one."""
    first = next((i for i, row in enumerate(rows) if _names_columns(row)), None)
    if first is None:
        return None
    for i in range(first + 2, len(rows)):
        row = rows[i]
        if meaning(next((c for c in row if c), "")) != NUMBER or _repeats_header(row, rows[first]):
            continue
        # The first table has rows of its own (numbered): a page's metadata rows above a table
        # (`发布单位 | 区政府 | 发文日期`) can pass for a small header and hold none.
        numbered = any(re.fullmatch(r"\d{1,3}", next((c for c in r if c), "")) for r in rows[first + 1 : i])
        if numbered and _names_columns(row):
            return i - 1 if len({c for c in rows[i - 1] if c}) == 1 and i - 1 > first + 1 else i
    return None


def _repeats_header(row: list[str], header: list[str]) -> bool:
    """A second header line (a merged header over sub-columns) or a header repeated on a new page."""
    same = sum(1 for a, b in zip(row, header, strict=False) if a and a == b)
    return same >= 2


def _other_lead(clause: Row, cells: dict[str, list[str]]) -> bool:
    """The row names a lead (or first responsible) unit other than the clause's."""
    for kind in (LEAD, LISTED):
        mine, theirs = clause.fields[kind], cells[kind]
        if theirs and mine and theirs[0] != mine[0]:
            return True
    return False


def _one_task_cell(body: list[str], clause: Row) -> bool:
    """The row's task is the clause's own task cell merged down over it (its text repeated, no text
    of its own): a 民生实事 register's one task with several owners, each row naming another lead
    unit and its own date (`新建停车场3处 | 11月 | 建设局` over `| 2021年11月 | 经开区`). One clause:
    every row's unit leads, every row's date is a milestone of it. Only a task's words tell a merged
    cell: a figure repeated down a column (`18%` for three counties) is each row's own."""
    return bool(body) and all(b in clause.body and task_like(b) for b in body)


def _sub_task(body: list[str], clause: Row) -> bool:
    """The row repeats the clause's first task cell (a project's name merged down over its rows) and
    writes a task of its own beside it, as the clause's first row did: a 民生实事 register's project
    split into sub-tasks (`深化养老保险改革` over `完成参保6300人` and `完成征缴基金1亿元`). Each sub-task
    is a task of its own in the numbered item, whoever answers for it (two rows may name one unit)."""
    return (
        len(body) >= 2
        and len(clause.body) >= 2
        and body[0] == clause.body[0]
        and task_like(clause.body[1])
        and body[1] not in clause.body
        and task_like(body[1])
    )


def _new_item(body: list[str], clause: Row) -> bool:
    """A row whose task carries its own number, or a different one, starts a clause."""
    return bool(body) and bool(line_marker(normalise(body[0]))) and body[0] not in clause.body

"""Task tables (分工方案 / 任务清单) read into the genre's text form.

A 分工方案 is as often a table as prose: 序号 / 重点任务 / 具体内容 / 牵头单位 / 配合单位 /
责任领导 / 完成时限. Columns are recognised by what their header means, not by exact words,
because every office names them its own way. A row becomes a numbered clause line followed by
one `标签:值` line per responsibility or deadline column, which the clause reader then handles
like any label lines. A category column (领域 / 类别, usually a merged cell) becomes an area
heading when its value changes. Rows that repeat the previous row's 序号 (a merged 序号 cell)
or have none continue the clause above.

Tables also arrive flattened into text: a row a line with tab-separated cells (a .txt saved
from Excel, `Source.text`), or a cell a line under a header written a word a line (a web page
or a PDF). `text_tables` finds both and turns them back into tables.
"""

from __future__ import annotations

import re

from .outline import line_marker
from .sources import Table
from .textutil import cn_to_int, normalise

NUMBER, AREA, TITLE, CONTENT, LEADER, LEAD, LISTED, CO, DUE, NOTE = (
    "number",
    "area",
    "title",
    "content",
    "leader",
    "lead",
    "listed",
    "co",
    "due",
    "note",
)
# First match wins: a 牵头领导 column holds persons even though it says 牵头.
_MEANINGS = [
    (LEADER, r"领导|责任人|负责人|包保"),
    (CO, r"配合|协办|协同|参与|协助"),
    (LEAD, r"牵头|主办|主责"),
    (LISTED, r"责任单位|责任部门|责任主体|实施单位|实施主体|承办|单位|部门"),
    (DUE, r"时限|时间|期限|节点|进度|日期"),
    (NUMBER, r"^(?:序号|编号|序|号|No\.?)$"),
    (AREA, r"领域|类别|板块|方面|分类|类型|专项|部分"),
    (TITLE, r"任务|事项|项目|名称|工作|指标"),
    (CONTENT, r"内容|措施|举措|目标|要求|标准|说明"),
    (NOTE, r"备注"),
]
_LABEL_FOR = {LEADER: "责任领导", LEAD: "牵头单位", LISTED: "责任单位", CO: "配合单位", DUE: "完成时限"}
_CN = "一二三四五六七八九十"


def meaning(header: str) -> str | None:
    text = re.sub(r"\s+", "", normalise(header))
    if not text or len(text) > 16:
        return None
    for kind, pattern in _MEANINGS:
        if re.search(pattern, text):
            return kind
    return None


def _header_row(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """The first of the top rows whose cells name a responsibility or deadline column and one more."""
    for i, row in enumerate(rows[:6]):
        kinds = [meaning(c) for c in row]
        known = [k for k in kinds if k]
        if len(set(known)) >= 2 and any(k in (LEAD, LISTED, CO, DUE) for k in known):
            return i, kinds
    return None


def table_lines(table: Table) -> list[str]:
    rows = [[c.strip() for c in row] for row in table.rows]
    found = _header_row(rows)
    if found is None:
        return [" ".join(dict.fromkeys(c for c in row if c)) for row in rows]
    start, kinds = found
    kinds = _settle(kinds, rows[start + 1 :])
    lines = [" ".join(dict.fromkeys(c for c in row if c)) for row in rows[:start]]
    clause: _Row | None = None
    area, area_count, order = None, 0, 0
    for row in rows[start + 1 :]:
        cells = {k: [] for k in _LABEL_FOR | {NUMBER: 0, AREA: 0, TITLE: 0, CONTENT: 0}}
        for kind, value in zip(kinds, row, strict=False):
            if kind and value and value not in cells[kind]:
                cells[kind].append(value)
        if not any(row):
            continue
        if _repeats_header(row, kinds):
            continue
        category = " ".join(cells[AREA])
        number = " ".join(cells[NUMBER])
        body = [*cells[TITLE], *(c for c in cells[CONTENT] if c not in cells[TITLE])]
        if not body and not any(cells[k] for k in _LABEL_FOR):
            # A row with only a category spanning the table: a heading of its own.
            category = category or " ".join(dict.fromkeys(c for c in row if c))
        if category and category != area:
            area, clause = category, None
            area_count += 1
            heading = category if line_marker(normalise(category)) else f"{_cn(area_count)}、{category}"
            lines.append(heading)
            if not body:
                continue
        if clause is not None and ((number == clause.number and number) or (not number and not _new_item(body))):
            clause.merge(body, cells)
            continue
        if clause is not None:
            lines.extend(clause.lines())
        order += 1
        clause = _Row(number, order, body, cells)
    if clause is not None:
        lines.extend(clause.lines())
    return lines


def _settle(kinds: list[str | None], rows: list[list[str]]) -> list[str | None]:
    """Resolve a header that names two columns the same way.

    Two 责任单位-like columns are 牵头 then 配合; an unlabelled first column of small integers is
    the 序号; a title column with no content column is both.
    """
    kinds = list(kinds)
    listed = [i for i, k in enumerate(kinds) if k == LISTED]
    if len(listed) >= 2 and LEAD not in kinds:
        kinds[listed[0]] = LEAD
        for i in listed[1:]:
            kinds[i] = CO
    if NUMBER not in kinds and kinds and kinds[0] is None:
        firsts = [r[0] for r in rows if r and r[0]]
        if firsts and all(re.fullmatch(r"\d{1,3}", normalise(f)) for f in firsts):
            kinds[0] = NUMBER
    if TITLE not in kinds and CONTENT not in kinds:
        free = [i for i, k in enumerate(kinds) if k is None]
        if free:
            kinds[free[0]] = TITLE
    return kinds


def _repeats_header(row: list[str], kinds: list[str | None]) -> bool:
    return sum(1 for c in row if meaning(c) is not None and len(c) <= 6) >= max(2, len([k for k in kinds if k]) - 1)


def _new_item(body: list[str]) -> bool:
    return bool(body) and bool(line_marker(normalise(body[0])))


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    return ("" if n < 20 else _CN[n // 10 - 1]) + "十" + (_CN[n % 10 - 1] if n % 10 else "")


class _Row:
    def __init__(self, number: str, order: int, body: list[str], cells: dict[str, list[str]]):
        self.number, self.order = number, order
        self.body = list(body)
        self.fields = {k: list(cells[k]) for k in _LABEL_FOR}

    def merge(self, body: list[str], cells: dict[str, list[str]]) -> None:
        self.body += [b for b in body if b not in self.body]
        for kind in _LABEL_FOR:
            self.fields[kind] += [v for v in cells[kind] if v not in self.fields[kind]]

    def lines(self) -> list[str]:
        text = "。".join(b.strip().rstrip("。") for b in self.body) + ("。" if self.body else "")
        text = re.sub(r"\s*\n\s*", " ", text)
        number = normalise(self.number).strip(" .、")
        if re.fullmatch(r"\d{1,3}", number):
            head = f"{number}. "
        elif cn_to_int(number):
            head = f"({number})"
        elif line_marker(normalise(text)):
            head = ""
        else:
            head = f"{self.order}. "
        out = [head + text]
        for kind, label in _LABEL_FOR.items():
            values = [re.sub(r"\s*\n\s*", "、", v) for v in self.fields[kind]]
            if values:
                out.append(f"{label}:{'、'.join(values)}")
        return out


# --- tables flattened into text ----------------------------------------------------------


def text_tables(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with any flattened task table turned back into the clause form."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        text, splittable = lines[i]
        if splittable and "\t" in text and _tab_header(text):
            j = i + 1
            rows = [text.split("\t")]
            while j < len(lines) and ("\t" in lines[j][0] or not lines[j][0].strip()):
                if lines[j][0].strip():
                    rows.append(lines[j][0].split("\t"))
                j += 1
            out.extend((line, False) for line in table_lines(Table(tuple(tuple(r) for r in rows))))
            i = j
            continue
        cells = _cell_header(lines, i)
        if cells:
            j, table = _cell_rows(lines, i, cells)
            out.extend((line, False) for line in table_lines(table))
            i = j
            continue
        out.append((text, splittable))
        i += 1
    return out


def _tab_header(text: str) -> bool:
    return _header_row([text.split("\t")]) is not None


def _cell_header(lines: list[tuple[str, bool]], i: int) -> int:
    """How many consecutive one-word lines from i name table columns (0 if not a header)."""
    count, kinds = 0, []
    while i + count < len(lines):
        text = lines[i + count][0].strip()
        kind = meaning(text) if text and len(text) <= 8 else None
        if kind is None:
            break
        kinds.append(kind)
        count += 1
    if count >= 3 and kinds[0] in (NUMBER, TITLE, AREA) and any(k in (LEAD, LISTED, CO) for k in kinds):
        return count
    return 0


def _cell_rows(lines: list[tuple[str, bool]], i: int, width: int) -> tuple[int, Table]:
    header = [lines[i + k][0].strip() for k in range(width)]
    kinds = [meaning(h) for h in header]
    j = i + width
    rows: list[list[str]] = [header]
    current: list[str] = []
    expected = 1
    while j < len(lines):
        text = lines[j][0].strip()
        if not text:
            j += 1
            continue
        if kinds[0] == NUMBER and re.fullmatch(r"\d{1,3}", normalise(text)):
            if int(normalise(text)) != expected:
                break
            if current:
                rows.append(_fit(current, kinds))
            current, expected = [text], expected + 1
        elif current and len(current) < width:
            current.append(text)
        elif kinds[0] != NUMBER and len(current) in (0, width):
            if current:
                rows.append(_fit(current, kinds))
            current = [text]
        else:
            break
        j += 1
    if current:
        rows.append(_fit(current, kinds))
    return j, Table(tuple(tuple(r) for r in rows))


def _fit(cells: list[str], kinds: list[str | None]) -> list[str]:
    """Place a row's cells under their columns when empty cells were dropped in flattening.

    The 序号 and the task come first and a deadline looks like one; unit columns take the rest
    in order.
    """
    if len(cells) >= len(kinds):
        return cells[: len(kinds)]
    row = [""] * len(kinds)
    rest = list(cells)
    for k, kind in enumerate(kinds):
        if kind in (NUMBER, TITLE, CONTENT, AREA) and rest:
            row[k] = rest.pop(0)
        else:
            break
    if DUE in kinds and rest and re.search(r"\d{4}|月|季度|年底|年内|持续|长期|每", rest[-1]):
        row[kinds.index(DUE)] = rest.pop()
    for k, kind in enumerate(kinds):
        if kind in (LEAD, LISTED, CO, LEADER) and rest and not row[k]:
            row[k] = rest.pop(0)
    return row

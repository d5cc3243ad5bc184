"""Field cells of a flattened table row, and a row's responsibility stated above its measures.

A 整改 table (整改任务 / 责任单位 / 整改目标 / 整改措施 / 整改时限) or a 任务清单 row that a web
page flattened a cell a line writes each field's name as a cell of its own, its value in the
next: `责任单位` / `A、B、C`. The name and the value are one field (`责任单位:A、B、C`). Such a row
states its 责任单位 once, above the numbered 整改措施 `(一)` `(二)` that carry it out: the field
governs every measure below it that names no units of its own, as a heading's carry does. The
row's other fields beside it (the run of field lines it stands in) govern those measures too: its
`责任人` names their leaders (`A、B主要负责人,C主要负责人`: a part ending in a head's title names the
heads of every office in it, one leader as written), and its `整改时限` (`立行立改,长期坚持`, `2024年6月底前`) is their deadline.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .outline import line_marker
from .responsibility import Responsibility
from .schedule_blocks import QUARTER_LINE_RE
from .textutil import normalise, split_top
from .unit_labels import DUE, LABEL_RE, LEADER, OTHER_FIELD_RE, label_role
from .unit_names import is_placeless_government, looks_like_units, organisation
from .units import read_responsibility


def _label(norm: str) -> str | None:
    """The field name a line holds and nothing else (`责任单位`, `牵 头 单 位`, `完成时限：`)."""
    word = "".join(norm.split()).rstrip(":")
    if not word or len(word) > 8 or not LABEL_RE.fullmatch(word + ":"):
        return None
    return word


def join_field_cells(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """`责任单位` / `A、B`: a field name alone on its line and its value on the next (blank lines
    between, as cells a line apart) become one field line. A name followed by another name is a
    table's header row, left to the table readers."""
    out = list(lines)
    i = 0
    while i < len(out):
        label = _label(normalise(out[i][0]))
        if label is None:
            i += 1
            continue
        j = i + 1
        while j < len(out) and not out[j][0].strip():
            j += 1
        if j >= len(out):
            break
        value = out[j][0].strip()
        norm = normalise(value)
        role = label_role(label)
        unit_value = role not in (DUE, LEADER) and "。" not in norm.rstrip("。")
        if (
            _label(norm) is None
            and line_marker(norm) is None
            and not QUARTER_LINE_RE.match(norm)  # `进度安排` over `第一季度:…`: a schedule's head (`schedule_blocks`)
            and len(norm) <= 120
            and (unit_value or role in (DUE, LEADER))
        ):
            out[i] = ("", out[i][1])
            out[j] = (f"{label}:{value}", out[j][1])
            i = j
        i += 1
    return out


_FIELD_LINE_RE = re.compile(r"^\s*(\S{2,8}?)\s*:")


def join_wrapped_fields(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """`协办单位:区委编办、园区党工` / `委、各街道党工委`: text taken from a PDF breaks its lines at
    the page's width, inside a unit list and even inside a name. A unit field goes on in the next
    line when it ends on `、` or on a piece that is no name which, with the next line's first piece,
    is one; the next line is then no field, number or sentence of its own but more names."""
    out = list(lines)
    for i in range(len(out) - 1):
        text, nxt = out[i][0], out[i + 1][0]
        norm = normalise(text).strip()
        m = _FIELD_LINE_RE.match(norm)
        if not m or LABEL_RE.match(norm) is None or label_role(m.group(1)) in (DUE, LEADER):
            continue
        value = norm[m.end() :].strip()
        follow = normalise(nxt).strip()
        if value and value[-1] not in "。;!?、," and is_placeless_government(follow):
            # `…各市(州)` / `人民政府`: a government is its place's, even after the place's bracket.
            out[i] = (text.rstrip() + nxt.strip(), out[i][1])
            out[i + 1] = ("", out[i + 1][1])
            continue
        if not value or not follow or value[-1] in "。;!?)" or LABEL_RE.match(follow) or line_marker(follow):
            continue
        if "。" in follow.rstrip("。") or len(follow) > 60:
            continue
        pieces = [follow[a:b] for a, b in split_top(follow, "、,")]
        if value[-1] in "、,":
            joined = looks_like_units(follow)
        else:
            last = value[value.rfind("、") + 1 :]
            whole = last + pieces[0]
            rest = follow[len(pieces[0]) :].lstrip("、,")
            joined = not organisation(last) and organisation(whole) and (not rest or looks_like_units(rest))
        if joined:
            out[i] = (text.rstrip() + nxt.strip(), out[i][1])
            out[i + 1] = ("", out[i + 1][1])
    return out


def _field_label(text: str) -> str | None:
    """The label of a field line (`责任单位:A`), else None."""
    norm = normalise(text)
    m = _FIELD_LINE_RE.match(norm)
    return m.group(1) if m and LABEL_RE.match(norm.strip()) is not None else None


def _row_fields(header: list[tuple[int, str]], at: int) -> list[str]:
    """The run of field lines the field line `at` stands in: one row's fields."""
    first, last = at, at
    while first > 0 and _field_label(header[first - 1][1]):
        first -= 1
    while last + 1 < len(header) and _field_label(header[last + 1][1]):
        last += 1
    return [text for _, text in header[first : last + 1]]


_HEADS_RE = lazy_compile(r"(?:主要|分管|有关)?(?:负责人|负责同志|领导)$")


def _row_leaders(field: str) -> list[str]:
    """The leaders of a row's 责任人 field: `A、B主要负责人` (the heads of A and B) is one leader as
    written; any other part is read as a 责任人 field is anywhere."""
    norm = normalise(field)
    colon = norm.index(":") + 1
    leaders: list[str] = []
    for a, b in split_top(norm, ",;", colon, len(norm)):
        part = field[a:b].strip(" 。")
        if _HEADS_RE.search(normalise(part)):
            leaders.append(part)
        elif part:
            leaders += read_responsibility(f"责任人:{part}").leaders
    return leaders


# An event plan's organisers, a run of header fields above its 工作分工 (`主办单位:市委宣传部…` / `承办单位:区委宣传部、
# 区文化体育局、区总工会` / `协办单位:…`): who hosts the event, no row's 责任单位 over the items (round 130).
_ORGANISER_RE = lazy_compile(r"(?:主办|承办|协办)单位", needs="单位")


def _organisers(fields: list[str]) -> bool:
    """Whether a run of field lines is an event's organisers: two of 主办 / 承办 / 协办单位 or more."""
    return sum(1 for f in fields if _ORGANISER_RE.fullmatch(_field_label(f) or "")) >= 2


def stated_above(header: list[tuple[int, str]]) -> tuple[Responsibility, str, str] | None:
    """The last 责任单位 / 牵头单位 field line before the first numbered item, for the items below
    that name no units of their own, with the leaders its row's 责任人 field names; and that row's
    完成时限 / 整改时限 field (`整改时限:立行立改`, cut before a next field such as `整改措施:`), or ""."""
    for at in range(len(header) - 1, -1, -1):
        text = header[at][1]
        label = _field_label(text)
        if label is None or label_role(label) in (DUE, LEADER):
            continue
        if _ORGANISER_RE.fullmatch(label) and _organisers(_row_fields(header, at)):
            continue
        resp = read_responsibility(text)
        if not (resp.found and resp.lead_and_co()[0]):
            continue
        due = ""
        for field in _row_fields(header, at):
            role = label_role(_field_label(field) or "")
            if role == LEADER:
                resp.leaders += [n for n in _row_leaders(field) if n not in resp.leaders]
            elif role == DUE and not due:
                norm = normalise(field)
                other = OTHER_FIELD_RE.search(norm, norm.index(":") + 1)
                due = field[: other.start() if other else len(field)].strip()
        return resp, f"上文字段:{label}", due
    return None

"""Field cells of a flattened table row, and a row's responsibility stated above its measures.

A 整改 table (整改任务 / 责任单位 / 整改目标 / 整改措施 / 整改时限) or a 任务清单 row that a web
page flattened a cell a line writes each field's name as a cell of its own, its value in the
next: `责任单位` / `A、B、C`. The name and the value are one field (`责任单位:A、B、C`). Such a row
states its 责任单位 once, above the numbered 整改措施 `(一)` `(二)` that carry it out: the field
governs every measure below it that names no units of its own, as a heading's carry does.
"""

from __future__ import annotations

import re

from .outline import line_marker
from .textutil import normalise, split_top
from .unit_labels import DUE, LABEL_RE, LEADER, label_role
from .unit_names import is_placeless_government, looks_like_units, organisation
from .units import Responsibility, read_responsibility


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


def stated_above(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The last 责任单位 / 牵头单位 field line before the first numbered item, for the items below
    that name no units of their own."""
    for _, text in reversed(header):
        norm = normalise(text)
        m = _FIELD_LINE_RE.match(norm)
        if not m or LABEL_RE.match(norm.strip()) is None:
            continue
        if label_role(m.group(1)) in (DUE, LEADER):
            continue
        resp = read_responsibility(text)
        if resp.found and resp.lead_and_co()[0]:
            return resp, f"上文字段:{m.group(1)}"
    return None

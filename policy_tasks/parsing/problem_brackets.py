"""Problems exposed under bracket headings, each field in a bracket of its own: one item a heading.

A city bureau's 曝光台 (and 督查 pages like it, as a chat group's daily 交办 is posted) gives each problem
it exposes as a heading in a bracket that holds the problem's number, often after the day it was
exposed, over the problem's fields, each label in a bracket and its value after it or on the lines
below:

    【1月21日 问题一】
    【点位名称】中江大道-三环路路段道路积尘
    【所属区域】弋江区
    【主管单位】市城管局
    【存在问题】
    此路段道路积尘严重,车过尘起。
    【整改期限】立行立改
    请市城管局开展现场调查,并将处理情况在群里报告。@市城管局 何凡

The heading is the item, numbered as it writes itself (`问题一`: `一`); the day in it is when the problem
was exposed, no deadline. The name field (`点位名称`, `问题名称`) is the item's name, as a numbered line's
name field is (`named_item_lines`). The unit field names who answers: `责任单位`, or `主管单位` (the office
in charge of the point), which leads where the problem names no other unit that answers and helps
beside one, as a bare `主管部门` column does beside a 责任单位 column. The deadline field (`整改期限`) is the
problem's. The other fields (`所属区域`, `位置`, `存在问题`, `整改要求`) are its text; a place field names no
unit. The request closing the problem may mention, as a chat does, the person it is addressed to at the
office (`@市城管局 何凡`): the one who acts and reports, a leader.

So each problem is written as the lines the outline reads: the numbered name line, the text fields a
line each (their values joined, so that a numbered requirement inside one opens no item), the request,
then the unit, deadline and leader lines. A bracket that holds no problem's number (a plain title
`【公共设施】`, a heading `【工作动态】`, a field label alone) opens no problem, and a page with none is
left as it was.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .textutil import normalise
from .unit_labels import DUE, LABEL_RE, LEAD, LEADER, LISTED, label_role
from .unit_names import looks_like_units

Lines = list[tuple[str, bool]]

# `【1月21日 问题一】`, `【问题2】`, `[2021年3月5日 问题十二]`: the problem's number in a bracket of its own,
# perhaps after the day (and the word 曝光) it was exposed on.
_HEADING = (
    r"\[\s*(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?:曝光)?问题\s*"
    r"(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})\s*\]"
)
_HEADING_RE = lazy_compile(rf"^{_HEADING}$")
_HEADING_IN_RE = lazy_compile(_HEADING)
# `【点位名称】X`: a label of up to eight characters in a bracket opening the line, its value after it.
_FIELD_RE = lazy_compile(r"^\[\s*(?P<label>[\u4e00-\u9fff]{2,8})\s*\]\s*(?P<value>.*)$")
# Where a copy that lost its line breaks ran the fields on: before each such bracket.
_FIELD_START_RE = lazy_compile(r"(?=\[\s*[\u4e00-\u9fff]{2,8}\s*\])")
_NAME_LABEL_RE = lazy_compile(r"^(?:点位|问题|项目|事项)?名称$")
# The office in charge of the point, named as a 主管 unit.
_IN_CHARGE_RE = lazy_compile(r"^主管(?:单位|部门)$")
# `@市城管局 何凡`, `@何凡`, `@市城管局 何凡(副局长)`: a chat's mention ending the line, the office perhaps
# before the person.
_MENTION_RE = lazy_compile(r"@\s*(?P<rest>[^@]{2,40}?)\s*$")
# `@所有人`, `@全体成员`: the whole group, no person.
_EVERYONE_RE = lazy_compile(r"^(?:所有人|全体(?:成员)?)$")


def _mentioned(value: str) -> tuple[str, str | None]:
    """The value without the chat's mention ending it, and the person mentioned (None when it names none)."""
    m = _MENTION_RE.search(value)
    if m is None:
        return value, None
    words = m["rest"].split()
    person = "".join(words[1:] if len(words) > 1 and looks_like_units(words[0]) else words)
    if _EVERYONE_RE.match(person) or not is_person(person):
        return value, None
    return value[: m.start()].strip(), person


def _role(label: str) -> str | None:
    """What a field assigns: a unit's role, DUE, or None for a field of the problem's text."""
    if _IN_CHARGE_RE.match(label):
        return LEAD
    if LABEL_RE.fullmatch(label + ":") is None:
        return None
    return label_role(label)


def _fields(block: list[str]) -> list[tuple[str, str]]:
    """The problem's fields in order, (label, value); label "" for a request line after them. A field's
    value is on its line or the lines below it; a text field's value goes on over the lines after it,
    up to a request (`请…`, a chat's mention)."""
    fields: list[tuple[str, list[str]]] = []
    for norm in block:
        m = _FIELD_RE.match(norm)
        if m is not None:
            fields.append((m["label"], [m["value"]] if m["value"].strip() else []))
            continue
        label, values = fields[-1] if fields else ("", [])
        if label and (not values or (_role(label) is None and not _requests(norm))):
            values.append(norm)
        else:
            fields.append(("", [norm]))
    return [(label, " ".join(v.strip() for v in values).strip()) for label, values in fields]


def _requests(norm: str) -> bool:
    """`请市城管局开展现场调查…。@市城管局 何凡`: the request closing the problem, no field's value."""
    return norm.startswith("请") or "@" in norm


def _problem(block: list[str], number: str) -> list[str]:
    """One problem's lines (those after its heading) as the outline reads them."""
    fields = [(label, value) for label, value in _fields(block) if value]
    name = next((value for label, value in fields if _NAME_LABEL_RE.match(label)), "")
    answering = any(_role(label) in (LEAD, LISTED) for label, _ in fields if not _IN_CHARGE_RE.match(label))
    text: list[str] = []
    units: list[str] = []
    due: list[str] = []
    leaders: list[str] = []
    for label, value in fields:
        if _NAME_LABEL_RE.match(label):
            continue
        value, person = _mentioned(value)
        leaders += [f"责任人:{person}"] if person else []
        if not value:
            continue
        if not label:
            text.append(value)
        elif _IN_CHARGE_RE.match(label):
            units.append(f"{'配合单位' if answering else '责任单位'}:{value}")
        elif (role := _role(label)) is None:
            text.append(f"{label}:{value}")
        else:
            (due if role == DUE else leaders if role == LEADER else units).append(f"{label}:{value}")
    if not name and text:
        name = text.pop(0)
    return [f"{number}、{name}", *text, *units, *due, *leaders]


def _run_on(lines: Lines, norms: list[str]) -> tuple[Lines, list[str]]:
    """The lines with a heading or a field a copy ran on (`…予以应用。【1月21日 问题一】【点位名称】X【主管单位】Y`) on a
    line of its own again: the line is cut before its first heading and, from there, before each field."""
    out: Lines = []
    for (text, splittable), norm in zip(lines, norms, strict=True):
        m = _HEADING_IN_RE.search(norm)
        if m is None or (m.start() == 0 and m.end() == len(norm)):
            out.append((text, splittable))
            continue
        parts = [norm[: m.start()], *_FIELD_START_RE.split(norm[m.start() :])]
        out += [(part.strip(), splittable) for part in parts if part.strip()]
    return out, [normalise(text).strip() for text, _ in out]


def problem_brackets(lines: Lines) -> Lines:
    """The lines with each bracketed problem written as a numbered item and its field lines (see above)."""
    if not any("问题" in text for text, _ in lines):
        return lines  # most documents: no heading to look for
    norms = [normalise(text).strip() for text, _ in lines]
    if not any(_HEADING_IN_RE.search(norm) for norm in norms):
        return lines
    lines, norms = _run_on(lines, norms)
    heads = [k for k, norm in enumerate(norms) if _HEADING_RE.match(norm)]
    out: Lines = list(lines[: heads[0]])
    for i, at in enumerate(heads):
        end = heads[i + 1] if i + 1 < len(heads) else len(lines)
        number = _HEADING_RE.match(norms[at])["n"]  # type: ignore[index]
        block = [norm for norm in norms[at + 1 : end] if norm]
        out += [(line, False) for line in _problem(block, number)]
    return out

"""Responsibility: who a clause names, and in what role.

The genre writes who is responsible in many ways, all read here:
`(责任单位:A、B)` (the first listed leads), `(A牵头,B、C配合)`,
`(责任领导:某某;牵头单位:A、B;责任单位:C)`, field lines after the clause
(`牵头单位:A` / `配合单位:B` / `完成时限:2023年12月底`, several on one line as
in a table), and an area's `(由A、B牵头实施)`.

An item that names no one so may write its assignment as prose (`prose_assignments`).
Names are kept as written here; `unit_names` splits and judges lists of names (units, groups,
persons) and its `UnitBook` turns them into canonical units.
"""

from __future__ import annotations

import functools
import re

from .bare_unit_brackets import listed_places
from .carry_out_parts import carry_out_names
from .convened_units import assisted_part, convened_part
from .dated_brackets import after_time_brackets, before_time_brackets, before_time_parts
from .deadlines import is_time_part
from .helper_brackets import charged_before, split_bracketed_helpers, without_spaced_persons
from .joint_units import split_joint
from .local_duty_sentences import local_duty_names
from .local_parts import local_names
from .none_marks import says_none
from .person_cells import person_cell
from .person_names import is_person_among
from .prose_assignments import read_sentences
from .quantified_kinds import group_bracket
from .reading_rules import without_reading_rule
from .remit_words import REMIT_HINT
from .responsibility import Responsibility
from .role_runs import free_part, helping_part, one_person, overseeing_office, read_free, role_parts, roles_alone
from .role_sentences import role_noun_part
from .set_up_groups import headed_group
from .supporting_parts import supporting_names
from .textutil import bracket_depths, normalise, split_top, strip_span
from .trailing_units import trailing_units
from .unit_labels import (
    CO,
    DUE,
    FREE_RE,
    LEAD,
    LEADER,
    LISTED,
    OTHER_FIELD_RE,
    OVERSEER,
    STOP_RE,
    before_flat_table,
    find_label,
    find_labels,
    free_role,
    label_role,
)
from .unit_lists import deferred_leaders, one_person_per_name, split_names
from .unit_names import TRIM as _TRIM
from .unit_names import looks_like_units
from .worded_cells import worded_names

__all__ = ["CO", "DUE", "LEAD", "LEADER", "LISTED", "read_responsibility"]


_OPENERS = {"(": ")", "[": "]", "〔": "〕"}


def read_responsibility(text: str) -> Responsibility:
    """Who `text` names, as written. The outline asks about the same item text many times."""
    return _read_cached(text).copy()


def peek_responsibility(text: str) -> Responsibility:
    """The reading of `text` that every caller shares, for readers that only look at it (a line
    reader asks about most lines several times, and copying took a tenth of a task list's parse).
    Whatever changes a reading takes `read_responsibility`'s copy instead."""
    return _read_cached(text)


# The words that give units their roles in a cell of their own: `A牵头,B配合`, `A负责`, `A主办,B协办`,
# `A、B等按职责分工落实`.
_ROLE_WORDS_RE = re.compile(r"牵头|配合|负责|主办|协办|" + REMIT_HINT)


def roles_in_words(cell: str) -> dict[str, list[str]] | None:
    """The roles of a unit cell that names them in words (`A牵头,B配合`, `A负责`), read as a
    clause's bracket of the same words is; None when the cell is no such thing (a plain list)."""
    if not _ROLE_WORDS_RE.search(cell):
        return None
    found = read_responsibility(f"({cell})")
    return found.roles if found.found else None


@functools.lru_cache(maxsize=8192)
def _read_cached(text: str) -> Responsibility:
    norm = without_reading_rule(normalise(text))
    found = Responsibility()
    for start, end in _paren_groups(norm):
        if _is_responsibility(norm, start, end):
            found.spans.append((start - 1, min(end + 1, len(text))))
            _read_fields(text, norm, start, end, found)
            found.origin = found.origin or "括号"
            if found.roles[CO] and not (found.roles[LEAD] or found.roles[LISTED]):
                if charged := charged_before(norm, start - 1):
                    # `县交通局负责(县财政局配合)`: the helpers of the unit the prose charges right before.
                    read_free(text, norm, *charged, found)
                    found.spans[-1] = (charged[0], found.spans[-1][1])  # one span: the words and their bracket
    # Outside brackets a label runs to its line end: a field line after the
    # body, or several fields on one line as in a table.
    depths = bracket_depths(norm)
    for m in find_labels(norm):
        start = m.start()
        if depths[start] or any(s <= start < e for s, e in found.spans):
            continue
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        found.spans.append((start, end))
        _read_fields(text, norm, start, end, found)
        found.origin = found.origin or "标注行"
    if found.origin == "标注行" and (headed := headed_group(text, norm)) is not None:
        # `成立由局主要领导为组长的…小组`: the group helps the field's units, its head leads it (`set_up_groups`).
        found.roles[CO] += [headed[0]] if headed[0] not in found.roles[CO] else []
        found.leaders.append(headed[1])
    if not found.found:
        read_sentences(text, norm, found)
    found.spans.sort()
    split_joint(found.roles)
    found.leaders += split_bracketed_helpers(found.roles)
    # `(A、B,其中B牵头)`, `责任单位:A、B,B为牵头单位`: a unit listed and then named the lead only leads.
    for role in (LISTED, CO):
        found.roles[role] = [n for n in found.roles[role] if n not in found.roles[LEAD]]
    # A leader's title or name written among the units is a leader, never a unit.
    for role, names in found.roles.items():
        persons = [n for i, n in enumerate(names) if is_person_among(names, i)]
        if persons:
            found.roles[role] = [n for n in names if n not in persons]
            found.leaders += persons
    # `牵头单位:A(责任人:张三)` on a line: the bracket is read on its own and with the label's value.
    found.leaders = list(dict.fromkeys(found.leaders))
    return found


def _paren_groups(norm: str) -> list[tuple[int, int]]:
    """Inner spans of top-level bracket groups; an unclosed one runs to its line end.

    A bracket the writer never closed is an aside left open (`(三级路为XX—XX公里。四级路为…。(责任单位:X)`, round 141):
    the brackets closed inside it are groups of their own, and the open one ends before the first of them, so that
    the unit bracket closing the line is read as it would be had the aside been closed (no `)` on a name)."""
    groups, stack = [], []
    nested: list[tuple[int, int, tuple[int, ...]]] = []  # closed inside open brackets: span, the openers around it
    for i, ch in enumerate(norm):
        if ch in _OPENERS:
            stack.append((ch, i))
        elif stack and ch == _OPENERS[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                groups.append((start + 1, i))
            else:
                nested.append((start + 1, i, tuple(at for _, at in stack)))
    if stack:
        start = stack[0][1]
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        open_at = {at for _, at in stack}
        freed = [(s, e) for s, e, around in nested if set(around) <= open_at]
        inside = [(s, e) for s, e in freed if s <= end]
        if inside:
            end = inside[0][0] - 1
        groups.append((start + 1, end))
        groups += freed
        groups.sort()
    return groups


def _is_responsibility(norm: str, start: int, end: int) -> bool:
    if find_label(norm, start, end):
        return True
    if group_bracket(norm, start, end):
        return False  # `配合单位:各镇(街道、园区)`: the group's own bracket of the kinds it takes in (round 187)
    # Unlabelled `(A牵头,B配合)` only closes a line: a parenthesis inside the
    # prose ending in 负责/参与 is far more often an aside than an assignment.
    line_end = norm.find("\n", end)
    after = norm[end + 1 : len(norm) if line_end < 0 else line_end].strip(" ")
    # `(县交通局)(2026年6月底前)`, `(6月底前)(县交通局)`: the time's own bracket beside the units' (`dated_brackets`).
    after = after_time_brackets(after).strip(" ")
    closes_line = not after.strip("。.;,")
    before = before_time_brackets(norm[: start - 1].rstrip(" "))
    # Mid-paragraph, only a bracket that ends a sentence (or, naming roles, a clause of one)
    # can assign that sentence's work; so can one standing right after a sentence's end, whatever
    # follows (`…1150万人左右。(市人口计生委牵头)万元地区生产总值…`).
    after_sentence = before.rstrip()[-1:] in ("。", "")
    # `联盛快乐城(县商务局负责):前期通报…`: a 督查通报's point, a place's short name and its bracket before the colon
    # heading the problems, as `(责任单位:X):` does (round 152).
    line_start = norm.rfind("\n", 0, start - 1) + 1
    heads_point = after[:1] == ":" and len(before) - line_start <= 20 and not re.search(r"[。;,:]", before[line_start:])
    if not closes_line and after[:1] not in ("。", ";", ",") and not after_sentence and not heads_point:
        return False
    inner = _before_stop(norm, start, end, keep_role=True)
    if adds := _ADDS_RE.search(norm, start, inner):
        # `〔市人社局,此项及以下任务均需…落实,不再列出〕`: the units named before the carry sentence.
        inner = strip_span(norm, start, adds.start(), _TRIM)[1]
    if note := _CARRY_NOTE_RE.search(norm, start, inner):
        inner = note.start()  # `(A、B,下同)`: the list's note that it carries on, no name of it
    parts = split_top(norm, ",;", start, inner)
    if roles_alone(norm, parts) or any(
        free_part(norm[s:e].strip(_TRIM))
        or role_noun_part(norm[s:e].strip(_TRIM))
        or convened_part(norm[s:e].strip(_TRIM))
        or assisted_part(norm[s:e].strip(_TRIM))
        for s, e in parts
    ):
        return True
    if not closes_line and after[:1] == ",":
        return False
    # A bare list of units assigns as a sentence of its own (`…以上。(A,B)`), or inside one naming two or more.
    own_sentence = not before or before[-1] in "。;\n"
    # `1.【县交通局】完成…`: a unit's name in 【】 opening the item heads it as its owner.
    closes_line = closes_line or (not before and norm[start - 1] == "[")
    inner = before_time_parts(norm, start, inner)  # `(县交通局,6月底前)`: the time closing the list
    parts = split_top(norm, ",;", start, inner)
    while len(parts) > 1 and one_person(norm[parts[0][0] : parts[0][1]].strip(_TRIM)):
        start = parts.pop(0)[1] + 1  # `(张三副县长,县交通局)`: the leader before the units
    # `(县交通局 张三)`: the unit's person after it is a leader, no name of the list. `(包括A镇、B镇)` lists places.
    least = 1 if own_sentence and closes_line else 2
    return not listed_places(norm[start:inner]) and looks_like_units(without_spaced_persons(norm[start:inner]), least)


# `下同` closing a plain list: the same units govern the clauses that follow and name none. A carry sentence
# may follow it after a comma or a semicolon (`(A、B,下同;以下各项均需C落实,不再列出)`): the mark stays a note.
_CARRY_NOTE_RE = re.compile(r"[,;、]?\s*(?:以下同|下同)[\s,;。]*$")


def _before_stop(norm: str, start: int, end: int, *, keep_role: bool = False) -> int:
    """Where a unit list ends: at a sentence end, or at `按职责分工负责` (kept when it is the role)."""
    depths = bracket_depths(norm[start:end])
    for m in STOP_RE.finditer(norm, start, end):
        if depths[m.start() - start]:
            continue
        if m.group() == "。" or not keep_role:
            return m.start()
        return m.end()
    return end


_ADDS_RE = re.compile(
    # `此项及以下任务均需A落实`: the item that says it is governed too.
    r"(?P<this>(?:此项|本项|该项|本条)及)?(?:"
    # `以下政策措施均需A、B落实`: what the sentence governs may be named before 均.
    r"以下(?:各项)?(?:[^。,;、]{0,8}?(?:均|都))?(?:需|由|要)?(?P<names>[^。,;]{2,40}?)(?:落实|负责|配合|参与)[^。]{0,12}?不再(?:逐条|逐一|逐项|单独|一一|重复)?列出"
    # `以下各项任务均涉及四市或部分市人民政府,不再列出`: the units every later task involves.
    r"|以下(?:各项)?[^。,;、]{0,8}?(?:均|都)涉及(?P<involved>[^。,;]{2,40}?)[,;]?不再(?:逐条|逐一|逐项|单独|一一|重复)?列出)"
)


def carried_adds(text: str) -> list[str]:
    """Public: the units every carry sentence in `text` adds to the clauses after it
    (`以下各项任务均需A落实,不再列出`), wherever it stands; read by `governing_sentences` for the
    sentences outside any clause."""
    norm = normalise(text)
    names: list[str] = []
    for adds in _ADDS_RE.finditer(norm):
        names += [n for n in _governed(text, norm, adds) if n not in names]
    return names


def _governed(text: str, norm: str, adds: re.Match[str]) -> list[str]:
    """The units one carry sentence (`_ADDS_RE`'s match) names."""
    group = "names" if adds["names"] else "involved"
    return split_names(text, norm, adds.start(group), adds.end(group))


def _read_fields(text: str, norm: str, start: int, end: int, found: Responsibility) -> None:
    governed: list[str] = []
    if adds := _ADDS_RE.search(norm, start, end):
        governed = _governed(text, norm, adds)
        found.adds += governed
        end = min(end, adds.start())
    _read_own_fields(text, norm, start, end, found)
    if adds and not adds["this"]:
        # `(牵头单位:A。各镇落实属地管理责任,以下均需…不再重复列出)`: the towns the sentence before the carry charges.
        found.roles[CO] += [n for n in local_duty_names(text, norm, start, adds.start()) if n not in found.roles[CO]]
    if adds and adds["this"]:
        # `此项及以下…均需A落实`: A shares this item too, after the units it names as its own.
        found.roles[CO] += governed


def _read_own_fields(text: str, norm: str, start: int, end: int, found: Responsibility) -> None:
    if re.search(r"下同|以下同", norm[start:end]) and not re.search(r"为牵头单位[^)]{0,3}下同", norm[start:end]):
        found.carries = True
    # `牵头单位:A(责任人:张三)`: a leader's label in the bracket after a unit names the unit's person
    # (`helper_brackets`), and leaves the unit's list whole.
    depths = bracket_depths(norm[start:end])
    labels = [
        m for m in find_labels(norm, start, end) if not (depths[m.start() - start] and label_role(m[1]) == LEADER)
    ]
    free_end = labels[0].start() if labels else end
    free_stop = _with_times_after(norm, _before_stop(norm, start, free_end, keep_role=True), free_end)
    if note := _CARRY_NOTE_RE.search(norm, start, free_stop):
        free_stop = note.start()  # `(A、B,下同)`: the note names no unit
    read_free(text, norm, start, free_stop, found)
    for i, m in enumerate(labels):
        value_end = labels[i + 1].start() if i + 1 < len(labels) else end
        role = label_role(m[1])
        if role == OVERSEER:
            continue  # `督办单位:县政府督查室`: the office overseeing the item is no unit of it
        if role != DUE and (other := OTHER_FIELD_RE.search(norm, m.end(), value_end)):
            value_end = other.start()
        if role != DUE:
            value_end = before_flat_table(norm, m.end(), value_end)
        if role != DUE and says_none(norm[m.end() : value_end]):
            continue  # `配合单位:无`: a table's cell saying no unit helps (`none_marks`)
        if role == DUE:
            vs, ve = strip_span(norm, m.end(), value_end, _TRIM)
            found.due_fields.append((m.start(), ve, vs, ve))
        elif role == LEADER:
            # `责任领导:王 嵘 方 勇`, `责任人:安洪海 五县县长`: names padded or set apart by spaces; `按…分工(A、B)`.
            value = norm[m.end() : value_end]
            spaced = person_cell(value.strip(" ;,。")) if " " in value else None
            spaced_names = spaced.split("、") if spaced else split_names(text, norm, m.end(), value_end)
            found.leaders += one_person_per_name(deferred_leaders(value) or spaced_names)
        else:
            # `责任单位:A、B等部门,C、各镇配合`: a part that names its own role keeps it.
            stop = _with_times_after(norm, _before_stop(norm, m.end(), value_end, keep_role=True), value_end)
            if roles_alone(norm, role_parts(norm, m.end(), stop)):
                read_free(text, norm, m.end(), stop, found)  # `责任单位:A,牵头;B,配合`: each list's own role
                continue
            for s, e in role_parts(norm, m.end(), stop):
                s, e = strip_span(norm, s, e, _TRIM)
                if s < e and is_time_part(norm[s:e]):
                    # `责任单位:A、B,6月底完成)`: a deadline closing the list is the 完成时限.
                    found.due_fields.append((s, e, s, e))
                    continue
                if overseeing_office(norm[s:e]):
                    continue  # `责任单位:A、B,县政府督查室督办`: the office overseeing the item
                free = FREE_RE.match(norm[s:e])
                # Under a label only an explicit 牵头 / 配合 changes the label's role;
                # `按职责分工负责` just ends the list.
                if free and free_role(free["role"]) in (LEAD, CO):
                    read_free(text, norm, s, e, found)
                elif part := role_noun_part(norm[s:e]):
                    # `责任单位:A、B,B为牵头单位`: the role noun names the role of units the list named.
                    found.roles[part[0]] += split_names(text, norm, s + part[1], s + part[2])
                elif (found.roles[LEAD] or found.roles[LISTED]) and (local := local_names(norm[s:e])):
                    # `A、B按职责分工负责,各地级以上市人民政府结合实际落实`: the level carrying it out helps.
                    found.roles[CO] += split_names(text, norm, s + local[0], s + local[1])
                elif found.roles[LEAD] and (carried := carry_out_names(norm[s:e])) is not None:
                    # `责任单位:A牵头,B参加,各镇街落实`: the units carrying the work out help.
                    found.roles[CO] += split_names(text, norm, s + carried[0], s + carried[1])
                elif found.roles[LEAD] or found.roles[role]:
                    if (support := supporting_names(norm[s:e])) is None:
                        _read_names(text, norm, s, e, role, found)
                    else:  # `责任单位:A,B做好资金保障`: the units doing a supporting part help.
                        found.roles[CO] += split_names(text, norm, s + support[0], s + support[1])
                else:
                    _read_names(text, norm, s, e, role, found)


def _read_names(text: str, norm: str, s: int, e: int, role: str, found: Responsibility) -> None:
    """A label's part that names units with no role of their own: they take the label's role."""
    e = _before_stop(norm, s, e)
    if local := local_names(norm[s:e]):
        s, e = s + local[0], s + local[1]  # `责任单位:各市人民政府结合实际落实`: the phrase is no part of a name
    elif (worded := worded_names(norm[s:e])) is not None:
        s, e = s + worded[0], s + worded[1]  # `请市文明办协调解决`: the units inside the request
    names = split_names(text, norm, s, e)
    for i, name in enumerate(names):
        # `市民政局 伍泽国`: the unit's head named beside it is a person.
        (found.leaders if is_person_among(names, i) else found.roles[role]).append(name)


def _with_times_after(norm: str, stop: int, end: int) -> int:
    """Where a unit list ending at a role word (`分别负责`, `按职责分工负责`) ends once the time
    phrases right after the role are counted in: `(市政府各部门分别负责,年内持续推进)` dates the
    clause as `(市政府各部门负责,年内持续推进)` does. Only whole time phrases are taken, one part
    (`,`/`;`) after another, and units helping after them (`(A、B按职责分工负责,C配合)`: C helps; so does
    the level carrying it out locally, `…,各地级以上市人民政府结合实际落实`, `local_parts`, and units named bare,
    `(A、B分工负责;各乡镇)`, `trailing_units`);
    anything else after the role is no part of the list."""
    if stop >= end or norm[stop] == "。":
        return stop
    after = stop
    for s, e in split_top(norm, ",;", stop, _before_stop(norm, stop, end)):
        s, e = strip_span(norm, s, e, _TRIM)
        if s >= e:
            continue  # the empty part between the role and its comma
        part = norm[s:e]
        # `(A、B分工负责;各乡镇)`: the units named bare after the role help (`trailing_units`).
        if not is_time_part(part) and not helping_part(part) and not local_names(part) and not trailing_units(part):
            break
        after = e
    return after

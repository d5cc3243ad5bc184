"""Responsibility: who a clause names, and in what role.

The genre writes who is responsible in many ways, all read here:
`(责任单位:A、B)` (the first listed leads), `(A牵头,B、C配合)`,
`(责任领导:某某;牵头单位:A、B;责任单位:C)`, field lines after the clause
(`牵头单位:A` / `配合单位:B` / `完成时限:2023年12月底`, several on one line as
in a table), and an area's `(由A、B牵头实施)`.

Names are kept as written here; `unit_names` splits and judges lists of names (units, groups,
persons) and its `UnitBook` turns them into canonical units.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .carry_out_parts import carry_out_names
from .closing_units import closing_unit_spans
from .convened_units import convened_assignment, convened_part
from .dashed_units import dashed_unit_span
from .dated_brackets import after_time_brackets, before_time_brackets, before_time_parts
from .deadlines import is_time_part
from .helper_brackets import split_bracketed_helpers
from .joint_units import joined_names, split_joint
from .opening_roles import helping_spans
from .reading_rules import without_reading_rule
from .remit_words import REMIT_HINT
from .responsibility import Responsibility
from .role_runs import free_part, helping_part, one_person, read_free, role_parts
from .role_sentences import opening_subject, role_noun_part, role_noun_parts
from .textutil import bracket_depths, normalise, split_top, strip_span
from .unit_labels import (
    CHARGE_RE,
    CO,
    DUE,
    FREE_RE,
    LABEL_RE,
    LEAD,
    LEADER,
    LISTED,
    OTHER_FIELD_RE,
    STOP_RE,
    before_flat_table,
    free_role,
    label_role,
)
from .unit_lists import one_person_per_name, split_names
from .unit_names import TRIM as _TRIM
from .unit_names import is_person_among, looks_like_units
from .work_sentences import work_assignments

__all__ = ["CO", "DUE", "LEAD", "LEADER", "LISTED", "read_responsibility"]


_OPENERS = {"(": ")", "[": "]", "〔": "〕"}


def read_responsibility(text: str) -> Responsibility:
    """Who `text` names, as written. The outline asks about the same item text many times."""
    return _read_cached(text).copy()


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
    # Outside brackets a label runs to its line end: a field line after the
    # body, or several fields on one line as in a table.
    depths = bracket_depths(norm)
    for m in LABEL_RE.finditer(norm):
        start = m.start()
        if depths[start] or any(s <= start < e for s, e in found.spans):
            continue
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        found.spans.append((start, end))
        _read_fields(text, norm, start, end, found)
        found.origin = found.origin or "标注行"
    if not found.found:
        _read_sentences(text, norm, found)
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
    return found


_SENTENCE_RE = re.compile(r"[^。;\n]+")


def _read_sentences(text: str, norm: str, found: Responsibility) -> None:
    """`由副市长负责,市发改委牵头,相关部门配合,尽快完成…` or `…。省水利厅牵头,省发改委等单位配合。`:
    an assignment written as prose, a run of `X牵头` / `Y配合` parts opening a sentence; else
    units as the subject of a role noun (`A为牵头单位…。B、C为协办单位`, `role_sentences`); a sentence
    about the item's own work (`此项工作由A负责组织,B具体实施`, `work_sentences`) comes first."""
    if work := work_assignments(norm):
        for role, s, e, _, _ in work:
            found.roles[role] += split_names(text, norm, s, e)
        found.spans.append(work[0][3:])
        found.origin = found.origin or "正文"
        return
    if dashed := dashed_unit_span(norm):
        # `…改造30公里。——县交通局`: the units signing the item after a dash (`dashed_units`).
        read_free(text, norm, dashed[1], dashed[2], found)
        if found.found:
            found.spans.append((dashed[0], dashed[2]))
            found.origin = "正文"
            return
    for sentence in _SENTENCE_RE.finditer(norm):
        parts = [strip_span(norm, s, e, _TRIM) for s, e in split_top(norm, ",", sentence.start(), sentence.end())]
        run = []
        for s, e in parts:
            m = free_part(norm[s:e])
            if m and len(norm[s:e]) <= 60:
                run.append((s, e, m["role"]))
            elif run and free_role(run[0][2]) == LEAD and carry_out_names(norm[s:e]) is not None:
                run.append((s, e, ""))  # `由A牵头,各镇街具体实施`: the units carrying it out help
            elif run and free_role(run[0][2]) == LEAD and joined_names(norm[s:e]) is not None:
                run.append((s, e, ""))  # `由A牵头,会同B推进`: the units the lead works with help
            else:
                break
        leads = any(free_role(role) == LEAD for _, _, role in run if role)
        if (len(run) >= 2 and (leads or (sentence.start() > 0 and _charged_then_helped(run)))) or (
            len(run) == len(parts) == 1 and leads
        ):
            read_free(text, norm, run[0][0], run[-1][1], found)
            found.spans.append((run[0][0], run[-1][1]))
            found.origin = found.origin or "正文"
            return
    # The sentence forms in turn, the first that names a unit wins: `A为牵头单位`, `4项目标的责任单位均为A`,
    # `由A会同B等部门负责落实`.
    forms: tuple[Callable[[], list[tuple[str, int, int, int, int]]], ...] = (
        lambda: role_noun_parts(norm),
        lambda: [(LISTED, *span) for span in closing_unit_spans(norm)],
        lambda: convened_assignment(norm),
    )
    for form in forms:
        for role, s, e, part_start, part_end in form():
            found.roles[role] += split_names(text, norm, s, e)
            found.spans.append((part_start, part_end))
            found.origin = found.origin or "正文"
        if found.found:
            return


def _charged_then_helped(run: list[tuple[int, int, str]]) -> bool:
    """`A负责落实,B、C配合`: a unit charged with the work and others helping is an assignment as plain
    as `A牵头,B配合`; a run of `负责` parts alone (`A负责…,B负责…`) may be two parts of the work. Only
    after the item's first sentence (`强化项目建设。A负责落实,B配合。`): a charge that opens the item is
    `opening_charge`'s, where each sentence so opened is a clause of its own."""
    roles = [role for _, _, role in run]
    return bool(CHARGE_RE.fullmatch(roles[0])) and all(free_role(role) == CO for role in roles[1:])


def opening_charge(text: str) -> Responsibility | None:
    """An item naming no responsibility, no label either, that opens with a unit's name and
    `要` / `负责` (`州政府督查室要…`) charges that unit (`role_sentences.opening_subject`); an
    opening `由A负责,B、C配合,` names its helping units too (`opening_roles`)."""
    norm = normalise(text)
    if read_responsibility(text).found or LABEL_RE.search(norm):
        return None
    span = opening_subject(norm)
    if span is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, *span)
    for s, e in helping_spans(norm, span[1]):  # `由A负责,B、C配合,…`
        found.roles[CO] += split_names(text, norm, s, e)
    return found if found.found else None


def _paren_groups(norm: str) -> list[tuple[int, int]]:
    """Inner spans of top-level bracket groups; an unclosed one runs to its line end."""
    groups, stack = [], []
    for i, ch in enumerate(norm):
        if ch in _OPENERS:
            stack.append((ch, i))
        elif stack and ch == _OPENERS[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                groups.append((start + 1, i))
    if stack:
        start = stack[0][1]
        end = norm.find("\n", start)
        groups.append((start + 1, len(norm) if end < 0 else end))
    return groups


def _is_responsibility(norm: str, start: int, end: int) -> bool:
    if LABEL_RE.search(norm, start, end):
        return True
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
    if not closes_line and after[:1] not in ("。", ";", ",") and not after_sentence:
        return False
    inner = _before_stop(norm, start, end, keep_role=True)
    if adds := _ADDS_RE.search(norm, start, inner):
        # `〔市人社局,此项及以下任务均需…落实,不再列出〕`: the units named before the carry sentence.
        inner = strip_span(norm, start, adds.start(), _TRIM)[1]
    if note := _CARRY_NOTE_RE.search(norm, start, inner):
        inner = note.start()  # `(A、B,下同)`: the list's note that it carries on, no name of it
    if any(
        free_part(norm[s:e].strip(_TRIM))
        or role_noun_part(norm[s:e].strip(_TRIM))
        or convened_part(norm[s:e].strip(_TRIM))
        for s, e in split_top(norm, ",;", start, inner)
    ):
        return True
    if not closes_line and after[:1] == ",":
        return False
    # A bare list of units is an assignment as a sentence of its own (`…以上。(A,B)`), or, inside
    # a sentence, when it names two units or more (`…县域经济(省经委、发改委、财政厅)。`).
    own_sentence = not before or before[-1] in "。;\n"
    # `1.【县交通局】完成…`: a unit's name in 【】 opening the item heads it as its owner.
    closes_line = closes_line or (not before and norm[start - 1] == "[")
    inner = before_time_parts(norm, start, inner)  # `(县交通局,6月底前)`: the time closing the list
    parts = split_top(norm, ",;", start, inner)
    while len(parts) > 1 and one_person(norm[parts[0][0] : parts[0][1]].strip(_TRIM)):
        start = parts.pop(0)[1] + 1  # `(张三副县长,县交通局)`: the leader before the units
    return looks_like_units(norm[start:inner], 1 if own_sentence and closes_line else 2)


# `下同` closing a plain list: the same units govern the clauses that follow and name none.
_CARRY_NOTE_RE = re.compile(r"[,;、]?\s*(?:以下同|下同)\s*$")


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
    r"以下(?:各项)?(?:[^。,;、]{0,8}?(?:均|都))?(?:需|由|要)?(?P<names>[^。,;]{2,40}?)(?:落实|负责|配合|参与)[^。]{0,12}?不再(?:逐条|逐一|逐项|单独|一一)?列出"
    # `以下各项任务均涉及四市或部分市人民政府,不再列出`: the units every later task involves.
    r"|以下(?:各项)?[^。,;、]{0,8}?(?:均|都)涉及(?P<involved>[^。,;]{2,40}?)[,;]?不再(?:逐条|逐一|逐项|单独|一一)?列出)"
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
    if adds and adds["this"]:
        # `此项及以下…均需A落实`: A shares this item too, after the units it names as its own.
        found.roles[CO] += governed


def _read_own_fields(text: str, norm: str, start: int, end: int, found: Responsibility) -> None:
    if re.search(r"下同|以下同", norm[start:end]) and not re.search(r"为牵头单位[^)]{0,3}下同", norm[start:end]):
        found.carries = True
    labels = list(LABEL_RE.finditer(norm, start, end))
    free_end = labels[0].start() if labels else end
    free_stop = _with_times_after(norm, _before_stop(norm, start, free_end, keep_role=True), free_end)
    if note := _CARRY_NOTE_RE.search(norm, start, free_stop):
        free_stop = note.start()  # `(A、B,下同)`: the note names no unit
    read_free(text, norm, start, free_stop, found)
    for i, m in enumerate(labels):
        value_end = labels[i + 1].start() if i + 1 < len(labels) else end
        role = label_role(m[1])
        if role != DUE and (other := OTHER_FIELD_RE.search(norm, m.end(), value_end)):
            value_end = other.start()
        if role != DUE:
            value_end = before_flat_table(norm, m.end(), value_end)
        if role == DUE:
            vs, ve = strip_span(norm, m.end(), value_end, _TRIM)
            found.due_fields.append((m.start(), ve, vs, ve))
        elif role == LEADER:
            found.leaders += one_person_per_name(split_names(text, norm, m.end(), value_end))
        else:
            # `责任单位:A、B等部门,C、各镇配合`: a part that names its own role keeps it.
            stop = _with_times_after(norm, _before_stop(norm, m.end(), value_end, keep_role=True), value_end)
            for s, e in role_parts(norm, m.end(), stop):
                s, e = strip_span(norm, s, e, _TRIM)
                if s < e and is_time_part(norm[s:e]):
                    # `责任单位:A、B,6月底完成)`: a deadline closing the list is the 完成时限.
                    found.due_fields.append((s, e, s, e))
                    continue
                free = FREE_RE.match(norm[s:e])
                # Under a label only an explicit 牵头 / 配合 changes the label's role;
                # `按职责分工负责` just ends the list.
                if free and free_role(free["role"]) in (LEAD, CO):
                    read_free(text, norm, s, e, found)
                elif part := role_noun_part(norm[s:e]):
                    # `责任单位:A、B,B为牵头单位`: the role noun names the role of units the list named.
                    found.roles[part[0]] += split_names(text, norm, s + part[1], s + part[2])
                elif found.roles[LEAD] and (carried := carry_out_names(norm[s:e])) is not None:
                    # `责任单位:A牵头,B参加,各镇街落实`: the units carrying the work out help.
                    found.roles[CO] += split_names(text, norm, s + carried[0], s + carried[1])
                else:
                    e = _before_stop(norm, s, e)
                    names = split_names(text, norm, s, e)
                    for i, name in enumerate(names):
                        # `市民政局 伍泽国`: the unit's head named beside it is a person.
                        (found.leaders if is_person_among(names, i) else found.roles[role]).append(name)


def _with_times_after(norm: str, stop: int, end: int) -> int:
    """Where a unit list ending at a role word (`分别负责`, `按职责分工负责`) ends once the time
    phrases right after the role are counted in: `(市政府各部门分别负责,年内持续推进)` dates the
    clause as `(市政府各部门负责,年内持续推进)` does. Only whole time phrases are taken, one part
    (`,`/`;`) after another, and units helping after them (`(A、B按职责分工负责,C配合)`: C helps);
    anything else after the role is no part of the list."""
    if stop >= end or norm[stop] == "。":
        return stop
    after = stop
    for s, e in split_top(norm, ",;", stop, _before_stop(norm, stop, end)):
        s, e = strip_span(norm, s, e, _TRIM)
        if s >= e:
            continue  # the empty part between the role and its comma
        if not is_time_part(norm[s:e]) and not helping_part(norm[s:e]):
            break
        after = e
    return after
